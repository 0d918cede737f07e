import { DEFAULT_SETTINGS, SETTING_NAMES } from "../core/settings";
import { ProblemError } from "../core/problem";
import { settingsForGeneration, settingsPlan } from "../sheets/settings";
import type ExcelJS from "exceljs";
import { loadXlsx, renameSheetInFile } from "../../test/support/xlsx";
import { xlsxBytes } from "./writeXlsx";
import { workbookReader } from "./reader";

describe("workbookReader: the reader port over an .xlsx workbook", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const { bytes } = await xlsxBytes({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN")] });
    wb = await loadXlsx(renameSheetInFile(bytes, "考核参数", "我的参数")); // found by marker, never by name
  });

  test("finds generated sheets by marker, reads names and rectangles", async () => {
    const reader = workbookReader(wb);
    expect((await reader.findPlans()).map((p) => [p.sheetName, p.marker.kind])).toEqual([["我的参数", "settings"]]);
    const names = await reader.readNames([SETTING_NAMES.slaRadiusKm, "SVC_Nothing"]);
    expect(names).toEqual({ [SETTING_NAMES.slaRadiusKm]: [[100]], SVC_Nothing: undefined });
    const range = await reader.readRange("我的参数", "A1:B2");
    expect([range.sheetName, range.address, range.firstRow, range.values.length]).toEqual(["我的参数", "A1:B2", 1, 2]);
  });

  test("a missing sheet rejects with a ProblemError naming it", async () => {
    await expect(workbookReader(wb).readRange("没有", "A1")).rejects.toThrow(ProblemError);
    await expect(workbookReader(wb).readRange("没有", "A1")).rejects.toThrow('no worksheet "没有"');
  });

  test("the settings decision over it is the panes' one: the renamed sheet is present, nothing to add", async () => {
    const g = await settingsForGeneration(workbookReader(wb), "zh-CN");
    expect(g.add).toEqual([]);
    expect(g.problems).toEqual([]);
    expect(g.settings).toEqual(DEFAULT_SETTINGS);
  });
});
