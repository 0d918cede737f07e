/**
 * The month's KPI table: one row per technician and the department row, every KPI a formula
 * over the register (or its value, frozen), the helper counts right of it, misses in red and
 * grades coloured like the appraisal form.
 */
import { KPI_KEYS, SETTING_NAMES } from "../../../core/settings";
import type { KpiRow } from "../../../core/workorders";
import { columnLetter, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { ConditionalStyle, Expected } from "../../plan";
import { literal } from "../vocabulary";
import {
  compareCell,
  FIRST_HELPER_COLUMN,
  FIRST_ROW,
  HEADER_ROW,
  HELPER_COLUMN,
  HELPER_KEYS,
  LAST_MAIN_COLUMN,
  MAIN_COLUMN,
  MAIN_COLUMNS,
  PARAMETER_CELL as P,
  SCORE_COLUMN,
  targetCell,
  VALUE_COLUMN,
  WEIGHT_ROW,
  type HelperKey,
  type MainKey,
  type ScoreKey,
} from "./columns";
import { fillColumn, formulaCell, rowName, type KpiSheet } from "./context";
import {
  averageIfs,
  completionMissedFormula,
  countIfs,
  criterionFormula,
  escapeCriterion,
  gradeFormula,
  missedFormula,
  notBeforeAsOf,
  registerColumn,
  yes,
  type Criteria,
} from "./registerFormulas";
import { missFormula, scoreFormula } from "./scoreFormulas";
import { HELPER_HEADERS, TEXT } from "./strings";

const at = (key: MainKey, row: number): string => `${columnLetter(MAIN_COLUMN[key])}${row}`;
const helper = (key: HelperKey, row: number): string => `${columnLetter(HELPER_COLUMN[key])}${row}`;

/** The KPIs of the row at sheet row `r`: `who` is its criterion cell (null: the department), `nameCell` its name. */
function kpiFormulas(sheet: KpiSheet, r: number, who: string | null, nameCell: string | null): Record<MainKey, string> {
  const ref = (c: Parameters<typeof registerColumn>[1]): string => registerColumn(sheet, c);
  const count = (extra: Criteria): string => countIfs(sheet, P.start, P.end, who, extra);
  const average = (c: "responseHours" | "quality" | "satisfaction", crit: string): string =>
    averageIfs(sheet, c, P.start, P.end, who, crit);
  const inMonth = `(${ref("reportedAt")}>=${P.start})*(${ref("reportedAt")}<${P.end})${nameCell ? `*(${ref("technician")}=${nameCell})` : ""}`;
  const rate = (numerator: string, denominator: string): string =>
    `=IF(${denominator}=0,"",${numerator}/${denominator})`;
  const [orders, completed, met, missed] = [at("orders", r), at("completed", r), at("slaMet", r), at("slaMissed", r)];
  const words = sheet.words;
  return {
    name: "",
    orders: `=${count([])}`,
    completed: `=${count([["completedAt", '">0"']])}`,
    completionRate: rate(completed, orders),
    avgResponseHours: `=IF(${helper("nResponses", r)}=0,"",${average("responseHours", '">=0"')})`,
    medianResponseHours: `=IF(${helper("nResponses", r)}=0,"",_xlfn.AGGREGATE(16,6,${ref("responseHours")}/(${inMonth}),0.5))`,
    completionOnTimeRate: rate(
      helper("nCompletionMet", r),
      `(${helper("nCompletionMet", r)}+${helper("nCompletionMissed", r)})`,
    ),
    slaMet: `=${count([["slaState", literal(words.state.met)]])}`,
    slaMissed: `=${missedFormula(sheet, P.start, P.end, P.asOf, who)}`,
    slaPending: `=${count([["deadline", notBeforeAsOf(P.asOf)]])}-${count([
      ["deadline", notBeforeAsOf(P.asOf)],
      ["slaEventAt", '">0"'],
    ])}`,
    slaUnknown: `=${count([["slaState", literal(words.state.unknown)]])}`,
    onTimeRate: `=IF(${met}+${missed}=0,"",${met}/(${met}+${missed}))`,
    firstTimeFixRate: rate(helper("nFtf", r), completed),
    returnVisitRate: rate(helper("nReturn", r), completed),
    avgQuality: `=IF(${helper("nQuality", r)}=0,"",${average("quality", '">0"')})`,
    avgSatisfaction: `=IF(${helper("nSatisfaction", r)}=0,"",${average("satisfaction", '">0"')})`,
    csat: rate(helper("nSatisfied", r), helper("nSatisfaction", r)),
    complaintRate: rate(helper("nServiceComplaints", r), orders),
    complaintHandlingRate: rate(helper("nHandled", r), helper("nComplaints", r)),
    recordAccuracyRate: rate(helper("nAccurate", r), completed),
    ...scoreFormulas(r),
  };
}

/** Each KPI's score against its target and comparison, the composite over the KPIs with data, and its grade. */
function scoreFormulas(r: number): Pick<Record<MainKey, string>, ScoreKey | "compositeScore" | "grade"> {
  const first = MAIN_COLUMN[SCORE_COLUMN[KPI_KEYS[0]]];
  const last = MAIN_COLUMN[SCORE_COLUMN[KPI_KEYS[KPI_KEYS.length - 1]]];
  const scores = rangeA1(r, first, r, last);
  const weights = rangeA1(WEIGHT_ROW, first, WEIGHT_ROW, last, true);
  const used = `SUMPRODUCT(--ISNUMBER(${scores}),${weights})`;
  const out = {
    compositeScore: `=IF(${used}=0,"",SUMPRODUCT(${scores},${weights})/${used})`,
    grade: `=${gradeFormula(at("compositeScore", r))}`,
  } as Record<ScoreKey | "compositeScore" | "grade", string>;
  for (const key of KPI_KEYS) {
    const v = VALUE_COLUMN[key];
    out[SCORE_COLUMN[key]] = `=${scoreFormula(key, at(v, r), targetCell(v), compareCell(v))}`;
  }
  return out;
}

/** The helper counts of the row at sheet row `r` (the KPIs divide by them). */
function countFormulas(sheet: KpiSheet, r: number, who: string | null): Record<HelperKey, string> {
  const count = (extra: Criteria): string => `=${countIfs(sheet, P.start, P.end, who, extra)}`;
  const y = yes(sheet);
  return {
    crit: criterionFormula(r),
    nFtf: count([
      ["completedAt", '">0"'],
      ["firstTimeFix", y],
    ]),
    nReturn: count([
      ["completedAt", '">0"'],
      ["returnVisit", y],
    ]),
    // 报告完整 is blank until an order is completed, so 是 counts completed orders only.
    nAccurate: count([["reportComplete", y]]),
    nQuality: count([["quality", '">0"']]),
    nSatisfaction: count([["satisfaction", '">0"']]),
    nSatisfied: count([["satisfaction", `">="&${SETTING_NAMES.kpiCsatThreshold}`]]),
    nServiceComplaints: count([
      ["complaint", y],
      ["serviceCaused", y],
    ]),
    nComplaints: count([["complaint", y]]),
    nHandled: count([
      ["complaint", y],
      ["complaintHandled", y],
    ]),
    nResponses: count([["responseHours", '">=0"']]),
    nCompletionMet: count([["completionState", literal(sheet.words.state.met)]]),
    nCompletionMissed: `=${completionMissedFormula(sheet, P.start, P.end, P.asOf, who)}`,
  };
}

/** The engine's KPIs of a row, as the cells show them ("" = no data). */
function kpiValues(sheet: KpiSheet, row: KpiRow): Record<MainKey, Expected> {
  const x = row.values;
  const e = (value: number | string | null): Expected => value ?? "";
  return {
    name: rowName(sheet, row),
    orders: x.orders,
    completed: x.completed,
    completionRate: e(x.completionRate),
    avgResponseHours: e(x.avgResponseHours),
    medianResponseHours: e(x.medianResponseHours),
    completionOnTimeRate: e(x.completionOnTimeRate),
    slaMet: x.slaMet,
    slaMissed: x.slaMissed,
    slaPending: x.slaPending,
    slaUnknown: x.slaUnknown,
    onTimeRate: e(x.onTimeRate),
    firstTimeFixRate: e(x.firstTimeFixRate),
    returnVisitRate: e(x.returnVisitRate),
    avgQuality: e(x.avgQuality),
    avgSatisfaction: e(x.avgSatisfaction),
    csat: e(x.csat),
    complaintRate: e(x.complaintRate),
    complaintHandlingRate: e(x.complaintHandlingRate),
    recordAccuracyRate: e(x.recordAccuracyRate),
    sResponseTime: e(row.scores.responseTime),
    sCompletionOnTime: e(row.scores.completionOnTime),
    sQuality: e(row.scores.quality),
    sSatisfaction: e(row.scores.satisfaction),
    sOnTime: e(row.scores.onTime),
    sCsat: e(row.scores.csat),
    sFirstTimeFix: e(row.scores.firstTimeFix),
    sComplaintRate: e(row.scores.complaintRate),
    compositeScore: e(x.compositeScore),
    grade: e(x.grade),
  };
}

/** The engine's helper counts of a row. */
function countValues(sheet: KpiSheet, row: KpiRow): Record<HelperKey, Expected> {
  const c = row.counts;
  return {
    crit: `=${escapeCriterion(rowName(sheet, row))}`,
    nFtf: c.firstTimeFixes,
    nReturn: c.returnVisits,
    nAccurate: c.accurateReports,
    nQuality: c.qualityRatings,
    nSatisfaction: c.satisfactionRatings,
    nSatisfied: c.satisfied,
    nServiceComplaints: c.serviceComplaints,
    nComplaints: c.complaints,
    nHandled: c.complaintsHandled,
    nResponses: c.responses,
    nCompletionMet: c.completionMet,
    nCompletionMissed: c.completionMissed,
  };
}

/** Technicians: names as text, every other column one fill; then the department row, cell by cell. */
export function writeKpiRows(sheet: KpiSheet): void {
  const { b, technicians, departmentRow } = sheet;
  if (technicians.length > 0) {
    b.block(
      FIRST_ROW,
      1,
      technicians.map((row) => [rowName(sheet, row)]),
    );
    const who = `$${columnLetter(HELPER_COLUMN.crit)}${FIRST_ROW}`;
    const kpis = kpiFormulas(sheet, FIRST_ROW, who, `$A${FIRST_ROW}`);
    const counts = countFormulas(sheet, FIRST_ROW, who);
    const values = technicians.map((row) => kpiValues(sheet, row));
    const countsOf = technicians.map((row) => countValues(sheet, row));
    for (const { key } of MAIN_COLUMNS)
      if (key !== "name")
        fillColumn(
          sheet,
          MAIN_COLUMN[key],
          kpis[key],
          values.map((v) => v[key]),
        );
    for (const key of HELPER_KEYS)
      fillColumn(
        sheet,
        HELPER_COLUMN[key],
        counts[key],
        countsOf.map((v) => v[key]),
      );
  }
  // The department row: the same KPIs without a technician criterion.
  const department = sheet.report.current.department;
  const kpis = kpiFormulas(sheet, departmentRow, null, null);
  const counts = countFormulas(sheet, departmentRow, null);
  const values = kpiValues(sheet, department);
  const countsOf = countValues(sheet, department);
  b.set(departmentRow, 1, rowName(sheet, department));
  for (const { key } of MAIN_COLUMNS)
    if (key !== "name") b.set(departmentRow, MAIN_COLUMN[key], formulaCell(sheet, kpis[key], values[key]));
  for (const key of HELPER_KEYS)
    if (key !== "crit") b.set(departmentRow, HELPER_COLUMN[key], formulaCell(sheet, counts[key], countsOf[key]));
}

/** Borders, number formats, the scores grey, the department row bold; the helper counts' header and look. */
export function formatKpiRows(sheet: KpiSheet): void {
  const { b, t, departmentRow } = sheet;
  const body = (from: number, to: number): string => rangeA1(FIRST_ROW, from, departmentRow, to);
  b.format(body(1, LAST_MAIN_COLUMN), { border: "thin", vertical: "middle" });
  b.format(body(2, LAST_MAIN_COLUMN), { horizontal: "center" });
  for (const m of MAIN_COLUMNS)
    if (m.format) b.format(body(MAIN_COLUMN[m.key], MAIN_COLUMN[m.key]), { numberFormat: m.format });
  b.format(body(MAIN_COLUMN[SCORE_COLUMN[KPI_KEYS[0]]], MAIN_COLUMN.grade), { fill: PALETTE.computedFill });
  b.format(body(MAIN_COLUMN.compositeScore, MAIN_COLUMN.grade), { bold: true });
  b.format(body(1, 1), { numberFormat: FORMATS.text });
  const departmentLine = rangeA1(departmentRow, 1, departmentRow, LAST_MAIN_COLUMN);
  b.format(departmentLine, { bold: true, fill: PALETTE.headerFill, outline: "medium" });
  // Helper counts (right of the table): for checking, not for printing.
  b.set(HEADER_ROW - 1, FIRST_HELPER_COLUMN, t(TEXT.helpers), { ...STYLES.note, bold: true });
  b.setRow(
    HEADER_ROW,
    FIRST_HELPER_COLUMN,
    HELPER_KEYS.map((h) => t(HELPER_HEADERS[h])),
    { ...STYLES.header, fontSize: 9, fill: PALETTE.computedFill },
  );
  b.format(rangeA1(FIRST_ROW, FIRST_HELPER_COLUMN, departmentRow, FIRST_HELPER_COLUMN + HELPER_KEYS.length - 1), {
    fontColor: PALETTE.note,
    horizontal: "center",
    border: "thin",
    numberFormat: FORMATS.integer,
  });
  b.format(rangeA1(FIRST_ROW, HELPER_COLUMN.crit, departmentRow, HELPER_COLUMN.crit), { numberFormat: FORMATS.text });
}

/**
 * Misses in red (RULES.md#monthly-kpis): a KPI that does not meet its target under the target's comparison
 * (a complaint rate of exactly 3% misses "< 3%"); grades coloured per band.
 */
export function highlightKpis(sheet: KpiSheet): void {
  const { b, departmentRow } = sheet;
  const column = (key: MainKey): string => rangeA1(FIRST_ROW, MAIN_COLUMN[key], departmentRow, MAIN_COLUMN[key]);
  for (const key of KPI_KEYS) {
    const v = VALUE_COLUMN[key];
    const formula = `=${missFormula(at(v, FIRST_ROW), targetCell(v), compareCell(v))}`;
    b.conditional({ range: column(v), rule: { type: "expression", formula }, style: CONDITIONAL.bad });
  }
  const bands = sheet.settings.fivePoint.bands;
  const grade = at("grade", FIRST_ROW);
  bands.forEach((_, i) => {
    const style: ConditionalStyle =
      i === 0 ? CONDITIONAL.good : i === bands.length - 1 ? CONDITIONAL.bad : CONDITIONAL.neutral;
    b.conditional({
      range: column("grade"),
      rule: {
        type: "expression",
        formula: `=AND(${grade}<>"",${grade}=INDEX(${SETTING_NAMES.grades5Codes},${i + 1}))`,
      },
      style,
    });
  });
}
