/**
 * 1-based (row, column) → A1 text, for generators. (Parsing A1 text lives in sheets/formula.)
 * `columnLetter(28)` → "AB"; `a1(3, 2)` → "B3"; `a1(3, 2, true)` → "$B$3".
 */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1 || column > 16384) throw new RangeError(`column out of range: ${column}`);
  let n = column;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

export function a1(row: number, column: number, absolute = false): string {
  if (!Number.isInteger(row) || row < 1 || row > 1048576) throw new RangeError(`row out of range: ${row}`);
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(column)}${d}${row}`;
}

/** "B3:D9"; a single cell when both corners are equal. */
export function rangeA1(row1: number, column1: number, row2: number, column2: number, absolute = false): string {
  const start = a1(row1, column1, absolute);
  const end = a1(row2, column2, absolute);
  return start === end ? start : `${start}:${end}`;
}
