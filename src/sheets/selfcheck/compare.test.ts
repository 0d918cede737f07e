import { matchesExpected, showComputed } from "./compare";

describe("matchesExpected (LibreOffice harness and Excel self-check)", () => {
  test("numbers within a relative 1e-9, or an absolute 1e-9 near zero", () => {
    expect(matchesExpected(1e12, 1e12 + 100)).toBe(true);
    expect(matchesExpected(1e12, 1e12 + 10_000)).toBe(false);
    expect(matchesExpected(0, 5e-10)).toBe(true);
    expect(matchesExpected(0, 5e-9)).toBe(false);
    expect(matchesExpected(4.25, "4.25")).toBe(false);
  });

  test("empty is empty; errors match only the same error, never text", () => {
    expect(matchesExpected("", null)).toBe(true);
    expect(matchesExpected(null, "")).toBe(true);
    expect(matchesExpected("", 0)).toBe(false);
    expect(matchesExpected({ error: "#N/A" }, { error: "#N/A" })).toBe(true);
    expect(matchesExpected({ error: "#N/A" }, "#N/A")).toBe(false);
    expect(matchesExpected({ error: "#N/A" }, { error: "#VALUE!" })).toBe(false);
    expect(matchesExpected("A", { error: "#N/A" })).toBe(false);
    expect(matchesExpected(true, true)).toBe(true);
    expect(matchesExpected(true, 1)).toBe(false);
  });

  test("values shown for a report line", () => {
    expect(showComputed({ error: "#DIV/0!" })).toBe("#DIV/0!");
    expect(showComputed("")).toBe("(empty)");
    expect(showComputed("良好")).toBe('"良好"');
    expect(showComputed(0.1 + 0.2)).toBe("0.3");
    expect(showComputed(undefined)).toBe("(none)");
    expect(showComputed(true)).toBe("TRUE");
  });
});
