#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node script over the TypeScript sources */
// The read side alone, as the command line does it: the file's bytes → readTableFile (CSV or
// the safe .xlsx reader) → header row and mapping → parseOrders. Prints rows read/used,
// problems, the time, and the JS heap in use after parsing. Run under `/usr/bin/time -v` for the
// process's peak: `/usr/bin/time -v node scripts/reliability/read-peak.cjs orders.csv`.
"use strict";
require("../bench/register-ts.cjs");
const { readTableFile } = require("../../src/xlsx/readFile.ts");
const { sourceTable, proposeFor, readOrders } = require("../../src/sheets/workorders/importRange.ts");

(async () => {
  const t0 = Date.now();
  const range = await readTableFile(process.argv[2]);
  const table = sourceTable(range);
  if (!table.ok) throw new Error(table.problem.message.en);
  const parsed = readOrders(table.value, proposeFor(table.value).mapping);
  if (!parsed.ok) throw new Error(parsed.problem.message.en);
  const ms = Date.now() - t0;
  if (global.gc) global.gc();
  const heap = process.memoryUsage().heapUsed / 1e6;
  const p = parsed.value;
  console.log(
    `${process.argv[2]}: ${p.rowsRead} rows read, ${p.rowsUsed} used, ${p.problems.length} problems; ${(ms / 1000).toFixed(1)} s; heap in use after parsing ${heap.toFixed(0)} MB`,
  );
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
