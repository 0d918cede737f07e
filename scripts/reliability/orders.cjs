#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node script over the TypeScript sources */
// Writes N sample work orders (core/workorders sampleWorkOrders, seeded, 2% mistakes) as a
// CSV (UTF-8 with BOM, as Excel saves it) or an .xlsx (inline strings, numbers as numbers),
// for measuring the importers: `node scripts/reliability/orders.cjs 200000 orders.csv`.
"use strict";
require("../bench/register-ts.cjs");
const fs = require("node:fs");
const Papa = require("papaparse");
const { sampleWorkOrders } = require("../../src/core/workorders/index.ts");
const { buildXlsx, row } = require("../../test/support/xlsxParts.ts");

const [count, out] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(count) || count < 1 || !out) {
  console.error("usage: node scripts/reliability/orders.cjs COUNT FILE.csv|FILE.xlsx");
  process.exit(2);
}
const s = sampleWorkOrders({ seed: 2026, count, month: { year: 2026, month: 10 }, mistakes: 0.02 });
if (out.endsWith(".xlsx")) {
  const body = [
    row(1, s.headers),
    ...s.rows.map((r, i) =>
      row(
        i + 2,
        r.map((c) => (typeof c === "boolean" ? String(c) : c)),
      ),
    ),
  ].join("");
  fs.writeFileSync(out, buildXlsx({ sheets: [{ name: "工单", body }] }));
} else {
  fs.writeFileSync(
    out,
    "\ufeff" + Papa.unparse([s.headers, ...s.rows.map((r) => r.map((c) => (c === null ? "" : c)))]),
  );
}
console.log(`${count} orders → ${out} (${(fs.statSync(out).size / 1e6).toFixed(1)} MB)`);
