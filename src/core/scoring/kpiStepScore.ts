import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import { formatNumber } from "../values/describe";
import { atLeast, atMost } from "../grading/tolerance";

/** One row of a step table: results at or beyond `bound` score `score`. */
export interface KpiStep {
  readonly bound: number;
  readonly score: number;
}

/**
 * RULES.md#kpi-scores alternative rule: a step table, e.g. higher is better "≥95% → 5, ≥90% → 4, ≥80% → 3",
 * or lower is better "≤1% → 5, ≤3% → 4". Steps are tested in the order given and must be
 * strictly ordered (decreasing bounds when higher is better, increasing when lower is
 * better) — a disordered table is a problem, never re-sorted. A result reaching no step
 * scores `otherwise` (default 0). Bounds compare with the 1e-9 tolerance.
 *
 * @example
 * kpiStepScore(0.92, [{ bound: 0.95, score: 5 }, { bound: 0.9, score: 4 }]) // → ok(4)
 * kpiStepScore(0.02, [{ bound: 0.01, score: 5 }, { bound: 0.03, score: 4 }], { lowerIsBetter: true }) // → ok(4)
 */
export function kpiStepScore(
  actual: number,
  steps: readonly KpiStep[],
  options: { readonly lowerIsBetter?: boolean; readonly otherwise?: number } = {},
): Result<number> {
  const lower = options.lowerIsBetter === true;
  const otherwise = options.otherwise ?? 0;
  if (steps.length === 0) return fail("value", text("分档表为空", "the step table is empty"));
  for (let i = 0; i < steps.length; i++) {
    const { bound, score } = steps[i];
    if (!Number.isFinite(bound) || !Number.isFinite(score)) {
      return fail(
        "value",
        text(`分档表第 ${i + 1} 行不是有效数字`, `row ${i + 1} of the step table is not a valid number`),
      );
    }
    if (i > 0) {
      const prev = steps[i - 1].bound;
      const ordered = lower ? bound > prev : bound < prev;
      if (!ordered) {
        return fail(
          "value",
          text(
            `分档表的界限必须严格${lower ? "递增" : "递减"}：第 ${i} 行为 ${formatNumber(prev)}，第 ${i + 1} 行为 ${formatNumber(bound)}`,
            `step bounds must be strictly ${lower ? "increasing" : "decreasing"}: ${formatNumber(prev)} (row ${i}) then ${formatNumber(bound)} (row ${i + 1})`,
          ),
        );
      }
    }
  }
  if (!Number.isFinite(actual))
    return fail("num", text("实际值不是有限数值", "the actual value is not a finite number"));
  for (const step of steps) {
    if (lower ? atMost(actual, step.bound) : atLeast(actual, step.bound)) return ok(step.score);
  }
  return ok(otherwise);
}
