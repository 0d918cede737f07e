/**
 * KPI figures for `npm run bench` (scripts/bench.mjs runs every exported bench* function):
 * - benchKpiEngine: the engine on 1,000,000 orders — monthly aggregation (orders/s), the month
 *   and its previous month as the KPI sheet needs them, and row parsing of messy text;
 * - benchKpiLibreOffice: the register + 月度KPI workbook for 100,000 orders recalculated by
 *   LibreOffice, beside the engine's time for the same data (side by side in one run, so the
 *   ratio does not depend on the machine). The recalculation is timed inside LibreOffice:
 *   a Python-UNO script (Debian's python3-uno) opens the file without recalculating and times
 *   `calculateAll()` alone; without python3-uno, the end-to-end convert (load + recalculate +
 *   save) is reported instead.
 */
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import {
  aggregateMonth,
  monthlyKpiReport,
  parseOrders,
  proposeMapping,
  sampleOrders,
  sampleWorkOrders,
  serialOf,
} from "../../src/core/workorders";
import { kpiWorkbookPlan } from "../../src/sheets/workorders";
import { xlsxBytes } from "../../src/xlsx/writeXlsx";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { findSoffice, recalculateXlsx } from "../support/libreoffice";

const OCT = { year: 2026, month: 10 };
const AS_OF = serialOf(2026, 11, 1);

/** Best of `runs` timings, in ms (the first run also warms the JIT). */
function best(runs: number, work: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

export async function benchKpiEngine(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const n = 1_000_000;
  // All in the month, 30 technicians.
  const orders = sampleOrders({ seed: 1, count: n, technicians: 30 }).map((o) => ({
    ...o,
    reportedAt: Math.max(serialOf(2026, 10, 1), Math.min(o.reportedAt, serialOf(2026, 10, 31, 23, 0))),
  }));
  let orderCount = 0;
  const month = best(3, () => {
    const r = aggregateMonth(orders, { month: OCT, asOf: AS_OF, settings: DEFAULT_SETTINGS });
    if (!r.ok) throw new Error(r.problem.message.en);
    orderCount = r.value.department.counts.orders;
  });
  out["orders in the month"] = orderCount;
  out["aggregate 1,000,000 orders, one month (ms)"] = Math.round(month);
  out["aggregate: orders per second"] = Math.round(n / (month / 1000));
  const report = best(3, () => {
    const r = monthlyKpiReport(orders, { month: OCT, asOf: AS_OF, settings: DEFAULT_SETTINGS });
    if (!r.ok) throw new Error(r.problem.message.en);
  });
  out["month + previous month for the KPI sheet (ms)"] = Math.round(report);

  const table = sampleWorkOrders({ seed: 2, count: 200_000, month: OCT });
  const mapping = proposeMapping(table.headers).mapping;
  let used = 0;
  const parse = best(2, () => {
    used = parseOrders(table.rows, mapping, { firstRow: 2, headers: table.headers }).rowsUsed;
  });
  out["parse 200,000 messy rows (ms)"] = Math.round(parse);
  out["parse: rows per second"] = Math.round(200_000 / (parse / 1000));
  out["parse: rows used"] = used;
  return out;
}

export async function benchKpiLibreOffice(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const table = sampleWorkOrders({ seed: 3, count: 100_000, month: OCT, technicians: 30 });
  // The engine's time for the same data: parse the rows, then the KPIs of the month and the previous one.
  const t0 = performance.now();
  const parsed = parseOrders(table.rows, proposeMapping(table.headers).mapping, {
    firstRow: 2,
    headers: table.headers,
  });
  const report = monthlyKpiReport(parsed.orders, { month: OCT, asOf: AS_OF, settings: DEFAULT_SETTINGS });
  const engineMs = performance.now() - t0;
  if (!report.ok) throw new Error(report.problem.message.en);
  out["orders in the register"] = parsed.rowsUsed;
  out["technicians"] = report.value.current.technicians.length;
  out["engine: parse + KPIs (ms)"] = Math.round(engineMs);

  const t1 = performance.now();
  const wb = kpiWorkbookPlan({
    parsed,
    month: OCT,
    asOf: AS_OF,
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    includeSettings: true,
  });
  if (!wb.ok) throw new Error(wb.problem.message.en);
  out["plan: settings + register + problems + KPI (ms)"] = Math.round(performance.now() - t1);
  const t2 = performance.now();
  const { bytes } = await xlsxBytes(wb.value.plan);
  out["xlsx write (ms)"] = Math.round(performance.now() - t2);
  out["xlsx file (bytes)"] = bytes.length;
  if (!findSoffice()) {
    out["LibreOffice"] = "not installed: skipped";
    return out;
  }
  const uno = await timeRecalculationWithUno(bytes);
  if (uno) {
    out["LibreOffice: open without recalculating (ms)"] = uno.loadMs;
    out["LibreOffice: calculateAll(), full recalculation (ms)"] = uno.recalcMs;
    out["ratio: LibreOffice full recalculation / engine"] = Number((uno.recalcMs / engineMs).toFixed(1));
  } else {
    out["python3-uno"] = "missing: timing the whole convert instead";
  }
  const full = await recalculateXlsx(bytes, { timeoutMs: 1_800_000 });
  out["LibreOffice convert: load + full recalculation + save (ms)"] = full.elapsedMs;
  out["ratio: LibreOffice convert / engine"] = Number((full.elapsedMs / engineMs).toFixed(1));
  return out;
}

/** Opens the file in LibreOffice (no recalculation on load) and times calculateAll(). */
const UNO_SCRIPT = String.raw`
import json, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue
soffice, profile, url, port = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
proc = subprocess.Popen([soffice, "-env:UserInstallation=" + profile, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                         "--accept=socket,host=127.0.0.1,port=" + port + ";urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(240):
        try:
            ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=" + port + ";urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    hidden = PropertyValue()
    hidden.Name = "Hidden"
    hidden.Value = True
    t0 = time.time()
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (hidden,))
    t1 = time.time()
    doc.calculateAll()
    t2 = time.time()
    print(json.dumps({"loadMs": round((t1 - t0) * 1000), "recalcMs": round((t2 - t1) * 1000)}))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        proc.wait(timeout=30)
    except Exception:
        proc.kill()
`;

const NEVER_RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>1</value></prop></item>
</oor:items>
`;

async function timeRecalculationWithUno(bytes: Uint8Array): Promise<{ loadMs: number; recalcMs: number } | null> {
  const python = "/usr/bin/python3";
  const soffice = findSoffice();
  if (!soffice || !existsSync(python)) return null;
  const dir = await mkdtemp(join(tmpdir(), "svc-kpi-uno-"));
  try {
    await mkdir(join(dir, "profile", "user"), { recursive: true });
    await writeFile(join(dir, "profile", "user", "registrymodifications.xcu"), NEVER_RECALC_XCU);
    await writeFile(join(dir, "book.xlsx"), bytes);
    await writeFile(join(dir, "time.py"), UNO_SCRIPT);
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        python,
        [
          join(dir, "time.py"),
          soffice,
          pathToFileURL(join(dir, "profile")).href,
          pathToFileURL(join(dir, "book.xlsx")).href,
          port,
        ],
        { timeout: 1_800_000 },
        (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${String(errOut)}`)) : resolve(String(out))),
      ),
    );
    const line = stdout.trim().split("\n").pop() ?? "";
    return JSON.parse(line) as { loadMs: number; recalcMs: number };
  } catch (e) {
    if (/No module named 'uno'/.test((e as Error).message)) return null;
    throw e;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
