/**
 * Formula values for the fake Excel that are the engine's own: each temporary sheet's formula
 * cell computes what the self-check plan expects (by sheet name and address), SVC calls run the
 * add-in's functions. `wrong` makes one cell compute something else, for "exactly that mismatch".
 */
import { formatCell } from "../../src/sheets/formula/a1";
import type { SelfCheckPlan } from "../../src/sheets/selfcheck/selfCheckPlan";
import type { FormulaValue } from "../fakes/excel";
import { evaluateSvc } from "./evaluateSvc";

export function engineValues(
  plan: SelfCheckPlan,
  wrong?: { readonly sheet: string; readonly address: string; readonly value: number },
): FormulaValue {
  const byCell = new Map<string, unknown>();
  plan.sheets.forEach((s) => s.cells.forEach((c) => byCell.set(`${s.name}!${c.address}`, c.expect ?? "")));
  return (sheet, row, column, formula) => {
    if (formula.startsWith("=SVC.")) return evaluateSvc(formula) as never;
    const at = `${sheet.name}!${formatCell(row, column)}`;
    if (wrong && at === `${wrong.sheet}!${wrong.address}`) return wrong.value;
    const v = byCell.get(at);
    if (v === undefined) throw new Error(`no expectation for ${at}`);
    return (v === null ? "" : v) as never;
  };
}
