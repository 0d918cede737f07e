/**
 * The S table under an area's items: per S the points, maximum, items scored and critical zeros
 * (sums of the helper columns), the percent with a ■ bar, the weight; then the weighted total
 * and the rating from 考核参数.
 */
import { SETTING_NAMES } from "../../../core/settings";
import { S_NAMES, type SIndex } from "../../../core/audit6s/engine";
import { a1, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import { roundHalfUp15, roundSmallWholeFormula } from "../../formula/round";
import { COL, S_COL } from "../layout";
import { columnFixed, type Area, type AuditSheet } from "./context";
import { TEXT } from "./strings";

/** The text bar of an S percent (■ per 10 %). */
export function percentBar(percent: number | null): string {
  return percent === null ? "" : "■".repeat(roundHalfUp15(percent / 10));
}

/** The bar formula of a percent cell: as many ■ as tens, rounded half up (see formula/round.ts). */
function barFormula(percent: string): string {
  return `=IF(ISNUMBER(${percent}),REPT("■",${roundSmallWholeFormula(`${percent}/10`)}),"")`;
}

/** The header and one row per S: sums over the S's run of item rows, its percent and bar, its weight. */
export function writeSRows(sheet: AuditSheet, area: Area): void {
  const { b, t, items, weights } = sheet;
  const { meta, result } = area;
  const header = meta.top + sheet.rows.sTable;
  TEXT.sHeader.forEach((h, i) => b.set(header, S_COL.name + i, t(h)));
  b.format(rangeA1(header, S_COL.name, header, S_COL.criticalZeros), STYLES.header);
  let run = 0;
  for (const s of [0, 1, 2, 3, 4, 5] as SIndex[]) {
    const r = meta.sRows[s];
    const n = items.filter(({ it }) => it.s === s).length;
    const from = meta.itemsFirst + run;
    const to = from + n - 1;
    run += n;
    const inRun = (c: number): string => rangeA1(from, c, to, c);
    const of = (f: string): string => (n > 0 ? f : "=0");
    const res = result.s[s];
    const cell = (c: number): string => a1(r, c);
    b.set(r, S_COL.name, t(S_NAMES[s]));
    b.set(r, S_COL.score, { f: of(`=SUM(${inRun(COL.value)})`), expect: res.score });
    b.set(r, S_COL.max, { f: of(`=SUM(${inRun(COL.max)})`), expect: res.max });
    b.set(r, S_COL.applicable, { f: of(`=COUNT(${inRun(COL.value)})`), expect: res.applicable });
    b.set(r, S_COL.criticalZeros, { f: of(`=SUM(${inRun(COL.criticalZero)})`), expect: res.criticalZeros });
    const percent = `=IF(${cell(S_COL.max)}=0,"",IF(${cell(S_COL.criticalZeros)}>0,0,${cell(S_COL.score)}/${cell(S_COL.max)}*100))`;
    b.set(r, S_COL.percent, { f: percent, expect: res.percent ?? "" });
    b.set(r, S_COL.bar, { f: barFormula(cell(S_COL.percent)), expect: percentBar(res.percent) });
    const weight = { f: `=INDEX(${SETTING_NAMES.audit6sWeights},${s + 1})`, expect: weights[s] };
    b.set(r, S_COL.weight, sheet.ownWeights ? weights[s] : weight);
    const scored = `ISNUMBER(${cell(S_COL.percent)})`;
    b.set(r, S_COL.weighted, {
      f: `=IF(${scored},${cell(S_COL.percent)}*${cell(S_COL.weight)},0)`,
      expect: res.percent === null ? 0 : res.percent * weights[s],
    });
    b.set(r, S_COL.used, {
      f: `=IF(${scored},${cell(S_COL.weight)},0)`,
      expect: res.percent === null ? 0 : weights[s],
    });
  }
}

/** The weighted total of the S percents (an S without scores left out) and the rating of the total. */
export function writeTotalAndRating(sheet: AuditSheet, area: Area): void {
  const { b, t } = sheet;
  const { meta, result } = area;
  const [first, last] = [meta.sRows[0], meta.sRows[5]];
  const row = meta.totalRow;
  const used = rangeA1(first, S_COL.used, last, S_COL.used);
  const weighted = rangeA1(first, S_COL.weighted, last, S_COL.weighted);
  b.set(row, S_COL.name, t(TEXT.total));
  b.set(row, S_COL.percent, {
    f: `=IF(SUM(${used})=0,"",SUM(${weighted})/SUM(${used}))`,
    expect: result.total ?? "",
  });
  b.set(row, S_COL.bar, { f: barFormula(a1(row, S_COL.percent)), expect: percentBar(result.total) });
  b.set(row, S_COL.score, t(TEXT.weightsNote(sheet.ownWeights)), { ...STYLES.note, vertical: "middle" });
  b.merge(rangeA1(row, S_COL.score, row, S_COL.criticalZeros));
  const total = a1(row, S_COL.percent);
  const rating = meta.ratingRow;
  const { audit6sRatingBounds: bounds, audit6sRatingCodes: codes } = SETTING_NAMES;
  b.set(rating, S_COL.name, t(TEXT.rating));
  b.set(rating, S_COL.percent, {
    f: `=IF(${total}="","",INDEX(${codes},SUMPRODUCT(--(${bounds}>${total}+1E-9))+1))`,
    expect: result.rating ?? "",
  });
  b.set(rating, S_COL.score, t(TEXT.ratingNote), { ...STYLES.note, vertical: "middle" });
  b.merge(rangeA1(rating, S_COL.score, rating, S_COL.criticalZeros));
}

/** The table's look: weights yellow when the audit's own; a critical zero red; the rating coloured per band. */
export function formatSTable(sheet: AuditSheet, area: Area): void {
  const { b } = sheet;
  const { meta } = area;
  const [first, last, total, rating] = [meta.sRows[0], meta.sRows[5], meta.totalRow, meta.ratingRow];
  b.format(rangeA1(first, S_COL.name, rating, S_COL.criticalZeros), { border: "thin", vertical: "middle" });
  b.format(rangeA1(first, S_COL.name, rating, S_COL.name), { ...STYLES.group });
  b.format(rangeA1(first, S_COL.bar, total, S_COL.bar), { fontColor: PALETTE.brand, fontSize: 9 });
  b.format(rangeA1(first, S_COL.percent, total, S_COL.percent), {
    bold: true,
    numberFormat: FORMATS.number1,
    horizontal: "center",
    fill: PALETTE.computedFill,
  });
  // General, not "0.##": Excel shows a whole number as "10." under "0.##".
  b.format(rangeA1(first, S_COL.score, last, S_COL.criticalZeros), { horizontal: "center", numberFormat: "General" });
  const weights = rangeA1(first, S_COL.weight, last, S_COL.weight);
  b.format(weights, sheet.ownWeights ? { fill: PALETTE.inputFill, locked: false } : { fill: PALETTE.computedFill });
  b.format(a1(rating, S_COL.percent), { bold: true, fontSize: 13, horizontal: "center", border: "medium" });
  if (sheet.ownWeights) sheet.validations.push({ range: weights, kind: "weight" });
  b.conditional({
    range: rangeA1(first, S_COL.criticalZeros, last, S_COL.criticalZeros),
    rule: { type: "cellValue", operator: "greaterThan", formula1: "0" },
    style: CONDITIONAL.bad,
  });
  b.conditional({
    range: rangeA1(first, S_COL.percent, last, S_COL.percent),
    rule: { type: "expression", formula: `=${columnFixed(first, S_COL.criticalZeros)}>0` },
    style: CONDITIONAL.bad,
  });
  const bands = sheet.settings.audit6s.rating.bands.length;
  const cell = a1(rating, S_COL.percent);
  for (let i = 0; i < bands; i++) {
    const style = i === 0 ? CONDITIONAL.good : i === bands - 1 ? CONDITIONAL.bad : CONDITIONAL.neutral;
    b.conditional({
      range: cell,
      rule: {
        type: "expression",
        formula: `=AND(${cell}<>"",${cell}=INDEX(${SETTING_NAMES.audit6sRatingCodes},${i + 1}))`,
      },
      style,
    });
  }
}
