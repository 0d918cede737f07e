/**
 * The first two tables of the report: the area × S matrix of the month (mean S percents,
 * total, rating and number of audits per area, and all areas), and each area's mean total per
 * month. AVERAGEIFS over source block A, keyed by numbers (area no., yyyymm) only.
 */
import { SETTING_NAMES } from "../../../core/settings";
import { S_NAMES, monthLabel } from "../../../core/audit6s/engine";
import { a1, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import { areaSourceColumn, type SummarySheet } from "./context";
import { AREA_SOURCE } from "./layout";
import { TEXT } from "./strings";

/** The mean of a column of block A over the rows meeting `criteria` ("" when none). */
function average(sheet: SummarySheet, column: number, criteria: string): string {
  return `=IFERROR(AVERAGEIFS(${areaSourceColumn(sheet, column)},${criteria}),"")`;
}

/** Rating of a total against 考核参数's 6S rating bands. */
function ratingFormula(total: string): string {
  const { audit6sRatingBounds: bounds, audit6sRatingCodes: codes } = SETTING_NAMES;
  return `=IF(${total}="","",INDEX(${codes},SUMPRODUCT(--(${bounds}>${total}+1E-9))+1))`;
}

/** Section 1: area × S matrix of the month, one row per area and the row of all areas. */
export function writeMatrix(sheet: SummarySheet): void {
  const { b, t, all, month, areaNo } = sheet;
  const { top, header, first } = sheet.rows.matrix;
  b.set(top, 1, t(TEXT.matrix(sheet.monthLabel)), STYLES.section);
  b.setRow(header, 1, [TEXT.area, ...S_NAMES, TEXT.total, TEXT.rating, TEXT.audits].map(t), STYLES.header);
  const column = (c: number): string => areaSourceColumn(sheet, c);
  const inMonth = `${column(AREA_SOURCE.month)},${month}`;
  const rows = [
    ...all.matrix.map((m) => ({
      m,
      criteria: `${column(AREA_SOURCE.no)},${areaNo.get(m.key)},${inMonth}`,
      count: `=COUNTIFS(${column(AREA_SOURCE.no)},${areaNo.get(m.key)},${inMonth})`,
    })),
    { m: all.overall, criteria: inMonth, count: `=COUNTIF(${column(AREA_SOURCE.month)},${month})` },
  ];
  rows.forEach(({ m, criteria, count }, k) => {
    const r = first + k;
    b.set(r, 1, k < all.matrix.length ? m.name : t(TEXT.all));
    for (let s = 0; s < 6; s++)
      b.set(r, 2 + s, { f: average(sheet, AREA_SOURCE.s1 + s, criteria), expect: m.s[s] ?? "" });
    b.set(r, 8, { f: average(sheet, AREA_SOURCE.total, criteria), expect: m.total ?? "" });
    b.set(r, 9, { f: ratingFormula(a1(r, 8)), expect: m.rating ?? "" });
    b.set(r, 10, { f: count, expect: m.audits });
  });
}

/** The matrix's look: the totals grey and bold, all areas on the header fill; red below the last band, green in the first. */
export function formatMatrix(sheet: SummarySheet): void {
  const { b } = sheet;
  const { first, overall } = sheet.rows.matrix;
  b.format(rangeA1(first, 1, overall, 10), { border: "thin", vertical: "middle" });
  b.format(rangeA1(first, 1, overall, 1), { bold: true, numberFormat: FORMATS.text });
  b.format(rangeA1(first, 2, overall, 8), { numberFormat: FORMATS.number1, horizontal: "center" });
  b.format(rangeA1(first, 8, overall, 9), { bold: true, horizontal: "center", fill: PALETTE.computedFill });
  b.format(rangeA1(first, 10, overall, 10), { horizontal: "center" });
  b.format(rangeA1(overall, 1, overall, 10), { bold: true, fill: PALETTE.headerFill });
  const values = rangeA1(first, 2, overall, 8);
  const cell = a1(first, 2);
  const bounds = SETTING_NAMES.audit6sRatingBounds;
  const boundsCount = `ROWS(${bounds})`;
  b.conditional({
    range: values,
    rule: {
      type: "expression",
      formula: `=AND(ISNUMBER(${cell}),${cell}<INDEX(${bounds},${boundsCount}-1)-1E-9)`,
    },
    style: CONDITIONAL.bad,
  });
  b.conditional({
    range: values,
    rule: { type: "expression", formula: `=AND(ISNUMBER(${cell}),${cell}>=INDEX(${bounds},1)-1E-9)` },
    style: CONDITIONAL.good,
  });
}

/** Section 2: the trend of each area's mean total over the months present. */
export function writeTrend(sheet: SummarySheet): void {
  const { b, t, all } = sheet;
  const { top, header, first } = sheet.rows.trend;
  const column = (c: number): string => areaSourceColumn(sheet, c);
  b.set(top, 1, t(TEXT.trend), STYLES.section);
  b.setRow(header, 1, [t(TEXT.area), ...all.months.map(monthLabel)], STYLES.header);
  all.trend.forEach((area, k) => {
    const r = first + k;
    b.set(r, 1, area.name, { bold: true, numberFormat: FORMATS.text });
    all.months.forEach((m, j) => {
      const criteria = `${column(AREA_SOURCE.no)},${k + 1},${column(AREA_SOURCE.month)},${m}`;
      b.set(r, 2 + j, { f: average(sheet, AREA_SOURCE.total, criteria), expect: area.totals[j] ?? "" });
    });
  });
  if (all.trend.length > 0) {
    const last = first + all.trend.length - 1;
    b.format(rangeA1(first, 1, last, 1 + all.months.length), { border: "thin" });
    b.format(rangeA1(first, 2, last, 1 + all.months.length), { numberFormat: FORMATS.number1, horizontal: "center" });
  }
}
