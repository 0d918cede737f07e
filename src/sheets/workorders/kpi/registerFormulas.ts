/**
 * The pieces of the KPI formulas that read the register table: COUNTIFS and AVERAGEIFS bounded
 * by a month (and a technician), the SLA states as of a moment, and the grade of a score.
 */
import { SETTING_NAMES } from "../../../core/settings";
import { literal, type RegisterColumn } from "../vocabulary";
import { tableColumnRef } from "../../formula/structuredRef";
import type { KpiSheet } from "./context";

/** Extra COUNTIFS criteria: a register column and its criterion text. */
export type Criteria = readonly (readonly [RegisterColumn, string])[];

/** The structured reference to a register column, e.g. SVC_WorkOrders[报修时间]. */
export function registerColumn(sheet: KpiSheet, column: RegisterColumn): string {
  return tableColumnRef(sheet.table, sheet.words.header[column]);
}

/** Orders reported in [start, end), of technician `who` (a criterion cell; null = everyone), meeting `extra`. */
export function countIfs(sheet: KpiSheet, start: string, end: string, who: string | null, extra: Criteria): string {
  const ref = (c: RegisterColumn): string => registerColumn(sheet, c);
  const criteria = [
    `${ref("reportedAt")},">="&${start}`,
    `${ref("reportedAt")},"<"&${end}`,
    ...(who ? [`${ref("technician")},${who}`] : []),
    ...extra.map(([c, crit]) => `${ref(c)},${crit}`),
  ];
  return `COUNTIFS(${criteria.join(",")})`;
}

/** The mean of `target` over the same orders, counting the values that meet `crit`. */
export function averageIfs(
  sheet: KpiSheet,
  target: RegisterColumn,
  start: string,
  end: string,
  who: string | null,
  crit: string,
): string {
  const ref = (c: RegisterColumn): string => registerColumn(sheet, c);
  const criteria = [
    `${ref("reportedAt")},">="&${start}`,
    `${ref("reportedAt")},"<"&${end}`,
    ...(who ? [`${ref("technician")},${who}`] : []),
    `${ref(target)},${crit}`,
  ];
  return `AVERAGEIFS(${ref(target)},${criteria.join(",")})`;
}

/**
 * Half a millisecond below "as of": deadlines are whole milliseconds, so "< as of" is exact
 * whatever digits the criterion text keeps (see the register's SLA formula).
 */
export function beforeAsOf(asOf: string): string {
  return `"<"&(${asOf}-0.5/86400000)`;
}

export function notBeforeAsOf(asOf: string): string {
  return `">="&(${asOf}-0.5/86400000)`;
}

/** The yes word of the register as a criterion. */
export function yes(sheet: KpiSheet): string {
  return literal(sheet.words.yes);
}

/** Missed as of `asOf`: marked missed with an event, plus deadlines passed without one. */
export function missedFormula(sheet: KpiSheet, start: string, end: string, asOf: string, who: string | null): string {
  const count = (extra: Criteria): string => countIfs(sheet, start, end, who, extra);
  const missedWithEvent = count([
    ["slaState", literal(sheet.words.state.missed)],
    ["slaEventAt", '">0"'],
  ]);
  const passed = count([["deadline", beforeAsOf(asOf)]]);
  const passedWithEvent = count([
    ["deadline", beforeAsOf(asOf)],
    ["slaEventAt", '">0"'],
  ]);
  return `${missedWithEvent}+${passed}-${passedWithEvent}`;
}

/**
 * 维修及时率 misses as of `asOf`: completed after the completion deadline (the register's state),
 * plus deadlines passed without a completion.
 */
export function completionMissedFormula(
  sheet: KpiSheet,
  start: string,
  end: string,
  asOf: string,
  who: string | null,
): string {
  const count = (extra: Criteria): string => countIfs(sheet, start, end, who, extra);
  const late = count([
    ["completionState", literal(sheet.words.state.missed)],
    ["completedAt", '">0"'],
  ]);
  const passed = count([["completionDeadline", beforeAsOf(asOf)]]);
  const passedDone = count([
    ["completionDeadline", beforeAsOf(asOf)],
    ["completedAt", '">0"'],
  ]);
  return `${late}+${passed}-${passedDone}`;
}

/** The grade of a score against 考核参数's five-point bands ("" below the lowest bound or without a score). */
export function gradeFormula(score: string): string {
  const { grades5Bounds: bounds, grades5Codes: codes } = SETTING_NAMES;
  return `IF(${score}="","",IF(${score}<MIN(${bounds})-1E-9,"",INDEX(${codes},SUMPRODUCT(--(${bounds}>${score}+1E-9))+1)))`;
}

/** The COUNTIFS criterion for the exact name in column A of `row`: "=" and the name with ~ * ? escaped. */
export function criterionFormula(row: number): string {
  return `="="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A${row},"~","~~"),"*","~*"),"?","~?")`;
}

/** The COUNTIFS criterion text for an exact name: wildcards (~ * ?) escaped. */
export function escapeCriterion(name: string): string {
  return name.replace(/~/g, "~~").replace(/\*/g, "~*").replace(/\?/g, "~?");
}
