/** How the people table looks (inputs yellow, formulas grey), what it highlights, and what it lets finance type. */
import { SETTING_NAMES } from "../../core/settings";
import { a1 } from "../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../common/styles";
import { peopleRange, type BonusSheet } from "./context";
import { TEXT, VALIDATION } from "./strings";

/** Number formats and fills of every column: input cells yellow and unlocked, computed cells grey. */
export function formatPeople(sheet: BonusSheet): void {
  const { b, layout, hasPool } = sheet;
  const { columns, gradeColumn } = layout;
  const rows = (from: number, to = from): string => peopleRange(sheet, from, to);
  const exact = { ...STYLES.computed, numberFormat: "#,##0.0000", fontColor: PALETTE.note };
  const paid = { ...STYLES.computed, numberFormat: FORMATS.money, bold: true };
  b.format(rows(1, layout.lastColumn), { border: "thin", vertical: "middle" });
  b.format(rows(columns.no), { horizontal: "center" });
  b.format(rows(columns.id, columns.department), { numberFormat: FORMATS.text });
  b.format(rows(columns.standardPay), { ...STYLES.input, numberFormat: FORMATS.money });
  b.format(rows(columns.ratio), { ...STYLES.input, numberFormat: FORMATS.percent1 });
  b.format(rows(columns.grades[0], gradeColumn), { ...STYLES.input, numberFormat: FORMATS.text, horizontal: "center" });
  // Counted from the conduct log (formulas, grey) when the workbook has one; typed otherwise.
  const cards = sheet.options.cardLog ? STYLES.computed : STYLES.input;
  b.format(rows(columns.yellow, columns.red), { ...cards, numberFormat: FORMATS.integer, horizontal: "center" });
  b.format(rows(columns.annual), { ...STYLES.computed, numberFormat: FORMATS.money });
  b.format(rows(columns.failed, columns.coefficient), { ...STYLES.computed, horizontal: "center" });
  b.format(rows(columns.failed), { numberFormat: FORMATS.integer });
  b.format(rows(columns.coefficient), { numberFormat: "0.00" });
  b.format(rows(columns.quarterExact), exact);
  // The amount paid is bold; with a pool, that is the scaled column.
  b.format(rows(columns.quarterAmount), { ...STYLES.computed, numberFormat: FORMATS.money, bold: !hasPool });
  if (hasPool) b.format(rows(columns.pooled), paid);
  if (sheet.isQ4) {
    b.format(rows(columns.eligible, columns.reason), { ...STYLES.computed, horizontal: "center" });
    b.format(rows(columns.reason), { horizontal: "left", wrap: true });
    b.format(rows(columns.yearEndExact), exact);
    b.format(rows(columns.yearEndAmount), paid);
    b.format(rows(columns.payable), paid);
  }
  b.format(rows(columns.remarks), { wrap: true, fontSize: 9, numberFormat: FORMATS.text });
}

/** Forfeited year-end bonuses and failing grades in red, paid ones in green, a negative amount in red. */
export function highlightPeople(sheet: BonusSheet): void {
  const { b, t, layout, hasPool, isQ4 } = sheet;
  const { columns, firstRow } = layout;
  const expression = (range: string, formula: string, style: (typeof CONDITIONAL)[keyof typeof CONDITIONAL]): void => {
    b.conditional({ range, rule: { type: "expression", formula }, style });
  };
  if (isQ4) {
    const eligible = a1(firstRow, columns.eligible);
    expression(peopleRange(sheet, columns.eligible), `=${eligible}="${t(TEXT.forfeited)}"`, CONDITIONAL.bad);
    expression(peopleRange(sheet, columns.eligible), `=${eligible}="${t(TEXT.paid)}"`, CONDITIONAL.good);
  }
  const grade = a1(firstRow, columns.grades[0]);
  expression(
    peopleRange(sheet, columns.grades[0], layout.gradeColumn),
    `=AND(${grade}<>"",${grade}=${SETTING_NAMES.bonusFailedGrade})`,
    CONDITIONAL.bad,
  );
  const moneyColumns = [
    columns.quarterExact,
    columns.quarterAmount,
    ...(hasPool ? [columns.pooled] : []),
    ...(isQ4 ? [columns.yearEndExact, columns.yearEndAmount, columns.payable] : []),
  ];
  for (const c of moneyColumns) {
    const cell = a1(firstRow, c);
    expression(peopleRange(sheet, c), `=AND(ISNUMBER(${cell}),${cell}<0)`, CONDITIONAL.bad);
  }
}

/** What may be typed in the input columns: amounts ≥ 0, a ratio up to 1000%, a grade of the coefficient table, card counts. */
export function validatePeople(sheet: BonusSheet): void {
  const { b, t, layout } = sheet;
  const { columns } = layout;
  const error = (title: keyof typeof VALIDATION, message: keyof typeof VALIDATION) => ({
    title: t(VALIDATION[title]),
    message: t(VALIDATION[message]),
  });
  b.validate({
    range: peopleRange(sheet, columns.standardPay),
    rule: { type: "decimal", min: 0 },
    allowBlank: true,
    error: error("amountTitle", "standardPay"),
  });
  b.validate({
    range: peopleRange(sheet, columns.ratio),
    rule: { type: "decimal", min: 0, max: 10 },
    allowBlank: true,
    prompt: { title: t(TEXT.ratio), message: t(VALIDATION.ratioPrompt) },
    error: error("ratioTitle", "ratio"),
  });
  b.validate({
    range: peopleRange(sheet, columns.grades[0], layout.gradeColumn),
    rule: { type: "listSource", source: `=${SETTING_NAMES.bonusCoefficientGrades}` },
    allowBlank: true,
    error: error("gradeTitle", "grade"),
  });
  if (sheet.options.cardLog) return;
  b.validate({
    range: peopleRange(sheet, columns.yellow, columns.red),
    rule: { type: "whole", min: 0 },
    allowBlank: true,
    error: error("countTitle", "count"),
  });
}
