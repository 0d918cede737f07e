/**
 * How an area block is laid out and sized so that it prints on one A4 page: the rows of a block
 * (offsets from its top), their heights, and the column widths — the finding and action columns
 * widen when the checklist is long, so the page's scale-to-width leaves room for the height.
 */
import { columnLetter } from "../../common/address";
import type { SheetPlan } from "../../plan";
import { COL, LAST_VISIBLE } from "../layout";

/** Row heights in points; the page-fit check relies on every row having one. */
export const HEIGHT = {
  title: 26,
  note: 44,
  columns: 22,
  gap: 6,
  header: 24,
  itemMin: 24,
  line: 15,
  sHeader: 20,
  sRow: 18,
  chartRow: 16,
  sign: 26,
} as const;
export const CHART_ROWS = 11;
/** The first area's top row (rows 1–3 are the title rows repeated on every page). */
export const FIRST_AREA_ROW = 5;

/** A4 portrait in points with the margins of the print setup (inches × 72). */
const PAGE = { width: (8.27 - 0.8) * 72, height: (11.69 - 1.1) * 72 } as const;
/** Share of the page height an area may fill: room for the writers' and viewers' rounding. */
const PAGE_FILL = 0.92;
export const BASE_WIDTHS: Readonly<Record<number, number>> = {
  1: 5,
  2: 14,
  3: 36,
  4: 10,
  5: 28,
  6: 24,
  7: 12,
  8: 12,
  9: 10,
};

/** Excel's width in characters → pixels (Calibri 11: 7 px per digit + 5 px padding) → points. */
export function columnPoints(width: number): number {
  return (Math.trunc(width * 7 + 5) * 3) / 4;
}

/** Display width of text in "digit widths": CJK and full-width characters count two. */
export function textUnits(s: string): number {
  let n = 0;
  for (const ch of s)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return n;
}

/** Height of an item row: tall enough for its text in column C, at least a tablet-sized row. */
export function itemRowHeight(s: string): number {
  const lines = Math.max(1, Math.ceil(textUnits(s) / (BASE_WIDTHS[COL.item] - 3)));
  return Math.max(HEIGHT.itemMin, lines * HEIGHT.line + 6);
}

/** The rows of an area block, as offsets from its top row. */
export interface AreaRows {
  readonly items: number;
  readonly sTable: number;
  readonly total: number;
  readonly rating: number;
  readonly chart: number;
  readonly sign: number;
  /** Rows of a block; one spacer row follows. */
  readonly count: number;
}

export function areaRows(itemCount: number): AreaRows {
  const items = 2;
  const sTable = items + itemCount + 1;
  const total = sTable + 7;
  const rating = total + 1;
  const chart = rating + 2;
  const sign = chart + CHART_ROWS + 1;
  return { items, sTable, total, rating, chart, sign, count: sign + 2 };
}

/** The height of every row of a block and its spacer (index = offset), given each item row's height. */
export function rowHeights(rows: AreaRows, itemHeights: readonly number[]): number[] {
  const heightAt = (off: number): number => {
    if (off < rows.items) return HEIGHT.header;
    if (off < rows.items + itemHeights.length) return itemHeights[off - rows.items];
    if (off === rows.sTable) return HEIGHT.sHeader;
    if (off > rows.sTable && off <= rows.rating) return HEIGHT.sRow;
    if (off >= rows.chart && off < rows.chart + CHART_ROWS) return HEIGHT.chartRow;
    if (off >= rows.sign && off < rows.sign + 2) return HEIGHT.sign;
    return 8; // spacers
  };
  return Array.from({ length: rows.count + 1 }, (_, off) => heightAt(off));
}

/**
 * The note row's height and the column widths: an area (with the repeated title rows) must fit
 * one page when the sheet is scaled to the page width, so the finding/action columns widen when
 * the checklist is long.
 */
export function fitToPage(
  noteText: string,
  heights: readonly number[],
): { noteHeight: number; widths: Record<number, number> } {
  const baseChars = Object.values(BASE_WIDTHS).reduce((s, w) => s + w, 0);
  // The note is 9 pt (11 pt is the width unit), wrapped across the merged title row.
  const noteHeight = Math.max(HEIGHT.note, Math.ceil(textUnits(noteText) / (baseChars * 1.15)) * 12 + 8);
  const titleHeight = HEIGHT.title + noteHeight + HEIGHT.columns;
  const areaHeight = titleHeight + HEIGHT.gap + heights.reduce((s, h) => s + h, 0);
  const widths: Record<number, number> = { ...BASE_WIDTHS };
  const widthPoints = (): number => Object.values(widths).reduce((s, w) => s + columnPoints(w), 0);
  const neededWidth = (areaHeight * PAGE.width) / (PAGE.height * PAGE_FILL);
  while (widthPoints() < neededWidth) {
    widths[COL.finding] += 1;
    if (widthPoints() < neededWidth) widths[COL.action] += 1;
  }
  return { noteHeight, widths };
}

/** Page-fit facts for tests and the README: each printed page's height at the sheet's print scale. */
export function pageFit(plan: SheetPlan): { scale: number; pageHeights: number[]; limit: number } {
  const visible = new Set(Array.from({ length: LAST_VISIBLE }, (_, i) => columnLetter(i + 1)));
  const widthPt = (plan.columns ?? [])
    .filter((c) => visible.has(c.column) && c.width !== undefined)
    .reduce((s, c) => s + columnPoints(c.width!), 0);
  const scale = Math.min(1, PAGE.width / widthPt);
  const heights = new Map((plan.rows ?? []).map((r) => [r.row, r.height ?? 15]));
  const title = [1, 2, 3].reduce((s, r) => s + (heights.get(r) ?? 15), 0);
  const breaks = plan.print?.pageBreaksBefore ?? [];
  const lastRow = Math.max(...heights.keys());
  const starts = [1, ...breaks];
  const pageHeights = starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] - 1 : lastRow;
    let h = start === 1 ? 0 : title;
    for (let r = start; r <= end; r++) h += heights.get(r) ?? 15;
    return h * scale;
  });
  return { scale, pageHeights, limit: PAGE.height };
}
