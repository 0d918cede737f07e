/**
 * The two lists of the report, each row picking "the k-th" row of source block B by its ordinal
 * column (INDEX/MATCH): the ten lowest-scoring items of the month, and the open corrective
 * actions with their days overdue (against the as-of cell), a count of those not listed under.
 */
import type { Text } from "../../../core/i18n/text";
import { formatSerial } from "../../../core/dates/serial";
import { S_NAMES, type AreaAuditRecord, type AuditItemRecord } from "../../../core/audit6s/engine";
import { a1, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import { expectOf, itemSourceColumn, type SummarySheet } from "./context";
import { AS_OF_CELL, ITEM_SOURCE, LAST_COLUMN, LOWEST } from "./layout";
import { TEXT } from "./strings";

/** A column of a list: where, which column of block B it shows, the engine's value for a picked item. */
type ListColumn<P> = readonly [
  column: number,
  source: number,
  value: (record: AreaAuditRecord, item: AuditItemRecord, picked: P) => unknown,
];

/** The header row of a list: labels at their columns (null = under a merge) and the merges. */
function writeListHeader(
  sheet: SummarySheet,
  row: number,
  labels: readonly (Text | null)[],
  merges: readonly (readonly [number, number])[],
): void {
  const { b, t } = sheet;
  b.setRow(
    row,
    1,
    labels.map((x) => (x ? t(x) : null)),
  );
  b.format(rangeA1(row, 1, row, LAST_COLUMN), STYLES.header);
  for (const [from, to] of merges) b.merge(rangeA1(row, from, row, to));
}

/** `count` rows from `first`, the k-th showing the source row of ordinal k in `ordinalColumn`. */
function writePickedRows<P extends { record: number; item: number }>(
  sheet: SummarySheet,
  list: { first: number; count: number; ordinalColumn: number; picked: readonly P[] },
  columns: readonly ListColumn<P>[],
  merges: readonly (readonly [number, number])[],
): void {
  const { b, records } = sheet;
  const ordinals = itemSourceColumn(sheet, list.ordinalColumn);
  for (let k = 1; k <= list.count; k++) {
    const r = list.first + k - 1;
    const p = list.picked[k - 1];
    for (const [c, source, value] of columns) {
      b.set(r, c, {
        f: `=IFERROR(INDEX(${itemSourceColumn(sheet, source)},MATCH(${k},${ordinals},0)),"")`,
        expect: p ? expectOf(value(records[p.record], records[p.record].items[p.item], p)) : "",
      });
    }
    for (const [from, to] of merges) b.merge(rangeA1(r, from, r, to));
  }
}

/** Section 3: the ten lowest items of the month. */
export function writeLowestItems(sheet: SummarySheet): void {
  const { b, t } = sheet;
  const { top, header, first } = sheet.rows.lowest;
  const last = first + LOWEST - 1;
  b.set(top, 1, t(TEXT.lowest(sheet.monthLabel)), STYLES.section);
  const labels = [
    TEXT.area,
    TEXT.s,
    TEXT.item,
    null,
    null,
    null,
    null,
    TEXT.score,
    TEXT.max,
    TEXT.percent,
    TEXT.date,
    TEXT.source,
    null,
    null,
  ];
  const merges = [
    [3, 7],
    [12, 14],
  ] as const;
  writeListHeader(sheet, header, labels, merges);
  const source = ITEM_SOURCE;
  writePickedRows(
    sheet,
    { first, count: LOWEST, ordinalColumn: source.lowOrd, picked: sheet.summary.lowest },
    [
      [1, source.area, (rec) => rec.area],
      [2, source.s, (_rec, it) => t(S_NAMES[it.s])],
      [3, source.item, (_rec, it) => it.text],
      [8, source.score, (_rec, it) => it.score],
      [9, source.max, (_rec, it) => it.max],
      [10, source.pct, (_rec, _it, low) => low.percent],
      [11, source.date, (rec) => rec.date],
      [12, source.sheet, (rec) => rec.source],
    ],
    merges,
  );
  for (let r = first; r <= last; r++) b.height(r, 18);
  b.format(rangeA1(first, 1, last, LAST_COLUMN), { border: "thin", vertical: "middle" });
  b.format(rangeA1(first, 3, last, 3), { wrap: true });
  b.format(rangeA1(first, 8, last, 10), { horizontal: "center", numberFormat: "General" });
  b.format(rangeA1(first, 10, last, 10), { numberFormat: FORMATS.number1, bold: true });
  b.format(rangeA1(first, 11, last, 11), { numberFormat: FORMATS.date, horizontal: "center" });
}

/** Section 4: the open corrective actions, overdue ones red, and how many are not listed. */
export function writeOpenActions(sheet: SummarySheet): void {
  const { b, t, all } = sheet;
  const { top, header, first, count } = sheet.rows.open;
  const last = first + count - 1;
  b.set(top, 1, `${t(TEXT.open)}（${t(TEXT.asOf)}：${formatSerial(sheet.asOf, true)}）`, STYLES.section);
  const labels = [
    TEXT.area,
    TEXT.s,
    TEXT.item,
    null,
    null,
    TEXT.finding,
    null,
    TEXT.action,
    null,
    TEXT.owner,
    TEXT.due,
    TEXT.status,
    TEXT.overdue,
    TEXT.source,
  ];
  const merges = [
    [3, 5],
    [6, 7],
    [8, 9],
  ] as const;
  writeListHeader(sheet, header, labels, merges);
  const source = ITEM_SOURCE;
  writePickedRows(
    sheet,
    { first, count, ordinalColumn: source.openOrd, picked: all.open },
    [
      [1, source.area, (rec) => rec.area],
      [2, source.s, (_rec, it) => t(S_NAMES[it.s])],
      [3, source.item, (_rec, it) => it.text],
      [6, source.finding, (_rec, it) => it.finding],
      [8, source.action, (_rec, it) => it.action],
      [10, source.owner, (_rec, it) => it.owner],
      [11, source.due, (_rec, it) => it.due],
      [12, source.status, (_rec, it) => it.status],
      [14, source.sheet, (rec) => rec.source],
    ],
    merges,
  );
  writeDaysOverdue(sheet);
  formatOpenActions(sheet, last);
}

/** Days overdue of each listed action: its due date before the as-of cell. */
function writeDaysOverdue(sheet: SummarySheet): void {
  const { first, count } = sheet.rows.open;
  for (let k = 1; k <= count; k++) {
    const due = a1(first + k - 1, 11);
    sheet.b.set(first + k - 1, 13, {
      f: `=IF(AND(ISNUMBER(${due}),${due}<${AS_OF_CELL}),${AS_OF_CELL}-${due},"")`,
      expect: sheet.all.open[k - 1]?.overdueDays ?? "",
    });
  }
}

/** Room for two lines (findings and actions wrap), dates centred, an overdue row red; the count of unlisted actions. */
function formatOpenActions(sheet: SummarySheet, last: number): void {
  const { b, t, all, itemRows } = sheet;
  const { first, count, overflow } = sheet.rows.open;
  for (let r = first; r <= last; r++) b.height(r, 30);
  b.format(rangeA1(first, 1, last, LAST_COLUMN), { border: "thin", vertical: "middle" });
  b.format(rangeA1(first, 3, last, 9), { wrap: true });
  b.format(rangeA1(first, 11, last, 11), { numberFormat: FORMATS.date, horizontal: "center" });
  b.format(rangeA1(first, 12, last, 13), { horizontal: "center", numberFormat: "General" });
  b.conditional({
    range: rangeA1(first, 1, last, LAST_COLUMN),
    rule: { type: "expression", formula: `=ISNUMBER($M${first})` },
    style: CONDITIONAL.bad,
  });
  b.set(overflow, 1, t(TEXT.overflow), { italic: true, fontColor: PALETTE.note });
  b.merge(rangeA1(overflow, 1, overflow, 6));
  const openColumn = itemSourceColumn(sheet, ITEM_SOURCE.open);
  b.set(
    overflow,
    7,
    {
      f: itemRows.length > 0 ? `=MAX(0,SUM(${openColumn})-${count})` : "=0",
      expect: Math.max(0, all.open.length - count),
    },
    { bold: true, horizontal: "center" },
  );
  b.conditional({
    range: a1(overflow, 7),
    rule: { type: "cellValue", operator: "greaterThan", formula1: "0" },
    style: CONDITIONAL.bad,
  });
}
