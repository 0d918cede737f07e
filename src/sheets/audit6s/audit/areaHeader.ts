/** The two header rows of an area block: area, date, inspector; audited unit, items scored, items needing action. */
import { a1, rangeA1 } from "../../common/address";
import { FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { CellStyle } from "../../plan";
import { COL, HEADER } from "../layout";
import type { Area, AuditSheet } from "./context";
import { TEXT } from "./strings";

/** A label cell of the header block. */
export const LABEL: CellStyle = {
  bold: true,
  fill: PALETTE.headerFill,
  border: "thin",
  vertical: "middle",
  horizontal: "center",
  wrap: true,
};
/** A text the supervisor fills in (inspector, unit). */
const INPUT: CellStyle = { ...STYLES.input, vertical: "middle", wrap: true, numberFormat: FORMATS.text };
const COUNT: CellStyle = { ...STYLES.computed, horizontal: "center", vertical: "middle", bold: true };

export function writeAreaHeader(sheet: AuditSheet, area: Area): void {
  const { b, t, options, items } = sheet;
  const { top, itemsFirst, itemsLast, name } = area.meta;
  const second = top + 1;
  b.set(top, 1, t(TEXT.area), { ...LABEL, fill: PALETTE.brand, fontColor: "FFFFFF" }).merge(rangeA1(top, 1, top, 2));
  b.set(top, HEADER.areaName.col, name, {
    bold: true,
    fontSize: 13,
    border: "thin",
    vertical: "middle",
    numberFormat: FORMATS.text,
  }).merge(rangeA1(top, 3, top, 4));
  b.set(top, 5, t(TEXT.date), LABEL);
  b.set(top, HEADER.date.col, options.date, {
    ...STYLES.input,
    numberFormat: FORMATS.date,
    horizontal: "center",
    vertical: "middle",
  });
  b.set(top, 7, t(TEXT.inspector), LABEL);
  const inspector = options.inspector?.trim() ? options.inspector : null;
  b.set(top, HEADER.inspector.col, inspector, INPUT).merge(rangeA1(top, 8, top, 9));
  b.set(second, 1, t(TEXT.unit), LABEL).merge(rangeA1(second, 1, second, 2));
  const unit = options.unit?.trim() ? options.unit : null;
  b.set(second, HEADER.unit.col, unit, INPUT).merge(rangeA1(second, 3, second, 4));
  b.set(second, 5, t(TEXT.scored(items.length)), LABEL);
  const scored = { f: `=COUNT(${rangeA1(itemsFirst, COL.value, itemsLast, COL.value)})`, expect: area.result.scored };
  b.set(second, HEADER.scored.col, scored, COUNT);
  b.set(second, 7, t(TEXT.needs), LABEL);
  const needs = {
    f: `=SUM(${rangeA1(itemsFirst, COL.needs, itemsLast, COL.needs)})`,
    expect: area.result.needsAction.filter(Boolean).length,
  };
  b.set(second, HEADER.needs.col, needs, COUNT).merge(rangeA1(second, 8, second, 9));
  sheet.validations.push({ range: a1(top, HEADER.date.col), kind: "date" });
}
