/** Under an area's S table: a radar and a bar chart of the six S, and the two signature lines. */
import { a1, rangeA1 } from "../../common/address";
import { STYLES } from "../../common/styles";
import { COL, LAST_VISIBLE, S_COL } from "../layout";
import { CHART_ROWS } from "./areaLayout";
import type { Area, AuditSheet } from "./context";
import { TEXT } from "./strings";

/** The charts (the Office.js writer draws them; the note under them says so where a file has none). */
export function writeAreaCharts(sheet: AuditSheet, area: Area): void {
  const { b, t } = sheet;
  const { meta } = area;
  const top = meta.top + sheet.rows.chart;
  const values = rangeA1(meta.sRows[0], S_COL.percent, meta.sRows[5], S_COL.percent, true);
  const names = rangeA1(meta.sRows[0], S_COL.name, meta.sRows[5], S_COL.name, true);
  b.set(top, 1, t(TEXT.charts), { ...STYLES.note, fontColor: "A6A6A6" });
  b.merge(rangeA1(top, 1, top + 1, LAST_VISIBLE));
  const series = [{ name: meta.name, values, categories: names }];
  const bottom = top + CHART_ROWS - 1;
  const axis = { min: 0, max: 100 };
  b.chart({
    type: "radar",
    title: t(TEXT.radar(meta.name)),
    series,
    from: a1(top, 1),
    to: a1(bottom, COL.score),
    yAxis: axis,
  });
  b.chart({
    type: "column",
    title: t(TEXT.bars(meta.name)),
    series,
    from: a1(top, COL.finding),
    to: a1(bottom, LAST_VISIBLE),
    yAxis: axis,
  });
}

/** Signatures: a box to sign in and a box for the date, for the inspector (left) and the audited unit's head (right). */
export function writeSignatures(sheet: AuditSheet, area: Area): void {
  const { b, t } = sheet;
  const top = area.meta.top + sheet.rows.sign;
  [TEXT.inspectorSign, TEXT.signDate].forEach((label, i) => {
    const row = top + i;
    b.set(row, 1, t(label), { bold: true, vertical: "middle", wrap: true, fontSize: 9 }).merge(rangeA1(row, 1, row, 2));
    b.merge(rangeA1(row, COL.item, row, COL.score));
    b.format(rangeA1(row, COL.item, row, COL.score), { outline: "thin" });
  });
  [TEXT.headSign, TEXT.signDate].forEach((label, i) => {
    const row = top + i;
    b.set(row, COL.finding, t(label), { bold: true, vertical: "middle", horizontal: "right", wrap: true, fontSize: 9 });
    b.merge(rangeA1(row, COL.action, row, LAST_VISIBLE));
    b.format(rangeA1(row, COL.action, row, LAST_VISIBLE), { outline: "thin" });
  });
}
