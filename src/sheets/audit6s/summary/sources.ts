/**
 * The two source blocks at the bottom of the summary, each cell a reference to the audit
 * sheet's own cell: A, one row per dated area audit (date, month, S percents, total); B, one row
 * per check item up to the month (score, finding, owner, due date, status…) with the ordinal
 * columns the lists above pick their rows by.
 */
import { S_NAMES, areaKey } from "../../../core/audit6s/engine";
import { a1, rangeA1 } from "../../common/address";
import { FORMATS, STYLES } from "../../common/styles";
import type { Expected, PlanCell } from "../../plan";
import { COL, HEADER, S_COL } from "../layout";
import { expectOf, sheetRef, type Entry, type ItemRow, type SummarySheet } from "./context";
import { AREA_SOURCE, ITEM_SOURCE } from "./layout";
import { TEXT } from "./strings";

/** The audit date of an entry's area, when it is a date. */
function dateFormula(e: Entry): string {
  const cell = sheetRef(e.sheet, e.meta.top + HEADER.date.row, HEADER.date.col);
  return `=IF(ISNUMBER(${cell}),${cell},"")`;
}

/** The title of both blocks and block A. */
export function writeAreaSource(sheet: SummarySheet): void {
  const { b, t, rows, dated, areaNo } = sheet;
  const { first, last, header } = rows.areaSource;
  b.set(rows.sourcesTop, 1, t(TEXT.sources), STYLES.section);
  b.set(header - 1, 1, t(TEXT.srcAreas), { bold: true });
  b.setRow(
    header,
    1,
    [TEXT.source, TEXT.area, TEXT.no, TEXT.date, TEXT.monthCode, ...S_NAMES, TEXT.total].map(t),
    STYLES.header,
  );
  dated.forEach(({ e, m }, k) => {
    const r = first + k;
    const result = e.record.result;
    const no = areaNo.get(areaKey(e.record.area)) ?? 0;
    b.setRow(r, 1, [e.sheet, e.record.area, no, { f: dateFormula(e), expect: e.record.date ?? "" }, m]);
    for (let s = 0; s < 6; s++) {
      const percent = `=${sheetRef(e.sheet, e.meta.sRows[s], S_COL.percent)}`;
      b.set(r, AREA_SOURCE.s1 + s, { f: percent, expect: result.s[s].percent ?? "" });
    }
    b.set(r, AREA_SOURCE.total, {
      f: `=${sheetRef(e.sheet, e.meta.totalRow, S_COL.percent)}`,
      expect: result.total ?? "",
    });
  });
  b.format(rangeA1(first, 1, last, AREA_SOURCE.total), { border: "thin", fontSize: 9 });
  b.format(rangeA1(first, AREA_SOURCE.date, last, AREA_SOURCE.date), { numberFormat: FORMATS.date });
  b.format(rangeA1(first, AREA_SOURCE.s1, last, AREA_SOURCE.total), { numberFormat: FORMATS.number1 });
}

/** One row of block B: the item's cells on its audit sheet, its percent, the month flag. */
function itemCells(sheet: SummarySheet, { e, m, it, k }: ItemRow, r: number): PlanCell[] {
  const row = e.meta.itemsFirst + k;
  const src = (c: number): string => sheetRef(e.sheet, row, c);
  const textOf = (c: number, v: unknown): PlanCell => ({ f: `=IF(${src(c)}="","",${src(c)})`, expect: expectOf(v) });
  const [score, max] = [a1(r, ITEM_SOURCE.score), a1(r, ITEM_SOURCE.max)];
  return [
    e.sheet,
    e.record.area,
    sheet.t(S_NAMES[it.s]),
    it.text,
    { f: dateFormula(e), expect: e.record.date ?? "" },
    m === sheet.month ? 1 : 0,
    { f: `=${src(COL.value)}`, expect: it.score ?? "" },
    { f: `=${src(COL.max)}`, expect: it.score === null ? 0 : it.max },
    {
      f: `=IF(ISNUMBER(${score}),${score}/${max}*100,"")`,
      expect: it.score === null ? "" : (it.score / it.max) * 100,
    },
    { f: `=${src(COL.needs)}`, expect: it.needsAction ? 1 : 0 },
    textOf(COL.finding, it.finding),
    textOf(COL.action, it.action),
    textOf(COL.owner, it.owner),
    { f: `=IF(ISNUMBER(${src(COL.due)}),${src(COL.due)},"")`, expect: it.due ?? "" },
    textOf(COL.status, it.status),
  ];
}

/** Block B: its header, one row per item, the ordinal columns and the look. */
export function writeItemSource(sheet: SummarySheet): void {
  const { b, t, rows, all, itemRows } = sheet;
  const { top, header, first, last } = rows.itemSource;
  b.set(top, 1, t(TEXT.srcItems), { bold: true });
  const headers = [
    TEXT.source,
    TEXT.area,
    TEXT.s,
    TEXT.item,
    TEXT.date,
    TEXT.inMonth,
    TEXT.score,
    TEXT.max,
    TEXT.percent,
    TEXT.needs,
    TEXT.finding,
    TEXT.action,
    TEXT.owner,
    TEXT.due,
    TEXT.status,
    TEXT.lowOrder,
    TEXT.isOpen,
    TEXT.openOrder,
  ];
  b.setRow(header, 1, headers.map(t), STYLES.header);
  const lowOrdinal = new Map(all.lowest.map((l, i) => [`${l.record}:${l.item}`, i + 1]));
  const openOrdinal = new Map(all.open.map((o, i) => [`${o.record}:${o.item}`, i + 1]));
  const ordinals: { low: Expected[][]; open: Expected[][]; openOrd: Expected[][] } = { low: [], open: [], openOrd: [] };
  itemRows.forEach((row, n) => {
    b.setRow(first + n, 1, itemCells(sheet, row, first + n));
    const key = `${row.i}:${row.k}`;
    ordinals.low.push([lowOrdinal.get(key) ?? ""]);
    ordinals.open.push([openOrdinal.has(key) ? 1 : 0]);
    ordinals.openOrd.push([openOrdinal.get(key) ?? ""]);
  });
  if (itemRows.length > 0) writeOrdinals(sheet, ordinals);
  b.format(rangeA1(first, 1, last, ITEM_SOURCE.openOrd), { border: "thin", fontSize: 9 });
  b.format(rangeA1(first, ITEM_SOURCE.date, last, ITEM_SOURCE.date), { numberFormat: FORMATS.date });
  b.format(rangeA1(first, ITEM_SOURCE.due, last, ITEM_SOURCE.due), { numberFormat: FORMATS.date });
  b.format(rangeA1(first, ITEM_SOURCE.pct, last, ITEM_SOURCE.pct), { numberFormat: FORMATS.number1 });
}

/**
 * The ordinal columns of block B: the k-th lowest (items of the month with a score, ordered by
 * percent, ties in reading order), whether an action is open, the k-th open action.
 */
function writeOrdinals(
  sheet: SummarySheet,
  expects: { low: Expected[][]; open: Expected[][]; openOrd: Expected[][] },
): void {
  const { b } = sheet;
  const { first, last } = sheet.rows.itemSource;
  const f = (c: number): string => a1(first, c);
  const col = (c: number): string => rangeA1(first, c, last, c, true);
  const upTo = (c: number): string => `${a1(first, c, true)}:${a1(first, c)}`;
  const scored = (range: (c: number) => string): string =>
    `(${range(ITEM_SOURCE.inMonth)}=1)*ISNUMBER(${range(ITEM_SOURCE.pct)})`;
  b.fill({
    range: rangeA1(first, ITEM_SOURCE.lowOrd, last, ITEM_SOURCE.lowOrd),
    formula: `=IF(AND(${f(ITEM_SOURCE.inMonth)}=1,ISNUMBER(${f(ITEM_SOURCE.pct)})),SUMPRODUCT(${scored(col)}*(${col(ITEM_SOURCE.pct)}<${f(ITEM_SOURCE.pct)}))+SUMPRODUCT(${scored(upTo)}*(${upTo(ITEM_SOURCE.pct)}=${f(ITEM_SOURCE.pct)})),"")`,
    expect: expects.low,
  });
  b.fill({
    range: rangeA1(first, ITEM_SOURCE.open, last, ITEM_SOURCE.open),
    formula: `=IF(AND(OR(${f(ITEM_SOURCE.needs)}=1,${f(ITEM_SOURCE.action)}<>""),${f(ITEM_SOURCE.status)}<>"已完成",${f(ITEM_SOURCE.status)}<>"Done"),1,0)`,
    expect: expects.open,
  });
  b.fill({
    range: rangeA1(first, ITEM_SOURCE.openOrd, last, ITEM_SOURCE.openOrd),
    formula: `=IF(${f(ITEM_SOURCE.open)}=1,SUM(${upTo(ITEM_SOURCE.open)}),"")`,
    expect: expects.openOrd,
  });
}
