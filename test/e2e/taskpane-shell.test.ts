/**
 * The task pane in headless Chromium, browser mode (no Excel): the shell loads, the language
 * switch flips every text and is remembered, the tabs are keyboard reachable, and the Settings
 * pane generates the 考核参数 sheet as a downloaded .xlsx holding the settings names. Opening
 * that file again makes the pane find its settings sheet. Screenshots go to
 * test-output/screenshots/.
 *
 * Build first: `npx webpack --mode development`.
 */
import ExcelJS from "exceljs";
import { SETTING_NAMES } from "../../src/core/settings";
import type { Page } from "playwright-core";
import { openPane, type PaneSession, closeAndCheckErrors } from "./support/pane";

const ALL_NAMES = Object.values(SETTING_NAMES);

/** Opens the Settings tab (other panes may come first in the registry). */
async function showSettings(page: Page): Promise<void> {
  await page.locator('[data-pane-tab="settings"]').click();
  await page.locator('[data-pane="settings"]').waitFor({ state: "visible" });
}

/** Nothing sticks out sideways: a task pane is narrow and must not scroll horizontally. */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** Mouse out of the way and Fluent's colour transitions done, so screenshots show resting states. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
}

async function definedNames(file: string): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const model = wb.definedNames.model as { name: string; ranges: string[] }[];
  return new Map(model.map((n) => [n.name, n.ranges]));
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ws.name);
}

describe("task pane shell (browser mode)", () => {
  let pane: PaneSession | undefined;

  afterEach(async () => {
    await closeAndCheckErrors(pane);
    pane = undefined;
  });

  test("loads in browser mode in the browser's language, without loading exceljs up front", async () => {
    pane = await openPane({ locale: "zh-CN" });
    const { page } = pane;
    await expect(page.getAttribute("[data-app-ready]", "data-host")).resolves.toBe("browser");
    await expect(page.locator("h1").textContent()).resolves.toBe("售后考核助手");
    await expect(page.getAttribute("html", "lang")).resolves.toBe("zh-CN");
    await page.getByTestId("browser-mode").waitFor();
    await expect(page.getByTestId("browser-mode").textContent()).resolves.toContain("浏览器模式");
    await page.getByRole("tab", { name: "设置" }).waitFor();
    await showSettings(page);
    // The settings pane asked the (empty) browser workbook for its plans: nothing there yet.
    await page.getByTestId("settings-create").waitFor();
    // exceljs is a lazy chunk: not fetched for the first paint.
    expect(pane.server.requests.filter((r) => /exceljs/.test(r))).toEqual([]);
  });

  test("the language switch flips the texts, and the choice is remembered", async () => {
    pane = await openPane({ locale: "zh-CN" });
    const { page } = pane;
    await showSettings(page);
    await page.getByTestId("settings-create").waitFor();
    await expect(page.getByTestId("settings-create").textContent()).resolves.toBe("创建考核参数表");
    await pane.screenshot("taskpane-zh-CN");
    await page.locator('[data-section="fivePoint"] button').first().click();
    await page.locator('[data-section="kpi"] button').first().click();
    await settle(page);
    await expectNoHorizontalOverflow(page);
    await pane.screenshot("taskpane-settings-zh-CN");

    await page.locator('[data-locale-option="en-US"]').click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Service Appraisal");
    await expect(page.getAttribute("html", "lang")).resolves.toBe("en-US");
    await expect(page.getByTestId("settings-create").textContent()).resolves.toBe("Create settings sheet");
    await expect(page.locator('[data-pane-tab="settings"]').textContent()).resolves.toBe("Settings");
    await expect(page.getByTestId("browser-mode").textContent()).resolves.toContain("Browser mode");
    await expect(page.locator('[data-locale-option="en-US"]').getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(page.locator('[data-locale-option="zh-CN"]').getAttribute("aria-pressed")).resolves.toBe("false");
    // Visible text of the whole pane has no Chinese left but the switch's own "中文".
    const visible = (await page.locator("#root").innerText()).replace(/中文/g, "");
    expect(visible).not.toMatch(/[\u4e00-\u9fff]/);
    await settle(page);
    await expectNoHorizontalOverflow(page);
    await pane.screenshot("taskpane-settings-en-US");

    await pane.reload();
    await expect(page.locator("h1").textContent()).resolves.toBe("Service Appraisal");
    // The last used pane is remembered too.
    await expect(page.locator('[data-pane-tab="settings"]').getAttribute("aria-selected")).resolves.toBe("true");

    await page.locator('[data-locale-option="zh-CN"]').click();
    await expect(page.locator("h1").textContent()).resolves.toBe("售后考核助手");
  });

  test("an English browser starts in English", async () => {
    pane = await openPane({ locale: "en-US" });
    await expect(pane.page.locator("h1").textContent()).resolves.toBe("Service Appraisal");
  });

  test("browser mode follows the system's dark colour scheme", async () => {
    pane = await openPane({ locale: "en-US", colorScheme: "dark" });
    const { page } = pane;
    await expect(page.getAttribute("[data-theme]", "data-theme")).resolves.toBe("dark");
    await showSettings(page);
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector("[data-theme]") as Element).backgroundColor,
    );
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await page.locator('[data-section="bonus"] button').first().click();
    await settle(page);
    await pane.screenshot("taskpane-settings-dark-en-US");
  });

  test("the tabs are reachable with Tab and arrow keys, with visible focus", async () => {
    pane = await openPane({ locale: "en-US" });
    const { page } = pane;
    const tabs = page.getByRole("tab");
    const count = await tabs.count();
    expect(count).toBeGreaterThan(0);

    // Tab from the top of the page until a tab has focus: the language switch and the
    // browser-mode buttons come first, so this must take only a few presses.
    let presses = 0;
    while (presses < 15 && !(await page.evaluate(() => document.activeElement?.getAttribute("role") === "tab"))) {
      await page.keyboard.press("Tab");
      presses++;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-selected"))).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.matches(":focus-visible"))).toBe(true);

    // Arrow keys walk the tabs in registry order; Enter selects the focused one.
    const ids = await tabs.evaluateAll((els) => els.map((e) => e.getAttribute("data-pane-tab")));
    for (let i = 1; i < count; i++) {
      await page.keyboard.press("ArrowRight");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-pane-tab"))).toBe(ids[i]);
      await page.keyboard.press("Enter");
      expect(await page.locator(`[data-pane-tab="${ids[i]}"]`).getAttribute("aria-selected")).toBe("true");
      expect(await page.locator(`[data-pane="${ids[i]}"]`).isVisible()).toBe(true);
    }
    // From the tab list, Tab moves into the pane's own controls (once a lazy pane has loaded).
    const current = await page.evaluate(() => document.activeElement?.getAttribute("data-pane-tab"));
    await page.locator(`[data-pane="${current}"]`).locator("button, input, select, textarea").first().waitFor();
    await page.keyboard.press("Tab");
    const inPanel = await page.evaluate(
      () => document.activeElement?.closest('[role="tabpanel"]')?.getAttribute("data-pane") ?? null,
    );
    expect(ids).toContain(inPanel);
  });

  test("Settings: an invalid value is named and nothing is written", async () => {
    pane = await openPane({ locale: "zh-CN" });
    const { page } = pane;
    await showSettings(page);
    await page.locator('[data-section="raters"] button').first().click();
    const peers = page.locator('[data-field="raters.peers"]');
    await peers.fill("-0.2");
    await page.getByText("权重不能为负数。").waitFor();
    await page.getByTestId("settings-create").click();
    const summary = page.locator('[data-testid="message-area"] [data-intent="error"]');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain("评价人权重");
    await settle(page);
    await pane.screenshot("taskpane-settings-invalid-zh-CN");
    expect(pane.server.requests.filter((r) => /exceljs/.test(r))).toEqual([]);

    await peers.fill("0.2");
    await expect(page.getByText("权重不能为负数。").count()).resolves.toBe(0);
  });

  test("Settings generates the 考核参数 sheet: a valid .xlsx with every settings name; reopening it finds the sheet", async () => {
    pane = await openPane({ locale: "zh-CN" });
    const { page } = pane;
    await showSettings(page);
    await page.getByTestId("settings-create").waitFor();
    const { path, fileName } = await pane.download(() => page.getByTestId("settings-create").click());
    expect(fileName).toMatch(/^考核参数_\d{4}-\d{2}-\d{2}\.xlsx$/);

    expect(await sheetNames(path)).toEqual(["考核参数"]);
    const names = await definedNames(path);
    const missing = ALL_NAMES.filter((n) => !names.has(n));
    expect(missing).toEqual([]);
    for (const n of ALL_NAMES) expect(names.get(n)?.[0]).toMatch(/^'?考核参数'?!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/);

    // The pane now sees the sheet it wrote and stops offering to create another one.
    await page.getByTestId("settings-exists").waitFor();
    await expect(page.getByTestId("settings-create").count()).resolves.toBe(0);
    await expect(page.locator('[data-intent="success"]').textContent()).resolves.toContain("考核参数");
    await expect(page.getByTestId("browser-workbook").textContent()).resolves.toContain(fileName);
    await settle(page);
    await pane.screenshot("taskpane-settings-created-zh-CN");
    expect(pane.errors).toEqual([]);
    await pane.close();

    // A fresh pane opening that file finds the settings sheet by its marker and reads its values.
    pane = await openPane({ locale: "en-US" });
    await showSettings(pane.page);
    await pane.page.getByTestId("settings-create").waitFor();
    await pane.page.getByTestId("browser-open-input").setInputFiles(path);
    await pane.page.getByTestId("settings-exists").waitFor();
    await expect(pane.page.getByTestId("settings-exists").textContent()).resolves.toContain("“考核参数”");
    await expect(pane.page.getByTestId("browser-workbook").textContent()).resolves.toContain(fileName);
    await pane.page.locator('[data-section="sla"] button').first().click();
    await expect(pane.page.locator('[data-field="sla.radiusKm"]').inputValue()).resolves.toBe("100");
    await expect(pane.page.locator('[data-field="sla.radiusKm"]').getAttribute("readonly")).resolves.not.toBeNull();
    await settle(pane.page);
    await pane.screenshot("taskpane-settings-opened-en-US");
  });

  test("opening a file that is not .xlsx says what to do", async () => {
    pane = await openPane({ locale: "en-US" });
    const { page } = pane;
    await showSettings(page);
    await page
      .getByTestId("browser-open-input")
      .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("name\nZhang San\n") });
    const error = page.locator('[data-testid="browser-mode"] [data-intent="error"]');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain("“people.csv” is not an .xlsx file. Save it as .xlsx");

    await page
      .getByTestId("browser-open-input")
      .setInputFiles({ name: "broken.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("not a zip") });
    await page.getByText("“broken.xlsx” could not be opened as an .xlsx workbook").waitFor();
    // The pane still offers to create settings: nothing was opened.
    await page.getByTestId("settings-create").waitFor();
  });
});
