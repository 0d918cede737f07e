/**
 * The `kpi` command's two outputs agree after a real recalculation: the .xlsx written by --out,
 * recalculated in headless LibreOffice, shows on its 月度KPI sheet (found by marker) the same
 * number for every KPI of every technician and of the department as the --json file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { KPI_VALUE_KEYS, sampleWorkOrders } from "../../src/core/workorders";
import { main, type MainIO } from "../../src/cli/main";
import type { KpiJson, KpiJsonValues } from "../../src/cli/commands/kpi";
import { kpiMarkerOf } from "../../src/sheets/workorders";
import { findPlansInWorkbook } from "../support/exceljs/read";
import { computedValue, recalculateXlsx, type Computed } from "../support/libreoffice";
import { checkedMeta } from "../support/markers";

function same(json: number | string | null, cell: Computed): boolean {
  if (json === null) return cell === null || cell === "";
  if (typeof json === "number")
    return typeof cell === "number" && Math.abs(cell - json) <= 1e-9 * Math.max(1, Math.abs(json));
  return cell === json;
}

test("kpi --out, recalculated in LibreOffice, computes the same numbers as kpi --json", async () => {
  const dir = mkdtempSync(join(tmpdir(), "svc-kpi-e2e-"));
  try {
    const s = sampleWorkOrders({ seed: 2026, count: 3000, month: { year: 2026, month: 10 }, mistakes: 0.04 });
    writeFileSync(
      join(dir, "orders.csv"),
      "\ufeff" + Papa.unparse([s.headers, ...s.rows.map((r) => r.map((c) => (c === null ? "" : c)))]),
    );
    const err: string[] = [];
    const io: MainIO = {
      stdout: () => undefined,
      stderr: (l) => err.push(l),
      cwd: dir,
      env: { LANG: "zh-CN" },
      now: () => new Date(2026, 10, 27, 9, 0),
    };
    const code = await main(
      ["kpi", "--orders", "orders.csv", "--month", "2026-10", "--out", "kpi.xlsx", "--json", "kpi.json"],
      io,
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "kpi.json"), "utf8")) as KpiJson;
    const { workbook, elapsedMs } = await recalculateXlsx(new Uint8Array(readFileSync(join(dir, "kpi.xlsx"))));
    const found = findPlansInWorkbook(workbook).find((p) => p.marker.kind === "kpi")!;
    const meta = checkedMeta(kpiMarkerOf(found));
    const ws = workbook.getWorksheet(found.sheetName)!;
    expect(meta.technicians).toEqual(json.technicians.map((t) => t.technician));
    const rows: [number, KpiJsonValues][] = [
      ...json.technicians.map((t, i): [number, KpiJsonValues] => [meta.firstRow + i, t]),
      [meta.departmentRow, json.department],
    ];
    const mismatches: string[] = [];
    let compared = 0;
    // 维修及时率's counts are JSON values and helper counts only (issue 14); every other KPI has a column.
    const onSheet = KPI_VALUE_KEYS.filter((key) => key in meta.columns);
    expect(KPI_VALUE_KEYS.filter((key) => !onSheet.includes(key))).toEqual([
      "completionMet",
      "completionMissed",
      "completionPending",
      "completionUnknown",
    ]);
    for (const [row, values] of rows) {
      for (const key of onSheet) {
        const cell = computedValue(ws.getCell(`${meta.columns[key]}${row}`));
        compared++;
        if (!same(values[key], cell))
          mismatches.push(
            `${meta.columns[key]}${row} ${key}: json ${JSON.stringify(values[key])}, sheet ${JSON.stringify(cell)}`,
          );
      }
    }
    console.log(
      `kpi CLI: ${compared} KPI cells compared with the JSON, ${mismatches.length} mismatches (LibreOffice ${elapsedMs} ms)`,
    );
    expect(mismatches).toEqual([]);
    expect(compared).toBe((json.technicians.length + 1) * onSheet.length);
    expect(json.department.orders).toBeGreaterThan(2000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
