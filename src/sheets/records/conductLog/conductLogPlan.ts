/**
 * The 违规与黄红牌记录 sheet (issue 12 point 6, RULES.md#conduct-log): every card in date order
 * in an Excel table (SVC_ConductLog) with dropdowns for the card and its status, blank rows to
 * go on logging, per row the quarter and whether the card counts (approved, not revoked), and
 * the counts on top. `cardCountFormula` is the COUNTIFS the bonus sheet uses instead of typed
 * card numbers. Every formula cell carries the engine's value (core/records/conductLog).
 */
import { pick, text, type Locale, type Text } from "../../../core/i18n/text";
import { describeProblem, fail, ok, type Problem, type Result } from "../../../core/problem";
import {
  CARD_LABELS,
  CARD_STATUS_LABELS,
  COUNTED_LABELS,
  computeConductLog,
  countCards,
  type CardColour,
  type CardEntry,
  type ConductLogLine,
  type ConductLogResult,
} from "../../../core/records/conductLog";
import { dateTimeToSerial } from "../../../core/dates/serial";
import { SheetBuilder } from "../../common/builder";
import { a1, columnLetter, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import { tableColumnRef } from "../../formula/structuredRef";
import type { Expected, PlanCell, SheetPlan } from "../../plan";
import { colourWord, dateEntry, listEntry } from "../common/entry";
import { literal } from "../common/recordTable";
import { recordPage } from "../common/recordSheet";
import { RECORD_MARKER_VERSION, type ConductLogMarker, type ConductLogMeta } from "../marker";
import { CONDUCT_COLUMNS, HEADERS, TEXT, type ConductColumn } from "./strings";

export const CONDUCT_LOG_TABLE = "SVC_ConductLog";
const HEADER_ROW = 5;
const FIRST_ROW = HEADER_ROW + 1;
const COUNTS_ROW = 3;
const MARKER_COLUMN = CONDUCT_COLUMNS.length + 2;
export const DEFAULT_CARD_BLANK_ROWS = 30;
export const MAX_CARD_BLANK_ROWS = 1000;

export interface ConductLogPlanOptions {
  readonly cards: readonly CardEntry[];
  readonly locale: Locale;
  readonly blankRows?: number;
  readonly inputProblems?: readonly Problem[];
}

export interface ConductLogPlan {
  readonly plan: SheetPlan<ConductLogMarker>;
  readonly result: ConductLogResult;
}

/** What the bonus sheet needs to count cards from a conduct log: its table, headers and words. */
export interface CardLogRef {
  /** The log's language (its words and headers). */
  readonly locale: Locale;
  readonly tableName: string;
  readonly headers: Readonly<Record<ConductColumn, string>>;
  /** The words of the log's language: 黄牌/红牌 and 是. */
  readonly words: { readonly yellow: string; readonly red: string; readonly counted: string };
}

/** The reference to a log generated in `locale` (its marker meta gives table and headers). */
export function cardLogRef(meta: Pick<ConductLogMeta, "tableName" | "headers" | "locale">): CardLogRef {
  const t = (x: Text): string => pick(x, meta.locale);
  return {
    locale: meta.locale,
    tableName: meta.tableName,
    headers: meta.headers,
    words: { yellow: t(CARD_LABELS.yellow), red: t(CARD_LABELS.red), counted: t(COUNTED_LABELS.yes) },
  };
}

/**
 * The COUNTIFS (without "=") of the counted `colour` cards of the person named in `nameRef`
 * dated in [from, to) (whole-day serials): what the bonus sheet writes in its 黄牌/红牌 cells
 * when the workbook has a conduct log.
 */
export function cardCountFormula(
  ref: CardLogRef,
  nameRef: string,
  colour: CardColour,
  from: number,
  to: number,
): string {
  const col = (c: ConductColumn): string => tableColumnRef(ref.tableName, ref.headers[c]);
  return (
    `COUNTIFS(${col("person")},${nameRef},${col("card")},${literal(ref.words[colour])},` +
    `${col("counted")},${literal(ref.words.counted)},${col("date")},">="&${from},${col("date")},"<"&${to})`
  );
}

/** The bonus sheet's card period: 1 January of `year` up to the day after `quarter` ends (whole-day serials). */
export function cardPeriod(year: number, quarter: 1 | 2 | 3 | 4): { from: number; to: number } {
  const day = (y: number, m: number): number => {
    const r = dateTimeToSerial({ year: y, month: m, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 });
    if (!r.ok) throw new RangeError(`no such month ${y}-${m}`);
    return r.value;
  };
  return { from: day(year, 1), to: quarter === 4 ? day(year + 1, 1) : day(year, quarter * 3 + 1) };
}

/** The people with their card counts taken from the log (counted cards of the year up to the quarter's end). */
export function cardsFromLog<
  P extends { readonly name: string; readonly yellowCards: number | null; readonly redCards: number | null },
>(people: readonly P[], cards: readonly CardEntry[], year: number, quarter: 1 | 2 | 3 | 4): P[] {
  const { from, to } = cardPeriod(year, quarter);
  return people.map((p) => ({
    ...p,
    yellowCards: countCards(cards, p.name, "yellow", from, to),
    redCards: countCards(cards, p.name, "red", from, to),
  }));
}

const COLUMN = Object.fromEntries(CONDUCT_COLUMNS.map((c, i) => [c, i + 1])) as Record<ConductColumn, number>;
const LETTER = Object.fromEntries(CONDUCT_COLUMNS.map((c, i) => [c, columnLetter(i + 1)])) as Record<
  ConductColumn,
  string
>;
const here = (c: ConductColumn): string => `$${LETTER[c]}${FIRST_ROW}`;

export function conductLogPlan(options: ConductLogPlanOptions): Result<ConductLogPlan> {
  const { locale } = options;
  const t = (x: Text): string => pick(x, locale);
  const blankRows = options.blankRows ?? DEFAULT_CARD_BLANK_ROWS;
  if (!Number.isInteger(blankRows) || blankRows < 0 || blankRows > MAX_CARD_BLANK_ROWS)
    return fail(
      "value",
      text(
        `空行数应为 0 到 ${MAX_CARD_BLANK_ROWS} 的整数（现为 ${blankRows}）`,
        `blank rows must be a whole number from 0 to ${MAX_CARD_BLANK_ROWS} (got ${blankRows})`,
      ),
    );
  const result = computeConductLog(options.cards);
  const lines = result.lines;
  const lastRow = FIRST_ROW + Math.max(1, lines.length + blankRows) - 1;
  const lastColumn = CONDUCT_COLUMNS.length;
  const headers = Object.fromEntries(CONDUCT_COLUMNS.map((c) => [c, t(HEADERS[c])])) as Record<ConductColumn, string>;
  const meta: ConductLogMeta = {
    locale,
    station: "",
    tableName: CONDUCT_LOG_TABLE,
    headerRow: HEADER_ROW,
    firstRow: FIRST_ROW,
    lastRow,
    columns: LETTER,
    headers,
  };
  const b = new SheetBuilder<ConductLogMarker>(
    t(TEXT.sheet),
    { kind: "conductLog", version: RECORD_MARKER_VERSION, meta },
    a1(1, MARKER_COLUMN),
  );
  const words = {
    yellow: t(CARD_LABELS.yellow),
    red: t(CARD_LABELS.red),
    revoked: t(CARD_STATUS_LABELS.revoked),
    yes: t(COUNTED_LABELS.yes),
    no: t(COUNTED_LABELS.no),
  };

  b.set(1, 1, t(TEXT.title), STYLES.title);
  b.set(2, 1, t(TEXT.rule), STYLES.subtitle);
  b.merge(rangeA1(2, 1, 2, lastColumn));
  b.format(rangeA1(2, 1, 2, lastColumn), { wrap: true, vertical: "top" });
  b.height(2, 30);
  b.setRow(
    HEADER_ROW,
    1,
    CONDUCT_COLUMNS.map((c) => headers[c]),
    STYLES.header,
  );
  b.height(HEADER_ROW, 30);
  const inputRow = (l: ConductLogLine, i: number): PlanCell[] => {
    const c = l.card;
    return [
      i + 1,
      c.date,
      c.person,
      c.id,
      c.department,
      t(CARD_LABELS[c.card]),
      c.rule,
      c.facts,
      c.issuedBy,
      c.approvedBy,
      c.approvedOn,
      c.status === null ? null : t(CARD_STATUS_LABELS[c.status]),
    ];
  };
  if (lines.length > 0) b.block(FIRST_ROW, 1, lines.map(inputRow));
  b.table({ name: CONDUCT_LOG_TABLE, range: rangeA1(HEADER_ROW, 1, lastRow, lastColumn), style: "TableStyleLight10" });

  const rows = lastRow - FIRST_ROW + 1;
  const each = (f: (l: ConductLogLine) => Expected): Expected[][] =>
    Array.from({ length: rows }, (_, i) => [i < lines.length ? f(lines[i]!) : ""]);
  const fill = (c: ConductColumn, formula: string, expect: Expected[][]): void =>
    void b.fill({ range: rangeA1(FIRST_ROW, COLUMN[c], lastRow, COLUMN[c]), formula, expect });
  const date = here("date");
  fill(
    "quarter",
    `=IF(${date}="","",YEAR(${date})&"-Q"&INT((MONTH(${date})+2)/3))`,
    each((l) => l.quarter),
  );
  fill(
    "counted",
    `=IF(OR(${date}="",${here("person")}="",${here("card")}=""),"",IF(AND(${here("approvedBy")}<>"",${here("status")}<>${literal(words.revoked)}),${literal(words.yes)},${literal(words.no)}))`,
    each((l) => (l.counted ? words.yes : words.no)),
  );

  // Counts over the table, as one-cell fills: written after the header names exist (see the call log).
  const col = (c: ConductColumn): string => tableColumnRef(CONDUCT_LOG_TABLE, headers[c]);
  const counts = result.counts;
  const figures: readonly [Text, string, number][] = [
    [
      TEXT.yellow,
      `=COUNTIFS(${col("card")},${literal(words.yellow)},${col("counted")},${literal(words.yes)})`,
      counts.yellow,
    ],
    [TEXT.red, `=COUNTIFS(${col("card")},${literal(words.red)},${col("counted")},${literal(words.yes)})`, counts.red],
    [
      TEXT.awaiting,
      `=SUMPRODUCT((${col("date")}<>"")*(${col("approvedBy")}="")*(${col("status")}<>${literal(words.revoked)}))`,
      counts.awaitingApproval,
    ],
    [TEXT.revoked, `=COUNTIF(${col("status")},${literal(words.revoked)})`, counts.revoked],
  ];
  figures.forEach(([label, f, value], i) => {
    b.set(COUNTS_ROW, 2 + 2 * i, t(label), { ...STYLES.label, fill: PALETTE.headerFill, bold: true, wrap: true });
    const cell = a1(COUNTS_ROW, 3 + 2 * i);
    b.fill({ range: `${cell}:${cell}`, formula: f, expect: [[value]] });
    b.format(cell, { ...STYLES.computed, numberFormat: FORMATS.integer, horizontal: "center" });
  });
  b.height(COUNTS_ROW, 30);

  const range = (c: ConductColumn): string => rangeA1(FIRST_ROW, COLUMN[c], lastRow, COLUMN[c]);
  b.format(rangeA1(FIRST_ROW, COLUMN.no, lastRow, COLUMN.status), { ...STYLES.input, vertical: "top" });
  b.format(rangeA1(FIRST_ROW, COLUMN.quarter, lastRow, COLUMN.counted), { ...STYLES.computed, horizontal: "center" });
  for (const c of ["date", "approvedOn"] as const) b.format(range(c), { numberFormat: FORMATS.date });
  b.format(range("id"), { numberFormat: FORMATS.text });
  for (const c of ["rule", "facts"] as const) b.format(range(c), { wrap: true });
  b.format(range("no"), { numberFormat: FORMATS.integer, horizontal: "center" });
  dateEntry(b, t, range("date"), headers.date);
  dateEntry(b, t, range("approvedOn"), headers.approvedOn);
  listEntry(b, t, range("card"), headers.card, Object.values(CARD_LABELS));
  listEntry(b, t, range("status"), headers.status, Object.values(CARD_STATUS_LABELS));
  colourWord(b, range("card"), here("card"), words.yellow, CONDITIONAL.neutral);
  colourWord(b, range("card"), here("card"), words.red, CONDITIONAL.bad);
  colourWord(b, range("counted"), here("counted"), words.no, CONDITIONAL.neutral);
  const widths: Record<ConductColumn, number> = {
    no: 6,
    date: 12,
    person: 10,
    id: 10,
    department: 12,
    card: 8,
    rule: 24,
    facts: 24,
    issuedBy: 10,
    approvedBy: 10,
    approvedOn: 12,
    status: 8,
    quarter: 10,
    counted: 7,
  };
  recordPage(b, {
    headerRow: HEADER_ROW,
    title: t(TEXT.title),
    freezeColumns: 3,
    tabColor: PALETTE.badFont,
    widths: CONDUCT_COLUMNS.map((c) => widths[c]),
  });
  for (const p of options.inputProblems ?? []) b.note(describeProblem(p));
  return ok({ plan: b.build(), result });
}
