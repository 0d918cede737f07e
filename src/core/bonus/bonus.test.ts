import { DEFAULT_SETTINGS } from "../settings";
import { reconcileRounding, roundMoney } from "./money";
import {
  annualPerformance,
  coefficientFor,
  countFailedQuarters,
  forfeitReasons,
  parseCoefficientTable,
  quarterBonus,
  validateCoefficients,
  yearEndBonus,
} from "./rules";
import { expectProblem } from "../../../test/support/result";

const val = <T>(r: { ok: true; value: T } | { ok: false; problem: { kind: string } }) =>
  r.ok ? r.value : `!${r.problem.kind}`;

describe("roundMoney (half up, decimal-safe)", () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [1.015, 1.02],
    [0.125, 0.13],
    [1.004999, 1],
    [8.345, 8.35],
    [1234.565, 1234.57],
    [0.285, 0.29],
    [-1.005, -1.01],
    [-2.675, -2.68],
    [0.001, 0],
    [0.005, 0.01],
    [1e-10, 0],
    [123456789.125, 123456789.13],
    [1e21, 1e21],
    [0, 0],
    [4230.000000000001, 4230],
  ])("%p → %p", (x, y) => expect(roundMoney(x)).toEqual({ ok: true, value: y }));
  it("any positive step", () => {
    expect(val(roundMoney(1234.5, 1))).toBe(1235);
    expect(val(roundMoney(1234.49, 1))).toBe(1234);
    expect(val(roundMoney(0.125, 0.05))).toBe(0.15);
    expect(val(roundMoney(0.124, 0.05))).toBe(0.1);
    expect(val(roundMoney(1250, 100))).toBe(1300);
    expect(val(roundMoney(1.25, 0.1))).toBe(1.3);
  });
  it("refuses non-finite amounts and bad steps", () => {
    expect(val(roundMoney(NaN))).toBe("!num");
    expect(val(roundMoney(Infinity))).toBe("!num");
    expect(val(roundMoney(1, 0))).toBe("!value");
    expect(val(roundMoney(1, -0.01))).toBe("!value");
  });
  it("never returns -0", () => expect(Object.is(val(roundMoney(-0.001)), -0)).toBe(false));
});

describe("reconcileRounding", () => {
  it("shows the difference between the rounded whole and the sum of rounded parts", () => {
    expect(reconcileRounding([0.005, 0.005, 0.005])).toEqual({
      ok: true,
      value: { roundedParts: [0.01, 0.01, 0.01], sumOfRoundedParts: 0.03, roundedWhole: 0.02, difference: -0.01 },
    });
    const r = reconcileRounding([0.1, 0.2], 0.3);
    expect(r.ok && r.value.difference).toBe(0);
    expect(r.ok && r.value.sumOfRoundedParts).toBe(0.3);
  });
  it("names a bad part", () => {
    const r = reconcileRounding([1, NaN]);
    expectProblem(r);
    expect(r.problem.message.en).toContain("part 2");
  });
});

describe("annualPerformance", () => {
  it("= 岗位标准绩效 × 考核奖金比例", () => {
    expect(val(annualPerformance(60000, 0.3))).toBe(18000);
    expect(val(annualPerformance(-1, 0.3))).toBe("!num");
    expect(val(annualPerformance(1, NaN))).toBe("!num");
  });
});

describe("quarterBonus (RULES.md#bonuses)", () => {
  it("annual × 23.5% × coefficient, rounded at the end", () => {
    expect(val(quarterBonus(18000, "A"))).toEqual({ exact: 18000 * 0.235, amount: 4230 });
    expect(val(quarterBonus(10000.05, "B"))).toEqual({ exact: 10000.05 * 0.235, amount: 2350.01 });
    expect(val(quarterBonus(18000, "c"))).toEqual({ exact: 18000 * 0.235, amount: 4230 });
  });
  it("grade D pays 0", () => expect(val(quarterBonus(18000, "D"))).toEqual({ exact: 0, amount: 0 }));
  it("finance's coefficients and rate", () => {
    const r = quarterBonus(10000, "A", { coefficients: { A: 1.2, B: 1, C: 0.8, D: 0 }, rate: 0.25 });
    expect(val(r)).toEqual({ exact: 3000, amount: 3000 });
  });
  it("unknown grade, bad rate, negative annual, D with a non-zero coefficient", () => {
    const e = quarterBonus(18000, "E");
    expect(val(e)).toBe("!value");
    expectProblem(e);
    expect(e.problem.message.en).toBe('grade "E" has no coefficient (known: A, B, C, D)');
    expect(val(quarterBonus(18000, "A", { rate: 1.5 }))).toBe("!num");
    expect(val(quarterBonus(-5, "A"))).toBe("!num");
    expect(val(quarterBonus(18000, "A", { coefficients: { A: 1, D: 0.5 } }))).toBe("!value");
  });
});

describe("coefficient tables", () => {
  it("parses two columns, skipping blank rows", () => {
    expect(
      val(
        parseCoefficientTable([
          ["A", 1.2],
          ["B", "100%"],
          [null, null],
          ["D", 0],
        ]),
      ),
    ).toEqual({ A: 1.2, B: 1, D: 0 });
  });
  it("names problems", () => {
    for (const rows of [
      [],
      [["A"]],
      [["A", null]],
      [["A", "x"]],
      [
        ["A", 1],
        ["a", 2],
      ],
      [[true, 1]],
      [["A", -1]],
      [["D", 0.5]],
    ]) {
      expect(parseCoefficientTable(rows as unknown[][]).ok).toBe(false);
    }
    expect(validateCoefficients({}).ok).toBe(false);
    expect(val(coefficientFor("Ｂ", { A: 1.2, B: 1 }))).toBe(1);
  });
});

describe("forfeitReasons / yearEndBonus (RULES.md#bonuses, 第八条)", () => {
  const rec = (failedQuarters: number, yellowCards: number, redCards: number) => ({
    failedQuarters,
    yellowCards,
    redCards,
  });
  it("pays annual × 6% when no rule applies", () => {
    expect(val(yearEndBonus(18000, rec(1, 1, 0)))).toEqual({
      exact: 1080,
      amount: 1080,
      forfeited: false,
      reasons: [],
    });
  });
  it.each([
    [rec(2, 0, 0), ["failedQuarters"]],
    [rec(0, 2, 0), ["yellowCards"]],
    [rec(0, 0, 1), ["redCards"]],
    [rec(4, 3, 2), ["failedQuarters", "yellowCards", "redCards"]],
  ])("%j → forfeited by %j", (r, rules) => {
    const y = yearEndBonus(18000, r);
    expect(y.ok && y.value.amount).toBe(0);
    expect(y.ok && y.value.forfeited).toBe(true);
    expect(y.ok && y.value.reasons.map((x) => x.rule)).toEqual(rules);
  });
  it("says which rule applied, in both languages", () => {
    const r = forfeitReasons(rec(0, 2, 0));
    expect(r.ok && r.value[0].message.en).toBe("2 yellow cards (the year-end bonus is forfeited at 2 or more)");
    expect(r.ok && r.value[0].message.zh).toBe("黄牌 2 个（达到 2 个即取消年终绩效）");
  });
  it("uses the thresholds from settings", () => {
    const bonus = { ...DEFAULT_SETTINGS.bonus, forfeitYellowCards: 3 };
    expect(forfeitReasons(rec(0, 2, 0), bonus)).toEqual({ ok: true, value: [] });
  });
  it("refuses negative or fractional counts and more than 4 failed quarters", () => {
    expect(val(yearEndBonus(18000, rec(-1, 0, 0)))).toBe("!num");
    expect(val(yearEndBonus(18000, rec(0, 1.5, 0)))).toBe("!num");
    expect(val(yearEndBonus(18000, rec(5, 0, 0)))).toBe("!num");
    expect(val(yearEndBonus(NaN, rec(0, 0, 0)))).toBe("!num");
    expect(val(yearEndBonus(18000, rec(0, 0, 0), { rate: -0.1 }))).toBe("!num");
  });
});

describe("countFailedQuarters", () => {
  it("counts D and 不合格, skipping blanks", () => {
    expect(val(countFailedQuarters(["A", "D", null, "d"]))).toBe(2);
    expect(val(countFailedQuarters(["优秀", "不合格", "", "合格"]))).toBe(1);
    expect(val(countFailedQuarters([]))).toBe(0);
  });
  it("refuses unknown grades, numbers and more than 4 grades", () => {
    const e = countFailedQuarters(["A", "E"]);
    expect(val(e)).toBe("!value");
    expectProblem(e);
    expect(e.problem.message.en).toBe('quarter grade 2 ("E") is not a known grade');
    expect(val(countFailedQuarters(["A", 3]))).toBe("!value");
    expect(val(countFailedQuarters(["A", "B", "C", "D", "A"]))).toBe("!value");
  });
  it("custom failed and known grades", () => {
    expect(val(countFailedQuarters(["X", "Y", "X"], { failedGrades: ["X"], knownGrades: ["Y"] }))).toBe(2);
  });
});
