/**
 * The self-check's report: what Excel computed against what the engine expects, per sheet kind,
 * every mismatch with its address, formula and both values, and the custom functions — built
 * from what src/excel/selfCheck.ts read back, and rendered as text (to copy into a GitHub
 * issue) and as rows (to save as a sheet). Pure, tested in Node.
 */
import { pick, text, type Locale, type Text } from "../../core/i18n/text";
import type { Expected, PlanKind, Scalar } from "../plan";
import { isComputedError, matchesExpected, showComputed, type Computed } from "./compare";
import type { SelfCheckPlan } from "./selfCheckPlan";

/** One sheet as read back from Excel: its actual name and the values (with types) of its read rectangle. */
export interface SheetReadBack {
  readonly sheetName: string;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly values: readonly (readonly Scalar[])[];
  /** Excel.RangeValueType per cell ("Error" for an error value). */
  readonly valueTypes?: readonly (readonly string[])[];
}

/** What the Office.js side of the self-check returns. */
export interface SelfCheckRun {
  /** Actual names of the temporary sheets, in plan order (empty when the write failed). */
  readonly written: readonly string[];
  /** Read back per sheet of the plan (undefined: the sheet has no formula cell, or was not read). */
  readonly sheets: readonly (SheetReadBack | undefined)[];
  /** The custom functions' cells, or why they could not be evaluated. */
  readonly functions:
    | { readonly status: "read"; readonly values: readonly Computed[] }
    | { readonly status: "unavailable"; readonly reason: Text };
  /** Temporary sheets (and names) removed at the end, and any that could not be. */
  readonly removed: { readonly sheets: number; readonly names: number; readonly failed: readonly string[] };
  /** Sheets an earlier, interrupted self-check had left, removed first. */
  readonly earlierLeftovers: readonly string[];
  readonly cancelled: boolean;
  /** Why the check stopped before the end (after cleaning up), if it did. */
  readonly failure?: Text;
}

export interface Mismatch {
  readonly kind: PlanKind;
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  readonly excel: Computed;
  /** Undefined: the formula has no expected value and must only not be an error. */
  readonly ours?: Expected;
}

export interface KindSummary {
  readonly kind: PlanKind;
  readonly label: Text;
  readonly sheets: number;
  readonly formulaCells: number;
  readonly compared: number;
  readonly mismatches: number;
}

export interface FunctionResult {
  readonly formula: string;
  readonly excel: Computed;
  readonly ours: Expected;
  readonly ok: boolean;
}

export interface SelfCheckReport {
  /** When the check ran, local time, "2026-12-03 14:05". */
  readonly when: string;
  /** Excel's platform and version as Office reports them, if known. */
  readonly excel: string | null;
  readonly addinVersion: string;
  readonly settingsGenerated: boolean;
  readonly kinds: readonly KindSummary[];
  readonly mismatches: readonly Mismatch[];
  readonly functions:
    | { readonly status: "checked"; readonly results: readonly FunctionResult[] }
    | { readonly status: "notRegistered"; readonly results: readonly FunctionResult[] }
    | { readonly status: "unavailable"; readonly reason: Text };
  readonly cleanup: SelfCheckRun["removed"];
  readonly earlierLeftovers: readonly string[];
  readonly cancelled: boolean;
  readonly failure?: Text;
  /** Everything compared equal, the functions too (or could not be run), nothing left behind. */
  readonly ok: boolean;
}

export const KIND_LABELS: Readonly<Record<PlanKind, Text>> = {
  settings: text("考核参数", "Settings"),
  appraisal: text("考核表", "Appraisal form"),
  raters: text("360度评价", "360° ratings"),
  register: text("工单登记表", "Work-order register"),
  problems: text("数据问题", "Data problems"),
  kpi: text("月度KPI", "Monthly KPI"),
  audit6s: text("6S 检查表", "6S audit"),
  audit6sSummary: text("6S 汇总", "6S summary"),
  bonus: text("季度奖金", "Quarterly bonus"),
  partsLedger: text("备用件台账", "Parts ledger"),
  partsMoves: text("出入库流水", "Parts movements"),
  stockTake: text("盘点表", "Stock take"),
  warrantyParts: text("三包件登记表", "Warranty parts"),
  secondaryClaims: text("二次索赔登记表", "Secondary claims"),
  claimSuppliers: text("索赔供应商汇总", "Claims by supplier"),
  returnVisits: text("回访记录", "Return visits"),
  returnVisitSummary: text("回访汇总", "Visit summary"),
  returnFollowUps: text("跟进清单", "Follow-ups"),
  callLog: text("来电来函", "Call and letter log"),
  conductLog: text("违规与黄红牌", "Conduct log"),
};

/** Excel's values as the comparison takes them: an error cell as `{ error }`, never as its text. */
export function computedAt(read: SheetReadBack, row: number, column: number): Computed {
  const i = row - read.firstRow;
  const j = column - read.firstColumn;
  const v = read.values[i]?.[j] ?? null;
  if (read.valueTypes?.[i]?.[j] === "Error" && typeof v === "string") return { error: v };
  return v;
}

/** Values Excel shows while a custom function has not answered yet (office-js #4152; Excel-Custom-Functions #120). */
export function isPending(v: Computed): boolean {
  return isComputedError(v) && (v.error === "#BUSY!" || v.error === "#GETTING_DATA");
}

function parseAddress(a: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function formatWhen(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Compares what was read with what the plan expects. */
export function buildReport(
  check: SelfCheckPlan,
  run: SelfCheckRun,
  about: { readonly when: Date; readonly excel: string | null; readonly addinVersion: string },
): SelfCheckReport {
  const mismatches: Mismatch[] = [];
  const kinds = new Map<PlanKind, KindSummary>();
  const complete = !run.cancelled && !run.failure;
  check.sheets.forEach((sheet, i) => {
    const summary = kinds.get(sheet.kind) ?? {
      kind: sheet.kind,
      label: KIND_LABELS[sheet.kind],
      sheets: 0,
      formulaCells: 0,
      compared: 0,
      mismatches: 0,
    };
    const read = run.sheets[i];
    let compared = 0;
    let wrong = 0;
    if (read) {
      for (const cell of sheet.cells) {
        const { row, column } = parseAddress(cell.address);
        const excel = computedAt(read, row, column);
        compared += 1;
        const ok = cell.expect !== undefined ? matchesExpected(cell.expect, excel) : !isComputedError(excel);
        if (!ok) {
          wrong += 1;
          mismatches.push({
            kind: sheet.kind,
            sheet: run.written[i] ?? sheet.name,
            address: cell.address,
            formula: cell.formula,
            excel,
            ...(cell.expect !== undefined ? { ours: cell.expect } : {}),
          });
        }
      }
    }
    kinds.set(sheet.kind, {
      ...summary,
      sheets: summary.sheets + 1,
      formulaCells: summary.formulaCells + sheet.cells.length,
      compared: summary.compared + compared,
      mismatches: summary.mismatches + wrong,
    });
  });
  let functions: SelfCheckReport["functions"];
  if (run.functions.status === "unavailable") functions = { status: "unavailable", reason: run.functions.reason };
  else {
    const values = run.functions.values;
    const results = check.functions.map((f, i) => {
      const excel = values[i] ?? null;
      return { formula: f.formula, excel, ours: f.expect, ok: matchesExpected(f.expect, excel) };
    });
    // Every call answered #NAME?: Excel does not know the functions (not registered here).
    const notRegistered =
      results.length > 0 && results.every((r) => isComputedError(r.excel) && r.excel.error === "#NAME?");
    functions = { status: notRegistered ? "notRegistered" : "checked", results };
  }
  // Functions not registered (or no Excel to run them) are said, not counted against Excel.
  const functionsOk = functions.status !== "checked" || functions.results.every((r) => r.ok);
  return {
    when: formatWhen(about.when),
    excel: about.excel,
    addinVersion: about.addinVersion,
    settingsGenerated: check.settingsGenerated,
    kinds: [...kinds.values()],
    mismatches,
    functions,
    cleanup: run.removed,
    earlierLeftovers: run.earlierLeftovers,
    cancelled: run.cancelled,
    ...(run.failure ? { failure: run.failure } : {}),
    ok: complete && mismatches.length === 0 && functionsOk && run.removed.failed.length === 0,
  };
}

// ------------------------------------------------------------------ rendering

const W = {
  title: text("售后考核助手 自检报告", "Service Appraisal self-check report"),
  when: text("时间", "Date"),
  excel: text("Excel", "Excel"),
  unknown: text("未知", "unknown"),
  addin: text("加载项版本", "Add-in version"),
  settingsGenerated: text("考核参数：临时生成（默认值）", "Settings: generated for the check (defaults)"),
  settingsWorkbook: text("考核参数：使用本工作簿的", "Settings: this workbook's own"),
  resultOk: text("结果：全部一致", "Result: everything matches"),
  resultMismatches: text("结果：{n} 处不一致", "Result: {n} mismatch(es)"),
  cancelled: text("已取消：以下只是取消前完成的部分", "Cancelled: what follows is only what was done before"),
  stopped: text("未完成：{reason}", "Not finished: {reason}"),
  kindsHead: text("表格类型", "Sheet kind"),
  sheets: text("工作表数", "Sheets"),
  formulaCells: text("公式单元格", "Formula cells"),
  compared: text("已比较", "Compared"),
  mismatches: text("不一致", "Mismatches"),
  mismatchHead: text("不一致的单元格", "Mismatches"),
  none: text("（无）", "(none)"),
  sheet: text("工作表", "Sheet"),
  address: text("单元格", "Cell"),
  formula: text("公式", "Formula"),
  excelValue: text("Excel 的值", "Excel's value"),
  ourValue: text("本加载项的值", "Our value"),
  noExpectation: text("（不应是错误值）", "(must not be an error)"),
  functionsHead: text("自定义函数（SVC.*）", "Custom functions (SVC.*)"),
  functionsNotRegistered: text(
    "Excel 不认识 SVC 函数（全部为 #NAME?）：此 Excel 中自定义函数未注册。",
    "Excel does not know the SVC functions (all #NAME?): the custom functions are not registered in this Excel.",
  ),
  match: text("一致", "ok"),
  differ: text("不一致", "MISMATCH"),
  cleanupOk: text(
    "临时工作表已删除：{sheets} 个工作表、{names} 个名称",
    "Temporary sheets removed: {sheets} sheets, {names} names",
  ),
  cleanupFailed: text(
    "以下临时工作表未能删除，请手动删除：{list}",
    "These temporary sheets could not be removed; please delete them by hand: {list}",
  ),
  earlier: text(
    "先删除了上次中断的自检留下的工作表：{list}",
    "Removed first the sheets an earlier, interrupted self-check had left: {list}",
  ),
};

function fill(t: Text, locale: Locale, values: Record<string, string | number>): string {
  return pick(t, locale).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

/** The report's summary line, for the pane's message bar. */
export function reportHeadline(report: SelfCheckReport, locale: Locale): string {
  if (report.cancelled) return pick(W.cancelled, locale);
  if (report.failure) return fill(W.stopped, locale, { reason: pick(report.failure, locale) });
  const n = report.mismatches.length + functionMismatches(report);
  return n === 0 ? pick(W.resultOk, locale) : fill(W.resultMismatches, locale, { n });
}

function functionMismatches(report: SelfCheckReport): number {
  return report.functions.status === "checked" ? report.functions.results.filter((r) => !r.ok).length : 0;
}

/**
 * The report as rows of cells: the text report is these rows joined by tabs (so it pastes into
 * a sheet as columns), and the saved sheet is these rows.
 */
export function reportRows(report: SelfCheckReport, locale: Locale): (string | number)[][] {
  const t = (x: Text) => pick(x, locale);
  const rows: (string | number)[][] = [];
  rows.push([t(W.title)]);
  rows.push([t(W.when), report.when]);
  rows.push([t(W.excel), report.excel ?? t(W.unknown)]);
  rows.push([t(W.addin), report.addinVersion]);
  rows.push([t(report.settingsGenerated ? W.settingsGenerated : W.settingsWorkbook)]);
  rows.push([reportHeadline(report, locale)]);
  rows.push([]);
  rows.push([t(W.kindsHead), t(W.sheets), t(W.formulaCells), t(W.compared), t(W.mismatches)]);
  for (const k of report.kinds) rows.push([t(k.label), k.sheets, k.formulaCells, k.compared, k.mismatches]);
  rows.push([]);
  rows.push([t(W.mismatchHead)]);
  if (report.mismatches.length === 0) rows.push([t(W.none)]);
  else {
    rows.push([t(W.sheet), t(W.address), t(W.formula), t(W.excelValue), t(W.ourValue)]);
    for (const m of report.mismatches)
      rows.push([
        m.sheet,
        m.address,
        m.formula,
        showComputed(m.excel),
        m.ours === undefined ? t(W.noExpectation) : showComputed(m.ours),
      ]);
  }
  rows.push([]);
  rows.push([t(W.functionsHead)]);
  if (report.functions.status === "unavailable") rows.push([t(report.functions.reason)]);
  else {
    if (report.functions.status === "notRegistered") rows.push([t(W.functionsNotRegistered)]);
    rows.push([t(W.formula), t(W.excelValue), t(W.ourValue), ""]);
    for (const r of report.functions.results)
      rows.push([r.formula, showComputed(r.excel), showComputed(r.ours), t(r.ok ? W.match : W.differ)]);
  }
  rows.push([]);
  if (report.earlierLeftovers.length > 0)
    rows.push([fill(W.earlier, locale, { list: report.earlierLeftovers.join(locale === "zh-CN" ? "、" : ", ") })]);
  rows.push([fill(W.cleanupOk, locale, { sheets: report.cleanup.sheets, names: report.cleanup.names })]);
  if (report.cleanup.failed.length > 0)
    rows.push([fill(W.cleanupFailed, locale, { list: report.cleanup.failed.join(locale === "zh-CN" ? "、" : ", ") })]);
  return rows;
}

/** The report as plain text to copy: one line per row, cells separated by tabs. */
export function reportText(report: SelfCheckReport, locale: Locale): string {
  return reportRows(report, locale)
    .map((row) => row.map(String).join("\t"))
    .join("\n");
}
