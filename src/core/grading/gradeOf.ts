import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import { formatNumber } from "../values/describe";
import type { GradeBand, GradeScheme } from "../settings";
import { atLeast, atMost } from "./tolerance";
import { validateGradeScheme } from "./validateScheme";

/**
 * The band a score falls in (RULES.md#grade-bands). Bands are inclusive lower bounds, tested from the
 * top; the score is graded exactly as computed — never rounded first — with a 1e-9
 * tolerance for floating-point noise. A score outside the scheme's [min, max] (or below
 * the lowest bound) is a problem of kind "num"; NaN/Infinity too; an invalid scheme is a
 * problem of kind "value".
 *
 * @example
 * gradeOf(4.95, FIVE_POINT)         // → ok(band B)   (not rounded up to 5)
 * gradeOf(4.9999999999, FIVE_POINT) // → ok(band A)   (floating-point noise forgiven)
 * gradeOf(7, FIVE_POINT)            // → problem "num": score 7 is outside the scale 0–5
 */
export function gradeOf(score: number, scheme: GradeScheme): Result<GradeBand> {
  const valid = validateGradeScheme(scheme);
  if (!valid.ok) return valid;
  if (typeof score !== "number" || !Number.isFinite(score)) {
    return fail(
      "num",
      text(`分数不是有限数值（${String(score)}）`, `the score is not a finite number (${String(score)})`),
    );
  }
  if (!atLeast(score, scheme.min) || !atMost(score, scheme.max)) {
    return fail(
      "num",
      text(
        `分数 ${formatNumber(score)} 超出分值范围 ${rangeText(scheme)}`,
        `score ${formatNumber(score)} is outside the scale ${rangeText(scheme)}`,
      ),
    );
  }
  const bands = scheme.bands;
  for (let i = 0; i < bands.length; i++) {
    if (atLeast(score, bands[i].lower)) return ok(bands[i]);
  }
  const lowest = bands[bands.length - 1];
  return fail(
    "num",
    text(
      `分数 ${formatNumber(score)} 低于最低等级“${lowest.code}”的下限 ${formatNumber(lowest.lower)}`,
      `score ${formatNumber(score)} is below the lowest grade "${lowest.code}" (from ${formatNumber(lowest.lower)})`,
    ),
  );
}

function rangeText(scheme: GradeScheme): string {
  return scheme.max === Infinity
    ? `≥ ${formatNumber(scheme.min)}`
    : `${formatNumber(scheme.min)}–${formatNumber(scheme.max)}`;
}
