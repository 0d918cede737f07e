/**
 * The 6S summary at a year of weekly audits (issue 10): 52 audit sheets × 6 areas × the policy's
 * 20 items (1×), then 104 and 208 audits in the same year (2×, 4×), recalculated by headless
 * LibreOffice. Every formula of the summary must cost time linear in its rows, so the
 * recalculation's share of LibreOffice's time (a full recalculation on load, less the same file
 * loaded and saved without one) should double with the size, not quadruple.
 *
 * The audits are random but seeded (test/fixtures/audit6s/randomAudits.ts) and read back from
 * their plans (the engine's own values, as a recalculated workbook holds them), so the bench
 * spends its time in LibreOffice, not in re-reading 208 sheets. BENCH_6S_SIZES=1,2 runs fewer sizes.
 */
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { audit6sPlan, audit6sSummaryPlan, readAudits } from "../../src/sheets/audit6s";
import { settingsPlan } from "../../src/sheets/settings";
import type { FoundPlan, SheetPlan, WorkbookPlan } from "../../src/sheets/plan";
import { xlsxBytes } from "../../src/xlsx/writeXlsx";
import { zlibDeflate } from "../../src/xlsx/node";
import { day, randomAudit } from "../fixtures/audit6s/randomAudits";
import { findSoffice, recalculateXlsx, compareWithPlan } from "../support/libreoffice";
import { planRangeReader } from "../support/planValues";

const WEEKLY = 52;
const SIZES = (process.env.BENCH_6S_SIZES ?? "1,2,4").split(",").map(Number);

/** `count` audits spread over 2026 (distinct days), 6 areas each, and the summary of November. */
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
  const { audits, problems } = await readAudits(found, planRangeReader(plan), DEFAULT_SETTINGS);
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
  if (!findSoffice()) return { skipped: "LibreOffice is not installed" };
  const recalcMs: number[] = [];
  for (const size of SIZES) {
    const count = WEEKLY * size;
    const label = `${size}× (${count} audits × 6 areas)`;
    const audits = auditWorkbook(count);
    const { summary, items } = await summaryOf(audits);
    const withSummary: WorkbookPlan = { sheets: [...audits.sheets, summary] };
    out[`${label}: check items read by the summary`] = items;
    const bytesWithout = (await xlsxBytes(audits, { deflate: zlibDeflate })).bytes;
    const bytesWith = (await xlsxBytes(withSummary, { deflate: zlibDeflate })).bytes;
    // LibreOffice's time with a full recalculation on load, for the audits alone and with the
    // summary; the difference is what the summary's formulas cost.
    const alone = await recalculateXlsx(bytesWithout, { timeoutMs: 1_800_000 });
    const full = await recalculateXlsx(bytesWith, { timeoutMs: 1_800_000 });
    const check = compareWithPlan({ sheets: [summary] }, full.workbook, full.elapsedMs);
    out[`${label}: LibreOffice, audits only (ms)`] = alone.elapsedMs;
    out[`${label}: LibreOffice, audits + summary (ms)`] = full.elapsedMs;
    const summaryMs = full.elapsedMs - alone.elapsedMs;
    out[`${label}: the summary's share (ms)`] = summaryMs;
    out[`${label}: summary cells compared / mismatches`] = `${check.cellsCompared} / ${check.problems.length}`;
    recalcMs.push(summaryMs);
  }
  if (recalcMs.length >= 2)
    out["summary's share, 2× / 1× (linear: 2)"] = Math.round((recalcMs[1]! / recalcMs[0]!) * 100) / 100;
  if (recalcMs.length >= 3)
    out["summary's share, 4× / 1× (linear: 4)"] = Math.round((recalcMs[2]! / recalcMs[0]!) * 100) / 100;
  return out;
}
