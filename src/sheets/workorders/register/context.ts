/** What every section of the register works with: the orders, the register's words, where each column is. */
import type { Settings } from "../../../core/settings";
import type { WorkOrder } from "../../../core/workorders";
import { rangeA1 } from "../../common/address";
import type { Vocabulary, RegisterColumn } from "../vocabulary";
import type { RegisterMarker } from "../marker";
import type { SheetContext } from "../../common/context";

export const HEADER_ROW = 4;
export const FIRST_ROW = HEADER_ROW + 1;
/** The "as of" moment of the SLA states (editable). */
export const AS_OF_CELL = "$C$2";

export interface RegisterSheet extends SheetContext<RegisterMarker> {
  readonly settings: Settings;
  readonly orders: readonly WorkOrder[];
  readonly asOf: number;
  /** The register's headers and words (yes/no, categories, SLA states) in its language. */
  readonly words: Vocabulary;
  readonly tableName: string;
  readonly lastRow: number;
  /** The last column (来源行). */
  readonly lastColumn: number;
  /** Column number and letter of every register column. */
  readonly column: Readonly<Record<RegisterColumn, number>>;
  readonly letter: Readonly<Record<RegisterColumn, string>>;
}

/** A register column over every order's row. */
export function columnRange(sheet: RegisterSheet, c: RegisterColumn): string {
  return rangeA1(FIRST_ROW, sheet.column[c], sheet.lastRow, sheet.column[c]);
}
