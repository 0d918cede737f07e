import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import { formatNumber } from "../values/describe";
import type { GradeScheme } from "../settings";

const validated = new WeakSet<GradeScheme>();

/**
 * Checks a grade scheme (RULES.md#grade-bands): at least one band; every bound a finite number (the
 * last may be -Infinity, "otherwise"); bounds strictly decreasing — anything else is a
 * problem naming the offending pair, never a silent reorder; every code non-empty and
 * unique; `min < max` (max may be +Infinity for an open scale); no band bound above `max`.
 * Returns the same scheme object when it is valid (validation is cached per object).
 *
 * @example
 * validateGradeScheme(FIVE_POINT) // → ok(FIVE_POINT)
 * validateGradeScheme({ min: 0, max: 100, bands: [{ lower: 80, … }, { lower: 90, … }] })
 *   // → problem "value": "grade bounds must be strictly decreasing: 80 (row 1) then 90 (row 2)"
 */
export function validateGradeScheme(scheme: GradeScheme): Result<GradeScheme> {
  if (validated.has(scheme)) return ok(scheme);
  const { bands, min, max } = scheme;
  if (!Array.isArray(bands) || bands.length === 0) {
    return fail("value", text("评级方案没有任何等级", "the grade scheme has no grades"));
  }
  if (typeof min !== "number" || typeof max !== "number" || Number.isNaN(min) || Number.isNaN(max) || !(min < max)) {
    return fail(
      "value",
      text(
        `评级方案的分值范围无效：${String(min)}–${String(max)}`,
        `the grade scheme's range is invalid: ${String(min)}–${String(max)}`,
      ),
    );
  }
  const codes = new Set<string>();
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i];
    const row = i + 1;
    const isLast = i === bands.length - 1;
    if (
      typeof band.lower !== "number" ||
      Number.isNaN(band.lower) ||
      band.lower === Infinity ||
      (band.lower === -Infinity && !isLast)
    ) {
      return fail(
        "value",
        text(`第 ${row} 个等级的下限不是有效数字`, `the lower bound of grade ${row} is not a valid number`),
      );
    }
    if (typeof band.code !== "string" || band.code.trim() === "") {
      return fail("value", text(`第 ${row} 个等级没有等级名称`, `grade ${row} has no grade code`));
    }
    const key = band.code.trim().toLowerCase();
    if (codes.has(key)) {
      return fail("value", text(`等级“${band.code}”重复出现`, `grade "${band.code}" appears twice`));
    }
    codes.add(key);
    if (band.lower > max) {
      return fail(
        "value",
        text(
          `等级“${band.code}”的下限 ${formatNumber(band.lower)} 高于满分 ${formatNumber(max)}`,
          `grade "${band.code}" has lower bound ${formatNumber(band.lower)}, above the scale's maximum ${formatNumber(max)}`,
        ),
      );
    }
    if (i > 0 && !(band.lower < bands[i - 1].lower)) {
      const prev = bands[i - 1].lower;
      return fail(
        "value",
        text(
          `等级下限必须严格递减：第 ${row - 1} 行为 ${formatNumber(prev)}，第 ${row} 行为 ${formatNumber(band.lower)}`,
          `grade bounds must be strictly decreasing: ${formatNumber(prev)} (row ${row - 1}) then ${formatNumber(band.lower)} (row ${row})`,
        ),
      );
    }
  }
  validated.add(scheme);
  return ok(scheme);
}
