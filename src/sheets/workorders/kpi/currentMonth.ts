/**
 * The month's KPI table: one row per technician and the department row, every KPI a formula
 * over the register (or its value, frozen), the helper counts right of it, misses in red and
 * grades coloured like the appraisal form.
 */
import { SETTING_NAMES } from "../../../core/settings";
import type { KpiRow } from "../../../core/workorders";
import { columnLetter, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { ConditionalStyle, Expected } from "../../plan";
import { literal } from "../vocabulary";
import {
  FIRST_HELPER_COLUMN,
  FIRST_ROW,
  HEADER_ROW,
  HELPER_COLUMN,
  HELPER_KEYS,
  LAST_MAIN_COLUMN,
  MAIN_COLUMN,
  MAIN_COLUMNS,
  PARAMETER_CELL as P,
  TARGET_ROW,
  WEIGHT_ROW,
  type HelperKey,
  type MainKey,
} from "./columns";
import { fillColumn, formulaCell, rowName, type KpiSheet } from "./context";
import {
  averageIfs,
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
    ...scoreFormulas(r),
  };
}

/** The RULES.md#kpi-scores scores against the targets row, the composite over the KPIs with data, and its grade. */
function scoreFormulas(
  r: number,
): Pick<Record<MainKey, string>, "sOnTime" | "sCsat" | "sFtf" | "sComplaint" | "compositeScore" | "grade"> {
  const target = (key: MainKey): string => `${columnLetter(MAIN_COLUMN[key])}$${TARGET_ROW}`;
  const full = SETTING_NAMES.kpiFullScore;
  const higherIsBetter = (key: MainKey): string =>
    `=IF(${at(key, r)}="","",MIN(${at(key, r)}/${target(key)},1)*${full})`;
  const complaint = at("complaintRate", r);
  const scores = rangeA1(r, MAIN_COLUMN.sOnTime, r, MAIN_COLUMN.sComplaint);
  const weights = rangeA1(WEIGHT_ROW, MAIN_COLUMN.sOnTime, WEIGHT_ROW, MAIN_COLUMN.sComplaint, true);
  const used = `SUMPRODUCT(--ISNUMBER(${scores}),${weights})`;
  return {
    sOnTime: higherIsBetter("onTimeRate"),
    sCsat: higherIsBetter("csat"),
    sFtf: higherIsBetter("firstTimeFixRate"),
    sComplaint: `=IF(${complaint}="","",IF(${complaint}<=${target("complaintRate")}+1E-9,${full},${full}*${target("complaintRate")}/${complaint}))`,
    compositeScore: `=IF(${used}=0,"",SUMPRODUCT(${scores},${weights})/${used})`,
    grade: `=${gradeFormula(at("compositeScore", r))}`,
  };
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
    sOnTime: e(row.scores.onTime),
    sCsat: e(row.scores.csat),
    sFtf: e(row.scores.firstTimeFix),
    sComplaint: e(row.scores.complaintRate),
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
    nQuality: c.qualityRatings,
    nSatisfaction: c.satisfactionRatings,
    nSatisfied: c.satisfied,
    nServiceComplaints: c.serviceComplaints,
    nComplaints: c.complaints,
    nHandled: c.complaintsHandled,
    nResponses: c.responses,
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
  b.format(body(MAIN_COLUMN.sOnTime, MAIN_COLUMN.grade), { fill: PALETTE.computedFill });
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

/** Misses in red (RULES.md#monthly-kpis): a rate below its target, the complaint rate above; grades coloured per band. */
export function highlightKpis(sheet: KpiSheet): void {
  const { b, departmentRow } = sheet;
  const column = (key: MainKey): string => rangeA1(FIRST_ROW, MAIN_COLUMN[key], departmentRow, MAIN_COLUMN[key]);
  const miss = (key: MainKey, lowerIsBetter: boolean): void => {
    const cell = at(key, FIRST_ROW);
    const target = `${columnLetter(MAIN_COLUMN[key])}$${TARGET_ROW}`;
    const formula = lowerIsBetter
      ? `=AND(ISNUMBER(${cell}),${cell}>${target}+1E-9)`
      : `=AND(ISNUMBER(${cell}),${cell}<${target}-1E-9)`;
    b.conditional({ range: column(key), rule: { type: "expression", formula }, style: CONDITIONAL.bad });
  };
  miss("onTimeRate", false);
  miss("firstTimeFixRate", false);
  miss("csat", false);
  miss("complaintRate", true);
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
