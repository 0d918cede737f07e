import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import { isBlank, isNotApplicableMark } from "../values/blank";
import { formatNumber } from "../values/describe";
import { toNumber } from "../values/toNumber";
import { atLeast, atMost } from "../grading/tolerance";
import { DEFAULT_SETTINGS } from "../settings";

/** The range a score must lie in; scores outside it are a problem of kind "num". */
export interface ScoreScale {
  readonly min: number;
  readonly max: number;
}

/**
 * The scale used when none is given: from the lowest to the highest of the settings' two
 * policy scales (five-point and hundred-point), i.e. 0–100 with the defaults. It catches
 * negatives and typos such as 850; pass the five-point scale to also catch a 7.
 */
export function defaultScoreScale(settings = DEFAULT_SETTINGS): ScoreScale {
  return {
    min: Math.min(settings.fivePoint.min, settings.hundredPoint.min),
    max: Math.max(settings.fivePoint.max, settings.hundredPoint.max),
  };
}

/** A weighted score and how it was obtained (for sheets that show why). */
export interface WeightedScore {
  readonly score: number;
  /** How many indicators had a score (the rest were N/A and left out). */
  readonly assessed: number;
  /** Σ weights of the assessed indicators (the renormalising denominator). */
  readonly weightUsed: number;
}

/**
 * RULES.md#weighted-score: `Σ wᵢ·sᵢ / Σ wᵢ` over the indicators that have a score.
 * - a blank score (or an explicit N/A / 不适用) is "not assessed": left out, the remaining
 *   weights renormalised; if every score is blank → problem "na" (no score, never 0);
 * - weights may be percents or points, only their ratio matters; a weight may be blank only
 *   where its score is blank too;
 * - text that is not a number, a boolean, a negative weight, weights that are all zero, or
 *   score and weight lists of different lengths → problem "value" naming which one;
 * - a score outside `scale` (default {@link defaultScoreScale}), NaN or ±Infinity → "num";
 * - assessed indicators whose weights are all zero → problem "na" (nothing to weigh).
 * Positions in messages are 1-based ("score 3").
 *
 * @example
 * weightedScore([4, null, 5], [0.6, 0.2, 0.2], { min: 0, max: 5 })
 *   // → ok({ score: 4.25, assessed: 2, weightUsed: 0.8 })   (4×0.6 + 5×0.2) / 0.8
 * weightedScore([4, 5, 3, 4, 5], [1, 1, 1, 1])
 *   // → problem "value": "weights and scores differ in size: 5 scores, 4 weights"
 */
export function weightedScore(
  scores: readonly unknown[],
  weights: readonly unknown[],
  scale: ScoreScale = defaultScoreScale(),
): Result<WeightedScore> {
  if (scores.length !== weights.length) {
    return fail(
      "value",
      text(
        `权重与分数个数不一致：${scores.length} 个分数，${weights.length} 个权重`,
        `weights and scores differ in size: ${scores.length} scores, ${weights.length} weights`,
      ),
    );
  }
  if (scores.length === 0) return fail("na", text("没有任何指标", "there are no indicators"));
  const w = checkWeights(weights);
  if (!w.ok) return w;
  return applyWeights(scores, w.value, scale);
}

/**
 * The loop of {@link weightedScore} with weights already checked by {@link checkWeights}
 * (one check for a whole block of people). Lengths must match; a mismatch is a problem.
 *
 * @example
 * applyWeights([4, 5], [1, 3], { min: 0, max: 5 }) // → ok({ score: 4.75, assessed: 2, weightUsed: 4 })
 */
export function applyWeights(
  scores: readonly unknown[],
  weights: readonly (number | null)[],
  scale: ScoreScale,
): Result<WeightedScore> {
  if (scores.length !== weights.length) {
    return fail(
      "value",
      text(
        `权重与分数个数不一致：${scores.length} 个分数，${weights.length} 个权重`,
        `weights and scores differ in size: ${scores.length} scores, ${weights.length} weights`,
      ),
    );
  }
  let sum = 0;
  let weightUsed = 0;
  let assessed = 0;
  for (let i = 0; i < scores.length; i++) {
    const raw = scores[i];
    if (isBlank(raw) || isNotApplicableMark(raw)) continue;
    const n = toNumber(raw, text(`第 ${i + 1} 个分数`, `score ${i + 1}`));
    if (!n.ok) return n;
    const s = n.value as number;
    if (!atLeast(s, scale.min) || !atMost(s, scale.max)) {
      return fail(
        "num",
        text(
          `第 ${i + 1} 个分数 ${formatNumber(s)} 超出分值范围 ${formatNumber(scale.min)}–${formatNumber(scale.max)}`,
          `score ${i + 1} (${formatNumber(s)}) is outside the scale ${formatNumber(scale.min)}–${formatNumber(scale.max)}`,
        ),
      );
    }
    const clamped = Math.min(Math.max(s, scale.min), scale.max); // noise within the tolerance stays inside the scale
    const wi = weights[i];
    if (wi === null) {
      return fail(
        "value",
        text(
          `第 ${i + 1} 个指标有分数 ${formatNumber(s)}，但权重为空`,
          `score ${i + 1} is ${formatNumber(s)} but its weight is blank`,
        ),
      );
    }
    sum += wi * clamped;
    weightUsed += wi;
    assessed++;
  }
  if (assessed === 0)
    return fail(
      "na",
      text("没有任何指标被评分（全部为空或不适用）", "no indicator was assessed (all scores blank or N/A)"),
    );
  if (weightUsed === 0) return fail("na", text("已评分指标的权重全部为 0", "every assessed indicator has weight 0"));
  // Weights near the largest double (1e308) overflow Σ w·s to Infinity: say so, never answer ∞ or NaN.
  if (!Number.isFinite(sum) || !Number.isFinite(weightUsed)) {
    return fail(
      "num",
      text(
        "权重过大，无法计算（请用百分比或较小的数值表示权重）",
        "the weights are too large to compute with (write them as percents or smaller numbers)",
      ),
    );
  }
  return ok({ score: sum / weightUsed, assessed, weightUsed });
}

/**
 * Validates a weight list once (so a block of people × indicators checks its weights once):
 * numbers or numeric text, none negative, not all zero; blanks stay `null`.
 *
 * @example
 * checkWeights(["60%", "20%", "20%"]) // → ok([0.6, 0.2, 0.2])
 * checkWeights([1, -1]) // → problem "value": "weight 2 is negative (-1)"
 */
export function checkWeights(weights: readonly unknown[]): Result<readonly (number | null)[]> {
  const out: (number | null)[] = new Array<number | null>(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const n = toNumber(weights[i], text(`第 ${i + 1} 个权重`, `weight ${i + 1}`));
    if (!n.ok) return fail("value", n.problem.message);
    const v = n.value;
    if (v !== null && v < 0) {
      return fail(
        "value",
        text(`第 ${i + 1} 个权重为负数（${formatNumber(v)}）`, `weight ${i + 1} is negative (${formatNumber(v)})`),
      );
    }
    out[i] = v;
    if (v !== null) total += v;
  }
  if (!(total > 0)) return fail("value", text("权重全部为 0 或为空", "the weights are all zero or blank"));
  return ok(out);
}
