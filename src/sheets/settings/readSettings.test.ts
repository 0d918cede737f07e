import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../core/settings";
import type { FoundPlan } from "../plan";
import { decideWorkbookSettings } from "./readSettings";

const settingsSheet: FoundPlan = { sheetName: "考核参数", marker: { kind: "settings", version: 1, meta: {} } };
const otherSheet: FoundPlan = { sheetName: "考核表", marker: { kind: "appraisal", version: 1, meta: {} } };

describe("decideWorkbookSettings", () => {
  test("no settings sheet and no settings names → absent (the pane offers to create it)", () => {
    expect(decideWorkbookSettings([otherSheet], {})).toEqual({ status: "absent" });
    expect(decideWorkbookSettings([], { [SETTING_NAMES.slaRadiusKm]: undefined })).toEqual({ status: "absent" });
  });

  test("a sheet with marker kind settings → present under its actual name, values read back", () => {
    const state = decideWorkbookSettings([otherSheet, { ...settingsSheet, sheetName: "考核参数 (2)" }], {
      [SETTING_NAMES.slaRadiusKm]: [[150]],
    });
    expect(state.status).toBe("present");
    if (state.status !== "present") return;
    expect(state.sheetName).toBe("考核参数 (2)");
    expect(state.settings.sla.radiusKm).toBe(150);
  });

  test("settings names without a marker (a copied or renamed sheet) still count as present", () => {
    const state = decideWorkbookSettings([], { [SETTING_NAMES.kpiCsatThreshold]: [[9]] });
    expect(state).toMatchObject({ status: "present", sheetName: null });
    if (state.status === "present") expect(state.settings.kpi.csatThreshold).toBe(9);
  });

  test("an unreadable value is reported, not silently replaced", () => {
    const state = decideWorkbookSettings([settingsSheet], { [SETTING_NAMES.slaRadiusKm]: [["far"]] });
    expect(state.status).toBe("present");
    if (state.status !== "present") return;
    expect(state.settings.sla.radiusKm).toBe(DEFAULT_SETTINGS.sla.radiusKm);
    expect(state.problems.length).toBeGreaterThan(0);
    expect(state.problems.map((p) => p.message.en).join(" ")).toContain(SETTING_NAMES.slaRadiusKm);
  });
});
