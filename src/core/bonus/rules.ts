import { fail, ok, type Result } from "../problem";
import { text, type Text } from "../i18n/text";
import { isBlank } from "../values/blank";
import { describeValue, formatNumber } from "../values/describe";
import { normalizeText } from "../values/text";
import { toNumber } from "../values/toNumber";
import { DEFAULT_SETTINGS, type BonusSettings, type Settings } from "../settings";
import { roundMoney } from "./money";

/** A year has four quarters (a calendar fact, not a setting). */
export const QUARTERS_PER_YEAR = 4;

/** An amount of money: the exact product, and the amount paid (rounded half up at the end). */
export interface BonusAmount {
  readonly exact: number;
  readonly amount: number;
}

function checkAmount(value: number, what: Text): Result<number> {
  if (!Number.isFinite(value) || value < 0) {
    return fail(
      "num",
      text(
        `${what.zh}必须是不小于 0 的数（现为 ${formatNumber(value)}）`,
        `${what.en} must be a number ≥ 0 (got ${formatNumber(value)})`,
      ),
    );
  }
  return ok(value);
}

function checkRate(value: number, what: Text): Result<number> {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    return fail(
      "num",
      text(
        `${what.zh}必须在 0 到 100% 之间（现为 ${formatNumber(value)}）`,
        `${what.en} must be between 0 and 100% (got ${formatNumber(value)})`,
      ),
    );
  }
  return ok(value);
}

function money(exact: number, step: number): Result<BonusAmount> {
  const r = roundMoney(exact, step);
  return r.ok ? ok({ exact, amount: r.value }) : r;
}

/**
 * RULES.md#bonuses (第五条(4)): 全年绩效 = 岗位标准绩效 × 考核奖金比例. Both must be ≥ 0 (the ratio may be
 * above 100%: it is a ratio, not a share). Not rounded: it feeds the quarter and year-end sums.
 *
 * @example
 * annualPerformance(60000, 0.3) // → ok(18000)
 */
export function annualPerformance(standardPerformance: number, bonusRatio: number): Result<number> {
  const s = checkAmount(standardPerformance, text("岗位标准绩效", "the standard performance pay"));
  if (!s.ok) return s;
  const r = checkAmount(bonusRatio, text("考核奖金比例", "the bonus ratio"));
  if (!r.ok) return r;
  return ok(s.value * r.value);
}

/** Grade code → coefficient, as in settings.bonus.coefficients. */
export type CoefficientTable = Readonly<Record<string, number>>;

function gradeKey(code: string): string {
  return normalizeText(code).toLowerCase();
}

/**
 * Checks a quarter-coefficient table: at least one grade, coefficients finite and ≥ 0, no
 * grade twice, and the failed grade (settings: D) — when listed — at 0, because the policy
 * pays no quarterly bonus for a failed quarter (第八条); a table saying otherwise is a
 * mistake to report, not to override silently.
 *
 * @example
 * validateCoefficients({ A: 1.2, B: 1, C: 0.8, D: 0 }) // → ok(table)
 * validateCoefficients({ A: 1, D: 0.5 }) // → problem "value"
 */
export function validateCoefficients(
  table: CoefficientTable,
  bonus: BonusSettings = DEFAULT_SETTINGS.bonus,
): Result<CoefficientTable> {
  const entries = Object.entries(table);
  if (entries.length === 0) return fail("value", text("系数表为空", "the coefficient table is empty"));
  const seen = new Set<string>();
  for (const [grade, c] of entries) {
    const k = gradeKey(grade);
    if (k === "") return fail("value", text("系数表中有空白等级", "the coefficient table has a blank grade"));
    if (seen.has(k))
      return fail(
        "value",
        text(`系数表中等级“${grade}”重复`, `grade "${grade}" appears twice in the coefficient table`),
      );
    seen.add(k);
    if (typeof c !== "number" || !Number.isFinite(c) || c < 0) {
      return fail(
        "value",
        text(`等级“${grade}”的系数必须是不小于 0 的数`, `the coefficient of grade "${grade}" must be a number ≥ 0`),
      );
    }
    if (k === gradeKey(bonus.failedGrade) && c !== 0) {
      return fail(
        "value",
        text(
          `等级“${grade}”为不合格，按制度（第八条）不发季度绩效，系数必须为 0（现为 ${formatNumber(c)}）`,
          `grade "${grade}" is a failed quarter and earns no quarterly bonus (policy §8): its coefficient must be 0, not ${formatNumber(c)}`,
        ),
      );
    }
  }
  return ok(table);
}

/**
 * Reads a two-column coefficient range (grade, coefficient), e.g. A 1.2 / B 1 / C 0.8 / D 0.
 * Fully blank rows are skipped; then {@link validateCoefficients}.
 *
 * @example
 * parseCoefficientTable([["A", 1.2], ["B", "100%"], ["D", 0]]) // → ok({ A: 1.2, B: 1, D: 0 })
 */
export function parseCoefficientTable(
  rows: readonly (readonly unknown[])[],
  bonus: BonusSettings = DEFAULT_SETTINGS.bonus,
): Result<CoefficientTable> {
  const table: Record<string, number> = {};
  let row = 0;
  for (const r of rows) {
    row++;
    if (!Array.isArray(r) || r.every((c) => isBlank(c))) continue;
    if (r.length < 2)
      return fail(
        "value",
        text("系数表需要两列：等级、系数", "the coefficient table needs two columns: grade, coefficient"),
      );
    const [g, c] = r;
    if (typeof g !== "string" && typeof g !== "number") {
      const d = describeValue(g);
      return fail(
        "value",
        text(`系数表第 ${row} 行的等级是${d.zh}`, `row ${row} of the coefficient table has ${d.en} as its grade`),
      );
    }
    const grade = normalizeText(String(g));
    if (grade === "")
      return fail("value", text(`系数表第 ${row} 行缺少等级`, `row ${row} of the coefficient table has no grade`));
    const n = toNumber(c, text(`系数表第 ${row} 行的系数`, `the coefficient in row ${row}`));
    if (!n.ok) return fail("value", n.problem.message);
    if (n.value === null)
      return fail(
        "value",
        text(`系数表第 ${row} 行缺少系数`, `row ${row} of the coefficient table has no coefficient`),
      );
    if (Object.keys(table).some((k) => gradeKey(k) === gradeKey(grade))) {
      return fail(
        "value",
        text(`系数表中等级“${grade}”重复`, `grade "${grade}" appears twice in the coefficient table`),
      );
    }
    table[grade] = n.value;
  }
  return validateCoefficients(table, bonus);
}

/**
 * The coefficient of a grade (case- and width-insensitive). A grade the table does not list
 * is a problem of kind "value" that lists the grades it knows.
 *
 * @example
 * coefficientFor("b", { A: 1.2, B: 1 }) // → ok(1)
 */
export function coefficientFor(grade: string, table: CoefficientTable): Result<number> {
  const k = gradeKey(grade);
  for (const [g, c] of Object.entries(table)) if (gradeKey(g) === k) return ok(c);
  const known = Object.keys(table).join(", ");
  return fail(
    "value",
    text(`等级“${grade}”没有对应的系数（已知：${known}）`, `grade "${grade}" has no coefficient (known: ${known})`),
  );
}

/**
 * The coefficient of a grade code, or of a hundred-point form's grade word through 第九条's
 * pairing (settings.bonus.levels: 优秀/良好 → A, 一般 → B, 合格 → C, 差/不合格 → D), so 不合格
 * pays what D pays (issue 14 point 4). A code of the table wins over a word of the same spelling.
 */
function coefficientForGrade(grade: string, table: CoefficientTable, settings: Settings): Result<number> {
  const direct = coefficientFor(grade, table);
  if (direct.ok) return direct;
  const level = settings.bonus.levels.find((l) => gradeKey(l.word) === gradeKey(grade));
  return level ? coefficientFor(level.level, table) : direct;
}

export interface QuarterBonusOptions {
  /** Default settings.bonus.coefficients (A/B/C 1, D 0). */
  readonly coefficients?: CoefficientTable;
  /** Default settings.bonus.quarterRate (23.5%). */
  readonly rate?: number;
}

/**
 * RULES.md#bonuses (第五条(2), 第八条): quarterly bonus = 全年绩效 × rate × coefficient(grade); a failed
 * quarter (grade D) pays 0 and pay is not docked. The amount is rounded half up to
 * settings.bonus.roundTo at the end; `exact` keeps the unrounded product.
 *
 * @example
 * quarterBonus(18000, "A") // → ok({ exact: 4230, amount: 4230 })
 * quarterBonus(18000, "D") // → ok({ exact: 0, amount: 0 })
 * quarterBonus(18000, "不合格") // → ok({ exact: 0, amount: 0 })   (第九条: 不合格 → D)
 * quarterBonus(10000.05, "B", { rate: 0.235 }) // → ok({ exact: 2350.01175, amount: 2350.01 })
 */
export function quarterBonus(
  annual: number,
  grade: string,
  options: QuarterBonusOptions = {},
  settings: Settings = DEFAULT_SETTINGS,
): Result<BonusAmount> {
  const a = checkAmount(annual, text("全年绩效", "the annual performance bonus"));
  if (!a.ok) return a;
  const rate = checkRate(options.rate ?? settings.bonus.quarterRate, text("季度比例", "the quarter rate"));
  if (!rate.ok) return rate;
  const table = validateCoefficients(options.coefficients ?? settings.bonus.coefficients, settings.bonus);
  if (!table.ok) return table;
  const c = coefficientForGrade(grade, table.value, settings);
  if (!c.ok) return c;
  return money(a.value * rate.value * c.value, settings.bonus.roundTo);
}

/** One year's record for the year-end forfeiture rules. */
export interface YearRecord {
  readonly failedQuarters: number;
  readonly yellowCards: number;
  readonly redCards: number;
}

export type ForfeitRule = "failedQuarters" | "yellowCards" | "redCards";

/** A forfeiture rule that applied, as data a sheet can show. */
export interface ForfeitReason {
  readonly rule: ForfeitRule;
  readonly count: number;
  readonly threshold: number;
  readonly message: Text;
}

/**
 * RULES.md#bonuses (第八条): the forfeiture rules that apply — 2 or more failed quarters, 2 or more
 * yellow cards (黄牌), 1 or more red cards (红牌); thresholds from settings. Empty = none.
 * Counts must be whole numbers ≥ 0 and failed quarters at most 4: else problem "num".
 *
 * @example
 * forfeitReasons({ failedQuarters: 0, yellowCards: 2, redCards: 1 })
 *   // → ok([{ rule: "yellowCards", count: 2, threshold: 2, … }, { rule: "redCards", count: 1, threshold: 1, … }])
 */
export function forfeitReasons(
  record: YearRecord,
  bonus: BonusSettings = DEFAULT_SETTINGS.bonus,
): Result<readonly ForfeitReason[]> {
  const checks: ReadonlyArray<readonly [ForfeitRule, number, number, Text]> = [
    ["failedQuarters", record.failedQuarters, bonus.forfeitFailedQuarters, text("不合格季度", "failed quarters")],
    ["yellowCards", record.yellowCards, bonus.forfeitYellowCards, text("黄牌", "yellow cards")],
    ["redCards", record.redCards, bonus.forfeitRedCards, text("红牌", "red cards")],
  ];
  const reasons: ForfeitReason[] = [];
  for (const [rule, count, threshold, label] of checks) {
    if (!Number.isInteger(count) || count < 0) {
      return fail(
        "num",
        text(
          `${label.zh}数必须是不小于 0 的整数（现为 ${formatNumber(count)}）`,
          `the number of ${label.en} must be a whole number ≥ 0 (got ${formatNumber(count)})`,
        ),
      );
    }
    if (rule === "failedQuarters" && count > QUARTERS_PER_YEAR) {
      return fail(
        "num",
        text(
          `不合格季度数 ${count} 超过一年的 ${QUARTERS_PER_YEAR} 个季度`,
          `${count} failed quarters is more than the ${QUARTERS_PER_YEAR} quarters of a year`,
        ),
      );
    }
    if (count >= threshold) {
      reasons.push({
        rule,
        count,
        threshold,
        message: text(
          `${label.zh} ${count} 个（达到 ${threshold} 个即取消年终绩效）`,
          `${count} ${label.en} (the year-end bonus is forfeited at ${threshold} or more)`,
        ),
      });
    }
  }
  return ok(reasons);
}

export interface YearEndBonus extends BonusAmount {
  readonly forfeited: boolean;
  /** Every rule that applied (empty when paid). */
  readonly reasons: readonly ForfeitReason[];
}

/**
 * RULES.md#bonuses (第五条(3), 第八条): year-end bonus = 全年绩效 × yearEndRate (6%) unless forfeited;
 * a forfeited bonus is 0 and `reasons` says which rule(s) applied, in both languages.
 *
 * @example
 * yearEndBonus(18000, { failedQuarters: 1, yellowCards: 1, redCards: 0 }) // → ok({ exact: 1080, amount: 1080, forfeited: false, reasons: [] })
 * yearEndBonus(18000, { failedQuarters: 2, yellowCards: 0, redCards: 0 }) // → ok({ amount: 0, forfeited: true, reasons: [failedQuarters] })
 */
export function yearEndBonus(
  annual: number,
  record: YearRecord,
  options: { readonly rate?: number } = {},
  settings: Settings = DEFAULT_SETTINGS,
): Result<YearEndBonus> {
  const a = checkAmount(annual, text("全年绩效", "the annual performance bonus"));
  if (!a.ok) return a;
  const rate = checkRate(options.rate ?? settings.bonus.yearEndRate, text("年终比例", "the year-end rate"));
  if (!rate.ok) return rate;
  const reasons = forfeitReasons(record, settings.bonus);
  if (!reasons.ok) return reasons;
  if (reasons.value.length > 0) return ok({ exact: 0, amount: 0, forfeited: true, reasons: reasons.value });
  const m = money(a.value * rate.value, settings.bonus.roundTo);
  if (!m.ok) return m;
  return ok({ ...m.value, forfeited: false, reasons: [] });
}

export interface FailedQuarterOptions {
  /** Grades that count as failed. Default: settings.bonus.failedGrade (D) and the hundred-point scheme's lowest grade (不合格). */
  readonly failedGrades?: readonly string[];
  /** Grades accepted at all. Default: the codes of both policy schemes and of the coefficient table. */
  readonly knownGrades?: readonly string[];
}

/**
 * Counts the failed quarters in a year's quarter grades (blank = not graded yet, skipped).
 * A grade that is not a known grade (a typo such as "E" must not count as a pass), a
 * non-text cell, or more than 4 grades is a problem of kind "value".
 *
 * @example
 * countFailedQuarters(["A", "D", null, "d"]) // → ok(2)
 * countFailedQuarters(["A", "E"]) // → problem "value": quarter 2: "E" is not a grade
 */
export function countFailedQuarters(
  grades: readonly unknown[],
  options: FailedQuarterOptions = {},
  settings: Settings = DEFAULT_SETTINGS,
): Result<number> {
  const failed = new Set((options.failedGrades ?? defaultFailedGrades(settings)).map(gradeKey));
  const known = new Set((options.knownGrades ?? defaultKnownGrades(settings)).map(gradeKey));
  for (const f of failed) known.add(f);
  let graded = 0;
  let count = 0;
  for (let i = 0; i < grades.length; i++) {
    const g = grades[i];
    if (isBlank(g)) continue;
    if (typeof g !== "string") {
      const d = describeValue(g);
      return fail(
        "value",
        text(
          `第 ${i + 1} 个季度等级是${d.zh}，应为等级（如 A–D）`,
          `quarter grade ${i + 1} is ${d.en}; expected a grade such as A–D`,
        ),
      );
    }
    const k = gradeKey(g);
    if (!known.has(k)) {
      return fail(
        "value",
        text(`第 ${i + 1} 个季度等级“${g}”不是已知等级`, `quarter grade ${i + 1} ("${g}") is not a known grade`),
      );
    }
    graded++;
    if (failed.has(k)) count++;
  }
  if (graded > QUARTERS_PER_YEAR) {
    return fail(
      "value",
      text(
        `给出了 ${graded} 个季度等级，一年只有 ${QUARTERS_PER_YEAR} 个季度`,
        `${graded} quarter grades given; a year has ${QUARTERS_PER_YEAR} quarters`,
      ),
    );
  }
  return ok(count);
}

/** The failed grade, the hundred-point scheme's lowest, and every word 第九条 pairs with the failed grade (差, 不合格). */
function defaultFailedGrades(settings: Settings): string[] {
  const hb = settings.hundredPoint.bands;
  const failed = gradeKey(settings.bonus.failedGrade);
  const words = settings.bonus.levels.filter((l) => gradeKey(l.level) === failed).map((l) => l.word);
  return [settings.bonus.failedGrade, hb[hb.length - 1].code, ...words];
}

function defaultKnownGrades(settings: Settings): string[] {
  return [
    ...settings.fivePoint.bands.map((b) => b.code),
    ...settings.hundredPoint.bands.map((b) => b.code),
    ...Object.keys(settings.bonus.coefficients),
    ...settings.bonus.levels.map((l) => l.word),
  ];
}
