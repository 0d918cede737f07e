/**
 * Round trips of the Excel path at scale, on the in-memory fake of the Office.js object model
 * (test/fakes/excel): the pane's whole flow for 100,000 orders — read the selected source range,
 * read the workbook's plans and settings names, write settings + register + 数据问题 + 月度KPI
 * as one unit. The number of context.sync() calls does not grow with the data except for the
 * payload chunks (reads of at most 100,000 cells, writes of at most 4 MB), no request exceeds
 * the 5 MB limit, and the source sheet is left exactly as it was.
 */
import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../src/core/settings";
import { defaultAsOf, sampleWorkOrders, serialOf } from "../../src/core/workorders";
import {
  DEFAULT_MAX_CELLS_PER_REQUEST,
  DEFAULT_MAX_REQUEST_BYTES,
  findPlans,
  readNames,
  readSelection,
  writePlans,
} from "../../src/excel";
import { kpiWorkbookPlan, proposeFor, readOrders, sourceTable } from "../../src/sheets/workorders";
import { decideWorkbookSettings } from "../../src/sheets/settings";
import { createFakeExcel, key, type FakeExcel } from "../fakes/excel";

const SOURCE = "工单导出";
const OCT = { year: 2026, month: 10 };

function workbookWithOrders(count: number): FakeExcel {
  const fake = createFakeExcel({ sheets: [SOURCE] });
  const sheet = fake.state.sheets[0]!;
  const s = sampleWorkOrders({ seed: 100, count, month: OCT });
  s.headers.forEach((h, c) => sheet.cells.set(key(1, c + 1), { value: h }));
  s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && sheet.cells.set(key(r + 2, c + 1), { value: v })));
  fake.select(SOURCE, `A1:S${count + 1}`);
  return fake;
}

interface Flow {
  readonly readSyncs: number;
  readonly lookupSyncs: number;
  readonly writeSyncs: number;
  readonly largestRequestBytes: number;
  readonly largestRead: number;
  readonly orders: number;
  /** Rows read after each read chunk, and rows written after each write batch (the pane's progress). */
  readonly rowsRead: readonly number[];
  readonly rowsWritten: readonly { written: number; total: number }[];
}

/** What the pane does in Excel, against the fake. */
async function flow(
  fake: FakeExcel,
  options: { maxCellsPerRequest?: number; targetResponseBytes?: number; maxRequestBytes?: number } = {},
): Promise<Flow> {
  const context = fake.context as Excel.RequestContext;
  const start = fake.syncCount;
  const rowsRead: number[] = [];
  const rowsWritten: { written: number; total: number }[] = [];
  const range = await readSelection(context, {
    onProgress: (p) => rowsRead.push(p.rowsRead),
    ...(options.maxCellsPerRequest ? { maxCellsPerRequest: options.maxCellsPerRequest } : {}),
    ...(options.targetResponseBytes ? { targetResponseBytes: options.targetResponseBytes } : {}),
  });
  const afterRead = fake.syncCount;
  const table = sourceTable(range);
  if (!table.ok) throw new Error(table.problem.message.en);
  const parsed = readOrders(table.value, proposeFor(table.value).mapping);
  if (!parsed.ok) throw new Error(parsed.problem.message.en);
  const state = decideWorkbookSettings(
    await findPlans(context),
    await readNames(context, Object.values(SETTING_NAMES)),
  );
  const afterLookup = fake.syncCount;
  const wb = kpiWorkbookPlan({
    parsed: parsed.value,
    month: OCT,
    asOf: defaultAsOf(OCT, serialOf(2026, 11, 27)),
    locale: "zh-CN",
    settings: state.status === "present" ? state.settings : DEFAULT_SETTINGS,
    includeSettings: state.status !== "present",
  });
  if (!wb.ok) throw new Error(wb.problem.message.en);
  const report = await writePlans(context, wb.value.plan, {
    onProgress: (p) => rowsWritten.push({ written: p.rowsWritten, total: p.rowsTotal }),
    ...(options.maxRequestBytes ? { maxRequestBytes: options.maxRequestBytes } : {}),
  });
  const reads = fake.syncs.slice(start, afterRead).map((s) => s.bytes);
  return {
    readSyncs: afterRead - start,
    lookupSyncs: afterLookup - afterRead,
    writeSyncs: report.syncs,
    largestRequestBytes: Math.max(report.largestRequestBytes, ...fake.syncs.map((s) => s.bytes)),
    largestRead: Math.max(...reads),
    orders: parsed.value.rowsUsed,
    rowsRead,
    rowsWritten,
  };
}

test("100,000 orders: constant round trips apart from payload chunks, no request over the cap, source untouched", async () => {
  const big = workbookWithOrders(100_000);
  const sourceBefore = JSON.stringify(big.state.sheets[0]!.cells.size);
  const cellsBefore = [...big.state.sheets[0]!.cells.entries()].slice(0, 2000);
  const large = await flow(big);
  const small = await flow(workbookWithOrders(2_000));

  // Reading: one sync for the extent, then one per ≤ 100,000 cells.
  const cells = 100_001 * 19;
  expect(large.readSyncs).toBe(1 + Math.ceil(cells / DEFAULT_MAX_CELLS_PER_REQUEST));
  expect(small.readSyncs).toBe(2);
  // Plans and settings names: a constant.
  expect(large.lookupSyncs).toBe(small.lookupSyncs);
  // Writing: every request under the writer's cap (and so under the 5 MB limit the fake enforces).
  expect(large.largestRequestBytes).toBeLessThanOrEqual(DEFAULT_MAX_REQUEST_BYTES);
  expect(big.syncs.every((s) => s.bytes <= 5 * 1024 * 1024 && !s.failed)).toBe(true);
  // Progress per chunk: rows read after each read sync, rows written after each write batch.
  expect(large.rowsRead).toHaveLength(large.readSyncs);
  expect(large.rowsRead[large.rowsRead.length - 1]).toBe(100_001);
  const last = large.rowsWritten[large.rowsWritten.length - 1]!;
  expect(last.written).toBe(last.total);
  expect(last.total).toBeGreaterThan(100_000);
  expect(new Set(large.rowsWritten.map((p) => p.written)).size).toBeGreaterThan(5);

  // Without the chunking (a request may be as large as it likes), the flow's round trips are the
  // same for 2,000 and for 100,000 orders: only the payload chunks grew with the data.
  const unlimited = (count: number) => {
    const fake = workbookWithOrders(count);
    fake.setPayloadLimit(Number.MAX_SAFE_INTEGER);
    fake.setResponseLimit(Number.MAX_SAFE_INTEGER);
    return flow(fake, {
      maxCellsPerRequest: Number.MAX_SAFE_INTEGER,
      targetResponseBytes: Number.MAX_SAFE_INTEGER,
      maxRequestBytes: Number.MAX_SAFE_INTEGER,
    });
  };
  const [u1, u2] = [await unlimited(2_000), await unlimited(100_000)];
  expect([u2.readSyncs, u2.lookupSyncs, u2.writeSyncs]).toEqual([u1.readSyncs, u1.lookupSyncs, u1.writeSyncs]);

  // The source range is never modified.
  expect(JSON.stringify(big.state.sheets[0]!.cells.size)).toBe(sourceBefore);
  expect([...big.state.sheets[0]!.cells.entries()].slice(0, 2000)).toEqual(cellsBefore);
  expect(big.state.sheets.map((s) => s.name)).toEqual([
    SOURCE,
    "考核参数",
    "工单登记表",
    "数据问题",
    "月度KPI 2026-10",
  ]);

  console.log(
    [
      `fake Excel, ${large.orders} orders used of 100,000 rows:`,
      `  read selection ${large.readSyncs} syncs (largest read request ${large.largestRead} B), plans + names ${large.lookupSyncs} syncs, write ${large.writeSyncs} syncs`,
      `  total ${large.readSyncs + large.lookupSyncs + large.writeSyncs} syncs; largest request ${large.largestRequestBytes} B (cap ${DEFAULT_MAX_REQUEST_BYTES} B)`,
      `  2,000 orders: read ${small.readSyncs}, lookups ${small.lookupSyncs}, write ${small.writeSyncs} syncs`,
      `  without chunking: 2,000 → ${u1.readSyncs}+${u1.lookupSyncs}+${u1.writeSyncs}, 100,000 → ${u2.readSyncs}+${u2.lookupSyncs}+${u2.writeSyncs} syncs`,
    ].join("\n"),
  );
}, 600_000);
