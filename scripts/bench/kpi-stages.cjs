// Where the time and memory of `service-appraisal kpi` go, stage by stage, on a CSV export:
// `node --expose-gc scripts/bench/kpi-stages.cjs orders.csv out.xlsx` prints one JSON object:
// for each stage (read: the CSV as cells; parse: rows → orders; plan: engine + sheet plans;
// write: the .xlsx file) its time, the heap and RSS after it (after a full GC, so what the
// stage keeps alive), and the process's peak RSS at the end. Runs the CLI's own modules
// (compiled on load), the same calls the kpi command makes.
const path = require("node:path");
const { read, parse, plan, src } = require("./kpi-steps.cjs");
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
  let range = await read(input);
  stage("read");
  const parsed = parse(range);
  const address = range.address;
  if (process.env.DROP_INPUT) range = null;
  else keep.push(range, parsed.table);
  stage("parse");
  const wb = plan(parsed.parsed, address);
  stage("plan");
  await writeXlsxFile(wb, out);
  stage("write");
  keep.push(wb);
  process.stdout.write(
    `${JSON.stringify({ orders: parsed.parsed.rowsRead, stages, peakRssMB: mb(process.resourceUsage().maxRSS * 1024) })}\n`,
  );
}
main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
