import type { Result } from "../problem";
import { DEFAULT_SETTINGS, type RaterWeights } from "../settings";
import { defaultScoreScale, weightedScore, type ScoreScale, type WeightedScore } from "./weightedScore";

/** The four rater groups of the policy's 360-degree view (RULES.md#appraisal-templates). */
export type RaterRole = keyof RaterWeights;

/** The order raters are listed in sheets and messages: 上级, 同事, 下属, 客户. */
export const RATER_ROLES: readonly RaterRole[] = ["supervisor", "peers", "subordinates", "customers"];

/**
 * RULES.md#appraisal-templates: one person's score from several rater groups, weighted by the settings'
 * rater weights (default 上级 50%, 同事 20%, 下属 10%, 客户 20%). A blank (or missing) rater
 * is left out and the others renormalised, exactly as in {@link weightedScore}; every rater
 * blank → problem "na".
 *
 * @example
 * raterScore({ supervisor: 4, peers: 5, subordinates: null, customers: 3 }, undefined, { min: 0, max: 5 })
 *   // → ok({ score: 4 (=(4×0.5+5×0.2+3×0.2)/0.9 ≈ 4.0), assessed: 3, weightUsed: 0.9 })
 */
export function raterScore(
  scores: Partial<Record<RaterRole, unknown>>,
  weights: RaterWeights = DEFAULT_SETTINGS.raters,
  scale: ScoreScale = defaultScoreScale(),
): Result<WeightedScore> {
  return weightedScore(
    RATER_ROLES.map((r) => scores[r] ?? null),
    RATER_ROLES.map((r) => weights[r]),
    scale,
  );
}
