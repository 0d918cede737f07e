/**
 * How a KPI target is compared (RULES.md#monthly-kpis): the policy writes its targets with their comparison —
 * 服务及时率 ≥ 90%, 用户满意程度 ≥ 85%, 用户抱怨率 < 3% (3.2.1) — and "< 3%" is strictly below:
 * a complaint rate of exactly 3% misses it. The comparison also says which way is better
 * (≥ and > higher, ≤ and < lower).
 */
import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import { BOUND_TOLERANCE } from "../grading/tolerance";
import { normalizeText } from "../values/text";
import type { TargetComparison } from "../settings";

/** The four comparisons, in ASCII (the settings sheet shows ≥ > ≤ <). */
export type Comparison = TargetComparison;

export const COMPARISONS: readonly Comparison[] = [">=", ">", "<=", "<"];

/** What the settings sheet and the KPI sheet show for each comparison. */
export const COMPARISON_SYMBOL: Readonly<Record<Comparison, string>> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" };

const READ: ReadonlyMap<string, Comparison> = new Map<string, Comparison>([
  [">=", ">="],
  ["≥", ">="],
  ["=>", ">="],
  ["≧", ">="],
  [">", ">"],
  ["<=", "<="],
  ["≤", "<="],
  ["=<", "<="],
  ["≦", "<="],
  ["<", "<"],
  ["不低于", ">="],
  ["不少于", ">="],
  ["大于等于", ">="],
  ["高于", ">"],
  ["大于", ">"],
  ["不高于", "<="],
  ["不超过", "<="],
  ["小于等于", "<="],
  ["低于", "<"],
  ["小于", "<"],
]);

/** true for ≤ and <: the lower the result, the better. */
export function lowerIsBetter(c: Comparison): boolean {
  return c === "<=" || c === "<";
}

/** true for > and <: the target itself does not meet it. */
export function isStrict(c: Comparison): boolean {
  return c === ">" || c === "<";
}

/**
 * Reads a comparison as people write it: ≥ > ≤ <, >= <=, full-width ＞＜ and ≧≦, or words
 * (不低于, 低于 …). Anything else is a problem naming what is accepted.
 *
 * @example
 * parseComparison("≥") // → ok(">=")
 * parseComparison("＜") // → ok("<")
 */
export function parseComparison(value: unknown): Result<Comparison> {
  const raw = typeof value === "string" ? normalizeText(value).replace(/\s+/g, "") : "";
  const c = READ.get(raw);
  if (c !== undefined) return ok(c);
  const shown = typeof value === "string" ? value : String(value);
  return fail(
    "value",
    text(`无法识别的比较方式“${shown}”：应为 ≥、>、≤ 或 <`, `unknown comparison "${shown}": expected ≥, >, ≤ or <`),
  );
}

/**
 * Whether `actual` meets `target` under `c`. Inclusive comparisons forgive floating-point noise
 * (1e-9, as grade bounds do); strict ones demand a difference beyond it, so a computed 3% (3 of
 * 100) is not "below 3%".
 *
 * @example
 * meetsTarget(0.03, 0.03, "<")  // → false
 * meetsTarget(0.03, 0.03, "<=") // → true
 */
export function meetsTarget(actual: number, target: number, c: Comparison): boolean {
  switch (c) {
    case ">=":
      return actual >= target - BOUND_TOLERANCE;
    case ">":
      return actual > target + BOUND_TOLERANCE;
    case "<=":
      return actual <= target + BOUND_TOLERANCE;
    case "<":
      return actual < target - BOUND_TOLERANCE;
  }
}
