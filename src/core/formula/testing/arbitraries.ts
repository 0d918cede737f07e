/**
 * TEST SUPPORT — fast-check generators of valid bonus formulas (as finance would type them:
 * Chinese or English names, random spacing, IF in capitals, percentages, nested if/min/max/
 * round/abs) and of the values of their variables. Used by the property test in Node and by
 * the LibreOffice round trip.
 */
import fc from "fast-check";
import type { BonusVariableId } from "../../bonus/formulaLanguage";

const NUMBER_VARS: readonly (readonly [BonusVariableId, string, string])[] = [
  ["annual", "全年绩效", "annual"],
  ["standardPay", "岗位标准绩效", "standardPay"],
  ["bonusRatio", "考核奖金比例", "bonusRatio"],
  ["coefficient", "系数", "coefficient"],
  ["quarter", "季度", "quarter"],
  ["yellowCards", "黄牌", "yellowCards"],
  ["redCards", "红牌", "redCards"],
  ["failedQuarters", "不合格季度数", "failedQuarters"],
  ["quarterRate", "季度比例", "quarterRate"],
  ["yearEndRate", "年终比例", "yearEndRate"],
];

const space = fc.constantFrom("", "", " ");

const constant: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map(String),
  fc.integer({ min: 1, max: 2000 }).map((n) => String(n / 1000)),
  fc.integer({ min: 1, max: 100_000 }).map((n) => String(n / 100)),
  fc.integer({ min: 1, max: 1000 }).map((n) => `${n / 10}%`),
  fc.constantFrom("0.235", "0.06", "1.2", "0.8"),
);

const variable: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...NUMBER_VARS), fc.boolean())
  .map(([v, zh]) => (zh ? v[1] : v[2]));

const fnName = (name: string): fc.Arbitrary<string> => fc.constantFrom(name, name.toUpperCase());

/** A valid numeric formula of at most `depth` levels. */
export function formulaArbitrary(depth = 4): fc.Arbitrary<string> {
  const { expr } = fc.letrec<{ expr: string; cond: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: "small", maxDepth: depth, withCrossShrink: true },
      constant,
      variable,
      fc
        .tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/"), tie("expr"), space)
        .map(([a, op, b, s]) => `${a}${s}${op}${s}${b}`),
      tie("expr").map((a) => `(${a})`),
      tie("expr").map((a) => `-${a}`),
      fc.tuple(tie("expr"), fc.integer({ min: 1, max: 3 })).map(([a, n]) => `(${a})^${n}`),
      fc
        .tuple(fnName("min"), fc.array(tie("expr"), { minLength: 1, maxLength: 3 }))
        .map(([f, xs]) => `${f}(${xs.join(", ")})`),
      fc
        .tuple(fnName("max"), fc.array(tie("expr"), { minLength: 1, maxLength: 3 }))
        .map(([f, xs]) => `${f}(${xs.join(", ")})`),
      fc.tuple(fnName("abs"), tie("expr")).map(([f, a]) => `${f}(${a})`),
      fc
        .tuple(fnName("round"), tie("expr"), fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }))
        .map(([f, a, n]) => (n === undefined ? `${f}(${a})` : `${f}(${a}, ${n})`)),
      fc.tuple(fnName("if"), tie("cond"), tie("expr"), tie("expr")).map(([f, c, a, b]) => `${f}(${c}, ${a}, ${b})`),
    ),
    cond: fc.oneof(
      fc
        .tuple(tie("expr"), fc.constantFrom("==", "!=", "<", ">", "<=", ">="), tie("expr"), space)
        .map(([a, op, b, s]) => `${a}${s}${op}${s}${b}`),
      fc
        .tuple(
          fc.constantFrom("等级", "grade"),
          fc.constantFrom("==", "!="),
          fc.constantFrom('"D"', '"A"', "'b'", '"C"'),
        )
        .map(([g, op, lit]) => `${g} ${op} ${lit}`),
    ),
  }));
  return expr;
}

export interface FormulaCase {
  readonly values: Readonly<Record<BonusVariableId, number | string | null>>;
}

/** Values of the bonus variables as a bonus sheet row holds them (zeros included, to reach #DIV/0!). */
export const valuesArbitrary: fc.Arbitrary<Readonly<Record<BonusVariableId, number | string | null>>> = fc.record({
  annual: fc.integer({ min: 0, max: 20_000_000 }).map((n) => n / 100),
  standardPay: fc.integer({ min: 0, max: 20_000_000 }).map((n) => n / 100),
  bonusRatio: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  coefficient: fc.constantFrom(0, 0.8, 1, 1.2),
  grade: fc.constantFrom("A", "B", "C", "D", "d", "b"),
  quarter: fc.integer({ min: 1, max: 4 }),
  yellowCards: fc.integer({ min: 0, max: 3 }),
  redCards: fc.integer({ min: 0, max: 2 }),
  failedQuarters: fc.integer({ min: 0, max: 4 }),
  quarterRate: fc.constant(0.235),
  yearEndRate: fc.constant(0.06),
});
