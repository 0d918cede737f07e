/**
 * The quarter's bonuses for a list of people (RULES.md#bonuses, issue 6) — the engine the 季度奖金 sheet
 * is checked against, cell by cell:
 * - 全年绩效 = 岗位标准绩效 × 考核奖金比例;
 * - the quarter bonus: 全年绩效 × quarter rate × the grade's coefficient (or finance's own
 *   formula); a failed quarter (grade D) pays 0 whatever the formula says (第八条);
 * - for Q4 the year-end bonus: 全年绩效 × year-end rate (or finance's formula), 0 when
 *   forfeited (≥ 2 failed quarters, ≥ 2 yellow cards, ≥ 1 red card — thresholds from the
 *   settings), with every rule that applied;
 * - optionally the quarter bonuses scaled to a budget pool;
 * - money rounded half up to the settings' step only at the end, and for every money column
 *   the sum of the rounded amounts, the rounded total and the difference between them.
 * A blank input leaves the amounts that need it blank (null), never 0. A custom formula that
 * cannot be computed for someone (division by zero…) fails the whole run, naming the person.
 */
import { text, type Text } from "../i18n/text";
import { fail, ok, type Result } from "../problem";
import { formatNumber } from "../values/describe";
import type { Settings } from "../settings";
import { evaluateFormula, type CheckedFormula, type FormulaValues } from "../formula";
import { roundMoney, reconcileRounding, type Reconciliation } from "./money";
import {
  annualPerformance,
  coefficientFor,
  countFailedQuarters,
  forfeitReasons,
  quarterBonus,
  yearEndBonus,
  type ForfeitReason,
} from "./rules";
import { scaleToPool } from "./pool";
import type { BonusPerson, Quarter } from "./people";
import type { BonusVariableId } from "./formulaLanguage";

export interface BonusOptions {
  readonly year: number;
  readonly quarter: Quarter;
  readonly settings: Settings;
  /** Finance's quarter formula; absent = the policy rule. */
  readonly quarterFormula?: CheckedFormula | null;
  /** Finance's year-end formula (Q4); absent = the policy rule. */
  readonly yearEndFormula?: CheckedFormula | null;
  /** Budget pool for the quarter bonuses; absent = no scaling. */
  readonly pool?: number | null;
}

export interface YearEndResult {
  readonly forfeited: boolean;
  readonly reasons: readonly ForfeitReason[];
  /** null when 全年绩效 is blank (or the formula needs a grade that is blank). */
  readonly exact: number | null;
  readonly amount: number | null;
}

export interface PersonBonusResult {
  readonly person: BonusPerson;
  readonly annual: number | null;
  /** This quarter's grade and its coefficient (null when not graded). */
  readonly grade: string | null;
  readonly coefficient: number | null;
  /** Failed quarters from Q1 up to this quarter. */
  readonly failedQuarters: number;
  readonly quarterExact: number | null;
  readonly quarterAmount: number | null;
  /** The quarter bonus scaled to the pool and rounded (when there is a pool). */
  readonly pooled: number | null;
  /** Q4 only. */
  readonly yearEnd: YearEndResult | null;
  /** Q4 only: the quarter bonus paid (pooled when there is a pool) + the year-end bonus. */
  readonly payable: number | null;
  /** Things to check (a custom formula giving a negative amount…). */
  readonly warnings: readonly Text[];
}

export interface DepartmentTotal {
  /** As written in the data; "" for people without a department. */
  readonly department: string;
  readonly people: number;
  readonly annual: number;
  readonly quarter: number;
  readonly pooled: number | null;
  readonly yearEnd: number | null;
  readonly payable: number | null;
}

export interface BonusResult {
  readonly year: number;
  readonly quarter: Quarter;
  readonly people: readonly PersonBonusResult[];
  readonly annualTotal: number;
  readonly quarterTotals: Reconciliation;
  readonly yearEndTotals: Reconciliation | null;
  /** Present when a pool was given: the factor (null when nothing could be scaled) and the reconciliation with the pool. */
  readonly pool: {
    readonly pool: number;
    readonly factor: number | null;
    readonly totals: Reconciliation | null;
  } | null;
  readonly payableTotal: number | null;
  readonly departments: readonly DepartmentTotal[];
  /** 4 × quarter rate + year-end rate (the policy: 100%). */
  readonly rateCheck: { readonly fourQuarters: number; readonly total: number; readonly ok: boolean };
  readonly warnings: readonly Text[];
}

const SAME = 1e-9;

function sameKey(s: string): string {
  return s.toLocaleUpperCase("en-US");
}

function formulaValues(
  p: BonusPerson,
  annual: number | null,
  grade: string | null,
  coefficient: number | null,
  failedQuarters: number,
  options: BonusOptions,
): FormulaValues {
  const b = options.settings.bonus;
  const values: Record<BonusVariableId, number | string | null> = {
    annual,
    standardPay: p.standardPay,
    bonusRatio: p.bonusRatio,
    coefficient,
    grade,
    quarter: options.quarter,
    yellowCards: p.yellowCards,
    redCards: p.redCards,
    failedQuarters,
    quarterRate: b.quarterRate,
    yearEndRate: b.yearEndRate,
  };
  return values;
}

function usesGrade(f: CheckedFormula): boolean {
  return f.variables.some((v) => v.id === "grade" || v.id === "coefficient");
}

function customAmount(formula: CheckedFormula, values: FormulaValues, who: string, what: Text): Result<number> {
  const r = evaluateFormula(formula, values);
  if (r.ok) return ok(r.value);
  return fail(
    r.error === "#DIV/0!" ? "num" : "value",
    text(
      `${who}：${what.zh}“${formula.source}”算不出金额（${r.error}${r.error === "#DIV/0!" ? "，除数为 0" : ""}）。请修改公式，例如用 if() 避开这种情况`,
      `${who}: the ${what.en} "${formula.source}" gives no amount (${r.error}${r.error === "#DIV/0!" ? ", division by zero" : ""}). Change the formula, e.g. avoid this case with if()`,
    ),
  );
}

/**
 * @example
 * computeBonuses([{ name: "张三", standardPay: 60000, bonusRatio: 0.3, grades: ["A", "B", "A", "A"], yellowCards: 0, redCards: 0, remarks: [] }],
 *                { year: 2026, quarter: 4, settings: DEFAULT_SETTINGS })
 *   // → people[0]: annual 18000, quarterAmount 4230, yearEnd { forfeited: false, amount: 1080 }, payable 5310
 */
export function computeBonuses(people: readonly BonusPerson[], options: BonusOptions): Result<BonusResult> {
  const { settings, quarter } = options;
  const b = settings.bonus;
  const step = b.roundTo;
  const isQ4 = quarter === 4;
  const failedGrade = sameKey(b.failedGrade);
  const knownGrades = Object.keys(b.coefficients);
  const results: PersonBonusResult[] = [];
  const warnings: Text[] = [];

  for (const p of people) {
    const who = p.name;
    const annualR =
      p.standardPay === null || p.bonusRatio === null ? null : annualPerformance(p.standardPay, p.bonusRatio);
    if (annualR && !annualR.ok)
      return fail(
        annualR.problem.kind,
        text(`${who}：${annualR.problem.message.zh}`, `${who}: ${annualR.problem.message.en}`),
      );
    const annual = annualR ? annualR.value : null;
    const grade = p.grades[quarter - 1] ?? null;
    let coefficient: number | null = null;
    if (grade !== null) {
      const c = coefficientFor(grade, b.coefficients);
      if (!c.ok)
        return fail(c.problem.kind, text(`${who}：${c.problem.message.zh}`, `${who}: ${c.problem.message.en}`));
      coefficient = c.value;
    }
    const failed = countFailedQuarters(
      p.grades.slice(0, quarter),
      { failedGrades: [b.failedGrade], knownGrades },
      settings,
    );
    if (!failed.ok)
      return fail(
        failed.problem.kind,
        text(`${who}：${failed.problem.message.zh}`, `${who}: ${failed.problem.message.en}`),
      );
    const values = formulaValues(p, annual, grade, coefficient, failed.value, options);
    const personWarnings: Text[] = [];

    // Quarter bonus.
    let quarterExact: number | null = null;
    if (annual !== null && grade !== null) {
      if (sameKey(grade) === failedGrade) quarterExact = 0;
      else if (options.quarterFormula) {
        const r = customAmount(options.quarterFormula, values, who, text("季度奖金公式", "quarter bonus formula"));
        if (!r.ok) return r;
        quarterExact = r.value;
      } else {
        const r = quarterBonus(annual, grade, { coefficients: b.coefficients, rate: b.quarterRate }, settings);
        if (!r.ok)
          return fail(r.problem.kind, text(`${who}：${r.problem.message.zh}`, `${who}: ${r.problem.message.en}`));
        quarterExact = r.value.exact;
      }
    }
    const quarterAmount = quarterExact === null ? null : money(quarterExact, step);
    if (Number.isNaN(quarterAmount))
      return fail("num", text(`${who}：季度奖金不是有限数值`, `${who}: the quarter bonus is not a finite number`));
    if (quarterExact !== null && quarterExact < 0) {
      personWarnings.push(
        text(
          `季度奖金为负数（${formatNumber(quarterExact)}），制度规定不扣发工资，请检查公式`,
          `the quarter bonus is negative (${formatNumber(quarterExact)}); the policy does not dock pay: check the formula`,
        ),
      );
    }

    // Year-end bonus (Q4).
    let yearEnd: YearEndResult | null = null;
    if (isQ4) {
      const record = { failedQuarters: failed.value, yellowCards: p.yellowCards ?? 0, redCards: p.redCards ?? 0 };
      const reasons = forfeitReasons(record, b);
      if (!reasons.ok)
        return fail(
          reasons.problem.kind,
          text(`${who}：${reasons.problem.message.zh}`, `${who}: ${reasons.problem.message.en}`),
        );
      const forfeited = reasons.value.length > 0;
      let exact: number | null = null;
      const formula = options.yearEndFormula;
      if (annual !== null && !(formula && usesGrade(formula) && grade === null)) {
        if (forfeited) exact = 0;
        else if (formula) {
          const r = customAmount(formula, values, who, text("年终奖公式", "year-end bonus formula"));
          if (!r.ok) return r;
          exact = r.value;
        } else {
          const r = yearEndBonus(annual, record, { rate: b.yearEndRate }, settings);
          if (!r.ok)
            return fail(r.problem.kind, text(`${who}：${r.problem.message.zh}`, `${who}: ${r.problem.message.en}`));
          exact = r.value.exact;
        }
      }
      if (exact !== null && exact < 0) {
        personWarnings.push(
          text(
            `年终奖为负数（${formatNumber(exact)}），制度规定不扣发工资，请检查公式`,
            `the year-end bonus is negative (${formatNumber(exact)}); the policy does not dock pay: check the formula`,
          ),
        );
      }
      const amount = exact === null ? null : money(exact, step);
      if (Number.isNaN(amount))
        return fail("num", text(`${who}：年终奖不是有限数值`, `${who}: the year-end bonus is not a finite number`));
      yearEnd = { forfeited, reasons: reasons.value, exact, amount };
    }
    for (const w of personWarnings) warnings.push(text(`${who}：${w.zh}`, `${who}: ${w.en}`));
    results.push({
      person: p,
      annual,
      grade,
      coefficient,
      failedQuarters: failed.value,
      quarterExact,
      quarterAmount,
      pooled: null,
      yearEnd,
      payable: null,
      warnings: personWarnings,
    });
  }

  // Pool.
  let pool: BonusResult["pool"] = null;
  let pooledResults = results;
  if (options.pool !== undefined && options.pool !== null) {
    const withQuarter = results.filter((r) => r.quarterExact !== null);
    const scaled = scaleToPool(
      withQuarter.map((r) => r.quarterExact as number),
      options.pool,
      step,
    );
    if (!scaled.ok && scaled.problem.kind !== "na") return scaled;
    if (scaled.ok) {
      let k = 0;
      pooledResults = results.map((r) => (r.quarterExact === null ? r : { ...r, pooled: scaled.value.amounts[k++] }));
      pool = { pool: options.pool, factor: scaled.value.factor, totals: scaled.value.reconciliation };
    } else {
      warnings.push(scaled.problem.message);
      pool = { pool: options.pool, factor: null, totals: null };
    }
  }
  const hasPool = pool !== null;
  const final = pooledResults.map((r) => {
    if (!isQ4) return r;
    const base = hasPool ? r.pooled : r.quarterAmount;
    const ye = r.yearEnd?.amount ?? null;
    return { ...r, payable: base === null && ye === null ? null : (base ?? 0) + (ye ?? 0) };
  });

  const exacts = (f: (r: PersonBonusResult) => number | null): number[] =>
    final.map(f).filter((x): x is number => x !== null);
  const quarterTotals = reconcileRounding(
    exacts((r) => r.quarterExact),
    undefined,
    step,
  );
  if (!quarterTotals.ok) return quarterTotals;
  let yearEndTotals: Reconciliation | null = null;
  if (isQ4) {
    const y = reconcileRounding(
      exacts((r) => r.yearEnd?.exact ?? null),
      undefined,
      step,
    );
    if (!y.ok) return y;
    yearEndTotals = y.value;
  }
  const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

  // Departments, in order of first appearance; Excel compares text ignoring case.
  const departments: DepartmentTotal[] = [];
  const index = new Map<string, number>();
  for (const r of final) {
    const d = r.person.department ?? "";
    const key = sameKey(d);
    if (!index.has(key)) {
      index.set(key, departments.length);
      departments.push({
        department: d,
        people: 0,
        annual: 0,
        quarter: 0,
        pooled: hasPool ? 0 : null,
        yearEnd: isQ4 ? 0 : null,
        payable: isQ4 ? 0 : null,
      });
    }
  }
  const deptRows = departments.map((d) =>
    final.filter((r) => sameKey(r.person.department ?? "") === sameKey(d.department)),
  );
  const totalsOf = (rows: readonly PersonBonusResult[], d: DepartmentTotal): DepartmentTotal => ({
    ...d,
    people: rows.length,
    annual: sum(rows.map((r) => r.annual ?? 0)),
    quarter: sum(rows.map((r) => r.quarterAmount ?? 0)),
    pooled: hasPool ? sum(rows.map((r) => r.pooled ?? 0)) : null,
    yearEnd: isQ4 ? sum(rows.map((r) => r.yearEnd?.amount ?? 0)) : null,
    payable: isQ4 ? sum(rows.map((r) => r.payable ?? 0)) : null,
  });

  const fourQuarters = 4 * b.quarterRate;
  const total = fourQuarters + b.yearEndRate;
  return ok({
    year: options.year,
    quarter,
    people: final,
    annualTotal: sum(exacts((r) => r.annual)),
    quarterTotals: quarterTotals.value,
    yearEndTotals,
    pool,
    payableTotal: isQ4 ? sum(final.map((r) => r.payable ?? 0)) : null,
    departments: departments.map((d, i) => totalsOf(deptRows[i], d)),
    rateCheck: { fourQuarters, total, ok: Math.abs(total - 1) < SAME },
    warnings,
  });
}

/** Rounded money; NaN only for a non-finite amount, which callers turn into a problem. */
function money(x: number, step: number): number {
  const r = roundMoney(x, step);
  return r.ok ? r.value : NaN;
}
