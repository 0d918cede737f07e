import { FIVE_POINT } from "../settings";
import { gradeDistribution } from "./distribution";
import { kpiScore } from "./kpiScore";
import { kpiStepScore } from "./kpiStepScore";
import { rankWithTies } from "./rank";
import { formatShareTargets, parseShareTargets } from "./shareTargets";
import { raterScore } from "./raterScore";
import { applyWeights, checkWeights, defaultScoreScale, weightedScore } from "./weightedScore";
import { expectOk, expectProblem } from "../../../test/support/result";

const FIVE = { min: 0, max: 5 };
const kindOf = (r: { ok: boolean; problem?: { kind: string } }) => (r.ok ? "ok" : r.problem?.kind);

describe("weightedScore (RULES.md#weighted-score)", () => {
  it("computes Σw·s/Σw", () => {
    const r = weightedScore([4, 5, 3], [0.6, 0.2, 0.2], FIVE);
    expect(r.ok && r.value.score).toBeCloseTo(4, 12);
  });
  it("only the ratio of weights matters (percent or points)", () => {
    const a = weightedScore([4, 5, 3], [60, 20, 20], FIVE);
    const b = weightedScore([4, 5, 3], ["60%", "20%", "20%"], FIVE);
    expect(a.ok && b.ok && a.value.score).toBeCloseTo(b.ok ? b.value.score : NaN, 12);
  });
  it("says the weights are too large instead of answering Infinity (found by the property test)", () => {
    const r = weightedScore([2], [1e308], FIVE);
    expectProblem(r);
    expect([r.problem.kind, r.problem.message.en]).toEqual([
      "num",
      "the weights are too large to compute with (write them as percents or smaller numbers)",
    ]);
    const sum = weightedScore([1, 1], [1e308, 1e308], FIVE);
    expect(!sum.ok && sum.problem.kind).toBe("num");
  });
  it("leaves blank and N/A scores out and renormalises", () => {
    const r = weightedScore([4, null, 5, "N/A", "不适用"], [0.6, 0.2, 0.2, 1, 1], FIVE);
    expectOk(r);
    expect(r.value.score).toBeCloseTo((4 * 0.6 + 5 * 0.2) / 0.8, 12);
    expect(r.value.assessed).toBe(2);
    expect(r.value.weightUsed).toBeCloseTo(0.8, 12);
  });
  it("all blank → 'na' (no score), never 0", () => {
    const r = weightedScore([null, "", "  "], [1, 1, 1], FIVE);
    expect(kindOf(r)).toBe("na");
  });
  it("assessed indicators with zero weight only → 'na'", () => {
    expect(kindOf(weightedScore([4, null], [0, 1], FIVE))).toBe("na");
  });
  it("names a size mismatch", () => {
    const r = weightedScore([4, 5, 3, 4, 5], [1, 1, 1, 1], FIVE);
    expectProblem(r);
    expect(r.problem.kind).toBe("value");
    expect(r.problem.message.en).toBe("weights and scores differ in size: 5 scores, 4 weights");
    expect(r.problem.message.zh).toBe("权重与分数个数不一致：5 个分数，4 个权重");
  });
  it("text scores, booleans, negative weights, all-zero weights → 'value'", () => {
    expect(kindOf(weightedScore([4, "good"], [1, 1], FIVE))).toBe("value");
    expect(kindOf(weightedScore([4, true], [1, 1], FIVE))).toBe("value");
    expect(kindOf(weightedScore([4, 5], [1, -1], FIVE))).toBe("value");
    expect(kindOf(weightedScore([4, 5], [0, 0], FIVE))).toBe("value");
    expect(kindOf(weightedScore([4, 5], [1, "x"], FIVE))).toBe("value");
    expect(kindOf(weightedScore([4, 5], [1, null], FIVE))).toBe("value");
    const r = weightedScore([4, 5], [1, -1], FIVE);
    expectProblem(r);
    expect(r.problem.message.en).toBe("weight 2 is negative (-1)");
  });
  it("a score outside the scale → 'num'", () => {
    expect(kindOf(weightedScore([7, 4], [1, 1], FIVE))).toBe("num");
    expect(kindOf(weightedScore([120], [1]))).toBe("num");
    expect(kindOf(weightedScore([-1], [1]))).toBe("num");
    expect(kindOf(weightedScore([NaN], [1]))).toBe("num");
    expect(kindOf(weightedScore([100], [1]))).toBe("ok");
  });
  it("a blank weight is fine where the score is blank too", () => {
    const r = weightedScore([4, null], [1, null], FIVE);
    expect(r.ok && r.value.score).toBe(4);
  });
  it("empty lists → 'na'", () => expect(kindOf(weightedScore([], []))).toBe("na"));
  it("default scale spans both policy scales", () => expect(defaultScoreScale()).toEqual({ min: 0, max: 100 }));
  it("checkWeights reads percents; applyWeights checks lengths", () => {
    expect(checkWeights(["60%", "20%", "20%"])).toEqual({ ok: true, value: [0.6, 0.2, 0.2] });
    expect(kindOf(applyWeights([1, 2], [1], FIVE))).toBe("value");
  });
});

describe("kpiScore (RULES.md#kpi-scores)", () => {
  const v = (r: ReturnType<typeof kpiScore>) => (r.ok ? r.value : r.problem.kind);
  it("higher is better: min(actual/target, 1) × 5", () => {
    expect(v(kpiScore(0.81, 0.9))).toBeCloseTo(4.5, 12);
    expect(v(kpiScore(0.9, 0.9))).toBe(5);
    expect(v(kpiScore(0.99, 0.9))).toBe(5);
    expect(v(kpiScore(0, 0.9))).toBe(0);
  });
  it("lower is better: 5 when actual ≤ target, else 5 × target / actual", () => {
    expect(v(kpiScore(0.02, 0.03, { lowerIsBetter: true }))).toBe(5);
    expect(v(kpiScore(0.03, 0.03, { lowerIsBetter: true }))).toBe(5);
    expect(v(kpiScore(0.06, 0.03, { lowerIsBetter: true }))).toBeCloseTo(2.5, 12);
    expect(v(kpiScore(0.01, 0, { lowerIsBetter: true }))).toBe(0);
    expect(v(kpiScore(0, 0, { lowerIsBetter: true }))).toBe(5);
  });
  it("fullScore from options or settings", () => {
    expect(v(kpiScore(0.45, 0.9, { fullScore: 100 }))).toBeCloseTo(50, 10);
  });
  it("refuses negative, non-finite and zero-target (higher) inputs", () => {
    expect(v(kpiScore(-0.1, 0.9))).toBe("num");
    expect(v(kpiScore(0.5, 0))).toBe("num");
    expect(v(kpiScore(0.5, -1))).toBe("num");
    expect(v(kpiScore(NaN, 0.9))).toBe("num");
    expect(v(kpiScore(0.5, 0.9, { fullScore: 0 }))).toBe("num");
  });
});

describe("kpiStepScore", () => {
  const steps = [
    { bound: 0.95, score: 5 },
    { bound: 0.9, score: 4 },
    { bound: 0.8, score: 3 },
  ];
  it("finds the first step reached (bounds inclusive)", () => {
    expect(kpiStepScore(0.97, steps)).toEqual({ ok: true, value: 5 });
    expect(kpiStepScore(0.95, steps)).toEqual({ ok: true, value: 5 });
    expect(kpiStepScore(0.92, steps)).toEqual({ ok: true, value: 4 });
    expect(kpiStepScore(0.5, steps)).toEqual({ ok: true, value: 0 });
    expect(kpiStepScore(0.5, steps, { otherwise: 1 })).toEqual({ ok: true, value: 1 });
  });
  it("lower is better uses increasing ceilings", () => {
    const low = [
      { bound: 0.01, score: 5 },
      { bound: 0.03, score: 4 },
    ];
    expect(kpiStepScore(0.02, low, { lowerIsBetter: true })).toEqual({ ok: true, value: 4 });
    expect(kpiStepScore(0.01, low, { lowerIsBetter: true })).toEqual({ ok: true, value: 5 });
  });
  it("refuses disordered or empty tables", () => {
    expect(
      kpiStepScore(0.9, [
        { bound: 0.8, score: 3 },
        { bound: 0.9, score: 4 },
      ]).ok,
    ).toBe(false);
    expect(kpiStepScore(0.9, []).ok).toBe(false);
    expect(kpiStepScore(NaN, steps).ok).toBe(false);
  });
});

describe("raterScore (RULES.md#appraisal-templates)", () => {
  it("weights 上级 50% 同事 20% 下属 10% 客户 20% and skips blank raters", () => {
    const all = raterScore({ supervisor: 4, peers: 5, subordinates: 3, customers: 4 }, undefined, FIVE);
    expect(all.ok && all.value.score).toBeCloseTo(4 * 0.5 + 5 * 0.2 + 3 * 0.1 + 4 * 0.2, 12);
    const some = raterScore({ supervisor: 4, peers: 5, customers: 3 }, undefined, FIVE);
    expect(some.ok && some.value.score).toBeCloseTo((4 * 0.5 + 5 * 0.2 + 3 * 0.2) / 0.9, 12);
    expect(kindOf(raterScore({}, undefined, FIVE))).toBe("na");
  });
});

describe("rankWithTies (RULES.md#ranking-and-distribution)", () => {
  it("competition ranking like RANK: 1, 2, 2, 4", () => expect(rankWithTies([90, 85, 85, 70])).toEqual([1, 2, 2, 4]));
  it("ascending order", () => expect(rankWithTies([90, 85, 70], { order: "asc" })).toEqual([3, 2, 1]));
  it("within groups; blanks get no rank", () => {
    expect(rankWithTies([90, 80, 85, 95, null, NaN], { groups: ["A", "A", "B", "B", "A", "B"] })).toEqual([
      1,
      2,
      2,
      1,
      null,
      null,
    ]);
  });
  it("all tied", () => expect(rankWithTies([3, 3, 3])).toEqual([1, 1, 1]));
  it("empty", () => expect(rankWithTies([])).toEqual([]));
});

describe("gradeDistribution (RULES.md#ranking-and-distribution)", () => {
  it("counts, shares, and compares with a target share", () => {
    const d = gradeDistribution(["A", "B", "b", "D", null, "E", 7], FIVE_POINT, {
      A: { atMost: 0.2 },
      D: { atMost: 0.5 },
    });
    expect(d.graded).toBe(4);
    expect(d.blank).toBe(1);
    expect(d.unrecognised).toEqual(["E", "7"]);
    expect(d.grades.map((g) => [g.code, g.count, g.share, g.withinTarget])).toEqual([
      ["A", 1, 0.25, false],
      ["B", 2, 0.5, null],
      ["C", 0, 0, null],
      ["D", 1, 0.25, true],
    ]);
  });
  it("no data → share null, never 0% or a division by zero", () => {
    const d = gradeDistribution([], FIVE_POINT, { A: { atMost: 0.2 } });
    expect(d.grades.every((g) => g.share === null && g.withinTarget === null)).toBe(true);
  });
});

describe("kpiScore at the edge of doubles (a fuzz counterexample: SVC.KPISCORE(36, 2, TRUE, 8.98e307) gave no value)", () => {
  it("a lower-is-better score with a huge full score stays finite", () => {
    const r = kpiScore(36, 2, { lowerIsBetter: true, fullScore: 8.98846567431158e307 });
    expect(r.ok && Number.isFinite(r.value)).toBe(true);
    expect(r.ok ? r.value / (8.98846567431158e307 / 18) : 0).toBeCloseTo(1, 12);
  });
});

describe("parseShareTargets (RULES.md#ranking-and-distribution forced distribution)", () => {
  it("reads A<=20%, D>=5% and the symbols, and refuses what it cannot read", () => {
    expect(parseShareTargets("A<=20%, D>=5%", FIVE_POINT)).toEqual({
      ok: true,
      value: { A: { atMost: 0.2 }, D: { atLeast: 0.05 } },
    });
    expect(parseShareTargets("a≤0.2；b≥10", FIVE_POINT)).toEqual({
      ok: true,
      value: { A: { atMost: 0.2 }, B: { atLeast: 0.1 } },
    });
    expect(parseShareTargets("none", FIVE_POINT)).toEqual({ ok: true, value: {} });
    expect(parseShareTargets("S<=20%", FIVE_POINT).ok).toBe(false);
    expect(parseShareTargets("A<=120%", FIVE_POINT).ok).toBe(false);
    expect(parseShareTargets("A<=10%,A>=20%", FIVE_POINT).ok).toBe(false);
    expect(formatShareTargets({ A: { atMost: 0.2 }, D: { atLeast: 0.05 } }, FIVE_POINT)).toBe("A≤20%, D≥5%");
  });
});
