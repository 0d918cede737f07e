/**
 * Where everything is on a bonus sheet: the columns (which depend on the quarter and on a
 * budget pool) and the rows above the people (which depend on finance's formulas).
 */
import type { Quarter } from "../../core/bonus";
import { a1, columnLetter } from "../common/address";

/** The row of 年度 / 季度 / 人数 (the cell the variable 季度 refers to is on it). */
export const INFO_ROW = 3;
/** The column of the quarter number on the info row (E3). */
export const QUARTER_COLUMN = 5;

/** Column numbers of the people table; 0 for a column the sheet does not have. */
export interface BonusColumns {
  readonly no: number;
  readonly id: number;
  readonly name: number;
  readonly department: number;
  readonly standardPay: number;
  readonly ratio: number;
  readonly annual: number;
  /** Q1 … this quarter. */
  readonly grades: readonly number[];
  readonly yellow: number;
  readonly red: number;
  readonly failed: number;
  readonly coefficient: number;
  readonly quarterExact: number;
  readonly quarterAmount: number;
  /** With a budget pool only. */
  readonly pooled: number;
  /** Q4 only, like the four after it. */
  readonly eligible: number;
  readonly reason: number;
  readonly yearEndExact: number;
  readonly yearEndAmount: number;
  readonly payable: number;
  readonly remarks: number;
  readonly marker: number;
}

/** Where everything is on a bonus sheet: column numbers and the rows before the people. */
export interface BonusLayout {
  readonly quarter: Quarter;
  readonly columns: BonusColumns;
  /** The last visible column (备注). */
  readonly lastColumn: number;
  /** This quarter's grade column. */
  readonly gradeColumn: number;
  /** The budget pool's row; 0 when there is no pool. */
  readonly poolRow: number;
  readonly headerRow: number;
  /** The first person's row. */
  readonly firstRow: number;
}

/** The layout for a quarter, with or without a pool and finance's formulas (each adds a line above the table). */
export function bonusLayout(o: {
  readonly quarter: Quarter;
  readonly pool: boolean;
  readonly quarterFormula: boolean;
  readonly yearEndFormula: boolean;
}): BonusLayout {
  const isQ4 = o.quarter === 4;
  let next = 1;
  const column = (): number => next++;
  const columns: BonusColumns = {
    no: column(),
    id: column(),
    name: column(),
    department: column(),
    standardPay: column(),
    ratio: column(),
    annual: column(),
    grades: Array.from({ length: o.quarter }, () => column()),
    yellow: column(),
    red: column(),
    failed: column(),
    coefficient: column(),
    quarterExact: column(),
    quarterAmount: column(),
    pooled: o.pool ? column() : 0,
    eligible: isQ4 ? column() : 0,
    reason: isQ4 ? column() : 0,
    yearEndExact: isQ4 ? column() : 0,
    yearEndAmount: isQ4 ? column() : 0,
    payable: isQ4 ? column() : 0,
    remarks: column(),
    marker: column(),
  };
  // One line per rule (the policy's or finance's formula and its cell formula), then the pool.
  const formulaLines = 1 + (o.quarterFormula ? 1 : 0) + (isQ4 ? 1 + (o.yearEndFormula ? 1 : 0) : 0);
  const poolRow = o.pool ? INFO_ROW + 1 + formulaLines : 0;
  const headerRow = INFO_ROW + 1 + formulaLines + (o.pool ? 1 : 0) + 1;
  return {
    quarter: o.quarter,
    columns,
    lastColumn: columns.remarks,
    gradeColumn: columns.grades[o.quarter - 1],
    poolRow,
    headerRow,
    firstRow: headerRow + 1,
  };
}

/** A column of the first person's row, column fixed and row relative ($G9): fills shift it down. */
export function rowRef(layout: BonusLayout, column: number): string {
  return `$${columnLetter(column)}${layout.firstRow}`;
}

/** The budget pool's amount cell and the cell of the factor that scales the quarter bonuses to it (with a pool only). */
export function poolCells(layout: BonusLayout): { readonly amount: string; readonly factor: string } {
  return {
    amount: a1(layout.poolRow, layout.columns.standardPay, true),
    factor: a1(layout.poolRow, layout.columns.annual, true),
  };
}
