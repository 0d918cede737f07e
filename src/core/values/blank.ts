import { normalizeText } from "./text";

/**
 * A blank cell: `null`, `undefined` (an omitted argument), or a string of only whitespace
 * (Excel passes "" for a formula that returns "", and people type stray spaces).
 *
 * @example
 * isBlank(null) // → true
 * isBlank("  ") // → true
 * isBlank(0) // → false (zero is a value, not a blank)
 */
export function isBlank(value: unknown): value is null | undefined | string {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

const NOT_APPLICABLE = new Set(["n/a", "na", "不适用", "不适用项", "无需", "#n/a"]);

/**
 * An explicit "not applicable" mark (RULES.md#6s-scoring: an item may be marked N/A / 不适用).
 * Blank cells are not included here — callers decide what a blank means.
 *
 * @example
 * isNotApplicableMark("N/A") // → true
 * isNotApplicableMark("不适用") // → true
 * isNotApplicableMark("") // → false
 */
export function isNotApplicableMark(value: unknown): boolean {
  return typeof value === "string" && NOT_APPLICABLE.has(normalizeText(value).toLowerCase());
}
