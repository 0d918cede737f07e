/**
 * The three rows under the people: Σ of the rounded amounts, the whole rounded once, and the
 * difference between them (RULES.md#bonuses: shown, never hidden). Against a pool, Σ scaled amounts plus
 * the difference is the pool, to the cent.
 */
import { roundMoney, type Reconciliation } from "../../core/bonus";
import type { Settings } from "../../core/settings";
import { a1, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, PALETTE } from "../common/styles";
import { peopleColumn, type BonusSheet } from "./context";
import { poolCells } from "./layout";
import { roundMoneyFormula } from "./peopleFormulas";
import { TEXT } from "./strings";

/** The rows of the totals block. */
export interface TotalRows {
  /** Σ of every person's (rounded) amount. */
  readonly sumRow: number;
  readonly roundedOnceRow: number;
  readonly differenceRow: number;
}

type Totals = Pick<Reconciliation, "sumOfRoundedParts" | "roundedWhole" | "difference">;

/** Labels and formulas of the totals rows; returns where they are. */
export function writeTotals(sheet: BonusSheet): TotalRows {
  const { b, t, layout, result, people } = sheet;
  const { columns } = layout;
  const rows: TotalRows = {
    sumRow: sheet.lastRow + 1,
    roundedOnceRow: sheet.lastRow + 2,
    differenceRow: sheet.lastRow + 3,
  };
  const { sumRow, roundedOnceRow, differenceRow } = rows;
  for (const [row, label] of [
    [sumRow, TEXT.totalRounded],
    [roundedOnceRow, TEXT.totalOnce],
    [differenceRow, TEXT.difference],
  ] as const) {
    b.set(row, 1, t(label), { bold: true });
    b.merge(rangeA1(row, 1, row, columns.department));
  }
  const sumOf = (c: number): string => `=SUM(${peopleColumn(sheet, c)})`;
  /** Σ rounded amounts; `whole` rounded once; the difference between them. */
  const reconciled = (column: number, totals: Totals, whole: string, when = (f: string) => f): void => {
    b.set(sumRow, column, { f: sumOf(column), expect: totals.sumOfRoundedParts });
    b.set(roundedOnceRow, column, { f: `=${when(roundMoneyFormula(whole))}`, expect: totals.roundedWhole });
    const difference = `${a1(roundedOnceRow, column)}-${a1(sumRow, column)}`;
    b.set(differenceRow, column, { f: `=${when(roundMoneyFormula(difference))}`, expect: totals.difference });
  };
  b.set(sumRow, columns.annual, { f: sumOf(columns.annual), expect: result.annualTotal });
  b.set(sumRow, columns.quarterExact, {
    f: sumOf(columns.quarterExact),
    expect: sumOfNumbers(people.map((r) => r.quarterExact)),
  });
  reconciled(columns.quarterAmount, result.quarterTotals, `SUM(${peopleColumn(sheet, columns.quarterExact)})`);
  if (sheet.hasPool) {
    const pool = poolCells(layout).amount;
    const totals = result.pool?.totals ?? reconcileNothing(result.pool?.pool ?? 0, sheet.settings);
    reconciled(columns.pooled, totals, pool, (f) => `IF(${pool}="","",${f})`);
  }
  if (sheet.isQ4 && result.yearEndTotals) {
    const exact = sumOfNumbers(people.map((r) => r.yearEnd?.exact ?? null));
    b.set(sumRow, columns.yearEndExact, { f: sumOf(columns.yearEndExact), expect: exact });
    reconciled(columns.yearEndAmount, result.yearEndTotals, `SUM(${peopleColumn(sheet, columns.yearEndExact)})`);
    b.set(sumRow, columns.payable, { f: sumOf(columns.payable), expect: result.payableTotal ?? 0 });
  }
  return rows;
}

/** Totals bold on the header fill, money formats, the exact sums grey; a rounding difference in amber. */
export function formatTotals(sheet: BonusSheet, rows: TotalRows): void {
  const { b, layout } = sheet;
  const { columns, lastColumn } = layout;
  const { sumRow, differenceRow } = rows;
  b.format(rangeA1(sumRow, 1, differenceRow, lastColumn), { border: "thin", bold: true, fill: PALETTE.headerFill });
  b.format(rangeA1(sumRow, columns.annual, differenceRow, lastColumn), { numberFormat: FORMATS.money });
  const exact = { numberFormat: "#,##0.0000", bold: false, fontColor: PALETTE.note };
  b.format(rangeA1(sumRow, columns.quarterExact, sumRow, columns.quarterExact), exact);
  if (sheet.isQ4) b.format(rangeA1(sumRow, columns.yearEndExact, sumRow, columns.yearEndExact), exact);
  const first = a1(differenceRow, columns.quarterAmount);
  b.conditional({
    range: rangeA1(differenceRow, columns.quarterAmount, differenceRow, lastColumn),
    rule: { type: "expression", formula: `=AND(ISNUMBER(${first}),${first}<>0)` },
    style: CONDITIONAL.neutral,
  });
}

/** Σ of the non-blank values in row order (what SUM computes over a column with "" cells). */
function sumOfNumbers(xs: readonly (number | null)[]): number {
  let s = 0;
  for (const x of xs) if (x !== null) s += x;
  return s;
}

/** No scaled amounts (nothing to scale): Σ is 0 and the whole pool is the difference. */
function reconcileNothing(pool: number, settings: Settings): Totals {
  const r = roundMoney(pool, settings.bonus.roundTo);
  const whole = r.ok ? r.value : pool;
  return { sumOfRoundedParts: 0, roundedWhole: whole, difference: whole };
}
