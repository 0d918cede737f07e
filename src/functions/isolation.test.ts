/**
 * The functions bundle must load in Excel's JavaScript-only runtime: no DOM, no Office.js
 * (read only behind a `typeof` guard), nothing but the `CustomFunctions` global. Checked two
 * ways: statically (the import graph of functions.ts stays inside src/functions and src/core
 * and imports no package), and by running it — every module transpiled and loaded in a plain
 * Node `vm` context that defines `CustomFunctions` alone, with the associate calls appended
 * exactly as custom-functions-metadata-plugin appends them.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { transformSync } from "@swc/core";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  createCustomFunctionsGlobal,
  isCfError,
  type FakeCustomFunctions,
} from "../../test/support/customFunctionsGlobal";

const SRC = path.resolve(__dirname, "..");
const ENTRY = path.join(__dirname, "functions.ts");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g;

function resolve(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) if (fs.existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

/** Every file functions.ts reaches, with its runtime imports (type-only imports are skipped). */
function graph(): Map<string, string[]> {
  const files = new Map<string, string[]>();
  const todo = [ENTRY];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    const source = fs.readFileSync(file, "utf8");
    const deps: string[] = [];
    for (const m of source.matchAll(IMPORT)) {
      if (/^\s*(?:import|export)\s+type\s/.test(m[0].trimStart())) continue;
      deps.push(m[1]);
    }
    files.set(file, deps);
    for (const d of deps) if (d.startsWith(".")) todo.push(resolve(file, d));
  }
  return files;
}

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

describe("import graph of functions.ts", () => {
  const files = graph();
  it("stays inside src/functions and src/core and imports no package", () => {
    expect(files.size).toBeGreaterThan(5);
    for (const [file, deps] of files) {
      const rel = path.relative(SRC, file);
      expect(rel.startsWith(`functions${path.sep}`) || rel.startsWith(`core${path.sep}`)).toBe(true);
      for (const d of deps) expect(d.startsWith(".")).toBe(true);
    }
  });
  it("mentions no DOM or Excel API, and Office only in runtime.ts behind a typeof guard", () => {
    for (const file of files.keys()) {
      const code = stripComments(fs.readFileSync(file, "utf8"));
      expect(code).not.toMatch(/\b(?:window|document|navigator|localStorage|XMLHttpRequest|fetch|Excel\.\w)/);
      const offices = code.match(/\bOffice\b/g) ?? [];
      if (path.basename(file) === "runtime.ts") {
        expect(code).toMatch(/typeof Office !== "undefined"/);
      } else {
        expect(offices).toEqual([]);
      }
    }
  });
});

describe("functions bundle in a plain vm with only CustomFunctions", () => {
  let fake: FakeCustomFunctions;
  let context: vm.Context;

  beforeAll(async () => {
    const meta = await generateCustomFunctionsMetadata([ENTRY], false);
    const associate = meta.associate.map((a) => `\nCustomFunctions.associate("${a.id}", ${a.functionName});`).join("");
    const compiled = new Map<string, string>();
    for (const file of graph().keys()) {
      let source = fs.readFileSync(file, "utf8");
      if (file === ENTRY) source += associate; // what custom-functions-metadata-plugin's loader does
      compiled.set(
        file,
        transformSync(source, {
          filename: file,
          jsc: { parser: { syntax: "typescript" }, target: "es2020" },
          module: { type: "commonjs" },
        }).code,
      );
    }
    fake = createCustomFunctionsGlobal();
    context = vm.createContext({ CustomFunctions: fake });
    const cache = new Map<string, { exports: unknown }>();
    const load = (file: string): unknown => {
      const hit = cache.get(file);
      if (hit) return hit.exports;
      const module = { exports: {} as unknown };
      cache.set(file, module);
      const fn = vm.runInContext(`(function (exports, require, module) {${compiled.get(file)}\n})`, context, {
        filename: file,
      }) as (e: unknown, r: (s: string) => unknown, m: { exports: unknown }) => void;
      fn(module.exports, (spec) => load(resolve(file, spec)), module);
      return module.exports;
    };
    load(ENTRY);
  }, 60_000);

  it("registers every function with CustomFunctions.associate when loaded", () => {
    expect([...fake.associated.keys()].sort()).toEqual([
      "AUDITSCORE",
      "GRADE",
      "GRADELABEL",
      "KPISCORE",
      "QUARTERBONUS",
      "SLADEADLINE",
      "SLAHOURS",
      "SLAMET",
      "WEIGHTED",
      "YEARENDBONUS",
    ]);
  });
  it("computes, with English messages when there is no Office", () => {
    const call = (id: string, ...args: unknown[]) => fake.associated.get(id)!(...args) as unknown[][];
    expect(call("WEIGHTED", [[4, 5, 3]], [[0.6, 0.2, 0.2]])[0][0]).toBeCloseTo(4, 12);
    expect(call("GRADE", [[4.95]])).toEqual([["B"]]);
    expect(call("QUARTERBONUS", [[18000]], [["A"]])).toEqual([[4230]]);
    expect(call("SLAMET", [[40000]], [["其他"]], [[null]], [[null]], [[null]], [[null]])[0][0]).toBe(false); // 2009-07-06: its deadline passed long before "now"
    const e = call("WEIGHTED", [[1, 2, 3, 4, 5]], [[1, 1, 1, 1]])[0][0];
    expect(isCfError(e) && e.message).toBe("weights and scores differ in size: 5 scores, 4 weights");
  });
  it("answers in Chinese when Office's display language is Chinese", () => {
    (context as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    try {
      const e = (fake.associated.get("WEIGHTED")!([[1, 2, 3, 4, 5]], [[1, 1, 1, 1]]) as unknown[][])[0][0];
      expect(isCfError(e) && e.message).toBe("权重与分数个数不一致：5 个分数，4 个权重");
    } finally {
      delete (context as { Office?: unknown }).Office;
    }
  });
});
