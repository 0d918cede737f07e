import fc from "fast-check";
import { roundMoney } from "../../core/bonus";
import { evaluateExcelFormula } from "../../core/formula/testing/excelFormulaEvaluator";
import { roundHalfUp15, roundSmallWholeFormula, roundToStepFormula } from "./round";
import { expectOk } from "../../../test/support/result";

describe("rounding formulas", () => {
  test("never round to 0 decimals directly, and keep sums and differences together", () => {
    expect(roundToStepFormula("$N9", "SVC_Bonus_RoundTo")).toBe(
      "ROUND($N9/SVC_Bonus_RoundTo/10,1)*10*SVC_Bonus_RoundTo",
    );
    expect(roundToStepFormula("A5-A4", "0.05")).toBe("ROUND((A5-A4)/0.05/10,1)*10*0.05");
    expect(roundSmallWholeFormula("D12/10")).toBe("ROUND(ROUND(D12/10,9),0)");
  });

  test("roundHalfUp15 reads at 15 digits first, as the spreadsheets do", () => {
    expect(roundHalfUp15(0.235 / 0.01)).toBe(24);
    expect(Math.round(0.235 / 0.01)).toBe(23);
    expect(roundHalfUp15(4.4999999999999996)).toBe(5);
    expect(roundHalfUp15(4.49999)).toBe(4);
    expect(roundHalfUp15(0)).toBe(0);
  });

  test("money to a step computes what the engine's roundMoney does (Excel's ROUND rules)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(0.01, 0.05, 1, 10), (cents, step) => {
        const amount = cents / 1000;
        const sheet = evaluateExcelFormula(roundToStepFormula("A1", String(step)), () => amount);
        const engine = roundMoney(amount, step);
        expectOk(engine);
        expect(sheet).toBeCloseTo(engine.value, 9);
      }),
    );
  });

  test("a small value rounded to a whole number computes roundHalfUp15", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        const percent = n / 10_000;
        expect(evaluateExcelFormula(roundSmallWholeFormula("A1/10"), () => percent)).toBe(roundHalfUp15(percent / 10));
      }),
    );
  });
});
