import { FIVE_POINT, HUNDRED_POINT, type GradeScheme } from "../settings";
import { gradeOf } from "./gradeOf";
import { parseBandTable } from "./parseBandTable";
import { hundredToFivePoint, rescale } from "./rescale";
import { atLeast, atMost } from "./tolerance";
import { validateGradeScheme } from "./validateScheme";
import { expectOk, expectProblem } from "../../../test/support/result";

const code = (score: number, scheme: GradeScheme = FIVE_POINT) => {
  const r = gradeOf(score, scheme);
  return r.ok ? r.value.code : `!${r.problem.kind}`;
};

describe("tolerance", () => {
  it("forgives 1e-9 and no more", () => {
    expect(atLeast(4.9999999999, 5)).toBe(true);
    expect(atLeast(4.999999, 5)).toBe(false);
    expect(atMost(5.0000000001, 5)).toBe(true);
    expect(atMost(5.00001, 5)).toBe(false);
  });
});

describe("gradeOf — five-point (RULES.md#grade-bands)", () => {
  it.each([
    [5, "A"],
    [4.9999999999, "A"],
    [4.99, "B"],
    [4.95, "B"],
    [4, "B"],
    [3.9999999999, "B"],
    [3.99, "C"],
    [3, "C"],
    [2.99, "D"],
    [0, "D"],
  ])("%p → %p (never rounded first)", (s, g) => expect(code(s)).toBe(g));
  it("scores outside 0–5 are 'num'", () => {
    expect(code(5.01)).toBe("!num");
    expect(code(7)).toBe("!num");
    expect(code(-0.1)).toBe("!num");
    expect(code(NaN)).toBe("!num");
    expect(code(Infinity)).toBe("!num");
    const r = gradeOf(7, FIVE_POINT);
    expectProblem(r);
    expect(r.problem.message.en).toBe("score 7 is outside the scale 0–5");
  });
  it("tolerates noise at the scale's ends", () => {
    expect(code(5.0000000001)).toBe("A");
    expect(code(-1e-10)).toBe("D");
  });
});

describe("gradeOf — hundred-point and user schemes", () => {
  it.each([
    [100, "优秀"],
    [90, "优秀"],
    [89.9999999999, "优秀"],
    [89.99, "良好"],
    [80, "良好"],
    [60, "合格"],
    [59.9, "不合格"],
    [0, "不合格"],
  ])("%p → %p", (s, g) => expect(code(s, HUNDRED_POINT)).toBe(g));
  it("grades S/A/B/C/D 95/85/70/60 with D for anything lower", () => {
    const t = parseBandTable([
      [95, "S"],
      [85, "A"],
      [70, "B"],
      [60, "C"],
      [null, "D"],
    ]);
    expectOk(t);
    expect([96, 95, 94.9, 85, 70, 69.99, 60, 59, -5].map((s) => code(s, t.value))).toEqual([
      "S",
      "S",
      "A",
      "A",
      "B",
      "C",
      "C",
      "D",
      "D",
    ]);
  });
  it("a score below a bounded lowest band is 'num'", () => {
    const t = parseBandTable([
      [90, "优秀"],
      [80, "良好"],
      [60, "合格"],
    ]);
    if (!t.ok) throw new Error("table");
    expect(code(59, t.value)).toBe("!num");
    expect(code(1000, t.value)).toBe("优秀");
  });
});

describe("validateGradeScheme", () => {
  const band = (lower: number, c: string) => ({ lower, code: c, zh: c, en: c });
  it("accepts the policy schemes", () => {
    expect(validateGradeScheme(FIVE_POINT).ok).toBe(true);
    expect(validateGradeScheme(HUNDRED_POINT).ok).toBe(true);
  });
  it("refuses non-decreasing bounds, naming them — never reorders", () => {
    const r = validateGradeScheme({ min: 0, max: 100, bands: [band(80, "B"), band(90, "A")] });
    expectProblem(r);
    expect(r.problem.kind).toBe("value");
    expect(r.problem.message.en).toBe("grade bounds must be strictly decreasing: 80 (row 1) then 90 (row 2)");
    expect(r.problem.message.zh).toContain("严格递减");
    expect(validateGradeScheme({ min: 0, max: 100, bands: [band(80, "A"), band(80, "B")] }).ok).toBe(false);
  });
  it("refuses empty schemes, duplicate or empty codes, bad ranges, NaN bounds, bounds above max", () => {
    expect(validateGradeScheme({ min: 0, max: 5, bands: [] }).ok).toBe(false);
    expect(validateGradeScheme({ min: 0, max: 5, bands: [band(4, "A"), band(0, "a")] }).ok).toBe(false);
    expect(validateGradeScheme({ min: 0, max: 5, bands: [band(4, " ")] }).ok).toBe(false);
    expect(validateGradeScheme({ min: 5, max: 5, bands: [band(4, "A")] }).ok).toBe(false);
    expect(validateGradeScheme({ min: 0, max: 5, bands: [band(NaN, "A")] }).ok).toBe(false);
    expect(validateGradeScheme({ min: 0, max: 5, bands: [band(6, "A"), band(0, "B")] }).ok).toBe(false);
    expect(validateGradeScheme({ min: 0, max: 5, bands: [band(-Infinity, "A"), band(-Infinity, "B")] }).ok).toBe(false);
  });
});

describe("parseBandTable", () => {
  it("skips blank rows and reads text bounds", () => {
    const r = parseBandTable([
      [90, "优秀"],
      ["80", "良好"],
      [null, null],
      [60, "合格"],
      [0, "不合格"],
      ["", ""],
    ]);
    expect(r.ok && r.value.bands.map((b) => [b.lower, b.code])).toEqual([
      [90, "优秀"],
      [80, "良好"],
      [60, "合格"],
      [0, "不合格"],
    ]);
  });
  it("names what is wrong", () => {
    const cases: [unknown[][], string][] = [
      [[], "empty"],
      [[[90]], "two columns"],
      [[[90, null]], "no grade"],
      [
        [
          [null, "A"],
          [0, "B"],
        ],
        "only the last row may be blank",
      ],
      [[["x", "A"]], "not a number"],
      [
        [
          [60, "合格"],
          [90, "优秀"],
        ],
        "strictly decreasing",
      ],
      [[[90, true]], "TRUE"],
    ];
    for (const [rows, fragment] of cases) {
      const r = parseBandTable(rows);
      expectProblem(r);
      expect(r.problem.message.en).toContain(fragment);
    }
  });
  it("numeric codes become text", () => {
    const r = parseBandTable([
      [90, 1],
      [0, 2],
    ]);
    expect(r.ok && r.value.bands.map((b) => b.code)).toEqual(["1", "2"]);
  });
});

describe("rescale / hundredToFivePoint", () => {
  it("divides by 20 with the default scales", () => {
    expect(hundredToFivePoint(90)).toEqual({ ok: true, value: 4.5 });
    expect(hundredToFivePoint(85)).toEqual({ ok: true, value: 4.25 });
    expect(hundredToFivePoint(100)).toEqual({ ok: true, value: 5 });
    expect(hundredToFivePoint(0)).toEqual({ ok: true, value: 0 });
  });
  it("refuses scores outside the source scale", () => {
    expect(hundredToFivePoint(120).ok).toBe(false);
    expect(hundredToFivePoint(-1).ok).toBe(false);
    expect(hundredToFivePoint(NaN).ok).toBe(false);
  });
  it("refuses open scales", () => {
    expect(rescale(1, { min: 0, max: Infinity, bands: [] }, FIVE_POINT).ok).toBe(false);
  });
});
