// Where the time and memory of `service-appraisal kpi` go, stage by stage, on a CSV export:
// `node --expose-gc scripts/bench/kpi-stages.cjs orders.csv out.xlsx` prints one JSON object:
// for each stage (read: the CSV as cells; parse: rows → orders; plan: engine + sheet plans;
// write: the .xlsx file) its time, the heap and RSS after it (after a full GC, so what the
// stage keeps alive), and the process's peak RSS at the end. Runs the CLI's own modules
// (compiled on load), the same calls the kpi command makes.
require("./register-ts.cjs");
const path = require("node:path");
const src = path.join(__dirname, "..", "..", "src");
const { readTableFile } = require(path.join(src, "xlsx", "readFile"));
const { sourceTable, proposeFor, readOrders, kpiWorkbookPlan } = require(path.join(src, "sheets", "workorders"));
const { DEFAULT_SETTINGS } = require(path.join(src, "core", "settings"));
const { serialOf } = require(path.join(src, "core", "workorders"));
const { writeXlsxFile } = require(path.join(src, "xlsx", "node"));

const mb = (n) => Math.round(n / 1e5) / 10;
function snapshot() {
  if (global.gc) global.gc();
  const m = process.memoryUsage();
  return { heapMB: mb(m.heapUsed), rssMB: mb(m.rss), externalMB: mb(m.external + m.arrayBuffers) };
}

async function main() {
  const [input, out] = process.argv.slice(2);
  const stages = {};
  const keep = [];
  let t = performance.now();
  const stage = (name) => {
    const now = performance.now();
    stages[name] = { ms: Math.round(now - t), ...snapshot() };
    t = performance.now();
  };
  stage("start");
  let range = await readTableFile(input, { kind: "csv" });
  stage("read");
  let table = sourceTable(range);
  if (!table.ok) throw new Error(table.problem.message.en);
  const parsed = readOrders(table.value, proposeFor(table.value).mapping);
  if (!parsed.ok) throw new Error(parsed.problem.message.en);
  const source = { name: "orders.csv", address: range.address };
  if (process.env.DROP_INPUT) range = table = null;
  else keep.push(range, table);
  stage("parse");
  const wb = kpiWorkbookPlan({
    parsed: parsed.value,
    month: { year: 2026, month: 10 },
    asOf: serialOf(2026, 11, 1),
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    source,
    includeSettings: true,
  });
  if (!wb.ok) throw new Error(wb.problem.message.en);
  stage("plan");
  await writeXlsxFile(wb.value.plan, out);
  stage("write");
  keep.push(wb);
  process.stdout.write(
    `${JSON.stringify({ orders: parsed.value.rowsRead, stages, peakRssMB: mb(process.resourceUsage().maxRSS * 1024) })}\n`,
  );
}
main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
