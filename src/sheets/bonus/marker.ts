/** The bonus sheet's marker: the layout facts to read the sheet back (tests, later features). */
import { text } from "../../core/i18n/text";
import type { Result } from "../../core/problem";
import type { Quarter } from "../../core/bonus";
import { checkMarker, fieldsOf, isColumnLetters, isRecordOf, isWhole, type MarkerSpec } from "../formula/marker";
import type { FoundPlan, MarkerOf } from "../plan";

export const BONUS_MARKER_VERSION = 1;

/** Layout facts in the marker, so later features (and tests) can read the sheet back. */
export interface BonusMeta {
  readonly year: number;
  readonly quarter: Quarter;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly columns: Readonly<Record<string, string>>;
  /** Grade columns, Q1 first (up to this quarter). */
  readonly gradeColumns: readonly string[];
  readonly pool: boolean;
  readonly quarterFormula: string | null;
  readonly yearEndFormula: string | null;
}

export type BonusMarker = MarkerOf<"bonus", BonusMeta>;

const isFormulaSource = (v: unknown): boolean => v === null || typeof v === "string";

function isBonusMeta(meta: object): meta is BonusMeta {
  const m = fieldsOf(meta);
  return (
    isWhole(m.year) &&
    [1, 2, 3, 4].includes(m.quarter as number) &&
    isWhole(m.firstRow) &&
    isWhole(m.lastRow) &&
    m.lastRow >= m.firstRow &&
    isRecordOf(m.columns, isColumnLetters) &&
    Array.isArray(m.gradeColumns) &&
    m.gradeColumns.length === m.quarter &&
    m.gradeColumns.every(isColumnLetters) &&
    typeof m.pool === "boolean" &&
    isFormulaSource(m.quarterFormula) &&
    isFormulaSource(m.yearEndFormula)
  );
}

const SPEC: MarkerSpec<"bonus", BonusMeta> = {
  kind: "bonus",
  version: BONUS_MARKER_VERSION,
  label: text("季度奖金表", "bonus sheet"),
  isMeta: isBonusMeta,
};

/** The bonus marker of a sheet found in a workbook, checked; or why it cannot be read. */
export function bonusMarkerOf(found: FoundPlan): Result<BonusMarker> {
  return checkMarker(found, SPEC);
}
