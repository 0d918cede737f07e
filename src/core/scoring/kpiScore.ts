import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import { formatNumber } from "../values/describe";
import { DEFAULT_SETTINGS } from "../settings";
import { BOUND_TOLERANCE } from "../grading/tolerance";
import { COMPARISON_SYMBOL, isStrict, lowerIsBetter, meetsTarget, type Comparison } from "./comparison";

export interface KpiScoreOptions {
  /** true for rates such as 抱怨率 where less is better (≤). Default false (≥). */
  readonly lowerIsBetter?: boolean;
  /** How the target is compared (≥ > ≤ <); wins over `lowerIsBetter`. */
  readonly comparison?: Comparison;
  /** The score of a KPI that meets its target. Default: settings.kpi.fullScore (5). */
  readonly fullScore?: number;
}

/**
 * A missed target never scores full marks: at most full × MISSED_CAP. Only a result within a
 * millionth of its target reaches the cap — for "< 3%" that is a rate of exactly 3%, which the
 * ratio rule alone would score 5 × 3% / 3% = full (counted as meeting the target, issue 14).
 * The generated sheets write the same factor (sheets/workorders/kpi/scoreFormulas.ts).
 */
export const MISSED_CAP = 0.999999;

/**
 * RULES.md#kpi-scores (default rule) with the target's comparison (RULES.md#monthly-kpis): a KPI result against its
 * target as a score out of `fullScore`.
 * - a result that meets the target (see {@link meetsTarget}) scores `fullScore`;
 * - a miss, higher is better (≥ >): `min(actual / target, 1) × fullScore`, target above 0;
 * - a miss, lower is better (≤ <): `fullScore × target / actual`; a target of 0 is allowed for ≤
 *   (any actual above 0 scores 0), not for < (nothing is below 0);
 * - a miss scores at most `fullScore × MISSED_CAP`.
 * Negative or non-finite actual/target, or a fullScore not above 0 → problem "num".
 *
 * @example
 * kpiScore(0.81, 0.9)                             // → ok(4.5)
 * kpiScore(0.95, 0.9)                             // → ok(5)
 * kpiScore(0.06, 0.03, { lowerIsBetter: true })   // → ok(2.5)
 * kpiScore(0.03, 0.03, { comparison: "<" })       // → ok(4.999995)  (exactly 3% is not below 3%)
 */
export function kpiScore(
  actual: number,
  target: number,
  options: KpiScoreOptions = {},
  settings = DEFAULT_SETTINGS,
): Result<number> {
  const full = options.fullScore ?? settings.kpi.fullScore;
  if (!Number.isFinite(full) || !(full > 0)) {
    return fail(
      "num",
      text(
        `满分必须大于 0（现为 ${formatNumber(full)}）`,
        `the full score must be above 0 (got ${formatNumber(full)})`,
      ),
    );
  }
  if (!Number.isFinite(actual) || actual < 0) {
    return fail(
      "num",
      text(
        `实际值必须是不小于 0 的数（现为 ${formatNumber(actual)}）`,
        `the actual value must be a number ≥ 0 (got ${formatNumber(actual)})`,
      ),
    );
  }
  const comparison = options.comparison ?? (options.lowerIsBetter ? "<=" : ">=");
  const checked = checkTarget(target, comparison);
  if (!checked.ok) return checked;
  if (meetsTarget(actual, target, comparison)) return ok(full);
  // target / actual < 1 here (a miss), so the product stays within full (full × target could overflow).
  const score = lowerIsBetter(comparison) ? full * (target / actual) : Math.min(actual / target, 1) * full;
  return ok(Math.min(score, full * MISSED_CAP));
}

/**
 * A target `comparison` can be met with: a number ≥ 0, above 0 for higher-is-better (the
 * score divides by it) and for "<" (nothing is below 0).
 */
export function checkTarget(target: number, comparison: Comparison): Result<number> {
  if (!Number.isFinite(target) || target < 0) {
    return fail(
      "num",
      text(
        `目标值必须是不小于 0 的数（现为 ${formatNumber(target)}）`,
        `the target must be a number ≥ 0 (got ${formatNumber(target)})`,
      ),
    );
  }
  if (!lowerIsBetter(comparison) && !(target > 0)) {
    return fail("num", text("“越高越好”的指标目标值必须大于 0", "a higher-is-better target must be above 0"));
  }
  if (isStrict(comparison) && lowerIsBetter(comparison) && !(target > BOUND_TOLERANCE)) {
    const s = COMPARISON_SYMBOL[comparison];
    return fail(
      "num",
      text(
        `目标“${s} ${formatNumber(target)}”无法达到：目标值必须大于 0`,
        `the target "${s} ${formatNumber(target)}" cannot be met: it must be above 0`,
      ),
    );
  }
  return ok(target);
}
