#!/usr/bin/env node
// `npm start`: builds and serves the add-in on https://localhost:3000 (webpack-dev-server), then
//   - with a desktop Excel (Windows, macOS): sideloads manifest.xml into it (office-addin-debugging);
//   - elsewhere (Linux: there is no desktop Excel), or when sideloading fails: keeps serving and
//     prints how to sideload manifest.xml into Excel on the web.
// Runs until Ctrl+C. Never fails for want of sudo: see scripts/support/dev-https.js.
//
//   npm start                 as above
//   npm start -- --web        skip the desktop sideload, print the Excel on the web steps
//   npm start -- --help
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { CERT_DIR, loadDevCertificate } = require("./support/dev-https.js");
const { findDesktopExcel, certificateNote, webSideloadSteps } = require("./support/sideload.js");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PORT = 3000;
const URL_ = `https://localhost:${PORT}/taskpane.html`;
const MANIFEST = path.join(ROOT, "manifest.xml");
const args = new Set(process.argv.slice(2));

const say = (...lines) => console.log(lines.map((l) => `[start] ${l}`).join("\n"));

if (args.has("--help") || args.has("-h")) {
  console.log(
    `npm start [-- --web]\n  Serves the add-in on https://localhost:${PORT} and sideloads ${path.relative(process.cwd(), MANIFEST)} into desktop Excel when there is one;\n  --web: do not sideload, print the steps for Excel on the web.`,
  );
  process.exit(0);
}

/** Makes sure usable office-addin-dev-certs files exist; reports how the certificate stands. */
async function prepareCertificate() {
  const caPath = path.join(CERT_DIR, "ca.crt");
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch (e) {
    return { kind: "self-signed", reason: `office-addin-dev-certs is not installed (${e.message})` };
  }
  if (process.platform === "win32" || process.platform === "darwin") {
    // Where the OS lets a user trust a CA (a prompt, no sudo), do it the standard way.
    try {
      await devCerts.ensureCertificatesAreInstalled();
      return { kind: "dev-certs", caPath, trusted: true };
    } catch (e) {
      say(`Could not install the development certificate: ${String(e.message || e).split("\n")[0]}`);
    }
  }
  let found = loadDevCertificate();
  if (!found.ok) {
    const unreadable = /^cannot read /.test(found.reason);
    if (unreadable) return { kind: "self-signed", reason: found.reason };
    say(`Development certificate: ${found.reason}; generating a new one in ${CERT_DIR}.`);
    try {
      for (const f of ["ca.crt", "localhost.crt", "localhost.key"]) fs.rmSync(path.join(CERT_DIR, f), { force: true });
      // Only generate: installing the CA into the system store needs sudo, which a developer
      // machine may not have (it fails with `sudo: not found`). certificateNote() says what to do.
      await devCerts.generateCertificates();
    } catch (e) {
      return {
        kind: "self-signed",
        reason: `could not generate a development certificate: ${String(e.message || e).split("\n")[0]}`,
      };
    }
    found = loadDevCertificate();
    if (!found.ok) return { kind: "self-signed", reason: found.reason };
  }
  let trusted = false;
  try {
    trusted = devCerts.isCaCertificateInstalled();
  } catch {
    trusted = false; // the verify script may be missing tools; assume not trusted
  }
  return { kind: "dev-certs", caPath, trusted };
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "localhost", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Resolves once the dev server answers taskpane.html with 200 (certificate not checked). */
function waitForServer(child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const onExit = (code) => reject(new Error(`the dev server exited (code ${code}) before it was ready`));
    child.once("exit", onExit);
    const attempt = () => {
      const req = https.get(URL_, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) {
          child.off("exit", onExit);
          resolve();
        } else retry();
      });
      req.on("error", retry);
      req.on("timeout", () => req.destroy());
    };
    const retry = () => {
      if (Date.now() > deadline) {
        child.off("exit", onExit);
        reject(new Error(`the dev server did not answer ${URL_} within ${Math.round(timeoutMs / 1000)} s`));
      } else setTimeout(attempt, 1000);
    };
    attempt();
  });
}

async function main() {
  if (await portInUse(PORT)) {
    say(`Port ${PORT} is already in use. Stop whatever listens there (an earlier \`npm start\`?) and try again.`);
    process.exit(1);
  }
  const cert = await prepareCertificate();

  say(`Building and serving the add-in on https://localhost:${PORT} ...`);
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      stopping = true;
      server.kill("SIGTERM");
    });
  }
  server.on("exit", (code, signal) => {
    if (stopping) process.exit(0);
    say(`The dev server stopped (${signal ?? `exit code ${code}`}).`);
    process.exit(code ?? 1);
  });

  try {
    await waitForServer(server, 240_000);
  } catch (e) {
    say(`Could not start the dev server: ${e.message}`);
    server.kill("SIGTERM");
    process.exit(1);
  }

  const manifestShown = path.relative(process.cwd(), MANIFEST) || MANIFEST;
  const excel = args.has("--web") ? null : findDesktopExcel({ exists: fs.existsSync });
  let sideloaded = false;
  if (excel) {
    say(`Sideloading ${manifestShown} into desktop Excel (${excel}) ...`);
    const debuggingCli = require.resolve("office-addin-debugging/cli.js");
    const result = spawnSync(process.execPath, [debuggingCli, "start", MANIFEST, "desktop", "--app", "excel"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    sideloaded = result.status === 0;
    if (!sideloaded)
      say(
        `Sideloading into desktop Excel failed (exit ${result.status ?? result.error?.message}); use Excel on the web instead:`,
      );
  }

  const lines = ["", `Service Appraisal (售后考核助手) is served at ${URL_}`, ""];
  if (sideloaded) {
    lines.push(
      "Excel opens with the add-in: Home → 售后考核 / Service Appraisal.",
      "`npm run stop` unregisters it from desktop Excel.",
    );
  } else {
    if (!excel && !args.has("--web")) lines.push(`No desktop Excel on this machine (${process.platform}).`);
    lines.push(...webSideloadSteps({ manifestPath: path.resolve(MANIFEST), url: URL_ }));
  }
  lines.push("", ...certificateNote(cert, URL_), "", "Press Ctrl+C to stop the server.", "");
  say(...lines);
}

main().catch((e) => {
  say(`npm start failed: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
