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
import { problem, ProblemError } from "../core/problem";
import { formatRange, parseSheetRangeRef, type Rect } from "../sheets/formula/a1";
import { parseMarkerJson } from "../sheets/formula/marker";
import { isMarkerName } from "../sheets/formula/names";
import type { FoundPlan, RangeData, Scalar } from "../sheets/plan";
import { DEFAULT_SYNC_LIMIT_MS, syncWithin } from "./sync";

export const DEFAULT_MAX_CELLS_PER_REQUEST = 100_000;

const READING = text("读取工作簿", "reading the workbook");

/**
 * Bytes a read chunk aims at: under Excel on the web's 5 MB response limit ("Excel on the web
 * limits requests and responses to 5 MB", https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices)
 * with room for the number formats and the envelope.
 */
export const DEFAULT_TARGET_RESPONSE_BYTES = 2_000_000;

/** Rows of a range read so far, of all its rows (after each chunk). */
export interface ReadProgress {
  readonly rowsRead: number;
  readonly rowsTotal: number;
}

export interface ReadOptions {
  /**
   * What is read besides the values: the number formats (default: what a user's data needs), or
   * each cell's value type (for computed results, where an error must not pass for text:
   * Range.valueTypes, ExcelApi 1.1, says "Error" for "#N/A":
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-valuetypes-member).
   */
  readonly with?: "numberFormats" | "valueTypes";
  readonly maxCellsPerRequest?: number;
  /** Called after each chunk of a range read in chunks (one sync each), so a pane can show rows read. */
  readonly onProgress?: (p: ReadProgress) => void;
  readonly targetResponseBytes?: number;
  /** How long one sync may take (default 90 s). */
  readonly syncLimitMs?: number;
}

/** Reading failed: which sheet/range and why, in both languages. */
export class RangeReadError extends ProblemError {
  constructor(
    text: Text,
    override readonly cause?: unknown,
  ) {
    super(problem("value", text), { cause });
    this.name = "RangeReadError";
  }

  /** The same as `problem.message` (kept for existing callers). */
  get text(): Text {
    return this.problem.message;
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

function utf8Bytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

function isResponseTooLarge(e: unknown): boolean {
  return (e as { code?: string }).code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Reads a rectangle in chunks of rows sized by the data: the first chunk by cell count, each
 * next one by the bytes per row the previous chunk actually carried (long text columns make
 * fewer rows per chunk). A chunk Excel refuses with ResponsePayloadSizeLimitExceeded
 * (Excel.ErrorCodes; Excel on the web's 5 MB response limit) is halved and read again; a single
 * row too large to read is an error naming it.
 */
async function readRect(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  sheetName: string,
  rect: Rect | undefined,
  options: ReadOptions,
): Promise<TypedRangeData> {
  if (!rect) return emptyRange(sheetName, options);
  const width = rect.right - rect.left + 1;
  const target = options.targetResponseBytes ?? DEFAULT_TARGET_RESPONSE_BYTES;
  const limit = options.syncLimitMs ?? DEFAULT_SYNC_LIMIT_MS;
  const maxRows = Math.max(1, Math.floor((options.maxCellsPerRequest ?? DEFAULT_MAX_CELLS_PER_REQUEST) / width));
  let rowsPerChunk = maxRows;
  const values: Scalar[][] = [];
  const extra: string[][] = [];
  const second = secondProperty(options);
  let top = rect.top;
  const rowsTotal = rect.bottom - rect.top + 1;
  options.onProgress?.({ rowsRead: 0, rowsTotal });
  while (top <= rect.bottom) {
    const rows = Math.min(rowsPerChunk, rect.bottom - top + 1);
    const part = sheet.getRangeByIndexes(top - 1, rect.left - 1, rows, width);
    part.load(["values", second]);
    try {
      // One sync per bounded chunk keeps each response under the host's size limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await syncWithin(context.sync(), limit, text(`读取“${sheetName}”`, `reading "${sheetName}"`));
    } catch (e) {
      if (!isResponseTooLarge(e)) throw e;
      if (rows === 1)
        throw new RangeReadError(
          text(
            `“${sheetName}”第 ${top} 行的内容超过 Excel 单次响应的上限，无法读取`,
            `Row ${top} of "${sheetName}" holds more than Excel can return in one response`,
          ),
          e,
        );
      rowsPerChunk = Math.max(1, Math.floor(rows / 2));
      continue;
    }
    const more = secondOf(part, second);
    for (const row of part.values) values.push(row.map(scalarOf));
    for (const row of more) extra.push(row.map((f) => String(f)));
    const bytesPerRow = Math.max(1, (utf8Bytes(part.values) + utf8Bytes(more)) / rows);
    rowsPerChunk = Math.max(1, Math.min(maxRows, Math.floor(target / bytesPerRow)));
    top += rows;
    options.onProgress?.({ rowsRead: top - rect.top, rowsTotal });
  }
  return {
    sheetName,
    address: formatRange(rect),
    firstRow: rect.top,
    firstColumn: rect.left,
    values,
    ...(second === "valueTypes" ? { valueTypes: extra } : { numberFormats: extra }),
  };
}

/** A range as read with `with: "valueTypes"`: each value's Excel.RangeValueType beside it. */
export interface TypedRangeData extends RangeData {
  readonly valueTypes?: readonly (readonly string[])[];
}

function secondProperty(options: ReadOptions): "numberFormat" | "valueTypes" {
  return options.with === "valueTypes" ? "valueTypes" : "numberFormat";
}

function secondOf(part: Excel.Range, second: "numberFormat" | "valueTypes"): unknown[][] {
  return second === "valueTypes" ? part.valueTypes : part.numberFormat;
}

function emptyRange(sheetName: string, options: ReadOptions): TypedRangeData {
  const base = { sheetName, address: "A1", firstRow: 1, firstColumn: 1, values: [] };
  return secondProperty(options) === "valueTypes" ? { ...base, valueTypes: [] } : { ...base, numberFormats: [] };
}

/** One range to read: a sheet and an A1 address on it. */
export interface RangeRequest {
  readonly sheetName: string;
  readonly address: string;
}

/**
 * Reads several ranges (e.g. every 6S audit sheet, every appraisal form of a year) in one
 * Excel.run: one sync for all their extents, then the values of all of them packed into
 * chunks by size — syncs constant in the number of sheets, growing only with the bytes read.
 * A missing sheet is an error naming it.
 */
export async function readRanges(
  context: Excel.RequestContext,
  requests: readonly RangeRequest[],
  options: ReadOptions = {},
): Promise<TypedRangeData[]> {
  if (requests.length === 0) return [];
  const limit = options.syncLimitMs ?? DEFAULT_SYNC_LIMIT_MS;
  const probes = requests.map((r) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(r.sheetName);
    sheet.load("name");
    return { r, sheet };
  });
  await syncWithin(context.sync(), limit, text("查找工作表", "finding the sheets"));
  const missing = probes.find((p) => p.sheet.isNullObject);
  if (missing)
    throw new RangeReadError(
      text(`找不到工作表“${missing.r.sheetName}”`, `There is no sheet "${missing.r.sheetName}"`),
    );
  const extents = probes.map(({ r, sheet }) => {
    const range = sheet.getRange(r.address);
    const used = sheet.getUsedRangeOrNullObject(true);
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return { sheet, range, used };
  });
  await syncWithin(context.sync(), limit, text("读取区域大小", "reading the ranges' sizes"));
  // Small ranges share one sync; a large one gets its own sized chunks.
  const cellBudget = options.maxCellsPerRequest ?? DEFAULT_MAX_CELLS_PER_REQUEST;
  const rects = extents.map(({ sheet, range, used }) =>
    used.isNullObject ? undefined : clip({ sheetName: sheet.name, requested: rectOf(range), used: rectOf(used) }),
  );
  const out: (TypedRangeData | undefined)[] = rects.map(() => undefined);
  const second = secondProperty(options);
  let batch: { i: number; part: Excel.Range; rect: Rect }[] = [];
  let cells = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await syncWithin(context.sync(), limit, text("读取区域", "reading the ranges"));
      for (const b of batch) {
        const more = secondOf(b.part, second).map((row) => row.map((f) => String(f)));
        out[b.i] = {
          sheetName: extents[b.i]!.sheet.name,
          address: formatRange(b.rect),
          firstRow: b.rect.top,
          firstColumn: b.rect.left,
          values: b.part.values.map((row) => row.map(scalarOf)),
          ...(second === "valueTypes" ? { valueTypes: more } : { numberFormats: more }),
        };
      }
    } catch (e) {
      if (!isResponseTooLarge(e)) throw e;
      // Too much together: read each of these on its own, in sized chunks.
      for (const b of batch)
        out[b.i] = await readRect(context, extents[b.i]!.sheet, extents[b.i]!.sheet.name, b.rect, options);
    }
    batch = [];
    cells = 0;
  };
  for (let i = 0; i < rects.length; i++) {
    const rect = rects[i];
    const name = extents[i]!.sheet.name;
    if (!rect) {
      out[i] = emptyRange(name, options);
      continue;
    }
    const n = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if (n > cellBudget) {
      out[i] = await readRect(context, extents[i]!.sheet, name, rect, options);
      continue;
    }
    if (cells + n > cellBudget) await flush();
    const part = extents[i]!.sheet.getRangeByIndexes(
      rect.top - 1,
      rect.left - 1,
      rect.bottom - rect.top + 1,
      rect.right - rect.left + 1,
    );
    part.load(["values", second]);
    batch.push({ i, part, rect });
    cells += n;
  }
  await flush();
  return out.map((d) => d!);
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
  sheet.autoFilter.load("isDataFiltered");
  try {
    await syncWithin(context.sync(), options.syncLimitMs ?? DEFAULT_SYNC_LIMIT_MS, text("读取区域", "reading a range"));
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
  const rect = clip({ sheetName: sheet.name, requested: rectOf(range), used: rectOf(used) });
  return withHiddenRows(context, sheet, rect, await readRect(context, sheet, sheet.name, rect, options), options);
}

/**
 * A range read from a sheet whose AutoFilter hides rows: how many of its rows the filter hides
 * (they were read too: Range.values holds every row), so the pane can say so rather than count
 * rows the user does not see without a word. One more sync, only when a filter is on:
 * AutoFilter.isDataFiltered (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.autofilter)
 * and RangeView.rowCount, "the number of visible rows" (ExcelApi 1.3,
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeview). Only the count is loaded:
 * loading a large filtered view's cellAddresses has failed (office-js #4263). If even that fails,
 * the data is returned without the count.
 */
async function withHiddenRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  rect: Rect | undefined,
  data: RangeData,
  options: ReadOptions,
): Promise<RangeData> {
  if (!rect || !sheet.autoFilter.isDataFiltered) return data;
  const view = sheet
    .getRangeByIndexes(rect.top - 1, rect.left - 1, rect.bottom - rect.top + 1, rect.right - rect.left + 1)
    .getVisibleView();
  view.load("rowCount");
  try {
    await syncWithin(context.sync(), options.syncLimitMs ?? DEFAULT_SYNC_LIMIT_MS, READING);
  } catch {
    return data;
  }
  const hidden = rect.bottom - rect.top + 1 - view.rowCount;
  return hidden > 0 ? { ...data, hiddenRows: hidden } : data;
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
  sheet.autoFilter.load("isDataFiltered");
  try {
    await syncWithin(
      context.sync(),
      options.syncLimitMs ?? DEFAULT_SYNC_LIMIT_MS,
      text("读取所选区域", "reading the selection"),
    );
  } catch (e) {
    throw new RangeReadError(
      text(`无法读取所选区域：${(e as Error).message}`, `Cannot read the selection: ${(e as Error).message}`),
      e,
    );
  }
  const rect = clip({ sheetName: sheet.name, requested: rectOf(range), used: rectOf(used) });
  return withHiddenRows(context, sheet, rect, await readRect(context, sheet, sheet.name, rect, options), options);
}

/** Generated sheets, found by their SVC_PLAN_<kind>_<n> names (robust to renamed sheets). */
export async function findPlans(context: Excel.RequestContext): Promise<FoundPlan[]> {
  const names = context.workbook.names;
  const sheets = context.workbook.worksheets;
  names.load("items/name,items/type");
  sheets.load("items/name");
  await syncWithin(context.sync(), DEFAULT_SYNC_LIMIT_MS, READING);
  const order = sheets.items.map((s) => s.name.toLowerCase());
  const markers = names.items.filter((n) => n.type === "Range" && isMarkerName(n.name)).map((n) => n.name);
  const ranges = markers.map((n) => {
    const r = context.workbook.names.getItem(n).getRangeOrNullObject();
    r.load(["values", "address"]);
    return { name: n, range: r };
  });
  await syncWithin(context.sync(), DEFAULT_SYNC_LIMIT_MS, READING);
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
  await syncWithin(context.sync(), DEFAULT_SYNC_LIMIT_MS, READING);
  const ranges = items
    .filter(({ item }) => !item.isNullObject && item.type === "Range")
    .map(({ name, item }) => {
      const range = item.getRange();
      range.load("values");
      return { name, range };
    });
  if (ranges.length) await syncWithin(context.sync(), DEFAULT_SYNC_LIMIT_MS, READING);
  const out: Record<string, Scalar[][] | undefined> = {};
  for (const n of names) out[n] = undefined;
  for (const { name, range } of ranges) out[name] = range.values.map((row) => row.map(scalarOf));
  return out;
}

/**
 * What every generation reads first, in one Excel.run and two syncs: the generated sheets (by
 * marker) and the values of the settings names — instead of findPlans and readNames each
 * opening its own Excel.run (4 syncs, 2 runs).
 */
export async function readPlansAndNames(
  context: Excel.RequestContext,
  wanted: readonly string[],
): Promise<{ plans: FoundPlan[]; names: Record<string, Scalar[][] | undefined> }> {
  const all = context.workbook.names;
  const sheets = context.workbook.worksheets;
  all.load("items/name,items/type");
  sheets.load("items/name");
  await syncWithin(context.sync(), DEFAULT_SYNC_LIMIT_MS, READING);
  const order = sheets.items.map((s) => s.name.toLowerCase());
  const byName = new Map(all.items.map((n) => [n.name.toLowerCase(), n]));
  const markers = all.items
    .filter((n) => n.type === "Range" && isMarkerName(n.name))
    .map((n) => {
      const r = n.getRangeOrNullObject();
      r.load(["values", "address"]);
      return { name: n.name, range: r };
    });
  const settings = wanted.map((w) => {
    const item = byName.get(w.toLowerCase());
    if (!item || item.type !== "Range") return { name: w, range: undefined };
    const r = item.getRangeOrNullObject();
    r.load("values");
    return { name: w, range: r };
  });
  await syncWithin(context.sync(), DEFAULT_SYNC_LIMIT_MS, READING);
  const found: { plan: FoundPlan; name: string }[] = [];
  for (const { name, range } of markers) {
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
  const names: Record<string, Scalar[][] | undefined> = {};
  for (const { name, range } of settings)
    names[name] = range && !range.isNullObject ? range.values.map((row) => row.map(scalarOf)) : undefined;
  return {
    plans: found.sort((a, b) => pos(a) - pos(b) || a.name.localeCompare(b.name)).map((f) => f.plan),
    names,
  };
}
