import { HUNDRED_POINT } from "../settings";
import {
  auditTotal,
  DEFAULT_ITEM_SCALE,
  needsCorrectiveAction,
  parseAuditItem,
  PASS_FAIL_SCALE,
  rateAudit,
  sScore,
} from "./scoring";
import { expectProblem } from "../../../test/support/result";

const pts = (max: number) => ({ kind: "points" as const, max });

describe("parseAuditItem (RULES.md#6s-scoring)", () => {
  it("reads points on 0–5 (default), 0–4, 0–10", () => {
    expect(parseAuditItem(4)).toEqual({ ok: true, value: { score: 4, max: 5 } });
    expect(parseAuditItem("4.5", DEFAULT_ITEM_SCALE)).toEqual({ ok: true, value: { score: 4.5, max: 5 } });
    expect(parseAuditItem(4, pts(4))).toEqual({ ok: true, value: { score: 4, max: 4 } });
    expect(parseAuditItem(10, pts(10))).toEqual({ ok: true, value: { score: 10, max: 10 } });
    expect(parseAuditItem(0)).toEqual({ ok: true, value: { score: 0, max: 5 } });
  });
  it("blank, N/A and 不适用 are not applicable", () => {
    for (const v of [null, "", "N/A", "n/a", "不适用"]) expect(parseAuditItem(v)).toEqual({ ok: true, value: null });
  });
  it("pass/fail: 合格/不合格 = full/zero on any scale; yes/no and 1/0 on a pass/fail scale", () => {
    expect(parseAuditItem("合格", PASS_FAIL_SCALE)).toEqual({ ok: true, value: { score: 1, max: 1 } });
    expect(parseAuditItem("不合格", PASS_FAIL_SCALE)).toEqual({ ok: true, value: { score: 0, max: 1 } });
    expect(parseAuditItem("合格")).toEqual({ ok: true, value: { score: 5, max: 5 } });
    expect(parseAuditItem("fail", pts(10))).toEqual({ ok: true, value: { score: 0, max: 10 } });
    expect(parseAuditItem("✓", PASS_FAIL_SCALE)).toEqual({ ok: true, value: { score: 1, max: 1 } });
    expect(parseAuditItem(0, PASS_FAIL_SCALE)).toEqual({ ok: true, value: { score: 0, max: 1 } });
    expect(parseAuditItem(true, PASS_FAIL_SCALE)).toEqual({ ok: true, value: { score: 1, max: 1 } });
  });
  it("out of scale → 'num'; other values → 'value'", () => {
    const kind = (v: unknown, s = DEFAULT_ITEM_SCALE) => {
      const r = parseAuditItem(v, s);
      return r.ok ? "ok" : r.problem.kind;
    };
    expect(kind(6)).toBe("num");
    expect(kind(5, pts(4))).toBe("num");
    expect(kind(-1)).toBe("num");
    expect(kind(NaN)).toBe("num");
    expect(kind("good")).toBe("value");
    expect(kind(true)).toBe("value");
    expect(kind(2, PASS_FAIL_SCALE)).toBe("value");
    expect(kind("是")).toBe("value");
    expect(kind(3, pts(0))).toBe("num");
    const r = parseAuditItem(6);
    expectProblem(r);
    expect(r.problem.message.en).toBe("item score 6 is above the maximum 5");
  });
});

describe("sScore", () => {
  it("Σ scores ÷ Σ maxima × 100 over applicable items", () => {
    expect(sScore([{ value: 5 }, { value: 3 }, { value: "N/A" }])).toEqual({
      ok: true,
      value: { percent: 80, applicable: 2, criticalFailed: false },
    });
    const mixed = sScore([{ value: 4, scale: pts(4) }, { value: "不合格", scale: PASS_FAIL_SCALE }, { value: 5 }]);
    expect(mixed.ok && mixed.value.percent).toBeCloseTo((9 / 10) * 100, 12);
  });
  it("sums beyond the range of numbers → problem num, as Excel's SUM gives #NUM! (fuzz seed -1725757361)", () => {
    const huge = pts(Number.MAX_VALUE);
    const r = sScore([
      { value: 1.696464263104512e293, scale: huge },
      { value: Number.MAX_VALUE, scale: huge },
      { value: 0, scale: huge },
    ]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem.kind).toBe("num");
  });
  it("no applicable item → percent null (left out, not 0)", () => {
    expect(sScore([{ value: null }, { value: "不适用" }])).toEqual({
      ok: true,
      value: { percent: null, applicable: 0, criticalFailed: false },
    });
    expect(sScore([])).toEqual({ ok: true, value: { percent: null, applicable: 0, criticalFailed: false } });
  });
  it("a critical item scored 0 fails the S", () => {
    expect(sScore([{ value: 5 }, { value: 5 }, { value: 0, critical: true }])).toEqual({
      ok: true,
      value: { percent: 0, applicable: 3, criticalFailed: true },
    });
    expect(sScore([{ value: 5 }, { value: 1, critical: true }])).toEqual({
      ok: true,
      value: { percent: 60, applicable: 2, criticalFailed: false },
    });
    expect(sScore([{ value: 5 }, { value: 0, critical: false }])).toEqual({
      ok: true,
      value: { percent: 50, applicable: 2, criticalFailed: false },
    });
  });
  it("names the bad item", () => {
    const r = sScore([{ value: 5 }, { value: 9 }]);
    expectProblem(r);
    expect(r.problem.message.en).toBe("item 2: item score 9 is above the maximum 5");
    expect(r.ok).toBe(false);
  });
});

describe("auditTotal / rateAudit", () => {
  it("weighted mean of S scores, equal weights by default, empty S left out", () => {
    expect(auditTotal([80, 90, null, 100, 70, 60])).toEqual({ ok: true, value: 80 });
    const w = auditTotal([100, 50, null, null, null, null], [3, 1, 1, 1, 1, 1]);
    expect(w.ok && w.value).toBeCloseTo(87.5, 12);
  });
  it("all S empty → 'na'; wrong weight count → 'value'", () => {
    const r = auditTotal([null, null, null, null, null, null]);
    expect(r.ok ? "ok" : r.problem.kind).toBe("na");
    const m = auditTotal([90, 80]);
    expect(m.ok ? "ok" : m.problem.kind).toBe("value");
  });
  it("rates with 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60", () => {
    const r = (t: number) => {
      const x = rateAudit(t, HUNDRED_POINT);
      return x.ok ? x.value.code : x.problem.kind;
    };
    expect([95, 90, 89.9, 80, 60, 59.99, 101].map(r)).toEqual([
      "优秀",
      "优秀",
      "良好",
      "良好",
      "合格",
      "不合格",
      "num",
    ]);
  });
});

describe("needsCorrectiveAction", () => {
  it("below the scale's middle, not at it", () => {
    expect(needsCorrectiveAction({ score: 2, max: 5 })).toBe(true);
    expect(needsCorrectiveAction({ score: 2.5, max: 5 })).toBe(false);
    expect(needsCorrectiveAction({ score: 1, max: 4 })).toBe(true);
    expect(needsCorrectiveAction({ score: 2, max: 4 })).toBe(false);
    expect(needsCorrectiveAction({ score: 4, max: 10 })).toBe(true);
    expect(needsCorrectiveAction({ score: 0, max: 1 })).toBe(true);
    expect(needsCorrectiveAction({ score: 1, max: 1 })).toBe(false);
  });
});
