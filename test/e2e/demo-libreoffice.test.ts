/**
 * The demo workbook — every sheet the add-in generates, each later sheet built from the
 * earlier ones read back from the workbook — recalculated in LibreOffice: every formula cell of
 * every sheet equals the engine, in both languages.
 */
import { demoWorkbook } from "../../src/cli/commands/demo";
import { workbookToBuffer } from "../../src/xlsx";
import { compareWithPlan, recalculateXlsx } from "../support/libreoffice";

describe("demo workbook × LibreOffice", () => {
  it.each(["zh-CN", "en-US"] as const)("%s: every computed cell of every sheet equals the engine", async (locale) => {
    const { workbook, plans } = await demoWorkbook(locale);
    const { workbook: recalculated, elapsedMs } = await recalculateXlsx(await workbookToBuffer(workbook));
    const summary = compareWithPlan({ sheets: plans.flatMap((p) => p.sheets) }, recalculated, elapsedMs);
    console.log(summary.describe());
    expect(summary.sheets).toBe(12);
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
  });
});
