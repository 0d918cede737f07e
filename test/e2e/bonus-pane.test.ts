/**
 * The 奖金 pane in headless Chromium, browser mode:
 * 1. upload finance's table (.csv), enter an own quarter formula — first one the locked-down
 *    parser refuses (the message names the offending part, which is marked), then a valid one
 *    (the pane shows its Excel formula) — set a budget pool, check the preview against the
 *    engine, generate, and recalculate the downloaded .xlsx in LibreOffice: every formula cell
 *    equals the engine, and the quarter column holds the formula's Excel translation;
 * 2. open a workbook with the year's appraisal forms and read the grades from them (by marker);
 * 3. the same in English, with a year-end formula.
 * Screenshots: test-output/screenshots/bonus-pane-*.png, and docs/screenshots/bonus-pane*.png.
 *
 * Build first: `npx webpack --mode development` (or set PANE_DIST to another build).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { STAFF_TEMPLATE } from "../../src/core/appraisal";
import { parseFormula } from "../../src/core/formula";
import { BONUS_FORMULA_LANGUAGE, readBonusTable } from "../../src/core/bonus";
import { appraisalPlan } from "../../src/sheets/appraisal";
import { settingsPlan } from "../../src/sheets/settings";
import { bonusMarkerOf, bonusPlan } from "../../src/sheets/bonus";
import { xlsxBytes } from "../../src/xlsx";
import { findPlansInWorkbook } from "../support/exceljs/read";
import { readTableFile } from "../../src/xlsx/readFile";
import { compareWithPlan, recalculateXlsx } from "../support/libreoffice";
import { checkedMeta } from "../support/markers";
import { closePaneAfterEachTest, screenshotForDocs, settledScreenshot } from "./support/pane";

const ROOT = resolve(__dirname, "../..");
const FIXTURE = join(ROOT, "test/fixtures/bonus/people-2026.csv");

async function choosePeriod(page: Page, year: number, quarter: number): Promise<void> {
  await page.getByTestId("bonus-year").selectOption(String(year));
  await page.getByTestId("bonus-quarter").selectOption(String(quarter));
}

describe("奖金 pane (browser mode)", () => {
  const openTestPane = closePaneAfterEachTest();

  test("a custom formula: refused with the offending part marked, then accepted, shown as Excel, generated — and the sheet computes the engine's numbers in LibreOffice", async () => {
    const pane = await openTestPane({ locale: "zh-CN", viewport: { width: 380, height: 1100 }, tab: "奖金" });
    const { page } = pane;
    await page.getByTestId("bonus-pane").waitFor();
    await choosePeriod(page, 2026, 4);
    await page.getByTestId("bonus-source").getByText(".xlsx 或 .csv 文件").click();
    await page
      .getByTestId("bonus-file-input")
      .setInputFiles({ name: "奖金名单.csv", mimeType: "text/csv", buffer: readFileSync(FIXTURE) });
    await page.getByTestId("bonus-people").waitFor();
    await expect(page.getByTestId("bonus-people").textContent()).resolves.toBe("2026 年：10 人");
    // The unreadable grade and the blank pay are listed with the user's row and column.
    await expect(page.getByTestId("bonus-problems").textContent()).resolves.toContain("第四季度等级");

    // A refused formula: the message names the part and its position; the part is marked.
    await page.getByTestId("bonus-use-quarter-formula").click();
    await page.getByTestId("bonus-quarter-formula").fill('全年绩效 * 季度比例 * evaluate("系数")');
    const refused = page.getByTestId("bonus-quarter-refused");
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain("公式第 15 个字符“evaluate”：不允许调用函数 evaluate");
    await expect(refused.locator("mark").textContent()).resolves.toBe("evaluate");
    await expect(page.getByTestId("bonus-generate").getAttribute("aria-disabled")).resolves.toBe("true");
    await screenshotForDocs(pane, "bonus-pane-refused-zh-CN");

    // Accepted: the Excel formula of the first person's cell.
    const formula = 'if(等级 == "D", 0, round(全年绩效 * 季度比例 * 系数, 2)) + min(200, 50 * 季度)';
    await page.getByTestId("bonus-quarter-formula").fill(formula);
    await page.getByTestId("bonus-quarter-excel").waitFor();
    const excel = (await page.getByTestId("bonus-quarter-excel").textContent()) ?? "";
    expect(excel).toContain(
      '=IF(OR(G9="",K9=""),"",IF(K9=SVC_Bonus_FailedGrade,0,IF(K9="D",0,ROUND(G9*SVC_Bonus_QuarterRate*O9,2))+MIN(200,50*$E$3)))',
    );

    // A budget pool: the preview shows the factor; the pool cell moves the table down a row.
    await page.getByTestId("bonus-use-pool").click();
    await page.getByTestId("bonus-pool").fill("30000");
    await page.getByTestId("bonus-preview").waitFor();
    const shownExcel = (await page.getByTestId("bonus-quarter-excel").textContent()) ?? "";
    expect(shownExcel).toContain("G10*SVC_Bonus_QuarterRate*O10");

    // The preview is the engine's.
    const range = await readTableFile(FIXTURE, { kind: "csv" });
    const read = readBonusTable(range.values, { year: 2026, firstRow: range.firstRow, settings: DEFAULT_SETTINGS });
    const f = parseFormula(formula, BONUS_FORMULA_LANGUAGE);
    if (!f.ok) throw new Error(f.problem.message.en);
    const engine = bonusPlan({
      year: 2026,
      quarter: 4,
      people: read.people,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      quarterFormula: f.value,
      pool: 30000,
      source: { zh: "奖金名单.csv", en: "奖金名单.csv" },
      inputProblems: read.problems,
    });
    if (!engine.ok) throw new Error(engine.problem.message.en);
    const first = engine.value.result.people[0];
    await expect(page.locator('[data-preview-row="张三"]').textContent()).resolves.toContain(
      (first.pooled as number).toLocaleString("en-US", { minimumFractionDigits: 2 }),
    );
    await screenshotForDocs(pane, "bonus-pane-zh-CN");

    // Generate: the download holds 考核参数 and 季度奖金 2026-Q4.
    const { path } = await pane.download(() => page.getByTestId("bonus-generate").click());
    await page.getByText("已生成：考核参数、季度奖金 2026-Q4。").waitFor();
    const bytes = new Uint8Array(readFileSync(path));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const found = findPlansInWorkbook(wb);
    expect(found.map((p) => [p.sheetName, p.marker.kind])).toEqual([
      ["考核参数", "settings"],
      ["季度奖金 2026-Q4", "bonus"],
    ]);
    const meta = checkedMeta(bonusMarkerOf(found[1]));
    expect(meta.quarterFormula).toBe(formula);
    const written = wb.getWorksheet("季度奖金 2026-Q4")!.getCell(`${meta.columns.quarterExact}${meta.firstRow}`)
      .value as ExcelJS.CellFormulaValue;
    // The cell holds what the pane showed (which writes the row's own references without "$").
    expect(shownExcel).toContain(`=${written.formula}`.replace(/\$([A-Z]+)(10)(?!\d)/g, "$1$2"));

    // Recalculated in LibreOffice, the downloaded sheet equals the engine in every formula cell.
    const { workbook, elapsedMs } = await recalculateXlsx(bytes);
    const summary = compareWithPlan(
      { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), engine.value.plan] },
      workbook,
      elapsedMs,
    );
    console.log(summary.describe());
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
    expect(summary.cellsCompared).toBeGreaterThan(150);
    await settledScreenshot(pane, "bonus-pane-generated-zh-CN");
  });

  test("the grades come from the appraisal forms of an opened workbook, found by their marker", async () => {
    const forms = ([1, 2, 3] as const).map((quarter) => {
      const r = appraisalPlan({
        template: STAFF_TEMPLATE,
        period: { year: 2026, quarter },
        people: [
          { name: "张三", id: "S001", department: "一部" },
          { name: "李四", id: "S002", department: "一部" },
          { name: "王五", id: "S003", department: "二部" },
        ],
        scale: "five",
        locale: "zh-CN",
        settings: DEFAULT_SETTINGS,
        scores: [5, quarter === 1 ? 2 : 4, 3].map((s) => Array.from({ length: 20 }, () => s)),
      });
      if (!r.ok) throw new Error(r.problem.message.en);
      return r.value;
    });
    const { bytes: book } = await xlsxBytes({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), ...forms] });
    const pane = await openTestPane({ locale: "zh-CN", viewport: { width: 380, height: 1000 } });
    const { page } = pane;
    await page.getByTestId("browser-open-input").setInputFiles({
      name: "考核.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(book),
    });
    await page.getByText("已打开 考核.xlsx").first().waitFor();
    await page.getByRole("tab", { name: "奖金" }).click();
    await choosePeriod(page, 2026, 3);
    await page.getByTestId("bonus-read-forms").click();
    await page.getByTestId("bonus-people").waitFor();
    await expect(page.getByTestId("bonus-people").textContent()).resolves.toBe("2026 年：3 人");
    // Pay is not on the forms: the preview says so rather than showing zeros.
    await expect(page.getByTestId("bonus-preview").textContent()).resolves.toContain(
      "3 人缺少岗位标准绩效、考核奖金比例或本季度等级",
    );
    const { path } = await pane.download(() => page.getByTestId("bonus-generate").click());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const bonus = findPlansInWorkbook(wb).find((p) => p.marker.kind === "bonus")!;
    const meta = checkedMeta(bonusMarkerOf(bonus));
    const ws = wb.getWorksheet(bonus.sheetName)!;
    const grades = [0, 1, 2].map((i) => meta.gradeColumns.map((c) => ws.getCell(`${c}${meta.firstRow + i}`).value));
    expect(grades).toEqual([
      ["A", "A", "A"],
      ["D", "B", "B"],
      ["C", "C", "C"],
    ]);
    // The opened workbook's sheets stay; its settings are used, not added again.
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "考核参数",
      "考核表 2026-Q1",
      "考核表 2026-Q2",
      "考核表 2026-Q3",
      "季度奖金 2026-Q3",
    ]);
  });

  test("English: a year-end formula, and a formula refused for a Unicode trick", async () => {
    const pane = await openTestPane({ locale: "en-US", viewport: { width: 380, height: 1100 }, tab: "Bonus" });
    const { page } = pane;
    await choosePeriod(page, 2026, 4);
    await page.getByTestId("bonus-source").getByText("An .xlsx or .csv file").click();
    await page
      .getByTestId("bonus-file-input")
      .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: readFileSync(FIXTURE) });
    await page.getByTestId("bonus-people").waitFor();
    await page.getByTestId("bonus-use-year-end-formula").click();
    await page.getByTestId("bonus-year-end-formula").fill("annual\u200b * yearEndRate");
    await expect(page.getByTestId("bonus-year-end-refused").textContent()).resolves.toContain(
      "at character 7: a zero-width space (U+200B) is not allowed",
    );
    await page.getByTestId("bonus-year-end-formula").fill("max(annual * yearEndRate - 100 * yellowCards, 0)");
    await expect(page.getByTestId("bonus-year-end-excel").textContent()).resolves.toContain(
      'IF(R9="forfeited",0,MAX(G9*SVC_Bonus_YearEndRate-100*N(L9),0))',
    );
    await page.getByTestId("bonus-preview").waitFor();
    await expect(page.locator('[data-preview-row="李四"]').textContent()).resolves.toContain("failed quarters: 2 (≥2)");
    await screenshotForDocs(pane, "bonus-pane-en-US");
  });
});
