import { text, type Locale } from "../core/i18n/text";
import { fail, ok, type Result } from "../core/problem";
import { gradeOf } from "../core/grading/gradeOf";
import { parseBandTable } from "../core/grading/parseBandTable";
import { DEFAULT_SETTINGS, type GradeScheme } from "../core/settings";
import { isBlank } from "../core/values/blank";
import { describeValue } from "../core/values/describe";
import { normalizeText } from "../core/values/text";
import { toNumber } from "../core/values/toNumber";
import { BLANK, broadcastMap } from "./broadcast";
import { asMatrix, colsOf, isOmitted, rowsOf, type Matrix } from "./grid";
import { currentLocale, problemError, within, type Grid } from "./runtime";

const SCORE = text("分数", "score");
const BANDS = text("等级表", "bands");
const LANGUAGE = text("语言", "language");

/** Reads the optional bands argument once: omitted → the policy's five-point scheme. */
function readBands(m: Matrix | null): Result<GradeScheme> {
  if (isOmitted(m)) return ok(DEFAULT_SETTINGS.fivePoint);
  const M = m as Matrix;
  if (colsOf(M) !== 2) {
    return fail(
      "value",
      text(
        `等级表必须是两列（下限、等级），现为 ${rowsOf(M)} 行 ${colsOf(M)} 列`,
        `bands must be a two-column range (lower bound, grade); got ${rowsOf(M)}×${colsOf(M)}`,
      ),
    );
  }
  return parseBandTable(M);
}

function readScore(v: unknown): Result<number> {
  if (isBlank(v)) return fail("na", text("没有分数（单元格为空）", "no score (the cell is blank)"));
  const n = toNumber(v, SCORE);
  return n.ok ? ok(n.value as number) : n;
}

/** SVC.GRADE — RULES.md#grade-bands: the grade code of each score; never rounds before grading. */
export function grade(scoreArg: unknown, bandsArg?: unknown): Grid<string> {
  const locale = currentLocale();
  const scores = asMatrix(scoreArg) ?? BLANK;
  const scheme = readBands(asMatrix(bandsArg));
  if (!scheme.ok) {
    const e = problemError(within(BANDS, scheme.problem), locale);
    return scores.length === 0 ? [[e]] : scores.map((r) => (r.length === 0 ? [e] : r.map(() => e)));
  }
  return broadcastMap([{ name: SCORE, m: scores }], locale, (cells) => {
    const s = readScore(cells[0]);
    if (!s.ok) return s;
    const band = gradeOf(s.value, scheme.value);
    return band.ok ? ok(band.value.code) : band;
  });
}

/** Reads a language argument: blank → the user's language. */
export function readLanguage(v: unknown, fallback: Locale): Result<Locale> {
  if (isBlank(v)) return ok(fallback);
  if (typeof v === "string") {
    const k = normalizeText(v).toLowerCase();
    if (["zh", "zh-cn", "zh_cn", "cn", "chinese", "中文", "汉语", "简体中文"].includes(k) || /^zh[-_]/.test(k))
      return ok("zh-CN");
    if (["en", "en-us", "en_us", "english", "英文", "英语"].includes(k) || /^en[-_]/.test(k)) return ok("en-US");
  }
  const d = describeValue(v);
  return fail("value", text(`语言应为 "zh" 或 "en"，而不是${d.zh}`, `the language must be "zh" or "en", not ${d.en}`));
}

/**
 * SVC.GRADELABEL — the department label (优秀/良好/合格/不合格 or Excellent/Good/Pass/Fail) of a
 * hundred-point score, with the settings' hundred-point bands; language "zh"/"en" or the
 * user's language.
 */
export function gradeLabel(scoreArg: unknown, languageArg?: unknown): Grid<string> {
  const locale = currentLocale();
  const scores = asMatrix(scoreArg) ?? BLANK;
  const language = asMatrix(languageArg) ?? BLANK;
  return broadcastMap(
    [
      { name: SCORE, m: scores },
      { name: LANGUAGE, m: language },
    ],
    locale,
    (cells) => {
      const lang = readLanguage(cells[1], locale);
      if (!lang.ok) return lang;
      const s = readScore(cells[0]);
      if (!s.ok) return s;
      const band = gradeOf(s.value, DEFAULT_SETTINGS.hundredPoint);
      if (!band.ok) return band;
      return ok(lang.value === "zh-CN" ? band.value.zh : band.value.en);
    },
  );
}
