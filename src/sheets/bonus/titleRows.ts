/** The rows above the people: title, note, year and quarter, the rules' formulas, the budget pool. */
import type { Text } from "../../core/i18n/text";
import { a1, rangeA1 } from "../common/address";
import { FORMATS, PALETTE, STYLES } from "../common/styles";
import type { CellStyle } from "../plan";
import { displayFormula } from "./cellFormulas";
import { peopleColumn, type BonusSheet } from "./context";
import { INFO_ROW, QUARTER_COLUMN, poolCells } from "./layout";
import { TEXT, VALIDATION } from "./strings";

/** Title, the note on what to fill in, and the info row: year, quarter (the variable 季度's cell), head count, source. */
export function writeTitle(sheet: BonusSheet): void {
  const { b, t, layout, options } = sheet;
  b.set(1, 1, sheet.title, STYLES.title);
  b.set(2, 1, t(TEXT.note), { ...STYLES.note, vertical: "top" });
  b.merge(rangeA1(2, 1, 2, layout.lastColumn));
  b.height(2, 42);
  // Labels in wide columns.
  const label = { ...STYLES.label, bold: true };
  const value = { ...STYLES.label, horizontal: "left", numberFormat: "0" } as const;
  b.set(INFO_ROW, 1, t(TEXT.year), label);
  b.merge(rangeA1(INFO_ROW, 1, INFO_ROW, 2));
  b.set(INFO_ROW, 3, options.year, value);
  b.set(INFO_ROW, 4, t(TEXT.quarter), label);
  b.set(INFO_ROW, QUARTER_COLUMN, options.quarter, value);
  b.set(INFO_ROW, 6, t(TEXT.people), label);
  b.set(INFO_ROW, 7, sheet.people.length, value);
  if (options.source) {
    const colon = sheet.locale === "zh-CN" ? "：" : ": ";
    b.set(INFO_ROW, 8, `${t(TEXT.source)}${colon}${t(options.source)}`, STYLES.subtitle);
    b.merge(rangeA1(INFO_ROW, 8, INFO_ROW, layout.lastColumn));
  }
}

/** One line per money rule: the policy's formula in words, or finance's and the Excel formula it became (to audit). */
export function writeRuleLines(sheet: BonusSheet): void {
  const { b, t, layout, options } = sheet;
  let row = INFO_ROW + 1;
  const line = (label: Text, value: string, style: CellStyle = STYLES.subtitle): void => {
    b.set(row, 1, t(label), { bold: true, fontSize: 10 });
    b.merge(rangeA1(row, 1, row, 3));
    b.set(row, 4, value, style);
    b.merge(rangeA1(row, 4, row, layout.lastColumn));
    row++;
  };
  const code: CellStyle = { fontSize: 10, fontColor: PALETTE.brand };
  if (options.quarterFormula) {
    line(TEXT.quarterRule, `${t(TEXT.custom)}：${options.quarterFormula.source}`);
    line(TEXT.excelFor, displayFormula(layout, sheet.quarterFormula), code);
  } else line(TEXT.quarterRule, t(TEXT.policyQuarter));
  if (sheet.isQ4) {
    if (options.yearEndFormula && sheet.yearEndFormula) {
      line(TEXT.yearEndRule, `${t(TEXT.custom)}：${options.yearEndFormula.source}`);
      line(TEXT.excelFor, displayFormula(layout, sheet.yearEndFormula), code);
    } else line(TEXT.yearEndRule, t(TEXT.policyYearEnd));
  }
}

/** The budget pool (editable) and the factor that scales the quarter bonuses to it; with a pool only. */
export function writePool(sheet: BonusSheet, pool: number): void {
  const { b, t, layout, result } = sheet;
  const { columns, poolRow } = layout;
  const { amount } = poolCells(layout);
  const sumExact = `SUM(${peopleColumn(sheet, columns.quarterExact)})`;
  b.set(poolRow, 1, t(TEXT.pool), { bold: true });
  b.merge(rangeA1(poolRow, 1, poolRow, 4));
  b.set(poolRow, columns.standardPay, pool, { ...STYLES.input, numberFormat: FORMATS.money });
  b.set(poolRow, columns.ratio, t(TEXT.factor), { bold: true, horizontal: "right" });
  b.set(
    poolRow,
    columns.annual,
    { f: `=IF(OR(${amount}="",${sumExact}=0),"",${amount}/${sumExact})`, expect: result.pool?.factor ?? "" },
    { ...STYLES.computed, numberFormat: "0.000000" },
  );
  b.validate({
    range: a1(poolRow, columns.standardPay),
    rule: { type: "decimal", min: 0 },
    allowBlank: true,
    error: { title: t(VALIDATION.amountTitle), message: t(VALIDATION.pool) },
  });
}
