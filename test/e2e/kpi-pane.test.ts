/**
 * The 工单 KPI pane in headless Chromium, browser mode: upload a messy export (.csv), correct
 * the column mapping the pane proposed, check the data (problems listed with the user's row
 * numbers), pick the month, compare the preview with the engine, generate, and open the
 * downloaded .xlsx: settings + register + 数据问题 + 月度KPI, found by marker, with the engine's
 * numbers. Browser mode uploads a file rather than pasting: exports from other systems are
 * files, a file keeps Excel serial dates and every column, and it goes through the same
 * reader (src/xlsx readTableData) as the command line.
 *
 * Build first: `npx webpack --mode development`.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import {
  monthlyKpiReport,
  parseOrders,
  proposeMapping,
  sampleWorkOrders,
  serialOf,
  type KpiReport,
} from "../../src/core/workorders";
import { kpiMarkerOf } from "../../src/sheets/workorders";
import { checkedMeta } from "../support/markers";
import { findPlansInWorkbook } from "../support/exceljs/read";
import { closeAndCheckErrors, openPane, ROOT, type PaneSession } from "./support/pane";

const OCT = { year: 2026, month: 10 };

/** A 900-order export whose satisfaction header ("客户评价") the pane cannot recognise. */
function exportCsv(): {
  csv: Buffer;
  report: KpiReport;
  rowsRead: number;
  rowsUsed: number;
  problems: number;
  satisfactionColumn: number;
  reportedColumn: number;
} {
  const s = sampleWorkOrders({ seed: 77, count: 900, month: OCT, headers: "zh", mistakes: 0.05 });
  const satisfactionColumn = s.headers.indexOf("客户满意度");
  const headers = s.headers.map((h, i) => (i === satisfactionColumn ? "客户评价" : h));
  const csv = Buffer.from(
    "\ufeff" + Papa.unparse([headers, ...s.rows.map((r) => r.map((c) => (c === null ? "" : c)))]),
    "utf8",
  );
  // What the engine says once the user has pointed 客户满意度 at the right column.
  const mapping = { ...proposeMapping(headers).mapping, satisfaction: satisfactionColumn };
  const parsed = parseOrders(
    s.rows.map((r) => r.map((c) => (typeof c === "boolean" ? String(c) : c))),
    mapping,
    { firstRow: 2, headers },
  );
  const report = monthlyKpiReport(parsed.orders, {
    month: OCT,
    asOf: serialOf(2026, 11, 1),
    settings: DEFAULT_SETTINGS,
  });
  if (!report.ok) throw new Error(report.problem.message.en);
  return {
    csv,
    report: report.value,
    rowsRead: parsed.rowsRead,
    rowsUsed: parsed.rowsUsed,
    problems: parsed.problems.length,
    satisfactionColumn,
    reportedColumn: headers.indexOf("报修时间"),
  };
}

async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
}

describe("工单 KPI pane (browser mode)", () => {
  let pane: PaneSession | undefined;

  afterEach(async () => {
    await closeAndCheckErrors(pane);
    pane = undefined;
  });

  test("upload, correct the mapping, check, preview, generate: the download holds the engine's numbers", async () => {
    const data = exportCsv();
    pane = await openPane({ locale: "zh-CN", viewport: { width: 380, height: 1000 } });
    const { page } = pane;
    await page.getByRole("tab", { name: "工单 KPI" }).click();
    await page.getByTestId("kpi-upload").waitFor();
    await pane.screenshot("kpi-pane-start-zh-CN");

    await page
      .getByTestId("kpi-file-input")
      .setInputFiles({ name: "工单导出.csv", mimeType: "text/csv", buffer: data.csv });
    await page.getByTestId("kpi-mapping").waitFor();
    await expect(page.locator('[data-kpi-field="reportedAt"]').inputValue()).resolves.toBe(String(data.reportedColumn));
    // 客户评价 was not recognised: satisfaction is unmapped and the column is listed as unused.
    await expect(page.locator('[data-kpi-field="satisfaction"]').inputValue()).resolves.toBe("");
    await expect(page.getByTestId("kpi-unused").textContent()).resolves.toContain("客户评价");
    await settle(page);
    await pane.screenshot("kpi-pane-mapping-zh-CN");

    // The user corrects it, and confirms.
    await page.locator('[data-kpi-field="satisfaction"]').selectOption(String(data.satisfactionColumn));
    await expect(page.getByTestId("kpi-unused").count()).resolves.toBe(0);
    await page.getByTestId("kpi-confirm").click();
    await page.getByTestId("kpi-check-summary").waitFor();
    const summary = await page.getByTestId("kpi-check-summary").textContent();
    expect(summary).toContain(`读取 ${data.rowsRead} 行，使用 ${data.rowsUsed} 行`);
    const problemRows = await page.locator("[data-problem-row]").count();
    expect(problemRows).toBe(Math.min(100, data.problems));

    // The month and its as-of (the month's end, or now if earlier); the preview is the engine's.
    await page.getByTestId("kpi-month").selectOption("2026-10");
    await page.getByTestId("kpi-asof").fill("2026-11-01 00:00");
    const dept = data.report.current.department.values;
    const deptCells = await page.locator('[data-preview-row="department"] td').allTextContents();
    expect(deptCells).toEqual([
      "全部门",
      String(dept.orders),
      // The policy's four composite KPIs (issue 14), then the complaint rate.
      (dept.avgResponseHours ?? 0).toFixed(1),
      `${((dept.completionOnTimeRate ?? 0) * 100).toFixed(1)}%`,
      (dept.avgQuality ?? 0).toFixed(1),
      (dept.avgSatisfaction ?? 0).toFixed(1),
      `${((dept.complaintRate ?? 0) * 100).toFixed(1)}%`,
      (dept.compositeScore ?? 0).toFixed(2),
      dept.grade ?? "—",
    ]);
    await settle(page);
    copyFileSync(await pane.screenshot("kpi-pane-preview-zh-CN"), join(ROOT, "docs", "screenshots", "kpi-pane.png"));

    const { path } = await pane.download(() => page.getByTestId("kpi-generate").click());
    await page.locator('[data-testid="kpi-generate-section"] [data-intent="success"]').waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const plans = findPlansInWorkbook(wb);
    expect(plans.map((p) => p.marker.kind)).toEqual(["settings", "register", "problems", "kpi"]);
    const kpi = plans.find((p) => p.marker.kind === "kpi")!;
    const meta = checkedMeta(kpiMarkerOf(kpi));
    expect(meta.month).toBe("2026-10");
    expect(meta.technicians.length).toBe(data.report.current.technicians.length);
    const ws = wb.getWorksheet(kpi.sheetName)!;
    const cached = (address: string) => {
      const v = ws.getCell(address).value as { result?: unknown } | null;
      return v && typeof v === "object" && "result" in v ? v.result : v;
    };
    expect(cached(`${meta.columns.orders}${meta.departmentRow}`)).toBe(dept.orders);
    expect(cached(`${meta.columns.compositeScore}${meta.departmentRow}`)).toBeCloseTo(dept.compositeScore ?? NaN, 12);
    expect(cached(`${meta.columns.grade}${meta.departmentRow}`)).toBe(dept.grade);
    await settle(page);
    await pane.screenshot("kpi-pane-generated-zh-CN");
  });

  test("a mapping without 报修时间 is refused with a message naming the field (en-US)", async () => {
    pane = await openPane({ locale: "en-US" });
    const { page } = pane;
    await page.getByRole("tab", { name: "Work-order KPI" }).click();
    const csv = Buffer.from("Order ID,Technician,Reported at\nW1,Zhang,2026-10-05 08:30\n", "utf8");
    await page.getByTestId("kpi-file-input").setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: csv });
    await page.getByTestId("kpi-mapping").waitFor();
    await page.locator('[data-kpi-field="reportedAt"]').selectOption("");
    await page.getByTestId("kpi-confirm").click();
    await expect(page.getByTestId("kpi-mapping-error").textContent()).resolves.toContain('"Reported at"');
    await expect(page.getByTestId("kpi-check").count()).resolves.toBe(0);
    await settle(page);
    await pane.screenshot("kpi-pane-mapping-error-en-US");
  });
});
