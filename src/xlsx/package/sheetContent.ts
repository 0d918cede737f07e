/**
 * The final content of a prepared sheet, produced row by row, in row order, without holding the
 * sheet in memory: the same answer as `finalCells` (src/sheets/formula/prepare.ts) — blocks in
 * plan order (later wins, null leaves a cell alone, "" empties it), then fills, then the marker;
 * merged ranges keep only their top-left cell; table headers become their text names and a
 * totals row gets its label — but computed for one row at a time by sweeping the blocks, fills,
 * merges and tables that cover that row. A test holds the two to the same cells.
 *
 * Fills stay fills here (with their offsets), so the sheet writer can store them as one shared
 * formula per fill instead of one formula text per cell.
 */
import { parseCell, parseRange, type Rect } from "../../sheets/formula/a1";
import { PlanError, TABLE_TOTALS_LABEL, tableHeaderNames, type PreparedSheet } from "../../sheets/formula/prepare";
import { makeShifter } from "../../sheets/formula/shift";
import { tokenizeFormula } from "../../sheets/formula/tokens";
import { rowsWidth } from "../../sheets/formula/lazyRows";
import { text } from "../../core/i18n/text";
import { isFormulaCell, type Expected, type FormulaFill, type PlanCell } from "../../sheets/plan";

/** A literal value (strings are always text). */
export interface ValueContent {
  readonly kind: "value";
  readonly value: string | number | boolean;
}

/** A formula given in full (a block's formula cell, or a fill cell written out). */
export interface FormulaContent {
  readonly kind: "formula";
  readonly f: string;
  readonly expect?: Expected;
}

/** A cell of a fill that is stored as a shared formula (`FillInfo.shared`). */
export interface FillContent {
  readonly kind: "fill";
  readonly fill: FillInfo;
  readonly rowOffset: number;
  readonly columnOffset: number;
  readonly expect?: Expected;
}

export type CellContent = ValueContent | FormulaContent | FillContent;

export interface FillInfo {
  readonly index: number;
  readonly rect: Rect;
  readonly plan: FormulaFill;
  /** Stored as one shared formula: its top-left cell survives and the formula has no structured reference. */
  readonly shared: boolean;
  /** The formula of the cell at an offset (the shifter is built once per fill). */
  formulaAt(rowOffset: number, columnOffset: number): string;
}

interface PlacedBlock {
  readonly top: number;
  readonly left: number;
  readonly count: number;
  readonly index: number;
  readonly source: PreparedSheet["plan"]["cells"][number];
}

interface TableInfo {
  readonly rect: Rect;
  readonly showTotals: boolean;
  /** Header names (text), decided before any row is written. */
  readonly headers: readonly string[];
}

/** Rows with anything a row element must show: content; the sheet writer adds formats and row specs. */
export interface SheetContent {
  /** Last row and column that hold content (tables' totals rows included). */
  readonly extent: { readonly rows: number; readonly columns: number };
  readonly fills: readonly FillInfo[];
  readonly tables: readonly TableInfo[];
  /** The cells of one row, by column. Call with ascending rows (the sweep keeps state). */
  row(r: number): Map<number, CellContent>;
}

function hasStructuredReference(formula: string): boolean {
  return tokenizeFormula(formula).some((t) => t.type === "bracket");
}

function covers(rect: Rect, row: number, column: number): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

export function sheetContent(prepared: PreparedSheet): SheetContent {
  const plan = prepared.plan;
  const marker = parseCell(plan.markerCell);
  const merges = (plan.merges ?? []).map((m) => parseRange(m));
  const tableRects = (plan.tables ?? []).map((t) => ({ rect: parseRange(t.range), showTotals: t.showTotals ?? false }));

  const blocks: PlacedBlock[] = plan.cells.map((b, index) => {
    const at = parseRange(b.at);
    return { top: at.top, left: at.left, count: b.rows.length, index, source: b };
  });
  const byTop = [...blocks].sort((a, b) => a.top - b.top || a.index - b.index);

  /** Is (row, column) emptied or replaced after the fills are applied? */
  const overwrittenAfterFill = (fillIndex: number, row: number, column: number): boolean =>
    (plan.fills ?? []).some((f, j) => j > fillIndex && covers(parseRange(f.range), row, column)) ||
    (marker.row === row && marker.column === column) ||
    merges.some((m) => covers(m, row, column) && !(m.top === row && m.left === column)) ||
    tableRects.some(
      (t) =>
        (t.rect.top === row && column >= t.rect.left && column <= t.rect.right) ||
        (t.showTotals && t.rect.bottom + 1 === row && column >= t.rect.left && column <= t.rect.right),
    );

  const fills: FillInfo[] = (plan.fills ?? []).map((f, index) => {
    const rect = parseRange(f.range);
    const shifter = makeShifter(f.formula);
    const single = rect.top === rect.bottom && rect.left === rect.right;
    return {
      index,
      rect,
      plan: f,
      shared: !single && !hasStructuredReference(f.formula) && !overwrittenAfterFill(index, rect.top, rect.left),
      formulaAt: shifter,
    };
  });

  // Sweep state: blocks and fills whose rows have started, dropped once passed.
  let nextBlock = 0;
  let active: PlacedBlock[] = [];
  let lastRow = 0;

  const compose = (r: number, activeBlocks: readonly PlacedBlock[]): Map<number, CellContent> => {
    const cells = new Map<number, CellContent>();
    for (const b of activeBlocks) {
      const values = b.source.rows[r - b.top]!;
      for (let i = 0; i < values.length; i++) {
        const cell: PlanCell | undefined = values[i];
        if (cell === null || cell === undefined) continue;
        const c = b.left + i;
        if (isFormulaCell(cell))
          cells.set(
            c,
            cell.expect === undefined
              ? { kind: "formula", f: cell.f }
              : { kind: "formula", f: cell.f, expect: cell.expect },
          );
        else if (cell === "") cells.delete(c);
        else cells.set(c, { kind: "value", value: cell });
      }
    }
    for (const fill of fills) {
      const { rect } = fill;
      if (r < rect.top || r > rect.bottom) continue;
      const expectRow = fill.plan.expect?.[r - rect.top];
      for (let c = rect.left; c <= rect.right; c++) {
        const expect = expectRow?.[c - rect.left];
        if (fill.shared) {
          cells.set(c, {
            kind: "fill",
            fill,
            rowOffset: r - rect.top,
            columnOffset: c - rect.left,
            ...(expect === undefined ? {} : { expect }),
          });
        } else {
          const f = fill.formulaAt(r - rect.top, c - rect.left);
          cells.set(c, expect === undefined ? { kind: "formula", f } : { kind: "formula", f, expect });
        }
      }
    }
    if (r === marker.row) cells.set(marker.column, { kind: "value", value: prepared.markerJson });
    for (const m of merges) {
      if (r < m.top || r > m.bottom) continue;
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) cells.delete(c);
    }
    return cells;
  };

  const activeAt = (r: number): PlacedBlock[] =>
    blocks.filter((b) => r >= b.top && r < b.top + b.count).sort((a, b) => a.index - b.index);

  // Table headers are decided first (a formula in a header row is a plan error, found before writing).
  const tables: TableInfo[] = tableRects.map((t, ti) => {
    const cells = compose(t.rect.top, activeAt(t.rect.top));
    const values: (string | number | boolean | null)[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      const cell = cells.get(c);
      if (cell && cell.kind !== "value") {
        const name = plan.tables![ti]!.name;
        throw new PlanError(
          text(`表格 ${name} 的标题行不能是公式`, `The header row of table ${name} may not hold formulas`),
        );
      }
      values.push(cell ? cell.value : null);
    }
    return { ...t, headers: tableHeaderNames(values) };
  });

  let rows = marker.row;
  let columns = marker.column;
  for (const b of blocks) {
    if (b.count === 0) continue;
    rows = Math.max(rows, b.top + b.count - 1);
    const width = rowsWidth(b.source.rows);
    if (width > 0) columns = Math.max(columns, b.left + width - 1);
  }
  for (const f of fills) {
    rows = Math.max(rows, f.rect.bottom);
    columns = Math.max(columns, f.rect.right);
  }
  for (const t of tables) {
    rows = Math.max(rows, t.rect.bottom + 1);
    columns = Math.max(columns, t.rect.right);
  }

  return {
    extent: { rows, columns },
    fills,
    tables,
    row(r: number): Map<number, CellContent> {
      if (r <= lastRow) throw new RangeError(`rows must be asked for in ascending order (${r} after ${lastRow})`);
      {
        active = active.filter((b) => r < b.top + b.count);
        let added = false;
        while (nextBlock < byTop.length && byTop[nextBlock]!.top <= r) {
          const b = byTop[nextBlock++]!;
          if (r < b.top + b.count) {
            active.push(b);
            added = true;
          }
        }
        if (added) active.sort((a, b) => a.index - b.index);
      }
      lastRow = r;
      const cells = compose(r, active);
      for (const t of tables) {
        if (r === t.rect.top) t.headers.forEach((h, i) => cells.set(t.rect.left + i, { kind: "value", value: h }));
        if (t.showTotals && r === t.rect.bottom + 1) {
          for (let c = t.rect.left; c <= t.rect.right; c++) cells.delete(c);
          cells.set(t.rect.left, { kind: "value", value: TABLE_TOTALS_LABEL });
        }
      }
      return cells;
    },
  };
}
