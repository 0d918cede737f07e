/**
 * A workbook that exists only as plans: each added plan is prepared as a writer would prepare it
 * (unique sheet and table names against what was added before), and reading a range gives the
 * engine's own values — a literal as written, a formula cell its `expect`. Later generators can
 * then build on earlier sheets without any spreadsheet computing them, which is what the
 * self-check needs: every expectation comes from the engine, none from the Excel under test.
 * It is a reader port (sheets/reader.ts) of its own: its names are the plans' named ranges.
 */
import { formatRange, parseRange } from "../formula/a1";
import { cellKey, finalCells, prepareWorkbookPlan, type FinalCell, type PreparedSheet } from "../formula/prepare";
import { isFormulaCell, type FoundPlan, type PlanCell, type RangeData, type Scalar, type WorkbookPlan } from "../plan";
import { noSuchSheet, sequentialBatches, type WorkbookReader } from "../reader";
import type { SampleWorkbook } from "./sampleWorkbook";

export interface PlanWorkbook extends SampleWorkbook, WorkbookReader {
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
  const reads: Pick<WorkbookReader, "findPlans" | "readRange" | "readNames"> = {
    async findPlans(): Promise<FoundPlan[]> {
      return sheets.map((s) => ({ sheetName: s.actualName, marker: s.plan.marker }));
    },
    async readRange(sheetName: string, address: string): Promise<RangeData> {
      const sheet = cells.get(sheetName.toLowerCase());
      if (!sheet) throw noSuchSheet(sheetName);
      const rect = parseRange(address);
      const values: Scalar[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: Scalar[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(valueOf(sheet.get(cellKey(r, c))));
        values.push(row);
      }
      return { sheetName, address: formatRange(rect), firstRow: rect.top, firstColumn: rect.left, values };
    },
    async readNames(names) {
      const out: Record<string, Scalar[][] | undefined> = {};
      for (const name of names) {
        // The first sheet that defines the name (a writer would rename a later one).
        const owner = sheets.find((s) => s.plan.names?.some((n) => n.name === name));
        const range = owner?.plan.names?.find((n) => n.name === name)?.range;
        out[name] =
          owner && range ? (await reads.readRange(owner.actualName, range)).values.map((row) => [...row]) : undefined;
      }
      return out;
    },
  };
  const workbook: PlanWorkbook = {
    sheets,
    ...reads,
    ...sequentialBatches(reads),
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
    reader: () => workbook,
  };
  return workbook;
}
