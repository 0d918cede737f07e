/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, shared by scripts and tests */
// What `npm start` decides and prints: is there a desktop Excel to sideload into, and how to
// load the add-in into Excel on the web otherwise. Pure functions, so tests can check them.
"use strict";

const path = require("node:path");

/**
 * Where a desktop Excel is installed, or null. Windows and macOS only: there is no desktop Excel
 * for Linux. `exists` is fs.existsSync (a parameter so tests can fake the file system).
 */
function findDesktopExcel({ platform = process.platform, env = process.env, exists }) {
  if (platform === "darwin") {
    const app = "/Applications/Microsoft Excel.app";
    return exists(app) ? app : null;
  }
  if (platform === "win32") {
    const roots = [env.ProgramFiles, env["ProgramFiles(x86)"], env.ProgramW6432].filter(Boolean);
    const tails = ["Microsoft Office\\root\\Office16\\EXCEL.EXE", "Microsoft Office\\Office16\\EXCEL.EXE"];
    for (const root of roots)
      for (const tail of tails) if (exists(path.win32.join(root, tail))) return path.win32.join(root, tail);
    return null;
  }
  return null;
}

/**
 * How the dev server's certificate stands, in words for the user.
 * @param {{ kind: "dev-certs", caPath: string, trusted: boolean } | { kind: "self-signed", reason: string }} cert
 */
function certificateNote(cert, url) {
  if (cert.kind === "dev-certs" && cert.trusted)
    return [`The certificate (office-addin-dev-certs) is trusted by this machine.`];
  const lines = [];
  if (cert.kind === "dev-certs") {
    lines.push(
      `The certificate comes from the development CA ${cert.caPath}, which this machine does not trust yet`,
      `(trusting it needs administrator rights). Either trust it once:`,
      `  - Chrome/Edge: Settings → Privacy and security → Security → Manage certificates → Authorities → Import → ${cert.caPath}`,
      `  - Firefox: Settings → Privacy & Security → Certificates → View Certificates → Authorities → Import`,
      `  - Debian/Ubuntu, system-wide: sudo cp ${cert.caPath} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`,
      `or open ${url} in the browser you will use and accept the warning (Advanced → Proceed).`,
    );
  } else {
    lines.push(
      `The dev server uses webpack-dev-server's self-signed certificate (${cert.reason}).`,
      `Open ${url} in the browser you will use and accept the warning (Advanced → Proceed),`,
      `otherwise Excel on the web cannot load the add-in from localhost.`,
    );
  }
  return lines;
}

/** The steps to sideload manifest.xml into Excel on the web. */
function webSideloadSteps({ manifestPath, url }) {
  return [
    `To use it in Excel on the web:`,
    `  1. Open a workbook in Excel on the web (https://www.office.com → Excel) in the same browser.`,
    `  2. Insert → Add-ins → Upload My Add-in (in the newer ribbon: Home → Add-ins → More Add-ins →`,
    `     My Add-ins → Upload My Add-in).`,
    `  3. Choose ${manifestPath} and Upload.`,
    `  4. Home → 售后考核 / Service Appraisal → 考核助手 / Appraisal Pane opens the pane; type =SVC. in a`,
    `     cell to see the custom functions.`,
    `Without Excel, ${url} runs the pane in browser mode (results download as .xlsx).`,
  ];
}

module.exports = { findDesktopExcel, certificateNote, webSideloadSteps };
