/**
 * The two source blocks at the bottom of the summary, each cell a reference to the audit
 * sheet's own cell: A, one row per dated area audit (date, month, S percents, total); B, one row
 * per check item up to the month (score, finding, owner, due date, status…) with the two
 * columns the lists above pick their rows from (the month's percent, open or not). Every
 * formula here reads its own row only.
 */
import { S_NAMES, areaKey } from "../../../core/audit6s/engine";
import { a1, rangeA1 } from "../../common/address";
import { FORMATS, STYLES } from "../../common/styles";
import type { PlanCell } from "../../plan";
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

/** Block B: its header, one row per item, the columns the lists pick from, and the look. */
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
    TEXT.monthPct,
    TEXT.isOpen,
  ];
  b.setRow(header, 1, headers.map(t), STYLES.header);
  itemRows.forEach((row, n) => b.setRow(first + n, 1, itemCells(sheet, row, first + n)));
  // The engine's answers, per item: its percent when scored in the month, whether it is open.
  const scored = new Map(all.lowest.map((l) => [`${l.record}:${l.item}`, l.percent]));
  const open = new Set(all.open.map((o) => `${o.record}:${o.item}`));
  if (itemRows.length > 0) {
    const f = (c: number): string => a1(first, c);
    b.fill({
      range: rangeA1(first, ITEM_SOURCE.monthPct, last, ITEM_SOURCE.monthPct),
      formula: `=IF(AND(${f(ITEM_SOURCE.inMonth)}=1,ISNUMBER(${f(ITEM_SOURCE.pct)})),${f(ITEM_SOURCE.pct)},"")`,
      expect: itemRows.map(({ i, k }) => [scored.get(`${i}:${k}`) ?? ""]),
    });
    b.fill({
      range: rangeA1(first, ITEM_SOURCE.open, last, ITEM_SOURCE.open),
      formula: `=IF(AND(OR(${f(ITEM_SOURCE.needs)}=1,${f(ITEM_SOURCE.action)}<>""),${f(ITEM_SOURCE.status)}<>"已完成",${f(ITEM_SOURCE.status)}<>"Done"),1,0)`,
      expect: itemRows.map(({ i, k }) => [open.has(`${i}:${k}`) ? 1 : 0]),
    });
  }
  b.format(rangeA1(first, 1, last, ITEM_SOURCE.open), { border: "thin", fontSize: 9 });
  b.format(rangeA1(first, ITEM_SOURCE.date, last, ITEM_SOURCE.date), { numberFormat: FORMATS.date });
  b.format(rangeA1(first, ITEM_SOURCE.due, last, ITEM_SOURCE.due), { numberFormat: FORMATS.date });
  b.format(rangeA1(first, ITEM_SOURCE.pct, last, ITEM_SOURCE.pct), { numberFormat: FORMATS.number1 });
  b.format(rangeA1(first, ITEM_SOURCE.monthPct, last, ITEM_SOURCE.monthPct), { numberFormat: FORMATS.number1 });
}
