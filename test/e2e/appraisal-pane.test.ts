/**
 * The appraisal pane in headless Chromium (browser mode), driven as HR would: pick the head
 * template and the hundred-point scale, type the period, paste the people (one row without a
 * name), fix a custom template whose weights are off, generate, and download the .xlsx. Then
 * HR "fills in" scores in the downloaded file, LibreOffice recalculates it, and every weighted
 * score, grade, rank and distribution cell equals the engine. Pictures for the README:
 * docs/screenshots/appraisal-pane.png and appraisal-sheet.png (the printed form).
 *
 * Build first: `npx webpack --mode development`.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { HEAD_TEMPLATE, STAFF_TEMPLATE, formColumns } from "../../src/core/appraisal";
import { RATER_ROLES, type RaterScores } from "../../src/core/scoring";
import { appraisalMarkerOf, appraisalPlan, appraisalPlans, ratersMarkerOf } from "../../src/sheets/appraisal";
import { settingsPlan } from "../../src/sheets/settings";
import { xlsxBytes } from "../../src/xlsx";
import { findPlansInWorkbook } from "../support/exceljs/read";
import { workbookToBuffer } from "../support/exceljs/write";
import { compareWithPlan, recalculateXlsx } from "../support/libreoffice";
import { checkedMeta } from "../support/markers";
import { pdfPageTexts, pdfPageToPng, printXlsxToPdf } from "../support/print";
import { openPane, ROOT, type PaneSession, closeAndCheckErrors } from "./support/pane";

const DOCS = join(ROOT, "docs", "screenshots");
const OUT = join(ROOT, "test-output", "appraisal");

describe("appraisal pane (browser mode)", () => {
  let pane: PaneSession | undefined;

  afterEach(async () => {
    await closeAndCheckErrors(pane);
    pane = undefined;
  });

  test("generates the head form for pasted people; filled in, it computes like the engine", async () => {
    pane = await openPane({ locale: "zh-CN", viewport: { width: 360, height: 1100 } });
    const { page } = pane;
    // The appraisal pane is the first tab.
    await page.getByRole("tab", { name: "考核表" }).click();
    await page.getByTestId("appraisal-generate").waitFor();

    // A custom template with weights that do not add up is refused, naming the group.
    await page.getByText("自定义").click();
    await page.getByRole("textbox", { name: "第 1 组权重" }).fill("50");
    await page
      .locator('[data-field="people"]')
      .fill("姓名\t部门\n张三\t售后一部\n\t售后二部\n李四\t售后二部\n王五\t售后一部");
    await page.getByTestId("people-count").getByText("共 3 人").waitFor();
    await page.getByTestId("people-problems").getByText("第 3 行：这一行没有姓名，已跳过").waitFor();
    await page.getByTestId("appraisal-generate").click();
    await page
      .locator('[data-field-error="template"]')
      .getByText(/各指标组权重合计 90%，应为 100%/)
      .waitFor();
    await pane.screenshot("appraisal-pane-custom-error-zh-CN");

    // The head template, hundred-point scale, Q3.
    await page.getByText("部门负责人（40 / 15 / 15 / 10 / 20）").click();
    await page.getByText("百分制 0–100").click();
    await page.locator('[data-field="period"]').fill("2026-Q3");
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: join(DOCS, "appraisal-pane.png"), fullPage: true });

    const { path } = await pane.download(() => page.getByTestId("appraisal-generate").click());
    await page.getByText("已生成“考核表 2026-Q3”：3 人，5 个指标。").waitFor();
    await page.getByText("工作簿中还没有“考核参数”，已一并创建（默认标准）。").waitFor();
    await pane.screenshot("appraisal-pane-generated-zh-CN");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const plans = findPlansInWorkbook(wb);
    expect(plans.map((p) => p.marker.kind)).toEqual(["settings", "appraisal"]);
    const meta = checkedMeta(appraisalMarkerOf(plans[1]));
    expect(meta).toMatchObject({ template: "head", scale: "hundred", period: "2026-Q3", firstRow: 8, lastRow: 10 });

    // HR fills in the scores (one not assessed) in the downloaded workbook.
    const scores = [
      [95, 90, 88, 92, 90],
      [70, null, 65, 80, 75],
      [55, 60, 50, 58, 59],
    ];
    const ws = wb.getWorksheet(plans[1].sheetName)!;
    scores.forEach((row, i) => row.forEach((v, j) => (ws.getCell(meta.firstRow + i, 5 + j).value = v)));
    const { workbook, elapsedMs } = await recalculateXlsx(await workbookToBuffer(wb));

    // The engine's view of the same form.
    const people = [
      { name: "张三", department: "售后一部" },
      { name: "李四", department: "售后二部" },
      { name: "王五", department: "售后一部" },
    ];
    const expected = appraisalPlan({
      template: HEAD_TEMPLATE,
      period: { year: 2026, quarter: 3 },
      people,
      scale: "hundred",
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      scores,
    });
    if (!expected.ok) throw new Error(expected.problem.message.en);
    const summary = compareWithPlan(
      { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), expected.value] },
      workbook,
      elapsedMs,
    );
    console.log(summary.describe());
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
    const graded = workbook.getWorksheet(plans[1].sheetName)!;
    expect(
      [8, 9, 10].map(
        (r) => (graded.getCell(r, 5 + formColumns(HEAD_TEMPLATE).length + 1).value as { result?: unknown }).result,
      ),
    ).toEqual(["优秀", "合格", "不合格"]);

    // The printed form, for the README.
    // (Printed from our own writer: exceljs re-saving a loaded file drops print settings.)
    const pdf = await printXlsxToPdf(
      (await xlsxBytes({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), expected.value] })).bytes,
      OUT,
      "appraisal",
    );
    const pages = await pdfPageTexts(pdf);
    const formPage = pages.findIndex((p) => p.includes("部门负责人绩效考核表"));
    expect(formPage).toBeGreaterThanOrEqual(0);
    const png = await pdfPageToPng(pdf, formPage + 1, OUT, "appraisal-sheet", 80);
    copyFileSync(png, join(DOCS, "appraisal-sheet.png"));
  });

  test("360°: with the rater sheet ticked, raters score there and the form grades their combined scores like the engine", async () => {
    pane = await openPane({ locale: "zh-CN", viewport: { width: 360, height: 1100 } });
    const { page } = pane;
    await page.getByRole("tab", { name: "考核表" }).click();
    await page.getByTestId("appraisal-generate").waitFor();
    await page.getByText("售后服务人员（业绩 60% · 态度 20% · 能力 20%）").click();
    await page.locator('[data-field="period"]').fill("2026-Q3");
    await page.locator('[data-field="people"]').fill("姓名\t部门\n张三\t售后一部\n李四\t售后一部");
    await page.getByTestId("people-count").getByText("共 2 人").waitFor();
    await page.locator('[data-field="raters"]').check();
    const { path } = await pane.download(() => page.getByTestId("appraisal-generate").click());
    await page.getByText("已生成“考核表 2026-Q3”：2 人，20 个指标。").waitFor();
    await page.getByText("评分请在“360度评价 2026-Q3”中填写，考核表“考核表 2026-Q3”的分数随之计算。").waitFor();
    await pane.screenshot("appraisal-pane-raters-zh-CN");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const plans = findPlansInWorkbook(wb);
    expect(plans.map((p) => p.marker.kind)).toEqual(["settings", "raters", "appraisal"]);
    const meta = checkedMeta(ratersMarkerOf(plans[1]));
    expect(meta).toMatchObject({ people: 2, indicators: 20, firstRow: 7, lastRow: 46 });

    // The raters score in the downloaded workbook: 张三 by everyone, 李四 by the supervisor and customers only.
    const k = formColumns(STAFF_TEMPLATE).length;
    const scores: RaterScores[][] = [
      Array.from({ length: k }, (_, j) => ({ supervisor: 4, peers: 5, subordinates: 3, customers: j % 2 ? 5 : 4 })),
      Array.from({ length: k }, (_, j) => ({ supervisor: j % 3 ? 3 : 2.5, customers: 4 })),
    ];
    const ws = wb.getWorksheet(plans[1].sheetName)!;
    scores.forEach((row, i) =>
      row.forEach((cell, j) =>
        RATER_ROLES.forEach((role, c) => {
          const v = cell[role];
          if (v !== undefined) ws.getCell(meta.firstRow + i * k + j, 7 + c).value = v;
        }),
      ),
    );
    const { workbook, elapsedMs } = await recalculateXlsx(await workbookToBuffer(wb));

    const expected = appraisalPlans({
      template: STAFF_TEMPLATE,
      period: { year: 2026, quarter: 3 },
      people: [
        { name: "张三", department: "售后一部" },
        { name: "李四", department: "售后一部" },
      ],
      scale: "five",
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      raters: { scores },
    });
    if (!expected.ok) throw new Error(expected.problem.message.en);
    const summary = compareWithPlan(
      { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), ...expected.value] },
      workbook,
      elapsedMs,
    );
    console.log(summary.describe());
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
  });
});
