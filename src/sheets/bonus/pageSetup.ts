/** Column widths, row heights, frozen panes, A4 landscape printing, and the notes shown after generation. */
import { describeProblem } from "../../core/problem";
import { rangeA1 } from "../common/address";
import type { BonusSheet } from "./context";

/** Widths in characters; English headers are longer than Chinese ones. */
function setWidths(sheet: BonusSheet): void {
  const { b, layout } = sheet;
  const { columns } = layout;
  const zh = sheet.locale === "zh-CN";
  b.width(columns.no, 5)
    .width(columns.id, 9)
    .width(columns.name, 10)
    .width(columns.department, zh ? 12 : 14)
    .width(columns.standardPay, 13)
    .width(columns.ratio, 12)
    .width(columns.annual, 13);
  for (const c of columns.grades) b.width(c, 7);
  b.width(columns.yellow, zh ? 6 : 8)
    .width(columns.red, zh ? 6 : 8)
    .width(columns.failed, zh ? 8 : 10)
    .width(columns.coefficient, zh ? 7 : 12)
    .width(columns.quarterExact, 15)
    .width(columns.quarterAmount, 13);
  if (sheet.hasPool) b.width(columns.pooled, 13);
  if (sheet.isQ4)
    b.width(columns.eligible, zh ? 8 : 10)
      .width(columns.reason, zh ? 22 : 28)
      .width(columns.yearEndExact, 15)
      .width(columns.yearEndAmount, 13)
      .width(columns.payable, 13);
}

/** Display width of text in "digit widths": CJK characters count two. */
function widthUnits(s: string): number {
  return [...s].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
}

/**
 * Rows whose reasons or remarks need a second or third line (LibreOffice and WPS do not fit
 * row heights on opening).
 */
function setRowHeights(sheet: BonusSheet): void {
  const { b, layout } = sheet;
  sheet.people.forEach((r, i) => {
    const reasons = sheet.isQ4 ? (r.yearEnd?.reasons.length ?? 0) : 0;
    const lines = Math.max(reasons, Math.ceil(widthUnits(sheet.remarks[i] ?? "") / 34));
    if (lines > 1) b.height(layout.firstRow + i, Math.min(3, lines) * 14 + 2);
  });
}

/** Widths, heights, panes frozen below the header and left of the names, and A4 landscape to `lastRow`. */
export function setUpPage(sheet: BonusSheet, lastRow: number): void {
  const { b, layout } = sheet;
  setWidths(sheet);
  setRowHeights(sheet);
  b.width(layout.columns.remarks, 30);
  b.hideColumn(layout.columns.marker);
  b.freeze(layout.headerRow, layout.columns.name);
  b.tabColor("C55A11");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${layout.headerRow}:${layout.headerRow}`,
    printArea: rangeA1(1, 1, lastRow, layout.lastColumn),
    header: sheet.title,
    footer: "&P / &N",
    margins: { top: 0.6, bottom: 0.6, left: 0.3, right: 0.3 },
    centerHorizontally: true,
  });
}

/** The notes shown after generation: the input's problems (where they are), then the engine's warnings. */
export function addNotes(sheet: BonusSheet): void {
  for (const p of sheet.options.inputProblems ?? []) sheet.b.note(describeProblem(p));
  for (const w of sheet.result.warnings) sheet.b.note(w);
}
