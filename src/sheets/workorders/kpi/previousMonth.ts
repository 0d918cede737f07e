/**
 * The table against the previous month, under the KPI table in the same columns: last month's
 * counts and rates (as of the end of last month, or this month's as-of if earlier), the change
 * of each rate, and last month's composite and grade computed with this month's targets and
 * weights. Better is green, worse is red.
 */
import { SETTING_NAMES } from "../../../core/settings";
import type { KpiRow } from "../../../core/workorders";
import { columnLetter, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { Expected } from "../../plan";
import { literal } from "../vocabulary";
import {
  FIRST_HELPER_COLUMN,
  FIRST_ROW,
  HELPER_COLUMN,
  HELPER_KEYS,
  MAIN_COLUMN,
  PARAMETER_CELL as P,
  PREVIOUS_COLUMN,
  PREVIOUS_COLUMNS,
  PREVIOUS_HELPER_KEYS,
  TARGET_ROW,
  WEIGHT_ROW,
  type MainKey,
  type PreviousHelperKey,
  type PreviousKey,
} from "./columns";
import { fillColumn, formulaCell, rowName, type KpiSheet } from "./context";
import {
  countIfs,
  criterionFormula,
  escapeCriterion,
  gradeFormula,
  missedFormula,
  yes,
  type Criteria,
} from "./registerFormulas";
import { PREVIOUS_HEADERS, TEXT } from "./strings";

/** The previous month's values and the helper counts they need (keys `h_…`). */
type PreviousCells<V> = Record<PreviousKey | `h_${PreviousHelperKey}`, V>;

/** Where the table is: title, header, first technician, department row. */
export interface PreviousRows {
  readonly title: number;
  readonly header: number;
  readonly first: number;
  readonly department: number;
}

/** Last month's composite score: this month's targets and weights over last month's rates (cells of row `r`). */
function previousComposite(r: number): string {
  const at = (key: PreviousKey): string => `${columnLetter(PREVIOUS_COLUMN[key])}${r}`;
  const target = (key: MainKey): string => `$${columnLetter(MAIN_COLUMN[key])}$${TARGET_ROW}`;
  const weight = (key: MainKey): string => `$${columnLetter(MAIN_COLUMN[key])}$${WEIGHT_ROW}`;
  const full = SETTING_NAMES.kpiFullScore;
  const term = (rate: string, score: string, w: string): string => `IF(${rate}="",0,${w}*${score})`;
  const weightIf = (rate: string, w: string): string => `IF(${rate}="",0,${w})`;
  const higher = (rate: string, key: MainKey): string => `MIN(${rate}/${target(key)},1)*${full}`;
  const lower = (rate: string): string =>
    `IF(${rate}<=${target("complaintRate")}+1E-9,${full},${full}*${target("complaintRate")}/${rate})`;
  const [onTime, csat, ftf, complaint] = [at("pOnTime"), at("pCsat"), at("pFtf"), at("pComplaint")];
  const weights = [
    weightIf(onTime, weight("sOnTime")),
    weightIf(csat, weight("sCsat")),
    weightIf(ftf, weight("sFtf")),
    weightIf(complaint, weight("sComplaint")),
  ].join("+");
  const scores = [
    term(onTime, higher(onTime, "onTimeRate"), weight("sOnTime")),
    term(csat, higher(csat, "csat"), weight("sCsat")),
    term(ftf, higher(ftf, "firstTimeFixRate"), weight("sFtf")),
    term(complaint, lower(complaint), weight("sComplaint")),
  ].join("+");
  return `=IF(${weights}=0,"",(${scores})/(${weights}))`;
}

/** The formulas of the row at sheet row `r` (`offset` rows below its KPI row); `who` = criterion cell or null. */
function previousFormulas(sheet: KpiSheet, r: number, offset: number, who: string | null): PreviousCells<string> {
  const at = (key: PreviousKey): string => `${columnLetter(PREVIOUS_COLUMN[key])}${r}`;
  const helper = (key: PreviousHelperKey): string => `${columnLetter(HELPER_COLUMN[key])}${r}`;
  const current = (key: MainKey): string => `${columnLetter(MAIN_COLUMN[key])}${r - offset}`;
  const count = (extra: Criteria): string => `=${countIfs(sheet, P.prevStart, P.start, who, extra)}`;
  const change = (now: MainKey, before: PreviousKey): string =>
    `=IF(OR(${current(now)}="",${at(before)}=""),"",${current(now)}-${at(before)})`;
  const [met, missed] = [at("pMet"), at("pMissed")];
  const y = yes(sheet);
  return {
    name: "",
    pOrders: count([]),
    pCompleted: count([["completedAt", '">0"']]),
    pMet: count([["slaState", literal(sheet.words.state.met)]]),
    pMissed: `=${missedFormula(sheet, P.prevStart, P.start, P.prevAsOf, who)}`,
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
    h_nSatisfaction: count([["satisfaction", '">0"']]),
    h_nSatisfied: count([["satisfaction", `">="&${SETTING_NAMES.kpiCsatThreshold}`]]),
    h_nServiceComplaints: count([
      ["complaint", y],
      ["serviceCaused", y],
    ]),
  };
}

/** The engine's values of a row: last month's (blank or 0 without one) and the change from it. */
function previousValues(current: KpiRow, previous: KpiRow | undefined, label: string): PreviousCells<Expected> {
  const x = previous?.values;
  const c = previous?.counts;
  const e = (value: number | string | null | undefined): Expected => value ?? "";
  const change = (now: number | null, before: number | null | undefined): Expected =>
    now === null || before === null || before === undefined ? "" : now - before;
  return {
    name: label,
    pOrders: c?.orders ?? 0,
    pCompleted: c?.completed ?? 0,
    pMet: c?.met ?? 0,
    pMissed: c?.missed ?? 0,
    pOnTime: e(x?.onTimeRate),
    dOnTime: change(current.values.onTimeRate, x?.onTimeRate),
    pCsat: e(x?.csat),
    dCsat: change(current.values.csat, x?.csat),
    pFtf: e(x?.firstTimeFixRate),
    dFtf: change(current.values.firstTimeFixRate, x?.firstTimeFixRate),
    pComplaint: e(x?.complaintRate),
    dComplaint: change(current.values.complaintRate, x?.complaintRate),
    pComposite: e(x?.compositeScore),
    dComposite: change(current.values.compositeScore, x?.compositeScore),
    pGrade: e(x?.grade),
    h_crit: `=${escapeCriterion(label)}`,
    h_nFtf: c?.firstTimeFixes ?? 0,
    h_nSatisfaction: c?.satisfactionRatings ?? 0,
    h_nSatisfied: c?.satisfied ?? 0,
    h_nServiceComplaints: c?.serviceComplaints ?? 0,
  };
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
  for (const [key, up] of [
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
