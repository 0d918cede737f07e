// Writes N sample work orders (core/workorders sampleWorkOrders: messy on purpose, all in
// October 2026) as a CSV export to the given path: `node scripts/bench/orders-csv.cjs N out.csv`.
// Used by the writer benchmark to give the CLI and XlsxWriter the same input.
require("./register-ts.cjs");
const fs = require("node:fs");
const path = require("node:path");
const { sampleWorkOrders } = require(path.join(__dirname, "..", "..", "src", "core", "workorders"));

const [count, out] = [Number(process.argv[2]), process.argv[3]];
const table = sampleWorkOrders({ seed: 7, count, month: { year: 2026, month: 10 }, serialDates: 0 });
const cell = (v) => {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const fd = fs.openSync(out, "w");
fs.writeSync(fd, `${table.headers.map(cell).join(",")}\n`);
for (const row of table.rows) fs.writeSync(fd, `${row.map(cell).join(",")}\n`);
fs.closeSync(fd);
