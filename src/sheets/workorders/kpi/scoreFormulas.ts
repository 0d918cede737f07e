/**
 * The score of a KPI result as a formula, the way core/workorders/aggregate.ts `scoreKpi`
 * computes it (RULES.md#kpi-scores with the target's comparison, RULES.md#monthly-kpis):
 * - met (≥ > ≤ < with the 1e-9 tolerance of core/scoring/comparison.ts) → the full score;
 * - missed → the ratio rule (higher: MIN(actual/target,1)×full; lower: full×(target/actual)),
 *   at most full × MISSED_CAP (a missed target never scores full marks);
 * - a rating without a target (blank) → actual ÷ 10 × full.
 * The comparison is read from its cell (≥ > ≤ <, or >= <= typed by hand), so a department that
 * changes "<" to "≤" in 考核参数 changes every score.
 */
import { MISSED_CAP } from "../../../core/scoring/kpiScore";
import { KPI_UNIT, SETTING_NAMES, type KpiKey } from "../../../core/settings";
import { RATING_MAX } from "../../../core/workorders";

/** True when the comparison in cell `c` is ≤ or < (lower is better); anything else is read as ≥ or >. */
function lowerIsBetter(c: string): string {
  return `OR(${c}="<",${c}="<=",${c}="≤")`;
}

/**
 * Whether `actual` meets `target` under the comparison in cell `c` (no leading "=").
 *
 * @example
 * metFormula("K9", "K$6", "K$7")
 *   // → IF(OR(K$7="<",K$7="<=",K$7="≤"),IF(K$7="<",K9<K$6-1E-9,K9<=K$6+1E-9),IF(K$7=">",K9>K$6+1E-9,K9>=K$6-1E-9))
 */
export function metFormula(actual: string, target: string, c: string): string {
  return (
    `IF(${lowerIsBetter(c)},IF(${c}="<",${actual}<${target}-1E-9,${actual}<=${target}+1E-9),` +
    `IF(${c}=">",${actual}>${target}+1E-9,${actual}>=${target}-1E-9))`
  );
}

/** The score of `actual` (a cell with a number) against `target` and comparison `c`, without the blank check. */
function againstTarget(actual: string, target: string, c: string): string {
  const full = SETTING_NAMES.kpiFullScore;
  const ratio = `IF(${lowerIsBetter(c)},${full}*(${target}/${actual}),MIN(${actual}/${target},1)*${full})`;
  return `IF(${metFormula(actual, target, c)},${full},MIN(${ratio},${full}*${MISSED_CAP}))`;
}

/**
 * The score of KPI `key` whose result is in cell `actual` ("" = no data → ""), no leading "=".
 *
 * @example
 * scoreFormula("quality", "O9", "O$6", "O$7") // → IF(O9="","",IF(O$6="",O9/10*SVC_KPI_FullScore,IF(…)))
 */
export function scoreFormula(key: KpiKey, actual: string, target: string, c: string): string {
  const full = SETTING_NAMES.kpiFullScore;
  const scored = againstTarget(actual, target, c);
  const body = KPI_UNIT[key] === "rating" ? `IF(${target}="",${actual}/${RATING_MAX}*${full},${scored})` : scored;
  return `IF(${actual}="","",${body})`;
}

/** A missed target, for the red conditional format: a number, a target, and not met. */
export function missFormula(actual: string, target: string, c: string): string {
  return `AND(ISNUMBER(${actual}),${target}<>"",NOT(${metFormula(actual, target, c)}))`;
}
