/**
 * The .xlsx writer against its peer, for `npm run bench` (issue 10): on the same generated work
 * orders (10,000 and 100,000, a CSV export), side by side in one run —
 * - our writer: the kpi command's stages in a child process (scripts/bench/kpi-stages.cjs:
 *   read, parse, plan, write; time of each, heap and RSS after each, peak RSS);
 * - XlsxWriter (Python) in constant_memory mode writing the same cells (dumped by
 *   scripts/bench/dump-cells.cjs; formulas one per cell, since it has no shared formulas), its
 *   time less the time to read the dump, and its peak RSS;
 * - the CLI `kpi` end to end (`/usr/bin/time -v`), and the kpi command alone (only its own
 *   modules loaded: scripts/bench/kpi-only.cjs), which shows what the CLI's eager loading costs.
 * Ratios compare our times with XlsxWriter's in the same run, so the machine's speed cancels out.
 * XlsxWriter comes from the system Python (Debian's python3-xlsxwriter) or is installed with pip
 * when missing; without Python the peer is skipped with a message.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const SCRIPTS = join(ROOT, "scripts", "bench");

function run(cmd: string, args: readonly string[]): Promise<{ stdout: string; stderr: string; ms: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { maxBuffer: 1 << 26, cwd: ROOT }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(" ")}: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr, ms: performance.now() - t });
    }),
  );
}

async function tryRun(cmd: string, args: readonly string[]): Promise<boolean> {
  try {
    await run(cmd, args);
    return true;
  } catch {
    return false;
  }
}

/** A Python that can import xlsxwriter (installing it with pip when missing), or why there is none. */
async function pythonWithXlsxWriter(): Promise<string | { skipped: string }> {
  const candidates = ["/usr/bin/python3", "python3", "python"];
  for (const py of candidates) if (await tryRun(py, ["-c", "import xlsxwriter"])) return py;
  for (const py of candidates) {
    if (!(await tryRun(py, ["--version"]))) continue;
    if (await tryRun(py, ["-m", "pip", "install", "--user", "--quiet", "xlsxwriter"])) return py;
    return { skipped: `${py} has no xlsxwriter and pip could not install it` };
  }
  return { skipped: "Python is not installed: the XlsxWriter peer is skipped" };
}

/** Wall time (ms) and peak RSS (MB) of a command, from /usr/bin/time -v. */
async function timed(args: readonly string[]): Promise<{ ms: number; peakRssMB: number | null }> {
  if (!existsSync("/usr/bin/time")) {
    const r = await run(process.execPath, args);
    return { ms: r.ms, peakRssMB: null };
  }
  const r = await run("/usr/bin/time", ["-v", process.execPath, ...args]);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { ms: r.ms, peakRssMB: kb ? Math.round(Number(kb[1]) / 102.4) / 10 : null };
}

async function one(
  count: number,
  dir: string,
  python: string | { skipped: string },
  out: Record<string, number | string>,
) {
  const n = count.toLocaleString("en-US");
  const csv = join(dir, `orders-${count}.csv`);
  await run(process.execPath, [join(SCRIPTS, "orders-csv.cjs"), String(count), csv]);

  // Ours, stage by stage (a child with --expose-gc so the heap after each stage is what it keeps).
  const stages = JSON.parse(
    (
      await run(process.execPath, [
        "--expose-gc",
        join(SCRIPTS, "kpi-stages.cjs"),
        csv,
        join(dir, `ours-${count}.xlsx`),
      ])
    ).stdout,
  ) as { stages: Record<string, { ms: number; heapMB: number; rssMB: number }>; peakRssMB: number };
  for (const [name, s] of Object.entries(stages.stages)) {
    if (name === "start") continue;
    out[`${n} orders: ${name} (ms)`] = s.ms;
    out[`${n} orders: heap after ${name} (MB)`] = s.heapMB;
  }
  const ourWriteMs = stages.stages.write!.ms;

  // The CLI end to end.
  const cli = await timed([
    join(ROOT, "bin", "service-appraisal.js"),
    "kpi",
    "--orders",
    csv,
    "--month",
    "2026-10",
    "--out",
    join(dir, `cli-${count}.xlsx`),
    "--force",
  ]);
  out[`${n} orders: CLI kpi end to end (ms)`] = Math.round(cli.ms);
  out[`${n} orders: CLI kpi peak RSS (MB)`] = cli.peakRssMB ?? "no /usr/bin/time";
  // The same command with only its own modules loaded (the CLI loads every command, mathjs too).
  const alone = await timed([join(SCRIPTS, "kpi-only.cjs"), csv, join(dir, `alone-${count}.xlsx`)]);
  out[`${n} orders: kpi command alone, peak RSS (MB)`] = alone.peakRssMB ?? "no /usr/bin/time";

  // XlsxWriter writing the same cells.
  if (typeof python !== "string") {
    out[`${n} orders: XlsxWriter`] = python.skipped;
    return;
  }
  const dump = join(dir, `cells-${count}.jsonl`);
  await run(process.execPath, [join(SCRIPTS, "dump-cells.cjs"), csv, dump]);
  const peer = join(SCRIPTS, "xlsxwriter_peer.py");
  const write = JSON.parse((await run(python, [peer, dump, join(dir, `peer-${count}.xlsx`)])).stdout) as {
    seconds: number;
    peakRssMB: number;
  };
  const read = JSON.parse((await run(python, [peer, dump, "-", "--read-only"])).stdout) as { seconds: number };
  const peerMs = Math.round((write.seconds - read.seconds) * 1000);
  out[`${n} orders: XlsxWriter constant_memory, same cells (ms)`] = peerMs;
  out[`${n} orders: XlsxWriter peak RSS (MB)`] = write.peakRssMB;
  out[`${n} orders: our write / XlsxWriter (time ratio)`] = Math.round((ourWriteMs / peerMs) * 1000) / 1000;
  out[`${n} orders: CLI kpi end to end / XlsxWriter (time ratio)`] = Math.round((cli.ms / peerMs) * 1000) / 1000;
}

export async function benchXlsxWriter(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  if (!existsSync(join(ROOT, "lib", "cli", "main.js")))
    throw new Error("run `npm run build:cli` first (lib/ is missing)");
  const python = await pythonWithXlsxWriter();
  const dir = await mkdtemp(join(tmpdir(), "svc-bench-xlsx-"));
  try {
    for (const count of [10_000, 100_000]) await one(count, dir, python, out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}
