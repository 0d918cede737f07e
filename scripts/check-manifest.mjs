#!/usr/bin/env node
// `npm run validate:offline`: validates manifest.xml without the network.
//  1. the Office manifest XML schema, with xmllint (Debian: libxml2-utils), against the copies
//     in test/manifest-xsd/;
//  2. what a schema cannot check (scripts/manifest-checks.js): every resid resolves to a resource
//     of the right kind, resource ids are unique, every URL is https, icons exist at the sizes
//     stated, zh-CN overrides, one shared runtime page, the namespace, the metadata URL's
//     ?v=<version>, <Version> and the requirement sets.
// Usage: node scripts/check-manifest.mjs [manifest.xml]
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { checkManifest } = require("./manifest-checks.js");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = path.resolve(process.argv[2] ?? path.join(ROOT, "manifest.xml"));
const schema = path.join(ROOT, "test", "manifest-xsd", "OfficeAppManifestV1_1.xsd");
const rel = path.relative(process.cwd(), manifest) || manifest;

if (!fs.existsSync(manifest)) {
  console.error(`${rel}: no such file`);
  process.exit(1);
}

const lint = spawnSync("xmllint", ["--noout", "--schema", schema, manifest], { encoding: "utf8" });
if (lint.error) {
  console.error(
    lint.error.code === "ENOENT"
      ? "xmllint is not installed: `apt-get install libxml2-utils` (Debian/Ubuntu) or `brew install libxml2` (macOS)."
      : `xmllint failed to start: ${lint.error.message}`,
  );
  process.exit(1);
}
if (lint.status !== 0) {
  process.stderr.write(lint.stderr);
  console.error(`${rel}: fails the Office manifest schema (xmllint exit ${lint.status}).`);
  process.exit(1);
}
console.log(`${rel}: valid against the Office manifest schema (test/manifest-xsd).`);

const problems = checkManifest(fs.readFileSync(manifest, "utf8"));
if (problems.length > 0) {
  for (const p of problems) console.error(`${rel}: ${p}`);
  console.error(`${problems.length} problem(s).`);
  process.exit(1);
}
console.log(`${rel}: resids, resource ids, https URLs, icon sizes, zh-CN strings, shared runtime, version: all good.`);
