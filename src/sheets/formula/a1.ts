/**
 * A1 addresses: column letters ↔ numbers, cells, rectangles, whole columns/rows, sheet-qualified
 * references. Pure helpers shared by both writers, the fake Excel and the LibreOffice harness.
 * Rows and columns are 1-based, as the user sees them.
 */
import { problem, ProblemError } from "../../core/problem";

/** Excel's grid (2007+): 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, inclusive bounds, 1-based. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface CellAddress {
  readonly row: number;
  readonly column: number;
  readonly rowAbsolute: boolean;
  readonly columnAbsolute: boolean;
}

/** An address a generator built wrongly (a bug, never user input): English only, like the address itself. */
export class AddressError extends ProblemError {
  constructor(message: string) {
    super(problem("value", { zh: message, en: message }));
    this.name = "AddressError";
  }
}

/** "A" → 1, "Z" → 26, "AA" → 27, "XFD" → 16384. Case-insensitive. Throws on anything else. */
export function columnToNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new AddressError(`Not a column: "${letters}"`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMNS) throw new AddressError(`Column beyond XFD: "${letters}"`);
  return n;
}

/** 1 → "A", 28 → "AB", 16384 → "XFD". Throws outside 1..16384. */
export function numberToColumn(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_COLUMNS) throw new AddressError(`Column number out of range: ${n}`);
  let s = "";
  let k = n;
  while (k > 0) {
    const r = (k - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    k = Math.floor((k - 1) / 26);
  }
  return s;
}

const CELL_RE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;

/** "B3" / "$B$3" / "b$3" → CellAddress. Throws when not a cell inside the grid. */
export function parseCell(a1: string): CellAddress {
  const m = CELL_RE.exec(a1.trim());
  if (!m) throw new AddressError(`Not a cell address: "${a1}"`);
  const column = columnToNumber(m[2]!);
  const row = Number(m[4]);
  if (row < 1 || row > MAX_ROWS) throw new AddressError(`Row out of range in "${a1}"`);
  return { row, column, columnAbsolute: m[1] === "$", rowAbsolute: m[3] === "$" };
}

export function isCellAddress(a1: string): boolean {
  try {
    parseCell(a1);
    return true;
  } catch {
    return false;
  }
}

/** (3, 2) → "B3"; with `absolute` → "$B$3". */
export function formatCell(row: number, column: number, absolute = false): string {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) throw new AddressError(`Row out of range: ${row}`);
  const d = absolute ? "$" : "";
  return `${d}${numberToColumn(column)}${d}${row}`;
}

/**
 * Parses "B3", "B3:F20", "$A$1:$B$2", "A:C" (whole columns) or "1:4" (whole rows) into a Rect
 * (normalised so top ≤ bottom, left ≤ right). `$` signs are accepted and ignored.
 */
export function parseRange(a1: string): Rect {
  const s = a1.trim();
  const parts = s.split(":");
  if (parts.length === 1) {
    const c = parseCell(parts[0]!);
    return { top: c.row, left: c.column, bottom: c.row, right: c.column };
  }
  if (parts.length !== 2) throw new AddressError(`Not a range: "${a1}"`);
  const [a, b] = parts as [string, string];
  const colOnly = /^\$?([A-Za-z]{1,3})$/;
  const rowOnly = /^\$?(\d{1,7})$/;
  const ca = colOnly.exec(a);
  const cb = colOnly.exec(b);
  if (ca && cb) {
    const l = columnToNumber(ca[1]!);
    const r = columnToNumber(cb[1]!);
    return { top: 1, bottom: MAX_ROWS, left: Math.min(l, r), right: Math.max(l, r) };
  }
  const ra = rowOnly.exec(a);
  const rb = rowOnly.exec(b);
  if (ra && rb) {
    const t = Number(ra[1]);
    const u = Number(rb[1]);
    if (t < 1 || u < 1 || t > MAX_ROWS || u > MAX_ROWS) throw new AddressError(`Row out of range in "${a1}"`);
    return { top: Math.min(t, u), bottom: Math.max(t, u), left: 1, right: MAX_COLUMNS };
  }
  const p = parseCell(a);
  const q = parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    bottom: Math.max(p.row, q.row),
    left: Math.min(p.column, q.column),
    right: Math.max(p.column, q.column),
  };
}

/** Rect → "B3:F20" (or "B3" for one cell); `absolute` → "$B$3:$F$20". */
export function formatRange(rect: Rect, absolute = false): string {
  const tl = formatCell(rect.top, rect.left, absolute);
  if (rect.top === rect.bottom && rect.left === rect.right) return tl;
  return `${tl}:${formatCell(rect.bottom, rect.right, absolute)}`;
}

/** Builds a Rect from a top-left corner and a size. */
export function rectFrom(top: number, left: number, rows: number, columns: number): Rect {
  return { top, left, bottom: top + rows - 1, right: left + columns - 1 };
}

export function rectRows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

export function rectColumns(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export function rectCellCount(rect: Rect): number {
  return rectRows(rect) * rectColumns(rect);
}

export function rectContains(rect: Rect, row: number, column: number): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function rectIntersection(a: Rect, b: Rect): Rect | undefined {
  if (!rectsOverlap(a, b)) return undefined;
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

export function rectInGrid(rect: Rect): boolean {
  return (
    rect.top >= 1 &&
    rect.left >= 1 &&
    rect.bottom <= MAX_ROWS &&
    rect.right <= MAX_COLUMNS &&
    rect.top <= rect.bottom &&
    rect.left <= rect.right
  );
}

/** Visits every cell of a rectangle row by row. */
export function forEachCell(rect: Rect, visit: (row: number, column: number) => void): void {
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) visit(r, c);
  }
}

/** Every cell address of a rectangle, row-major (small ranges only; prefer forEachCell). */
export function* cellsOf(rect: Rect): Generator<{ row: number; column: number; address: string }> {
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) yield { row: r, column: c, address: formatCell(r, c) };
  }
}

/**
 * Quotes a sheet name for use in a reference when needed: `Sheet1` stays, `考核参数` →
 * `'考核参数'`, `O'Brien` → `'O''Brien'`. Names that look like cell references or numbers are
 * quoted too (`'A1'`, `'2026'`), as Excel requires.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeReference(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

function looksLikeReference(name: string): boolean {
  if (isCellAddress(name)) return true;
  // R1C1-style names (R, C, R1, C12, R1C1, RC…) and TRUE/FALSE.
  if (/^(R\d*C?\d*|C\d*)$/i.test(name)) return true;
  return /^(TRUE|FALSE)$/i.test(name);
}

/** `'Sheet'!$A$1:$B$2` (absolute by default). */
export function sheetRangeRef(sheetName: string, rect: Rect, absolute = true): string {
  return `${quoteSheetName(sheetName)}!${formatRange(rect, absolute)}`;
}

/**
 * Parses a sheet-qualified reference such as `='考核参数'!$B$2:$B$5`, `Sheet1!A1` or
 * `'O''Brien'!A1` into the sheet name (unquoted) and the rectangle. Throws when the text is not
 * a single rectangular reference (e.g. a constant or a formula).
 */
export function parseSheetRangeRef(ref: string): { sheetName: string; rect: Rect } {
  let s = ref.trim();
  if (s.startsWith("=")) s = s.slice(1).trim();
  let sheetName: string;
  let rest: string;
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    for (;;) {
      if (i >= s.length) throw new AddressError(`Unterminated sheet name in "${ref}"`);
      const ch = s[i]!;
      if (ch === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        i += 1;
        break;
      }
      name += ch;
      i += 1;
    }
    if (s[i] !== "!") throw new AddressError(`Expected "!" after the sheet name in "${ref}"`);
    sheetName = name;
    rest = s.slice(i + 1);
  } else {
    const bang = s.lastIndexOf("!");
    if (bang <= 0) throw new AddressError(`Not a sheet reference: "${ref}"`);
    sheetName = s.slice(0, bang);
    rest = s.slice(bang + 1);
  }
  return { sheetName, rect: parseRange(rest) };
}
