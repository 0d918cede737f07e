/** What every section of the 6S audit sheet works with, and what one area brings to it. */
import type { Settings } from "../../../core/settings";
import type { AreaResult, ChecklistItem, ItemScale, ScaleId } from "../../../core/audit6s/engine";
import { columnLetter, rangeA1 } from "../../common/address";
import type { AuditAreaMeta, AuditMarker } from "../marker";
import type { Audit6sOptions, ItemEntry } from "./auditPlan";
import type { AreaRows } from "./areaLayout";
import type { SheetContext } from "../../common/context";

/** A checklist item in sheet order (grouped by S) with its index in the checklist as given. */
export interface SheetItem {
  readonly it: ChecklistItem;
  readonly i: number;
}

/** An input range whose validation is added once every area is written. */
export interface PendingValidation {
  readonly range: string;
  readonly kind: "score" | "date" | "status" | "weight";
}

export interface AuditSheet extends SheetContext<AuditMarker> {
  readonly settings: Settings;
  readonly options: Audit6sOptions;
  readonly scaleId: ScaleId;
  readonly scale: ItemScale;
  /** The scale's maximum points (1 for pass/fail). */
  readonly max: number;
  /** The S weights the expected values use: the settings' or the audit's own. */
  readonly weights: readonly number[];
  /** Whether the audit has weights of its own (editable cells) rather than SVC_6S_Weights. */
  readonly ownWeights: boolean;
  readonly items: readonly SheetItem[];
  readonly rows: AreaRows;
  /** Every row height of a block (index = offset from its top). */
  readonly heights: readonly number[];
  readonly validations: PendingValidation[];
}

/** One area as the sections write it. */
export interface Area {
  readonly meta: AuditAreaMeta;
  /** The engine's result: every formula's expected value. */
  readonly result: AreaResult;
  /** The score cells as written (numbers, 不适用, 合格…), in sheet order. */
  readonly scoreCells: readonly (string | number | null)[];
  /** What is already filled in, per checklist item (in the checklist's order). */
  readonly entries: readonly (ItemEntry | undefined)[];
}

/** Columns `from`–`to` of the area's item rows. */
export function itemRows(area: Area, from: number, to = from): string {
  return rangeA1(area.meta.itemsFirst, from, area.meta.itemsLast, to);
}

/** "$M7": column fixed, row relative (for conditional formats filled over a range). */
export function columnFixed(row: number, column: number): string {
  return `$${columnLetter(column)}${row}`;
}
