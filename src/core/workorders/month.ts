/**
 * Months of the KPI table (RULES.md#monthly-kpis): an order belongs to the month of its 报修时间; "as of"
 * is the end of the month (the first instant of the next month), or now if that is earlier.
 */
import { text } from "../i18n/text";
import { fail, ok, type Result } from "../problem";
import { parsePeriod } from "../appraisal/period";
import { dateTimeToSerial, serialToDateTime } from "../dates/serial";

export interface Month {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
}

/**
 * Reads a month as people write it: "2026-10", "2026/10", "2026年10月".
 *
 * @example
 * parseMonth("2026年10月") // → ok({ year: 2026, month: 10 })
 * parseMonth("2026-Q4")   // → problem "value": a quarter is not a month
 */
export function parseMonth(input: string): Result<Month> {
  const p = parsePeriod(input);
  if (!p.ok)
    return fail(
      "value",
      text(`无法识别月份“${input}”：请写成 2026-10`, `cannot read the month "${input}": write it as 2026-10`),
    );
  if (!("month" in p.value))
    return fail(
      "value",
      text(`“${input}”是季度，不是月份：请写成 2026-10`, `"${input}" is a quarter, not a month: write it as 2026-10`),
    );
  const m = { year: p.value.year, month: p.value.month };
  // The KPI table also reads the month before (the change column) and ends at the next month's
  // first instant: both must be Excel dates (1900-01-01 to 9999-12-31).
  const key = m.year * 12 + m.month - 1;
  if (key <= FIRST_MONTH_KEY || key >= LAST_MONTH_KEY)
    return fail(
      "num",
      text(
        `月份“${input}”超出范围：KPI 表还要用到前一个月和下一个月，必须都在 Excel 的日期范围内（1900-01-01 至 9999-12-31）；请选择 1900-02 至 9999-11 之间的月份`,
        `the month "${input}" is out of range: the KPI table also uses the month before and the month after, and both must be Excel dates (1900-01-01 to 9999-12-31); choose a month from 1900-02 to 9999-11`,
      ),
    );
  return ok(m);
}

const FIRST_MONTH_KEY = 1900 * 12;
const LAST_MONTH_KEY = 9999 * 12 + 11;

/** "2026-10". */
export function monthKey(m: Month): string {
  return `${m.year}-${String(m.month).padStart(2, "0")}`;
}

export function nextMonth(m: Month): Month {
  return m.month === 12 ? { year: m.year + 1, month: 1 } : { year: m.year, month: m.month + 1 };
}

export function previousMonth(m: Month): Month {
  return m.month === 1 ? { year: m.year - 1, month: 12 } : { year: m.year, month: m.month - 1 };
}

/** Serial of the month's first instant (what `DATE(y, m, 1)` gives in a sheet). */
export function monthStart(m: Month): number {
  const r = dateTimeToSerial({ year: m.year, month: m.month, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 });
  if (!r.ok) throw new RangeError(`month out of range: ${monthKey(m)}`);
  return r.value;
}

/** [start, end) of the month as serials; `end` is the next month's first instant. */
export function monthBounds(m: Month): { readonly start: number; readonly end: number } {
  return { start: monthStart(m), end: monthStart(nextMonth(m)) };
}

/** The month a serial falls in, or null for a serial outside Excel's dates. */
export function monthOfSerial(serial: number): Month | null {
  const dt = serialToDateTime(serial);
  if (!dt.ok || dt.value.day === 0) return null;
  return { year: dt.value.year, month: dt.value.month };
}

/**
 * RULES.md#monthly-kpis: "as of" = the end of the month (first instant of the next month) or `now`,
 * whichever is earlier (both serials).
 *
 * @example
 * defaultAsOf({ year: 2026, month: 10 }, nowSerial) // → 46327 (2026-11-01 00:00) once November has begun
 */
export function defaultAsOf(m: Month, now: number): number {
  return Math.min(monthBounds(m).end, now);
}

/** Months (newest first) in which at least one of the serials falls. */
export function monthsWithData(serials: Iterable<number>): Month[] {
  const keys = new Set<number>();
  for (const s of serials) {
    const m = monthOfSerial(s);
    if (m) keys.add(m.year * 12 + (m.month - 1));
  }
  return [...keys].sort((a, b) => b - a).map((k) => ({ year: Math.floor(k / 12), month: (k % 12) + 1 }));
}
