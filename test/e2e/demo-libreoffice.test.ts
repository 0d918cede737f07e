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

/** README pictures of the printed KPI table, its charts and the work-order register, from the demo workbook. */
describe("demo workbook printed", () => {
  it("prints the monthly KPI table with its charts, and the register, for the README", async () => {
    const { bytes } = await demoWorkbook("zh-CN");
    const out = join(ROOT, "test-output", "demo-print");
    const pdf = await printXlsxToPdf(bytes, out, "demo");
    const pages = await pdfPageTexts(pdf);
    const kpi = pages.findIndex((p) => p.includes("月度服务 KPI"));
    const register = pages.findIndex((p) => p.includes("售后服务工单登记表"));
    expect(kpi).toBeGreaterThan(register);
    expect(register).toBeGreaterThan(0);
    // The KPI sheet's print area reaches under its charts, and the chart section starts a page:
    // the page after the table has the chart data and both charts (their titles and legends are
    // text in the PDF; outside the print area a chart is not printed at all).
    const charts = kpi + 1;
    for (const words of ["图表数据", "服务及时率与目标", "客户满意率与目标", "及时率目标", "满意率目标"])
      expect([words, pages[charts]!.includes(words)]).toEqual([words, true]);
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(await pdfPageToPng(pdf, kpi + 1, out, "kpi-sheet", 80), join(DOCS, "kpi-sheet.png"));
    copyFileSync(await pdfPageToPng(pdf, charts + 1, out, "kpi-charts", 80), join(DOCS, "kpi-charts.png"));
    copyFileSync(await pdfPageToPng(pdf, register + 1, out, "register-sheet", 80), join(DOCS, "register-sheet.png"));
  });
});
