/** The rows above the technicians: title, note, the month's parameter cells, the header, targets and weights. */
import type { Text } from "../../../core/i18n/text";
import { KPI_KEYS, KPI_UNIT, SETTING_NAMES, kpiSettingKeys } from "../../../core/settings";
import { COMPARISON_SYMBOL } from "../../../core/scoring/comparison";
import { formatSerial } from "../../../core/dates/serial";
import { a1, rangeA1 } from "../../common/address";
import { FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { CellStyle, PlanCell } from "../../plan";
import {
  COMPARE_ROW,
  HEADER_ROW,
  LAST_MAIN_COLUMN,
  MAIN_COLUMN,
  MAIN_COLUMNS,
  SCORE_COLUMN,
  TARGET_ROW,
  VALUE_COLUMN,
  WEIGHT_ROW,
} from "./columns";
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

/**
 * The header row, and under it from 考核参数: each KPI's target and its comparison (≥ > ≤ <; a
 * rating without a target shows blank — scored as mean ÷ 10 × full) over its value, and each
 * score's composite weight over the score, with their total. The scores and misses read them.
 */
export function writeTargetsAndWeights(sheet: KpiSheet): void {
  const { b, t, settings } = sheet;
  const { targets, comparisons, weights } = settings.kpi;
  const names = SETTING_NAMES;
  b.setRow(
    HEADER_ROW,
    1,
    MAIN_COLUMNS.map((m) => t(MAIN_HEADERS[m.key])),
    sheet.headerStyle,
  );
  b.height(HEADER_ROW, 44);
  b.set(TARGET_ROW, 1, t(TEXT.targets), { ...STYLES.label, bold: true });
  b.set(COMPARE_ROW, 1, t(TEXT.comparisons), { ...STYLES.label, bold: true });
  b.set(WEIGHT_ROW, 1, t(TEXT.weights), { ...STYLES.label, bold: true });
  let weightSum = 0;
  for (const key of KPI_KEYS) {
    const n = kpiSettingKeys(key);
    const column = MAIN_COLUMN[VALUE_COLUMN[key]];
    const target = names[n.target];
    // A blank target cell stays blank ("" = no target), not 0.
    b.set(TARGET_ROW, column, formulaCell(sheet, `=IF(${target}="","",${target})`, targets[key] ?? ""));
    b.set(COMPARE_ROW, column, formulaCell(sheet, `=${names[n.compare]}`, COMPARISON_SYMBOL[comparisons[key]]));
    b.set(WEIGHT_ROW, MAIN_COLUMN[SCORE_COLUMN[key]], formulaCell(sheet, `=${names[n.weight]}`, weights[key]));
    const format = KPI_UNIT[key] === "rate" ? FORMATS.percent0 : KPI_UNIT[key] === "hours" ? FORMATS.hours1 : "0.0";
    b.format(a1(TARGET_ROW, column), { numberFormat: format });
    weightSum += weights[key];
  }
  const first = MAIN_COLUMN[SCORE_COLUMN[KPI_KEYS[0]]];
  const last = MAIN_COLUMN[SCORE_COLUMN[KPI_KEYS[KPI_KEYS.length - 1]]];
  b.set(
    WEIGHT_ROW,
    MAIN_COLUMN.compositeScore,
    formulaCell(sheet, `=SUM(${rangeA1(WEIGHT_ROW, first, WEIGHT_ROW, last)})`, weightSum),
  );
  b.format(rangeA1(TARGET_ROW, 2, WEIGHT_ROW, LAST_MAIN_COLUMN), {
    ...STYLES.computed,
    horizontal: "center",
    italic: true,
  });
  b.format(rangeA1(TARGET_ROW, 1, WEIGHT_ROW, 1), { fill: PALETTE.computedFill });
  b.format(rangeA1(COMPARE_ROW, 2, COMPARE_ROW, LAST_MAIN_COLUMN), { numberFormat: FORMATS.text });
  b.format(rangeA1(WEIGHT_ROW, first, WEIGHT_ROW, MAIN_COLUMN.compositeScore), { numberFormat: FORMATS.percent0 });
}
