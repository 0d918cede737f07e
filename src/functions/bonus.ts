import { text } from "../core/i18n/text";
import { fail, ok, type Result } from "../core/problem";
import {
  countFailedQuarters,
  parseCoefficientTable,
  quarterBonus,
  yearEndBonus,
  type CoefficientTable,
} from "../core/bonus/rules";
import { DEFAULT_SETTINGS } from "../core/settings";
import { isBlank } from "../core/values/blank";
import { describeValue } from "../core/values/describe";
import { parseNumericText, toNumber } from "../core/values/toNumber";
import { BLANK, broadcastMap } from "./broadcast";
import { asMatrix, colsOf, isOmitted, rowsOf, type Matrix } from "./grid";
import { currentLocale, inputError, problemError, within, type Grid } from "./runtime";

const ANNUAL = text("全年绩效", "annualBonus");
const GRADE = text("等级", "grade");
const COEFFICIENTS = text("系数表", "coefficients");
const RATE = text("比例", "rate");
const FAILED = text("不合格季度", "failedQuarters");
const YELLOW = text("黄牌数", "yellowCards");
const RED = text("红牌数", "redCards");

function readAnnual(v: unknown): Result<number> {
  if (isBlank(v)) return fail("na", text("没有全年绩效金额（单元格为空）", "no annual bonus (the cell is blank)"));
  const n = toNumber(v, ANNUAL);
  return n.ok ? ok(n.value as number) : n;
}

function readRate(v: unknown, fallback: number): Result<number> {
  const n = toNumber(v, RATE);
  return n.ok ? ok(n.value ?? fallback) : n;
}

function readCoefficients(m: Matrix | null): Result<CoefficientTable> {
  if (isOmitted(m)) return ok(DEFAULT_SETTINGS.bonus.coefficients);
  const M = m as Matrix;
  if (colsOf(M) !== 2) {
    return fail(
      "value",
      text(
        `系数表必须是两列（等级、系数），现为 ${rowsOf(M)} 行 ${colsOf(M)} 列`,
        `coefficients must be a two-column range (grade, coefficient); got ${rowsOf(M)}×${colsOf(M)}`,
      ),
    );
  }
  return parseCoefficientTable(M);
}

/** SVC.QUARTERBONUS — RULES.md#bonuses: annualBonus × rate × coefficient(grade), rounded half up to 0.01. */
export function quarterBonusFn(
  annualArg: unknown,
  gradeArg: unknown,
  coefficientsArg?: unknown,
  rateArg?: unknown,
): Grid<number> {
  const locale = currentLocale();
  const table = readCoefficients(asMatrix(coefficientsArg));
  if (!table.ok) return [[problemError(within(COEFFICIENTS, table.problem), locale)]];
  return broadcastMap(
    [
      { name: ANNUAL, m: asMatrix(annualArg) ?? BLANK },
      { name: GRADE, m: asMatrix(gradeArg) ?? BLANK },
      { name: RATE, m: asMatrix(rateArg) ?? BLANK },
    ],
    locale,
    (cells) => {
      const annual = readAnnual(cells[0]);
      if (!annual.ok) return annual;
      const g = cells[1];
      if (isBlank(g)) return fail("na", text("没有季度等级（单元格为空）", "no quarter grade (the cell is blank)"));
      if (typeof g !== "string" && typeof g !== "number") {
        const d = describeValue(g);
        return fail("value", text(`等级是${d.zh}`, `the grade is ${d.en}`));
      }
      const rate = readRate(cells[2], DEFAULT_SETTINGS.bonus.quarterRate);
      if (!rate.ok) return rate;
      const r = quarterBonus(annual.value, String(g), { coefficients: table.value, rate: rate.value });
      return r.ok ? ok(r.value.amount) : r;
    },
  );
}

/** A text cell that is not a number: the failedQuarters range holds grades, not a count. */
function isGradeText(v: unknown): boolean {
  return typeof v === "string" && !isBlank(v) && parseNumericText(v) === null;
}

function readCount(v: unknown, what: typeof FAILED): Result<number> {
  const n = toNumber(v, what);
  return n.ok ? ok(n.value ?? 0) : n; // a blank count cell means none
}

function yearEnd(
  annualCell: unknown,
  failed: Result<number>,
  yellowCell: unknown,
  redCell: unknown,
  rateCell: unknown,
): Result<number> {
  const annual = readAnnual(annualCell);
  if (!annual.ok) return annual;
  if (!failed.ok) return failed;
  const yellow = readCount(yellowCell, YELLOW);
  if (!yellow.ok) return yellow;
  const red = readCount(redCell, RED);
  if (!red.ok) return red;
  const rate = readRate(rateCell, DEFAULT_SETTINGS.bonus.yearEndRate);
  if (!rate.ok) return rate;
  const r = yearEndBonus(
    annual.value,
    { failedQuarters: failed.value, yellowCards: yellow.value, redCards: red.value },
    { rate: rate.value },
  );
  return r.ok ? ok(r.value.amount) : r;
}

/**
 * SVC.YEARENDBONUS — RULES.md#bonuses: annualBonus × 6% unless forfeited (≥2 failed quarters, ≥2 yellow
 * cards, ≥1 red card → 0). failedQuarters is a count, or the year's quarter grades: one
 * person's grades in a row or column (with single-cell other arguments), or one row of grades
 * per person (→ one result per row).
 */
export function yearEndBonusFn(
  annualArg: unknown,
  failedArg: unknown,
  yellowArg: unknown,
  redArg: unknown,
  rateArg?: unknown,
): Grid<number> {
  const locale = currentLocale();
  const annual = asMatrix(annualArg) ?? BLANK;
  const F = asMatrix(failedArg) ?? BLANK;
  const yellow = asMatrix(yellowArg) ?? BLANK;
  const red = asMatrix(redArg) ?? BLANK;
  const rate = asMatrix(rateArg) ?? BLANK;
  const gradesMode = F.some((row) => Array.isArray(row) && row.some(isGradeText));
  if (!gradesMode) {
    return broadcastMap(
      [
        { name: ANNUAL, m: annual },
        { name: FAILED, m: F },
        { name: YELLOW, m: yellow },
        { name: RED, m: red },
        { name: RATE, m: rate },
      ],
      locale,
      (cells) => yearEnd(cells[0], readCount(cells[1], FAILED), cells[2], cells[3], cells[4]),
    );
  }
  const others = [annual, yellow, red, rate];
  const single = (rowsOf(F) === 1 || colsOf(F) === 1) && others.every((m) => rowsOf(m) === 1 && colsOf(m) === 1);
  const people: unknown[][] = single ? [F.flatMap((r) => [...r])] : F.map((r) => [...r]);
  // One pseudo-column per person: the index of that person's failed-quarter count, or the
  // first error cell among their grades (which broadcastMap then returns for that person).
  const counts: Result<number>[] = people.map((grades) => {
    const n = countFailedQuarters(grades);
    return n.ok ? n : fail(n.problem.kind, within(FAILED, n.problem).message);
  });
  const index: Matrix = people.map((grades, i) => [grades.find((g) => inputError(g, locale) !== null) ?? i]);
  return broadcastMap(
    [
      { name: FAILED, m: index },
      { name: ANNUAL, m: annual },
      { name: YELLOW, m: yellow },
      { name: RED, m: red },
      { name: RATE, m: rate },
    ],
    locale,
    (cells) => yearEnd(cells[1], counts[cells[0] as number], cells[2], cells[3], cells[4]),
  );
}
