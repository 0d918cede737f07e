/**
 * The SVC custom functions as the self-check asks Excel to evaluate them: one formula per
 * function (and one error case), each with the value the core engine computes for the same
 * arguments. Excel runs the functions through the add-in's runtime (src/functions); the
 * expectations here come straight from src/core, so a wrong wrapper, a wrong registration or a
 * wrong conversion of Excel's arguments shows up as a mismatch.
 */
import { gradeOf } from "../../core/grading/gradeOf";
import { kpiScore } from "../../core/scoring/kpiScore";
import { defaultScoreScale, weightedScore } from "../../core/scoring/weightedScore";
import { slaRule } from "../../core/sla/rule";
import { slaDeadline, slaStatus } from "../../core/sla/state";
import { parseDateTime } from "../../core/dates/parseDateTime";
import { quarterBonus, yearEndBonus } from "../../core/bonus/rules";
import { sScore } from "../../core/audit6s/scoring";
import { DEFAULT_SETTINGS } from "../../core/settings";
import type { ProblemKind, Result } from "../../core/problem";
import type { ExcelErrorValue, Expected } from "../plan";

export interface FunctionCheck {
  /** The formula written into a cell, e.g. `=SVC.GRADE(4.95)`. */
  readonly formula: string;
  /** What the core engine computes for the same arguments. */
  readonly expect: Expected;
}

const ERROR_OF: Readonly<Record<ProblemKind, ExcelErrorValue>> = { value: "#VALUE!", num: "#NUM!", na: "#N/A" };

/** A core result as the cell shows it: the value, or the Excel error of the problem's kind. */
function cell<T>(r: Result<T>, pick: (v: T) => Expected): Expected {
  return r.ok ? pick(r.value) : { error: ERROR_OF[r.problem.kind] };
}

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`function check: ${r.problem.message.en}`);
  return r.value;
}

/** One check per SVC function (the README's examples), plus an argument error. Default settings, as the functions use. */
export function functionChecks(): FunctionCheck[] {
  const s = DEFAULT_SETTINGS;
  const reported = must(parseDateTime("2026-10-05 08:30")) as number;
  const replied = must(parseDateTime("2026-10-05 20:30")) as number;
  const asOf = must(parseDateTime("2026-10-06 00:00")) as number;
  return [
    {
      formula: '=SVC.WEIGHTED({4,"",5},{60%,20%,20%})',
      expect: cell(weightedScore([4, "", 5], [0.6, 0.2, 0.2], defaultScoreScale()), (v) => v.score),
    },
    {
      formula: "=SVC.WEIGHTED({4,5,3,4,5},{1,1,1,1})",
      expect: cell(weightedScore([4, 5, 3, 4, 5], [1, 1, 1, 1], defaultScoreScale()), (v) => v.score),
    },
    { formula: "=SVC.GRADE(4.95)", expect: cell(gradeOf(4.95, s.fivePoint), (b) => b.code) },
    { formula: "=SVC.GRADE(4.9999999999)", expect: cell(gradeOf(4.9999999999, s.fivePoint), (b) => b.code) },
    { formula: '=SVC.GRADELABEL(85,"zh")', expect: cell(gradeOf(85, s.hundredPoint), (b) => b.zh) },
    { formula: "=SVC.KPISCORE(81%,90%)", expect: cell(kpiScore(0.81, 0.9), (v) => v) },
    { formula: "=SVC.KPISCORE(6%,3%,TRUE)", expect: cell(kpiScore(0.06, 0.03, { lowerIsBetter: true }), (v) => v) },
    {
      formula: '=SVC.SLAHOURS("车身",120,"否")',
      expect: cell(slaRule({ category: "body", distanceKm: 120, supplierNeeded: false }), (r) => r.hours),
    },
    {
      formula: '=SVC.SLADEADLINE("2026-10-05 08:30","车身",80,"否")',
      expect: cell(slaRule({ category: "body", distanceKm: 80, supplierNeeded: false }), (rule) =>
        cell(slaDeadline(reported, rule), (d) => d),
      ),
    },
    {
      // A reply recorded exactly at the 12-hour limit: met (the limit itself counts).
      formula: '=SVC.SLAMET("2026-10-05 08:30","底盘发动机","","否","2026-10-05 20:30","","2026-10-06 00:00")',
      expect: cell(
        slaStatus(
          {
            reportedAt: reported,
            category: "chassisEngine",
            distanceKm: null,
            supplierNeeded: false,
            repliedAt: replied,
            arrivedAt: null,
          },
          asOf,
        ),
        (st): Expected => (st.state === "met" ? true : st.state === "missed" ? false : { error: "#N/A" }),
      ),
    },
    { formula: '=SVC.QUARTERBONUS(18000,"A")', expect: cell(quarterBonus(18000, "A"), (b) => b.amount) },
    {
      formula: "=SVC.YEARENDBONUS(18000,1,1,0)",
      expect: cell(yearEndBonus(18000, { failedQuarters: 1, yellowCards: 1, redCards: 0 }), (b) => b.amount),
    },
    {
      formula: '=SVC.AUDITSCORE({5,4,"N/A",3},5)',
      expect: cell(
        sScore([5, 4, "N/A", 3].map((value) => ({ value, scale: { kind: "points" as const, max: 5 } }))),
        (v) => v.percent,
      ),
    },
  ];
}
