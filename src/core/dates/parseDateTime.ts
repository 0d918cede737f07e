import { fail, ok, type Result } from "../problem";
import { text, type Text } from "../i18n/text";
import { isBlank } from "../values/blank";
import { describeValue } from "../values/describe";
import { normalizeText } from "../values/text";
import { dateTimeToSerial, MAX_SERIAL_DAY, MS_PER_DAY } from "./serial";

// Year, month, day with -, /, . or 年/月/日 between them (separators may differ, spaces allowed).
const DATE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?/;
// 8:30, 08:30:15, 08:30:15.250
const CLOCK = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,3})\d*)?)?/;
// 8时30分15秒, 8点30分, 8点
const CHINESE_CLOCK = /^(\d{1,2})\s*[时点]\s*(?:(\d{1,2})\s*分\s*(?:(\d{1,2})\s*秒)?)?/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_TEXT = /^\d+(?:\.\d+)?$/;

/**
 * Reads a date or date-time cell into an Excel serial (RULES.md#work-order-register): a serial number as Excel
 * stores it, or text in any of these forms (full-width digits and colons accepted):
 *   2026-10-05 08:30 · 2026/10/5 8:30 · 2026年10月5日 8:30 · 2026年10月5日8时30分
 *   2026.10.05 · 2026-10-05T08:30:00 (ISO) · with seconds (and milliseconds) · date only
 *   20261005 (compact) · "46300.35" (a serial written as text)
 * with an optional AM/PM suffix or 上午/下午 marker. Returns `null` for a blank cell.
 * Impossible dates (2026-02-30), times at or past 24:00, years outside 1900–9999, a time-zone
 * suffix (Z, +08:00 — a register's times are wall-clock times), booleans and any other text
 * are problems naming what was wrong.
 *
 * @example
 * parseDateTime("2026年10月5日 8:30") // → ok(46300.354166666664)
 * parseDateTime(46300.5)             // → ok(46300.5)
 * parseDateTime("2026-02-30")        // → problem "num": "2026-02-30 is not a date: February 2026 has 28 days"
 * parseDateTime(null)                // → ok(null)
 */
export function parseDateTime(value: unknown, what: Text = text("日期时间", "date-time")): Result<number | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === "number") return checkSerial(value, what);
  if (typeof value !== "string") return notADate(value, what);
  let s = normalizeText(value);
  if (SERIAL_TEXT.test(s)) {
    const compact = COMPACT.exec(s);
    if (compact) return build(+compact[1], +compact[2], +compact[3], 0, 0, 0, 0, what);
    return checkSerial(Number(s), what);
  }
  // 上午/下午 (and AM/PM) may sit before or after the time.
  let meridiem: "am" | "pm" | null = null;
  const zhMeridiem = /上午|下午|晚上|中午/.exec(s);
  if (zhMeridiem) {
    meridiem = zhMeridiem[0] === "上午" ? "am" : "pm";
    s = (s.slice(0, zhMeridiem.index) + " " + s.slice(zhMeridiem.index + zhMeridiem[0].length))
      .replace(/\s+/g, " ")
      .trim();
  }
  const enMeridiem = /\s*([ap])\.?m\.?$/i.exec(s);
  if (enMeridiem) {
    if (meridiem) return notADate(value, what);
    meridiem = enMeridiem[1].toLowerCase() === "a" ? "am" : "pm";
    s = s.slice(0, enMeridiem.index).trim();
  }
  const d = DATE.exec(s);
  if (!d) return notADate(value, what);
  let rest = s.slice(d[0].length);
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  if (rest.length > 0) {
    if (rest[0] === "T" || rest[0] === "t" || rest[0] === " ") rest = rest.slice(1).trimStart();
    const c = CLOCK.exec(rest) ?? CHINESE_CLOCK.exec(rest);
    if (!c) return notADate(value, what);
    hour = +c[1];
    minute = c[2] === undefined ? 0 : +c[2];
    second = c[3] === undefined ? 0 : +c[3];
    ms = c[4] === undefined ? 0 : Math.round(+`0.${c[4]}` * 1000);
    rest = rest.slice(c[0].length).trim();
    if (rest.length > 0) {
      if (/^(?:z|[+-]\d{1,2}(?::?\d{2})?)$/i.test(rest)) {
        return fail(
          "value",
          text(
            `${what.zh}“${value}”带有时区（${rest}），请填写当地时间`,
            `${what.en} "${value}" carries a time zone (${rest}); enter the local wall-clock time instead`,
          ),
        );
      }
      return notADate(value, what);
    }
  } else if (meridiem) {
    return notADate(value, what);
  }
  if (meridiem) {
    if (hour < 1 || hour > 12) {
      return fail(
        "num",
        text(
          `${what.zh}“${value}”：12 小时制的小时必须在 1–12 之间`,
          `${what.en} "${value}": a 12-hour clock hour must be 1–12`,
        ),
      );
    }
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  return build(+d[1], +d[2], +d[3], hour, minute, second, ms, what);
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  what: Text,
): Result<number> {
  const r = dateTimeToSerial({ year, month, day, hour, minute, second, millisecond: ms });
  if (r.ok) return r;
  return fail("value", text(`${what.zh}：${r.problem.message.zh}`, `${what.en}: ${r.problem.message.en}`));
}

function checkSerial(n: number, what: Text): Result<number> {
  if (!Number.isFinite(n) || n < 0 || Math.round(n * MS_PER_DAY) >= (MAX_SERIAL_DAY + 1) * MS_PER_DAY) {
    return fail(
      "num",
      text(
        `${what.zh} ${String(n)} 不是有效的 Excel 日期（0 – 9999-12-31）`,
        `${what.en} ${String(n)} is not a valid Excel date (0 to 9999-12-31)`,
      ),
    );
  }
  return ok(n);
}

function notADate(value: unknown, what: Text): Result<never> {
  const d = describeValue(value);
  return fail(
    "value",
    text(
      `${what.zh}无法识别：${d.zh}（示例：2026-10-05 08:30、2026/10/5 8:30、2026年10月5日 8:30）`,
      `${what.en} is not a date: ${d.en} (e.g. 2026-10-05 08:30, 2026/10/5 8:30, 2026年10月5日 8:30)`,
    ),
  );
}
