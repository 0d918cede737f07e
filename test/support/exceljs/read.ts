/**
 * Test support: reading plans, names and ranges back from exceljs workbooks — an independent
 * reader the tests check our files with (production reads with src/xlsx/readXlsx.ts).
 *
 * Dates: exceljs turns date-formatted numbers into JS Dates (UTC). They are turned back into
 * the serial number the user sees (to the millisecond), never into a local-time Date.
 */
import ExcelJS from "exceljs";
import { formatRange, parseRange, type Rect } from "../../../src/sheets/formula/a1";
import { parseMarkerJson } from "../../../src/sheets/formula/marker";
import { isMarkerName } from "../../../src/sheets/formula/names";
import type { FoundPlan, RangeData, Scalar } from "../../../src/sheets/plan";
import { definedNamesOf, resolveDefinedName } from "./definedNames";

const MS_PER_DAY = 86_400_000;
/** 1899-12-30 UTC: serial 0 of the 1900 date system (as Excel counts, with its 1900 leap-year quirk folded in). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** 1904-01-01 UTC: serial 0 of the 1904 date system. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A JS Date that exceljs produced from a serial number → that serial number. */
export function dateToSerial(d: Date, date1904 = false): number {
  const ms = d.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900);
  return Math.round(ms) / MS_PER_DAY;
}

function isDate1904(wb: ExcelJS.Workbook): boolean {
  return Boolean((wb.properties as unknown as { date1904?: boolean } | undefined)?.date1904);
}

/** The scalar a cell shows (formula cells: their cached result; errors: "#N/A" etc.). */
export function cellScalar(cell: ExcelJS.Cell, date1904 = false): Scalar {
  if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) return null;
  // exceljs's `value` getter drops falsy formula results (0, false, ""); `result` keeps them.
  if (cell.type === ExcelJS.ValueType.Formula) {
    const r = (cell as unknown as { result: ExcelJS.CellValue | undefined }).result;
    return r === undefined || r === null ? null : valueScalar(r, date1904);
  }
  return valueScalar(cell.value, date1904);
}

function valueScalar(v: ExcelJS.CellValue | undefined, date1904: boolean): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if ("error" in o && typeof o.error === "string") return o.error;
    if ("richText" in o && Array.isArray(o.richText))
      return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if ("formula" in o || "sharedFormula" in o) {
      const r = o.result;
      if (r === undefined || r === null) return null;
      return valueScalar(r as ExcelJS.CellValue, date1904);
    }
    if ("text" in o && typeof o.text === "string") return o.text;
    if ("text" in o && typeof o.text === "object") return valueScalar(o.text as ExcelJS.CellValue, date1904);
  }
  return null;
}

function readRect(
  ws: ExcelJS.Worksheet,
  rect: Rect,
  date1904: boolean,
): { values: Scalar[][]; numberFormats: string[][] } {
  const values: Scalar[][] = [];
  const numberFormats: string[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = ws.findRow(r);
    const vr: Scalar[] = [];
    const fr: string[] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = row?.findCell(c);
      vr.push(cell ? cellScalar(cell, date1904) : null);
      fr.push(cell?.numFmt || "General");
    }
    values.push(vr);
    numberFormats.push(fr);
  }
  return { values, numberFormats };
}

/**
 * Generated sheets found by their `SVC_PLAN_<kind>_<n>` names (never by sheet name, so a
 * renamed sheet is still found). Names whose cell does not hold a valid marker are ignored.
 */
export function findPlansInWorkbook(wb: ExcelJS.Workbook): FoundPlan[] {
  const date1904 = isDate1904(wb);
  const found: { plan: FoundPlan; order: number; name: string }[] = [];
  for (const n of definedNamesOf(wb)) {
    if (!isMarkerName(n.name)) continue;
    const target = resolveDefinedName(wb, n.name);
    if (!target) continue;
    const cell = target.sheet.findRow(target.rect.top)?.findCell(target.rect.left);
    const marker = cell ? parseMarkerJson(cellScalar(cell, date1904)) : undefined;
    if (!marker) continue;
    found.push({
      plan: { sheetName: target.sheet.name, marker },
      order: wb.worksheets.indexOf(target.sheet),
      name: n.name,
    });
  }
  return found.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)).map((f) => f.plan);
}

/** Values of workbook names (e.g. the 考核参数 settings); undefined for a name that is missing or not a range. */
export function readNamesFromWorkbook(
  wb: ExcelJS.Workbook,
  names: readonly string[],
): Record<string, Scalar[][] | undefined> {
  const date1904 = isDate1904(wb);
  const out: Record<string, Scalar[][] | undefined> = {};
  for (const name of names) {
    const target = resolveDefinedName(wb, name);
    out[name] = target ? readRect(target.sheet, target.rect, date1904).values : undefined;
  }
  return out;
}

/** The rectangle of a worksheet's non-empty cells, or undefined for an empty sheet. */
export function usedRect(ws: ExcelJS.Worksheet): Rect | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value === null || cell.value === undefined || cell.value === "") return;
      if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  return bottom === 0 ? undefined : { top, left, bottom, right };
}

/** Reads the used range of a worksheet as RangeData. */
export function worksheetToRangeData(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): RangeData {
  const rect = usedRect(ws);
  if (!rect) return { sheetName: ws.name, address: "A1", firstRow: 1, firstColumn: 1, values: [], numberFormats: [] };
  const { values, numberFormats } = readRect(ws, rect, isDate1904(wb));
  return {
    sheetName: ws.name,
    address: formatRange(rect),
    firstRow: rect.top,
    firstColumn: rect.left,
    values,
    numberFormats,
  };
}

/**
 * The values of `address` on a worksheet, as RangeData (what `WorkbookHost.readRange` returns
 * in Excel): formula cells give their cached result, dates their serial. Undefined when the
 * workbook has no such sheet.
 */
export function readWorksheetRange(wb: ExcelJS.Workbook, sheetName: string, address: string): RangeData | undefined {
  const ws = wb.getWorksheet(sheetName);
  if (!ws) return undefined;
  const rect = parseRange(address);
  const { values, numberFormats } = readRect(ws, rect, isDate1904(wb));
  return {
    sheetName: ws.name,
    address: formatRange(rect),
    firstRow: rect.top,
    firstColumn: rect.left,
    values,
    numberFormats,
  };
}
