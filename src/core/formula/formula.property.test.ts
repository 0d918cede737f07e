/**
 * Property tests of user formulas on random valid formulas and random row values:
 * 1. every generated formula is accepted (the generator writes only the language);
 * 2. the engine's value equals mathjs's own node.compile().evaluate() whenever the formula
 *    computes (no #DIV/0!/#NUM!);
 * 3. the native Excel translation, evaluated by an independent evaluator with Excel's grammar
 *    and rules, gives the engine's value — errors included;
 * 4. the translation is stable: translating its own mathjs meaning twice gives the same text.
 * The LibreOffice round trip (test/e2e/bonus-formulas.test.ts) repeats 3 in a real spreadsheet.
 */
import fc from "fast-check";
import { BONUS_FORMULA_LANGUAGE, BONUS_VARIABLES } from "../bonus/formulaLanguage";
import { evaluateFormula, mathjsEvaluate, parseFormula, toExcelFormula } from "./index";
import { formulaArbitrary, valuesArbitrary } from "./testing/arbitraries";
import { evaluateExcelFormula } from "./testing/excelFormulaEvaluator";
import { checkedBonusFormula } from "./testing/checked";

const REF = Object.fromEntries(BONUS_VARIABLES.map((v, i) => [v.id, `$${String.fromCharCode(69 + i)}9`]));
const BY_REF = new Map(Object.entries(REF).map(([id, ref]) => [ref, id]));

function close(a: number, b: number): boolean {
  const d = Math.abs(a - b);
  return d <= 1e-9 || d <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

describe("user formulas, random", () => {
  test("every generated formula is accepted", () => {
    fc.assert(
      fc.property(formulaArbitrary(), (source) => parseFormula(source, BONUS_FORMULA_LANGUAGE).ok),
      { numRuns: 500 },
    );
  });

  test("the engine equals mathjs's own evaluation when the formula computes", () => {
    let computed = 0;
    fc.assert(
      fc.property(formulaArbitrary(), valuesArbitrary, (source, values) => {
        const f = checkedBonusFormula(source);
        const engine = evaluateFormula(f, values);
        if (!engine.ok) return true;
        computed++;
        const scope = new Map<string, number | string>();
        for (const v of BONUS_VARIABLES) {
          const value = values[v.id as keyof typeof values];
          if (value === null) continue;
          scope.set(v.name, value);
          for (const a of v.aliases) scope.set(a, value);
        }
        const mathjs = mathjsEvaluate(f.node, scope, f.constants);
        // Identical: the same mathjs operations in the same order.
        return typeof mathjs === "number" && Object.is(mathjs, engine.value);
      }),
      { numRuns: 1000 },
    );
    expect(computed).toBeGreaterThan(500);
  });

  /** Formulas that divide by a count that is often 0, so #DIV/0! and its travel through min/if/round are exercised too. */
  const dividing = fc
    .tuple(
      formulaArbitrary(3),
      formulaArbitrary(2),
      fc.constantFrom("黄牌", "红牌", "redCards", "(不合格季度数 - 1)"),
      fc.integer({ min: 0, max: 3 }),
    )
    .map(
      ([a, b, v, shape]) =>
        [`${a} / ${v}`, `min(${a}, ${b} / ${v})`, `IF(${v} == 0, ${b}, ${a} / ${v})`, `round(${a} / ${v}, 2) + ${b}`][
          shape
        ],
    );

  test.each([
    ["random formulas", formulaArbitrary(), 2000, 1000, 0],
    ["formulas dividing by counts", dividing, 1000, 300, 100],
  ] as const)(
    "the Excel translation computes the engine's value, errors included: %s",
    (_name, formulas, runs, minOk, minErrors) => {
      const outcomes = { ok: 0, error: 0 };
      fc.assert(
        fc.property(formulas, valuesArbitrary, (source, values) => {
          const f = checkedBonusFormula(source);
          const engine = evaluateFormula(f, values);
          const excel = evaluateExcelFormula(
            toExcelFormula(f, (v) => REF[v.id]),
            (ref) => values[BY_REF.get(ref) as keyof typeof values],
          );
          if (!engine.ok) {
            outcomes.error++;
            return typeof excel === "object" && excel.error === engine.error;
          }
          outcomes.ok++;
          return typeof excel === "number" && close(excel, engine.value);
        }),
        { numRuns: runs },
      );
      expect(outcomes.ok).toBeGreaterThan(minOk);
      expect(outcomes.error).toBeGreaterThanOrEqual(minErrors);
    },
  );

  test("translating the formula's normalised text gives the same Excel formula", () => {
    fc.assert(
      fc.property(formulaArbitrary(), (source) => {
        const f = checkedBonusFormula(source);
        const again = checkedBonusFormula(f.normalized);
        return toExcelFormula(f, (v) => REF[v.id]) === toExcelFormula(again, (v) => REF[v.id]);
      }),
      { numRuns: 300 },
    );
  });
});
