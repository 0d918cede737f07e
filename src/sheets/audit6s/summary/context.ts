/** What every section of the 6S summary works with: the engine's summary, the rows read back, where they go. */
import type { Settings } from "../../../core/settings";
import type { AreaAuditRecord, AuditItemRecord, AuditSummary, MonthCode } from "../../../core/audit6s/engine";
import { a1, rangeA1 } from "../../common/address";
import { quoteSheetName } from "../../formula/a1";
import type { Expected } from "../../plan";
import type { AuditSummaryMarker } from "../marker";
import type { AuditSheetReading } from "../read";
import type { SummaryRows } from "./layout";
import type { SheetContext } from "../../common/context";

/** One audited area of one audit sheet, as read back. */
export interface Entry {
  readonly sheet: string;
  readonly record: AreaAuditRecord;
  readonly meta: AuditSheetReading["areas"][number]["meta"];
}

/** An entry with a valid date: its index among the entries and its month. */
export interface DatedEntry {
  readonly e: Entry;
  readonly i: number;
  readonly m: MonthCode;
}

/** A check item of a dated entry up to the month: a row of source block B. */
export interface ItemRow extends DatedEntry {
  readonly it: AuditItemRecord;
  readonly k: number;
}

export interface SummarySheet extends SheetContext<AuditSummaryMarker> {
  readonly settings: Settings;
  readonly month: MonthCode;
  /** The month as shown: 2026-11. */
  readonly monthLabel: string;
  readonly asOf: number;
  readonly audits: readonly AuditSheetReading[];
  /** The engine's summary with every lowest item (the sheet ranks them all) … */
  readonly all: AuditSummary;
  /** … and the summary returned to the caller (the ten lowest). */
  readonly summary: AuditSummary;
  readonly records: readonly AreaAuditRecord[];
  readonly dated: readonly DatedEntry[];
  readonly itemRows: readonly ItemRow[];
  /** The number of each area (the COUNTIFS criterion: numbers only, never a user's text). */
  readonly areaNo: ReadonlyMap<string, number>;
  readonly rows: SummaryRows;
}

/** An absolute reference to a cell of an audit sheet: '6S检查表 2026-11-20'!$D$12. */
export function sheetRef(sheet: string, row: number, column: number): string {
  return `${quoteSheetName(sheet)}!${a1(row, column, true)}`;
}

/** A column of source block A, absolute. */
export function areaSourceColumn(sheet: SummarySheet, column: number): string {
  const { first, last } = sheet.rows.areaSource;
  return rangeA1(first, column, last, column, true);
}

/** A column of source block B, absolute. */
export function itemSourceColumn(sheet: SummarySheet, column: number): string {
  const { first, last } = sheet.rows.itemSource;
  return rangeA1(first, column, last, column, true);
}

/** A value read back as a formula's expected value ("" for a blank or anything else). */
export function expectOf(v: unknown): Expected {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return "";
}
