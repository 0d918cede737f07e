/**
 * The work-order register (售后服务工单登记表, RULES.md#work-order-register) as an Excel table: the input
 * columns (RULES.md's, then the 服务报告's; dropdowns for yes/no and the fault category, date-time formats, validation), then
 * calculated columns with one O(1) formula per row — the SLA limit in hours, the deadline, the
 * time of the event the rule waits for, the SLA state (达标 / 超时 / 未到期 / 数据不全) and the
 * response time in hours — referencing the 考核参数 names, never literal hours or kilometres.
 * No per-row formula looks at other rows (per-row COUNTIFS made LibreOffice take minutes).
 *
 * The rows are the engine's cleaned orders: dates as serials, yes/no as 是/否, categories in
 * the register's words, unreadable cells blank (they are listed on the 数据问题 sheet).
 *
 * Sections: the title rows and page setup here; inputColumns.ts (the orders, formats,
 * validation), calculatedColumns.ts (the SLA formulas); context.ts is what they share.
 */
import { pick, type Locale, type Text } from "../../../core/i18n/text";
import { fail, ok, type Result } from "../../../core/problem";
import type { Settings } from "../../../core/settings";
import { formatSerial } from "../../../core/dates/serial";
import type { WorkOrder } from "../../../core/workorders";
import { SheetBuilder } from "../../common/builder";
import { a1, columnLetter, rangeA1 } from "../../common/address";
import { FORMATS, STYLES } from "../../common/styles";
import type { SheetPlan } from "../../plan";
import { REGISTER_COLUMNS, vocabulary, type RegisterColumn } from "../vocabulary";
import { REGISTER_MARKER_VERSION, type RegisterMarker, type RegisterMeta } from "../marker";
import { writeCalculatedColumns } from "./calculatedColumns";
import { AS_OF_CELL, FIRST_ROW, HEADER_ROW, type RegisterSheet } from "./context";
import { formatColumns, validateInputs, writeOrders } from "./inputColumns";
import { REGISTER_SHEET_NAME, TEXT, asOfNote, sourceLine } from "./strings";
import { WRITTEN_CONTACT_COLUMNS, writeWrittenContactColumns, type RegisterCallLog } from "./writtenContact";

export { REGISTER_SHEET_NAME } from "./strings";
export const REGISTER_TABLE_NAME = "SVC_WorkOrders";

/** Where the source rows came from, for the subtitle. */
export interface SourceInfo {
  /** File name or sheet name as the user knows it. */
  readonly name: string;
  /** Range address in the source, e.g. "A1:S3121". */
  readonly address?: string;
}

export interface RegisterOptions {
  readonly orders: readonly WorkOrder[];
  readonly locale: Locale;
  readonly settings: Settings;
  /** The "as of" time of the register's SLA state column (an editable cell). */
  readonly asOf: number;
  readonly source?: SourceInfo;
  /** How many problems the 数据问题 sheet lists (for the subtitle). */
  readonly problems?: number;
  readonly tableName?: string;
  /** The workbook's call log: two more columns prove written contact for chassis-engine faults from it. */
  readonly callLog?: RegisterCallLog;
}

/** The register sheet. Fails (never throws) when there is nothing to register. */
export function registerPlan(options: RegisterOptions): Result<SheetPlan<RegisterMarker>> {
  if (options.orders.length === 0) return fail("na", TEXT.noOrders);
  const sheet = startSheet(options);
  writeTitle(sheet, options);
  writeOrders(sheet);
  writeCalculatedColumns(sheet);
  if (options.callLog) writeWrittenContactColumns(sheet, options.callLog);
  formatColumns(sheet);
  validateInputs(sheet);
  setUpPage(sheet);
  return ok(sheet.b.build());
}

/** Where each column is, the marker (the KPI sheet finds the register by it) and the builder. */
function startSheet(options: RegisterOptions): RegisterSheet {
  const { orders, locale } = options;
  const t = (x: Text): string => pick(x, locale);
  const words = vocabulary(locale);
  const tableName = options.tableName ?? REGISTER_TABLE_NAME;
  const lastRow = FIRST_ROW + orders.length - 1;
  const column = Object.fromEntries(REGISTER_COLUMNS.map((c, i) => [c, i + 1])) as Record<RegisterColumn, number>;
  const letter = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, columnLetter(column[c])])) as Record<
    RegisterColumn,
    string
  >;
  const lastColumn = REGISTER_COLUMNS.length + (options.callLog ? WRITTEN_CONTACT_COLUMNS : 0);
  const meta: RegisterMeta = {
    locale,
    tableName,
    headerRow: HEADER_ROW,
    firstRow: FIRST_ROW,
    lastRow,
    asOfCell: AS_OF_CELL,
    columns: letter,
    headers: words.header,
  };
  const b = new SheetBuilder<RegisterMarker>(
    t(REGISTER_SHEET_NAME),
    { kind: "register", version: REGISTER_MARKER_VERSION, meta },
    a1(1, lastColumn + 2),
  );
  const { settings, asOf } = options;
  return { b, t, locale, settings, orders, asOf, words, tableName, lastRow, lastColumn, column, letter };
}

/** Title; the as-of cell (editable) and the note on the formulas; where the orders came from. */
function writeTitle(sheet: RegisterSheet, options: RegisterOptions): void {
  const { b, t, lastColumn } = sheet;
  b.set(1, 1, t(TEXT.title), STYLES.title);
  b.set(2, 1, t(TEXT.asOf), { bold: true, vertical: "middle" });
  b.merge(rangeA1(2, 1, 2, 2));
  const asOf = { ...STYLES.input, numberFormat: FORMATS.dateTime, horizontal: "center", vertical: "middle" } as const;
  b.set(2, 3, sheet.asOf, asOf);
  b.merge(rangeA1(2, 3, 2, 4));
  b.set(2, 5, t(TEXT.note), { ...STYLES.note, vertical: "middle" });
  b.merge(rangeA1(2, 5, 2, lastColumn));
  b.height(2, 32);
  b.set(3, 1, t(sourceLine(options.source, sheet.orders.length, options.problems)), STYLES.subtitle);
}

/** Widths, the hidden marker column, panes frozen under the header, A4 landscape; the note on the as-of time. */
function setUpPage(sheet: RegisterSheet): void {
  const { b, t, column } = sheet;
  const widths: Partial<Record<RegisterColumn, number>> = {
    orderId: 16,
    customer: 14,
    technician: 10,
    product: 16,
    category: 11,
    reportedAt: 16,
    dispatchedAt: 16,
    repliedAt: 16,
    arrivedAt: 16,
    completedAt: 16,
    distanceKm: 9,
    quality: 8,
    satisfaction: 8,
    slaHours: 8,
    deadline: 16,
    slaEventAt: 16,
    slaState: 9,
    responseHours: 9,
    completionDeadline: 16,
    partName: 12,
    partReason: 14,
    reportComplete: 8,
    sourceRow: 7,
  };
  for (const c of REGISTER_COLUMNS) b.width(column[c], widths[c] ?? 8);
  b.width(1, Math.max(widths.orderId ?? 16, 16));
  b.height(HEADER_ROW, 32);
  b.hideColumn(sheet.lastColumn + 2);
  b.freeze(HEADER_ROW, 1);
  b.tabColor("2E75B6");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    header: t(TEXT.title),
    footer: "&P / &N",
    margins: { top: 0.5, bottom: 0.5, left: 0.3, right: 0.3 },
  });
  b.note(asOfNote(formatSerial(sheet.asOf)));
}
