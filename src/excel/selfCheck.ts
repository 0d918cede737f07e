/**
 * The self-check (自检) in the open workbook, with Office.js: write every kind of generated
 * sheet from the sample data into temporary sheets (one writePlans: all or none), let Excel
 * calculate (writePlans ends with a full recalculation), read back every formula cell with its
 * value type (readRanges: syncs constant in the number of sheets, chunked by size), evaluate the
 * SVC custom functions on a temporary sheet, and remove every temporary sheet and the names that
 * refer to them — also when cancelled or when any step fails. Existing sheets are never
 * written to: writePlans only adds sheets, and removeSheets deletes only the sheets named.
 *
 * What is expected, and the report, are pure data (src/sheets/selfcheck); this file only talks
 * to Excel. Syncs: 2 to find sheets an interrupted check left (2 more to remove them), the
 * write's (2 for a plan this size: one data batch, cosmetics, finish), 2 + chunks to read,
 * 2 + polls for the functions, 2 to clean up.
 */
import { text, type Text } from "../core/i18n/text";
import { describeProblem, ProblemError } from "../core/problem";
import { uniqueSheetName } from "../sheets/formula/names";
import { FUNCTIONS_SHEET, isTemporaryName } from "../sheets/selfcheck/names";
import type { SelfCheckPlan } from "../sheets/selfcheck/selfCheckPlan";
import type { SheetReadBack, SelfCheckRun } from "../sheets/selfcheck/report";
import { isPending } from "../sheets/selfcheck/report";
import type { Computed } from "../sheets/selfcheck/compare";
import { findPlans, readRanges } from "./read";
import { removeSheets } from "./remove";
import { DEFAULT_SYNC_LIMIT_MS, syncWithin } from "./sync";
import { textEntry, writePlans } from "./write";

export interface SelfCheckProgress {
  readonly step: Text;
  readonly done: number;
  readonly total: number;
}

export interface RunSelfCheckOptions {
  /** Checked between steps; when set, the check stops there and cleans up. */
  readonly signal?: { readonly cancelled: boolean };
  onProgress?(p: SelfCheckProgress): void;
  /** Wait between reads while custom functions still show #BUSY! (default 500 ms). */
  readonly pollMs?: number;
  /** Reads of the function cells before giving up on #BUSY! (default 20). */
  readonly maxPolls?: number;
  readonly syncLimitMs?: number;
}

export const SELF_CHECK_STEPS = {
  leftovers: text("检查上次自检的遗留", "looking for sheets an earlier check left"),
  write: text("生成临时工作表", "writing the temporary sheets"),
  read: text("读取 Excel 的计算结果", "reading what Excel computed"),
  functions: text("计算自定义函数", "evaluating the custom functions"),
  cleanup: text("删除临时工作表", "removing the temporary sheets"),
} as const;

const TOTAL_STEPS = 5;

/**
 * Why something failed, in both languages: our errors are ProblemErrors (PlanWriteError,
 * SyncTimeoutError, RangeReadError…) with the place and the reason; Office's carry a code and a
 * message.
 */
export function causeOf(e: unknown): Text {
  if (e instanceof ProblemError) return describeProblem(e.problem);
  const err = e as { code?: string; message?: string } | null | undefined;
  const msg = [err?.code, err?.message].filter(Boolean).join(": ") || String(e);
  return text(msg, msg);
}

const LEFTOVER_FUNCTIONS = new RegExp(`^(${FUNCTIONS_SHEET.zh}|${FUNCTIONS_SHEET.en})( \\(\\d+\\))?$`);

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function runSelfCheck(
  context: Excel.RequestContext,
  check: SelfCheckPlan,
  options: RunSelfCheckOptions = {},
): Promise<SelfCheckRun> {
  const limit = options.syncLimitMs ?? DEFAULT_SYNC_LIMIT_MS;
  const cancelled = () => options.signal?.cancelled === true;
  let done = 0;
  const step = (s: Text) => options.onProgress?.({ step: s, done: done++, total: TOTAL_STEPS });

  let written: string[] = [];
  let functionsSheet: string | null = null;
  const sheets: (SheetReadBack | undefined)[] = check.sheets.map(() => undefined);
  let functions: SelfCheckRun["functions"] = {
    status: "unavailable",
    reason: text("自定义函数未检查（自检提前结束）", "The custom functions were not checked (the check ended early)."),
  };
  let earlierLeftovers: string[] = [];
  let failure: Text | undefined;
  let stoppedByCancel = false;
  try {
    // 0. Sheets an interrupted check left: our prefix and our marker, or the functions sheet.
    step(SELF_CHECK_STEPS.leftovers);
    const found = await findPlans(context);
    const all = context.workbook.worksheets;
    all.load("items/name");
    await syncWithin(context.sync(), limit, SELF_CHECK_STEPS.leftovers);
    const leftovers = [
      ...found.filter((p) => isTemporaryName(p.sheetName)).map((p) => p.sheetName),
      ...all.items.map((s) => s.name).filter((n) => LEFTOVER_FUNCTIONS.test(n)),
    ];
    if (leftovers.length > 0) earlierLeftovers = [...(await removeSheets(context, leftovers)).sheets];
    const existing = all.items.map((s) => s.name).filter((n) => !earlierLeftovers.includes(n));

    // 1. Every sample sheet, as one unit (writePlans rolls back itself if the data fails).
    if (cancelled()) throw CANCELLED;
    step(SELF_CHECK_STEPS.write);
    const report = await writePlans(context, check.plan, { syncLimitMs: limit });
    written = report.sheets.map((s) => s.actual);

    // 2. Every formula cell with its value type (an error must not pass for text).
    if (cancelled()) throw CANCELLED;
    step(SELF_CHECK_STEPS.read);
    const wanted = check.sheets
      .map((s, i) => ({ i, address: s.readAddress }))
      .filter((x): x is { i: number; address: string } => x.address !== null);
    const data = await readRanges(
      context,
      wanted.map((w) => ({ sheetName: written[w.i]!, address: w.address })),
      { with: "valueTypes", syncLimitMs: limit },
    );
    wanted.forEach((w, k) => {
      const d = data[k]!;
      sheets[w.i] = {
        sheetName: d.sheetName,
        firstRow: d.firstRow,
        firstColumn: d.firstColumn,
        values: d.values,
        ...(d.valueTypes ? { valueTypes: d.valueTypes } : {}),
      };
    });

    // 3. The custom functions, on a temporary sheet of their own.
    if (cancelled()) throw CANCELLED;
    step(SELF_CHECK_STEPS.functions);
    functionsSheet = uniqueSheetName(check.functionsSheet, [...existing, ...written]);
    functions = await evaluateFunctions(context, check, functionsSheet, options, limit);
  } catch (e) {
    if (e === CANCELLED) stoppedByCancel = true;
    else failure = causeOf(e);
  }
  // 4. Always: remove what this check added (tables and charts go with their sheets).
  step(SELF_CHECK_STEPS.cleanup);
  const doomed = [...written, ...(functionsSheet ? [functionsSheet] : [])];
  let removed: SelfCheckRun["removed"];
  try {
    const r = await removeSheets(context, doomed, { syncLimitMs: limit });
    removed = { sheets: r.sheets.length, names: r.names.length, failed: [] };
  } catch {
    removed = { sheets: 0, names: 0, failed: doomed };
  }
  options.onProgress?.({ step: SELF_CHECK_STEPS.cleanup, done: TOTAL_STEPS, total: TOTAL_STEPS });
  return {
    written,
    sheets,
    functions,
    removed,
    earlierLeftovers,
    cancelled: stoppedByCancel || cancelled(),
    ...(failure ? { failure } : {}),
  };
}

const CANCELLED = new Error("self-check cancelled");

/**
 * Writes one formula per function check into a new sheet (column A the formula as text, column
 * B the formula), has Excel calculate the sheet (Worksheet.calculate, ExcelApi 1.6,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-calculate-member(1)) and reads
 * column B back. A custom function answers asynchronously: its cell shows #BUSY! until then
 * (office-js #4152; Excel-Custom-Functions #120), so the cells are read again, a bounded number
 * of times, while any is pending. Functions Excel does not know show #NAME? (reported by the
 * report as "not registered"); a write Excel refuses makes the functions "unavailable".
 */
async function evaluateFunctions(
  context: Excel.RequestContext,
  check: SelfCheckPlan,
  sheetName: string,
  options: RunSelfCheckOptions,
  limit: number,
): Promise<SelfCheckRun["functions"]> {
  const n = check.functions.length;
  const sheet = context.workbook.worksheets.add(sheetName);
  sheet.getRange(`A1:B${n}`).formulas = check.functions.map((f) => [textEntry(f.formula), f.formula]);
  sheet.calculate(true);
  try {
    await syncWithin(context.sync(), limit, SELF_CHECK_STEPS.functions);
  } catch (e) {
    return {
      status: "unavailable",
      reason: text(
        `Excel 未接受自定义函数公式：${causeOf(e).zh}`,
        `Excel did not take the custom-function formulas: ${causeOf(e).en}`,
      ),
    };
  }
  const maxPolls = options.maxPolls ?? 20;
  let values: Computed[] = [];
  for (let poll = 0; poll < maxPolls; poll++) {
    const cells = sheet.getRange(`B1:B${n}`);
    cells.load(["values", "valueTypes"]);
    // Reading again while functions answer is the point: bounded by maxPolls.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await syncWithin(context.sync(), limit, SELF_CHECK_STEPS.functions);
    values = cells.values.map((row, i) => {
      const v = row[0];
      if (cells.valueTypes[i]?.[0] === "Error") return { error: String(v) };
      return v === "" ? null : (v as Computed);
    });
    if (!values.some(isPending) || options.signal?.cancelled) break;
    await delay(options.pollMs ?? 500);
  }
  return { status: "read", values };
}

/**
 * Saves the report as a new sheet (the only thing the self-check leaves, and only when asked):
 * every text with Excel's quote prefix, so nothing in it becomes a formula. 2 syncs. Returns
 * the sheet's name.
 */
export async function writeReportSheet(
  context: Excel.RequestContext,
  name: string,
  rows: readonly (readonly (string | number)[])[],
  options: { readonly syncLimitMs?: number } = {},
): Promise<string> {
  const limit = options.syncLimitMs ?? DEFAULT_SYNC_LIMIT_MS;
  const what = text("保存自检报告", "saving the self-check report");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await syncWithin(context.sync(), limit, what);
  const actual = uniqueSheetName(
    name,
    sheets.items.map((s) => s.name),
  );
  const width = Math.max(1, ...rows.map((r) => r.length));
  const sheet = sheets.add(actual);
  const range = sheet.getRangeByIndexes(0, 0, Math.max(1, rows.length), width);
  range.formulas = (rows.length ? rows : [[]]).map((r) =>
    Array.from({ length: width }, (_, j) => {
      const v = r[j];
      return typeof v === "number" ? v : textEntry(v ?? "");
    }),
  ) as unknown as string[][];
  range.format.autofitColumns();
  sheet.getRange("A1").format.font.bold = true;
  sheet.activate();
  await syncWithin(context.sync(), limit, what);
  return actual;
}
