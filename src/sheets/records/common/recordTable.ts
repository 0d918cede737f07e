/**
 * A record book's table, the way every record sheet (台账, 流水, 盘点, 三包件, 二次索赔) is laid out:
 * a header row, the records the generator was given, then blank rows to type into, all inside
 * one Excel table; input columns yellow, unlocked, validated (dropdowns for lists, dates,
 * numbers ≥ 0) and text-formatted where they hold identifiers; calculated columns grey, one
 * formula filled down over every row (blank rows included, so a typed row computes at once),
 * each with the engine's value for every row.
 *
 * Two steps, because the formulas need the column letters: `recordLayout` places the columns,
 * then `writeRecordTable` writes header, values, fills, table, formats and validation.
 */
import { text, type Text } from "../../../core/i18n/text";
import { rangeA1, columnLetter } from "../../common/address";
import type { SheetBuilder } from "../../common/builder";
import { FORMATS, PALETTE } from "../../common/styles";
import { lazyRows } from "../../formula/lazyRows";
import type { Expected, MarkerEnvelope, PlanCell } from "../../plan";

export interface RecordLayout<Id extends string> {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** Rows in the table body (records + blank rows). */
  readonly rows: number;
  readonly column: Readonly<Record<Id, number>>;
  readonly letter: Readonly<Record<Id, string>>;
  /** The cell of column `id` on the first body row, relative ("D5"): what a filled formula is written with. */
  at(id: Id): string;
  /** The body of column `id`, absolute ("$D$5:$D$204"). */
  body(id: Id): string;
  /** From the first body row down to the current row of a filled formula ("$D$5:D5"): a running total. */
  upTo(id: Id): string;
}

/** Places `ids` left to right from column A, the header on `headerRow`, `rows` body rows under it. */
export function recordLayout<Id extends string>(ids: readonly Id[], headerRow: number, rows: number): RecordLayout<Id> {
  const firstRow = headerRow + 1;
  const lastRow = headerRow + Math.max(rows, 1);
  const column = Object.fromEntries(ids.map((id, i) => [id, i + 1])) as Record<Id, number>;
  const letter = Object.fromEntries(ids.map((id, i) => [id, columnLetter(i + 1)])) as Record<Id, string>;
  return {
    headerRow,
    firstRow,
    lastRow,
    rows: lastRow - headerRow,
    column,
    letter,
    at: (id) => `${letter[id]}${firstRow}`,
    body: (id) => `$${letter[id]}$${firstRow}:$${letter[id]}$${lastRow}`,
    upTo: (id) => `$${letter[id]}$${firstRow}:${letter[id]}${firstRow}`,
  };
}

export type InputKind = "text" | "date" | "number" | "money" | "list";

export interface InputColumn<Id extends string> {
  readonly id: Id;
  readonly header: string;
  readonly width: number;
  readonly kind: InputKind;
  /** The dropdown's words, for "list". */
  readonly list?: readonly string[];
}

export interface ComputedColumn<Id extends string> {
  readonly id: Id;
  readonly header: string;
  readonly width: number;
  /** The formula of the first body row, filled down. */
  readonly formula: string;
  /** The engine's value of every body row (records, then blank rows). */
  readonly expect: (row: number) => Expected;
  readonly numberFormat?: string;
}

export interface RecordTable<Id extends string> {
  readonly layout: RecordLayout<Id>;
  /** Every column's id in sheet order, as given to `recordLayout`. */
  readonly order: readonly Id[];
  readonly tableName: string;
  readonly inputs: readonly InputColumn<Id>[];
  readonly computed: readonly ComputedColumn<Id>[];
  /** The input cells of record `i`, by column id; called for every record, not for blank rows. */
  readonly values: (i: number) => Readonly<Partial<Record<Id, PlanCell>>>;
  readonly records: number;
  readonly t: (x: Text) => string;
}

/** What a refused entry is told, by the column's kind. */
const REFUSED: Readonly<Record<Exclude<InputKind, "text">, Text>> = {
  date: text("请输入日期，例如 2026-11-20。", "Enter a date, e.g. 2026-11-20."),
  number: text("请输入不小于 0 的数。", "Enter a number, 0 or more."),
  money: text("请输入不小于 0 的金额（元）。", "Enter an amount in yuan, 0 or more."),
  list: text("请从下拉列表中选择。", "Choose from the list."),
};

const KIND_FORMAT: Readonly<Record<InputKind, string | null>> = {
  text: FORMATS.text,
  date: FORMATS.date,
  number: "0.##",
  money: FORMATS.money,
  list: null,
};

/** Writes the table: header, records, blank rows, calculated fills, formats and validation. */
export function writeRecordTable<Id extends string, M extends MarkerEnvelope>(
  b: SheetBuilder<M>,
  table: RecordTable<Id>,
): void {
  const { layout, inputs, computed, t, order } = table;
  const { headerRow, firstRow, lastRow } = layout;
  const lastColumn = order.length;
  const headerOf = new Map<Id, string>([...inputs, ...computed].map((c) => [c.id, c.header]));
  b.setRow(
    headerRow,
    1,
    order.map((id) => headerOf.get(id) ?? id),
  );
  b.format(rangeA1(headerRow, 1, headerRow, lastColumn), {
    bold: true,
    wrap: true,
    vertical: "middle",
    horizontal: "center",
  });
  b.height(headerRow, 30);
  // Records only: blank rows stay empty (the table and the fills cover them). One block per run
  // of adjacent input columns, so no block overlaps a calculated column.
  const isInput = new Set(inputs.map((c) => c.id));
  for (const run of inputRuns(order, isInput)) {
    b.block(
      firstRow,
      layout.column[run[0]!],
      lazyRows(
        table.records,
        (i) => {
          const v = table.values(i);
          return run.map((id) => v[id] ?? null);
        },
        run.length,
      ),
    );
  }
  b.table({ name: table.tableName, range: rangeA1(headerRow, 1, lastRow, lastColumn), style: "TableStyleLight9" });
  for (const c of inputs) {
    const col = layout.column[c.id];
    const body = rangeA1(firstRow, col, lastRow, col);
    b.width(col, c.width);
    b.format(body, {
      fill: PALETTE.inputFill,
      locked: false,
      ...(KIND_FORMAT[c.kind] === null ? {} : { numberFormat: KIND_FORMAT[c.kind]! }),
      ...(c.kind === "text" ? {} : { horizontal: "center" }),
    });
    if (c.kind === "text") continue;
    const error = { title: c.header, message: t(REFUSED[c.kind]) };
    if (c.kind === "list")
      b.validate({ range: body, rule: { type: "list", values: c.list ?? [] }, allowBlank: true, error });
    else if (c.kind === "date") b.validate({ range: body, rule: { type: "date" }, allowBlank: true, error });
    else b.validate({ range: body, rule: { type: "decimal", min: 0 }, allowBlank: true, error });
  }
  for (const c of computed) {
    const col = layout.column[c.id];
    const body = rangeA1(firstRow, col, lastRow, col);
    b.width(col, c.width);
    b.fill({ range: body, formula: c.formula, expect: lazyRows(layout.rows, (i) => [c.expect(i)]) });
    b.format(body, {
      fill: PALETTE.computedFill,
      horizontal: "center",
      ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
    });
  }
}

/** A formula's text literal: "销帐" → "\"销帐\"" (quotes doubled). */
export function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Excel's exact, case-insensitive text match of a range against one cell, as 1/0 per row: `--(range=cell)`. */
export function matches(range: string, cell: string): string {
  return `--(${range}=${cell})`;
}

/** Runs of adjacent input columns in sheet order. */
function inputRuns<Id extends string>(order: readonly Id[], isInput: ReadonlySet<Id>): Id[][] {
  const runs: Id[][] = [];
  let run: Id[] = [];
  for (const id of order) {
    if (isInput.has(id)) run.push(id);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
