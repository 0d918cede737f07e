/**
 * The 6S summary at a year of weekly audits (issue 10): 52 audit sheets × 6 areas × the policy's
 * 20 items (1×), then 104 and 208 audits in the same year (2×, 4×), recalculated by headless
 * LibreOffice. Every formula of the summary must cost time linear in its rows, so its
 * recalculation time should double with the size, not quadruple.
 *
 * What is timed is the summary's own recalculation: the audit sheets are written as values only
 * (each formula replaced by the engine's value, in the same cell), so the file's formulas are the
 * summary's (and the settings sheet's few). LibreOffice loads the file once and recalculates it
 * in full RECALC_REPEATS times through UNO (test/support/libreoffice_recalc_time.py), timed in
 * its own process: start-up, loading and saving are not in the figure (an earlier version took the
 * difference of two whole conversions; on the shared machine their noise was larger than the
 * summary's time). The fastest repeat is kept, the least disturbed by other jobs. The same file is
 * also converted once with a recalculation on load and every summary cell compared with the
 * engine. The audits are random but seeded (test/fixtures/audit6s/randomAudits.ts), read back from
 * their plans (the engine's own values). BENCH_6S_SIZES=1,2 runs fewer sizes; python3-uno is needed.
 */
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { audit6sPlan, audit6sSummaryPlan, readAudits } from "../../src/sheets/audit6s";
import { settingsPlan } from "../../src/sheets/settings";
import type { FoundPlan, SheetPlan, WorkbookPlan } from "../../src/sheets/plan";
import { xlsxBytes } from "../../src/xlsx/writeXlsx";
import { zlibDeflate } from "../../src/xlsx/node";
import { day, randomAudit } from "../fixtures/audit6s/randomAudits";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findSoffice, recalculateXlsx, compareWithPlan } from "../support/libreoffice";
import { planRangesReader, valuesOnly } from "../support/planValues";

const WEEKLY = 52;
const SIZES = (process.env.BENCH_6S_SIZES ?? "1,2,4").split(",").map(Number);
const RECALC_REPEATS = 3;

/** LibreOffice's full recalculation of the file, in ms, each repeat (see the file's comment). */
async function recalculationTimes(soffice: string, bytes: Uint8Array): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), "svc-bench-6s-"));
  try {
    const file = join(dir, "summary.xlsx");
    await writeFile(file, bytes);
    const script = join(__dirname, "..", "support", "libreoffice_recalc_time.py");
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        // Debian's python3-uno belongs to the system Python (a pyenv python3 on PATH lacks it).
        existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3",
        [script, soffice, file, String(RECALC_REPEATS)],
        { timeout: 1_800_000 },
        (err, out, errText) => (err ? reject(new Error(`${err.message}\n${errText}`)) : resolve(String(out))),
      ),
    );
    return (JSON.parse(stdout.trim().split("\n").pop()!) as { ms: number[] }).ms;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `count` audits spread over 2026 (distinct days), 6 areas each, after the settings sheet. */
function auditWorkbook(count: number): WorkbookPlan {
  const audits: SheetPlan[] = [];
  for (let i = 0; i < count; i++) {
    const date = day(2026, 1, 5) + Math.floor((i * 350) / count);
    const options = randomAudit({ seed: 1000 + i, date, areaCount: 6, locale: "zh-CN", settings: DEFAULT_SETTINGS });
    const r = audit6sPlan(options);
    if (!r.ok) throw new Error(r.problem.message.en);
    audits.push(r.value.plan);
  }
  return { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), ...audits] };
}

/** The summary of November, built as the pane and CLI build it; and how many check items it reads. */
async function summaryOf(plan: WorkbookPlan): Promise<{ summary: SheetPlan; items: number }> {
  const found: FoundPlan[] = plan.sheets.map((s) => ({ sheetName: s.name, marker: s.marker }));
  const { audits, problems } = await readAudits(found, planRangesReader(plan), DEFAULT_SETTINGS);
  if (problems.length > 0) throw new Error(problems[0]!.message.en);
  const r = audit6sSummaryPlan({
    audits,
    month: 202611,
    asOf: day(2026, 11, 25),
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  const items = audits.reduce((n, a) => n + a.areas.reduce((m, x) => m + x.record.items.length, 0), 0);
  return { summary: r.value.plan, items };
}

export async function benchAudit6sSummary(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const soffice = findSoffice();
  if (!soffice) return { skipped: "LibreOffice is not installed" };
  const recalcMs: number[] = [];
  for (const size of SIZES) {
    const count = WEEKLY * size;
    const label = `${size}× (${count} audits × 6 areas)`;
    const audits = auditWorkbook(count);
    const { summary, items } = await summaryOf(audits);
    out[`${label}: check items the summary reads`] = items;
    // The settings sheet keeps its formulas (the summary's rating reads its names); the audits are values.
    const file: WorkbookPlan = {
      sheets: [audits.sheets[0]!, ...audits.sheets.slice(1).map(valuesOnly), summary],
    };
    const bytes = (await xlsxBytes(file, { deflate: zlibDeflate })).bytes;
    const times = await recalculationTimes(soffice, bytes);
    const ms = Math.round(Math.min(...times));
    out[`${label}: full recalculation, fastest of ${RECALC_REPEATS} (ms)`] = ms;
    out[`${label}: full recalculation, each repeat (ms)`] = times.map((t) => Math.round(t)).join(" / ");
    const full = await recalculateXlsx(bytes, { timeoutMs: 1_800_000 });
    const check = compareWithPlan({ sheets: [summary] }, full.workbook, full.elapsedMs);
    if (process.env.BENCH_6S_DEBUG) console.log(check.describe(15));
    out[`${label}: summary cells compared / mismatches`] = `${check.cellsCompared} / ${check.problems.length}`;
    recalcMs.push(ms);
    // Each size's figures as soon as they are known: a long run on a shared machine may be cut short.
    for (const [k, v] of Object.entries(out)) if (k.startsWith(label)) process.stderr.write(`  ${k}: ${v}\n`);
  }
  const ratio = (i: number) => Math.round((recalcMs[i]! / recalcMs[0]!) * 100) / 100;
  if (recalcMs.length >= 2) out["recalculation, 2× / 1× (linear: 2, quadratic: 4)"] = ratio(1);
  if (recalcMs.length >= 3) out["recalculation, 4× / 1× (linear: 4, quadratic: 16)"] = ratio(2);
  return out;
}
