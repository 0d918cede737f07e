/**
 * Ranges in, ranges out. Excel passes every matrix parameter as rows of cells (a single
 * value as [[v]], a blank cell as null, an omitted optional argument as undefined or null).
 * These helpers normalise arguments and broadcast them the way Excel does for its own
 * functions: each argument is a single cell, or spans the result's rows and/or columns.
 */
import { text, type Text } from "../core/i18n/text";
import { fail, ok, type Result } from "../core/problem";
import { isBlank } from "../core/values/blank";

export type Matrix = readonly (readonly unknown[])[];

/**
 * Normalises an argument: `undefined`/`null` → `null` (omitted); a 2-D array → itself;
 * a 1-D array → one row; anything else → a 1×1 matrix.
 */
export function asMatrix(arg: unknown): Matrix | null {
  if (arg === undefined || arg === null) return null;
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return [];
  if (arg.every((r) => Array.isArray(r))) return arg as unknown[][];
  return [arg];
}

export function rowsOf(m: Matrix): number {
  return m.length;
}

export function colsOf(m: Matrix): number {
  let c = 0;
  for (const r of m) if (Array.isArray(r) && r.length > c) c = r.length;
  return c;
}

/** An optional argument left out: omitted, or a single blank cell. */
export function isOmitted(m: Matrix | null): boolean {
  return m === null || (m.length === 1 && colsOf(m) <= 1 && isBlank(m[0]?.[0]));
}

/** The cell at (r, c), with single rows/columns repeated (broadcast). Missing cells read as null. */
export function at(m: Matrix, r: number, c: number): unknown {
  const row = m.length === 1 ? m[0] : m[r];
  if (!Array.isArray(row)) return null;
  const v = row.length === 1 ? row[0] : row[c];
  return v === undefined ? null : v;
}

/** Row-major flattening. */
export function flatten(m: Matrix): unknown[] {
  const out: unknown[] = [];
  const cols = colsOf(m);
  for (let r = 0; r < m.length; r++) for (let c = 0; c < cols; c++) out.push(m[r][c] === undefined ? null : m[r][c]);
  return out;
}

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

export interface NamedArg {
  readonly name: Text;
  readonly m: Matrix;
}

function shapeText(m: Matrix): string {
  return `${rowsOf(m)}×${colsOf(m)}`;
}

/**
 * The result's shape: every argument must be 1×1, or have the result's number of rows
 * (or 1 row) and columns (or 1 column). Empty ranges and mismatches are a problem of kind
 * "value" naming the arguments and their shapes.
 *
 * @example
 * broadcastShape([{ name: score, m: [[1], [2], [3]] }, { name: bands, m: [[5]] }]) // → ok({ rows: 3, cols: 1 })
 */
export function broadcastShape(args: readonly NamedArg[]): Result<Shape> {
  let rows = 1;
  let cols = 1;
  let rowsFrom: NamedArg | null = null;
  let colsFrom: NamedArg | null = null;
  for (const a of args) {
    const r = rowsOf(a.m);
    const c = colsOf(a.m);
    if (r === 0 || c === 0) return fail("value", text(`${a.name.zh}是空区域`, `${a.name.en} is an empty range`));
    if (r !== 1) {
      if (rowsFrom && r !== rows) return mismatch(rowsFrom, a);
      rows = r;
      rowsFrom = a;
    }
    if (c !== 1) {
      if (colsFrom && c !== cols) return mismatch(colsFrom, a);
      cols = c;
      colsFrom = a;
    }
  }
  return ok({ rows, cols });
}

function mismatch(a: NamedArg, b: NamedArg): Result<never> {
  return fail(
    "value",
    text(
      `区域大小不匹配：${a.name.zh}为 ${shapeText(a.m)}，${b.name.zh}为 ${shapeText(b.m)}；每个参数须为单个单元格或与其他参数行列数相同`,
      `ranges differ in size: ${a.name.en} is ${shapeText(a.m)}, ${b.name.en} is ${shapeText(b.m)}; each argument must be one cell or match the others' rows/columns`,
    ),
  );
}

/** A rows×cols grid filled by `f(r, c)`. */
export function fill<T>(shape: Shape, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array<T[]>(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: T[] = new Array<T>(shape.cols);
    for (let c = 0; c < shape.cols; c++) row[c] = f(r, c);
    out[r] = row;
  }
  return out;
}
