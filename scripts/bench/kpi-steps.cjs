// The kpi command's steps on a CSV export, as the benchmark scripts call them (the same modules
// the command uses, compiled on load): read the cells, parse them into orders, build the plans.
require("./register-ts.cjs");
const path = require("node:path");
const src = path.join(__dirname, "..", "..", "src");
const { readTableFile } = require(path.join(src, "xlsx", "readFile"));
const { sourceTable, proposeFor, readOrders, kpiWorkbookPlan } = require(path.join(src, "sheets", "workorders"));
const { DEFAULT_SETTINGS } = require(path.join(src, "core", "settings"));
const { serialOf } = require(path.join(src, "core", "workorders"));

/** The CSV file as cells. */
function read(input) {
  return readTableFile(input, { kind: "csv" });
}

/** The cells as orders (the command's column mapping, proposed from the headers). */
function parse(range) {
  const table = sourceTable(range);
  if (!table.ok) throw new Error(table.problem.message.en);
  const parsed = readOrders(table.value, proposeFor(table.value).mapping);
  if (!parsed.ok) throw new Error(parsed.problem.message.en);
  return { table, parsed: parsed.value };
}

/** October 2026's register, problems, KPI and settings sheets. */
function plan(parsed, address) {
  const wb = kpiWorkbookPlan({
    parsed,
    month: { year: 2026, month: 10 },
    asOf: serialOf(2026, 11, 1),
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    source: { name: "orders.csv", address },
    includeSettings: true,
  });
  if (!wb.ok) throw new Error(wb.problem.message.en);
  return wb.value.plan;
}

module.exports = { read, parse, plan, src };
