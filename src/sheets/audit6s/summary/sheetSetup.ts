/** The summary's title rows (month, the editable as-of date, how many audit sheets) and its page setup. */
import { a1, rangeA1 } from "../../common/address";
import { FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { SummarySheet } from "./context";
import { LAST_COLUMN, LIST_PICK, MARKER_COLUMN } from "./layout";
import { TEXT, VALIDATION } from "./strings";

const LABEL = {
  bold: true,
  fill: PALETTE.headerFill,
  border: "thin",
  horizontal: "center",
  vertical: "middle",
} as const;

/** Title, note, and row 3: the month, the as-of date overdue is judged against (editable), the audit sheets read. */
export function writeTitleRows(sheet: SummarySheet): void {
  const { b, t } = sheet;
  b.set(1, 1, t(TEXT.title(sheet.monthLabel)), STYLES.title)
    .merge(rangeA1(1, 1, 1, LAST_COLUMN))
    .height(1, 26);
  b.set(2, 1, t(TEXT.note), { ...STYLES.note, vertical: "middle" })
    .merge(rangeA1(2, 1, 2, LAST_COLUMN))
    .height(2, 34);
  b.set(3, 1, t(TEXT.month), LABEL);
  b.set(3, 2, sheet.monthLabel, { bold: true, border: "thin", horizontal: "center", numberFormat: FORMATS.text }).merge(
    rangeA1(3, 2, 3, 3),
  );
  b.set(3, 4, t(TEXT.asOf), LABEL).merge(rangeA1(3, 4, 3, 6));
  b.set(3, 7, sheet.asOf, { ...STYLES.input, numberFormat: FORMATS.date, horizontal: "center" }).merge(
    rangeA1(3, 7, 3, 8),
  );
  b.set(3, 9, t(TEXT.sheets), LABEL).merge(rangeA1(3, 9, 3, 10));
  b.set(3, 11, sheet.audits.length, { border: "thin", horizontal: "center" });
  b.height(3, 22);
  b.validate({
    range: a1(3, 7),
    rule: { type: "date", min: 1 },
    allowBlank: false,
    error: { title: t(VALIDATION.invalidDate), message: t(VALIDATION.enterDate) },
  });
}

/**
 * Widths, A4 landscape: the report on one page, the open actions (a working list) from the top of
 * the next, then each chart on a page of its own. Each is an area of the print range, and each
 * area starts a page; a manual page break would not do, as it runs across the whole sheet and
 * would cut a chart beside the report in two.
 */
export function setUpPage(sheet: SummarySheet, chartAreas: readonly string[]): void {
  const { b, t, rows, all } = sheet;
  const widths = [14, 10, 10, 10, 10, 10, 10, 10, 10, 10, 11, 9, 10, 20];
  widths.forEach((w, i) => b.width(i + 1, w));
  for (let c = 15; c <= 17; c++) b.width(c, 8);
  b.hideColumn(LIST_PICK.value).hideColumn(LIST_PICK.row);
  b.hideColumn(MARKER_COLUMN);
  b.freeze(3, 1);
  b.tabColor("548235");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    fitToHeight: 0,
    printArea: [
      rangeA1(1, 1, rows.open.top - 1, LAST_COLUMN),
      rangeA1(rows.open.top, 1, rows.open.overflow, LAST_COLUMN),
      ...chartAreas,
    ],
    footer: `${t(TEXT.sheet)} ${sheet.monthLabel} — &P / &N`,
    margins: { top: 0.5, bottom: 0.5, left: 0.4, right: 0.4 },
    centerHorizontally: true,
  });
  if (all.undated.length > 0) b.note(TEXT.undated(all.undated.length));
}
