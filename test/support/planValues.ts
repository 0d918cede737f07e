/**
 * Plans as a workbook that computed every formula to the engine's value: a literal as written, a
 * formula cell its `expect`. For benches that build on earlier generated sheets without a
 * spreadsheet computing them.
 */
import { formatCell, formatRange, parseRange } from "../../src/sheets/formula/a1";
import {
  cellKey,
  finalCells,
  keyColumn,
  keyRow,
  prepareWorkbookPlan,
  type FinalCell,
} from "../../src/sheets/formula/prepare";
import {
  isFormulaCell,
  type PlanCell,
  type RangeData,
  type Scalar,
  type SheetPlan,
  type WorkbookPlan,
} from "../../src/sheets/plan";

function valueOf(cell: FinalCell | undefined): Scalar {
  if (cell === undefined) return null;
  if (isFormulaCell(cell as PlanCell)) {
    const expect = (cell as { expect?: unknown }).expect;
    if (typeof expect === "object" && expect !== null) return (expect as { error: string }).error;
    return (expect as Scalar | undefined) ?? null;
  }
  return (cell as { value: Scalar }).value;
}

/** A ranges reader (sheets/reader.ts's readRanges) over the plans' final cells. */
export function planRangesReader(
  plan: WorkbookPlan,
): (requests: readonly { sheetName: string; address: string }[]) => Promise<RangeData[]> {
  const prepared = prepareWorkbookPlan(plan, { sheetNames: [], definedNames: [], tableNames: [] });
  const sheets = new Map(prepared.sheets.map((s) => [s.actualName.toLowerCase(), finalCells(s)]));
  const one = ({ sheetName, address }: { sheetName: string; address: string }): RangeData => {
    const cells = sheets.get(sheetName.toLowerCase());
    if (!cells) throw new Error(`no sheet "${sheetName}"`);
    const rect = parseRange(address);
    const values: Scalar[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(valueOf(cells.get(cellKey(r, c))));
      values.push(row);
    }
    return { sheetName, address: formatRange(rect), firstRow: rect.top, firstColumn: rect.left, values };
  };
  return async (requests) => requests.map(one);
}

/**
 * The same sheet holding only values: every formula replaced by its `expect` (one giving "" by
 * `=""`), nothing else (no formats, validations or charts). Cells stay where they were, so formulas of other sheets that
 * reference them read the same values — without this sheet costing a recalculation.
 */
export function valuesOnly(plan: SheetPlan): SheetPlan {
  const prepared = prepareWorkbookPlan({ sheets: [plan] }, { sheetNames: [], definedNames: [], tableNames: [] })
    .sheets[0]!;
  // A formula that gave "" stays a formula (=""): an empty cell would read as 0 in a reference.
  const cells = [...finalCells(prepared)].map(([key, cell]) => {
    const value = valueOf(cell);
    return {
      at: formatCell(keyRow(key), keyColumn(key)),
      rows: [[isFormulaCell(cell as PlanCell) && value === "" ? { f: '=""', expect: "" } : value]],
    };
  });
  return { name: plan.name, marker: plan.marker, markerCell: plan.markerCell, cells };
}
