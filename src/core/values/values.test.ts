import { isBlank, isNotApplicableMark } from "./blank";
import { describeValue, formatNumber } from "./describe";
import { normalizeText } from "./text";
import { parseNumericText, toNumber } from "./toNumber";
import { parseYesNo } from "./yesNo";
import { expectProblem } from "../../../test/support/result";

describe("normalizeText", () => {
  it("turns full-width forms into ASCII and trims", () => {
    expect(normalizeText("  ８５％ ")).toBe("85%");
    expect(normalizeText("2026年10月5日　8：30")).toBe("2026年10月5日 8:30");
    expect(normalizeText("a \t\n b")).toBe("a b");
  });
});

describe("isBlank / isNotApplicableMark", () => {
  it.each([null, undefined, "", "   ", "\t"])("%p is blank", (v) => expect(isBlank(v)).toBe(true));
  it.each([0, false, "0", "x", NaN])("%p is not blank", (v) => expect(isBlank(v)).toBe(false));
  it.each(["N/A", "n/a", "NA", "不适用", " ｎ／ａ "])("%p is an N/A mark", (v) =>
    expect(isNotApplicableMark(v)).toBe(true),
  );
  it.each(["", null, 0, "no", "否"])("%p is not an N/A mark", (v) => expect(isNotApplicableMark(v)).toBe(false));
});

describe("describeValue / formatNumber", () => {
  it("names values in both languages", () => {
    expect(describeValue("abc")).toEqual({ zh: "文本“abc”", en: 'text "abc"' });
    expect(describeValue(true).en).toBe("TRUE");
    expect(describeValue(null).en).toBe("a blank cell");
    expect(describeValue({}).en).toBe("an unrecognised value");
    expect(describeValue("x".repeat(100)).en.length).toBeLessThan(60);
  });
  it("hides binary noise", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(NaN)).toBe("NaN");
    expect(formatNumber(-Infinity)).toBe("-Infinity");
  });
});

describe("toNumber", () => {
  it("passes finite numbers", () => {
    expect(toNumber(85)).toEqual({ ok: true, value: 85 });
    expect(toNumber(-0.5)).toEqual({ ok: true, value: -0.5 });
  });
  it("reads numeric text, percent, thousands separators and full-width digits", () => {
    expect(toNumber("85%")).toEqual({ ok: true, value: 0.85 });
    expect(toNumber(" 1,234.5 ")).toEqual({ ok: true, value: 1234.5 });
    expect(toNumber("８５")).toEqual({ ok: true, value: 85 });
    expect(toNumber("+1e3")).toEqual({ ok: true, value: 1000 });
    expect(toNumber(".5")).toEqual({ ok: true, value: 0.5 });
  });
  it("gives null for blanks", () => {
    expect(toNumber(null)).toEqual({ ok: true, value: null });
    expect(toNumber("  ")).toEqual({ ok: true, value: null });
  });
  it("refuses booleans and other text as 'value', non-finite numbers as 'num'", () => {
    const b = toNumber(true, { zh: "分数", en: "score" });
    expectProblem(b);
    expect(b.problem.kind).toBe("value");
    expect(b.problem.message.en).toBe("score is TRUE, not a number");
    for (const v of ["abc", "12 apples", "1,23", "1.2.3", "%", {}]) {
      const r = toNumber(v);
      expect(r.ok ? null : r.problem.kind).toBe("value");
    }
    for (const v of [NaN, Infinity, -Infinity]) {
      const r = toNumber(v);
      expect(r.ok ? null : r.problem.kind).toBe("num");
    }
  });
  it("parseNumericText returns null for non-numbers", () => {
    expect(parseNumericText("1e999")).toBeNull();
    expect(parseNumericText("")).toBeNull();
    expect(parseNumericText("12%")).toBe(0.12);
  });
});

describe("parseYesNo", () => {
  it.each(["是", "Y", "yes", "TRUE", "true", "1", "✓", "✔", "√", "对", "Ｙ"])("%p is yes", (v) =>
    expect(parseYesNo(v, "no")).toEqual({ ok: true, value: true }),
  );
  it.each(["否", "N", "no", "FALSE", "0", "✗", "✘", "×", "错"])("%p is no", (v) =>
    expect(parseYesNo(v, "no")).toEqual({ ok: true, value: false }),
  );
  it("accepts logical and 1/0 numbers", () => {
    expect(parseYesNo(true, "no")).toEqual({ ok: true, value: true });
    expect(parseYesNo(0, "missing")).toEqual({ ok: true, value: false });
    expect(parseYesNo(1, "missing")).toEqual({ ok: true, value: true });
  });
  it("makes blank handling explicit", () => {
    expect(parseYesNo(null, "no")).toEqual({ ok: true, value: false });
    expect(parseYesNo("", "missing")).toEqual({ ok: true, value: null });
  });
  it("refuses anything else, naming it", () => {
    for (const v of [2, "maybe", "x", -1, {}]) {
      const r = parseYesNo(v, "no");
      expectProblem(r);
      expect(r.problem.kind).toBe("value");
    }
    const r = parseYesNo("maybe", "no");
    expectProblem(r);
    expect(r.problem.message.en).toContain('text "maybe"');
  });
});
