import { DEFAULT_SETTINGS } from "../../core/settings";
import { demoWorkbook } from "../../cli/commands/demo";
import { buildSampleWorkbook } from "./sampleWorkbook";
import { planWorkbook } from "./planWorkbook";

const KINDS = [
  "settings",
  "appraisal",
  "appraisal",
  "appraisal",
  "appraisal",
  "register",
  "problems",
  "kpi",
  "audit6s",
  "audit6s",
  "audit6sSummary",
  "bonus",
];

describe("sample workbook", () => {
  test("read back from the plans (the self-check) it is the same as read back from an .xlsx file (demo)", async () => {
    const fromPlans = await buildSampleWorkbook(planWorkbook(), {
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      includeSettingsSheet: true,
    });
    const fromFile = (await demoWorkbook("zh-CN")).plans;
    expect(fromPlans.flatMap((p) => p.sheets.map((s) => s.marker.kind))).toEqual(KINDS);
    // The 6S summary and the bonus sheet are built from sheets read back; the same plans come
    // out whichever way they were read, so the plan reader reads what a workbook holds.
    expect(JSON.stringify(fromPlans)).toBe(JSON.stringify(fromFile));
  }, 60_000);

  test("without the settings sheet (the workbook has its own), every other kind is still built", async () => {
    const workbook = planWorkbook();
    const plans = await buildSampleWorkbook(workbook, {
      locale: "en-US",
      settings: DEFAULT_SETTINGS,
      includeSettingsSheet: false,
    });
    expect(plans.flatMap((p) => p.sheets.map((s) => s.marker.kind))).toEqual(KINDS.slice(1));
    expect(workbook.sheets.map((s) => s.actualName)).toContain("Appraisal 2026-Q1");
  }, 60_000);

  test("planWorkbook reads formula cells as their expectations and literals as written", async () => {
    const workbook = planWorkbook();
    workbook.add({
      sheets: [
        {
          name: "S",
          marker: { kind: "settings", version: 1, meta: {} },
          markerCell: "Z1",
          cells: [
            { at: "A1", rows: [["007", 2, { f: "=B1*2", expect: 4 }, { f: "=NA()", expect: { error: "#N/A" } }]] },
          ],
        },
      ],
    });
    const r = await workbook.readRange("S", "A1:E1");
    expect(r.values).toEqual([["007", 2, 4, "#N/A", null]]);
    await expect(workbook.readRange("T", "A1")).rejects.toThrow('no sheet "T"');
    expect(await workbook.findPlans()).toEqual([
      { sheetName: "S", marker: { kind: "settings", version: 1, meta: {} } },
    ]);
  });
});
