#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- the package's CommonJS entry */
// `service-appraisal ...` (package.json "bin"): runs the compiled command line, lib/cli/main.js,
// built from src/cli by `npm run build:cli` (also run by `npm install` / `npm ci` via prepare).
// Contract: lib/cli/main.js exports `main(argv: string[]): number | Promise<number>` (the exit
// code) and does not run by itself when required.
//
// The command runs in a worker thread whose heap is capped at this process's own limit (what
// --max-old-space-size or NODE_OPTIONS give Node). An input too large for the memory then
// ends the worker, not the process: this thread prints one line with the numbers (no V8 heap
// dump, no stack trace), removes the temporary files the command was writing (lib/cli/io.ts
// reports them here) and exits 1, so no half-written output is left behind. Ctrl-C and
// SIGTERM clean up the same way.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const v8 = require("node:v8");
const { Worker, isMainThread, parentPort } = require("node:worker_threads");

const root = path.resolve(__dirname, "..");
const entry = path.join(root, "lib", "cli", "main.js");

function checkBuilt() {
  if (!fs.existsSync(entry)) {
    console.error(`service-appraisal: the command line is not built yet: run \`npm run build:cli\` in ${root}`);
    process.exit(1);
  }
}

function loadMain() {
  checkBuilt();
  const cli = require(entry);
  const main = typeof cli.main === "function" ? cli.main : typeof cli.default === "function" ? cli.default : null;
  if (main === null) {
    console.error(
      `service-appraisal: ${path.relative(root, entry)} exports no main(argv) function: run \`npm run build:cli\` again`,
    );
    process.exit(1);
  }
  return main;
}

function lastResort(error) {
  // The CLI reports expected problems itself; this is the last line of defence: one line, no stack.
  return `service-appraisal: ${error && error.message ? error.message : String(error)}`;
}

if (!isMainThread) {
  const main = loadMain();
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => parentPort.postMessage({ exit: Number.isInteger(code) ? code : 0 }),
      (error) => {
        console.error(lastResort(error));
        parentPort.postMessage({ exit: 1 });
      },
    );
} else {
  // Only the worker loads the command line: this thread stays small (loading it here too cost
  // a second copy of every module in memory).
  checkBuilt();
  const argv = process.argv.slice(2);
  const heapMb = Math.floor(v8.getHeapStatistics().heap_size_limit / (1024 * 1024));
  const temps = new Set();
  let exitCode = null;
  const cleanup = () => {
    // Also every temporary name lib/cli/io.ts may have made for an output named on the command
    // line (.<name>.<pid>-<random>.tmp beside it): a file created a moment before its message arrived.
    for (const a of argv) {
      const value = path.resolve(a.includes("=") ? a.slice(a.indexOf("=") + 1) : a);
      const prefix = `.${path.basename(value)}.${process.pid}-`;
      try {
        for (const f of fs.readdirSync(path.dirname(value)))
          if (f.startsWith(prefix) && f.endsWith(".tmp")) temps.add(path.join(path.dirname(value), f));
      } catch {
        // not a path in a readable folder
      }
    }
    for (const tmp of temps) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // already renamed or removed
      }
    }
    temps.clear();
  };
  const worker = new Worker(__filename, { argv, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  worker.on("message", (m) => {
    if (m && typeof m.tempCreated === "string") temps.add(m.tempCreated);
    else if (m && typeof m.tempDone === "string") temps.delete(m.tempDone);
    else if (m && Number.isInteger(m.exit)) exitCode = m.exit;
  });
  worker.on("error", (error) => {
    cleanup();
    const zh = /^zh/i.test(argvLang(argv) || process.env.LC_ALL || process.env.LANG || "");
    if (error && error.code === "ERR_WORKER_OUT_OF_MEMORY") {
      const inputs = inputSizes(argv);
      console.error(
        zh
          ? `service-appraisal ${argv[0] ?? ""}: 内存不足（上限 ${heapMb.toLocaleString("en-US")} MB${inputs ? `；输入 ${inputs}` : ""}），已停止，没有写入任何文件：请拆分输入（例如按月份），或用 NODE_OPTIONS=--max-old-space-size=${heapMb * 2} 给 Node 更多内存`
          : `service-appraisal ${argv[0] ?? ""}: out of memory (limit ${heapMb.toLocaleString("en-US")} MB${inputs ? `; input ${inputs}` : ""}); stopped, nothing was written: split the input (e.g. by month) or give Node more memory with NODE_OPTIONS=--max-old-space-size=${heapMb * 2}`,
      );
    } else {
      console.error(lastResort(error));
    }
    process.exitCode = 1;
  });
  worker.on("exit", (code) => {
    cleanup();
    if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = exitCode ?? (code || 1);
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      cleanup();
      process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
    });
  }
}

function argvLang(argv) {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "";
  return argv[i].includes("=") ? argv[i].split("=")[1] : (argv[i + 1] ?? "");
}

/** "orders.csv 48.2 MB" for the existing files among the arguments. */
function inputSizes(argv) {
  const parts = [];
  for (const a of argv) {
    const p = a.includes("=") ? a.slice(a.indexOf("=") + 1) : a;
    try {
      const st = fs.statSync(p);
      if (st.isFile()) parts.push(`${path.basename(p)} ${(st.size / 1e6).toFixed(1)} MB`);
    } catch {
      // not a file
    }
  }
  return parts.join(", ");
}
