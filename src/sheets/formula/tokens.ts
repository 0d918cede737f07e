/**
 * A small tokenizer for English-locale A1 formulas, precise about the things that matter when
 * a formula is moved or rewritten: string literals ("…", with "" escapes), quoted sheet names
 * ('…'!, with '' escapes), cell and range references with `$` parts, whole-column (A:C) and
 * whole-row (1:4) ranges, structured references (Table1[Col], [@Col], nested brackets),
 * error literals, numbers, and identifiers (function names, defined names, TRUE/FALSE).
 *
 * An identifier that merely *looks* like a reference is not one when it is followed by "(" or
 * by further name characters: `LOG10(` is a function, `SVC_Grades5` a defined name, `Table1[…]`
 * a structured reference. Everything else is passed through as "other" text, so joining the
 * tokens' `text` always gives back the input exactly.
 */
import { MAX_ROWS, columnToNumber } from "./a1";

export interface CellPart {
  readonly column: number;
  readonly row: number;
  readonly columnAbsolute: boolean;
  readonly rowAbsolute: boolean;
  /** Column letters were written in lower case. */
  readonly lower: boolean;
}

export type RefTarget =
  | { readonly kind: "cell"; readonly start: CellPart; readonly end?: CellPart }
  | { readonly kind: "columns"; readonly start: ColumnPart; readonly end: ColumnPart }
  | { readonly kind: "rows"; readonly start: RowPart; readonly end: RowPart };

export interface ColumnPart {
  readonly column: number;
  readonly absolute: boolean;
  readonly lower: boolean;
}

export interface RowPart {
  readonly row: number;
  readonly absolute: boolean;
}

export type Token =
  | { readonly type: "string"; readonly text: string }
  | { readonly type: "number"; readonly text: string }
  | { readonly type: "error"; readonly text: string }
  /** A reference, possibly sheet-qualified; `sheet` is the raw prefix including "!" (e.g. "'a b'!"). */
  | { readonly type: "ref"; readonly text: string; readonly sheet: string; readonly target: RefTarget }
  /** A sheet prefix that is followed by something other than a reference (e.g. a name). */
  | { readonly type: "sheet"; readonly text: string }
  /** Function name (the "(" is a separate "other" token). */
  | { readonly type: "function"; readonly text: string }
  /** Defined name, table name, TRUE/FALSE or any other identifier. */
  | { readonly type: "name"; readonly text: string }
  /** A bracketed structured or external reference part, copied verbatim. */
  | { readonly type: "bracket"; readonly text: string }
  | { readonly type: "other"; readonly text: string };

const IDENT_START = /[A-Za-z_\\\u00A0-\uFFFF]/;
const IDENT_PART = /[A-Za-z0-9_.\\?\u00A0-\uFFFF]/;

function isIdentPart(ch: string | undefined): boolean {
  return ch !== undefined && IDENT_PART.test(ch);
}

const CELL_AT = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const COLS_AT = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/;
const ROWS_AT = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})/;

function cellPart(m: RegExpExecArray): CellPart | undefined {
  let column: number;
  try {
    column = columnToNumber(m[2]!);
  } catch {
    return undefined;
  }
  const row = Number(m[4]);
  if (row < 1 || row > MAX_ROWS) return undefined;
  return { column, row, columnAbsolute: m[1] === "$", rowAbsolute: m[3] === "$", lower: m[2] === m[2]!.toLowerCase() };
}

/** A match is a reference only when the next character cannot continue a name or call. */
function endsCleanly(s: string, at: number): boolean {
  const next = s[at];
  return !(isIdentPart(next) || next === "(" || next === "[" || next === "!");
}

/** Tries to read a reference (cell, cell:cell, A:C or 1:4) at `i`; returns its target and length. */
function readRef(s: string, i: number): { target: RefTarget; length: number } | undefined {
  const rest = s.slice(i, i + 40);
  const cm = CELL_AT.exec(rest);
  if (cm) {
    const start = cellPart(cm);
    const len1 = cm[0].length;
    if (start && endsCleanly(s, i + len1)) {
      if (s[i + len1] === ":") {
        const em = CELL_AT.exec(s.slice(i + len1 + 1, i + len1 + 41));
        if (em) {
          const end = cellPart(em);
          const len2 = len1 + 1 + em[0].length;
          if (end && endsCleanly(s, i + len2)) return { target: { kind: "cell", start, end }, length: len2 };
        }
      }
      return { target: { kind: "cell", start }, length: len1 };
    }
  }
  const colm = COLS_AT.exec(rest);
  if (colm && endsCleanly(s, i + colm[0].length)) {
    try {
      const a = columnToNumber(colm[2]!);
      const b = columnToNumber(colm[4]!);
      return {
        target: {
          kind: "columns",
          start: { column: a, absolute: colm[1] === "$", lower: colm[2] === colm[2]!.toLowerCase() },
          end: { column: b, absolute: colm[3] === "$", lower: colm[4] === colm[4]!.toLowerCase() },
        },
        length: colm[0].length,
      };
    } catch {
      /* not columns */
    }
  }
  const rowm = ROWS_AT.exec(rest);
  if (rowm && endsCleanly(s, i + rowm[0].length)) {
    const a = Number(rowm[2]);
    const b = Number(rowm[4]);
    if (a >= 1 && b >= 1 && a <= MAX_ROWS && b <= MAX_ROWS) {
      return {
        target: {
          kind: "rows",
          start: { row: a, absolute: rowm[1] === "$" },
          end: { row: b, absolute: rowm[3] === "$" },
        },
        length: rowm[0].length,
      };
    }
  }
  return undefined;
}

function readQuoted(s: string, i: number, quote: string): number {
  // returns index just after the closing quote (or end of string when unterminated)
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === quote) {
      if (s[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j += 1;
  }
  return s.length;
}

function readBracket(s: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < s.length) {
    const ch = s[j]!;
    if (ch === "'") {
      // escape character inside structured references: the next character is literal
      j += 2;
      continue;
    }
    if (ch === "[") depth += 1;
    else if (ch === "]") {
      depth -= 1;
      if (depth === 0) return j + 1;
    }
    j += 1;
  }
  return s.length;
}

/** Splits a formula (with or without its leading "=") into tokens; `tokens.map(t => t.text).join("")` is the input. */
export function tokenizeFormula(formula: string): Token[] {
  const s = formula;
  const out: Token[] = [];
  let i = 0;
  let other = "";
  const flush = () => {
    if (other) {
      out.push({ type: "other", text: other });
      other = "";
    }
  };
  const pushRefAfterSheet = (sheet: string, start: number): number => {
    const ref = readRef(s, start);
    if (ref) {
      out.push({ type: "ref", text: sheet + s.slice(start, start + ref.length), sheet, target: ref.target });
      return start + ref.length;
    }
    out.push({ type: "sheet", text: sheet });
    return start;
  };
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '"') {
      flush();
      const j = readQuoted(s, i, '"');
      out.push({ type: "string", text: s.slice(i, j) });
      i = j;
      continue;
    }
    if (ch === "'") {
      flush();
      const j = readQuoted(s, i, "'");
      if (s[j] === "!") {
        i = pushRefAfterSheet(s.slice(i, j + 1), j + 1);
      } else {
        out.push({ type: "other", text: s.slice(i, j) });
        i = j;
      }
      continue;
    }
    if (ch === "[") {
      flush();
      const j = readBracket(s, i);
      out.push({ type: "bracket", text: s.slice(i, j) });
      i = j;
      continue;
    }
    if (ch === "#") {
      const m =
        /^#(N\/A|NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i.exec(
          s.slice(i, i + 16),
        );
      if (m) {
        flush();
        out.push({ type: "error", text: m[0] });
        i += m[0].length;
        continue;
      }
      other += ch;
      i += 1;
      continue;
    }
    if (ch === "$" || (ch >= "0" && ch <= "9") || /[A-Za-z]/.test(ch)) {
      const ref = readRef(s, i);
      if (ref) {
        flush();
        out.push({ type: "ref", text: s.slice(i, i + ref.length), sheet: "", target: ref.target });
        i += ref.length;
        continue;
      }
    }
    if ((ch >= "0" && ch <= "9") || (ch === "." && /[0-9]/.test(s[i + 1] ?? ""))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i));
      flush();
      out.push({ type: "number", text: m![0] });
      i += m![0].length;
      continue;
    }
    if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < s.length && isIdentPart(s[j])) j += 1;
      const word = s.slice(i, j);
      flush();
      if (s[j] === "!") {
        i = pushRefAfterSheet(s.slice(i, j + 1), j + 1);
        continue;
      }
      out.push({ type: s[j] === "(" ? "function" : "name", text: word });
      i = j;
      continue;
    }
    other += ch;
    i += 1;
  }
  flush();
  return out;
}
