import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMANDS } from ".";

/** The modules a file imports at load time (`import … from "x"`, not `import("x")` when called). */
function staticImports(file: string): string[] {
  const source = readFileSync(join(__dirname, file), "utf8");
  return [...source.matchAll(/^import\s[^;]*?from\s+"([^"]+)";/gms)].map((m) => m[1]!);
}

describe("CLI commands load when they run", () => {
  test("starting the CLI loads only the specs: main, the command list and the specs import nothing heavy", () => {
    const light = new Set(["node:util", "../core/i18n/text", "../core/problem", "./command", "./commands"]);
    for (const f of ["../main.ts", "../command.ts"]) for (const m of staticImports(f)) expect(light).toContain(m);
    expect(staticImports("index.ts")).toEqual(["../command", "./specs"]);
    expect(staticImports("specs.ts")).toEqual(["../../core/i18n/text", "../command"]);
  });

  test("each listed command loads the command of its name, with its spec", async () => {
    for (const spec of COMMANDS) {
      const command = await spec.load();
      expect(command.name).toBe(spec.name);
      expect(command.options).toBe(spec.options);
      expect(command.usage).toBe(spec.usage);
    }
  });
});
