/**
 * Issue 10/14: the appraisal form's ranks (department and overall) are linear in people — sorted
 * helper columns, no formula comparing one person with every other. Measured as LibreOffice's
 * CPU time to load, fully recalculate and save a filled form at 1×, 2× and 4× 1,250 people, beside two
 * peers in the same run: the same form with the quadratic rank of before (SUMPRODUCT over every
 * score, one per person) and the same form without any rank; each the fastest of two runs. The figure that matters is the
 * growth: doubling the people should about double the rank's cost (≈ 2×, with a log² factor),
 * where the quadratic one quadruples it. Every recalculated cell is also compared with the engine.
 */
import { xlsxBytes } from "../../src/xlsx/writeXlsx";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { HEAD_TEMPLATE, formColumns } from "../../src/core/appraisal";
import { appraisalPlan } from "../../src/sheets/appraisal";
import { settingsPlan } from "../../src/sheets/settings";
import type { FormulaFill, SheetPlan, WorkbookPlan } from "../../src/sheets/plan";
import { columnToNumber, parseRange } from "../../src/sheets/formula/a1";
import { compareWithPlan, findSoffice, recalculateXlsx } from "../support/libreoffice";

const BASE = 1_250;

function form(count: number): SheetPlan {
  const people = Array.from({ length: count }, (_, i) => ({
    name: `员工${i + 1}`,
    department: `售后${(i % 7) + 1}部`,
  }));
  const n = formColumns(HEAD_TEMPLATE).length;
  // Scores in half points with blanks: many ties, some people unscored.
  const scores = people.map((_, i) =>
    Array.from({ length: n }, (_, j) => ((i * 7 + j * 3) % 13 === 0 ? null : ((i * 31 + j * 17) % 11) * 0.5)),
  );
  const r = appraisalPlan({
    template: HEAD_TEMPLATE,
    period: { year: 2026, quarter: 3 },
    people,
    scale: "five",
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    scores,
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

/** The form's rank columns and hidden helpers: every fill right of the grade column. */
function rankFills(plan: SheetPlan): { ranks: FormulaFill[]; helpers: FormulaFill[] } {
  const meta = (plan.marker.meta as { columns: { grade: string; rank: string } }).columns;
  const grade = columnToNumber(meta.grade);
  const overall = columnToNumber(meta.rank);
  const fills = plan.fills ?? [];
  const right = fills.filter((f) => parseRange(f.range).left > grade);
  return {
    ranks: right.filter((f) => parseRange(f.range).left <= overall),
    helpers: right.filter((f) => parseRange(f.range).left > overall),
  };
}

/** The form of before: one rank, the quadratic one, and no department rank or helpers. */
function quadratic(plan: SheetPlan): SheetPlan {
  const { ranks, helpers } = rankFills(plan);
  const meta = plan.marker.meta as { firstRow: number; lastRow: number; columns: { score: string; rank: string } };
  const overall = ranks.filter((f) => f.range.startsWith(meta.columns.rank));
  const s = meta.columns.score;
  const all = `$${s}$${meta.firstRow}:$${s}$${meta.lastRow}`;
  const score = `${s}${meta.firstRow}`;
  const old = `=IF(${score}="","",SUMPRODUCT(ISNUMBER(${all})*(${all}>${score}+1E-9))+1)`;
  const drop = new Set([...ranks, ...helpers]);
  return {
    ...plan,
    // The expectations no longer apply (the old rank is not the department rank): no expect.
    fills: [
      ...(plan.fills ?? []).filter((f) => !drop.has(f)),
      ...overall.map((f) => ({ range: f.range, formula: old })),
    ],
  };
}

/** The same form without any rank. */
function unranked(plan: SheetPlan): SheetPlan {
  const { ranks, helpers } = rankFills(plan);
  const drop = new Set([...ranks, ...helpers]);
  return { ...plan, fills: (plan.fills ?? []).filter((f) => !drop.has(f)), cells: plan.cells };
}

/**
 * LibreOffice's CPU time (user + system) for load, full recalculation and save — the fastest of
 * two runs: the machine is shared, and CPU time is far less disturbed by other work than wall
 * time (which is shown too, for the reader's sense of the wait).
 */
async function recalcMs(sheet: SheetPlan, check: boolean): Promise<{ ms: number; wallMs: number; mismatches: number }> {
  const workbook: WorkbookPlan = { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), sheet] };
  const { bytes } = await xlsxBytes(workbook);
  let best = Infinity;
  let wall = Infinity;
  let mismatches = 0;
  for (let run = 0; run < 2; run++) {
    const { workbook: back, elapsedMs, cpuMs } = await recalculateXlsx(bytes, { timeoutMs: 900_000, cpuTime: true });
    best = Math.min(best, cpuMs ?? elapsedMs);
    wall = Math.min(wall, elapsedMs);
    if (check && run === 0) mismatches = compareWithPlan(workbook, back, elapsedMs).problems.length;
  }
  return { ms: best, wallMs: wall, mismatches };
}

export async function benchAppraisalRank(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  if (!findSoffice()) return { skipped: "LibreOffice (soffice) not found" };
  const times: Record<string, number[]> = { linear: [], quadratic: [], none: [] };
  for (const factor of [1, 2, 4]) {
    const n = BASE * factor;
    const plan = form(n);
    const linear = await recalcMs(plan, true);
    const none = await recalcMs(unranked(plan), false);
    const quad = await recalcMs(quadratic(plan), false);
    times.linear.push(linear.ms);
    times.none.push(none.ms);
    times.quadratic.push(quad.ms);
    const people = n.toLocaleString("en-US");
    out[`${factor}× (${people} people): form with sorted-helper ranks, CPU (ms)`] = linear.ms;
    out[`${factor}× (${people} people): form with sorted-helper ranks, wall (ms)`] = linear.wallMs;
    out[`${factor}× (${people} people): cells differing from the engine`] = linear.mismatches;
    out[`${factor}× (${people} people): same form, no rank, CPU (ms)`] = none.ms;
    out[`${factor}× (${people} people): same form, old SUMPRODUCT rank, CPU (ms)`] = quad.ms;
  }
  const cost = (kind: "linear" | "quadratic", i: number) => times[kind][i] - times.none[i];
  for (const kind of ["linear", "quadratic"] as const) {
    out[`rank cost growth 1×→2× (${kind})`] = Number((cost(kind, 1) / cost(kind, 0)).toFixed(2));
    out[`rank cost growth 2×→4× (${kind})`] = Number((cost(kind, 2) / cost(kind, 1)).toFixed(2));
  }
  return out;
}
