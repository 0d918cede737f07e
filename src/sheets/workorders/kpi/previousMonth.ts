/**
 * The table against the previous month, under the KPI table in the same columns: last month's
 * counts and rates (as of the end of last month, or this month's as-of if earlier), the change
 * of each KPI, and last month's composite and grade computed with this month's targets,
 * comparisons and weights (its KPI scores in helper columns right of the counts). Better is
 * green, worse is red.
 */
import { KPI_KEYS, SETTING_NAMES, type KpiKey } from "../../../core/settings";
import type { KpiRow } from "../../../core/workorders";
import { columnLetter, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { Expected } from "../../plan";
import { literal } from "../vocabulary";
import {
  FIRST_HELPER_COLUMN,
  FIRST_PREVIOUS_SCORE_COLUMN,
  FIRST_ROW,
  HELPER_COLUMN,
  HELPER_KEYS,
  MAIN_COLUMN,
  PARAMETER_CELL as P,
  PREVIOUS_COLUMN,
  PREVIOUS_COLUMNS,
  PREVIOUS_HELPER_KEYS,
  PREVIOUS_SCORE_COLUMN,
  SCORE_COLUMN,
  VALUE_COLUMN,
  WEIGHT_ROW,
  compareCell,
  targetCell,
  type MainKey,
  type PreviousHelperKey,
  type PreviousKey,
} from "./columns";
import { fillColumn, formulaCell, rowName, type KpiSheet } from "./context";
import { scoreFormula } from "./scoreFormulas";
import {
  averageIfs,
  completionMissedFormula,
  countIfs,
  criterionFormula,
  escapeCriterion,
  gradeFormula,
  missedFormula,
  yes,
  type Criteria,
} from "./registerFormulas";
import { PREVIOUS_HEADERS, PREVIOUS_SCORE_HEADER, TEXT } from "./strings";

/** The previous month's values, the helper counts they need (keys `h_…`) and its KPI scores (`ps_…`). */
type PreviousCells<V> = Record<PreviousKey | `h_${PreviousHelperKey}` | `ps_${KpiKey}`, V>;

/** Where the table is: title, header, first technician, department row. */
export interface PreviousRows {
  readonly title: number;
  readonly header: number;
  readonly first: number;
  readonly department: number;
}

/** Last month's value of each KPI, in the table's columns. */
const PREVIOUS_VALUE: Readonly<Record<KpiKey, PreviousKey>> = {
  responseTime: "pResponse",
  completionOnTime: "pCompletionOnTime",
  quality: "pQuality",
  satisfaction: "pSatisfaction",
  onTime: "pOnTime",
  csat: "pCsat",
  firstTimeFix: "pFtf",
  complaintRate: "pComplaint",
};

/** Last month's composite: its scores (helper columns of row `r`) against this month's weights. */
function previousComposite(r: number): string {
  const first = PREVIOUS_SCORE_COLUMN[KPI_KEYS[0]];
  const last = PREVIOUS_SCORE_COLUMN[KPI_KEYS[KPI_KEYS.length - 1]];
  const scores = rangeA1(r, first, r, last);
  const weightFirst = MAIN_COLUMN[SCORE_COLUMN[KPI_KEYS[0]]];
  const weightLast = MAIN_COLUMN[SCORE_COLUMN[KPI_KEYS[KPI_KEYS.length - 1]]];
  const weights = rangeA1(WEIGHT_ROW, weightFirst, WEIGHT_ROW, weightLast, true);
  const used = `SUMPRODUCT(--ISNUMBER(${scores}),${weights})`;
  return `=IF(${used}=0,"",SUMPRODUCT(${scores},${weights})/${used})`;
}

/** The formulas of the row at sheet row `r` (`offset` rows below its KPI row); `who` = criterion cell or null. */
function previousFormulas(sheet: KpiSheet, r: number, offset: number, who: string | null): PreviousCells<string> {
  const at = (key: PreviousKey): string => `${columnLetter(PREVIOUS_COLUMN[key])}${r}`;
  const helper = (key: PreviousHelperKey): string => `${columnLetter(HELPER_COLUMN[key])}${r}`;
  const current = (key: MainKey): string => `${columnLetter(MAIN_COLUMN[key])}${r - offset}`;
  const count = (extra: Criteria): string => `=${countIfs(sheet, P.prevStart, P.start, who, extra)}`;
  const average = (c: "responseHours" | "quality" | "satisfaction", crit: string): string =>
    averageIfs(sheet, c, P.prevStart, P.start, who, crit);
  const change = (now: MainKey, before: PreviousKey): string =>
    `=IF(OR(${current(now)}="",${at(before)}=""),"",${current(now)}-${at(before)})`;
  const [met, missed] = [at("pMet"), at("pMissed")];
  const [cMet, cMissed] = [helper("nCompletionMet"), helper("nCompletionMissed")];
  const y = yes(sheet);
  const cells = {
    name: "",
    pOrders: count([]),
    pCompleted: count([["completedAt", '">0"']]),
    pMet: count([["slaState", literal(sheet.words.state.met)]]),
    pMissed: `=${missedFormula(sheet, P.prevStart, P.start, P.prevAsOf, who)}`,
    pResponse: `=IF(${helper("nResponses")}=0,"",${average("responseHours", '">=0"')})`,
    dResponse: change("avgResponseHours", "pResponse"),
    pCompletionOnTime: `=IF(${cMet}+${cMissed}=0,"",${cMet}/(${cMet}+${cMissed}))`,
    dCompletionOnTime: change("completionOnTimeRate", "pCompletionOnTime"),
    pQuality: `=IF(${helper("nQuality")}=0,"",${average("quality", '">0"')})`,
    dQuality: change("avgQuality", "pQuality"),
    pSatisfaction: `=IF(${helper("nSatisfaction")}=0,"",${average("satisfaction", '">0"')})`,
    dSatisfaction: change("avgSatisfaction", "pSatisfaction"),
    pOnTime: `=IF(${met}+${missed}=0,"",${met}/(${met}+${missed}))`,
    dOnTime: change("onTimeRate", "pOnTime"),
    pCsat: `=IF(${helper("nSatisfaction")}=0,"",${helper("nSatisfied")}/${helper("nSatisfaction")})`,
    dCsat: change("csat", "pCsat"),
    pFtf: `=IF(${at("pCompleted")}=0,"",${helper("nFtf")}/${at("pCompleted")})`,
    dFtf: change("firstTimeFixRate", "pFtf"),
    pComplaint: `=IF(${at("pOrders")}=0,"",${helper("nServiceComplaints")}/${at("pOrders")})`,
    dComplaint: change("complaintRate", "pComplaint"),
    pComposite: previousComposite(r),
    dComposite: change("compositeScore", "pComposite"),
    pGrade: `=${gradeFormula(at("pComposite"))}`,
    h_crit: criterionFormula(r),
    h_nFtf: count([
      ["completedAt", '">0"'],
      ["firstTimeFix", y],
    ]),
    h_nQuality: count([["quality", '">0"']]),
    h_nSatisfaction: count([["satisfaction", '">0"']]),
    h_nSatisfied: count([["satisfaction", `">="&${SETTING_NAMES.kpiCsatThreshold}`]]),
    h_nServiceComplaints: count([
      ["complaint", y],
      ["serviceCaused", y],
    ]),
    h_nResponses: count([["responseHours", '">=0"']]),
    h_nCompletionMet: count([["completionState", literal(sheet.words.state.met)]]),
    h_nCompletionMissed: `=${completionMissedFormula(sheet, P.prevStart, P.start, P.prevAsOf, who)}`,
  } as PreviousCells<string>;
  for (const key of KPI_KEYS) {
    const v = VALUE_COLUMN[key];
    cells[`ps_${key}`] = `=${scoreFormula(key, at(PREVIOUS_VALUE[key]), targetCell(v), compareCell(v))}`;
  }
  return cells;
}

/** The engine's values of a row: last month's (blank or 0 without one) and the change from it. */
function previousValues(current: KpiRow, previous: KpiRow | undefined, label: string): PreviousCells<Expected> {
  const x = previous?.values;
  const c = previous?.counts;
  const e = (value: number | string | null | undefined): Expected => value ?? "";
  const change = (now: number | null, before: number | null | undefined): Expected =>
    now === null || before === null || before === undefined ? "" : now - before;
  const v = current.values;
  const cells = {
    name: label,
    pOrders: c?.orders ?? 0,
    pCompleted: c?.completed ?? 0,
    pMet: c?.met ?? 0,
    pMissed: c?.missed ?? 0,
    pResponse: e(x?.avgResponseHours),
    dResponse: change(v.avgResponseHours, x?.avgResponseHours),
    pCompletionOnTime: e(x?.completionOnTimeRate),
    dCompletionOnTime: change(v.completionOnTimeRate, x?.completionOnTimeRate),
    pQuality: e(x?.avgQuality),
    dQuality: change(v.avgQuality, x?.avgQuality),
    pSatisfaction: e(x?.avgSatisfaction),
    dSatisfaction: change(v.avgSatisfaction, x?.avgSatisfaction),
    pOnTime: e(x?.onTimeRate),
    dOnTime: change(v.onTimeRate, x?.onTimeRate),
    pCsat: e(x?.csat),
    dCsat: change(v.csat, x?.csat),
    pFtf: e(x?.firstTimeFixRate),
    dFtf: change(v.firstTimeFixRate, x?.firstTimeFixRate),
    pComplaint: e(x?.complaintRate),
    dComplaint: change(v.complaintRate, x?.complaintRate),
    pComposite: e(x?.compositeScore),
    dComposite: change(v.compositeScore, x?.compositeScore),
    pGrade: e(x?.grade),
    h_crit: `=${escapeCriterion(label)}`,
    h_nFtf: c?.firstTimeFixes ?? 0,
    h_nQuality: c?.qualityRatings ?? 0,
    h_nSatisfaction: c?.satisfactionRatings ?? 0,
    h_nSatisfied: c?.satisfied ?? 0,
    h_nServiceComplaints: c?.serviceComplaints ?? 0,
    h_nResponses: c?.responses ?? 0,
    h_nCompletionMet: c?.completionMet ?? 0,
    h_nCompletionMissed: c?.completionMissed ?? 0,
  } as PreviousCells<Expected>;
  for (const key of KPI_KEYS) cells[`ps_${key}`] = e(previous?.scores[key]);
  return cells;
}

/** Title and header from `top`, the technicians (fills) and the department row; returns where they went. */
export function writePreviousMonth(sheet: KpiSheet, top: number): PreviousRows {
  const { b, t, report, technicians } = sheet;
  const rows: PreviousRows = {
    title: top,
    header: top + 1,
    first: top + 2,
    department: top + 2 + technicians.length,
  };
  b.set(rows.title, 1, t(TEXT.prevTitle(report.previous.month)), STYLES.section);
  b.setRow(
    rows.header,
    1,
    PREVIOUS_COLUMNS.map((p) => t(PREVIOUS_HEADERS[p.key])),
    sheet.headerStyle,
  );
  b.height(rows.header, 44);
  if (technicians.length > 0) writePreviousTechnicians(sheet, rows);
  writePreviousDepartment(sheet, rows);
  return rows;
}

/** The technicians' names, and each column one fill (values when frozen). */
function writePreviousTechnicians(sheet: KpiSheet, rows: PreviousRows): void {
  const { report, technicians } = sheet;
  const byKey = new Map(report.previous.technicians.map((r) => [r.key, r]));
  sheet.b.block(
    rows.first,
    1,
    technicians.map((row) => [rowName(sheet, row)]),
  );
  const who = `$${columnLetter(HELPER_COLUMN.crit)}${rows.first}`;
  const formulas = previousFormulas(sheet, rows.first, rows.first - FIRST_ROW, who);
  const values = technicians.map((row) => previousValues(row, byKey.get(row.key), rowName(sheet, row)));
  for (const { key } of PREVIOUS_COLUMNS)
    if (key !== "name")
      fillColumn(
        sheet,
        PREVIOUS_COLUMN[key],
        formulas[key],
        values.map((v) => v[key]),
        rows.first,
      );
  for (const h of PREVIOUS_HELPER_KEYS)
    fillColumn(
      sheet,
      HELPER_COLUMN[h],
      formulas[`h_${h}`],
      values.map((v) => v[`h_${h}`]),
      rows.first,
    );
  for (const k of KPI_KEYS)
    fillColumn(
      sheet,
      PREVIOUS_SCORE_COLUMN[k],
      formulas[`ps_${k}`],
      values.map((v) => v[`ps_${k}`]),
      rows.first,
    );
}

/** The department row, cell by cell, without a technician criterion. */
function writePreviousDepartment(sheet: KpiSheet, rows: PreviousRows): void {
  const { b, report } = sheet;
  const row = rows.department;
  const department = report.current.department;
  const formulas = previousFormulas(sheet, row, rows.first - FIRST_ROW, null);
  const values = previousValues(department, report.previous.department, rowName(sheet, department));
  b.set(row, 1, rowName(sheet, department));
  for (const { key } of PREVIOUS_COLUMNS)
    if (key !== "name") b.set(row, PREVIOUS_COLUMN[key], formulaCell(sheet, formulas[key], values[key]));
  for (const h of PREVIOUS_HELPER_KEYS)
    if (h !== "crit") b.set(row, HELPER_COLUMN[h], formulaCell(sheet, formulas[`h_${h}`], values[`h_${h}`]));
  for (const k of KPI_KEYS)
    b.set(row, PREVIOUS_SCORE_COLUMN[k], formulaCell(sheet, formulas[`ps_${k}`], values[`ps_${k}`]));
}

/** Borders and number formats; a change for the better green, for the worse red (lower complaints are better). */
export function formatPreviousMonth(sheet: KpiSheet, rows: PreviousRows): void {
  const { b } = sheet;
  const body = (from: number, to: number): string => rangeA1(rows.first, from, rows.department, to);
  const last = PREVIOUS_COLUMNS.length;
  b.format(body(1, last), { border: "thin", vertical: "middle" });
  b.format(body(2, last), { horizontal: "center" });
  for (const p of PREVIOUS_COLUMNS)
    if (p.format) b.format(body(PREVIOUS_COLUMN[p.key], PREVIOUS_COLUMN[p.key]), { numberFormat: p.format });
  b.format(body(1, 1), { numberFormat: FORMATS.text });
  b.format(rangeA1(rows.department, 1, rows.department, last), {
    bold: true,
    fill: PALETTE.headerFill,
    outline: "medium",
  });
  b.format(rangeA1(rows.first, FIRST_HELPER_COLUMN, rows.department, FIRST_HELPER_COLUMN + HELPER_KEYS.length - 1), {
    fontColor: PALETTE.note,
    horizontal: "center",
    numberFormat: FORMATS.integer,
  });
  b.format(rangeA1(rows.first, HELPER_COLUMN.crit, rows.department, HELPER_COLUMN.crit), {
    numberFormat: FORMATS.text,
  });
  const lastScore = FIRST_PREVIOUS_SCORE_COLUMN + KPI_KEYS.length - 1;
  b.setRow(
    rows.header,
    FIRST_PREVIOUS_SCORE_COLUMN,
    KPI_KEYS.map((k) => `${sheet.t(PREVIOUS_SCORE_HEADER)}·${sheet.t(PREVIOUS_HEADERS[PREVIOUS_VALUE[k]])}`),
    { ...STYLES.header, fontSize: 9, fill: PALETTE.computedFill },
  );
  b.format(rangeA1(rows.first, FIRST_PREVIOUS_SCORE_COLUMN, rows.department, lastScore), {
    fontColor: PALETTE.note,
    horizontal: "center",
    numberFormat: FORMATS.score2,
  });
  for (const [key, up] of [
    ["dResponse", false],
    ["dCompletionOnTime", true],
    ["dQuality", true],
    ["dSatisfaction", true],
    ["dOnTime", true],
    ["dCsat", true],
    ["dFtf", true],
    ["dComplaint", false],
    ["dComposite", true],
  ] as const) {
    const cell = `${columnLetter(PREVIOUS_COLUMN[key])}${rows.first}`;
    const range = body(PREVIOUS_COLUMN[key], PREVIOUS_COLUMN[key]);
    const worse = `=AND(ISNUMBER(${cell}),${cell}${up ? "<" : ">"}-1E-9)`;
    const better = `=AND(ISNUMBER(${cell}),${cell}${up ? ">" : "<"}1E-9)`;
    b.conditional({ range, rule: { type: "expression", formula: worse }, style: CONDITIONAL.bad });
    b.conditional({ range, rule: { type: "expression", formula: better }, style: CONDITIONAL.good });
  }
}
