/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, loaded by webpack.config.js */
// Which files of @microsoft/office-js/dist the add-in serves itself (instead of Microsoft's CDN).
// office.js loads, from its own folder: o15apptofilemappingtable.js, one host file chosen at run
// time (excel-web-16.00.js, excel-win32-16.01-core.js, ... — always excel-*, since the manifest
// names only the Workbook host), the locale's office_strings.js, and its telemetry scripts.
// Everything else in the package (debug builds, Word/Outlook/PowerPoint/OneNote/Project/Access
// host files, webauth, vsdoc) is left out: about 86 MB of it.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** Is this file (path relative to @microsoft/office-js/dist, "/" or "\\" separated) served? */
function isOfficeJsRuntimeFile(relative) {
  const rel = relative.split(path.sep).join("/");
  if (rel.endsWith(".debug.js")) return false;
  if (rel === "office.js" || rel === "o15apptofilemappingtable.js") return true;
  if (/^excel[a-z0-9.-]*\.js$/.test(rel)) return true; // excel-web-16.00.js, excel-15.02.js, excelwebapp-15.js, excelios-15.js
  if (/^[a-z]{2,3}(?:-[a-z0-9]+)+\/office_strings\.js$/.test(rel)) return true; // zh-cn/office_strings.js, ...
  return rel === "telemetry/oteljs_agave.js" || rel === "ariatelemetry/aria-web-telemetry.js";
}

/** The served files, relative to `dir`, sorted. */
function listOfficeJsRuntimeFiles(dir = OFFICE_JS_DIST) {
  const out = [];
  const visit = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(rel);
      else if (isOfficeJsRuntimeFile(rel)) out.push(rel);
    }
  };
  visit("");
  return out.sort();
}

/**
 * copy-webpack-plugin patterns: every served file to the same relative path under dist/,
 * marked as already minimized so the production minifier leaves it alone.
 */
function officeJsCopyPatterns(dir = OFFICE_JS_DIST) {
  return [
    {
      from: "**/*.js",
      context: dir,
      to: "[path][name][ext]",
      filter: (absolute) => isOfficeJsRuntimeFile(path.relative(dir, absolute)),
      info: { minimized: true, officeJs: true },
    },
  ];
}

module.exports = { OFFICE_JS_DIST, isOfficeJsRuntimeFile, listOfficeJsRuntimeFiles, officeJsCopyPatterns };
