/**
 * The 记录 (Records) pane in headless Chromium, browser mode: the section list shows the
 * 来电来函 section; a bad as-of is named at its field; the example log is generated, downloaded,
 * found by marker and recalculated in LibreOffice — every formula cell equals the engine.
 * Screenshots: test-output/screenshots/records-pane-*.png and docs/screenshots/records-pane-zh-CN.png.
 *
 * Build first: `npx webpack --mode development` (or set PANE_DIST to another build).
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { serialOf } from "../../src/core/workorders";
import { callLogPlan } from "../../src/sheets/records/callLog";
import { recordMarkerOf } from "../../src/sheets/records/marker";
import { settingsPlan } from "../../src/sheets/settings";
import { exampleCalls } from "../../src/taskpane/panes/records/sections/callLogModel";
import { exampleCards } from "../../src/taskpane/panes/records/sections/conductLogModel";
import { conductLogPlan } from "../../src/sheets/records/conductLog";
import { sampleReturnVisits } from "../../src/core/records/returnVisits";
import { drawnSurvey, returnVisitsPlan } from "../../src/sheets/records/returnVisits";
import { findPlansInWorkbook } from "../support/exceljs/read";
import { expectXlsxComputesPlan } from "../support/libreoffice";
import { checkedMeta } from "../support/markers";
import { closePaneAfterEachTest, screenshotForDocs, settledScreenshot } from "./support/pane";

/** Unfolds the 记录 tab's section `key` (data-record-section) by its header button `title`. */
async function openRecordSection(page: Page, key: string, title: string): Promise<Locator> {
  const section = page.locator(`[data-record-section="${key}"]`);
  await section.getByRole("button", { name: title }).click();
  return section;
}

describe("记录 Records pane (browser mode)", () => {
  const openTestPane = closePaneAfterEachTest();

  test("来电来函: a bad as-of is named; the example log is generated and computes the engine's values in LibreOffice", async () => {
    const pane = await openTestPane({ locale: "zh-CN", viewport: { width: 380, height: 1000 }, tab: "记录" });
    const { page } = pane;
    await page.getByTestId("records-pane").waitFor();
    const section = page.locator('[data-record-section="call-log"]');
    await expect(section.getByRole("button", { name: "来电来函处理记录" }).count()).resolves.toBe(1);
    // Six record books: the spare-parts ledger (open first), 三包件, 二次索赔, the two logs, 回访.
    await expect(page.locator("[data-record-section]").count()).resolves.toBe(6);
    await openRecordSection(page, "call-log", "来电来函处理记录");

    await page.getByTestId("call-log-source").getByText("示例记录（培训用）").click();
    await page.getByTestId("call-log-as-of").fill("昨天");
    await page.getByTestId("call-log-generate").click();
    await page.getByText("统计时点不是日期时间（例如 2026-10-28 09:00）").first().waitFor();

    await page.getByTestId("call-log-as-of").fill("2026-10-28 09:00");
    await page.getByTestId("call-log-blank-rows").fill("10");

    const { path } = await pane.download(() => page.getByTestId("call-log-generate").click());
    await page.getByText(/已生成“来电来函”：40 条记录/).waitFor();
    const bytes = new Uint8Array(readFileSync(path));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const found = findPlansInWorkbook(wb);
    expect(found.map((p) => [p.sheetName, p.marker.kind])).toEqual([
      ["考核参数", "settings"],
      ["来电来函", "callLog"],
    ]);
    const meta = checkedMeta(recordMarkerOf(found[1]!, "callLog"));
    expect(meta.lastRow - meta.firstRow + 1).toBe(50);

    // The engine's plan for the same choices; LibreOffice computes the downloaded file to it.
    const asOf = serialOf(2026, 10, 28, 9, 0);
    const engine = callLogPlan({
      calls: exampleCalls(asOf),
      asOf,
      blankRows: 10,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
    });
    if (!engine.ok) throw new Error(engine.problem.message.en);
    const summary = await expectXlsxComputesPlan(bytes, {
      sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), engine.value.plan],
    });
    expect(summary.cellsCompared).toBeGreaterThan(4 * 50);
    await screenshotForDocs(pane, "records-pane-zh-CN");
  });

  test("English, and the selection is an Excel-only source: the browser says so", async () => {
    const pane = await openTestPane({ locale: "en-US", viewport: { width: 380, height: 900 }, tab: "Records" });
    const { page } = pane;
    await openRecordSection(page, "call-log", "Call and letter log");
    await page.getByTestId("call-log-source").getByText("The log in the selected range").click();
    await page.getByTestId("call-log-read-selection").click();
    await page.getByText("Browser mode has no Excel selection to read").first().waitFor();
    await page.getByTestId("call-log-generate").click();
    await page.getByText("Read the selection first").first().waitFor();
    await settledScreenshot(pane, "records-pane-selection-en-US");
  });
});

describe("记录 pane: 违规与黄红牌 (browser mode)", () => {
  const openTestPane = closePaneAfterEachTest();

  test("the example cards are generated and compute the engine's values in LibreOffice", async () => {
    const pane = await openTestPane({ locale: "zh-CN", viewport: { width: 380, height: 1100 }, tab: "记录" });
    const { page } = pane;
    await openRecordSection(page, "conduct-log", "违规与黄红牌记录");
    await page.getByTestId("conduct-log-source").getByText("示例记录（培训用）").click();
    await page.getByTestId("conduct-log-blank-rows").fill("5");
    const { path } = await pane.download(() => page.getByTestId("conduct-log-generate").click());
    await page.getByText(/已生成“违规与黄红牌”：24 张牌/).waitFor();
    const bytes = new Uint8Array(readFileSync(path));
    const year = new Date().getFullYear();
    const engine = conductLogPlan({ cards: exampleCards(year), blankRows: 5, locale: "zh-CN" });
    if (!engine.ok) throw new Error(engine.problem.message.en);
    await expectXlsxComputesPlan(bytes, { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), engine.value.plan] });
    await settledScreenshot(pane, "records-pane-conduct-zh-CN");
  });

  test("回访与满意度调查: the sample survey is drawn, generated and computes the engine's values in LibreOffice", async () => {
    const pane = await openTestPane({ locale: "zh-CN", viewport: { width: 380, height: 1100 }, tab: "记录" });
    const { page } = pane;
    const section = await openRecordSection(page, "return-visits", "回访与满意度调查");
    await section.locator('[data-field="blank-rows"]').fill("5");
    await section.locator('[data-field="sample"]').check();
    const { path } = await pane.download(() => page.getByTestId("records-return-visits-generate").click());
    await page.getByText(/已生成：回访记录、回访汇总、跟进清单/).waitFor();
    const engine = returnVisitsPlan({
      station: "",
      month: "2026-10",
      ...drawnSurvey(sampleReturnVisits()),
      threshold: DEFAULT_SETTINGS.kpi.csatThreshold,
      locale: "zh-CN",
      blankRows: 5,
    });
    if (!engine.ok) throw new Error(engine.problem.message.en);
    await expectXlsxComputesPlan(new Uint8Array(readFileSync(path)), engine.value.plan);
    await settledScreenshot(pane, "records-pane-return-visits-zh-CN");
  });

  test("回访 from the selection: English; the browser has no selection to read, and generating says to read one first", async () => {
    const pane = await openTestPane({ locale: "en-US", viewport: { width: 380, height: 1000 }, tab: "Records" });
    const { page } = pane;
    const section = await openRecordSection(page, "return-visits", "Return visits and satisfaction survey");
    await section.getByText("Draw from the work orders in the selection").click();
    await page.getByTestId("records-return-visits-read-selection").click();
    await page.getByText("Browser mode has no Excel selection to read").first().waitFor();
    await page.getByTestId("records-return-visits-generate").click();
    await page
      .getByText(/Select the work orders and click “Read the selection” first/)
      .first()
      .waitFor();
    await settledScreenshot(pane, "records-pane-return-visits-selection-en-US");
  });
});
