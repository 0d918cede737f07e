// bin/service-appraisal.js, run in a copy of the package layout (bin/ and, or not, lib/cli/).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const SHIM = path.resolve(__dirname, "../../bin/service-appraisal.js");

function layout(main?: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "svc-bin-"));
  fs.mkdirSync(path.join(root, "bin"));
  fs.copyFileSync(SHIM, path.join(root, "bin", "service-appraisal.js"));
  if (main !== undefined) {
    fs.mkdirSync(path.join(root, "lib", "cli"), { recursive: true });
    fs.writeFileSync(path.join(root, "lib", "cli", "main.js"), main);
  }
  return root;
}

function run(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(root, "bin", "service-appraisal.js"), ...args], { encoding: "utf8" });
}

jest.setTimeout(30_000); // each test starts node processes

describe("bin/service-appraisal.js", () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  test("without lib/: one line saying to run npm run build:cli, and a non-zero exit", () => {
    const root = layout();
    roots.push(root);
    const r = run(root, "demo");
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/npm run build:cli/);
  });

  test("passes the arguments to main and exits with its code", () => {
    const root = layout(
      "exports.main = async (argv) => { console.log(JSON.stringify(argv)); return argv.length === 2 ? 0 : 3; };\n",
    );
    roots.push(root);
    const ok = run(root, "demo", "--out=x.xlsx");
    expect(ok.stdout.trim()).toBe('["demo","--out=x.xlsx"]');
    expect(ok.status).toBe(0);
    expect(run(root, "demo").status).toBe(3);
  });

  test("an unexpected failure in main is one line, not a stack trace", () => {
    const root = layout('exports.main = () => { throw new Error("boom at the top"); };\n');
    roots.push(root);
    const r = run(root);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("service-appraisal: boom at the top");
  });

  test("a lib/cli/main.js without main(argv) is reported", () => {
    const root = layout("exports.other = 1;\n");
    roots.push(root);
    const r = run(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/exports no main\(argv\) function/);
  });
});
