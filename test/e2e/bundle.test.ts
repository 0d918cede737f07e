// The production build in dist/ (built here with `webpack --mode production` when missing or
// older than src/):
// functions.js registers every function of functions.json in a bare Node vm that has nothing
// but a recording CustomFunctions object; the runtime never touches window/document/self;
// taskpane.html loads office.js from Microsoft's CDN first and the bundles in order; every file
// the manifest names exists; exceljs is not in production; no copy of office.js in production.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { servedPaths } from "../../scripts/manifest-checks.js";
import { distSizes, formatSizes } from "../../scripts/support/bundle-sizes.js";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const dist = (f: string) => path.join(DIST, f);
const read = (f: string) => fs.readFileSync(dist(f), "utf8");

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string }[];
}

/** The newest modification time among the build's inputs (src/, the template, the config). */
function newestInput(): number {
  let newest = fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs;
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  visit(path.join(ROOT, "src"));
  visit(path.join(ROOT, "assets"));
  return newest;
}

beforeAll(() => {
  const needed = [
    "functions.js",
    "functions.json",
    "functions.zh-CN.json",
    "taskpane.html",
    "taskpane.js",
    "commands.js",
  ];
  const stale = needed.some((f) => !fs.existsSync(dist(f)) || fs.statSync(dist(f)).mtimeMs < newestInput());
  if (stale) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }
});

describe("dist/functions.js", () => {
  test("registers every function in functions.json, once each, with nothing but CustomFunctions", () => {
    const metadata: { functions: FunctionMetadata[] } = JSON.parse(read("functions.json"));
    const ids = metadata.functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);

    const associated: { id: string; type: string }[] = [];
    const sandbox = {
      CustomFunctions: {
        associate(idOrMappings: string | Record<string, unknown>, fn?: unknown) {
          if (typeof idOrMappings === "string") associated.push({ id: idOrMappings, type: typeof fn });
          else for (const [id, f] of Object.entries(idOrMappings)) associated.push({ id, type: typeof f });
        },
        // what a function body may construct; loading must not need it, but it must exist
        Error: class {
          constructor(
            public code: string,
            public message?: string,
          ) {}
        },
        ErrorCode: {
          invalidValue: "#VALUE!",
          notAvailable: "#N/A",
          divisionByZero: "#DIV/0!",
          invalidNumber: "#NUM!",
          nullReference: "#NULL!",
          invalidName: "#NAME?",
          invalidReference: "#REF!",
        },
      },
    };
    const context = vm.createContext(sandbox);
    vm.runInContext(read("functions.js"), context, { filename: "functions.js", timeout: 10_000 });

    expect(associated.map((a) => a.id).sort()).toEqual([...ids].sort());
    expect(associated.every((a) => a.type === "function")).toBe(true);
    // the vm holds only what we put there: loading defined no DOM stand-ins
    for (const name of ["window", "document", "self"])
      expect(vm.runInContext(`typeof ${name}`, context)).toBe("undefined");
  });

  test("the webpack runtime in it names no window, document or self", () => {
    const code = read("functions.js");
    expect(code).not.toMatch(/\b(?:window|document|self)\s*(?:\.|\[)/);
    expect(code).not.toMatch(/typeof\s+(?:window|document|self)\b/);
    expect(code).not.toMatch(/webpackChunk/); // no chunk loading: everything is in this one file
  });

  test("the zh-CN metadata has the same functions, and is translated", () => {
    const en: { functions: FunctionMetadata[] } = JSON.parse(read("functions.json"));
    const zh: { functions: FunctionMetadata[] } = JSON.parse(read("functions.zh-CN.json"));
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    const cjk = /[\u4e00-\u9fff]/;
    expect(zh.functions.some((f) => cjk.test(f.description ?? ""))).toBe(true);
  });
});

describe("dist/taskpane.html", () => {
  test("loads office.js from Microsoft's CDN first (production), then functions.js, commands.js and taskpane.js from dist/", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?[^>]*>/g)].map((m) => m[1].split("?")[0]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "commands.js",
      "taskpane.js",
    ]);
    for (const s of scripts.slice(1)) expect(fs.existsSync(dist(s))).toBe(true);
    expect(html).toMatch(/<div id="?root"?>/);
  });
});

describe("dist/ and the manifest", () => {
  test("every URL the manifest points at on localhost:3000 exists in dist/", () => {
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const missing = servedPaths(manifest).filter((p) => !fs.existsSync(dist(p)));
    expect(missing).toEqual([]);
  });

  test("production serves no copy of office.js (the CDN's is used); no debug or other hosts' files", () => {
    expect(fs.existsSync(dist("office.js"))).toBe(false);
    const files = distSizes(DIST).map((s) => s.file);
    expect(files.filter((f) => f.endsWith(".debug.js"))).toEqual([]);
    expect(files.filter((f) => /^(word|outlook|powerpoint|onenote|project|access)-/.test(f))).toEqual([]);
  });

  test("exceljs is not in production; the .xlsx engine is a chunk taskpane.js loads on demand", () => {
    // exceljs left production with graft (test support only): no chunk of it, no trace of it in any file.
    const js = distSizes(DIST)
      .map((s) => s.file)
      .filter((f) => f.endsWith(".js"));
    expect(js.filter((f) => /(^|\/)exceljs\./.test(f))).toEqual([]);
    expect(js.filter((f) => /exceljs/i.test(read(f)))).toEqual([]);
    // the shared-strings part only the .xlsx reader looks for: in a chunk, not in the entry
    const taskpane = read("taskpane.js");
    expect(taskpane).not.toContain("sharedStrings");
    expect(js.filter((f) => f.startsWith("chunks/") && read(f).includes("sharedStrings"))).not.toEqual([]);
  });

  test("sizes", () => {
    const lines = formatSizes(distSizes(DIST));
    console.log(`dist/ sizes:\n${lines.join("\n")}`);
    const taskpane = distSizes(DIST).find((s) => s.file === "taskpane.js")!;
    expect(taskpane.gzip).toBeLessThan(taskpane.raw);
  });
});
