import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
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

/** The scores one person's raters gave one indicator (a role left out or null = did not rate). */
export type RaterScores = Partial<Record<RaterRole, number | null>>;

/**
 * The 360° result per person and indicator (RULES.md#appraisal-templates): each cell's raters combined with
 * {@link raterScore}; null where nobody rated (not assessed on the form). A rater score outside
 * the scale is a problem naming the person's row (1-based) and the indicator.
 *
 * @example
 * combineRaters([[{ supervisor: 4, customers: 5 }]], DEFAULT_SETTINGS.raters, { min: 0, max: 5 })
 *   // → ok([[ (4×0.5 + 5×0.2) / 0.7 ]])
 */
export function combineRaters(
  rows: readonly (readonly RaterScores[])[],
  weights: RaterWeights,
  scale: ScoreScale,
): Result<(number | null)[][]> {
  const out: (number | null)[][] = [];
  for (const [i, row] of rows.entries()) {
    const line: (number | null)[] = [];
    for (const [j, cell] of row.entries()) {
      const r = raterScore(cell, weights, scale);
      if (r.ok) line.push(r.value.score);
      else if (r.problem.kind === "na") line.push(null);
      else {
        const m = r.problem.message;
        return fail(
          r.problem.kind,
          text(`第 ${i + 1} 人第 ${j + 1} 个指标：${m.zh}`, `person ${i + 1}, indicator ${j + 1}: ${m.en}`),
        );
      }
    }
    out.push(line);
  }
  return ok(out);
}
