/**
 * Moving formulas the way Excel's fill and copy/paste do: relative parts of every reference move
 * by the offset, `$` parts stay, names, functions, string literals and structured references are
 * untouched. A reference pushed off the grid becomes #REF! (as in Excel).
 */
import { MAX_COLUMNS, MAX_ROWS, numberToColumn, quoteSheetName } from "./a1";
import { tokenizeFormula, type CellPart, type ColumnPart, type RefTarget, type RowPart, type Token } from "./tokens";

function colText(column: number, lower: boolean): string {
  const s = numberToColumn(column);
  return lower ? s.toLowerCase() : s;
}

function shiftCell(p: CellPart, dr: number, dc: number): string | undefined {
  const row = p.rowAbsolute ? p.row : p.row + dr;
  const column = p.columnAbsolute ? p.column : p.column + dc;
  if (row < 1 || row > MAX_ROWS || column < 1 || column > MAX_COLUMNS) return undefined;
  return `${p.columnAbsolute ? "$" : ""}${colText(column, p.lower)}${p.rowAbsolute ? "$" : ""}${row}`;
}

function shiftColumn(p: ColumnPart, dc: number): string | undefined {
  const column = p.absolute ? p.column : p.column + dc;
  if (column < 1 || column > MAX_COLUMNS) return undefined;
  return `${p.absolute ? "$" : ""}${colText(column, p.lower)}`;
}

function shiftRow(p: RowPart, dr: number): string | undefined {
  const row = p.absolute ? p.row : p.row + dr;
  if (row < 1 || row > MAX_ROWS) return undefined;
  return `${p.absolute ? "$" : ""}${row}`;
}

function shiftTarget(t: RefTarget, dr: number, dc: number): string | undefined {
  switch (t.kind) {
    case "cell": {
      const a = shiftCell(t.start, dr, dc);
      if (a === undefined) return undefined;
      if (!t.end) return a;
      const b = shiftCell(t.end, dr, dc);
      return b === undefined ? undefined : `${a}:${b}`;
    }
    case "columns": {
      const a = shiftColumn(t.start, dc);
      const b = shiftColumn(t.end, dc);
      return a === undefined || b === undefined ? undefined : `${a}:${b}`;
    }
    case "rows": {
      const a = shiftRow(t.start, dr);
      const b = shiftRow(t.end, dr);
      return a === undefined || b === undefined ? undefined : `${a}:${b}`;
    }
  }
}

/** Shifts one token; non-reference tokens come back unchanged. */
export function shiftToken(token: Token, rowOffset: number, colOffset: number): string {
  if (token.type !== "ref") return token.text;
  const moved = shiftTarget(token.target, rowOffset, colOffset);
  return token.sheet + (moved ?? "#REF!");
}

/**
 * `shiftFormula("=A1+$B$1+B$2", 2, 1)` → `"=B3+$B$1+C$2"`. Works with or without the leading
 * "=". Quoted sheet names, string literals, functions (`LOG10(`), defined names (`SVC_Grades5`),
 * structured references (`Table1[Col]`) and error literals are left exactly as written.
 */
export function shiftFormula(formula: string, rowOffset: number, colOffset: number): string {
  if (rowOffset === 0 && colOffset === 0) return formula;
  let out = "";
  for (const t of tokenizeFormula(formula)) out += shiftToken(t, rowOffset, colOffset);
  return out;
}

/**
 * Renames a table in structured references: `Old[Col]` → `New[Col]` (case-insensitive match on
 * the table name, only where it is directly followed by "["). Used when a writer has to give a
 * plan's table a unique name.
 */
export function renameTableInFormula(formula: string, oldName: string, newName: string): string {
  const tokens = tokenizeFormula(formula);
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.type === "name" && next?.type === "bracket" && t.text.toLowerCase() === oldName.toLowerCase()) out += newName;
    else out += t.text;
  }
  return out;
}

/** The references a formula contains (for checks and tests). */
export function formulaReferences(formula: string): Extract<Token, { type: "ref" }>[] {
  return tokenizeFormula(formula).filter((t): t is Extract<Token, { type: "ref" }> => t.type === "ref");
}

/**
 * Tokenizes once and returns a function that shifts by any offset — for filling one formula
 * over many cells (100,000 rows) without re-tokenizing each time.
 */
export function makeShifter(formula: string): (rowOffset: number, colOffset: number) => string {
  const tokens = tokenizeFormula(formula);
  if (!tokens.some((t) => t.type === "ref")) return () => formula;
  return (rowOffset, colOffset) => {
    if (rowOffset === 0 && colOffset === 0) return formula;
    let out = "";
    for (const t of tokens) out += shiftToken(t, rowOffset, colOffset);
    return out;
  };
}

/** The sheet name of a raw prefix ("'O''Brien'!" → "O'Brien", "Sheet1!" → "Sheet1"). */
function prefixSheetName(prefix: string): string {
  const body = prefix.slice(0, -1);
  return body.startsWith("'") ? body.slice(1, -1).replace(/''/g, "'") : body;
}

/**
 * Points sheet-qualified references at a renamed sheet: with `Sheet → Sheet (2)`,
 * `=Sheet!A1+'Sheet'!B2` becomes `='Sheet (2)'!A1+'Sheet (2)'!B2`. Names compare ignoring
 * case, as Excel does. Used when a writer has to give a plan's sheet a unique name, so the
 * plan's other formulas keep meaning *its* sheet, not a user's sheet of the same name.
 */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  const lower = oldName.toLowerCase();
  let out = "";
  for (const t of tokenizeFormula(formula)) {
    const prefix = t.type === "ref" ? t.sheet : t.type === "sheet" ? t.text : "";
    if (prefix && prefixSheetName(prefix).toLowerCase() === lower)
      out += `${quoteSheetName(newName)}!${t.text.slice(prefix.length)}`;
    else out += t.text;
  }
  return out;
}
