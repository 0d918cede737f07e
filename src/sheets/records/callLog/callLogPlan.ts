/**
 * The 来电来函处理记录 sheet (issue 12 point 5, RULES.md#call-and-letter-log): the log in time order
 * in an Excel table (SVC_CallLog) with dropdowns for channel, fault category and answer channel,
 * blank rows to go on logging, and per row native formulas for the status, the hours to answer,
 * the order's first archived written answer since the call and — for chassis-engine faults —
 * whether written contact came within SVC_SLA_ChassisReplyHours (办法 3.2.3). Counts on top.
 *
 * Every formula cell carries the engine's value (core/records/callLog computeCallLog).
 * `writtenContactFormula` is the lookup the work-order register uses to prove written contact.
 */
import { pick, type Locale, type Text } from "../../../core/i18n/text";
import { fail, ok, type Problem, type Result } from "../../../core/problem";
import { SETTING_NAMES, type Settings } from "../../../core/settings";
import { text } from "../../../core/i18n/text";
import { FAULT_CATEGORY_LABELS } from "../../../core/sla/category";
import {
  ANSWER_CHANNEL_LABELS,
  CALL_CHANNEL_LABELS,
  CALL_STATUS_LABELS,
  WRITTEN_CHECK_LABELS,
  computeCallLog,
  type CallEntry,
  type CallLogLine,
  type CallLogResult,
} from "../../../core/records/callLog";
import { describeProblem } from "../../../core/problem";
import { SheetBuilder } from "../../common/builder";
import { a1, columnLetter, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import { tableColumnRef } from "../../formula/structuredRef";
import type { Expected, PlanCell, SheetPlan } from "../../plan";
import { colourWord, dateEntry, listEntry } from "../common/entry";
import { literal } from "../common/recordTable";
import { recordPage } from "../common/recordSheet";
import { RECORD_MARKER_VERSION, type CallLogMarker, type CallLogMeta } from "../marker";
import { CALL_COLUMNS, HEADERS, TEXT, VALIDATION, type CallColumn } from "./strings";

export const CALL_LOG_TABLE = "SVC_CallLog";
export const HEADER_ROW = 5;
export const FIRST_ROW = HEADER_ROW + 1;
const AS_OF_ROW = 2;
const COUNTS_ROW = 3;
const AS_OF_CELL = "$B$2";
/** The hidden marker column, one column clear of the table so the table never grows into it. */
const MARKER_COLUMN = CALL_COLUMNS.length + 2;
/** Blank rows under the entries when none is asked for. */
export const DEFAULT_BLANK_ROWS = 30;
export const MAX_BLANK_ROWS = 1000;

export interface CallLogPlanOptions {
  readonly calls: readonly CallEntry[];
  /** When the written-contact check is taken (serial); editable on the sheet. */
  readonly asOf: number;
  readonly locale: Locale;
  readonly settings: Settings;
  /** Blank rows under the entries (default 30). */
  readonly blankRows?: number;
  /** Problems reading the input, listed as notes. */
  readonly inputProblems?: readonly Problem[];
}

export interface CallLogPlan {
  readonly plan: SheetPlan<CallLogMarker>;
  readonly result: CallLogResult;
}

const COLUMN = Object.fromEntries(CALL_COLUMNS.map((c, i) => [c, i + 1])) as Record<CallColumn, number>;
const LETTER = Object.fromEntries(CALL_COLUMNS.map((c, i) => [c, columnLetter(i + 1)])) as Record<CallColumn, string>;

/** This row's cell of a column, e.g. $F6. */
function here(c: CallColumn): string {
  return `$${LETTER[c]}${FIRST_ROW}`;
}

/** Half a millisecond, so "answered at or after the call" survives the digits a time loses (HALF_MS_DAYS). */
const HALF_MS = "0.5/86400000";

/**
 * The formula (without "=") of the first archived written answer to the order in `orderRef` at
 * or after `sinceRef`, over the call log's table: a serial, or "" when there is none. The
 * work-order register uses it to prove 3.2.3's written contact: `meta` is the call log's marker
 * meta (table and header names), `orderRef` the register's 工单号 cell, `sinceRef` its 报修时间.
 * SUMPRODUCT, not COUNTIFS/MINIFS: an exact, case-insensitive text match (COUNTIFS would read
 * "*" and "?" in an order number as wildcards and "001" as the number 1) that Excel 2007, WPS
 * and LibreOffice all compute without array entry.
 */
export function writtenContactFormula(
  meta: Pick<CallLogMeta, "tableName" | "headers">,
  orderRef: string,
  sinceRef: string,
  writtenWord: string,
): string {
  const col = (c: CallColumn): string => tableColumnRef(meta.tableName, meta.headers[c]);
  const proves =
    `(${col("orderId")}=${orderRef})*(${col("answeredBy")}=${literal(writtenWord)})` +
    `*(${col("answeredAt")}>=${sinceRef}-${HALF_MS})*(${col("archive")}<>"")`;
  return `IF(SUMPRODUCT(${proves})=0,"",SUMPRODUCT(MIN(${col("answeredAt")}+(1-${proves})*1E+6)))`;
}

/** Builds the sheet; refuses (never throws) a bad as-of or blank-row count. */
export function callLogPlan(options: CallLogPlanOptions): Result<CallLogPlan> {
  const { locale, settings } = options;
  const t = (x: Text): string => pick(x, locale);
  const blankRows = options.blankRows ?? DEFAULT_BLANK_ROWS;
  if (!Number.isInteger(blankRows) || blankRows < 0 || blankRows > MAX_BLANK_ROWS)
    return fail(
      "value",
      text(
        `空行数应为 0 到 ${MAX_BLANK_ROWS} 的整数（现为 ${blankRows}）`,
        `blank rows must be a whole number from 0 to ${MAX_BLANK_ROWS} (got ${blankRows})`,
      ),
    );
  if (!Number.isFinite(options.asOf) || options.asOf <= 0)
    return fail("value", text(`统计时点无效：${options.asOf}`, `invalid as-of moment: ${options.asOf}`));
  const hours = settings.sla.chassisReplyHours;
  const result = computeCallLog(options.calls, { asOf: options.asOf, chassisReplyHours: hours });
  const lines = result.lines;
  const lastRow = FIRST_ROW + Math.max(1, lines.length + blankRows) - 1;
  const headers = Object.fromEntries(CALL_COLUMNS.map((c) => [c, t(HEADERS[c])])) as Record<CallColumn, string>;
  const meta: CallLogMeta = {
    locale,
    station: "",
    tableName: CALL_LOG_TABLE,
    headerRow: HEADER_ROW,
    firstRow: FIRST_ROW,
    lastRow,
    asOfCell: AS_OF_CELL,
    columns: LETTER,
    headers,
  };
  const b = new SheetBuilder<CallLogMarker>(
    t(TEXT.sheet),
    { kind: "callLog", version: RECORD_MARKER_VERSION, meta },
    a1(1, MARKER_COLUMN),
  );
  const lastColumn = CALL_COLUMNS.length;
  const words = {
    written: t(ANSWER_CHANNEL_LABELS.written),
    chassis: t(FAULT_CATEGORY_LABELS.chassisEngine),
    status: Object.fromEntries(Object.entries(CALL_STATUS_LABELS).map(([k, v]) => [k, t(v)])) as Record<
      keyof typeof CALL_STATUS_LABELS,
      string
    >,
    check: Object.fromEntries(Object.entries(WRITTEN_CHECK_LABELS).map(([k, v]) => [k, t(v)])) as Record<
      keyof typeof WRITTEN_CHECK_LABELS,
      string
    >,
  };

  // Title, rule, as-of.
  b.set(1, 1, t(TEXT.title), STYLES.title);
  b.set(AS_OF_ROW, 1, t(TEXT.asOf), { bold: true });
  b.set(AS_OF_ROW, 2, options.asOf, { ...STYLES.input, numberFormat: FORMATS.dateTime });
  b.set(AS_OF_ROW, 3, t(TEXT.rule(String(hours))), STYLES.subtitle);
  b.merge(rangeA1(AS_OF_ROW, 3, AS_OF_ROW, lastColumn));
  b.format(rangeA1(AS_OF_ROW, 3, AS_OF_ROW, lastColumn), { wrap: true, vertical: "top" });
  b.height(AS_OF_ROW, 30);

  // Header and entries in time order; the spare rows stay blank for the clerk.
  b.setRow(
    HEADER_ROW,
    1,
    CALL_COLUMNS.map((c) => headers[c]),
    STYLES.header,
  );
  b.height(HEADER_ROW, 30);
  const inputRow = (line: CallLogLine, i: number): PlanCell[] => {
    const c = line.call;
    return [
      i + 1,
      c.at,
      c.channel === null ? null : t(CALL_CHANNEL_LABELS[c.channel]),
      c.caller,
      c.contact,
      c.orderId,
      c.vehicle,
      c.category === null ? null : t(FAULT_CATEGORY_LABELS[c.category]),
      c.summary,
      c.takenBy,
      c.answer,
      c.answeredBy === null ? null : t(ANSWER_CHANNEL_LABELS[c.answeredBy]),
      c.answeredAt,
      c.archive,
    ];
  };
  if (lines.length > 0) b.block(FIRST_ROW, 1, lines.map(inputRow));
  b.table({ name: CALL_LOG_TABLE, range: rangeA1(HEADER_ROW, 1, lastRow, lastColumn), style: "TableStyleLight9" });

  // The computed columns, filled down over entries and blank rows alike.
  const rows = lastRow - FIRST_ROW + 1;
  const each = (f: (l: CallLogLine) => Expected): Expected[][] =>
    Array.from({ length: rows }, (_, i) => [i < lines.length ? f(lines[i]!) : ""]);
  const fill = (c: CallColumn, formula: string, expect: Expected[][]): void => {
    b.fill({ range: rangeA1(FIRST_ROW, COLUMN[c], lastRow, COLUMN[c]), formula, expect });
  };
  const at = here("at");
  fill(
    "status",
    `=IF(${at}="","",IF(${here("answeredAt")}="",${literal(words.status.pending)},IF(${here("archive")}="",${literal(words.status.notArchived)},${literal(words.status.closed)})))`,
    each((l) => words.status[l.status]),
  );
  fill(
    "hours",
    `=IF(OR(${at}="",${here("answeredAt")}=""),"",(${here("answeredAt")}-${at})*24)`,
    each((l) => l.hoursToAnswer ?? ""),
  );
  const own = `IF(AND(${here("answeredBy")}=${literal(words.written)},${here("archive")}<>"",${here("answeredAt")}<>"",${here("answeredAt")}>=${at}-${HALF_MS}),${here("answeredAt")},"")`;
  fill(
    "firstWritten",
    `=IF(${at}="","",IF(${here("orderId")}="",${own},${writtenContactFormula(meta, here("orderId"), at, words.written)}))`,
    each((l) => l.firstWrittenAnswer ?? ""),
  );
  const limit = `${SETTING_NAMES.slaChassisReplyHours}/24`;
  const first = here("firstWritten");
  fill(
    "writtenCheck",
    `=IF(OR(${at}="",${here("category")}<>${literal(words.chassis)}),"",IF(${first}<>"",IF(${first}-${at}<=${limit},${literal(words.check.onTime)},${literal(words.check.late)}),IF(${AS_OF_CELL}-${at}<=${limit},${literal(words.check.pending)},${literal(words.check.missed)})))`,
    each((l) => (l.writtenCheck === null ? "" : words.check[l.writtenCheck])),
  );

  // Counts over the table.
  const col = (c: CallColumn): string => tableColumnRef(CALL_LOG_TABLE, headers[c]);
  const counts = result.counts;
  const figures: readonly [Text, string, number][] = [
    [TEXT.entries, `=COUNT(${col("at")})`, counts.entries],
    [TEXT.pending, `=COUNTIF(${col("status")},${literal(words.status.pending)})`, counts.pending],
    [TEXT.notArchived, `=COUNTIF(${col("status")},${literal(words.status.notArchived)})`, counts.notArchived],
    [TEXT.writtenOnTime, `=COUNTIF(${col("writtenCheck")},${literal(words.check.onTime)})`, counts.written.onTime],
    [TEXT.writtenLate, `=COUNTIF(${col("writtenCheck")},${literal(words.check.late)})`, counts.written.late],
    [TEXT.writtenDue, `=COUNTIF(${col("writtenCheck")},${literal(words.check.pending)})`, counts.written.pending],
    [TEXT.writtenMissed, `=COUNTIF(${col("writtenCheck")},${literal(words.check.missed)})`, counts.written.missed],
  ];
  figures.forEach(([label, f, value], i) => {
    b.set(COUNTS_ROW, 1 + 2 * i, t(label), { ...STYLES.label, fill: PALETTE.headerFill, bold: true, wrap: true });
    // A one-cell fill, not a cell: fills are written after the cells, so the table's header
    // names exist when Excel meets the structured reference (the Office.js writer creates the
    // table with an empty header row; addTableSteps in src/excel/write.ts).
    const cell = a1(COUNTS_ROW, 2 + 2 * i);
    b.fill({ range: `${cell}:${cell}`, formula: f, expect: [[value]] });
    b.format(cell, { ...STYLES.computed, numberFormat: FORMATS.integer, horizontal: "center" });
  });
  b.height(COUNTS_ROW, 30);

  lookAndRules(b, t, lastRow, words);
  for (const p of options.inputProblems ?? []) b.note(describeProblem(p));
  return ok({ plan: b.build(), result });
}

/** Input columns yellow and validated, computed grey, states coloured; widths, freeze, print. */
function lookAndRules(
  b: SheetBuilder<CallLogMarker>,
  t: (x: Text) => string,
  lastRow: number,
  words: { written: string; status: Record<string, string>; check: Record<string, string> },
): void {
  const range = (c: CallColumn): string => rangeA1(FIRST_ROW, COLUMN[c], lastRow, COLUMN[c]);
  b.format(rangeA1(FIRST_ROW, COLUMN.no, lastRow, COLUMN.archive), { ...STYLES.input, vertical: "top" });
  b.format(rangeA1(FIRST_ROW, COLUMN.status, lastRow, COLUMN.writtenCheck), {
    ...STYLES.computed,
    horizontal: "center",
  });
  for (const c of ["at", "answeredAt", "firstWritten"] as const) b.format(range(c), { numberFormat: FORMATS.dateTime });
  // Identifiers and phone numbers stay text (RULES.md#text-stays-text).
  for (const c of ["orderId", "contact", "vehicle"] as const) b.format(range(c), { numberFormat: FORMATS.text });
  for (const c of ["summary", "answer"] as const) b.format(range(c), { wrap: true });
  b.format(range("hours"), { numberFormat: FORMATS.hours1 });
  b.format(range("no"), { numberFormat: FORMATS.integer, horizontal: "center" });

  dateEntry(b, t, range("at"), t(HEADERS.at));
  dateEntry(b, t, range("answeredAt"), t(HEADERS.answeredAt));
  listEntry(b, t, range("channel"), t(HEADERS.channel), Object.values(CALL_CHANNEL_LABELS));
  listEntry(b, t, range("category"), t(HEADERS.category), Object.values(FAULT_CATEGORY_LABELS));
  listEntry(
    b,
    t,
    range("answeredBy"),
    t(HEADERS.answeredBy),
    Object.values(ANSWER_CHANNEL_LABELS),
    VALIDATION.answeredBy,
  );

  const colour = (c: CallColumn, word: string, style: (typeof CONDITIONAL)[keyof typeof CONDITIONAL]) =>
    colourWord(b, range(c), here(c), word, style);
  colour("status", words.status.pending!, CONDITIONAL.neutral);
  colour("status", words.status.notArchived!, CONDITIONAL.bad);
  colour("status", words.status.closed!, CONDITIONAL.good);
  colour("writtenCheck", words.check.onTime!, CONDITIONAL.good);
  colour("writtenCheck", words.check.pending!, CONDITIONAL.neutral);
  colour("writtenCheck", words.check.late!, CONDITIONAL.bad);
  colour("writtenCheck", words.check.missed!, CONDITIONAL.bad);

  const widths: Record<CallColumn, number> = {
    no: 6,
    at: 16,
    channel: 7,
    caller: 16,
    contact: 18,
    orderId: 14,
    vehicle: 11,
    category: 11,
    summary: 22,
    takenBy: 8,
    answer: 22,
    answeredBy: 9,
    answeredAt: 16,
    archive: 16,
    status: 9,
    hours: 9,
    firstWritten: 16,
    writtenCheck: 10,
  };
  recordPage(b, {
    headerRow: HEADER_ROW,
    title: t(TEXT.title),
    freezeColumns: 2,
    tabColor: PALETTE.brand,
    widths: CALL_COLUMNS.map((c) => widths[c]),
  });
}
