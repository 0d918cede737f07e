/** A table part (xl/tables/tableN.xml): the table's range, header names and style (ECMA-376 §18.5). */
import { formatRange, type Rect } from "../../sheets/formula/a1";
import { TABLE_TOTALS_LABEL } from "../../sheets/formula/prepare";
import { DEFAULT_TABLE_STYLE } from "../../sheets/formula/writeDecisions";
import type { TableSpec } from "../../sheets/plan";
import { attr, NS, XML_DECLARATION } from "./xml";

export interface TablePartInput {
  /** Workbook-unique id (ids of an existing workbook's tables must not be reused). */
  readonly id: number;
  /** The actual (unique) name. */
  readonly name: string;
  readonly spec: TableSpec;
  /** Header row and data rows; a totals row, when shown, is the row below. */
  readonly rect: Rect;
  /** Header names as the sheet shows them (text, unique). */
  readonly headers: readonly string[];
}

export function tableXml(t: TablePartInput): string {
  const totals = t.spec.showTotals ?? false;
  const ref = formatRange({ ...t.rect, bottom: t.rect.bottom + (totals ? 1 : 0) });
  const columns = t.headers
    .map(
      (h, i) =>
        `<tableColumn id="${i + 1}"${attr("name", h)}${totals && i === 0 ? attr("totalsRowLabel", TABLE_TOTALS_LABEL) : ""}/>`,
    )
    .join("");
  return (
    `${XML_DECLARATION}<table xmlns="${NS.main}" id="${t.id}"${attr("name", t.name)}${attr("displayName", t.name)} ref="${ref}"` +
    `${totals ? ' totalsRowCount="1"' : ' totalsRowShown="0"'}>` +
    `<autoFilter ref="${formatRange(t.rect)}"/>` +
    `<tableColumns count="${t.headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo${attr("name", t.spec.style ?? DEFAULT_TABLE_STYLE)} showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    "</table>"
  );
}
