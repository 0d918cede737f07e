/**
 * The two lists of the report, each row showing "the k-th" row of source block B (INDEX at a row
 * found in hidden helper cells, LIST_PICK): the ten lowest-scoring items of the month, and the
 * open corrective actions with their days overdue (against the as-of cell), a count of those not
 * listed under. Each row finds its row from the row above (SMALL then MATCH after it; the next
 * open row after it), so the lists cost time linear in block B — not one scan per row of block B
 * per row, as ranking every item did (a year of weekly audits is 6,000+ items).
 */
import type { Text } from "../../../core/i18n/text";
import { formatSerial } from "../../../core/dates/serial";
import { S_NAMES, type AreaAuditRecord, type AuditItemRecord } from "../../../core/audit6s/engine";
import { a1, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { FormulaCell } from "../../plan";
import { expectOf, itemSourceColumn, type SummarySheet } from "./context";
import { AS_OF_CELL, ITEM_SOURCE, LAST_COLUMN, LIST_PICK, LOWEST } from "./layout";
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

/** Where the row of a list finds its item: the hidden cells of LIST_PICK and what they hold. */
interface Pick {
  /** The value the row picks by (LIST_PICK.value), when the list picks by value. */
  readonly value?: FormulaCell;
  /** The row of block B it shows, 1-based (LIST_PICK.row), or "" for an empty list row. */
  readonly row: FormulaCell;
}

/**
 * `count` rows from `first`, the k-th showing the row of block B that `pick(k, r)` finds: each
 * column an INDEX into block B at that row, so a list row costs O(1) beyond its pick.
 */
function writePickedRows<P extends { record: number; item: number }>(
  sheet: SummarySheet,
  list: { first: number; count: number; picked: readonly P[]; pick: (k: number, r: number) => Pick },
  columns: readonly ListColumn<P>[],
  merges: readonly (readonly [number, number])[],
): void {
  const { b, records } = sheet;
  for (let k = 1; k <= list.count; k++) {
    const r = list.first + k - 1;
    const p = list.picked[k - 1];
    const pick = list.pick(k, r);
    if (pick.value) b.set(r, LIST_PICK.value, pick.value);
    b.set(r, LIST_PICK.row, pick.row);
    const at = a1(r, LIST_PICK.row, true);
    for (const [c, source, value] of columns) {
      b.set(r, c, {
        f: `=IF(ISNUMBER(${at}),IFERROR(INDEX(${itemSourceColumn(sheet, source)},${at}),""),"")`,
        expect: p ? expectOf(value(records[p.record], records[p.record].items[p.item], p)) : "",
      });
    }
    for (const [from, to] of merges) b.merge(rangeA1(r, from, r, to));
  }
}

/** Block B's row (1-based) of each item, by "record:item". */
function itemPositions(sheet: SummarySheet): Map<string, number> {
  return new Map(sheet.itemRows.map((row, n) => [`${row.i}:${row.k}`, n + 1]));
}

/** The part of a block B column after row `after` (1-based): INDEX(col,after+1):INDEX(col,n). */
function after(sheet: SummarySheet, column: number, position: string): string {
  const col = itemSourceColumn(sheet, column);
  const n = sheet.rows.itemSource.last - sheet.rows.itemSource.first + 1;
  return `INDEX(${col},${position}+1):INDEX(${col},${n})`;
}

/**
 * The k-th lowest item: the k-th smallest percent of the month (SMALL), and its row — the first
 * with that percent, or, when the row above picked the same percent, the next one after it — so
 * ties keep reading order, as the engine's stable sort does.
 */
function lowestPick(sheet: SummarySheet): (k: number, r: number) => Pick {
  const percents = itemSourceColumn(sheet, ITEM_SOURCE.monthPct);
  const positions = itemPositions(sheet);
  return (k, r) => {
    const low = sheet.summary.lowest[k - 1];
    const value = a1(r, LIST_PICK.value);
    const firstWith = `MATCH(${value},${percents},0)`;
    const above = { value: a1(r - 1, LIST_PICK.value), row: a1(r - 1, LIST_PICK.row) };
    const next = `${above.row}+MATCH(${value},${after(sheet, ITEM_SOURCE.monthPct, above.row)},0)`;
    return {
      value: { f: `=IFERROR(SMALL(${percents},${k}),"")`, expect: low ? low.percent : "" },
      row: {
        f:
          k === 1
            ? `=IF(${value}="","",${firstWith})`
            : `=IF(${value}="","",IF(${value}=${above.value},${next},${firstWith}))`,
        expect: low ? (positions.get(`${low.record}:${low.item}`) ?? "") : "",
      },
    };
  };
}

/** The k-th open action: the first open row after the row above picked (one scan of block B for the whole list). */
function openPick(sheet: SummarySheet): (k: number, r: number) => Pick {
  const open = itemSourceColumn(sheet, ITEM_SOURCE.open);
  const positions = itemPositions(sheet);
  return (k, r) => {
    const action = sheet.all.open[k - 1];
    const above = a1(r - 1, LIST_PICK.row);
    return {
      row: {
        f:
          k === 1
            ? `=IFERROR(MATCH(1,${open},0),"")`
            : `=IF(ISNUMBER(${above}),IFERROR(${above}+MATCH(1,${after(sheet, ITEM_SOURCE.open, above)},0),""),"")`,
        expect: action ? (positions.get(`${action.record}:${action.item}`) ?? "") : "",
      },
    };
  };
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
    { first, count: LOWEST, picked: sheet.summary.lowest, pick: lowestPick(sheet) },
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
    { first, count, picked: all.open, pick: openPick(sheet) },
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
