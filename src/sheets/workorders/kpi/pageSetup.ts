/** Column widths, hidden helpers, frozen panes and A4 landscape printing of the KPI table. */
import { rangeA1 } from "../../common/address";
import {
  HEADER_ROW,
  HELPER_COLUMN,
  HELPER_KEYS,
  LAST_MAIN_COLUMN,
  MAIN_COLUMN,
  MAIN_COLUMNS,
  MARKER_COLUMN,
  WEIGHT_ROW,
} from "./columns";
import type { KpiSheet } from "./context";
import { TEXT } from "./strings";

/**
 * Widths (English headers need wider columns), panes frozen under the weights, printed to
 * `lastRow` (the charts' last row when there are charts: the printed pages have them) across the
 * KPI table's columns, which the charts stay within. `chartsTop`, the chart section's first row,
 * starts a page: the charts print whole, beside their data, instead of wherever the table's
 * length puts an automatic page break (which cuts a chart in two).
 */
export function setUpPage(sheet: KpiSheet, lastRow: number, chartsTop?: number): void {
  const { b, t } = sheet;
  const english = sheet.locale === "en-US";
  for (const m of MAIN_COLUMNS)
    b.width(MAIN_COLUMN[m.key], english ? Math.max(m.width, m.key === "name" ? 14 : 10.5) : m.width);
  for (const h of HELPER_KEYS) b.width(HELPER_COLUMN[h], 9);
  b.width(HELPER_COLUMN.crit, 12);
  b.hideColumn(HELPER_COLUMN.crit);
  b.hideColumn(MARKER_COLUMN);
  b.freeze(WEIGHT_ROW, 1);
  b.tabColor("548235");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    printArea: rangeA1(1, 1, lastRow, LAST_MAIN_COLUMN),
    ...(chartsTop !== undefined ? { pageBreaksBefore: [chartsTop] } : {}),
    header: t(TEXT.title(sheet.report.current.month)),
    footer: "&P / &N",
    margins: { top: 0.5, bottom: 0.5, left: 0.3, right: 0.3 },
    centerHorizontally: true,
  });
}
