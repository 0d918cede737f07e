/**
 * Reading plans, names and user tables back from exceljs workbooks and from .xlsx/.csv bytes.
 * Browser-safe (no Node APIs); `readTableFile` in ./readFile.ts adds file paths for Node.
 *
 * Dates: exceljs turns date-formatted numbers into JS Dates (UTC). They are turned back into
 * the serial number the user sees (to the millisecond), never into a local-time Date.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { text, type Text } from "../core/i18n/text";
import { problem, ProblemError } from "../core/problem";
import { formatRange, parseRange, rectFrom, type Rect } from "../sheets/formula/a1";
import { parseMarkerJson } from "../sheets/formula/marker";
import { isMarkerName } from "../sheets/formula/names";
import type { FoundPlan, RangeData, Scalar } from "../sheets/plan";
import { definedNamesOf, resolveDefinedName } from "./definedNames";

export class TableReadError extends ProblemError {
  constructor(text: Text) {
    super(problem("value", text));
    this.name = "TableReadError";
  }

  /** The same as `problem.message` (kept for existing callers). */
  get text(): Text {
    return this.problem.message;
  }
}

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

export interface ReadTableOptions {
  /** Worksheet to read (xlsx); the first sheet when absent. */
  readonly sheet?: string;
  /** File kind; detected from the bytes when absent. */
  readonly kind?: "xlsx" | "csv";
  /** Sheet name reported for CSV input (e.g. the file name). Default "CSV". */
  readonly csvName?: string;
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Decodes CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK's superset, as Chinese Excel saves CSV). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * CSV text → RangeData. Blank cells are null; plainly written numbers ("12", "-3.5", "0.25")
 * become numbers; everything else stays text exactly as written ("007", "1,200", dates), so
 * nothing is lost before the core's parsers see it. Row numbers are the file's lines (header =
 * row 1); empty lines inside the data are kept as empty rows, trailing empty lines are dropped.
 */
export function csvToRangeData(csv: string, sheetName = "CSV"): RangeData {
  const parsed = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: false, dynamicTyping: false });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal) {
    throw new TableReadError(
      text(`CSV 第 ${(fatal.row ?? 0) + 1} 行引号不匹配`, `CSV row ${(fatal.row ?? 0) + 1}: unmatched quotes`),
    );
  }
  const rows = parsed.data.map((r) => r.map((v): Scalar => (v === "" ? null : PLAIN_NUMBER.test(v) ? Number(v) : v)));
  while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === null)) rows.pop();
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const values = rows.map((r) => (r.length < width ? [...r, ...new Array<Scalar>(width - r.length).fill(null)] : r));
  const address = width === 0 ? "A1" : formatRange(rectFrom(1, 1, Math.max(1, values.length), width));
  return { sheetName, address, firstRow: 1, firstColumn: 1, values };
}

/** Reads a table from .xlsx or .csv bytes: the first sheet (or `sheet`), its used range. */
export async function readTableData(bytes: Uint8Array, options: ReadTableOptions = {}): Promise<RangeData> {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new TableReadError(
      text(
        "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv",
        "Old .xls files are not supported; save the file as .xlsx or .csv in Excel",
      ),
    );
  }
  const kind = options.kind ?? (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ? "xlsx" : "csv");
  if (kind === "csv") return csvToRangeData(decodeCsvBytes(bytes), options.csvName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new TableReadError(
      text(`无法读取 .xlsx 文件：${(e as Error).message}`, `Cannot read the .xlsx file: ${(e as Error).message}`),
    );
  }
  const ws =
    options.sheet === undefined
      ? wb.worksheets[0]
      : (wb.worksheets.find((w) => w.name === options.sheet) ??
        wb.worksheets.find((w) => w.name.toLowerCase() === options.sheet!.toLowerCase()));
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(", ");
    throw new TableReadError(
      options.sheet === undefined
        ? text("文件中没有工作表", "The file has no worksheets")
        : text(
            `找不到工作表“${options.sheet}”（现有：${names}）`,
            `No worksheet "${options.sheet}" (the file has: ${names})`,
          ),
    );
  }
  return worksheetToRangeData(wb, ws);
}
