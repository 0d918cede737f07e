/**
 * Browser mode's KPI work runs in a Web Worker (issue 10): in headless Chromium, a 30,000-order
 * export is read, checked and written by the worker (the page shows rows written), Cancel stops
 * the write — the worker is terminated, nothing is downloaded, the browser workbook is as it was
 * — and a second Generate (a new worker, given the file and mapping again) downloads the whole
 * workbook with the engine's numbers.
 *
 * Build first: `npx webpack --mode development`.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { monthlyKpiReport, parseOrders, proposeMapping, sampleWorkOrders, serialOf } from "../../src/core/workorders";
import { kpiMarkerOf } from "../../src/sheets/workorders";
import { openXlsx } from "../../src/xlsx/readXlsx";
import { checkedMeta } from "../support/markers";
import { closeAndCheckErrors, openPane, type PaneSession } from "./support/pane";

const OCT = { year: 2026, month: 10 };
const ORDERS = 30_000;

function bigExport() {
  const s = sampleWorkOrders({ seed: 5, count: ORDERS, month: OCT, headers: "zh", mistakes: 0.01 });
  const csv = Buffer.from(Papa.unparse([s.headers, ...s.rows.map((r) => r.map((c) => (c === null ? "" : c)))]), "utf8");
  const parsed = parseOrders(
    s.rows.map((r) => r.map((c) => (typeof c === "boolean" ? String(c) : c))),
    proposeMapping(s.headers).mapping,
    { firstRow: 2, headers: s.headers },
  );
  const report = monthlyKpiReport(parsed.orders, {
    month: OCT,
    asOf: serialOf(2026, 11, 1),
    settings: DEFAULT_SETTINGS,
  });
  if (!report.ok) throw new Error(report.problem.message.en);
  return { csv, report: report.value, rowsUsed: parsed.rowsUsed };
}

describe("工单 KPI pane (browser mode) in a Web Worker", () => {
  let pane: PaneSession | undefined;

  afterEach(async () => {
    await closeAndCheckErrors(pane);
    pane = undefined;
  });

  test("the worker reads, checks and writes; Cancel downloads nothing; Generate again downloads it all", async () => {
    const data = bigExport();
    pane = await openPane({ locale: "zh-CN", viewport: { width: 380, height: 1000 } });
    const { page } = pane;
    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));

    await page.getByRole("tab", { name: "工单 KPI" }).click();
    await page
      .getByTestId("kpi-file-input")
      .setInputFiles({ name: "工单导出.csv", mimeType: "text/csv", buffer: data.csv });
    await page.getByTestId("kpi-mapping").waitFor({ timeout: 120_000 });
    // The file was read by the pane's worker (a chunk of our own origin), not on the page.
    expect(page.workers().map((w) => new URL(w.url()).origin)).toEqual([new URL(page.url()).origin]);

    await page.getByTestId("kpi-confirm").click();
    await page.getByTestId("kpi-check-summary").waitFor({ timeout: 120_000 });
    await page.getByTestId("kpi-month").selectOption("2026-10");
    await page.getByTestId("kpi-asof").fill("2026-11-01 00:00");
    await page.locator('[data-preview-row="department"]').waitFor({ timeout: 120_000 });

    // Generate, and cancel once rows are being written.
    const section = page.getByTestId("kpi-generate-section");
    await page.getByTestId("kpi-generate").click();
    await section.getByTestId("progress-rows").waitFor({ timeout: 120_000 });
    expect(await section.getByTestId("progress-rows").textContent()).toMatch(/^已写入 [\d,]+ \/ [\d,]+ 行$/);
    await page.getByTestId("kpi-cancel").click();
    await expect(section.locator('[data-intent="error"]').textContent()).resolves.toContain("已取消");
    // Terminated: Chromium reports the worker gone shortly after.
    for (let i = 0; i < 100 && page.workers().length > 0; i++) await page.waitForTimeout(100);
    expect(page.workers()).toHaveLength(0);
    await page.waitForTimeout(1000);
    expect(downloads).toEqual([]);
    await expect(page.getByTestId("kpi-cancel").count()).resolves.toBe(0);

    // Again: a new worker is given the file and the mapping, and the whole workbook downloads.
    const { path } = await pane.download(() => page.getByTestId("kpi-generate").click());
    await section.locator('[data-intent="success"]').waitFor({ timeout: 120_000 });
    expect(downloads).toHaveLength(1);
    const book = openXlsx(new Uint8Array(readFileSync(path)));
    const plans = book.findPlans();
    expect(plans.map((p) => p.marker.kind)).toEqual(["settings", "register", "problems", "kpi"]);
    const kpi = plans.find((p) => p.marker.kind === "kpi")!;
    const meta = checkedMeta(kpiMarkerOf(kpi));
    const dept = data.report.current.department.values;
    const cell = book.readRange(kpi.sheetName, `${meta.columns.orders}${meta.departmentRow}`);
    expect(cell.values[0]?.[0]).toBe(dept.orders);
    const register = plans.find((p) => p.marker.kind === "register")!;
    const used = book.readUsedRange(register.sheetName);
    // Every order is a row of the register (below its header and title rows).
    expect(used.values.length).toBeGreaterThanOrEqual(data.rowsUsed);
  });
});
