import { DEFAULT_SETTINGS, SETTING_NAMES } from "../core/settings";
import { ProblemError } from "../core/problem";
import { settingsForGeneration, settingsPlan } from "../sheets/settings";
import type { WorkbookReader } from "../sheets/reader";
import { loadXlsx, renameSheetInFile } from "../../test/support/xlsx";
import { xlsxBytes } from "./writeXlsx";
import { openXlsx } from "./readXlsx";
import { xlsxBookReader } from "./reader";
import { workbookReader } from "../../test/support/exceljs/reader";

// The same file through both adapters: the tests' exceljs reader (test support, an independent check)
// and the safe reader's XlsxBook (input files and --in workbooks). The settings sheet is renamed, so it can only
// be found by its marker.
let file: Uint8Array;
beforeAll(async () => {
  const { bytes } = await xlsxBytes({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN")] });
  file = renameSheetInFile(bytes, "考核参数", "我的参数");
});
const adapters: [string, () => Promise<WorkbookReader>][] = [
  ["workbookReader (exceljs)", async () => workbookReader(await loadXlsx(file))],
  ["xlsxBookReader (safe reader)", async () => xlsxBookReader(openXlsx(file))],
];

describe.each(adapters)("%s: the reader port over an .xlsx file", (_, open) => {
  test("finds generated sheets by marker, reads names and rectangles", async () => {
    const reader = await open();
    expect((await reader.findPlans()).map((p) => [p.sheetName, p.marker.kind])).toEqual([["我的参数", "settings"]]);
    const names = await reader.readNames([SETTING_NAMES.slaRadiusKm, "SVC_Nothing"]);
    expect(names).toEqual({ [SETTING_NAMES.slaRadiusKm]: [[100]], SVC_Nothing: undefined });
    const range = await reader.readRange("我的参数", "A1:B2");
    expect([range.sheetName, range.address, range.firstRow, range.values.length]).toEqual(["我的参数", "A1:B2", 1, 2]);
    const [batched] = await reader.readRanges([{ sheetName: "我的参数", address: "A1:B2" }]);
    expect(batched!.values).toEqual(range.values);
  });

  test("a missing sheet rejects with a ProblemError naming it", async () => {
    const reader = await open();
    await expect(reader.readRange("没有", "A1")).rejects.toThrow(ProblemError);
    await expect(reader.readRange("没有", "A1")).rejects.toThrow('no worksheet "没有"');
  });

  test("the settings decision over it is the panes' one: the renamed sheet is present, nothing to add", async () => {
    const g = await settingsForGeneration(await open(), "zh-CN");
    expect(g.add).toEqual([]);
    expect(g.settings).toEqual(DEFAULT_SETTINGS);
  });
});
