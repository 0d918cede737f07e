/**
 * An appraisal period: a month or a quarter (RULES.md#bonuses timeline: monthly data, quarterly summary).
 * Accepts what HR types: "2026-Q3", "2026Q3", "2026年第3季度", "2026-10", "2026/10", "2026年10月".
 */
import { text, type Text } from "../i18n/text";
import { fail, ok, type Result } from "../problem";

export type Period =
  { readonly year: number; readonly quarter: 1 | 2 | 3 | 4 } | { readonly year: number; readonly month: number };

const QUARTER = /^(\d{4})\s*(?:-|\/|\s)?\s*[Qq]([1-4])$/;
const QUARTER_ZH = /^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?$/;
const MONTH = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/;
const MONTH_ZH = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?$/;
const ZH_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * @example
 * parsePeriod("2026-Q3")      // → ok({ year: 2026, quarter: 3 })
 * parsePeriod("2026年10月")    // → ok({ year: 2026, month: 10 })
 * parsePeriod("2026-13")      // → problem "value": month 13 does not exist
 */
export function parsePeriod(input: string): Result<Period> {
  const s = input.trim().replace(/\s+/g, " ");
  let m = QUARTER.exec(s) ?? QUARTER_ZH.exec(s);
  if (m) {
    const q = ZH_DIGIT[m[2]] ?? Number(m[2]);
    return yearOk(Number(m[1]), input) ?? ok({ year: Number(m[1]), quarter: q as 1 | 2 | 3 | 4 });
  }
  m = MONTH.exec(s) ?? MONTH_ZH.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) {
      return fail(
        "value",
        text(
          `考核期间“${input}”中的月份 ${month} 不存在`,
          `the period "${input}" has month ${month}, which does not exist`,
        ),
      );
    }
    return yearOk(Number(m[1]), input) ?? ok({ year: Number(m[1]), month });
  }
  return fail(
    "value",
    text(
      `无法识别考核期间“${input}”：请写成 2026-Q3（季度）或 2026-10（月份）`,
      `cannot read the period "${input}": write 2026-Q3 for a quarter or 2026-10 for a month`,
    ),
  );
}

function yearOk(year: number, input: string): Result<Period> | null {
  return year >= 1900 && year <= 9999
    ? null
    : fail("value", text(`考核期间“${input}”的年份无效`, `the period "${input}" has an invalid year`));
}

/** "2026年第3季度" / "Q3 2026"; "2026年10月" / "October 2026". */
export function periodLabel(p: Period): Text {
  if ("quarter" in p) return text(`${p.year}年第${p.quarter}季度`, `Q${p.quarter} ${p.year}`);
  const months = [
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
  return text(`${p.year}年${p.month}月`, `${months[p.month - 1]} ${p.year}`);
}

/** The canonical key: "2026-Q3" or "2026-10". */
export function periodKey(p: Period): string {
  return "quarter" in p ? `${p.year}-Q${p.quarter}` : `${p.year}-${String(p.month).padStart(2, "0")}`;
}
