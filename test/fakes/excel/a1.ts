/**
 * The fake's own A1 addresses. Deliberately written apart from src/sheets/formula/a1.ts (issue
 * 13: the fake must not share code with what it checks): a bug there must not hide here.
 * Grid size: 1,048,576 rows × 16,384 columns (XFD), Excel's worksheet limits
 * (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 */
export const GRID_ROWS = 1_048_576;
export const GRID_COLUMNS = 16_384;

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function cellName(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(column)}${d}${row}`;
}

export function rectName(r: Rect, absolute = false): string {
  const a = cellName(r.top, r.left, absolute);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellName(r.bottom, r.right, absolute)}`;
}

/** "B3", "$B$3:C9", "A:C", "2:5" → rectangle; undefined when it is not an address. */
export function readAddress(address: string): Rect | undefined {
  const s = address.replace(/\$/g, "").toUpperCase();
  let m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(s);
  if (m) {
    const r1 = Number(m[2]);
    const c1 = columnNumber(m[1]!);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    return inGrid({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(s);
  if (m) {
    const a = columnNumber(m[1]!);
    const b = columnNumber(m[2]!);
    return inGrid({ top: 1, bottom: GRID_ROWS, left: Math.min(a, b), right: Math.max(a, b) });
  }
  m = /^(\d{1,7}):(\d{1,7})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return inGrid({ top: Math.min(a, b), bottom: Math.max(a, b), left: 1, right: GRID_COLUMNS });
  }
  return undefined;
}

function inGrid(r: Rect): Rect | undefined {
  return r.top >= 1 && r.left >= 1 && r.bottom <= GRID_ROWS && r.right <= GRID_COLUMNS ? r : undefined;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * A sheet name as a formula writes it: bare when it is a plain ASCII identifier, else in apostrophes
 * with inner apostrophes doubled ('Q3 考核'!A1, 'It''s'!A1).
 */
export function sheetPrefix(name: string): string {
  // Only plain ASCII identifiers go bare; quoting any other name is always valid input.
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!$A$1:$B$2" or "'My sheet'!A1" → sheet and rectangle; undefined otherwise. */
export function readSheetAddress(ref: string): { sheet: string; rect: Rect } | undefined {
  const s = ref.startsWith("=") ? ref.slice(1) : ref;
  const bang = s.lastIndexOf("!");
  if (bang < 1) return undefined;
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'")) {
    if (!sheet.endsWith("'") || sheet.length < 3) return undefined;
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const rect = readAddress(s.slice(bang + 1));
  return rect ? { sheet, rect } : undefined;
}

/** readAddress for trusted input (test setup): throws on a bad address. */
export function mustAddress(address: string): Rect {
  const r = readAddress(address);
  if (!r) throw new Error(`not an A1 address: ${address}`);
  return r;
}
