/**
 * The 6S pane in headless Chromium (browser mode): a supervisor ticks two areas, sets the date,
 * inspector, audited unit, pass/fail scale and a critical item, and generates the audit; the
 * downloaded .xlsx holds 考核参数 and the 6S检查表 with one block per area (found by its marker).
 * Then the summary is generated from that workbook. Screenshots: test-output/screenshots/ and,
 * for the README, docs/screenshots/audit6s-pane*.png.
 *
 * Build first: `npx webpack --mode development`.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { findPlansInWorkbook } from "../support/exceljs/read";
import { auditMarkerOf } from "../../src/sheets/audit6s";
import { checkedMeta } from "../support/markers";
import { openPane, ROOT, type PaneSession, closeAndCheckErrors } from "./support/pane";

const DOCS = join(ROOT, "docs", "screenshots");

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("6S pane (browser mode)", () => {
  let pane: PaneSession | undefined;

  afterEach(async () => {
    await closeAndCheckErrors(pane);
    pane = undefined;
  });

  test("generates a two-area audit, then the month's summary", async () => {
    pane = await openPane({ locale: "zh-CN", viewport: { width: 360, height: 1400 } });
    const { page } = pane;
    await page.getByRole("tab", { name: "6S 检查" }).click();
    await page.getByTestId("audit6s-generate").waitFor();
    const audit = page.locator('[data-section="audit6s-audit"]');
    const sum = page.locator('[data-section="audit6s-summary"]');

    // Areas: 维修车间 is ticked; tick 备件库.
    await audit.getByLabel("备件库").check();
    await audit.locator('[data-field="date"]').fill("2026-11-20");
    await audit.locator('[data-field="inspector"]').fill("王主管");
    await audit.locator('[data-field="unit"]').fill("=售后服务部");
    await audit.locator('[data-field="scale"]').selectOption("passFail");
    await audit.getByText("安全加权（安全 ×2）").click();
    mkdirSync(DOCS, { recursive: true });
    await page.screenshot({ path: join(DOCS, "audit6s-pane.png"), fullPage: true });
    // Open the checklist and mark the first Safety item critical.
    await audit.getByRole("button", { name: /检查项目（20 项，关键项 0 项）/ }).click();
    await audit.getByRole("button", { name: "关键项: 安全 第 1 项" }).click();
    await audit.getByRole("button", { name: /检查项目（20 项，关键项 1 项）/ }).waitFor();
    await pane.screenshot("audit6s-pane-checklist-zh-CN");
    await audit.getByRole("button", { name: /检查项目（20 项，关键项 1 项）/ }).click();

    const { path } = await pane.download(() => page.getByTestId("audit6s-generate").click());
    await page.getByText(/已生成“6S检查表 2026-11-20”：2 个区域/).waitFor();
    const wb = await load(path);
    const plans = findPlansInWorkbook(wb);
    expect(plans.map((p) => p.marker.kind)).toEqual(["settings", "audit6s"]);
    const meta = checkedMeta(auditMarkerOf(plans[1]));
    expect(meta.areas.map((a) => a.name)).toEqual(["维修车间", "备件库"]);
    expect(meta.scale).toBe("passFail");
    expect(meta.weights).toEqual([1, 1, 1, 1, 1, 2]);
    expect(meta.areas[0].items.filter(([, c]) => c === 1)).toHaveLength(1);
    const ws = wb.getWorksheet(plans[1].sheetName)!;
    expect(ws.getCell(meta.areas[0].top, 3).value).toBe("维修车间");
    expect(ws.getCell(meta.areas[1].top, 3).value).toBe("备件库");
    expect(ws.getCell(meta.areas[0].top + 1, 3).value).toBe("=售后服务部");
    expect(ws.getCell(meta.areas[0].top, 8).value).toBe("王主管");

    // The summary section found the audit by its marker.
    await page.getByTestId("audit6s-sources").getByText("工作簿中有 1 张 6S 检查表（月份：2026-11）。").waitFor();
    await sum.locator('[data-field="summary-as-of"]').fill("2026-11-30");
    const summary = await pane.download(() => page.getByTestId("audit6s-summarize").click());
    await page.getByText(/已生成“6S汇总 2026-11”：2 个区域/).waitFor();
    const wb2 = await load(summary.path);
    expect(findPlansInWorkbook(wb2).map((p) => p.marker.kind)).toEqual(["settings", "audit6s", "audit6sSummary"]);
    await pane.screenshot("audit6s-pane-after-zh-CN");
    copyFileSync(
      join(ROOT, "test-output", "screenshots", "audit6s-pane-after-zh-CN.png"),
      join(DOCS, "audit6s-pane-after.png"),
    );
  });

  test("browser mode: opens a workbook of audits made elsewhere (the CLI) and summarises a month from it", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { main } = await import("../../src/cli/main");
    const dir = mkdtempSync(join(tmpdir(), "svc-6s-pane-open-"));
    try {
      const io = {
        stdout: () => undefined,
        stderr: () => undefined,
        cwd: dir,
        env: { LANG: "zh-CN" },
        now: () => new Date(2026, 10, 28),
      };
      expect(
        await main(["audit6s", "--areas", "维修车间,备件库", "--date", "2026-10-12", "--demo", "--out", "a.xlsx"], io),
      ).toBe(0);
      expect(
        await main(
          [
            "audit6s",
            "--in",
            "a.xlsx",
            "--areas",
            "维修车间,接待区",
            "--date",
            "2026-11-09",
            "--demo",
            "--out",
            "b.xlsx",
          ],
          io,
        ),
      ).toBe(0);
      pane = await openPane({ locale: "zh-CN", viewport: { width: 360, height: 1100 } });
      const { page } = pane;
      await page.getByRole("tab", { name: "6S 检查" }).click();
      await page.getByTestId("browser-open-input").setInputFiles(join(dir, "b.xlsx"));
      await page
        .getByTestId("audit6s-sources")
        .getByText("工作簿中有 2 张 6S 检查表（月份：2026-10、2026-11）。")
        .waitFor();
      await page.locator('[data-section="audit6s-summary"] [data-field="summary-month"]').selectOption("2026-10");
      await page.locator('[data-section="audit6s-summary"] [data-field="summary-as-of"]').fill("2026-11-28");
      const { path } = await pane.download(() => page.getByTestId("audit6s-summarize").click());
      await page.getByText(/已生成“6S汇总 2026-10”：2 个区域/).waitFor();
      const wb = await load(path);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        "考核参数",
        "6S检查表 2026-10-12",
        "6S检查表 2026-11-09",
        "6S汇总 2026-10",
      ]);
      await pane.screenshot("audit6s-pane-opened-file-zh-CN");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("English, keyboard-labelled fields, and errors that name what to fix", async () => {
    pane = await openPane({ locale: "en-US", viewport: { width: 360, height: 1100 } });
    const { page } = pane;
    await page.getByRole("tab", { name: "6S audit" }).click();
    const audit = page.locator('[data-section="audit6s-audit"]');
    await audit.getByLabel("Workshop").uncheck();
    await page.getByTestId("audit6s-generate").click();
    await audit.getByText("choose or type at least one area to audit").waitFor();
    await audit.getByLabel("Other area").fill("Wash bay");
    await page.getByTestId("audit6s-add-area").click();
    await audit.getByRole("button", { name: "Remove area Wash bay" }).waitFor();
    await audit.getByText("Custom").click();
    await audit.locator('[data-field="weight-5"]').fill("-2");
    await page.getByTestId("audit6s-generate").click();
    await audit.getByText(/weight 6 is negative/).waitFor();
    await pane.screenshot("audit6s-pane-en-US-errors");
    await audit.locator('[data-field="weight-5"]').fill("2");
    const { path } = await pane.download(() => page.getByTestId("audit6s-generate").click());
    const wb = await load(path);
    const plans = findPlansInWorkbook(wb);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Settings", plans[1].sheetName]);
    expect(plans[1].sheetName).toMatch(/^6S audit \d{4}-\d{2}-\d{2}$/);
  });
});
