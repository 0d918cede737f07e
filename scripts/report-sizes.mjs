#!/usr/bin/env node
// Prints the size of every file in dist/ (raw and gzip). The copied office.js host files,
// locale strings and source maps are summed per group; `--all` lists each of them too.
//   node scripts/report-sizes.mjs [--all] [dist-dir]
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { distSizes, formatSizes } = require("./support/bundle-sizes.js");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const dir = path.resolve(args.find((a) => !a.startsWith("--")) ?? path.join(ROOT, "dist"));
if (!fs.existsSync(dir)) {
  console.error(`${dir} does not exist: run \`npm run build\` first.`);
  process.exit(1);
}
console.log(`Bundle sizes in ${path.relative(process.cwd(), dir) || dir}/`);
for (const line of formatSizes(distSizes(dir), { all: args.includes("--all") })) console.log(`  ${line}`);
