/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, loaded by webpack.config.js */
// Loads a TypeScript module of ours into the build process (webpack.config.js runs in plain
// Node): each file is transpiled to CommonJS with the project's TypeScript, relative imports are
// followed the same way (./x -> ./x.ts, ./x.tsx, ./x/index.ts), packages come from node_modules.
// Type-only imports vanish in transpilation. Returns the module's exports and the files read,
// so a watching build can rebuild when one changes.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { createRequire } = require("node:module");
const ts = require("typescript");

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".cjs"];

function resolveRelative(fromFile, request) {
  const base = path.resolve(path.dirname(fromFile), request);
  const stem = base.replace(/\.(?:js|mjs|cjs)$/, ""); // "./x.js" written for ESM output means ./x.ts
  const candidates = [base, ...EXTENSIONS.map((e) => stem + e), ...EXTENSIONS.map((e) => path.join(base, "index" + e))];
  const hit = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  if (!hit) throw new Error(`cannot resolve "${request}" from ${fromFile}`);
  return hit;
}

/**
 * @param {string} file absolute path of a .ts/.tsx file
 * @returns {{ exports: any, files: string[] }}
 */
function loadTypeScriptModule(file) {
  const cache = new Map();
  const load = (abs) => {
    if (cache.has(abs)) return cache.get(abs).exports;
    if (/\.json$/.test(abs)) {
      const mod = { exports: JSON.parse(fs.readFileSync(abs, "utf8")) };
      cache.set(abs, mod);
      return mod.exports;
    }
    const source = fs.readFileSync(abs, "utf8");
    const out = ts.transpileModule(source, {
      fileName: abs,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        jsx: ts.JsxEmit.ReactJSX,
        esModuleInterop: true,
        sourceMap: false,
        inlineSourceMap: false,
      },
    });
    const mod = { exports: {} };
    cache.set(abs, mod);
    const nodeRequire = createRequire(abs);
    const localRequire = (request) =>
      request.startsWith(".") || path.isAbsolute(request) ? load(resolveRelative(abs, request)) : nodeRequire(request);
    const fn = vm.runInThisContext(
      `(function (exports, require, module, __filename, __dirname) {${out.outputText}\n})`,
      { filename: abs },
    );
    fn.call(mod.exports, mod.exports, localRequire, mod, abs, path.dirname(abs));
    return mod.exports;
  };
  const exports = load(path.resolve(file));
  return { exports, files: [...cache.keys()] };
}

module.exports = { loadTypeScriptModule };
