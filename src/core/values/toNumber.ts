import { fail, ok, type Result } from "../problem";
import { text, type Text } from "../i18n/text";
import { isBlank } from "./blank";
import { describeValue } from "./describe";
import { normalizeText } from "./text";

/**
 * Number coercion for cell values, one rule for the whole add-in:
 * - a finite number is itself; NaN and ±Infinity are a problem of kind "num";
 * - numeric text is read as a number: "85", " 85 ", "+85", "-1.5", "1,234.5" (thousands
 *   separators), "1e3", full-width digits ("８５"), and a trailing percent sign divides by 100
 *   ("85%" → 0.85) — exactly what Excel's VALUE() does with such text;
 * - booleans are NOT numbers (TRUE is not 1 here: a TRUE in a score column is a mistake);
 * - a blank cell gives `null` — what a blank means is the caller's rule (N/A, 0, "none").
 * `what` names the input in messages ("score 3", "weight", "target").
 *
 * @example
 * toNumber("85%", "score") // → ok(0.85)
 * toNumber(true, "score")  // → problem "value": "score is TRUE, not a number"
 * toNumber(null, "score")  // → ok(null)
 */
export function toNumber(value: unknown, what: Text = text("值", "value")): Result<number | null> {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return ok(value);
    return fail(
      "num",
      text(`${what.zh}不是有限数值（${String(value)}）`, `${what.en} is not a finite number (${String(value)})`),
    );
  }
  if (isBlank(value)) return ok(null);
  if (typeof value === "string") {
    const parsed = parseNumericText(value);
    if (parsed !== null) return ok(parsed);
  }
  const d = describeValue(value);
  return fail("value", text(`${what.zh}是${d.zh}，不是数字`, `${what.en} is ${d.en}, not a number`));
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * Reads numeric text, or returns null when the text is not a number. See {@link toNumber}.
 *
 * @example
 * parseNumericText("1,234.5") // → 1234.5
 * parseNumericText("12%") // → 0.12
 * parseNumericText("12 apples") // → null
 */
export function parseNumericText(raw: string): number | null {
  let s = normalizeText(raw);
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (GROUPED.test(s)) s = s.replace(/,/g, "");
  else if (!NUMERIC.test(s)) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}
