import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import { formatNumber } from "../values/describe";

/**
 * A date-time as the wall clock shows it, with no time zone ("naive"). This is how Excel
 * thinks of a cell's date: serial 46300.5 is "2026-10-04 12:00" wherever the workbook is
 * opened. The engine works on these parts or on serials, never on local `Date` objects, so
 * nothing drifts with the machine's time zone or daylight-saving rules. All arithmetic
 * below uses `Date.UTC` purely as a calendar calculator.
 *
 * Excel's 1900 date system has two oddities kept here on purpose (so serials match Excel):
 * serial 60 is the fictitious 1900-02-29 (Lotus 1-2-3's leap-year bug), and serial 0 is
 * "1900-01-00", represented as `{ year: 1900, month: 1, day: 0 }`.
 */
export interface NaiveDateTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 (0 only for serial 0, "1900-01-00") */
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

export const MS_PER_DAY = 86_400_000;
/** 9999-12-31, the last day Excel's 1900 date system can show. */
export const MAX_SERIAL_DAY = 2_958_465;
const EPOCH_AFTER_LEAP_BUG = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE_LEAP_BUG = Date.UTC(1899, 11, 31);

/**
 * Days in a month of the proleptic Gregorian calendar.
 *
 * @example
 * daysInMonth(2026, 2) // → 28
 * daysInMonth(2024, 2) // → 29
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Naive date-time → Excel serial (1900 date system). The fictitious 1900-02-29 gives 60,
 * as in Excel. Out-of-range parts (month 13, 2026-02-30, 24:00, year before 1900 or after
 * 9999) are a problem of kind "num" that names the part.
 *
 * @example
 * dateTimeToSerial({ year: 2026, month: 10, day: 5, hour: 8, minute: 30, second: 0, millisecond: 0 })
 *   // → ok(46300.354166666664)
 * dateTimeToSerial({ year: 1900, month: 3, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 }) // → ok(61)
 */
export function dateTimeToSerial(dt: NaiveDateTime): Result<number> {
  const { year, month, day, hour, minute, second, millisecond } = dt;
  const parts = [year, month, day, hour, minute, second, millisecond];
  if (!parts.every(Number.isInteger))
    return fail("num", text("日期时间的各部分必须是整数", "date-time parts must be whole numbers"));
  if (year < 1900 || year > 9999) {
    return fail(
      "num",
      text(`年份 ${year} 超出 Excel 日期范围（1900–9999）`, `year ${year} is outside Excel's date range (1900–9999)`),
    );
  }
  if (month < 1 || month > 12) return fail("num", text(`月份 ${month} 无效`, `month ${month} does not exist`));
  const fakeLeapDay = year === 1900 && month === 2 && day === 29;
  const dim = daysInMonth(year, month);
  if (day < 1 || (day > dim && !fakeLeapDay)) {
    return fail(
      "num",
      text(
        `${year}-${pad(month)}-${pad(day)} 不是有效日期：${year} 年 ${month} 月只有 ${dim} 天`,
        `${year}-${pad(month)}-${pad(day)} is not a date: ${MONTHS[month - 1]} ${year} has ${dim} days`,
      ),
    );
  }
  if (
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    millisecond < 0 ||
    millisecond > 999
  ) {
    return fail(
      "num",
      text(
        `时间 ${pad(hour)}:${pad(minute)}:${pad(second)} 无效（必须早于 24:00）`,
        `time ${pad(hour)}:${pad(minute)}:${pad(second)} is not valid (must be before 24:00)`,
      ),
    );
  }
  let days: number;
  if (fakeLeapDay) days = 60;
  else {
    const t = Date.UTC(year, month - 1, day);
    days =
      year === 1900 && month <= 2 ? (t - EPOCH_BEFORE_LEAP_BUG) / MS_PER_DAY : (t - EPOCH_AFTER_LEAP_BUG) / MS_PER_DAY;
  }
  const msOfDay = ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  return ok(days + msOfDay / MS_PER_DAY);
}

/**
 * Excel serial → naive date-time. The time is rounded to the nearest millisecond (so
 * 0.35416666666 is 08:30:00.000, not 08:29:59.999). Serial 60 → 1900-02-29, serial 0 →
 * "1900-01-00". Negative, non-finite or beyond 9999-12-31 23:59:59.999 → problem "num".
 *
 * @example
 * serialToDateTime(46300.354166666664) // → ok({ 2026-10-05 08:30:00.000 })
 * serialToDateTime(60) // → ok({ year: 1900, month: 2, day: 29, … })
 */
export function serialToDateTime(serial: number): Result<NaiveDateTime> {
  if (typeof serial !== "number" || !Number.isFinite(serial) || serial < 0) {
    return fail(
      "num",
      text(
        `${formatNumber(serial)} 不是有效的 Excel 日期序号`,
        `${formatNumber(serial)} is not a valid Excel date serial`,
      ),
    );
  }
  const totalMs = Math.round(serial * MS_PER_DAY);
  const days = Math.floor(totalMs / MS_PER_DAY);
  if (days > MAX_SERIAL_DAY) {
    return fail(
      "num",
      text(
        `${formatNumber(serial)} 超出 Excel 日期范围（最大 9999-12-31）`,
        `${formatNumber(serial)} is beyond Excel's last date (9999-12-31)`,
      ),
    );
  }
  let msOfDay = totalMs - days * MS_PER_DAY;
  const millisecond = msOfDay % 1000;
  msOfDay = (msOfDay - millisecond) / 1000;
  const second = msOfDay % 60;
  msOfDay = (msOfDay - second) / 60;
  const minute = msOfDay % 60;
  const hour = (msOfDay - minute) / 60;
  const time = { hour, minute, second, millisecond };
  if (days === 0) return ok({ year: 1900, month: 1, day: 0, ...time });
  if (days === 60) return ok({ year: 1900, month: 2, day: 29, ...time });
  const d = new Date((days < 60 ? EPOCH_BEFORE_LEAP_BUG : EPOCH_AFTER_LEAP_BUG) + days * MS_PER_DAY);
  return ok({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), ...time });
}

/**
 * The serial of what a `Date` shows on a clock: `"local"` reads its local-time fields (what
 * the user's computer shows — use this for "now"), `"utc"` its UTC fields (use this for a
 * Date built with `Date.UTC` to carry naive parts). Invalid dates → problem "num".
 *
 * @example
 * dateToSerial(new Date(Date.UTC(2026, 9, 5, 8, 30)), "utc") // → ok(46300.354166666664)
 */
export function dateToSerial(date: Date, clock: "local" | "utc"): Result<number> {
  if (!(date instanceof Date) || Number.isNaN(date.getTime()))
    return fail("num", text("无效的日期对象", "an invalid Date"));
  const local = clock === "local";
  return dateTimeToSerial({
    year: local ? date.getFullYear() : date.getUTCFullYear(),
    month: (local ? date.getMonth() : date.getUTCMonth()) + 1,
    day: local ? date.getDate() : date.getUTCDate(),
    hour: local ? date.getHours() : date.getUTCHours(),
    minute: local ? date.getMinutes() : date.getUTCMinutes(),
    second: local ? date.getSeconds() : date.getUTCSeconds(),
    millisecond: local ? date.getMilliseconds() : date.getUTCMilliseconds(),
  });
}

/**
 * A serial as a `Date` whose UTC fields carry the naive wall-clock parts (read it back with
 * `getUTC*`, never with local getters). The fictitious 1900-02-29 and "1900-01-00" have no
 * JavaScript date: problem "num".
 *
 * @example
 * serialToUtcDate(46300.5) // → ok(new Date("2026-10-05T12:00:00.000Z"))
 */
export function serialToUtcDate(serial: number): Result<Date> {
  const dt = serialToDateTime(serial);
  if (!dt.ok) return dt;
  const { year, month, day, hour, minute, second, millisecond } = dt.value;
  if (day === 0 || (year === 1900 && month === 2 && day === 29)) {
    return fail(
      "num",
      text(
        `Excel 日期 ${formatNumber(serial)} 是虚构的日期（1900-01-00 或 1900-02-29）`,
        `Excel date ${formatNumber(serial)} is a fictitious day (1900-01-00 or 1900-02-29)`,
      ),
    );
  }
  return ok(new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond)));
}

/**
 * A serial as people read it in messages: "2026-10-05 08:30" (seconds only when not zero;
 * the date alone for whole days when `dateOnlyIfMidnight`). Invalid serials come back as the
 * number itself.
 *
 * @example
 * formatSerial(46300.354166666664) // → "2026-10-05 08:30"
 * formatSerial(46300, true) // → "2026-10-05"
 */
export function formatSerial(serial: number, dateOnlyIfMidnight = false): string {
  const dt = serialToDateTime(serial);
  if (!dt.ok) return formatNumber(serial);
  const { year, month, day, hour, minute, second, millisecond } = dt.value;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (dateOnlyIfMidnight && hour === 0 && minute === 0 && second === 0 && millisecond === 0) return date;
  return `${date} ${pad(hour)}:${pad(minute)}${second || millisecond ? `:${pad(second)}` : ""}`;
}

function pad(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
