/**
 * The check items of an area, grouped by S: number, S, item (★ critical), the large score cell
 * and the corrective-action cells; hidden helper columns J–N that turn each score into a number
 * the way the engine's readScoreCell does; and the red that asks for a corrective action.
 */
import { S_NAMES, itemText, readScoreCell, type SIndex } from "../../../core/audit6s/engine";
import { a1, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { Expected } from "../../plan";
import { COL, LAST_VISIBLE, scoreChoices, statusWord } from "../layout";
import { columnFixed, itemRows, type Area, type AuditSheet } from "./context";
import { TEXT } from "./strings";

/** The items' cells (what is already filled in, and the critical flags) and each S's label over its run of rows. */
export function writeItems(sheet: AuditSheet, area: Area): void {
  const { b, t, locale, items } = sheet;
  const { itemsFirst } = area.meta;
  b.block(
    itemsFirst,
    1,
    items.map(({ it, i }, k) => {
      const e = area.entries[i];
      return [
        k + 1,
        null,
        `${it.critical ? TEXT.critical : ""}${itemText(it, locale)}`,
        area.scoreCells[k],
        e?.finding ?? null,
        e?.action ?? null,
        e?.owner ?? null,
        e?.due ?? null,
        e?.status ? statusWord(e.status, locale) : null,
      ];
    }),
  );
  b.block(
    itemsFirst,
    COL.critical,
    items.map(({ it }) => [it.critical ? 1 : 0]),
  );
  b.format(itemRows(area, 1, LAST_VISIBLE), { border: "thin", vertical: "middle" });
  let run = 0;
  for (const s of [0, 1, 2, 3, 4, 5] as SIndex[]) {
    const n = items.filter(({ it }) => it.s === s).length;
    if (n === 0) continue;
    const from = itemsFirst + run;
    b.set(from, COL.s, t(S_NAMES[s]));
    if (n > 1) b.merge(rangeA1(from, COL.s, from + n - 1, COL.s));
    b.format(rangeA1(from, 1, from + n - 1, LAST_VISIBLE), { outline: "medium" });
    run += n;
  }
}

/** The items' look: the score large and yellow, the action cells yellow and unlocked; their validations. */
export function formatItems(sheet: AuditSheet, area: Area): void {
  const { b } = sheet;
  const rows = (from: number, to = from): string => itemRows(area, from, to);
  const input = { fill: PALETTE.inputFill, locked: false };
  b.format(rows(COL.no), { horizontal: "center", fontColor: PALETTE.note });
  b.format(rows(COL.s), { ...STYLES.group, wrap: true });
  b.format(rows(COL.item), { wrap: true, numberFormat: FORMATS.text });
  b.format(rows(COL.score), { ...input, bold: true, fontSize: 14, horizontal: "center" });
  b.format(rows(COL.finding, COL.action), { ...input, wrap: true, numberFormat: FORMATS.text });
  b.format(rows(COL.owner), { ...input, numberFormat: FORMATS.text, horizontal: "center" });
  b.format(rows(COL.due), { ...input, numberFormat: FORMATS.date, horizontal: "center" });
  b.format(rows(COL.status), { ...input, numberFormat: FORMATS.text, horizontal: "center" });
  sheet.validations.push(
    { range: rows(COL.score), kind: "score" },
    { range: rows(COL.due), kind: "date" },
    { range: rows(COL.status), kind: "status" },
  );
}

/** The score cell's formula in column J: the points as a number, "" when not scored (blank, 不适用, a wrong entry). */
function valueFormula(sheet: AuditSheet, score: string): string {
  const { scaleId, max } = sheet;
  if (scaleId !== "passFail") return `=IF(AND(ISNUMBER(${score}),${score}>=0,${score}<=${max}),${score},"")`;
  // Either language's words: a sheet keeps working when someone types the other one.
  const [zh, en] = [scoreChoices(scaleId, max, "zh-CN"), scoreChoices(scaleId, max, "en-US")];
  const is = (word: 0 | 1): string => `OR(${score}="${zh[word]}",${score}="${en[word]}")`;
  return `=IF(${is(0)},1,IF(${is(1)},0,""))`;
}

/** Helper columns filled down the area's items: points, maximum, critical zero, needs action. */
export function writeHelperColumns(sheet: AuditSheet, area: Area): void {
  const { b, items, scale, max } = sheet;
  const { itemsFirst } = area.meta;
  const value = a1(itemsFirst, COL.value);
  const values: Expected[] = [];
  const maxima: Expected[] = [];
  const zeros: Expected[] = [];
  items.forEach(({ it }, k) => {
    const r = readScoreCell(area.scoreCells[k], scale);
    const v = r.ok ? r.value : null;
    values.push(v ?? "");
    maxima.push(v === null ? 0 : max);
    zeros.push(it.critical && v === 0 ? 1 : 0);
  });
  const column = (xs: readonly Expected[]): Expected[][] => xs.map((x) => [x]);
  const score = a1(itemsFirst, COL.score);
  b.fill({ range: itemRows(area, COL.value), formula: valueFormula(sheet, score), expect: column(values) });
  b.fill({ range: itemRows(area, COL.max), formula: `=IF(ISNUMBER(${value}),${max},0)`, expect: column(maxima) });
  b.fill({
    range: itemRows(area, COL.criticalZero),
    formula: `=IF(AND(${a1(itemsFirst, COL.critical)}=1,ISNUMBER(${value}),${value}=0),1,0)`,
    expect: column(zeros),
  });
  b.fill({
    range: itemRows(area, COL.needs),
    formula: `=IF(AND(ISNUMBER(${value}),${value}<${max / 2}),1,0)`,
    expect: area.result.needsAction.map((v) => [v ? 1 : 0]),
  });
}

/** Corrective action required (scored below the middle): the action cells red while empty, the score red. */
export function highlightActions(sheet: AuditSheet, area: Area): void {
  const { b } = sheet;
  const { itemsFirst } = area.meta;
  const needs = columnFixed(itemsFirst, COL.needs);
  b.conditional({
    range: itemRows(area, COL.finding, COL.status),
    rule: { type: "expression", formula: `=AND(${needs}=1,${a1(itemsFirst, COL.finding)}="")` },
    style: CONDITIONAL.bad,
  });
  b.conditional({
    range: itemRows(area, COL.score),
    rule: { type: "expression", formula: `=${needs}=1` },
    style: { ...CONDITIONAL.bad, bold: true },
  });
}
