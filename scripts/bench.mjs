#!/usr/bin/env node
// `npm run bench`: runs every test/bench/*.bench.ts. Each file exports async functions whose
// names start with "bench"; each returns a record of figures (numbers or strings). Figures are
// printed and saved to test-output/bench.json. Benchmarks compare things side by side in one
// run (ratios), so the machine's speed cancels out; tests never assert on time.
import { createRequire } from "node:module";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
require("./bench/register-ts.cjs");

const only = process.argv.slice(2);
const dir = join(root, "test", "bench");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const results = {};
let failed = false;
for (const file of files) {
  const mod = require(join(dir, file));
  for (const [name, fn] of Object.entries(mod)) {
    if (!name.startsWith("bench") || typeof fn !== "function") continue;
    const key = `${file.replace(/\.bench\.ts$/, "")}/${name}`;
    process.stdout.write(`\n▶ ${key}\n`);
    try {
      const figures = await fn();
      results[key] = figures;
      for (const [k, v] of Object.entries(figures ?? {}))
        process.stdout.write(`  ${k.padEnd(48)} ${typeof v === "number" ? formatNumber(v) : String(v)}\n`);
    } catch (e) {
      failed = true;
      results[key] = { error: e instanceof Error ? e.message : String(e) };
      process.stdout.write(`  failed: ${results[key].error}\n`);
    }
  }
}
mkdirSync(join(root, "test-output"), { recursive: true });
writeFileSync(
  join(root, "test-output", "bench.json"),
  JSON.stringify({ when: new Date().toISOString(), node: process.version, results }, null, 2),
);
process.stdout.write(`\nsaved test-output/bench.json\n`);
process.exitCode = failed ? 1 : 0;

function formatNumber(v) {
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  return Number(v.toPrecision(4)).toLocaleString("en-US", { maximumSignificantDigits: 4 });
}
