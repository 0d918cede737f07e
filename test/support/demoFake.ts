/**
 * The demo's generations (settings + appraisal forms, register + problems + KPI, two 6S audits,
 * 6S summary, bonus), for tests that write each one into a fake Excel holding the sheets it
 * builds on — as a user who generated them in that order has them.
 */
import { demoWorkbook } from "../../src/cli/commands/demo";
import { writePlans } from "../../src/excel/write";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { createFakeExcel, type FakeExcel } from "../fakes/excel";

export const GENERATORS = [
  "settings + appraisal",
  "register + problems + KPI",
  "6S audit",
  "6S audit (2)",
  "6S summary",
  "bonus",
] as const;

export async function demoPlans(): Promise<WorkbookPlan[]> {
  return (await demoWorkbook("zh-CN")).plans;
}

/** A fake workbook holding the plans before `index`, written as the panes write them. */
export async function workbookBefore(plans: readonly WorkbookPlan[], index: number): Promise<FakeExcel> {
  const fake = createFakeExcel();
  for (const p of plans.slice(0, index)) await writePlans(fake.context as Excel.RequestContext, p);
  return fake;
}
