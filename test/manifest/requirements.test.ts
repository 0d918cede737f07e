/**
 * The requirement sets manifest.xml declares are derived from the code's own calls (issue 9):
 * the TypeScript checker resolves every Office.js and custom-functions member the add-in uses
 * (src/excel, the Excel host, src/functions) to its declaration in @types/office-js or
 * @types/custom-functions-runtime, whose documentation states the set that introduced it
 * ("[Api set: ExcelApi 1.9]", as on learn.microsoft.com). The manifest must declare exactly the
 * highest of each set: lower and Excel loads the add-in where a call fails; higher and it
 * refuses Excel versions that would work. `CustomFunctions.Error` is CustomFunctionsRuntime 1.2,
 * the `ErrorCode` enum 1.3 (https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { EXCEL_API_REQUIREMENT } from "../../src/excel/requirements";

const ROOT = resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

const v = (x: string) => x.split(".").map(Number) as [number, number];
const higher = (a: string, b: string) => v(a)[0] * 1000 + v(a)[1] > v(b)[0] * 1000 + v(b)[1];

/** Set → highest version used, with one example member for the message. */
function derive(): Map<string, { version: string; member: string }> {
  const files = [
    ...sources(join(ROOT, "src/excel")),
    join(ROOT, "src/taskpane/host/ExcelHost.ts"),
    ...sources(join(ROOT, "src/functions")),
  ];
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  )!;
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const used = new Map<string, { version: string; member: string }>();
  const note = (node: ts.Node, name: string) => {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const decl of symbol?.declarations ?? []) {
      const file = decl.getSourceFile();
      if (!/@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(file.fileName)) continue;
      const text = file.text;
      for (const c of ts.getLeadingCommentRanges(text, decl.pos) ?? []) {
        const m = /\[Api set: (\w+) (\d+\.\d+)/.exec(text.slice(c.pos, c.end));
        if (!m) continue;
        const prev = used.get(m[1]!);
        if (!prev || higher(m[2]!, prev.version)) used.set(m[1]!, { version: m[2]!, member: name });
      }
    }
  };
  for (const f of files) {
    const sf = program.getSourceFile(f)!;
    const visit = (n: ts.Node) => {
      if (ts.isPropertyAccessExpression(n)) note(n.name, `${n.expression.getText(sf)}.${n.name.text}`);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return used;
}

function declared(set: string): string | undefined {
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  return new RegExp(`<Set Name="${set}" MinVersion="([\\d.]+)"/>`).exec(xml)?.[1];
}

describe("requirement sets", () => {
  const used = derive();

  it("finds the calls (the derivation is not vacuous)", () => {
    expect(used.get("ExcelApi")).toBeDefined();
    expect(used.get("CustomFunctionsRuntime")).toBeDefined();
  });

  it("manifest.xml declares the highest ExcelApi the code calls, and src/excel/requirements.ts agrees", () => {
    const excel = used.get("ExcelApi")!;
    expect({ declared: declared("ExcelApi"), requirementsTs: EXCEL_API_REQUIREMENT }).toEqual({
      declared: excel.version,
      requirementsTs: excel.version,
    });
  });

  it("manifest.xml declares the highest CustomFunctionsRuntime the code calls (Error 1.2, ErrorCode 1.3)", () => {
    expect(used.get("CustomFunctionsRuntime")!.version).toBe("1.3");
    expect(declared("CustomFunctionsRuntime")).toBe(used.get("CustomFunctionsRuntime")!.version);
  });

  it("calls nothing from a platform-only set", () => {
    expect([...used.keys()].filter((s) => /Desktop|Online|Preview|Beta/i.test(s))).toEqual([]);
  });
});
