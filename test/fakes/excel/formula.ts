/**
 * The fake's Excel formula grammar: what `Range.formulas` (and conditional-format and
 * data-validation formulas) accept, written apart from src/sheets/formula/tokens.ts and
 * shift.ts so the fake checks them instead of repeating them (issue 13).
 *
 * Rules, each with its source:
 * - Formulas set through the API are in English (en-US) A1 notation with "," between arguments:
 *   `Range.formulas` "Represents the formula in A1-style notation"; the locale form is
 *   `formulasLocal` ("=SUMME(A1; 1,5)" in German) — Excel.Range reference,
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member .
 *   A ";" between arguments is therefore refused.
 * - Function names: those Excel knows (./functions.ts, with the version that introduced each);
 *   a function newer than the oldest Excel the workbook must open in is refused, and so is an
 *   unknown name — Excel itself accepts the text and shows #NAME? ("_xlfn. prefix is displayed
 *   in front of a formula … the formula displays #NAME?",
 *   https://support.microsoft.com/excel/issue-an-xlfn-prefix-is-displayed-in-front-of-a-formula);
 *   the fake refuses so that a test fails instead of a cell silently showing #NAME?.
 * - `_xlfn.` is the file format's marker for functions newer than Excel 2007 (MS-XLSX 2.2.2,
 *   https://learn.microsoft.com/openspecs/office_standards/ms-xlsx/5d1b6d44-6fc1-4ecd-8fef-0b27406cc2bf);
 *   typed or set through the API it is not a function name, so the formula shows #NAME? (same
 *   support page). Refused.
 * - Sheet names in references: bare only when they are plain identifiers, otherwise in
 *   apostrophes with inner apostrophes doubled, and the sheet must exist.
 * - Structured references ("Using structured references with Excel tables", syntax rules,
 *   https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e):
 *   a column header holding any of  tab, line feed, carriage return, , : . [ ] # ' " { } $ ^ & * + = - > < /
 *   must be written in an extra pair of brackets (Table[[Total$Amount]]); a space alone does
 *   not need them; [ ] # ' inside a specifier are escaped with a leading '. The table must
 *   exist and the column must be one of its headers.
 */
import { readAddress } from "./a1";
import { functionEntry, newerThan, type ExcelVersion } from "./functions";

export interface FormulaWorld {
  /** The headers of a table by name (case-insensitive), undefined when there is no such table. */
  tableHeaders(name: string): readonly string[] | undefined;
  sheetExists(name: string): boolean;
  /** Custom functions registered by add-ins (upper case, e.g. "SVC.WEIGHTED"). */
  readonly customFunctions: ReadonlySet<string>;
  /** The oldest Excel the workbook must work in; newer functions are refused. */
  readonly oldestExcel: ExcelVersion;
  /**
   * Does the workbook define this name? Absent: names are not checked. A formula using a name
   * that does not exist shows #NAME? in Excel ("#NAME? error … the formula refers to a name that
   * does not exist", https://support.microsoft.com/office/how-to-correct-a-name-error-b6d54e31-a743-4d7d-9b61-40002a7b4286);
   * the fake refuses it.
   */
  nameExists?(name: string): boolean;
  /**
   * Unknown functions (an add-in's custom functions that are not registered) are accepted and
   * compute to #NAME?, as Excel does, instead of being refused (the default, which makes a test
   * fail loudly). For the self-check's "functions not registered" case.
   */
  readonly unknownFunctionsAsNameError?: boolean;
}

export class FormulaError extends Error {}

type TokenKind =
  | "number"
  | "string"
  | "bool"
  | "error"
  | "ref" // A1, $A$1, A:A, 1:1 (ranges of two cells are ref ":" ref)
  | "sheet" // Sheet1! or 'My sheet'!
  | "func" // NAME(  — text without "("
  | "name"
  | "table" // Table[...] whole text
  | "thisrow" // [@Col] or [Col] without a table (inside a table only)
  | "array"
  | "op"
  | "open"
  | "close"
  | "comma"
  | "space";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"];
const IDENT = /[A-Za-z0-9_.\\?\u00A0-\uFFFF$]/;

function fail(message: string): never {
  throw new FormulaError(message);
}

/** Splits "=…" into tokens; throws FormulaError on text Excel cannot read at all. */
export function tokens(formula: string): Token[] {
  if (!formula.startsWith("=")) fail("a formula starts with =");
  const s = formula.slice(1);
  const out: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, text: string) => {
    out.push({ kind, text });
    i += text.length;
  };
  while (i < s.length) {
    const ch = s[i]!;
    const rest = s.slice(i);
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      push("space", /^[ \n\r\t]+/.exec(rest)![0]);
    } else if (ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= s.length) fail(`unterminated string at ${i + 1}`);
        if (s[j] === '"') {
          if (s[j + 1] === '"') j += 2;
          else break;
        } else j += 1;
      }
      push("string", s.slice(i, j + 1));
    } else if (ch === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= s.length) fail(`unterminated quoted sheet name at ${i + 1}`);
        if (s[j] === "'") {
          if (s[j + 1] === "'") j += 2;
          else break;
        } else j += 1;
      }
      if (s[j + 1] !== "!") fail(`a quoted name must be a sheet followed by "!" at ${i + 1}`);
      push("sheet", s.slice(i, j + 2));
    } else if (ch === "#") {
      const e = ERRORS.find((x) => rest.toUpperCase().startsWith(x));
      if (!e) fail(`unknown error literal at ${i + 1}`);
      push("error", rest.slice(0, e.length));
    } else if (ch === "{") {
      const j = s.indexOf("}", i);
      if (j < 0) fail("unterminated array constant");
      push("array", s.slice(i, j + 1));
    } else if (ch === "[") {
      push("thisrow", bracketBody(s, i));
    } else if (/^\d[A-Za-z0-9_.]*!/.test(rest)) {
      push("sheet", /^\d[A-Za-z0-9_.]*!/.exec(rest)![0]);
    } else if (/[0-9.]/.test(ch)) {
      const range = /^\$?\d{1,7}:\$?\d{1,7}(?![0-9.A-Za-z(])/.exec(rest);
      if (range) push("ref", range[0]);
      else {
        const n = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
        if (!n) fail(`bad number at ${i + 1}`);
        push("number", n[0]);
      }
    } else if (ch === ";") {
      fail('";" between arguments: Range.formulas takes en-US formulas, whose separator is ","');
    } else if (ch === ",") push("comma", ",");
    else if (ch === "(") push("open", "(");
    else if (ch === ")") push("close", ")");
    else if (/^(<=|>=|<>)/.test(rest)) push("op", rest.slice(0, 2));
    else if ("+-*/^&=<>%:".includes(ch)) push("op", ch);
    else if (IDENT.test(ch)) {
      const colRange = /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_.(!\[])/.exec(rest);
      if (colRange) {
        push("ref", colRange[0]);
        continue;
      }
      let j = i;
      while (j < s.length && IDENT.test(s[j]!)) j += 1;
      const word = s.slice(i, j);
      const next = s[j];
      if (next === "!") push("sheet", `${word}!`);
      else if (next === "(") push("func", word);
      else if (next === "[") push("table", word + bracketBody(s, j));
      else if (/^\$?[A-Za-z]{1,3}\$?\d{1,7}$/.test(word) && readAddress(word)) push("ref", word);
      else if (/^(TRUE|FALSE)$/i.test(word)) push("bool", word);
      else if (word.includes("$")) fail(`"${word}" is neither a reference nor a name`);
      else push("name", word);
    } else fail(`unexpected "${ch}" at ${i + 1}`);
  }
  return out;
}

/** The bracketed specifier starting at s[i] === "[", with its brackets; "'" escapes one character. */
function bracketBody(s: string, i: number): string {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === "'") {
      j += 1;
      continue;
    }
    if (c === "[") depth += 1;
    else if (c === "]") {
      depth -= 1;
      if (depth === 0) return s.slice(i, j + 1);
    }
  }
  return fail("unbalanced [ ] in a structured reference");
}

const SPECIAL = /[\t\n\r,:.[\]#'"{}$^&*+=\-><\/]/;
const ITEMS = new Set(["#ALL", "#DATA", "#HEADERS", "#TOTALS", "#THIS ROW"]);

/** Unescapes a column name written inside brackets; refuses an unescaped [ ] # '. */
function columnName(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === "'") {
      if (i + 1 >= raw.length) fail(`a lone "'" ends the column specifier [${raw}]`);
      out += raw[i + 1];
      i += 1;
    } else if (c === "[" || c === "]" || c === "#") fail(`"${c}" in a column specifier must be escaped as "'${c}"`);
    else out += c;
  }
  return out;
}

/** Checks the specifier of Table[...] against the table's headers. */
function checkStructured(text: string, world: FormulaWorld): void {
  const open = text.indexOf("[");
  const table = text.slice(0, open);
  const body = text.slice(open + 1, -1);
  const headers = world.tableHeaders(table);
  if (!headers) fail(`the formula references a table that does not exist: ${table}`);
  const known = new Set(headers.map((h) => h.toLowerCase()));
  const column = (name: string) => {
    if (!known.has(name.toLowerCase())) fail(`table ${table} has no column "${name}"`);
  };
  if (body === "") return; // Table[] = the data body
  if (!body.startsWith("[") && !body.startsWith("@[")) {
    // Simple form: one item or one column, no inner brackets.
    if (body.toUpperCase().startsWith("#")) {
      if (!ITEMS.has(body.toUpperCase())) fail(`unknown special item ${body}`);
      return;
    }
    const name = body.startsWith("@") ? body.slice(1) : body;
    if (SPECIAL.test(name.replace(/'[[\]#']/g, "")))
      fail(`column "${name}" has special characters: Excel requires ${table}[[${name}]]`);
    column(columnName(name));
    return;
  }
  // Compound form: [item],[col] or [col]:[col] or [@[col]]; split into bracketed parts.
  const parts: string[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === " " || c === "," || c === ":" || c === "@") {
      i += 1;
      continue;
    }
    if (c !== "[") fail(`unexpected "${c}" in ${text}`);
    const part = bracketBody(body, i);
    parts.push(part.slice(1, -1));
    i += part.length;
  }
  for (const p of parts) {
    if (p.startsWith("#")) {
      if (!ITEMS.has(p.toUpperCase())) fail(`unknown special item [${p}]`);
    } else column(columnName(p));
  }
}

/**
 * Checks a formula the way Excel reads one set through the API; throws FormulaError naming the
 * first problem. `inTable` is the table the cell lies in (for [@Col] references).
 */
export function checkFormula(formula: string, world: FormulaWorld, inTable?: string): void {
  const all = tokens(formula);
  let previous: Token | undefined;
  for (const t of all) {
    const afterSheet = previous?.kind === "sheet";
    if (t.kind !== "space") previous = t;
    if (t.kind === "name" && !afterSheet && world.nameExists && !world.nameExists(t.text))
      fail(`the formula uses the name ${t.text}, which the workbook does not define: Excel would show #NAME?`);
    if (t.kind === "sheet") {
      const raw = t.text.slice(0, -1);
      const name = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
      if (!raw.startsWith("'") && (/^\d/.test(raw) || /^[A-Za-z]{1,3}\d+$/.test(raw)))
        fail(`sheet name ${raw} must be quoted: '${raw}'!`);
      if (!world.sheetExists(name)) fail(`the formula references a sheet that does not exist: ${name}`);
    } else if (t.kind === "table") checkStructured(t.text, world);
    else if (t.kind === "thisrow") {
      if (!inTable) fail(`${t.text} without a table name is only valid inside a table`);
      checkStructured(`${inTable}${t.text}`, world);
    } else if (t.kind === "func") {
      const name = t.text;
      if (/^_xl(fn|ws|udf)\./i.test(name))
        fail(`"${name}": the _xlfn. prefix belongs to the file format; through the API Excel shows #NAME?`);
      if (world.customFunctions.has(name.toUpperCase())) continue;
      const entry = functionEntry(name);
      if (!entry && world.unknownFunctionsAsNameError) continue;
      if (!entry) fail(`unknown function ${name}: Excel would show #NAME?`);
      if (newerThan(entry[0], world.oldestExcel))
        fail(`${name} arrived in Excel ${entry[0]}; the workbook must work in Excel ${world.oldestExcel}`);
    }
  }
  new Parser(all.filter((t) => t.kind !== "space")).formula();
}

/** The functions a formula calls, upper case, in order (for custom-function evaluation). */
export function calledFunctions(formula: string): string[] {
  return tokens(formula)
    .filter((t) => t.kind === "func")
    .map((t) => t.text.toUpperCase());
}

/** Recursive descent over the tokens: operators, operands, calls with their argument counts. */
class Parser {
  private i = 0;
  constructor(private readonly t: readonly Token[]) {}

  formula(): void {
    if (this.t.length === 0) fail("empty formula");
    this.expression();
    if (this.i < this.t.length) fail(`unexpected "${this.t[this.i]!.text}"`);
  }

  private peek(): Token | undefined {
    return this.t[this.i];
  }

  private expression(): void {
    this.unary();
    for (;;) {
      const p = this.peek();
      if (p?.kind === "op" && p.text !== "%") {
        this.i += 1;
        this.unary();
      } else return;
    }
  }

  private unary(): void {
    while (this.peek()?.kind === "op" && (this.peek()!.text === "+" || this.peek()!.text === "-")) this.i += 1;
    this.operand();
    while (this.peek()?.kind === "op" && this.peek()!.text === "%") this.i += 1;
  }

  private operand(): void {
    const t = this.peek();
    if (!t) fail("the formula ends where a value is expected");
    this.i += 1;
    switch (t.kind) {
      case "number":
      case "string":
      case "bool":
      case "error":
      case "ref":
      case "name":
      case "table":
      case "thisrow":
      case "array":
        return;
      case "sheet": {
        const r = this.peek();
        if (!r || (r.kind !== "ref" && r.kind !== "name")) fail(`${t.text} must be followed by a reference`);
        this.i += 1;
        return;
      }
      case "open":
        this.expression();
        if (this.peek()?.kind !== "close") fail('missing ")"');
        this.i += 1;
        return;
      case "func":
        return this.call(t.text);
      default:
        fail(`unexpected "${t.text}"`);
    }
  }

  private call(name: string): void {
    this.i += 1; // "("
    let args = 0;
    if (this.peek()?.kind === "close") this.i += 1;
    else {
      for (;;) {
        const p = this.peek();
        // An empty argument (IF(a,,b)) is allowed.
        if (p && p.kind !== "comma" && p.kind !== "close") this.expression();
        args += 1;
        const sep = this.peek();
        if (sep?.kind === "comma") {
          this.i += 1;
          continue;
        }
        if (sep?.kind === "close") {
          this.i += 1;
          break;
        }
        fail(`missing ")" after the arguments of ${name}`);
      }
    }
    const entry = functionEntry(name);
    if (entry && (args < entry[1] || args > entry[2]))
      fail(`${name} takes ${entry[1]}–${entry[2]} arguments, got ${args}`);
  }
}

/**
 * The formula a cell gets when `formula` is copied (fill, copyFrom) by dr rows and dc columns:
 * relative parts of A1 references move, "$" parts and everything else stay. Used by the fake's
 * copyFrom; refuses a move that would leave the grid (Excel gives #REF!).
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return (
    "=" +
    tokens(formula)
      .map((t) => (t.kind === "ref" ? shiftRef(t.text, dr, dc) : t.text))
      .join("")
  );
}

function shiftRef(ref: string, dr: number, dc: number): string {
  const col = (abs: string, letters: string) => {
    if (abs) return `$${letters}`;
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    n += dc;
    if (n < 1 || n > 16_384) fail(`copying ${ref} by ${dc} columns leaves the grid (#REF!)`);
    let s = "";
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  const row = (abs: string, digits: string) => {
    if (abs) return `$${digits}`;
    const n = Number(digits) + dr;
    if (n < 1 || n > 1_048_576) fail(`copying ${ref} by ${dr} rows leaves the grid (#REF!)`);
    return String(n);
  };
  return ref
    .split(":")
    .map((part) => {
      const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/.exec(part);
      if (!m) return part;
      return (m[2] ? col(m[1]!, m[2]) : "") + (m[4] ? row(m[2] ? m[3]! : m[1]!, m[4]) : "");
    })
    .join(":");
}
