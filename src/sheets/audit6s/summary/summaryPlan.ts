/**
 * The 6S汇总 (6S summary) sheet for a month, built from the audit sheets found in the workbook
 * by their markers (RULES.md#6s-summary): the area × S matrix with totals and ratings, the trend of each
 * area's total over the months present, the ten lowest-scoring items of the month, the open
 * corrective actions with owners and due dates (overdue ones flagged, as of a date the user can
 * change), and charts.
 *
 * How it reads the audits, and why: with formulas. Two source blocks at the bottom of the sheet
 * hold one row per audited area and one row per check item, each cell a reference to the audit
 * sheet's own cell (S percent, total, score, finding, owner, due date, status…). The report
 * tables above compute from those rows with AVERAGEIFS/COUNTIFS and INDEX/MATCH on ordinal
 * helper columns (the k-th lowest item, the k-th open action; ties keep reading order). So the
 * summary stays live — a supervisor who marks an action 已完成 or corrects a score on the audit
 * sheet sees the summary follow, in Excel, WPS or LibreOffice, without the add-in. What is fixed
 * at generation is the *set* of rows: which audits, areas, months and items exist (regenerate
 * after adding audits). The engine (core/audit6s summarizeAudits) computes the same numbers
 * from the values read back, and they are every formula's `expect`.
 *
 * Criteria are numbers only (an area number, a yyyymm month code): a user's area name such as
 * ">5" or "*" must never become a COUNTIFS wildcard or comparison.
 *
 * Sections, top to bottom as written: sheetSetup (title rows), sources (blocks A and B at the
 * bottom), reportTables (matrix, trend), lists (lowest items, open actions), charts, sheetSetup
 * (page). They share a SummarySheet (context.ts); layout.ts says where everything is.
 */
import { pick, text, type Locale, type Text } from "../../../core/i18n/text";
import { fail, ok, type Result } from "../../../core/problem";
import type { Settings } from "../../../core/settings";
import { monthLabel, summarizeAudits, type AuditSummary, type MonthCode } from "../../../core/audit6s/engine";
import { SheetBuilder } from "../../common/builder";
import { a1 } from "../../common/address";
import type { SheetPlan } from "../../plan";
import { SUMMARY_MARKER_VERSION, type AuditSummaryMarker, type SummaryMeta } from "../marker";
import type { AuditSheetReading } from "../read";
import { writeCharts } from "./charts";
import type { DatedEntry, Entry, SummarySheet } from "./context";
import { LOWEST, MARKER_COLUMN, summaryRows } from "./layout";
import { writeLowestItems, writeOpenActions } from "./lists";
import { formatMatrix, writeMatrix, writeTrend } from "./reportTables";
import { setUpPage, writeTitleRows } from "./sheetSetup";
import { writeAreaSource, writeItemSource } from "./sources";
import { TEXT } from "./strings";

export interface Audit6sSummaryOptions {
  /** The audit sheets read back (readAuditSheet), in workbook order. */
  readonly audits: readonly AuditSheetReading[];
  /** The month summarised, as yyyymm (e.g. 202611). */
  readonly month: MonthCode;
  /** Overdue = 整改期限 before this date serial (a cell on the sheet the user can change). */
  readonly asOf: number;
  readonly locale: Locale;
  readonly settings: Settings;
}

/** Builds the summary. Fails (never throws) when no audit sheet was read or the month has no audit. */
export function audit6sSummaryPlan(
  options: Audit6sSummaryOptions,
): Result<{ plan: SheetPlan<AuditSummaryMarker>; summary: AuditSummary }> {
  const entries: Entry[] = options.audits.flatMap((a) =>
    a.areas.map((x) => ({ sheet: a.sheetName, record: x.record, meta: x.meta })),
  );
  if (entries.length === 0) {
    return fail(
      "na",
      text(
        "工作簿中没有可读取的 6S 检查表：请先生成 6S 检查表",
        "the workbook holds no 6S audit sheet that can be read: generate an audit sheet first",
      ),
    );
  }
  if (!Number.isFinite(options.asOf) || options.asOf < 1)
    return fail("value", text("截止日期无效", "the as-of date is not a valid date"));
  const full = summarizeAudits(
    entries.map((e) => e.record),
    {
      month: options.month,
      asOf: options.asOf,
      rating: options.settings.audit6s.rating,
      lowestCount: Number.MAX_SAFE_INTEGER,
    },
  );
  if (!full.ok) return full;
  const sheet = startSheet(options, entries, full.value);
  writeTitleRows(sheet);
  writeAreaSource(sheet);
  writeItemSource(sheet);
  writeMatrix(sheet);
  formatMatrix(sheet);
  writeTrend(sheet);
  writeLowestItems(sheet);
  writeOpenActions(sheet);
  const chartAreas = writeCharts(sheet);
  setUpPage(sheet, chartAreas);
  return ok({ plan: sheet.b.build(), summary: sheet.summary });
}

/** Which rows the source blocks get, where everything goes, the marker and the builder. */
function startSheet(options: Audit6sSummaryOptions, entries: readonly Entry[], all: AuditSummary): SummarySheet {
  const { locale, month } = options;
  const t = (x: Text): string => pick(x, locale);
  const label = monthLabel(month);
  const dated = entries.map((e, i) => ({ e, i, m: all.recordMonths[i] })).filter((x): x is DatedEntry => x.m !== null);
  const itemRows = dated.filter((x) => x.m <= month).flatMap((x) => x.e.record.items.map((it, k) => ({ ...x, it, k })));
  const rows = summaryRows({
    areas: all.matrix.length,
    trend: all.trend.length,
    open: all.open.length,
    datedAudits: dated.length,
    items: itemRows.length,
  });
  const meta: SummaryMeta = { month: label, asOf: options.asOf, sources: options.audits.map((a) => a.sheetName) };
  const b = new SheetBuilder<AuditSummaryMarker>(
    `${t(TEXT.sheet)} ${label}`,
    { kind: "audit6sSummary", version: SUMMARY_MARKER_VERSION, meta },
    a1(1, MARKER_COLUMN),
  );
  return {
    b,
    t,
    locale,
    settings: options.settings,
    month,
    monthLabel: label,
    asOf: options.asOf,
    audits: options.audits,
    all,
    summary: { ...all, lowest: all.lowest.slice(0, LOWEST) },
    records: entries.map((e) => e.record),
    dated,
    itemRows,
    areaNo: new Map(all.trend.map((a, i) => [a.key, i + 1])),
    rows,
  };
}
