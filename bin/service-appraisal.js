#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- the package's CommonJS entry */
// `service-appraisal ...` (package.json "bin"): runs the compiled command line, lib/cli/main.js,
// built from src/cli by `npm run build:cli` (also run by `npm install` / `npm ci` via prepare).
// Contract: lib/cli/main.js exports `main(argv: string[]): number | Promise<number>` (the exit
// code) and does not run by itself when required.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const entry = path.join(root, "lib", "cli", "main.js");

if (!fs.existsSync(entry)) {
  console.error(`service-appraisal: the command line is not built yet: run \`npm run build:cli\` in ${root}`);
  process.exit(1);
}

const cli = require(entry);
const main = typeof cli.main === "function" ? cli.main : typeof cli.default === "function" ? cli.default : null;
if (main === null) {
  console.error(
    `service-appraisal: ${path.relative(root, entry)} exports no main(argv) function: run \`npm run build:cli\` again`,
  );
  process.exit(1);
}

Promise.resolve()
  .then(() => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = Number.isInteger(code) ? code : 0;
    },
    (error) => {
      // The CLI reports expected problems itself; this is the last line of defence: one line, no stack.
      console.error(`service-appraisal: ${error && error.message ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
