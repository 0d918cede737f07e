/**
 * The self-check in the 设置 pane, in headless Chromium, over the fake Excel host: the built
 * pane boots as inside Excel (test/e2e/support/fakeHost.ts answers in place of office.js), the
 * fake's formula cells hold what LibreOffice computed for the same plan, and the SVC cells are
 * computed by the functions functions.js registered in the page. Run the check: zero
 * mismatches, the workbook as it was; corrupt one value: exactly that mismatch on screen; save
 * the report as a sheet: the only thing left. Screenshots go to docs/screenshots/.
 *
 * Build first: `npx webpack --mode development`.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { selfCheckPlan, type SelfCheckPlan } from "../../src/sheets/selfcheck/selfCheckPlan";
import { xlsxBytes } from "../../src/xlsx";
import { computedValue, recalculateXlsx } from "../support/libreoffice";
import { buildFakeHost } from "./support/fakeHostBuild";
import { closeAndCheckErrors, openPane, ROOT, type PaneSession } from "./support/pane";

type Values = Record<string, Record<string, unknown>>;

let check: SelfCheckPlan;
let values: Values;
let fakeOffice: string;

beforeAll(async () => {
  fakeOffice = await buildFakeHost();
  // The pane runs in zh-CN and builds the same plan (no 考核参数 yet: defaults, a temporary one).
  check = await selfCheckPlan({ locale: "zh-CN", settings: DEFAULT_SETTINGS, includeSettingsSheet: true });
  const lo = (await recalculateXlsx((await xlsxBytes(check.plan)).bytes)).workbook;
  values = {};
  for (const s of check.sheets) {
    const ws = lo.getWorksheet(s.name)!;
    const cells: Record<string, unknown> = {};
    for (const c of s.cells) {
      const v = computedValue(ws.getCell(c.address));
      cells[c.address] = v === null ? "" : v;
    }
    values[s.name] = cells;
  }
}, 300_000);

async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
}

async function runCheck(page: Page): Promise<string> {
  await page.getByTestId("self-check-run").click();
  const headline = page.getByTestId("self-check-headline");
  await headline.waitFor({ timeout: 120_000 });
  return (await headline.textContent()) ?? "";
}

describe("自检 in the 设置 pane, over the fake Excel host", () => {
  let pane: PaneSession | undefined;

  afterEach(async () => {
    await closeAndCheckErrors(pane);
    pane = undefined;
  });

  test("zero mismatches against LibreOffice's values; one corrupted value is found; the report saved as a sheet", async () => {
    pane = await openPane({ locale: "zh-CN", viewport: { width: 380, height: 1100 }, officeJs: fakeOffice });
    const { page } = pane;
    await page.evaluate(
      (v) => (window as unknown as { __fakeExcel: { setComputed(x: unknown): void } }).__fakeExcel.setComputed(v),
      values,
    );
    const fake = {
      sheets: () =>
        page.evaluate(() =>
          (window as unknown as { __fakeExcel: { sheetNames(): string[] } }).__fakeExcel.sheetNames(),
        ),
      snapshot: () =>
        page.evaluate(() => (window as unknown as { __fakeExcel: { snapshot(): string } }).__fakeExcel.snapshot()),
      registered: () =>
        page.evaluate(() =>
          (window as unknown as { __fakeExcel: { registered(): string[] } }).__fakeExcel.registered(),
        ),
    };
    // Inside "Excel": no browser-mode bar, and functions.js registered the SVC functions.
    await expect(page.getByText("浏览器模式").count()).resolves.toBe(0);
    await expect(fake.registered()).resolves.toContain("SVC.GRADE");

    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByTestId("self-check-run").waitFor();
    const before = await fake.snapshot();

    expect(await runCheck(page)).toContain("结果：全部一致");
    const kinds = await page
      .locator("[data-self-check-kind]")
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute("data-self-check-kind"),
          ...[...r.querySelectorAll("td")].map((td) => td.textContent),
        ]),
      );
    expect(kinds.map((k) => k[0])).toEqual([
      "settings",
      "appraisal",
      "register",
      "problems",
      "kpi",
      "audit6s",
      "audit6sSummary",
      "bonus",
      "partsLedger",
      "partsMoves",
      "stockTake",
      "warrantyParts",
      "secondaryClaims",
      "claimSuppliers",
      "callLog",
      "conductLog",
      "returnVisits",
      "returnVisitSummary",
      "returnFollowUps",
      "functions",
    ]);
    expect(kinds.every((k) => k[4] === "0")).toBe(true);
    const total = check.sheets.reduce((n, s) => n + s.cells.length, 0);
    expect(kinds.slice(0, -1).reduce((n, k) => n + Number(k[3]), 0)).toBe(total);
    expect(await fake.snapshot()).toBe(before);
    const text = await page.getByTestId("self-check-text").inputValue();
    expect(text).toMatch(/^售后考核助手 自检报告\n时间\t\d{4}-\d\d-\d\d \d\d:\d\d\nExcel\tExcel PC fake Excel/);
    // Built without SVC_SUPPORT_URL: the report goes to whoever installed the add-in, no link.
    const send = page.getByTestId("self-check-send");
    expect(await send.textContent()).toContain("为您安装本加载项的人");
    expect(await send.locator("a").count()).toBe(0);
    await page.getByTestId("self-check").scrollIntoViewIfNeeded();
    await settle(page);
    copyFileSync(
      await pane.screenshot("selfcheck-pane-zh-CN"),
      join(ROOT, "docs", "screenshots", "selfcheck-pane.png"),
    );

    // One value Excel (here: LibreOffice) computed differently: exactly that cell is reported.
    const kpi = check.sheets.find((s) => s.kind === "kpi")!;
    const cell = kpi.cells.find((c) => typeof c.expect === "number" && c.expect > 0)!;
    const corrupted: Values = { ...values, [kpi.name]: { ...values[kpi.name], [cell.address]: 0.123 } };
    await page.evaluate(
      (v) => (window as unknown as { __fakeExcel: { setComputed(x: unknown): void } }).__fakeExcel.setComputed(v),
      corrupted,
    );
    expect(await runCheck(page)).toContain("结果：1 处不一致");
    await expect(
      page.locator("[data-mismatch]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-mismatch"))),
    ).resolves.toEqual([`${kpi.name}!${cell.address}`]);
    const row = await page.locator("[data-mismatch]").textContent();
    expect(row).toContain(cell.formula);
    expect(row).toContain("0.123");
    expect(await fake.snapshot()).toBe(before);
    await page.getByTestId("self-check").scrollIntoViewIfNeeded();
    await settle(page);
    copyFileSync(
      await pane.screenshot("selfcheck-mismatch-zh-CN"),
      join(ROOT, "docs", "screenshots", "selfcheck-mismatch.png"),
    );

    // Copy (the clipboard may be refused in a webview: then the text is selected), then save.
    await page.getByTestId("self-check-copy").click();
    await page.getByText(/报告已复制到剪贴板|报告文本已选中/).waitFor();
    await page.getByTestId("self-check-save").click();
    await page.getByText("报告已保存为工作表“自检报告”。").waitFor();
    await expect(fake.sheets()).resolves.toEqual(["Sheet1", "自检报告"]);
  }, 300_000);
});
