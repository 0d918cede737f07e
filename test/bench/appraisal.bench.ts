/**
 * The appraisal form at HR's largest size, 2,000 people on the staff template (20 indicators),
 * through both writers: plan generation, Office.js round trips and largest request (measured by
 * the fake Excel), the .xlsx file, and — with LibreOffice — its full recalculation filled with
 * scores, beside the engine computing the same 2,000 weighted scores, grades and ranks.
 */
import { createFakeExcel } from "../fakes/excel";
import { writePlans } from "../../src/excel/write";
import { xlsxBytes } from "../../src/xlsx/writeXlsx";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { STAFF_TEMPLATE, formColumns } from "../../src/core/appraisal";
import { appraisalPlan } from "../../src/sheets/appraisal";
import { settingsPlan } from "../../src/sheets/settings";
import type { SheetPlan, WorkbookPlan } from "../../src/sheets/plan";
import { findSoffice, recalculateXlsx, compareWithPlan } from "../support/libreoffice";

function form(count: number, filled: boolean): SheetPlan {
  const people = Array.from({ length: count }, (_, i) => ({
    name: `员工${i + 1}`,
    department: `售后${(i % 5) + 1}部`,
  }));
  const n = formColumns(STAFF_TEMPLATE).length;
  const scores = filled
    ? people.map((_, i) => Array.from({ length: n }, (_, j) => ((i * 7 + j * 3) % 11 === 0 ? null : ((i + j) % 6) * 1)))
    : undefined;
  const r = appraisalPlan({
    template: STAFF_TEMPLATE,
    period: { year: 2026, quarter: 3 },
    people,
    scale: "five",
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    ...(scores ? { scores } : {}),
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

export async function benchAppraisal(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  let t = performance.now();
  const blank = form(2_000, false);
  out["plan generation, 2,000 people (ms)"] = Math.round(performance.now() - t);
  const plan: WorkbookPlan = { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), blank] };

  for (const size of [20, 2_000]) {
    const fake = createFakeExcel();
    await writePlans(
      fake.context as Excel.RequestContext,
      size === 2_000 ? plan : { sheets: [plan.sheets[0], form(size, false)] },
    );
    out[`office.js syncs, ${size.toLocaleString("en-US")} people`] = fake.syncCount;
    out[`office.js largest request (bytes), ${size.toLocaleString("en-US")} people`] = fake.largestRequestBytes;
  }

  t = performance.now();
  const { bytes } = await xlsxBytes(plan);
  out["xlsx write, 2,000 people (ms)"] = Math.round(performance.now() - t);
  out["xlsx file, 2,000 people (bytes)"] = bytes.length;

  if (findSoffice()) {
    t = performance.now();
    const filled = form(2_000, true);
    out["engine: 2,000 weighted scores, grades, ranks and distribution (ms)"] = Math.round(performance.now() - t);
    const filledPlan: WorkbookPlan = { sheets: [plan.sheets[0], filled] };
    const { workbook, elapsedMs } = await recalculateXlsx((await xlsxBytes(filledPlan)).bytes);
    const summary = compareWithPlan(filledPlan, workbook, elapsedMs);
    out["LibreOffice load + full recalculation + save, 2,000 filled (ms)"] = elapsedMs;
    out["LibreOffice cells compared / mismatches"] = `${summary.cellsCompared} / ${summary.problems.length}`;
  }
  return out;
}
