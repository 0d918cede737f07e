import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../core/settings";
import { ProblemError } from "../../core/problem";
import { settingsForGeneration, settingsPlan } from "../settings";
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
    await expect(workbook.readRange("T", "A1")).rejects.toThrow(ProblemError);
    await expect(workbook.readRange("T", "A1")).rejects.toThrow('no worksheet "T"');
    const [batched] = await workbook.readRanges([{ sheetName: "S", address: "A1:E1" }]);
    expect(batched!.values).toEqual(r.values);
    expect(await workbook.findPlans()).toEqual([
      { sheetName: "S", marker: { kind: "settings", version: 1, meta: {} } },
    ]);
  });

  test("planWorkbook's names are its plans' named ranges: the settings decision reads them as from a workbook", async () => {
    const workbook = planWorkbook();
    expect((await workbook.readNames([SETTING_NAMES.slaRadiusKm]))[SETTING_NAMES.slaRadiusKm]).toBeUndefined();
    workbook.add({
      sheets: [settingsPlan({ ...DEFAULT_SETTINGS, sla: { ...DEFAULT_SETTINGS.sla, radiusKm: 150 } }, "zh-CN")],
    });
    expect(await workbook.readNames([SETTING_NAMES.slaRadiusKm, "SVC_Nothing"])).toEqual({
      [SETTING_NAMES.slaRadiusKm]: [[150]],
      SVC_Nothing: undefined,
    });
    const g = await settingsForGeneration(workbook, "zh-CN");
    expect(g.add).toEqual([]);
    expect(g.settings.sla.radiusKm).toBe(150);
  });
});
