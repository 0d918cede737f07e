import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import { formatNumber } from "../values/describe";
import { DEFAULT_SETTINGS, type GradeScheme } from "../settings";
import { atLeast, atMost } from "./tolerance";

/**
 * Maps a score linearly from one scheme's scale onto another's ([min, max] → [min, max]).
 * Scores outside the source scale are a problem of kind "num". Both scales must be finite.
 *
 * @example
 * rescale(85, HUNDRED_POINT, FIVE_POINT) // → ok(4.25)
 */
export function rescale(score: number, from: GradeScheme, to: GradeScheme): Result<number> {
  if (![from.min, from.max, to.min, to.max].every(Number.isFinite) || !(from.max > from.min)) {
    return fail("value", text("换算需要有限的分值范围", "rescaling needs finite scales"));
  }
  if (!Number.isFinite(score) || !atLeast(score, from.min) || !atMost(score, from.max)) {
    return fail(
      "num",
      text(
        `分数 ${formatNumber(score)} 超出分值范围 ${formatNumber(from.min)}–${formatNumber(from.max)}`,
        `score ${formatNumber(score)} is outside the scale ${formatNumber(from.min)}–${formatNumber(from.max)}`,
      ),
    );
  }
  const clamped = Math.min(Math.max(score, from.min), from.max);
  return ok(to.min + ((clamped - from.min) * (to.max - to.min)) / (from.max - from.min));
}

/**
 * RULES.md#grade-bands: a hundred-point score converts to five-point as score ÷ 20 (the ratio of the
 * settings' two scales).
 *
 * @example
 * hundredToFivePoint(90) // → ok(4.5)
 * hundredToFivePoint(120) // → problem "num"
 */
export function hundredToFivePoint(score: number, settings = DEFAULT_SETTINGS): Result<number> {
  return rescale(score, settings.hundredPoint, settings.fivePoint);
}
