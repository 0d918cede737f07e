import { ProblemError } from "../../core/problem";
import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../core/settings";
import type { FoundPlan, Scalar } from "../plan";
import { sequentialBatches, type WorkbookReader } from "../reader";
import { decideWorkbookSettings, settingsForGeneration, SETTINGS_UNREADABLE } from "./readSettings";
import { settingsPlan } from "./settingsPlan";

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

/** A reader over markers and name values alone (no sheet is read by the settings decision). */
function readerOf(plans: FoundPlan[], values: Record<string, Scalar[][] | undefined>): WorkbookReader {
  const reads: Pick<WorkbookReader, "findPlans" | "readRange" | "readNames"> = {
    findPlans: async () => plans,
    readRange: async () => {
      throw new Error("the settings decision reads no range");
    },
    readNames: async (names) => Object.fromEntries(names.map((n) => [n, values[n]])),
  };
  return { ...reads, ...sequentialBatches(reads) };
}

describe("settingsForGeneration: the one rule for every generation (panes, command line, self-check)", () => {
  test("a 考核参数 with a value that cannot be read refuses: ProblemError, reason settings.unreadable, both languages", async () => {
    const reader = readerOf([settingsSheet], {
      [SETTING_NAMES.slaRadiusKm]: [["far"]],
      [SETTING_NAMES.kpiCsatThreshold]: [[9]],
    });
    const refused = await settingsForGeneration(reader, "zh-CN").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    const p = (refused as ProblemError).problem;
    expect(p.reason?.code).toBe(SETTINGS_UNREADABLE);
    expect(String(p.reason?.params?.names).split(", ")).toContain(SETTING_NAMES.slaRadiusKm);
    expect(p.message.zh).toMatch(/^“考核参数”中有值无法读取：.*SVC_SLA_RadiusKm：.*因此未做任何修改/);
    expect(p.message.en).toMatch(
      /^Some values of the Settings sheet \(考核参数\) cannot be read: .*SVC_SLA_RadiusKm: /,
    );
    // Nothing falls back to a default here: the "default is used" ending is gone.
    expect(p.message.zh).not.toContain("已使用默认值");
    expect(p.message.en).not.toContain("the default is used");
  });

  test("no 考核参数 at all: the defaults, and the sheet to create with the generation", async () => {
    const absent = await settingsForGeneration(readerOf([], {}), "en-US");
    expect(absent.settings).toEqual(DEFAULT_SETTINGS);
    expect(absent.add).toEqual([settingsPlan(DEFAULT_SETTINGS, "en-US")]);
  });
});
