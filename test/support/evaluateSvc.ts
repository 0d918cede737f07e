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

/** Splits on `sep` outside strings and braces. */
function split(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "{") depth += 1;
    else if (!quoted && c === "}") depth -= 1;
    else if (!quoted && depth === 0 && c === sep) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function scalar(token: string): unknown {
  const t = token.trim();
  if (t === "") return null;
  if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === "TRUE";
  const pct = /^(-?[\d.]+)%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  if (/^-?[\d.]+(e[-+]?\d+)?$/i.test(t)) return Number(t);
  throw new Error(`evaluateSvc: cannot read the argument ${t}`);
}

function argument(token: string): unknown[][] {
  const t = token.trim();
  if (t.startsWith("{")) return split(t.slice(1, -1), ";").map((row) => split(row, ",").map(scalar));
  return [[scalar(t)]];
}

/** The value Excel shows for `formula`, evaluated by the add-in's own function implementation. */
export function evaluateSvc(formula: string): Computed {
  const m = /^=(SVC\.[A-Z]+)\((.*)\)$/i.exec(formula.trim());
  if (!m) throw new Error(`evaluateSvc: not a single SVC call: ${formula}`);
  const fn = FUNCTIONS[m[1]!.toUpperCase()];
  if (!fn) return { error: "#NAME?" };
  const { uninstall } = installCustomFunctionsGlobal();
  try {
    const v = fn(...split(m[2]!, ",").map(argument))[0]?.[0];
    if (isCfError(v)) return { error: v.code };
    return v as Computed;
  } finally {
    uninstall();
  }
}
