/**
 * The KPI pane in browser mode at a year of orders (issue 10): headless Chromium generates the
 * register and KPI sheets from a 100,000-order CSV export, as a user would (upload, confirm the
 * mapping, pick the month, wait for the preview, Generate, the download), and reports the page's
 * longest main-thread task (PerformanceObserver "longtask", from the upload to the download),
 * how many tasks were over 200 ms, the time end to end and the page's JS heap
 * (Performance.getMetrics; the worker's heap is not the page's). The target: no task over 200 ms,
 * since reading, parsing, the engine and the .xlsx writing run in the pane's Web Worker.
 *
 * Needs a build in dist/ (`npm run build`; the figures in README are from the production build)
 * and Debian's chromium. BENCH_PANE_ORDERS=30000 runs a smaller size.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { sampleWorkOrders } from "../../src/core/workorders";
import { chromiumPath, DIST, openPane } from "../e2e/support/pane";

const ORDERS = Number(process.env.BENCH_PANE_ORDERS ?? 100_000);

interface LongTasks {
  longest: number;
  over200: number;
  count: number;
}

export async function benchBrowserPane(): Promise<Record<string, number | string>> {
  if (!existsSync(join(DIST, "taskpane.html"))) return { skipped: "no build in dist/: run `npm run build` first" };
  try {
    chromiumPath();
  } catch {
    return { skipped: "chromium is not installed" };
  }
  const s = sampleWorkOrders({ seed: 10, count: ORDERS, month: { year: 2026, month: 10 }, headers: "zh" });
  const csv = Buffer.from(Papa.unparse([s.headers, ...s.rows.map((r) => r.map((c) => (c === null ? "" : c)))]), "utf8");
  const dir = await mkdtemp(join(tmpdir(), "svc-bench-pane-"));
  const csvPath = join(dir, "orders.csv");
  await writeFile(csvPath, csv);
  const pane = await openPane({ locale: "zh-CN", viewport: { width: 380, height: 1000 } });
  try {
    const { page } = pane;
    await page.getByRole("tab", { name: "工单 KPI" }).click();
    await page.getByTestId("kpi-upload").waitFor();
    // Long tasks from here on (the pane's own start-up is not part of the generation).
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: "longtask" });
    });
    const started = performance.now();
    // From a file on disk, as a user picks it: Chromium is handed the path. Given a buffer,
    // Playwright would build the File inside the page itself (base64 → bytes on the page's
    // thread: a 4-second task at 100,000 orders that is the harness's, not the pane's).
    await page.getByTestId("kpi-file-input").setInputFiles(csvPath);
    await page.getByTestId("kpi-mapping").waitFor({ timeout: 600_000 });
    const readMs = performance.now() - started;
    await page.getByTestId("kpi-confirm").click();
    await page.getByTestId("kpi-check-summary").waitFor({ timeout: 600_000 });
    await page.getByTestId("kpi-month").selectOption("2026-10");
    await page.getByTestId("kpi-asof").fill("2026-11-01 00:00");
    await page.locator('[data-preview-row="department"]').waitFor({ timeout: 600_000 });
    const generateStarted = performance.now();
    // Not pane.download: its 60 s limit is for small e2e files, not 100,000 orders on a shared machine.
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 900_000 }),
      page.getByTestId("kpi-generate").click(),
    ]);
    await page.locator('[data-testid="kpi-generate-section"] [data-intent="success"]').waitFor({ timeout: 600_000 });
    const generateMs = performance.now() - generateStarted;
    const totalMs = performance.now() - started;
    // Let the observer deliver the last entries.
    await page.waitForTimeout(2000);
    const tasks = await page.evaluate((): LongTasks => {
      const d = (window as unknown as { __longTasks: number[] }).__longTasks;
      return { longest: d.length ? Math.max(...d) : 0, over200: d.filter((x) => x > 200).length, count: d.length };
    });
    const cdp = await pane.context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = (await cdp.send("Performance.getMetrics")).metrics;
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN;
    return {
      orders: ORDERS,
      download: download.suggestedFilename(),
      "upload to mapping shown (ms)": Math.round(readMs),
      "Generate to download (ms)": Math.round(generateMs),
      "upload to download, end to end (ms)": Math.round(totalMs),
      "longest main-thread task (ms; target ≤ 200)": Math.round(tasks.longest),
      "main-thread tasks over 200 ms": tasks.over200,
      "main-thread tasks over 50 ms (longtask entries)": tasks.count,
      "page JS heap after (MB)": Math.round(heap / 2 ** 20),
    };
  } finally {
    await pane.close();
    await rm(dir, { recursive: true, force: true });
  }
}
