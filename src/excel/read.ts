/**
 * Reading from the open workbook with Office.js: the user's selection or a range (their data,
 * never modified), the values of workbook names (the 考核参数 settings), and the generated
 * sheets (found by their SVC_PLAN_ markers, never by sheet name).
 *
 * Round trips: 2 syncs for findPlans and readNames; readRange/readSelection take 1 sync for the
 * range's extent plus 1 per `maxCellsPerRequest` cells (default 100,000, which keeps a response
 * well under Excel on the web's 5 MB limit), so a normal table is read in 2.
 * Requirement sets: ExcelApi 1.1 (values, numberFormat, getSelectedRange, names), 1.2
 * (getUsedRange(valuesOnly)), 1.4 (getItemOrNullObject, getRangeOrNullObject), 1.7
 * (getRangeByIndexes).
 */
import { text, type Text } from "../core/i18n/text";
import { formatRange, parseSheetRangeRef, type Rect } from "../sheets/formula/a1";
import { parseMarkerJson } from "../sheets/formula/marker";
import { isMarkerName } from "../sheets/formula/names";
import type { FoundPlan, RangeData, Scalar } from "../sheets/plan";

export const DEFAULT_MAX_CELLS_PER_REQUEST = 100_000;

export interface ReadOptions {
  readonly maxCellsPerRequest?: number;
}

/** Reading failed: which sheet/range and why, in both languages. */
export class RangeReadError extends Error {
  constructor(
    readonly text: Text,
    override readonly cause?: unknown,
  ) {
    super(text.en);
    this.name = "RangeReadError";
  }
}

function scalarOf(v: unknown): Scalar {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

interface Extent {
  readonly sheetName: string;
  readonly requested: Rect;
  readonly used: Rect;
}

/** The requested rectangle cut at the bottom/right to the sheet's used range (whole-column selections). */
function clip(e: Extent): Rect | undefined {
  const r = {
    top: e.requested.top,
    left: e.requested.left,
    bottom: Math.min(e.requested.bottom, e.used.bottom),
    right: Math.min(e.requested.right, e.used.right),
  };
  return r.bottom < r.top || r.right < r.left ? undefined : r;
}

function rectOf(range: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Rect {
  return {
    top: range.rowIndex + 1,
    left: range.columnIndex + 1,
    bottom: range.rowIndex + range.rowCount,
    right: range.columnIndex + range.columnCount,
  };
}

async function readRect(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  rect: Rect | undefined,
  options: ReadOptions,
): Promise<RangeData> {
  if (!rect) return { sheetName, address: "A1", firstRow: 1, firstColumn: 1, values: [], numberFormats: [] };
  const width = rect.right - rect.left + 1;
  const rowsPerChunk = Math.max(1, Math.floor((options.maxCellsPerRequest ?? DEFAULT_MAX_CELLS_PER_REQUEST) / width));
  const values: Scalar[][] = [];
  const numberFormats: string[][] = [];
  for (let top = rect.top; top <= rect.bottom; top += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, rect.bottom - top + 1);
    const part = sheet.getRangeByIndexes(top - 1, rect.left - 1, rows, width);
    part.load(["values", "numberFormat"]);
    // One sync per bounded chunk keeps each response under the host's size limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const row of part.values) values.push(row.map(scalarOf));
    for (const row of part.numberFormat) numberFormats.push(row.map((f) => String(f)));
  }
  return { sheetName, address: formatRange(rect), firstRow: rect.top, firstColumn: rect.left, values, numberFormats };
}

/** Reads a range of a sheet as the user has it (cut to the used range at the bottom/right). */
export async function readRange(
  context: Excel.RequestContext,
  sheetName: string,
  address: string,
  options: ReadOptions = {},
): Promise<RangeData> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const range = sheet.getRange(address);
  const used = sheet.getUsedRange(true);
  sheet.load("name");
  range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  try {
    await context.sync();
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new RangeReadError(
      code === "ItemNotFound"
        ? text(`找不到工作表“${sheetName}”`, `There is no sheet "${sheetName}"`)
        : text(
            `无法读取“${sheetName}”的 ${address}：${(e as Error).message}`,
            `Cannot read ${address} on "${sheetName}": ${(e as Error).message}`,
          ),
      e,
    );
  }
  return readRect(
    context,
    sheet,
    sheet.name,
    clip({ sheetName: sheet.name, requested: rectOf(range), used: rectOf(used) }),
    options,
  );
}

/** Reads the user's current selection (cut to the used range, so whole columns are fine). */
export async function readSelection(context: Excel.RequestContext, options: ReadOptions = {}): Promise<RangeData> {
  // The selection is always on the active sheet.
  const range = context.workbook.getSelectedRange();
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  const used = sheet.getUsedRange(true);
  range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  sheet.load("name");
  used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  try {
    await context.sync();
  } catch (e) {
    throw new RangeReadError(
      text(`无法读取所选区域：${(e as Error).message}`, `Cannot read the selection: ${(e as Error).message}`),
      e,
    );
  }
  return readRect(
    context,
    sheet,
    sheet.name,
    clip({ sheetName: sheet.name, requested: rectOf(range), used: rectOf(used) }),
    options,
  );
}

/** Generated sheets, found by their SVC_PLAN_<kind>_<n> names (robust to renamed sheets). */
export async function findPlans(context: Excel.RequestContext): Promise<FoundPlan[]> {
  const names = context.workbook.names;
  const sheets = context.workbook.worksheets;
  names.load("items/name,items/type");
  sheets.load("items/name");
  await context.sync();
  const order = sheets.items.map((s) => s.name.toLowerCase());
  const markers = names.items.filter((n) => n.type === "Range" && isMarkerName(n.name)).map((n) => n.name);
  const ranges = markers.map((n) => {
    const r = context.workbook.names.getItem(n).getRangeOrNullObject();
    r.load(["values", "address"]);
    return { name: n, range: r };
  });
  await context.sync();
  const found: { plan: FoundPlan; name: string }[] = [];
  for (const { name, range } of ranges) {
    if (range.isNullObject) continue;
    const marker = parseMarkerJson(range.values[0]?.[0]);
    if (!marker) continue;
    let sheetName: string;
    try {
      sheetName = parseSheetRangeRef(range.address).sheetName;
    } catch {
      continue;
    }
    found.push({ plan: { sheetName, marker }, name });
  }
  const pos = (f: { plan: FoundPlan }) => order.indexOf(f.plan.sheetName.toLowerCase());
  return found.sort((a, b) => pos(a) - pos(b) || a.name.localeCompare(b.name)).map((f) => f.plan);
}

/** Values of workbook names; undefined for a name that is missing or not a range. */
export async function readNames(
  context: Excel.RequestContext,
  names: readonly string[],
): Promise<Record<string, Scalar[][] | undefined>> {
  const items = names.map((n) => {
    const item = context.workbook.names.getItemOrNullObject(n);
    item.load("type");
    return { name: n, item };
  });
  await context.sync();
  const ranges = items
    .filter(({ item }) => !item.isNullObject && item.type === "Range")
    .map(({ name, item }) => {
      const range = item.getRange();
      range.load("values");
      return { name, range };
    });
  if (ranges.length) await context.sync();
  const out: Record<string, Scalar[][] | undefined> = {};
  for (const n of names) out[n] = undefined;
  for (const { name, range } of ranges) out[name] = range.values.map((row) => row.map(scalarOf));
  return out;
}
