/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, shared by scripts and tests */
// Sizes of the files in dist/, raw and gzip-compressed (zlib level 6, what web servers use).
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { isOfficeJsRuntimeFile } = require("./office-js-files.js");

/** Every file under `dir` with its raw and gzip size, sorted by path ("/" separated). */
function distSizes(dir) {
  const out = [];
  const visit = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(rel);
      else {
        const bytes = fs.readFileSync(path.join(dir, rel));
        out.push({ file: rel, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 6 }).length });
      }
    }
  };
  visit("");
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Which group a dist file belongs to in the report. */
function groupOf(file) {
  if (file.endsWith(".map")) return "source maps";
  if (isOfficeJsRuntimeFile(file)) {
    if (file.endsWith("/office_strings.js")) return "office.js locale strings (Office loads one)";
    if (/^excel/.test(file)) return "office.js Excel host files (Office loads one)";
    if (file === "office.js" || file === "o15apptofilemappingtable.js") return null;
    return "office.js telemetry";
  }
  return null;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The report as lines of text; `all` lists every file instead of summarising groups. */
function formatSizes(entries, { all = false } = {}) {
  const rows = [];
  const groups = new Map();
  for (const e of entries) {
    const g = all ? null : groupOf(e.file);
    if (g === null) rows.push([e.file, e.raw, e.gzip]);
    else {
      const s = groups.get(g) || { n: 0, raw: 0, gzip: 0 };
      s.n++;
      s.raw += e.raw;
      s.gzip += e.gzip;
      groups.set(g, s);
    }
  }
  for (const [g, s] of groups) rows.push([`${g}: ${s.n} files`, s.raw, s.gzip]);
  const width = Math.max(...rows.map((r) => r[0].length), 4);
  const total = entries.reduce((t, e) => ({ raw: t.raw + e.raw, gzip: t.gzip + e.gzip }), { raw: 0, gzip: 0 });
  return [
    `${"file".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip".padStart(10)}`,
    ...rows.map(([f, r, g]) => `${f.padEnd(width)}  ${kb(r).padStart(10)}  ${kb(g).padStart(10)}`),
    `${`total: ${entries.length} files`.padEnd(width)}  ${kb(total.raw).padStart(10)}  ${kb(total.gzip).padStart(10)}`,
  ];
}

module.exports = { distSizes, formatSizes, groupOf };
