// functions.zh-CN.json: the build runs src/functions/localizeMetadata.ts on functions.json.
// These tests use small stand-in modules in a temporary folder, not the real translation.
import fs from "node:fs";
import path from "node:path";
import { localizeWith, pickTable } from "../../scripts/support/localized-metadata.js";
import { loadTypeScriptModule } from "../../scripts/support/load-ts.js";

const METADATA = JSON.stringify({
  functions: [
    { id: "WEIGHTED", name: "WEIGHTED", description: "Weighted mean", parameters: [] },
    { id: "GRADE", name: "GRADE", description: "Grade", parameters: [] },
  ],
});

// Inside the repository (test-output/ is git-ignored) so that packages resolve from node_modules.
const SCRATCH = path.resolve(__dirname, "../../test-output");
let dir: string;
beforeEach(() => {
  fs.mkdirSync(SCRATCH, { recursive: true });
  dir = fs.mkdtempSync(path.join(SCRATCH, "l10n-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

const LOCALIZER = `
import type { Table } from "./types";
import { describe } from "./util/describe";
export function localizeMetadata(json: string, table: Table): string {
  const m = JSON.parse(json) as { functions: { id: string; description: string }[] };
  for (const f of m.functions) f.description = describe(table, f.id, f.description);
  return JSON.stringify(m);
}
`;

describe("localizeWith", () => {
  test("runs the TypeScript localizer (with its relative and type-only imports) on the metadata", () => {
    write({
      "localizeMetadata.ts": LOCALIZER,
      "types.ts": "export type Table = Readonly<Record<string, string>>;\n",
      "util/describe.ts":
        'import type { Table } from "../types";\nexport const describe = (t: Table, id: string, fallback: string): string => t[id] ?? fallback;\n',
      "metadata.zh-CN.ts":
        'import type { Table } from "./types";\nexport const ZH_CN: Table = { WEIGHTED: "加权平均" };\nexport function unused(): void {}\n',
    });
    const out = localizeWith(METADATA, {
      localizer: path.join(dir, "localizeMetadata.ts"),
      table: path.join(dir, "metadata.zh-CN.ts"),
    });
    expect(JSON.parse(out.json).functions.map((f: { description: string }) => f.description)).toEqual([
      "加权平均",
      "Grade",
    ]);
    // the files a watching build must follow; types.ts is only imported as a type, so it is not run
    expect(out.files.map((f) => path.relative(dir, f)).sort()).toEqual(
      ["localizeMetadata.ts", "metadata.zh-CN.ts", path.join("util", "describe.ts")].sort(),
    );
  });

  test("refuses a localizer that changes ids, returns no JSON, or is missing", () => {
    write({
      "bad-ids.ts":
        "export function localizeMetadata(json: string): string { const m = JSON.parse(json); m.functions.reverse(); return JSON.stringify(m); }\n",
      "not-json.ts": "export function localizeMetadata(): string { return '{'; }\n",
      "none.ts": "export const x = 1;\n",
      "table.ts": "export default {};\n",
    });
    const table = path.join(dir, "table.ts");
    expect(() => localizeWith(METADATA, { localizer: path.join(dir, "bad-ids.ts"), table })).toThrow(
      /changed the function ids/,
    );
    expect(() => localizeWith(METADATA, { localizer: path.join(dir, "not-json.ts"), table })).toThrow(/JSON/);
    expect(() => localizeWith(METADATA, { localizer: path.join(dir, "none.ts"), table })).toThrow(
      /does not export a function localizeMetadata/,
    );
    expect(() => localizeWith(METADATA, { localizer: path.join(dir, "missing.ts"), table })).toThrow(/ENOENT/);
  });
});

describe("pickTable", () => {
  test("takes the default export, else the only non-function export", () => {
    expect(pickTable({ default: { a: 1 }, other: 2 }, "t.ts")).toEqual({ a: 1 });
    expect(pickTable({ __esModule: true, ZH: { a: 1 }, helper: () => 0 }, "t.ts")).toEqual({ a: 1 });
    expect(() => pickTable({ A: {}, B: {} }, "t.ts")).toThrow(/t\.ts must export its table .* it exports A, B/);
    expect(() => pickTable({}, "t.ts")).toThrow(/it exports nothing/);
  });
});

describe("loadTypeScriptModule", () => {
  test("loads packages from node_modules and reports a relative import that does not resolve", () => {
    write({
      "uses-pkg.ts": 'import { PNG } from "pngjs";\nexport const ok = typeof PNG === "function";\n',
      "broken.ts": 'export { x } from "./nowhere";\n',
    });
    expect(loadTypeScriptModule(path.join(dir, "uses-pkg.ts")).exports.ok).toBe(true);
    expect(() => loadTypeScriptModule(path.join(dir, "broken.ts"))).toThrow(/cannot resolve "\.\/nowhere"/);
  });
});
