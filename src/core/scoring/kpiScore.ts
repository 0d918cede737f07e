import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import { formatNumber } from "../values/describe";
import { atMost } from "../grading/tolerance";
import { DEFAULT_SETTINGS } from "../settings";

export interface KpiScoreOptions {
  /** true for rates such as 抱怨率 where less is better. Default false. */
  readonly lowerIsBetter?: boolean;
  /** The score of a KPI that meets its target. Default: settings.kpi.fullScore (5). */
  readonly fullScore?: number;
}

/**
 * RULES.md#kpi-scores (default rule): a KPI result against its target as a score out of `fullScore`.
 * - higher is better: `min(actual / target, 1) × fullScore`; target must be above 0;
 * - lower is better: `fullScore` when `actual ≤ target` (1e-9 tolerance), else
 *   `fullScore × target / actual`; a target of 0 is allowed (any actual above 0 scores 0).
 * Negative or non-finite actual/target, or a fullScore not above 0 → problem "num".
 *
 * @example
 * kpiScore(0.81, 0.9)                             // → ok(4.5)
 * kpiScore(0.95, 0.9)                             // → ok(5)
 * kpiScore(0.06, 0.03, { lowerIsBetter: true })   // → ok(2.5)
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
  if (!Number.isFinite(target) || target < 0) {
    return fail(
      "num",
      text(
        `目标值必须是不小于 0 的数（现为 ${formatNumber(target)}）`,
        `the target must be a number ≥ 0 (got ${formatNumber(target)})`,
      ),
    );
  }
  if (options.lowerIsBetter) {
    if (atMost(actual, target)) return ok(full);
    // target / actual < 1 here, so the product stays within full (full × target could overflow).
    return ok(full * (target / actual));
  }
  if (target === 0) {
    return fail("num", text("“越高越好”的指标目标值必须大于 0", "a higher-is-better target must be above 0"));
  }
  return ok(Math.min(actual / target, 1) * full);
}
