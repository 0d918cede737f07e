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

  test("covers the record kinds (issue 12): each with formula cells the engine gave values to", async () => {
    const check = await selfCheckPlan({ locale: "zh-CN", settings: DEFAULT_SETTINGS, includeSettingsSheet: true });
    const kinds = ["partsLedger", "partsMoves", "stockTake", "warrantyParts", "secondaryClaims", "claimSuppliers"];
    const logsAndVisits = ["callLog", "conductLog", "returnVisits", "returnVisitSummary", "returnFollowUps"];
    for (const kind of [...kinds, ...logsAndVisits]) {
      const sheets = check.sheets.filter((s) => s.kind === kind);
      expect([kind, sheets.length]).toEqual([kind, 1]);
      expect(sheets[0]!.cells.filter((c) => c.expect !== undefined).length).toBeGreaterThan(0);
    }
    // The 三包件 sheet's terms read 考核参数 by name; with an older 考核参数 they are values.
    const warranty = check.plan.sheets.find((s) => s.marker.kind === "warrantyParts")!;
    const c3 = (sheet: typeof warranty) => sheet.cells.find((b) => b.at === "C3")!.rows[0]![0];
    expect(c3(warranty)).toEqual({ f: "=SVC_Warranty_Months", expect: 24 });
    const older = await selfCheckPlan({
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      includeSettingsSheet: false,
      warrantyNames: false,
    });
    expect(c3(older.plan.sheets.find((s) => s.marker.kind === "warrantyParts")!)).toBe(24);
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
