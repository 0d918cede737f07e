/**
 * Evaluates a one-call SVC formula with literal arguments (`=SVC.GRADE(4.95)`,
 * `=SVC.WEIGHTED({4,"",5},{60%,20%,20%})`) the way Excel does: each argument becomes a matrix
 * (a scalar [[v]], an array constant its rows), the add-in's function (src/functions) runs, and
 * the top-left cell of the result is the value — an error cell as `{ error: "#VALUE!" }`.
 * For tests: the fake Excel's value for custom-function cells in the self-check, and the check
 * that the self-check's expectations (from src/core) equal what the functions return.
 */
import * as svc from "../../src/functions/functions";
import type { Computed } from "../../src/sheets/selfcheck/compare";
import { installCustomFunctionsGlobal, isCfError } from "./customFunctionsGlobal";
import { parseCustomCall } from "./customCall";

const FUNCTIONS: Record<string, (...args: unknown[][][]) => unknown[][]> = {
  "SVC.WEIGHTED": svc.svcWeighted as never,
  "SVC.GRADE": svc.svcGrade as never,
  "SVC.GRADELABEL": svc.svcGradeLabel as never,
  "SVC.KPISCORE": svc.svcKpiScore as never,
  "SVC.SLAHOURS": svc.svcSlaHours as never,
  "SVC.SLADEADLINE": svc.svcSlaDeadline as never,
  "SVC.SLAMET": svc.svcSlaMet as never,
  "SVC.QUARTERBONUS": svc.svcQuarterBonus as never,
  "SVC.YEARENDBONUS": svc.svcYearEndBonus as never,
  "SVC.AUDITSCORE": svc.svcAuditScore as never,
};

export const SVC_FUNCTION_NAMES = Object.keys(FUNCTIONS);

/** The value Excel shows for `formula`, evaluated by the add-in's own function implementation. */
export function evaluateSvc(formula: string): Computed {
  const call = parseCustomCall(formula);
  const fn = FUNCTIONS[call.name];
  if (!fn) return { error: "#NAME?" };
  const { uninstall } = installCustomFunctionsGlobal();
  try {
    const v = fn(...call.args)[0]?.[0];
    if (isCfError(v)) return { error: v.code };
    return v as Computed;
  } finally {
    uninstall();
  }
}
