/** What every section of the monthly KPI sheet works with, and the two ways a value is written (formula or frozen). */
import type { Settings } from "../../../core/settings";
import type { KpiReport, KpiRow } from "../../../core/workorders";
import { rangeA1 } from "../../common/address";
import type { CellStyle, Expected, PlanCell } from "../../plan";
import type { Vocabulary } from "../vocabulary";
import type { KpiMarker } from "../marker";
import { FIRST_ROW } from "./columns";
import { TEXT } from "./strings";
import type { SheetContext } from "../../common/context";

export interface KpiSheet extends SheetContext<KpiMarker> {
  readonly settings: Settings;
  /** The engine's KPIs of the month and the month before: every formula's expected value. */
  readonly report: KpiReport;
  /** The register's words (its headers are the structured-reference names the formulas use). */
  readonly words: Vocabulary;
  /** The register table the formulas read. */
  readonly table: string;
  /** Freeze as values: the moment stamped on the sheet; null for live formulas. */
  readonly frozenAt: number | null;
  /** This month's technician rows (FIRST_ROW on), then the department row. */
  readonly technicians: readonly KpiRow[];
  readonly departmentRow: number;
  /** Header cells; English headers are longer, so smaller. */
  readonly headerStyle: CellStyle;
}

/** The name in a row's first cell: the technician (or 未分配), or 全部门 for the department row. */
export function rowName(sheet: Pick<KpiSheet, "t" | "words">, row: KpiRow): string {
  return row.key === null ? sheet.t(TEXT.department) : (row.technician ?? sheet.words.unassigned);
}

/** A formula cell, or its value when frozen ("" = blank). */
export function formulaCell(sheet: KpiSheet, f: string, expect: Expected): PlanCell {
  return sheet.frozenAt !== null ? (expect === "" ? null : (expect as PlanCell)) : { f, expect };
}

/** One column over the technician rows from `top`: a fill of `firstFormula`, or the values when frozen. */
export function fillColumn(
  sheet: KpiSheet,
  column: number,
  firstFormula: string,
  expects: readonly Expected[],
  top = FIRST_ROW,
): void {
  if (expects.length === 0) return;
  if (sheet.frozenAt !== null)
    sheet.b.block(
      top,
      column,
      expects.map((e) => [e === "" ? null : (e as PlanCell)]),
    );
  else
    sheet.b.fill({
      range: rangeA1(top, column, top + expects.length - 1, column),
      formula: firstFormula,
      expect: expects.map((e) => [e]),
    });
}
