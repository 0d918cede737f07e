/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, loaded by webpack.config.js */
// HTTPS for the dev server on https://localhost:3000.
//
// Office only loads add-ins over https. office-addin-dev-certs makes a local CA and a localhost
// certificate under ~/.office-addin-dev-certs and then asks the OS to trust the CA. On a Linux
// machine without sudo that last step fails (`sudo: not found`) after the files were written,
// and the template's getHttpsServerOptions() throws. So: use the files when they are present and
// usable (readable, parseable, not expired, for localhost, key matching certificate); otherwise
// let webpack-dev-server make its own self-signed certificate. Never throws.
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/**
 * Reads and checks the office-addin-dev-certs files in `dir`.
 * @returns {{ ok: true, key: Buffer, cert: Buffer, ca: Buffer | undefined, certPath: string, validTo: Date }
 *         | { ok: false, reason: string }}
 */
function loadDevCertificate({ dir = CERT_DIR, now = new Date() } = {}) {
  const certPath = path.join(dir, "localhost.crt");
  const keyPath = path.join(dir, "localhost.key");
  const caPath = path.join(dir, "ca.crt");
  let cert, key;
  try {
    cert = fs.readFileSync(certPath);
    key = fs.readFileSync(keyPath);
  } catch (e) {
    return {
      ok: false,
      reason: e.code === "ENOENT" ? `no ${e.path}` : `cannot read ${e.path || certPath}: ${e.message}`,
    };
  }
  let x509, privateKey;
  try {
    x509 = new crypto.X509Certificate(cert);
  } catch (e) {
    return { ok: false, reason: `${certPath} is not a certificate (${e.message})` };
  }
  try {
    privateKey = crypto.createPrivateKey(key);
  } catch (e) {
    return { ok: false, reason: `${keyPath} is not a private key (${e.message})` };
  }
  const validTo = new Date(x509.validTo);
  if (!(validTo > now)) return { ok: false, reason: `${certPath} expired on ${validTo.toISOString()}` };
  if (new Date(x509.validFrom) > now) return { ok: false, reason: `${certPath} is not valid before ${x509.validFrom}` };
  if (!x509.checkHost("localhost")) return { ok: false, reason: `${certPath} is not for localhost` };
  if (!x509.checkPrivateKey(privateKey)) return { ok: false, reason: `${keyPath} does not belong to ${certPath}` };
  let ca;
  try {
    ca = fs.readFileSync(caPath);
  } catch {
    ca = undefined;
  }
  return { ok: true, key, cert, ca, certPath, validTo };
}

/**
 * webpack-dev-server's `server` option: https with the dev certificate when usable, else https
 * with webpack-dev-server's self-signed certificate. `log` receives one line saying which.
 */
function devServerHttps({ dir = CERT_DIR, now = new Date(), log = () => {} } = {}) {
  const found = loadDevCertificate({ dir, now });
  if (found.ok) {
    log(
      `https: using the office-addin-dev-certs certificate ${found.certPath} (valid until ${found.validTo.toISOString().slice(0, 10)})`,
    );
    return { type: "https", options: { key: found.key, cert: found.cert, ...(found.ca ? { ca: found.ca } : {}) } };
  }
  log(
    `https: ${found.reason}; using webpack-dev-server's self-signed certificate instead (your browser will ask you to trust it)`,
  );
  return { type: "https" };
}

module.exports = { CERT_DIR, loadDevCertificate, devServerHttps };
