/** The rows above the technicians: title, note, the month's parameter cells, the header, targets and weights. */
import type { Text } from "../../../core/i18n/text";
import { SETTING_NAMES } from "../../../core/settings";
import { formatSerial } from "../../../core/dates/serial";
import { a1, rangeA1 } from "../../common/address";
import { FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { CellStyle, PlanCell } from "../../plan";
import { HEADER_ROW, LAST_MAIN_COLUMN, MAIN_COLUMN, MAIN_COLUMNS, TARGET_ROW, WEIGHT_ROW } from "./columns";
import { formulaCell, type KpiSheet } from "./context";
import { MAIN_HEADERS, TEXT } from "./strings";

/** Title and the note: how the formulas work, or when the values were frozen. */
export function writeTitle(sheet: KpiSheet): void {
  const { b, t, report, frozenAt } = sheet;
  b.set(1, 1, t(TEXT.title(report.current.month)), STYLES.title);
  const note = frozenAt !== null ? TEXT.frozen(formatSerial(frozenAt)) : TEXT.live(sheet.table);
  b.set(2, 1, t(note), {
    ...STYLES.note,
    vertical: "middle",
    ...(frozenAt !== null ? { bold: true, fontColor: PALETTE.badFont } : {}),
  });
  b.merge(rangeA1(2, 1, 2, LAST_MAIN_COLUMN));
  b.height(2, 30);
}

/**
 * Row 3: the month and the next month's start (the COUNTIFS bounds), as of (editable), the
 * previous month and its as of, the CSAT threshold and the full score — each value in a merged
 * cell wide enough for its date format. PARAMETER_CELL names where they are.
 */
export function writeParameters(sheet: KpiSheet): void {
  const { b, t, report, settings } = sheet;
  const { current, previous } = report;
  const label: CellStyle = { bold: true, horizontal: "right" };
  const parameter = (
    labelColumn: number,
    what: Text,
    valueColumn: number,
    span: number,
    value: PlanCell,
    style: CellStyle,
  ): void => {
    b.set(3, labelColumn, t(what), label);
    b.set(3, valueColumn, value, { horizontal: "center", ...style });
    if (span > 1) b.merge(rangeA1(3, valueColumn, 3, valueColumn + span - 1));
  };
  const cell = (f: string, expect: number): PlanCell => formulaCell(sheet, f, expect);
  const month = cell(`=DATE(${current.month.year},${current.month.month},1)`, current.start);
  parameter(1, TEXT.month, 2, 2, month, { numberFormat: "yyyy-mm", bold: true });
  parameter(4, TEXT.to, 5, 2, cell("=DATE(YEAR(B3),MONTH(B3)+1,1)", current.end), { numberFormat: FORMATS.date });
  parameter(7, TEXT.asOf, 8, 3, current.asOf, { ...STYLES.input, numberFormat: FORMATS.dateTime });
  const previousMonth = cell("=DATE(YEAR(B3),MONTH(B3)-1,1)", previous.start);
  parameter(11, TEXT.prev, 12, 2, previousMonth, { numberFormat: "yyyy-mm" });
  parameter(14, TEXT.prevAsOf, 15, 3, cell("=MIN(B3,H3)", previous.asOf), { numberFormat: FORMATS.dateTime });
  parameter(18, TEXT.threshold, 19, 1, cell(`=${SETTING_NAMES.kpiCsatThreshold}`, settings.kpi.csatThreshold), {});
  parameter(20, TEXT.full, 21, 1, cell(`=${SETTING_NAMES.kpiFullScore}`, settings.kpi.fullScore), {});
  b.format(rangeA1(3, 1, 3, 21), { fontSize: 10 });
}

/** The header row, and under it the targets and weights from 考核参数 (the scores and misses compare with them). */
export function writeTargetsAndWeights(sheet: KpiSheet): void {
  const { b, t, settings } = sheet;
  const { targets, weights } = settings.kpi;
  const names = SETTING_NAMES;
  b.setRow(
    HEADER_ROW,
    1,
    MAIN_COLUMNS.map((m) => t(MAIN_HEADERS[m.key])),
    sheet.headerStyle,
  );
  b.height(HEADER_ROW, 44);
  b.set(TARGET_ROW, 1, t(TEXT.targets), { ...STYLES.label, bold: true });
  b.set(WEIGHT_ROW, 1, t(TEXT.weights), { ...STYLES.label, bold: true });
  const target = (key: keyof typeof MAIN_COLUMN, name: string, value: number): void => {
    b.set(TARGET_ROW, MAIN_COLUMN[key], formulaCell(sheet, `=${name}`, value));
  };
  const weight = (key: keyof typeof MAIN_COLUMN, name: string, value: number): void => {
    b.set(WEIGHT_ROW, MAIN_COLUMN[key], formulaCell(sheet, `=${name}`, value));
  };
  target("onTimeRate", names.kpiTargetOnTime, targets.onTime);
  target("firstTimeFixRate", names.kpiTargetFirstTimeFix, targets.firstTimeFix);
  target("csat", names.kpiTargetCsat, targets.csat);
  target("complaintRate", names.kpiTargetComplaintRate, targets.complaintRate);
  weight("sOnTime", names.kpiWeightOnTime, weights.onTime);
  weight("sCsat", names.kpiWeightCsat, weights.csat);
  weight("sFtf", names.kpiWeightFirstTimeFix, weights.firstTimeFix);
  weight("sComplaint", names.kpiWeightComplaintRate, weights.complaintRate);
  const weightSum = weights.onTime + weights.csat + weights.firstTimeFix + weights.complaintRate;
  const scores = rangeA1(WEIGHT_ROW, MAIN_COLUMN.sOnTime, WEIGHT_ROW, MAIN_COLUMN.sComplaint);
  b.set(WEIGHT_ROW, MAIN_COLUMN.compositeScore, formulaCell(sheet, `=SUM(${scores})`, weightSum));
  b.format(rangeA1(TARGET_ROW, 2, WEIGHT_ROW, LAST_MAIN_COLUMN), {
    ...STYLES.computed,
    horizontal: "center",
    italic: true,
  });
  b.format(rangeA1(TARGET_ROW, 1, WEIGHT_ROW, 1), { fill: PALETTE.computedFill });
  for (const key of ["onTimeRate", "firstTimeFixRate", "csat", "complaintRate"] as const)
    b.format(a1(TARGET_ROW, MAIN_COLUMN[key]), { numberFormat: FORMATS.percent0 });
  const weightCells = rangeA1(WEIGHT_ROW, MAIN_COLUMN.sOnTime, WEIGHT_ROW, MAIN_COLUMN.compositeScore);
  b.format(weightCells, { numberFormat: FORMATS.percent0 });
}
