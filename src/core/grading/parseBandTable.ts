import { fail, type Result } from "../problem";
import { text } from "../i18n/text";
import { isBlank } from "../values/blank";
import { describeValue } from "../values/describe";
import { normalizeText } from "../values/text";
import { toNumber } from "../values/toNumber";
import type { GradeBand, GradeScheme } from "../settings";
import { validateGradeScheme } from "./validateScheme";

/**
 * Reads a grade table as users lay it out in a sheet (and as the settings sheet's
 * `SVC_Grades5`/`SVC_Grades100` names hold it): two columns, lower bound then grade,
 * bounds strictly decreasing, e.g. 90 优秀 / 80 良好 / 60 合格 / 0 不合格.
 * - fully blank rows are skipped (a selection a few rows too long is fine);
 * - the LAST row's bound may be blank, meaning "otherwise" (any lower score);
 * - the scale's minimum is the lowest bound (or unbounded with a blank last bound); its
 *   maximum is `max` (default: unbounded — a table cannot say where its scale ends);
 * - bounds that are not strictly decreasing are a problem, never reordered.
 *
 * @example
 * parseBandTable([[95, "S"], [85, "A"], [70, "B"], [60, "C"], [null, "D"]])
 *   // → ok({ min: -Infinity, max: Infinity, bands: [S ≥ 95, A ≥ 85, B ≥ 70, C ≥ 60, D otherwise] })
 * parseBandTable([[60, "合格"], [90, "优秀"]]) // → problem "value" (bounds not decreasing)
 */
export function parseBandTable(rows: readonly (readonly unknown[])[], max = Infinity): Result<GradeScheme> {
  const used = rows.filter((r) => Array.isArray(r) && r.some((c) => !isBlank(c)));
  if (used.length === 0) return fail("value", text("评级表为空", "the grade table is empty"));
  const bands: GradeBand[] = [];
  for (let i = 0; i < used.length; i++) {
    const row = used[i];
    const where = i + 1;
    if (row.length < 2) {
      return fail("value", text("评级表需要两列：下限、等级", "the grade table needs two columns: lower bound, grade"));
    }
    const [boundCell, codeCell] = row;
    if (isBlank(codeCell))
      return fail("value", text(`评级表第 ${where} 行缺少等级名称`, `row ${where} of the grade table has no grade`));
    if (typeof codeCell !== "string" && typeof codeCell !== "number") {
      const d = describeValue(codeCell);
      return fail(
        "value",
        text(`评级表第 ${where} 行的等级是${d.zh}`, `row ${where} of the grade table has ${d.en} as its grade`),
      );
    }
    const code = typeof codeCell === "number" ? String(codeCell) : normalizeText(codeCell);
    let lower: number;
    if (isBlank(boundCell)) {
      if (i !== used.length - 1) {
        return fail(
          "value",
          text(
            `评级表第 ${where} 行缺少下限（只有最后一行可以留空，表示“其余”）`,
            `row ${where} of the grade table has no lower bound (only the last row may be blank, meaning "otherwise")`,
          ),
        );
      }
      lower = -Infinity;
    } else {
      const n = toNumber(
        boundCell,
        text(`评级表第 ${where} 行的下限`, `the lower bound in row ${where} of the grade table`),
      );
      if (!n.ok) return n;
      lower = n.value as number;
    }
    bands.push({ lower, code, zh: code, en: code });
  }
  const lowest = bands[bands.length - 1].lower;
  return validateGradeScheme({ bands, min: lowest, max });
}
