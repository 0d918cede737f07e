/**
 * What every record sheet shares around its table: the sheet name with the station
 * ("备用件台账-北京站", ≤ 31 characters, no characters sheet names refuse), the marker with the
 * layout, the title rows (title; station and the note), and the page (hidden marker column,
 * panes frozen under the header, A4 landscape fitted to the width).
 */
import type { Locale, Text } from "../../../core/i18n/text";
import { text } from "../../../core/i18n/text";
import { SheetBuilder } from "../../common/builder";
import { a1, rangeA1 } from "../../common/address";
import { STYLES } from "../../common/styles";
import { quoteSheetName } from "../../formula/a1";
import { sanitizeSheetName } from "../../formula/names";
import type { MarkerEnvelope, SheetPlan } from "../../plan";
import { RECORD_MARKER_VERSION, type RecordKind, type RecordMeta } from "../marker";
import type { RecordLayout } from "./recordTable";

export interface RecordBook {
  readonly t: (x: Text) => string;
  readonly locale: Locale;
  /** The station whose book this is; "" for the department's own. */
  readonly station: string;
}

export type RecordBuilder<K extends RecordKind> = SheetBuilder<{ kind: K; version: number; meta: RecordMeta }>;

/** "备用件台账-北京站", at most 31 characters, without the characters sheet names refuse. */
export function recordSheetName(base: string, station: string): string {
  return sanitizeSheetName(station === "" ? base : `${base}-${station}`).slice(0, 31);
}

export function stationLine(station: string): Text {
  return station === ""
    ? text("售后服务部", "After-sales service department")
    : text(`服务站：${station}`, `Service station: ${station}`);
}

/** The builder of a record sheet whose table is `layout` over `width` columns. */
export function recordBuilder<K extends RecordKind, Id extends string>(
  book: RecordBook,
  kind: K,
  name: string,
  layout: RecordLayout<Id>,
  tableName: string,
  width: number,
): RecordBuilder<K> {
  const meta: RecordMeta = {
    locale: book.locale,
    station: book.station,
    tableName,
    headerRow: layout.headerRow,
    firstRow: layout.firstRow,
    lastRow: layout.lastRow,
    columns: layout.letter,
  };
  return new SheetBuilder(name, { kind, version: RECORD_MARKER_VERSION, meta }, a1(1, width + 2));
}

/** Row 1 the title; row 2 the station (A–C) and the note (D to the last column). */
export function recordTitle<K extends RecordKind>(
  b: RecordBuilder<K>,
  book: RecordBook,
  title: Text,
  note: Text,
  width: number,
): void {
  b.set(1, 1, book.t(title), STYLES.title);
  b.set(2, 1, book.t(stationLine(book.station)), { bold: true });
  b.merge(rangeA1(2, 1, 2, 3));
  b.set(2, 4, book.t(note), STYLES.note);
  b.merge(rangeA1(2, 4, 2, width));
  b.height(2, 44);
}

/** How a record sheet's page is set up (recordPage). */
export interface RecordPage {
  readonly headerRow: number;
  /** The page header: the sheet's title in its language. */
  readonly title: string;
  /** Columns kept in view left of the frozen panes (default 1). */
  readonly freezeColumns?: number;
  readonly tabColor: string;
  /** Column widths from A, in order. */
  readonly widths?: readonly number[];
  /** The marker column to hide, when the sheet hides it. */
  readonly hideColumn?: number;
  readonly margins?: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
}

/** The page of a record sheet: widths, panes frozen under the header, tab colour, A4 landscape fitted to the width. */
export function recordPage<M extends MarkerEnvelope>(b: SheetBuilder<M>, page: RecordPage): void {
  (page.widths ?? []).forEach((w, i) => b.width(i + 1, w));
  if (page.hideColumn !== undefined) b.hideColumn(page.hideColumn);
  b.freeze(page.headerRow, page.freezeColumns ?? 1);
  b.tabColor(page.tabColor);
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${page.headerRow}:${page.headerRow}`,
    header: page.title,
    footer: "&P / &N",
    ...(page.margins ? { margins: page.margins } : {}),
  });
}

/** The page: hidden marker column, frozen header, A4 landscape fitted to the width; the plan. */
export function finishRecordSheet<K extends RecordKind>(
  b: RecordBuilder<K>,
  book: RecordBook,
  headerRow: number,
  title: Text,
  width: number,
): SheetPlan<{ kind: K; version: number; meta: RecordMeta }> {
  recordPage(b, {
    headerRow,
    title: book.t(title),
    tabColor: "7F6000",
    hideColumn: width + 2,
    margins: { top: 0.5, bottom: 0.5, left: 0.3, right: 0.3 },
  });
  return b.build();
}

/** A column of another sheet of the same book, absolute: 'Sheet'!$D$5:$D$204. */
export function otherSheetColumn<Id extends string>(sheet: string, layout: RecordLayout<Id>, id: Id): string {
  return `${quoteSheetName(sheet)}!${layout.body(id)}`;
}

/** The engine's value for body row `i` when it is a record, "" for a blank row. */
export function orBlank<T>(i: number, count: number, value: (i: number) => T): T | "" {
  return i < count ? value(i) : "";
}
