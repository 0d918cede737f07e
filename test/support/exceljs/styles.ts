/**
 * Cell styles for the exceljs writer. A plan's formats are ranges applied in order (later wins
 * per property); exceljs stores a style per cell, so the final style of each cell is computed
 * here and one frozen style object is shared by all cells with the same combination (exceljs
 * caches style ids per object, so 100,000 cells with one style cost one lookup each).
 */
import type ExcelJS from "exceljs";
import type { BorderWeight, CellStyle } from "../../../src/sheets/plan";
import type { Rect } from "../../../src/sheets/formula/a1";

export interface ResolvedFormat {
  readonly rect: Rect;
  readonly style: CellStyle;
}

type Edge = "top" | "bottom" | "left" | "right";

const H: Record<NonNullable<CellStyle["horizontal"]>, ExcelJS.Alignment["horizontal"]> = {
  left: "left",
  center: "center",
  right: "right",
};
const V: Record<NonNullable<CellStyle["vertical"]>, ExcelJS.Alignment["vertical"]> = {
  top: "top",
  middle: "middle",
  bottom: "bottom",
};

function argb(hex: string): { argb: string } {
  return { argb: `FF${hex.toUpperCase()}` };
}

/** Builds the exceljs style of a cell covered by `formats` (in order) at (row, column). */
export function buildCellStyle(
  formats: readonly ResolvedFormat[],
  row: number,
  column: number,
): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = {};
  const alignment: Partial<ExcelJS.Alignment> = {};
  const border: Partial<Record<Edge, BorderWeight>> = {};
  let numFmt: string | undefined;
  let fill: string | undefined;
  let locked: boolean | undefined;
  for (const { rect, style } of formats) {
    if (style.numberFormat !== undefined) numFmt = style.numberFormat;
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.underline !== undefined) font.underline = style.underline;
    if (style.fontSize !== undefined) font.size = style.fontSize;
    if (style.fontColor !== undefined) font.color = argb(style.fontColor);
    if (style.fill !== undefined) fill = style.fill;
    if (style.horizontal !== undefined) alignment.horizontal = H[style.horizontal];
    if (style.vertical !== undefined) alignment.vertical = V[style.vertical];
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    if (style.indent !== undefined) alignment.indent = style.indent;
    if (style.locked !== undefined) locked = style.locked;
    if (style.border !== undefined) {
      border.top = border.bottom = border.left = border.right = style.border;
    }
    if (style.outline !== undefined) {
      if (row === rect.top) border.top = style.outline;
      if (row === rect.bottom) border.bottom = style.outline;
      if (column === rect.left) border.left = style.outline;
      if (column === rect.right) border.right = style.outline;
    }
  }
  const out: Partial<ExcelJS.Style> = {};
  if (numFmt !== undefined) out.numFmt = numFmt;
  if (Object.keys(font).length) out.font = font;
  if (Object.keys(alignment).length) out.alignment = alignment;
  if (fill !== undefined) out.fill = { type: "pattern", pattern: "solid", fgColor: argb(fill), bgColor: argb(fill) };
  const edges = Object.entries(border) as [Edge, BorderWeight][];
  if (edges.length) {
    const b: Partial<ExcelJS.Borders> = {};
    for (const [edge, weight] of edges) b[edge] = { style: weight };
    out.border = b;
  }
  if (locked !== undefined) out.protection = { locked };
  return out;
}

/** The part of a cell's position that changes its style: which formats cover it and on which edges. */
function styleKey(
  formats: readonly ResolvedFormat[],
  covering: readonly number[],
  row: number,
  column: number,
): string {
  let key = "";
  for (const i of covering) {
    const f = formats[i]!;
    key += `${i}`;
    if (f.style.outline !== undefined) {
      const bits =
        (row === f.rect.top ? 1 : 0) |
        (row === f.rect.bottom ? 2 : 0) |
        (column === f.rect.left ? 4 : 0) |
        (column === f.rect.right ? 8 : 0);
      key += `:${bits}`;
    }
    key += ",";
  }
  return key;
}

/**
 * Applies `formats` to the worksheet cell by cell. Only cells covered by at least one format
 * are touched; cells with equal style share one style object.
 */
export function applyFormats(ws: ExcelJS.Worksheet, formats: readonly ResolvedFormat[]): void {
  if (formats.length === 0) return;
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  const top = Math.min(...formats.map((f) => f.rect.top));
  const bottom = Math.max(...formats.map((f) => f.rect.bottom));
  for (let r = top; r <= bottom; r++) {
    const active: number[] = [];
    formats.forEach((f, i) => {
      if (r >= f.rect.top && r <= f.rect.bottom) active.push(i);
    });
    if (active.length === 0) continue;
    const left = Math.min(...active.map((i) => formats[i]!.rect.left));
    const right = Math.max(...active.map((i) => formats[i]!.rect.right));
    const row = ws.getRow(r);
    for (let c = left; c <= right; c++) {
      const covering = active.filter((i) => c >= formats[i]!.rect.left && c <= formats[i]!.rect.right);
      if (covering.length === 0) continue;
      const key = styleKey(formats, covering, r, c);
      let style = cache.get(key);
      if (!style) {
        style = buildCellStyle(
          covering.map((i) => formats[i]!),
          r,
          c,
        );
        cache.set(key, style);
      }
      row.getCell(c).style = style;
    }
  }
}
