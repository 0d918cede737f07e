/**
 * The installed command line as a process (bin/service-appraisal.js → lib/, built by
 * `npm run build`): killed while it writes, it leaves no half file under the output's name (and
 * no temporary file when it is interrupted politely); given more than its memory holds, it ends
 * with one line that names the limit and the input — no V8 heap dump, no stack trace, nothing
 * written.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { sampleWorkOrders } from "../../src/core/workorders";

const BIN = resolve(__dirname, "../../bin/service-appraisal.js");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "svc-cli-process-"));
  const s = sampleWorkOrders({ seed: 7, count: 50_000, month: { year: 2026, month: 10 }, mistakes: 0.02 });
  writeFileSync(
    join(dir, "orders.csv"),
    "\ufeff" + Papa.unparse([s.headers, ...s.rows.map((r) => r.map((c) => (c === null ? "" : c)))]),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARGS = ["kpi", "--orders", "orders.csv", "--month", "2026-10", "--json", "k.json", "--lang", "en", "--force"];
const temps = () => readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.endsWith(".old"));

/** Starts the CLI and kills it with `signal` as soon as its temporary .xlsx appears; resolves when it has exited. */
async function killWhileWriting(out: string, signal: NodeJS.Signals): Promise<{ sawTemp: boolean }> {
  const child = spawn(process.execPath, [BIN, ...ARGS, "--out", out], { cwd: dir, stdio: "ignore" });
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  let sawTemp = false;
  let running = true;
  void exited.then(() => (running = false));
  while (running && !sawTemp) {
    if (readdirSync(dir).some((f) => f.startsWith(`.${out}.`) && f.endsWith(".tmp"))) {
      sawTemp = true;
      child.kill(signal);
    } else await new Promise((r) => setTimeout(r, 2));
  }
  await exited;
  return { sawTemp };
}

test("killed (SIGKILL) while writing: no file, half or whole, under the output's name", async () => {
  const { sawTemp } = await killWhileWriting("killed.xlsx", "SIGKILL");
  expect(sawTemp).toBe(true);
  expect(existsSync(join(dir, "killed.xlsx"))).toBe(false);
  for (const t of temps()) rmSync(join(dir, t)); // SIGKILL cannot be caught: the temporary file stays, under its own name
});

test("interrupted (SIGTERM, Ctrl-C) while writing: no output and no temporary file left", async () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const { sawTemp } = await killWhileWriting(`stopped-${signal}.xlsx`, signal);
    expect(sawTemp).toBe(true);
    expect(existsSync(join(dir, `stopped-${signal}.xlsx`))).toBe(false);
    expect(temps()).toEqual([]);
  }
});

test("out of memory: one line with the limit and the input, exit 1, nothing written", () => {
  // The 50,000 parsed orders alone take about 28 MB of old space, which the KPI needs all at
  // once: a 24 MB old space cannot hold them however lean the rest gets. (48 MB, the first
  // choice, became enough once the CSV was kept as bytes.)
  const r = spawnSync(process.execPath, [BIN, ...ARGS, "--out", "oom.xlsx"], {
    cwd: dir,
    env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=24" },
    encoding: "utf8",
  });
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(
    /out of memory \(limit \d+ MB; input orders\.csv \d+\.\d MB\); stopped, nothing was written/,
  );
  expect(r.stderr).not.toMatch(/FATAL ERROR|heap|<--- Last few GCs|\n\s+at /);
  expect(r.status).toBe(1);
  expect(existsSync(join(dir, "oom.xlsx"))).toBe(false);
  expect(existsSync(join(dir, "k.json"))).toBe(false);
  expect(temps()).toEqual([]);
});
