/**
 * The 6S summary over audits (RULES.md#6s-summary): the area × S matrix for a month, the trend of each
 * area's total over the months present, the lowest-scoring items of the month, and the open
 * corrective actions with their owners and due dates (overdue as of a date). Input is what was
 * read back from the audit sheets (one record per audited area); the 6S汇总 sheet computes the
 * same numbers with native formulas that reference those sheets, and this engine supplies the
 * values they must come to.
 */
import { text, type Text } from "../i18n/text";
import { fail, ok, type Result } from "../problem";
import { serialToDateTime } from "../dates/serial";
import { DEFAULT_SETTINGS, type GradeScheme } from "../settings";
import { rateAudit } from "./scoring";
import { areaKey, type SIndex } from "./checklist";
import type { AreaResult } from "./area";

/** A cell as read: text, number, boolean or blank. */
export type CellValue = string | number | boolean | null;

/** One check item of an audited area, as read back from its sheet. */
export interface AuditItemRecord {
  readonly s: SIndex;
  readonly text: string;
  readonly critical: boolean;
  /** The score as the sheet reads it (see readScoreCell); null = not scored or N/A. */
  readonly score: number | null;
  /** The scale's maximum (1 for pass/fail). */
  readonly max: number;
  readonly needsAction: boolean;
  readonly finding: CellValue;
  readonly action: CellValue;
  readonly owner: CellValue;
  /** 整改期限 as a date serial; null when blank or not a date. */
  readonly due: number | null;
  readonly status: CellValue;
}

/** One area of one audit sheet. */
export interface AreaAuditRecord {
  /** The audit sheet's name. */
  readonly source: string;
  readonly area: string;
  /** The audit date (serial); null when the date cell is blank or not a date. */
  readonly date: number | null;
  readonly result: AreaResult;
  readonly items: readonly AuditItemRecord[];
}

/** yyyymm, e.g. 202611: how the summary sheet keys months (a number, safe in COUNTIFS criteria). */
export type MonthCode = number;

/** The month of a date serial as yyyymm. */
export function monthCodeOf(serial: number): MonthCode | null {
  const dt = serialToDateTime(serial);
  if (!dt.ok || dt.value.day === 0) return null;
  return dt.value.year * 100 + dt.value.month;
}

/** "2026-11" from 202611. */
export function monthLabel(code: MonthCode): string {
  return `${Math.floor(code / 100)}-${String(code % 100).padStart(2, "0")}`;
}

/** The status words that close a corrective action (the 状态 dropdown's last choice, both languages). */
export const DONE_WORDS = ["已完成", "Done"] as const;

/** True when the 状态 cell says the action is done (Excel's `=`: case-insensitive, untrimmed). */
export function isDone(status: CellValue): boolean {
  return typeof status === "string" && DONE_WORDS.some((w) => w.toLowerCase() === status.toLowerCase());
}

/** A cell the summary counts as empty (what `x=""` is true for after `IF(x="","",x)`). */
export function isEmptyCell(v: CellValue): boolean {
  return v === null || v === "";
}

/**
 * Open corrective action (RULES.md#6s-scoring): the item is scored below the scale's middle or someone
 * wrote a corrective action for it, and its status is not 已完成/Done.
 */
export function isOpenAction(item: AuditItemRecord): boolean {
  return (item.needsAction || !isEmptyCell(item.action)) && !isDone(item.status);
}

export interface MatrixRow {
  readonly name: string;
  readonly key: string;
  /** Mean S percent over the area's audits of the month (S not scored in an audit left out). */
  readonly s: readonly (number | null)[];
  readonly total: number | null;
  readonly rating: string | null;
  readonly audits: number;
}

export interface ItemRef {
  /** Index into the records. */
  readonly record: number;
  /** Index into the record's items. */
  readonly item: number;
}

export interface LowItem extends ItemRef {
  /** score ÷ max × 100. */
  readonly percent: number;
}

export interface OpenAction extends ItemRef {
  /** Days past 整改期限 as of the summary date; null when not overdue or without a due date. */
  readonly overdueDays: number | null;
}

export interface AuditSummary {
  readonly month: MonthCode;
  readonly asOf: number;
  /** Month of each record (null = undated: left out of everything, see `undated`). */
  readonly recordMonths: readonly (MonthCode | null)[];
  /** Areas audited in the month, in order of first appearance. */
  readonly matrix: readonly MatrixRow[];
  /** Every area-audit of the month together. */
  readonly overall: MatrixRow;
  /** Months with dated audits, ascending. */
  readonly months: readonly MonthCode[];
  /** Every area ever audited (dated), with its mean total per month of `months`. */
  readonly trend: readonly {
    readonly name: string;
    readonly key: string;
    readonly totals: readonly (number | null)[];
  }[];
  /** The lowest-scoring items of the month (at most `lowestCount`), lowest first; ties in reading order. */
  readonly lowest: readonly LowItem[];
  /** Items of audits up to the month's end whose corrective action is open, in reading order. */
  readonly open: readonly OpenAction[];
  /** Records without a readable date. */
  readonly undated: readonly number[];
}

export interface SummaryOptions {
  readonly month: MonthCode;
  /** Overdue means 整改期限 before this date serial. */
  readonly asOf: number;
  readonly rating?: GradeScheme;
  /** How many lowest items to list (default 10). */
  readonly lowestCount?: number;
}

function mean(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    n += 1;
  }
  return n === 0 ? null : sum / n;
}

/**
 * Summarises area audits. The month must have at least one dated audit; otherwise the problem
 * names the months that do (kind "na").
 *
 * @example
 * summarizeAudits(records, { month: 202611, asOf: 46356 })
 *   // → ok({ matrix: [{ name: "维修车间", s: [80, …], total: 76.7, rating: "合格", audits: 2 }, …], … })
 */
export function summarizeAudits(records: readonly AreaAuditRecord[], options: SummaryOptions): Result<AuditSummary> {
  const { month, asOf } = options;
  const scheme = options.rating ?? DEFAULT_SETTINGS.audit6s.rating;
  const lowestCount = options.lowestCount ?? 10;
  const recordMonths = records.map((r) => (r.date === null ? null : monthCodeOf(r.date)));
  const undated = recordMonths.flatMap((m, i) => (m === null ? [i] : []));
  const months = [...new Set(recordMonths.filter((m): m is MonthCode => m !== null))].sort((a, b) => a - b);
  const inMonth = records.map((_, i) => recordMonths[i] === month);
  if (!inMonth.some(Boolean)) {
    const present = months.map(monthLabel).join(", ");
    return fail(
      "na",
      text(
        `${monthLabel(month)} 没有 6S 检查记录${present ? `（有记录的月份：${present}）` : "（工作簿中没有带日期的检查表）"}`,
        `there are no 6S audits in ${monthLabel(month)}${present ? ` (months with audits: ${present})` : " (the workbook has no dated audit sheets)"}`,
      ),
    );
  }

  const rate = (total: number | null): string | null => {
    if (total === null) return null;
    const band = rateAudit(total, scheme);
    return band.ok ? band.value.code : null;
  };
  const row = (name: string, key: string, picked: readonly AreaAuditRecord[]): MatrixRow => {
    const total = mean(picked.map((r) => r.result.total));
    return {
      name,
      key,
      s: [0, 1, 2, 3, 4, 5].map((s) => mean(picked.map((r) => r.result.s[s].percent))),
      total,
      rating: rate(total),
      audits: picked.length,
    };
  };
  const areasOf = (pick: (i: number) => boolean): { name: string; key: string }[] => {
    const seen = new Map<string, string>();
    records.forEach((r, i) => {
      if (!pick(i)) return;
      const key = areaKey(r.area);
      if (!seen.has(key)) seen.set(key, r.area);
    });
    return [...seen].map(([key, name]) => ({ key, name }));
  };

  const matrix = areasOf((i) => inMonth[i]).map(({ name, key }) =>
    row(
      name,
      key,
      records.filter((r, i) => inMonth[i] && areaKey(r.area) === key),
    ),
  );
  const overall = row(
    "",
    "",
    records.filter((_, i) => inMonth[i]),
  );

  const trend = areasOf((i) => recordMonths[i] !== null).map(({ name, key }) => ({
    name,
    key,
    totals: months.map((m) =>
      mean(records.filter((r, i) => recordMonths[i] === m && areaKey(r.area) === key).map((r) => r.result.total)),
    ),
  }));

  const scored: LowItem[] = [];
  const open: OpenAction[] = [];
  records.forEach((r, ri) => {
    const m = recordMonths[ri];
    if (m === null) return;
    r.items.forEach((it, ii) => {
      if (m === month && it.score !== null) scored.push({ record: ri, item: ii, percent: (it.score / it.max) * 100 });
      if (m <= month && isOpenAction(it)) {
        open.push({ record: ri, item: ii, overdueDays: it.due !== null && it.due < asOf ? asOf - it.due : null });
      }
    });
  });
  // Array.prototype.sort is stable: equal percents keep reading order, as the sheet's ordinal does.
  const lowest = [...scored].sort((a, b) => a.percent - b.percent).slice(0, lowestCount);

  return ok({ month, asOf, recordMonths, matrix, overall, months, trend, lowest, open, undated });
}

/** "维修车间（6S检查表 2026-11-20）" — where a record came from, for messages. */
export function recordLabel(r: AreaAuditRecord): Text {
  return text(`${r.area}（${r.source}）`, `${r.area} (${r.source})`);
}
