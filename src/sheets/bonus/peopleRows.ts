/** The people table's header row and what finance fills in: names, pay, ratio, grades, cards, remarks. */
import type { Text } from "../../core/i18n/text";
import { columnLetter, rangeA1 } from "../common/address";
import { cardCountFormula, cardPeriod, type CardLogRef } from "../records/conductLog";
import { STYLES } from "../common/styles";
import type { BonusSheet } from "./context";
import { TEXT, gradeHeader } from "./strings";

/** Column headers, left to right; the money columns say whether the pool scales them. */
export function writeHeader(sheet: BonusSheet): void {
  const { b, t, layout, hasPool, isQ4 } = sheet;
  const { columns, headerRow } = layout;
  const headers: [number, Text][] = [
    [columns.no, TEXT.no],
    [columns.id, TEXT.id],
    [columns.name, TEXT.name],
    [columns.department, TEXT.department],
    [columns.standardPay, TEXT.standardPay],
    [columns.ratio, TEXT.ratio],
    [columns.annual, TEXT.annual],
    ...columns.grades.map((c, i): [number, Text] => [c, gradeHeader(i + 1)]),
    [columns.yellow, TEXT.yellow],
    [columns.red, TEXT.red],
    [columns.failed, TEXT.failed],
    [columns.coefficient, TEXT.coefficient],
    [columns.quarterExact, TEXT.quarterExact],
    [columns.quarterAmount, hasPool ? TEXT.quarterRounded : TEXT.quarterPaid],
    ...(hasPool ? [[columns.pooled, TEXT.pooled] as [number, Text]] : []),
    ...(isQ4
      ? ([
          [columns.eligible, TEXT.eligible],
          [columns.reason, TEXT.reason],
          [columns.yearEndExact, TEXT.yearEndExact],
          [columns.yearEndAmount, TEXT.yearEndPaid],
          [columns.payable, TEXT.payable],
        ] as [number, Text][])
      : []),
    [columns.remarks, TEXT.remarks],
  ];
  for (const [column, label] of headers) b.set(headerRow, column, t(label));
  b.format(rangeA1(headerRow, 1, headerRow, layout.lastColumn), STYLES.header);
  b.height(headerRow, sheet.locale === "zh-CN" ? 36 : 50);
}

/** The literal cells of every person (one block per run of columns); formulas come after. */
export function writeInputs(sheet: BonusSheet): void {
  const { b, people, layout, options } = sheet;
  const { columns, firstRow } = layout;
  b.block(
    firstRow,
    1,
    people.map((r, i) => [
      i + 1,
      r.person.id ?? null,
      r.person.name,
      r.person.department ?? null,
      r.person.standardPay,
      r.person.bonusRatio,
    ]),
  );
  b.block(
    firstRow,
    columns.grades[0],
    people.map((r) => r.person.grades.slice(0, options.quarter)),
  );
  if (options.cardLog) writeCardCounts(sheet, options.cardLog);
  else
    b.block(
      firstRow,
      columns.yellow,
      people.map((r) => [r.person.yellowCards, r.person.redCards]),
    );
  b.block(
    firstRow,
    columns.remarks,
    sheet.remarks.map((x) => [x]),
  );
}

/**
 * The 黄牌/红牌 cells counted from the workbook's conduct log (issue 12 point 6): per person a
 * COUNTIFS over the log by name, colour, 计入 and the bonus year up to the end of the quarter.
 * The people's card counts are the engine's count from the same log (`cardsFromLog`).
 */
function writeCardCounts(sheet: BonusSheet, log: CardLogRef): void {
  const { b, people, layout, options } = sheet;
  const { columns, firstRow } = layout;
  const { from, to } = cardPeriod(options.year, options.quarter);
  const name = `$${columnLetter(columns.name)}${firstRow}`;
  for (const [column, colour] of [
    [columns.yellow, "yellow"],
    [columns.red, "red"],
  ] as const) {
    b.fill({
      range: rangeA1(firstRow, column, sheet.lastRow, column),
      formula: `=${cardCountFormula(log, name, colour, from, to)}`,
      expect: people.map((r) => [colour === "yellow" ? (r.person.yellowCards ?? 0) : (r.person.redCards ?? 0)]),
    });
  }
}
