import { DEFAULT_SETTINGS } from "../../core/settings";
import { tokenizeFormula } from "../formula/tokens";
import { isFormulaCell } from "../plan";
import { isTemporaryName, selfCheckPlan, temporaryName } from "./selfCheckPlan";

describe("selfCheckPlan", () => {
  test("every sample sheet under a temporary name, every cross-sheet reference following it", async () => {
    const check = await selfCheckPlan({ locale: "en-US", settings: DEFAULT_SETTINGS, includeSettingsSheet: true });
    const names = check.plan.sheets.map((s) => s.name);
    expect(names.every((n) => n.startsWith("Check ") && n.length <= 31)).toBe(true);
    expect(names).toContain("Check Appraisal 2026-Q1");
    const referenced = new Set<string>();
    for (const s of check.plan.sheets)
      for (const b of s.cells)
        for (const row of b.rows)
          for (const c of row)
            if (isFormulaCell(c))
              for (const t of tokenizeFormula(c.f))
                if (t.type === "ref" && t.sheet) referenced.add(t.sheet.replace(/^'|'?!$/g, "").replace(/''/g, "'"));
    // The summary and the bonus sheet refer to other sheets; only to temporary ones.
    expect(referenced.size).toBeGreaterThan(0);
    expect([...referenced].filter((n) => !names.includes(n))).toEqual([]);
    expect(check.sheets.map((s) => s.name)).toEqual(names);
    expect(check.settingsGenerated).toBe(true);
    expect(check.functionsSheet).toBe("Check Functions");
    // Every formula cell has an address inside its sheet's read rectangle.
    for (const s of check.sheets) if (s.cells.length > 0) expect(s.readAddress).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
  }, 60_000);

  test("temporary names: the prefix in front, at most 31 characters, recognised in both languages", () => {
    expect(temporaryName("考核表 2026-Q1", "zh-CN")).toBe("自检 考核表 2026-Q1");
    expect(temporaryName("A very long sheet name that is long", "en-US")).toHaveLength(31);
    expect(isTemporaryName("自检 6S汇总")).toBe(true);
    expect(isTemporaryName("Check Settings")).toBe(true);
    expect(isTemporaryName("考核表 2026-Q1")).toBe(false);
    expect(isTemporaryName("Checklist")).toBe(false);
  });
});
