/**
 * Budget pool scaling (issue 6, beyond the policy): every quarter bonus is multiplied by one
 * factor so that the total equals the pool finance was given. Amounts are rounded only at the
 * end, so the rounded amounts may miss the pool by a few cents: that difference is returned
 * (and shown on the sheet), never hidden or pushed into someone's amount.
 */
import { text } from "../i18n/text";
import { fail, ok, type Result } from "../problem";
import { formatNumber } from "../values/describe";
import { DEFAULT_SETTINGS } from "../settings";
import { reconcileRounding, type Reconciliation } from "./money";

export interface PoolScaling {
  /** pool ÷ Σ exact amounts. */
  readonly factor: number;
  /** Each amount × factor, rounded (same order as the input). */
  readonly amounts: readonly number[];
  /** Σ rounded amounts, the pool (rounded) and pool − Σ (the rounding difference). */
  readonly reconciliation: Reconciliation;
}

/**
 * @example
 * scaleToPool([100, 200, 300], 1000) // → ok({ factor: 1.6666…, amounts: [166.67, 333.33, 500], reconciliation: { sumOfRoundedParts: 1000, roundedWhole: 1000, difference: 0, … } })
 * scaleToPool([1, 1, 1], 100)        // → amounts [33.33, 33.33, 33.33], difference 0.01
 */
export function scaleToPool(
  exact: readonly number[],
  pool: number,
  step: number = DEFAULT_SETTINGS.bonus.roundTo,
): Result<PoolScaling> {
  if (typeof pool !== "number" || !Number.isFinite(pool) || pool < 0) {
    return fail(
      "num",
      text(
        `预算总额必须是不小于 0 的数（现为 ${formatNumber(pool)}）`,
        `the budget pool must be a number ≥ 0 (got ${formatNumber(pool)})`,
      ),
    );
  }
  let total = 0;
  for (const x of exact) {
    if (!Number.isFinite(x)) return fail("num", text("季度奖金中有无效数值", "a quarter bonus is not a finite number"));
    total += x;
  }
  if (total === 0) {
    return fail(
      "na",
      text(
        "季度奖金合计为 0，无法按预算总额调整",
        "the quarter bonuses total 0, so they cannot be scaled to the budget pool",
      ),
    );
  }
  const factor = pool / total;
  const rec = reconcileRounding(
    exact.map((x) => x * factor),
    pool,
    step,
  );
  if (!rec.ok) return rec;
  return ok({ factor, amounts: rec.value.roundedParts, reconciliation: rec.value });
}
