/**
 * Reading plans back as a workbook that computed every formula to the engine's value: a literal
 * as written, a formula cell its `expect`. For benches that build on earlier generated sheets
 * without a spreadsheet computing them.
 */
import { formatRange, parseRange } from "../../src/sheets/formula/a1";
import { cellKey, finalCells, prepareWorkbookPlan, type FinalCell } from "../../src/sheets/formula/prepare";
import { isFormulaCell, type PlanCell, type RangeData, type Scalar, type WorkbookPlan } from "../../src/sheets/plan";

function valueOf(cell: FinalCell | undefined): Scalar {
  if (cell === undefined) return null;
  if (isFormulaCell(cell as PlanCell)) {
    const expect = (cell as { expect?: unknown }).expect;
    if (typeof expect === "object" && expect !== null) return (expect as { error: string }).error;
    return (expect as Scalar | undefined) ?? null;
  }
  return (cell as { value: Scalar }).value;
}

/** A range reader over the plans' final cells (sheet names as the plans give them). */
export function planRangeReader(plan: WorkbookPlan): (sheetName: string, address: string) => Promise<RangeData> {
  const prepared = prepareWorkbookPlan(plan, { sheetNames: [], definedNames: [], tableNames: [] });
  const sheets = new Map(prepared.sheets.map((s) => [s.actualName.toLowerCase(), finalCells(s)]));
  return async (sheetName, address) => {
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
}
