/** What every section of the bonus sheet works with: the builder, the words, the layout and the engine's results. */
import type { Settings } from "../../core/settings";
import type { BonusResult, PersonBonusResult } from "../../core/bonus";
import { rangeA1 } from "../common/address";
import type { BonusPlanOptions } from "./bonusPlan";
import type { BonusLayout } from "./layout";
import type { BonusMarker } from "./marker";
import type { SheetContext } from "../common/context";

export interface BonusSheet extends SheetContext<BonusMarker> {
  readonly settings: Settings;
  readonly options: BonusPlanOptions;
  readonly layout: BonusLayout;
  /** The engine's results: every formula cell's expected value. */
  readonly result: BonusResult;
  /** One per person, in row order. */
  readonly people: readonly PersonBonusResult[];
  /** The last person's row. */
  readonly lastRow: number;
  readonly hasPool: boolean;
  readonly isQ4: boolean;
  /** Title and print header: 季度绩效奖金 — 2026年第4季度. */
  readonly title: string;
  /** The first person's quarter-bonus and (Q4) year-end formulas, filled down. */
  readonly quarterFormula: string;
  readonly yearEndFormula: string | null;
  /** The 备注 cell of each person (their remarks and the engine's warnings), or null. */
  readonly remarks: readonly (string | null)[];
}

/** Columns `from`–`to` of every person's row (B9:B20). */
export function peopleRange(sheet: BonusSheet, from: number, to = from): string {
  return rangeA1(sheet.layout.firstRow, from, sheet.lastRow, to);
}

/** One column of every person's row, absolute ($G$9:$G$20), for totals. */
export function peopleColumn(sheet: BonusSheet, column: number): string {
  return rangeA1(sheet.layout.firstRow, column, sheet.lastRow, column, true);
}
