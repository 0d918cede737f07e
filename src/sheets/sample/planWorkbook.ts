/**
 * A workbook that exists only as plans: each added plan is prepared as a writer would prepare it
 * (unique sheet and table names against what was added before), and reading a range gives the
 * engine's own values — a literal as written, a formula cell its `expect`. Later generators can
 * then build on earlier sheets without any spreadsheet computing them, which is what the
 * self-check needs: every expectation comes from the engine, none from the Excel under test.
 */
import { formatRange, parseRange } from "../formula/a1";
import { cellKey, finalCells, prepareWorkbookPlan, type FinalCell, type PreparedSheet } from "../formula/prepare";
import { isFormulaCell, type FoundPlan, type PlanCell, type RangeData, type Scalar, type WorkbookPlan } from "../plan";
import type { SampleWorkbook } from "./sampleWorkbook";

export interface PlanWorkbook extends SampleWorkbook {
  /** Every sheet added so far, prepared, in order. */
  readonly sheets: readonly PreparedSheet[];
}

function valueOf(cell: FinalCell | undefined): Scalar {
  if (cell === undefined) return null;
  if (isFormulaCell(cell as PlanCell)) {
    const expect = (cell as { expect?: unknown }).expect;
    // An error result reads back as Excel's values do: the error's text.
    if (typeof expect === "object" && expect !== null) return (expect as { error: string }).error;
    return (expect as Scalar | undefined) ?? null;
  }
  return (cell as { value: Scalar }).value;
}

export function planWorkbook(): PlanWorkbook {
  const sheets: PreparedSheet[] = [];
  const cells = new Map<string, Map<number, FinalCell>>();
  const tableNames: string[] = [];
  const definedNames: string[] = [];
  return {
    sheets,
    add(plan: WorkbookPlan) {
      const prepared = prepareWorkbookPlan(plan, {
        sheetNames: sheets.map((s) => s.actualName),
        definedNames,
        tableNames,
      });
      definedNames.push(...prepared.newDefinedNames);
      for (const s of prepared.sheets) {
        sheets.push(s);
        tableNames.push(...s.tableNames);
        cells.set(s.actualName.toLowerCase(), finalCells(s));
      }
    },
    async findPlans(): Promise<FoundPlan[]> {
      return sheets.map((s) => ({ sheetName: s.actualName, marker: s.plan.marker }));
    },
    async readRange(sheetName: string, address: string): Promise<RangeData> {
      const sheet = cells.get(sheetName.toLowerCase());
      if (!sheet) throw new Error(`planWorkbook: no sheet "${sheetName}"`);
      const rect = parseRange(address);
      const values: Scalar[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: Scalar[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(valueOf(sheet.get(cellKey(r, c))));
        values.push(row);
      }
      return { sheetName, address: formatRange(rect), firstRow: rect.top, firstColumn: rect.left, values };
    },
  };
}
