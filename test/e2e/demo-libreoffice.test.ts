/**
 * The demo workbook — every sheet the add-in generates, each later sheet built from the
 * earlier ones read back from the workbook — recalculated in LibreOffice: every formula cell of
 * every sheet equals the engine, in both languages.
 */
import { demoWorkbook } from "../../src/cli/commands/demo";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { compareWithPlan, recalculateXlsx } from "../support/libreoffice";
import { pdfPageTexts, pdfPageToPng, printXlsxToPdf } from "../support/print";

const ROOT = join(__dirname, "..", "..");
const DOCS = join(ROOT, "docs", "screenshots");

describe("demo workbook × LibreOffice", () => {
  it.each(["zh-CN", "en-US"] as const)("%s: every computed cell of every sheet equals the engine", async (locale) => {
    const { bytes, plans } = await demoWorkbook(locale);
    const { workbook: recalculated, elapsedMs } = await recalculateXlsx(bytes);
    const summary = compareWithPlan({ sheets: plans.flatMap((p) => p.sheets) }, recalculated, elapsedMs);
    console.log(summary.describe());
    expect(summary.sheets).toBe(12);
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
  });
});

/** README pictures of the printed KPI table and work-order register, from the demo workbook. */
describe("demo workbook printed", () => {
  it("prints the monthly KPI table and the register for the README", async () => {
    const { bytes } = await demoWorkbook("zh-CN");
    const out = join(ROOT, "test-output", "demo-print");
    const pdf = await printXlsxToPdf(bytes, out, "demo");
    const pages = await pdfPageTexts(pdf);
    const kpi = pages.findIndex((p) => p.includes("月度服务 KPI"));
    const register = pages.findIndex((p) => p.includes("售后服务工单登记表"));
    expect(kpi).toBeGreaterThan(register);
    expect(register).toBeGreaterThan(0);
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(await pdfPageToPng(pdf, kpi + 1, out, "kpi-sheet", 80), join(DOCS, "kpi-sheet.png"));
    copyFileSync(await pdfPageToPng(pdf, register + 1, out, "register-sheet", 80), join(DOCS, "register-sheet.png"));
  });
});
