/**
 * Type specs of the fake Excel object model: the members of Workbook, Worksheet, Range, Table,
 * NamedItem, Chart, PageLayout … that the add-in uses, with Excel's rules where they matter
 * (shape checks, name rules, protected sheets, merges, tables, null objects). Formulas are
 * stored, never computed.
 */
import {
  GRID_COLUMNS as MAX_COLUMNS,
  GRID_ROWS as MAX_ROWS,
  readAddress,
  readSheetAddress,
  rectName as formatRange,
  overlaps as rectsOverlap,
  type Rect,
} from "./a1";
import { parseEntry } from "./entry";
import { FormulaError, calledFunctions, checkFormula, shiftFormula, type FormulaWorld } from "./formula";
import { functionEntry, type ExcelVersion } from "./functions";
import { fail } from "./errors";
import { nodeOf, type FakeNode, type TypeSpec } from "./node";
import {
  cellAt,
  formatAt,
  isLocked,
  key,
  keyCol,
  keyRow,
  nameReference,
  numberFormatAt,
  rangeAddress,
  tableOverlapping,
  type CellState,
  type ChartState,
  type ConditionalFormatState,
  type NameState,
  type SheetState,
  type TableState,
  type ValidationState,
  type WorkbookState,
} from "./state";

export interface Options {
  /** Custom functions an add-in registered (e.g. "SVC.WEIGHTED"); formulas may call them. */
  customFunctions?: readonly string[];
  /** The oldest Excel generated sheets must work in (RULES.md#portable-formulas: Excel 2010); newer functions are refused. */
  oldestExcel?: ExcelVersion;
  /**
   * Value a formula cell reports through `range.values` (the fake does not calculate): e.g. what
   * LibreOffice computed for the same plan. `{ error }` is an error value ("#N/A"). Default: throw.
   */
  formulaValue?: FormulaValue;
}

/** What a formula cell computes to, decided by the test (the fake does not calculate). */
export type FormulaValue = (
  sheet: SheetState,
  row: number,
  column: number,
  formula: string,
) => string | number | boolean | { readonly error: string };

interface R {
  readonly book: WorkbookState;
  readonly sheet: SheetState;
  readonly rect: Rect;
}

const q = (s: string) => JSON.stringify(s);

function alive(book: WorkbookState, sheet: SheetState): SheetState {
  if (!book.sheets.includes(sheet)) fail("InvalidReference", `The worksheet "${sheet.name}" has been deleted`);
  return sheet;
}

function rows(r: Rect) {
  return r.bottom - r.top + 1;
}
function cols(r: Rect) {
  return r.right - r.left + 1;
}

function parseAddress(address: string): Rect {
  return (
    readAddress(address) ??
    fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: address "${address}"`)
  );
}

function guardCells(t: R): void {
  alive(t.book, t.sheet);
  if (!t.sheet.protection.protected) return;
  for (let r = t.rect.top; r <= Math.min(t.rect.bottom, t.rect.top + 100_000); r++) {
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      if (isLocked(t.sheet, r, c))
        fail(
          "AccessDenied",
          `The cell or chart you're trying to change is on a protected sheet (${rangeAddress(t.sheet, t.rect)}).`,
        );
    }
  }
}

function guardFormat(t: R): void {
  alive(t.book, t.sheet);
  const opts = t.sheet.protection.options as { allowFormatCells?: boolean } | undefined;
  if (t.sheet.protection.protected && !opts?.allowFormatCells)
    fail("AccessDenied", "Cannot format cells on a protected sheet");
}

function checkMatrix(value: unknown, t: R, what: string, broadcast: boolean): readonly (readonly unknown[])[] {
  const rr = rows(t.rect);
  const cc = cols(t.rect);
  if (!Array.isArray(value) || !value.every((row) => Array.isArray(row))) {
    fail("InvalidArgument", `${what} must be a two-dimensional array`);
  }
  const m = value as unknown[][];
  if (broadcast && m.length === 1 && m[0]!.length === 1) return m;
  if (m.length !== rr || m.some((row) => row.length !== cc)) {
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${m.length}x${m[0]?.length ?? 0} for ${rr}x${cc}).`,
    );
  }
  return m;
}

function writeEntries(t: R, value: unknown, what: "values" | "formulas"): void {
  const m = checkMatrix(value, t, what, false);
  guardCells(t);
  for (let i = 0; i < m.length; i++) {
    const row = m[i]!;
    for (let j = 0; j < row.length; j++) {
      const r = t.rect.top + i;
      const c = t.rect.left + j;
      const entry = parseEntry(row[j], numberFormatAt(t.sheet, r, c) === "@");
      if (entry.kind === "unchanged") continue;
      if (entry.kind !== "clear" && entry.cell.formula !== undefined)
        checkFormulaText(t.book, entry.cell.formula, t.sheet, r, c);
      if (entry.kind === "clear") t.sheet.cells.delete(key(r, c));
      else t.sheet.cells.set(key(r, c), stored(t.book, entry.cell));
    }
  }
}

/** What a formula may refer to in this workbook, for the grammar check (./formula.ts). */
export function formulaWorld(book: WorkbookState): FormulaWorld {
  const opts = book.formulaSettings;
  return {
    tableHeaders: (name) => {
      const t = book.findTable(name);
      if (!t) return undefined;
      const out: string[] = [];
      for (let c = t.rect.left; c <= t.rect.right; c++) out.push(String(cellAt(t.sheet, t.rect.top, c)?.value ?? ""));
      return out;
    },
    sheetExists: (name) => book.findSheet(name) !== undefined,
    customFunctions: new Set((opts.customFunctions ?? []).map((f) => f.toUpperCase())),
    oldestExcel: opts.oldestExcel ?? "2010",
    nameExists: (name) => book.findName(name) !== undefined,
    unknownFunctionsAsNameError: opts.unknownFunctions === "nameError",
  };
}

/**
 * Refuses a formula Excel would not take (or would show as #NAME?/#REF!): the grammar of
 * ./formula.ts, including "a structured reference needs its table to exist already" — writers
 * must create tables before the formulas that use them.
 */
export function checkFormulaText(
  book: WorkbookState,
  formula: string,
  where?: SheetState,
  row?: number,
  column?: number,
): void {
  const inTable =
    where && row !== undefined && column !== undefined
      ? book.tables.find(
          (t) =>
            t.sheet === where &&
            row > t.rect.top &&
            row <= t.rect.bottom &&
            column >= t.rect.left &&
            column <= t.rect.right,
        )?.name
      : undefined;
  try {
    checkFormula(formula, formulaWorld(book), inTable);
  } catch (e) {
    if (e instanceof FormulaError) fail("InvalidArgument", `${e.message} (${formula})`);
    throw e;
  }
}

/**
 * A formula written while calculation is suspended is not calculated: "Suspends calculation until
 * the next context.sync() is called. Once set, it is the developer's responsibility to re-calc the
 * workbook, to ensure that any dependencies are propagated." (Application.suspendApiCalculationUntilNextSync,
 * https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-suspendapicalculationuntilnextsync-member(1)).
 * The fake keeps it stale until application.calculate().
 */
function staleIfSuspended(book: WorkbookState, cell: CellState): CellState {
  return book.calculationSuspended && cell.formula !== undefined ? { ...cell, stale: true } : cell;
}

/**
 * A cell as stored by a write: stale under suspended calculation, and a call of a registered
 * custom function remembered with the sync it was written in. Custom functions compute
 * asynchronously: until the add-in's function answers, the cell shows #BUSY! (office-js #4152;
 * Excel-Custom-Functions #120: "#GETTING_DATA will be changing to #BUSY!").
 */
function stored(book: WorkbookState, cell: CellState): CellState {
  const out = staleIfSuspended(book, cell);
  if (out.formula !== undefined && book.formulaSettings.customFunctionBusySyncs) {
    const custom = formulaWorld(book).customFunctions;
    if (calledFunctions(out.formula).some((f) => custom.has(f))) book.customFunctionCells.set(out, book.syncIndex);
  }
  return out;
}

/** What a never-calculated formula cell holds. */
export const STALE_VALUE = 0;

const functionKnown = (name: string) => functionEntry(name) !== undefined;

/** A cell's value as `values` reports it, and its type as `valueTypes` does (Excel.RangeValueType). */
function cellResult(
  book: WorkbookState,
  opts: Options,
  world: FormulaWorld,
  sheet: SheetState,
  r: number,
  c: number,
): { value: unknown; type: string } {
  const cell = cellAt(sheet, r, c);
  const plain = (v: unknown) => ({
    value: v,
    type:
      v === "" || v === null || v === undefined
        ? "Empty"
        : typeof v === "string"
          ? "String"
          : typeof v === "boolean"
            ? "Boolean"
            : Number.isInteger(v)
              ? "Integer"
              : "Double",
  });
  if (!cell) return plain("");
  if (cell.error !== undefined) return { value: cell.error, type: "Error" };
  if (cell.formula === undefined) return plain(cell.value ?? "");
  if (cell.stale) return plain(STALE_VALUE);
  if (
    world.unknownFunctionsAsNameError &&
    calledFunctions(cell.formula).some((f) => !world.customFunctions.has(f) && !functionKnown(f))
  )
    return { value: "#NAME?", type: "Error" };
  const since = book.customFunctionCells.get(cell);
  if (since !== undefined && book.syncIndex - since < (book.formulaSettings.customFunctionBusySyncs ?? 0))
    return { value: "#BUSY!", type: "Error" };
  if (!opts.formulaValue)
    fail(
      "FakeLimitation",
      `The fake does not calculate formulas (${rangeAddress(sheet, { top: r, left: c, bottom: r, right: c })}: ${cell.formula})`,
    );
  const v = opts.formulaValue(sheet, r, c, cell.formula);
  if (typeof v === "object" && v !== null) return { value: v.error, type: "Error" };
  return plain(v);
}

function cellFormula(sheet: SheetState, r: number, c: number): unknown {
  const cell = cellAt(sheet, r, c);
  if (!cell) return "";
  if (cell.formula !== undefined) return cell.formula;
  if (cell.error !== undefined) return cell.error;
  return cell.value ?? "";
}

function matrixOf(t: R, f: (r: number, c: number) => unknown): unknown[][] {
  // "On all platforms, a range is limited to five million cells for get operations."
  // https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
  if (rows(t.rect) * cols(t.rect) > 5_000_000)
    fail("RangeExceedsLimit", `A get of ${rows(t.rect) * cols(t.rect)} cells exceeds Excel's five-million-cell limit`);
  const out: unknown[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: unknown[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

function uniform(t: R, prop: string, dflt: unknown): unknown {
  let first: unknown = undefined;
  let seen = false;
  const n = rows(t.rect) * cols(t.rect);
  if (n > 1_000_000) return null;
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      const v = formatAt(t.sheet, r, c, prop) ?? dflt;
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first;
}

function record(t: R, prop: string, value: unknown): void {
  t.sheet.formats.push({ rect: t.rect, prop, value });
}

function oneOf(value: unknown, allowed: readonly string[], what: string): string {
  if (typeof value !== "string" || !allowed.includes(value))
    fail("InvalidArgument", `Invalid ${what}: ${JSON.stringify(value)} (expected one of ${allowed.join(", ")})`);
  return value;
}

function color(value: unknown): string {
  if (typeof value !== "string" || !(/^#[0-9A-Fa-f]{6}$/.test(value) || /^[a-z]+$/i.test(value)))
    fail("InvalidArgument", `Invalid color ${JSON.stringify(value)}`);
  return value;
}

function bool(value: unknown, what: string): boolean {
  if (typeof value !== "boolean") fail("InvalidArgument", `${what} must be a boolean`);
  return value;
}

function num(value: unknown, what: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max)
    fail("InvalidArgument", `${what} must be a number in [${min}, ${max}]`);
  return value;
}

/** Resolves a Range argument (proxy or address string on `sheet`). */
function rangeArg(book: WorkbookState, sheet: SheetState | undefined, arg: unknown): R {
  const n = nodeOf<R>(arg);
  if (n) return n.target();
  if (typeof arg === "string") {
    if (arg.includes("!")) {
      const ref = readSheetAddress(arg) ?? fail("InvalidArgument", `Not a sheet-qualified address: ${arg}`);
      const s = book.findSheet(ref.sheet) ?? fail("ItemNotFound", `No sheet ${ref.sheet}`);
      return { book, sheet: s, rect: ref.rect };
    }
    if (!sheet) fail("InvalidArgument", `A sheet-qualified address is required: ${arg}`);
    return { book, sheet, rect: parseAddress(arg) };
  }
  return fail("InvalidArgument", `Expected a Range or an address, got ${JSON.stringify(arg)}`);
}

// ---------------------------------------------------------------- Range formatting

const FONT: TypeSpec<R> = {
  typeName: "RangeFont",
  scalars: {
    bold: {
      get: (t) => uniform(t, "font.bold", false),
      set: (t, v) => (guardFormat(t), record(t, "font.bold", bool(v, "bold"))),
    },
    italic: {
      get: (t) => uniform(t, "font.italic", false),
      set: (t, v) => (guardFormat(t), record(t, "font.italic", bool(v, "italic"))),
    },
    underline: {
      get: (t) => uniform(t, "font.underline", "None"),
      set: (t, v) => (
        guardFormat(t),
        record(
          t,
          "font.underline",
          oneOf(v, ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"], "underline"),
        )
      ),
    },
    size: {
      get: (t) => uniform(t, "font.size", 11),
      set: (t, v) => (guardFormat(t), record(t, "font.size", num(v, "font size", 1, 409))),
    },
    color: {
      get: (t) => uniform(t, "font.color", "#000000"),
      set: (t, v) => (guardFormat(t), record(t, "font.color", color(v))),
    },
    name: {
      get: (t) => uniform(t, "font.name", "Calibri"),
      set: (t, v) => (guardFormat(t), record(t, "font.name", String(v))),
    },
    strikethrough: {
      get: (t) => uniform(t, "font.strikethrough", false),
      set: (t, v) => (guardFormat(t), record(t, "font.strikethrough", bool(v, "strikethrough"))),
    },
  },
};

const FILL: TypeSpec<R> = {
  typeName: "RangeFill",
  scalars: {
    color: {
      get: (t) => uniform(t, "fill.color", null),
      set: (t, v) => (guardFormat(t), record(t, "fill.color", color(v))),
    },
  },
  methods: { clear: (n) => n.op("clear", [], () => (guardFormat(n.target()), record(n.target(), "fill.color", null))) },
};

const BORDER_INDEX = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
] as const;

function borderSpec(index: string): TypeSpec<R> {
  const p = `border.${index}`;
  return {
    typeName: "RangeBorder",
    scalars: {
      style: {
        get: (t) => uniform(t, `${p}.style`, "None"),
        set: (t, v) => (
          guardFormat(t),
          record(
            t,
            `${p}.style`,
            oneOf(
              v,
              ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"],
              "border style",
            ),
          )
        ),
      },
      weight: {
        get: (t) => uniform(t, `${p}.weight`, "Thin"),
        set: (t, v) => (
          guardFormat(t),
          record(t, `${p}.weight`, oneOf(v, ["Hairline", "Thin", "Medium", "Thick"], "border weight"))
        ),
      },
      color: {
        get: (t) => uniform(t, `${p}.color`, "#000000"),
        set: (t, v) => (guardFormat(t), record(t, `${p}.color`, color(v))),
      },
      sideIndex: { get: () => index },
    },
  };
}

const BORDERS: TypeSpec<R> = {
  typeName: "RangeBorderCollection",
  methods: {
    getItem: (n, index: unknown) => {
      const i = oneOf(index, BORDER_INDEX, "border index");
      return n.child(borderSpec(i), `.borders.getItem(${q(i)})`, () => n.target());
    },
  },
};

const FORMAT_PROTECTION: TypeSpec<R> = {
  typeName: "FormatProtection",
  scalars: {
    locked: {
      get: (t) => uniform(t, "protection.locked", true),
      set: (t, v) => (alive(t.book, t.sheet), record(t, "protection.locked", bool(v, "locked"))),
    },
    formulaHidden: {
      get: (t) => uniform(t, "protection.formulaHidden", false),
      set: (t, v) => (alive(t.book, t.sheet), record(t, "protection.formulaHidden", bool(v, "formulaHidden"))),
    },
  },
};

const RANGE_FORMAT: TypeSpec<R> = {
  typeName: "RangeFormat",
  scalars: {
    horizontalAlignment: {
      get: (t) => uniform(t, "horizontalAlignment", "General"),
      set: (t, v) => (
        guardFormat(t),
        record(
          t,
          "horizontalAlignment",
          oneOf(
            v,
            ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"],
            "horizontal alignment",
          ),
        )
      ),
    },
    verticalAlignment: {
      get: (t) => uniform(t, "verticalAlignment", "Bottom"),
      set: (t, v) => (
        guardFormat(t),
        record(
          t,
          "verticalAlignment",
          oneOf(v, ["Top", "Center", "Bottom", "Justify", "Distributed"], "vertical alignment"),
        )
      ),
    },
    wrapText: {
      get: (t) => uniform(t, "wrapText", false),
      set: (t, v) => (guardFormat(t), record(t, "wrapText", bool(v, "wrapText"))),
    },
    indentLevel: {
      get: (t) => uniform(t, "indentLevel", 0),
      set: (t, v) => (guardFormat(t), record(t, "indentLevel", num(v, "indentLevel", 0, 250))),
    },
    columnWidth: {
      get: (t) => {
        const ws = new Set<number>();
        for (let c = t.rect.left; c <= t.rect.right; c++) ws.add(t.sheet.columnWidths.get(c) ?? 48);
        return ws.size === 1 ? [...ws][0] : null;
      },
      set: (t, v) => {
        guardFormat(t);
        const w = num(v, "columnWidth", 0, 1789.5);
        for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, w);
      },
    },
    rowHeight: {
      get: (t) => {
        const hs = new Set<number>();
        for (let r = t.rect.top; r <= Math.min(t.rect.bottom, t.rect.top + 10_000); r++)
          hs.add(t.sheet.rowHeights.get(r) ?? 15);
        return hs.size === 1 ? [...hs][0] : null;
      },
      set: (t, v) => {
        guardFormat(t);
        const h = num(v, "rowHeight", 0, 409);
        if (rows(t.rect) > 100_000) fail("FakeLimitation", "rowHeight on more than 100,000 rows");
        for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, h);
      },
    },
  },
  navs: {
    font: (n) => n.child(FONT, ".font", () => n.target()),
    fill: (n) => n.child(FILL, ".fill", () => n.target()),
    borders: (n) => n.child(BORDERS, "", () => n.target()),
    protection: (n) => n.child(FORMAT_PROTECTION, ".protection", () => n.target()),
  },
  methods: {
    autofitColumns: (n) => n.op("autofitColumns", [], () => guardFormat(n.target())),
    autofitRows: (n) => n.op("autofitRows", [], () => guardFormat(n.target())),
  },
};

// ---------------------------------------------------------------- Data validation

const VALIDATION_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

/** Excel's calendar (1900 date system): 1900-01-01 is serial 1, 9999-12-31 serial 2,958,465. */
const FIRST_DATE = Date.UTC(1900, 0, 1);
const LAST_DATE = Date.UTC(9999, 11, 31, 23, 59, 59);

/**
 * A date operand of a date/time validation: "a stringified date/time in ISO8601 format, a cell
 * reference like "=A1", or a formula" (Excel.DateTimeDataValidation.formula1,
 * https://learn.microsoft.com/javascript/api/excel/excel.datetimedatavalidation), or a Date. The date
 * must be one Excel has: the 1900 date system runs from January 1, 1900 (serial 1) to
 * December 31, 9999 ("How Excel performs date and time calculations": first date January 1,
 * 1900, last December 31, 9999; https://support.microsoft.com/kb/210782: "Excel … only allows
 * years in the range from 1900 to 9999", "1/1/1899 … will evaluate to a text string").
 */
function checkDateOperand(book: WorkbookState, v: unknown, which: string): number | undefined {
  if (v instanceof Date) {
    const t = v.getTime();
    if (!(t >= FIRST_DATE && t <= LAST_DATE))
      fail("InvalidArgument", `${which}: ${v.toISOString()} is not a date Excel has`);
    return t;
  }
  if (typeof v !== "string")
    return fail("InvalidArgument", `${which} must be an ISO 8601 date string, a Date or a formula`);
  if (v.startsWith("=")) {
    checkFormulaText(book, v);
    return undefined;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (!m) return fail("InvalidArgument", `${which}: "${v}" is not an ISO 8601 date`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    fail("InvalidArgument", `${which}: "${v}" is not a calendar date`);
  if (t < FIRST_DATE || t > LAST_DATE)
    fail("InvalidArgument", `${which}: "${v}" is outside Excel's dates (1900-01-01 to 9999-12-31)`);
  return t;
}

/**
 * A number operand (Excel.BasicDataValidation.formula1: "a number, a range object, or a string
 * formula (where the string is either a stringified number, a cell reference like "=A1", or a
 * formula)", https://learn.microsoft.com/javascript/api/excel/excel.basicdatavalidation); a whole-number
 * rule needs whole numbers.
 */
function checkNumberOperand(book: WorkbookState, v: unknown, which: string, whole: boolean): number | undefined {
  if (nodeOf(v)) return undefined;
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string" && v.startsWith("=")) {
    checkFormulaText(book, v);
    return undefined;
  } else if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) n = Number(v);
  else return fail("InvalidArgument", `${which} must be a number, a numeric string or a formula`);
  if (!Number.isFinite(n)) fail("InvalidArgument", `${which} must be finite`);
  if (whole && !Number.isInteger(n))
    fail("InvalidArgument", `${which}: a whole-number rule needs whole numbers, not ${n}`);
  return n;
}

function checkRule(rule: unknown, book: WorkbookState): void {
  if (typeof rule !== "object" || rule === null) fail("InvalidArgument", "Data validation rule must be an object");
  const keys = Object.keys(rule as object);
  const known = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];
  if (keys.length !== 1 || !known.includes(keys[0]!))
    fail("InvalidArgument", `A data validation rule needs exactly one of ${known.join(", ")}`);
  const k = keys[0]!;
  const body = (rule as Record<string, Record<string, unknown>>)[k]!;
  if (k === "list") {
    if (typeof body.source !== "string" || body.source === "")
      fail("InvalidArgument", "list.source must be a non-empty string");
    // A typed list is limited to 255 characters (Excel's data validation dialog limit).
    if (!body.source.startsWith("=") && body.source.length > 255)
      fail("InvalidArgument", "A list source is limited to 255 characters");
    if (body.source.startsWith("=")) checkFormulaText(book, body.source);
    return;
  }
  if (k === "custom") {
    if (typeof body.formula !== "string" || !body.formula.startsWith("="))
      fail("InvalidArgument", "custom.formula must be a formula starting with =");
    checkFormulaText(book, body.formula);
    return;
  }
  oneOf(body.operator, VALIDATION_OPERATORS, "validation operator");
  const between = body.operator === "Between" || body.operator === "NotBetween";
  if (body.formula1 === undefined) fail("InvalidArgument", "formula1 is required");
  if (between && body.formula2 === undefined) fail("InvalidArgument", "formula2 is required for Between");
  const operand = (v: unknown, which: string) =>
    k === "date" || k === "time"
      ? checkDateOperand(book, v, which)
      : checkNumberOperand(book, v, which, k === "wholeNumber" || k === "textLength");
  const lo = operand(body.formula1, "formula1");
  const hi = between ? operand(body.formula2, "formula2") : undefined;
  if (k === "textLength" && lo !== undefined && lo < 0) fail("InvalidArgument", "A text length cannot be negative");
  // Excel's dialog: "The Maximum must be greater than or equal to the Minimum."
  if (lo !== undefined && hi !== undefined && hi < lo)
    fail("InvalidArgument", "The Maximum must be greater than or equal to the Minimum");
}

function validationFor(t: R): ValidationState {
  let v = t.sheet.validations.find((x) => formatRange(x.rect) === formatRange(t.rect));
  if (!v) {
    // Excel replaces validation on the cells it covers; the fake keeps one record per range.
    for (const other of t.sheet.validations) {
      if (rectsOverlap(other.rect, t.rect))
        fail(
          "FakeLimitation",
          `overlapping data validation ranges ${formatRange(other.rect)} and ${formatRange(t.rect)}`,
        );
    }
    v = { rect: t.rect };
    t.sheet.validations.push(v);
  }
  return v;
}

const DATA_VALIDATION: TypeSpec<R> = {
  typeName: "DataValidation",
  scalars: {
    rule: {
      get: (t) => t.sheet.validations.find((x) => formatRange(x.rect) === formatRange(t.rect))?.rule ?? null,
      set: (t, v) => {
        guardFormat(t);
        checkRule(v, t.book);
        validationFor(t).rule = v;
      },
    },
    prompt: {
      get: (t) => t.sheet.validations.find((x) => formatRange(x.rect) === formatRange(t.rect))?.prompt ?? null,
      set: (t, v) => {
        const p = v as { title?: string; message?: string };
        if ((p.title ?? "").length > 32 || (p.message ?? "").length > 255)
          fail("InvalidArgument", "Prompt title ≤ 32 and message ≤ 255 characters");
        validationFor(t).prompt = v;
      },
    },
    errorAlert: {
      get: (t) => t.sheet.validations.find((x) => formatRange(x.rect) === formatRange(t.rect))?.errorAlert ?? null,
      set: (t, v) => {
        const p = v as { title?: string; message?: string; style?: string };
        if ((p.title ?? "").length > 32 || (p.message ?? "").length > 255)
          fail("InvalidArgument", "Error alert title ≤ 32 and message ≤ 255 characters");
        if (p.style !== undefined) oneOf(p.style, ["Stop", "Warning", "Information"], "error alert style");
        validationFor(t).errorAlert = v;
      },
    },
    ignoreBlanks: {
      get: (t) => t.sheet.validations.find((x) => formatRange(x.rect) === formatRange(t.rect))?.ignoreBlanks ?? true,
      set: (t, v) => {
        validationFor(t).ignoreBlanks = bool(v, "ignoreBlanks");
      },
    },
  },
  methods: {
    clear: (n) =>
      n.op("clear", [], () => {
        const t = n.target();
        const i = t.sheet.validations.findIndex((x) => formatRange(x.rect) === formatRange(t.rect));
        if (i >= 0) t.sheet.validations.splice(i, 1);
      }),
  },
};

// ---------------------------------------------------------------- Conditional formats

interface CF {
  readonly book: WorkbookState;
  readonly sheet: SheetState;
  readonly cf: ConditionalFormatState;
}

const CF_FONT: TypeSpec<CF> = {
  typeName: "ConditionalRangeFont",
  scalars: {
    color: { get: (t) => t.cf.format.fontColor ?? null, set: (t, v) => (t.cf.format.fontColor = color(v)) },
    bold: { get: (t) => t.cf.format.bold ?? null, set: (t, v) => (t.cf.format.bold = bool(v, "bold")) },
  },
};
const CF_FILL: TypeSpec<CF> = {
  typeName: "ConditionalRangeFill",
  scalars: { color: { get: (t) => t.cf.format.fill ?? null, set: (t, v) => (t.cf.format.fill = color(v)) } },
};
const CF_FORMAT: TypeSpec<CF> = {
  typeName: "ConditionalRangeFormat",
  navs: {
    font: (n) => n.child(CF_FONT, ".font", () => n.target()),
    fill: (n) => n.child(CF_FILL, ".fill", () => n.target()),
  },
};
const CF_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];
const CF_CELL_VALUE: TypeSpec<CF> = {
  typeName: "CellValueConditionalFormat",
  scalars: {
    rule: {
      get: (t) => t.cf.rule ?? null,
      set: (t, v) => {
        const r = v as { formula1?: unknown; formula2?: unknown; operator?: unknown };
        oneOf(r.operator, CF_OPERATORS, "conditional format operator");
        if (typeof r.formula1 !== "string") fail("InvalidArgument", "formula1 must be a string");
        if ((r.operator === "Between" || r.operator === "NotBetween") && typeof r.formula2 !== "string")
          fail("InvalidArgument", "formula2 is required");
        // ConditionalCellValueRule.formula1/2: formulas (or constants) Excel evaluates; "=…"
        // text goes through the same grammar as cell formulas.
        for (const f of [r.formula1, r.formula2])
          if (typeof f === "string" && f.startsWith("=")) checkFormulaText(t.book, f);
        t.cf.rule = v;
      },
    },
  },
  navs: { format: (n) => n.child(CF_FORMAT, ".format", () => n.target()) },
};
const CF_RULE: TypeSpec<CF> = {
  typeName: "ConditionalFormatRule",
  scalars: {
    formula: {
      get: (t) => (t.cf.rule as { formula?: string } | undefined)?.formula ?? null,
      set: (t, v) => {
        if (typeof v !== "string" || !v.startsWith("="))
          fail("InvalidArgument", "A custom rule formula must start with =");
        checkFormulaText(t.book, v);
        t.cf.rule = { formula: v };
      },
    },
  },
};
const CF_CUSTOM: TypeSpec<CF> = {
  typeName: "CustomConditionalFormat",
  navs: {
    rule: (n) => n.child(CF_RULE, ".rule", () => n.target()),
    format: (n) => n.child(CF_FORMAT, ".format", () => n.target()),
  },
};
const CONDITIONAL_FORMAT: TypeSpec<CF> = {
  typeName: "ConditionalFormat",
  scalars: {
    type: { get: (t) => t.cf.type },
    stopIfTrue: { get: (t) => t.cf.stopIfTrue ?? false, set: (t, v) => (t.cf.stopIfTrue = bool(v, "stopIfTrue")) },
    priority: {
      get: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
      set: (t, v) => {
        const list = t.sheet.conditionalFormats;
        const p = num(v, "priority", 0);
        list.splice(list.indexOf(t.cf), 1);
        list.splice(Math.min(p, list.length), 0, t.cf);
      },
    },
  },
  navs: {
    cellValue: (n) =>
      n.child(CF_CELL_VALUE, ".cellValue", () => {
        const t = n.target();
        if (t.cf.type !== "CellValue")
          fail("InvalidOperation", "cellValue is only available on CellValue conditional formats");
        return t;
      }),
    custom: (n) =>
      n.child(CF_CUSTOM, ".custom", () => {
        const t = n.target();
        if (t.cf.type !== "Custom") fail("InvalidOperation", "custom is only available on Custom conditional formats");
        return t;
      }),
  },
  methods: {
    delete: (n) =>
      n.op("delete", [], () => {
        const t = n.target();
        t.sheet.conditionalFormats.splice(t.sheet.conditionalFormats.indexOf(t.cf), 1);
      }),
  },
};
const CONDITIONAL_FORMATS: TypeSpec<R> = {
  typeName: "ConditionalFormatCollection",
  methods: {
    add: (n, type: unknown) => {
      const ty = oneOf(
        type,
        ["CellValue", "Custom", "ColorScale", "DataBar", "IconSet", "TopBottom", "PresetCriteria", "ContainsText"],
        "conditional format type",
      );
      if (ty !== "CellValue" && ty !== "Custom") fail("FakeLimitation", `conditional format type ${ty}`);
      let bound: CF | undefined;
      const child = n.child(
        CONDITIONAL_FORMAT,
        `.conditionalFormats.add(${q(ty)})`,
        () => bound ?? fail("InvalidObjectPath", "not created"),
      );
      n.op("add", [ty], () => {
        const t = n.target();
        guardFormat(t);
        const cf: ConditionalFormatState = { type: ty, rect: t.rect, format: {} };
        t.sheet.conditionalFormats.unshift(cf); // a new rule goes to the top priority
        bound = { book: t.book, sheet: t.sheet, cf };
      });
      return child;
    },
    clearAll: (n) =>
      n.op("clearAll", [], () => {
        const t = n.target();
        for (let i = t.sheet.conditionalFormats.length - 1; i >= 0; i--) {
          if (rectsOverlap(t.sheet.conditionalFormats[i]!.rect, t.rect)) t.sheet.conditionalFormats.splice(i, 1);
        }
      }),
  },
};

// ---------------------------------------------------------------- Range

function shifted(formula: string, dr: number, dc: number): string {
  try {
    return shiftFormula(formula, dr, dc);
  } catch (e) {
    if (e instanceof FormulaError) return fail("InvalidArgument", e.message);
    throw e;
  }
}

function copyFrom(dest: R, src: R, type: string, skipBlanks: boolean): void {
  const sr = rows(src.rect);
  const sc = cols(src.rect);
  const dr = rows(dest.rect);
  const dc = cols(dest.rect);
  const outRows = dr >= sr && dr % sr === 0 ? dr : sr;
  const outCols = dc >= sc && dc % sc === 0 ? dc : sc;
  const target: R = {
    ...dest,
    rect: {
      top: dest.rect.top,
      left: dest.rect.left,
      bottom: dest.rect.top + outRows - 1,
      right: dest.rect.left + outCols - 1,
    },
  };
  if (target.rect.bottom > MAX_ROWS || target.rect.right > MAX_COLUMNS)
    fail("InvalidArgument", "copyFrom goes beyond the grid");
  guardCells(target);
  // Snapshot the source first (source and destination may overlap).
  const source: (CellState | undefined)[][] = [];
  const formats: string[][] = [];
  for (let i = 0; i < sr; i++) {
    const row: (CellState | undefined)[] = [];
    const frow: string[] = [];
    for (let j = 0; j < sc; j++) {
      row.push(cellAt(src.sheet, src.rect.top + i, src.rect.left + j));
      frow.push(numberFormatAt(src.sheet, src.rect.top + i, src.rect.left + j));
    }
    source.push(row);
    formats.push(frow);
  }
  const copyContent = type === "Formulas" || type === "All" || type === "Values";
  const copyFormats = type === "Formats" || type === "All";
  for (let i = 0; i < outRows; i++) {
    for (let j = 0; j < outCols; j++) {
      const si = i % sr;
      const sj = j % sc;
      const s = source[si]![sj];
      const r = target.rect.top + i;
      const c = target.rect.left + j;
      if (skipBlanks && !s) continue;
      if (copyContent) {
        if (!s) target.sheet.cells.delete(key(r, c));
        else if (s.formula !== undefined) {
          if (type === "Values") fail("FakeLimitation", "copying formula results (Values) needs calculation");
          target.sheet.cells.set(
            key(r, c),
            stored(target.book, {
              formula: shifted(s.formula, r - (src.rect.top + si), c - (src.rect.left + sj)),
            }),
          );
        } else target.sheet.cells.set(key(r, c), { ...s });
      }
      if (copyFormats)
        target.sheet.formats.push({
          rect: { top: r, left: c, bottom: r, right: c },
          prop: "numberFormat",
          value: formats[si]![sj],
        });
    }
  }
}

function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const k of sheet.cells.keys()) {
    const r = keyRow(k);
    const c = keyCol(k);
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  if (!valuesOnly) {
    for (const f of sheet.formats) {
      if (f.rect.bottom === MAX_ROWS || f.rect.right === MAX_COLUMNS) continue;
      top = Math.min(top, f.rect.top);
      left = Math.min(left, f.rect.left);
      bottom = Math.max(bottom, f.rect.bottom);
      right = Math.max(right, f.rect.right);
    }
  }
  return bottom === 0 ? undefined : { top, left, bottom, right };
}

export function rangeSpec(opts: Options): TypeSpec<R> {
  const self: TypeSpec<R> = {
    typeName: "Range",
    scalars: {
      address: { get: (t) => rangeAddress(alive(t.book, t.sheet), t.rect) },
      addressLocal: { get: (t) => rangeAddress(alive(t.book, t.sheet), t.rect) },
      rowIndex: { get: (t) => t.rect.top - 1 },
      columnIndex: { get: (t) => t.rect.left - 1 },
      rowCount: { get: (t) => rows(t.rect) },
      columnCount: { get: (t) => cols(t.rect) },
      cellCount: { get: (t) => rows(t.rect) * cols(t.rect) },
      values: {
        get: (t) => {
          const world = formulaWorld(t.book);
          return matrixOf(t, (r, c) => cellResult(t.book, opts, world, t.sheet, r, c).value);
        },
        set: (t, v) => writeEntries(t, v, "values"),
      },
      // Range.valueTypes (ExcelApi 1.1): "Empty", "String", "Integer", "Double", "Boolean", "Error"
      // per cell (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-valuetypes-member).
      valueTypes: {
        get: (t) => {
          const world = formulaWorld(t.book);
          return matrixOf(t, (r, c) => cellResult(t.book, opts, world, t.sheet, r, c).type);
        },
      },
      formulas: {
        get: (t) => matrixOf(t, (r, c) => cellFormula(t.sheet, r, c)),
        set: (t, v) => writeEntries(t, v, "formulas"),
      },
      numberFormat: {
        get: (t) => matrixOf(t, (r, c) => numberFormatAt(t.sheet, r, c)),
        set: (t, v) => {
          const m = checkMatrix(v, t, "numberFormat", true);
          guardFormat(t);
          if (m.length === 1 && m[0]!.length === 1) {
            if (typeof m[0]![0] !== "string") fail("InvalidArgument", "numberFormat entries must be strings");
            t.sheet.formats.push({ rect: t.rect, prop: "numberFormat", value: m[0]![0] });
          } else t.sheet.formats.push({ rect: t.rect, prop: "numberFormat", matrix: m });
        },
      },
      columnHidden: {
        get: (t) => {
          for (let c = t.rect.left; c <= t.rect.right; c++) if (!t.sheet.hiddenColumns.has(c)) return false;
          return true;
        },
        set: (t, v) => {
          alive(t.book, t.sheet);
          const h = bool(v, "columnHidden");
          for (let c = t.rect.left; c <= t.rect.right; c++) {
            if (h) t.sheet.hiddenColumns.add(c);
            else t.sheet.hiddenColumns.delete(c);
          }
        },
      },
      rowHidden: {
        get: (t) => {
          for (let r = t.rect.top; r <= t.rect.bottom; r++) if (!t.sheet.hiddenRows.has(r)) return false;
          return true;
        },
        set: (t, v) => {
          alive(t.book, t.sheet);
          const h = bool(v, "rowHidden");
          if (rows(t.rect) > 100_000) fail("FakeLimitation", "rowHidden on more than 100,000 rows");
          for (let r = t.rect.top; r <= t.rect.bottom; r++) {
            if (h) t.sheet.hiddenRows.add(r);
            else t.sheet.hiddenRows.delete(r);
          }
        },
      },
    },
    navs: {
      format: (n) => n.child(RANGE_FORMAT, ".format", () => n.target()),
      dataValidation: (n) => n.child(DATA_VALIDATION, ".dataValidation", () => n.target()),
      conditionalFormats: (n) => n.child(CONDITIONAL_FORMATS, "", () => n.target()),
      worksheet: (n) => n.child(worksheetSpec(opts), ".worksheet", () => n.target().sheet),
    },
    methods: {
      merge: (n, across?: unknown) =>
        n.op("merge", [across ?? false], () => {
          const t = n.target();
          guardCells(t);
          if (across) fail("FakeLimitation", "merge(across = true)");
          for (const m of t.sheet.merges)
            if (rectsOverlap(m, t.rect))
              fail(
                "InvalidOperation",
                `Cannot merge ${formatRange(t.rect)}: it overlaps the merged range ${formatRange(m)}`,
              );
          if (tableOverlapping(t.book, t.sheet, t.rect)) fail("InvalidOperation", "Cannot merge cells inside a table");
          // Excel keeps only the upper-left value.
          for (let r = t.rect.top; r <= t.rect.bottom; r++) {
            for (let c = t.rect.left; c <= t.rect.right; c++)
              if (r !== t.rect.top || c !== t.rect.left) t.sheet.cells.delete(key(r, c));
          }
          t.sheet.merges.push(t.rect);
        }),
      unmerge: (n) =>
        n.op("unmerge", [], () => {
          const t = n.target();
          for (let i = t.sheet.merges.length - 1; i >= 0; i--)
            if (rectsOverlap(t.sheet.merges[i]!, t.rect)) t.sheet.merges.splice(i, 1);
        }),
      copyFrom: (n, source: unknown, copyType?: unknown, skipBlanks?: unknown, transpose?: unknown) =>
        n.op("copyFrom", [source, copyType ?? "All", skipBlanks ?? false, transpose ?? false], () => {
          const t = n.target();
          if (transpose) fail("FakeLimitation", "copyFrom with transpose");
          const type = oneOf(copyType ?? "All", ["All", "Formulas", "Values", "Formats"], "copy type");
          copyFrom(t, rangeArg(t.book, t.sheet, source), type, Boolean(skipBlanks));
        }),
      autoFill: (n, destination: unknown, fillType?: unknown) =>
        n.op("autoFill", [destination, fillType ?? "FillDefault"], () => {
          const t = n.target();
          const type = oneOf(
            fillType ?? "FillDefault",
            [
              "FillDefault",
              "FillCopy",
              "FillSeries",
              "FillFormats",
              "FillValues",
              "FillDays",
              "FillWeekdays",
              "FillMonths",
              "FillYears",
              "LinearTrend",
              "GrowthTrend",
              "FlashFill",
            ],
            "autofill type",
          );
          if (!["FillDefault", "FillCopy", "FillValues"].includes(type)) fail("FakeLimitation", `autoFill ${type}`);
          const d = rangeArg(t.book, t.sheet, destination);
          const extendsDown =
            d.rect.top === t.rect.top &&
            d.rect.left === t.rect.left &&
            d.rect.right === t.rect.right &&
            d.rect.bottom >= t.rect.bottom;
          const extendsRight =
            d.rect.top === t.rect.top &&
            d.rect.left === t.rect.left &&
            d.rect.bottom === t.rect.bottom &&
            d.rect.right >= t.rect.right;
          if (d.sheet !== t.sheet || !(extendsDown || extendsRight))
            fail("InvalidArgument", "The destination must extend the source range");
          for (const c of t.sheet.cells.entries()) {
            const r = keyRow(c[0]);
            const col = keyCol(c[0]);
            if (
              type === "FillDefault" &&
              r >= t.rect.top &&
              r <= t.rect.bottom &&
              col >= t.rect.left &&
              col <= t.rect.right &&
              typeof c[1].value === "number"
            ) {
              fail("FakeLimitation", "FillDefault over numbers would make a series");
            }
          }
          copyFrom(d, t, "Formulas", false);
        }),
      clear: (n, applyTo?: unknown) =>
        n.op("clear", [applyTo ?? "All"], () => {
          const t = n.target();
          const what = oneOf(applyTo ?? "All", ["All", "Contents", "Formats"], "clear type");
          guardCells(t);
          if (what !== "Formats") {
            for (const k of [...t.sheet.cells.keys()]) {
              const r = keyRow(k);
              const c = keyCol(k);
              if (r >= t.rect.top && r <= t.rect.bottom && c >= t.rect.left && c <= t.rect.right)
                t.sheet.cells.delete(k);
            }
          }
          if (what !== "Contents") t.sheet.formats.push({ rect: t.rect, prop: "numberFormat", value: "General" });
        }),
      getCell: (n, row: number, column: number) =>
        n.child(self, `.getCell(${row},${column})`, () => {
          const t = n.target();
          const r = t.rect.top + num(row, "row", 0);
          const c = t.rect.left + num(column, "column", 0);
          return { ...t, rect: { top: r, left: c, bottom: r, right: c } };
        }),
      getResizedRange: (n, dr: number, dc: number) =>
        n.child(self, `.getResizedRange(${dr},${dc})`, () => {
          const t = n.target();
          const rect = { ...t.rect, bottom: t.rect.bottom + dr, right: t.rect.right + dc };
          if (rect.bottom < rect.top || rect.right < rect.left) fail("InvalidArgument", "resized range is empty");
          return { ...t, rect };
        }),
      getOffsetRange: (n, dr: number, dc: number) =>
        n.child(self, `.getOffsetRange(${dr},${dc})`, () => {
          const t = n.target();
          const rect = {
            top: t.rect.top + dr,
            bottom: t.rect.bottom + dr,
            left: t.rect.left + dc,
            right: t.rect.right + dc,
          };
          if (rect.top < 1 || rect.left < 1) fail("InvalidArgument", "offset range is outside the grid");
          return { ...t, rect };
        }),
      getVisibleView: (n) => n.child(RANGE_VIEW, ".getVisibleView()", () => n.target()),
      getEntireColumn: (n) =>
        n.child(self, ".getEntireColumn()", () => ({
          ...n.target(),
          rect: { ...n.target().rect, top: 1, bottom: MAX_ROWS },
        })),
      getEntireRow: (n) =>
        n.child(self, ".getEntireRow()", () => ({
          ...n.target(),
          rect: { ...n.target().rect, left: 1, right: MAX_COLUMNS },
        })),
      getUsedRange: (n, valuesOnly?: boolean) =>
        n.child(self, `.getUsedRange()`, () => {
          const t = n.target();
          const u = usedRect(t.sheet, Boolean(valuesOnly));
          const inter =
            u && rectsOverlap(u, t.rect)
              ? {
                  top: Math.max(u.top, t.rect.top),
                  left: Math.max(u.left, t.rect.left),
                  bottom: Math.min(u.bottom, t.rect.bottom),
                  right: Math.min(u.right, t.rect.right),
                }
              : undefined;
          if (!inter) fail("ItemNotFound", "The range has no used cells");
          return { ...t, rect: inter };
        }),
    },
  };
  return self;
}

// ---------------------------------------------------------------- Visible view and AutoFilter

/**
 * Excel.RangeView (ExcelApi 1.3), "a set of visible cells of the parent range": rowCount is
 * "the number of visible rows" (https://learn.microsoft.com/javascript/api/excel/excel.rangeview),
 * so rows hidden by hand or by a filter are not counted. Only the counts are modelled.
 */
const RANGE_VIEW: TypeSpec<R> = {
  typeName: "RangeView",
  scalars: {
    rowCount: {
      get: (t) => {
        let hidden = 0;
        for (const r of t.sheet.hiddenRows) if (r >= t.rect.top && r <= t.rect.bottom) hidden += 1;
        return rows(t.rect) - hidden;
      },
    },
    columnCount: {
      get: (t) => {
        let hidden = 0;
        for (const c of t.sheet.hiddenColumns) if (c >= t.rect.left && c <= t.rect.right) hidden += 1;
        return cols(t.rect) - hidden;
      },
    },
  },
};

/**
 * Worksheet.autoFilter (Excel.AutoFilter, ExcelApi 1.9,
 * https://learn.microsoft.com/javascript/api/excel/excel.autofilter): `enabled`, `isDataFiltered`
 * ("if the AutoFilter has filter criteria"), remove(). The rows a filter hides are hidden rows
 * (Range.rowHidden is true for them). Tests set a filter up with `fake.filter(…)`; apply() with
 * criteria is not modelled (the fake would have to evaluate them).
 */
function autoFilterSpec(opts: Options): TypeSpec<{ book: WorkbookState; sheet: SheetState }> {
  return {
    typeName: "AutoFilter",
    scalars: {
      enabled: { get: (t) => t.sheet.autoFilter !== undefined },
      isDataFiltered: { get: (t) => (t.sheet.autoFilter?.filteredRows.size ?? 0) > 0 },
    },
    methods: {
      getRangeOrNullObject: (n) =>
        n.nullable(rangeSpec(opts), ".getRangeOrNullObject()", "getRangeOrNullObject", [], () => {
          const t = n.target();
          return t.sheet.autoFilter ? { book: t.book, sheet: t.sheet, rect: t.sheet.autoFilter.rect } : null;
        }),
      apply: (n, range: unknown, columnIndex?: unknown, criteria?: unknown) =>
        n.op("apply", [range, columnIndex ?? null, criteria ?? null], () => {
          const t = n.target();
          if (criteria !== undefined) fail("FakeLimitation", "AutoFilter.apply with criteria");
          const r = rangeArg(t.book, t.sheet, range);
          t.sheet.autoFilter = { rect: r.rect, filteredRows: new Set() };
        }),
      remove: (n) =>
        n.op("remove", [], () => {
          const { sheet } = n.target();
          for (const r of sheet.autoFilter?.filteredRows ?? []) sheet.hiddenRows.delete(r);
          sheet.autoFilter = undefined;
        }),
    },
  };
}

// ---------------------------------------------------------------- Worksheet parts

const FREEZE: TypeSpec<{ book: WorkbookState; sheet: SheetState }> = {
  typeName: "WorksheetFreezePanes",
  methods: {
    freezeRows: (n, count?: number) =>
      n.op(
        "freezeRows",
        [count ?? 1],
        () => ((n.target().sheet.freeze = { rows: num(count ?? 1, "rows", 0, MAX_ROWS - 1), columns: 0 }), undefined),
      ),
    freezeColumns: (n, count?: number) =>
      n.op(
        "freezeColumns",
        [count ?? 1],
        () => (
          (n.target().sheet.freeze = { rows: 0, columns: num(count ?? 1, "columns", 0, MAX_COLUMNS - 1) }),
          undefined
        ),
      ),
    freezeAt: (n, frozen: unknown) =>
      n.op("freezeAt", [frozen], () => {
        const t = n.target();
        const r = rangeArg(t.book, t.sheet, frozen);
        if (r.rect.top !== 1 || r.rect.left !== 1) fail("FakeLimitation", "freezeAt with a range not starting at A1");
        t.sheet.freeze = { rows: r.rect.bottom, columns: r.rect.right };
      }),
    unfreeze: (n) => n.op("unfreeze", [], () => ((n.target().sheet.freeze = undefined), undefined)),
  },
};

const PROTECTION: TypeSpec<{ book: WorkbookState; sheet: SheetState }> = {
  typeName: "WorksheetProtection",
  scalars: {
    protected: { get: (t) => t.sheet.protection.protected },
    options: { get: (t) => t.sheet.protection.options ?? {} },
  },
  methods: {
    protect: (n, options?: unknown, password?: unknown) =>
      n.op("protect", [options ?? null, password === undefined ? null : "***"], () => {
        const t = n.target();
        alive(t.book, t.sheet);
        if (t.sheet.protection.protected) fail("InvalidOperation", "The worksheet is already protected");
        t.sheet.protection = { protected: true, options: options ?? {} };
      }),
    unprotect: (n) => n.op("unprotect", [], () => ((n.target().sheet.protection = { protected: false }), undefined)),
  },
};

const HEADER_FOOTER = (which: string): TypeSpec<{ sheet: SheetState }> => ({
  typeName: "HeaderFooter",
  scalars: Object.fromEntries(
    ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"].map((p) => [
      p,
      {
        get: (t: { sheet: SheetState }) => t.sheet.pageLayout.headers[`${which}.${p}`] ?? "",
        set: (t: { sheet: SheetState }, v: unknown) => {
          if (typeof v !== "string" || v.length > 255)
            fail("InvalidArgument", "header/footer text must be a string of at most 255 characters");
          t.sheet.pageLayout.headers[`${which}.${p}`] = v;
        },
      },
    ]),
  ),
});

const HEADERS_FOOTERS: TypeSpec<{ sheet: SheetState }> = {
  typeName: "HeaderFooterGroup",
  scalars: {
    state: {
      get: (t) => t.sheet.pageLayout.headers.state ?? "Default",
      set: (t, v) =>
        (t.sheet.pageLayout.headers.state = oneOf(
          v,
          ["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"],
          "header state",
        )),
    },
  },
  navs: {
    defaultForAllPages: (n) => n.child(HEADER_FOOTER("default"), ".defaultForAllPages", () => n.target()),
    firstPage: (n) => n.child(HEADER_FOOTER("first"), ".firstPage", () => n.target()),
    evenPages: (n) => n.child(HEADER_FOOTER("even"), ".evenPages", () => n.target()),
    oddPages: (n) => n.child(HEADER_FOOTER("odd"), ".oddPages", () => n.target()),
  },
};

const PAPER = ["A3", "A4", "A5", "B4", "B5", "Letter", "Legal", "Tabloid", "Executive"];

function marginScalar(name: string) {
  return {
    get: (t: { sheet: SheetState }) => t.sheet.pageLayout.margins[name] ?? null,
    set: (t: { sheet: SheetState }, v: unknown) => (t.sheet.pageLayout.margins[name] = num(v, name, 0, 1000)),
  };
}

const PAGE_LAYOUT: TypeSpec<{ book: WorkbookState; sheet: SheetState }> = {
  typeName: "PageLayout",
  scalars: {
    orientation: {
      get: (t) => t.sheet.pageLayout.orientation ?? "Portrait",
      set: (t, v) => (t.sheet.pageLayout.orientation = oneOf(v, ["Portrait", "Landscape"], "orientation")),
    },
    paperSize: {
      get: (t) => t.sheet.pageLayout.paperSize ?? "Letter",
      set: (t, v) => (t.sheet.pageLayout.paperSize = oneOf(v, PAPER, "paper size")),
    },
    zoom: {
      get: (t) => t.sheet.pageLayout.zoom ?? { scale: 100 },
      set: (t, v) => {
        const z = v as Record<string, unknown>;
        if (typeof z !== "object" || z === null) fail("InvalidArgument", "zoom must be an object");
        for (const k of Object.keys(z))
          if (!["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k))
            fail("InvalidArgument", `Unknown zoom option ${k}`);
        if (z.scale !== undefined && (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined))
          fail("InvalidArgument", "scale and fit-to-pages are exclusive");
        if (z.scale !== undefined) num(z.scale, "scale", 10, 400);
        if (z.horizontalFitToPages !== undefined) num(z.horizontalFitToPages, "horizontalFitToPages", 0, 32767);
        if (z.verticalFitToPages !== undefined) num(z.verticalFitToPages, "verticalFitToPages", 0, 32767);
        t.sheet.pageLayout.zoom = { ...z };
      },
    },
    centerHorizontally: {
      get: (t) => t.sheet.pageLayout.centerHorizontally ?? false,
      set: (t, v) => (t.sheet.pageLayout.centerHorizontally = bool(v, "centerHorizontally")),
    },
    leftMargin: marginScalar("left"),
    rightMargin: marginScalar("right"),
    topMargin: marginScalar("top"),
    bottomMargin: marginScalar("bottom"),
    headerMargin: marginScalar("header"),
    footerMargin: marginScalar("footer"),
  },
  navs: { headersFooters: (n) => n.child(HEADERS_FOOTERS, ".headersFooters", () => n.target()) },
  methods: {
    setPrintTitleRows: (n, rowsArg: unknown) =>
      n.op("setPrintTitleRows", [rowsArg], () => {
        const t = n.target();
        if (typeof rowsArg === "string") {
          if (!/^\$?\d+:\$?\d+$/.test(rowsArg)) fail("InvalidArgument", `Invalid print title rows ${rowsArg}`);
          t.sheet.pageLayout.printTitleRows = rowsArg.replace(/\$/g, "");
        } else {
          const r = rangeArg(t.book, t.sheet, rowsArg);
          t.sheet.pageLayout.printTitleRows = `${r.rect.top}:${r.rect.bottom}`;
        }
      }),
    setPrintArea: (n, area: unknown) =>
      n.op("setPrintArea", [area], () => {
        const t = n.target();
        // "The range or ranges of the content to print": a Range, RangeAreas or address string; an
        // address may list several areas separated by commas (ExcelApi 1.9,
        // https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprintarea-member(1)).
        const parts = typeof area === "string" ? area.split(",") : [area];
        t.sheet.pageLayout.printArea = parts.map((a) => formatRange(rangeArg(t.book, t.sheet, a).rect)).join(",");
      }),
  },
};

const PAGE_BREAKS: TypeSpec<{ book: WorkbookState; sheet: SheetState }> = {
  typeName: "PageBreakCollection",
  methods: {
    add: (n, at: unknown) =>
      n.op("add", [at], () => {
        const t = n.target();
        const r = rangeArg(t.book, t.sheet, at);
        if (r.rect.top < 2) fail("InvalidArgument", "A page break cannot be added above row 1");
        if (!t.sheet.pageBreaks.includes(r.rect.top)) t.sheet.pageBreaks.push(r.rect.top);
      }),
    removePageBreaks: (n) => n.op("removePageBreaks", [], () => ((n.target().sheet.pageBreaks.length = 0), undefined)),
  },
};

// ---------------------------------------------------------------- Tables

interface T {
  readonly book: WorkbookState;
  readonly table: TableState;
}

function validTableName(book: WorkbookState, name: unknown, self?: TableState): string {
  if (
    typeof name !== "string" ||
    !/^[A-Za-z_\\\u00A0-\uFFFF][A-Za-z0-9_.\\\u00A0-\uFFFF]{0,254}$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^(R|C)(\d+)?$/i.test(name)
  ) {
    fail("InvalidArgument", `The table name "${String(name)}" is not valid`);
  }
  const clash = book.tables.find((t) => t !== self && t.name.toLowerCase() === name.toLowerCase());
  if (clash || book.findName(name)) fail("InvalidArgument", `A table or name "${name}" already exists`);
  return name;
}

function headerNames(values: unknown[]): string[] {
  const seen = new Set<string>();
  return values.map((v, i) => {
    const base =
      v === undefined || v === null || v === ""
        ? `Column${i + 1}`
        : typeof v === "boolean"
          ? v
            ? "TRUE"
            : "FALSE"
          : String(v);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function tableSpec(opts: Options): TypeSpec<T> {
  const rangeOf = (n: FakeNode<T>, suffix: string, pick: (t: TableState) => Rect) =>
    n.child(rangeSpec(opts), suffix, () => {
      const { book, table } = n.target();
      return { book, sheet: table.sheet, rect: pick(table) };
    });
  return {
    typeName: "Table",
    scalars: {
      name: { get: (t) => t.table.name, set: (t, v) => (t.table.name = validTableName(t.book, v, t.table)) },
      id: { get: (t) => t.table.id },
      style: { get: (t) => t.table.style, set: (t, v) => (t.table.style = String(v)) },
      showHeaders: { get: (t) => t.table.showHeaders },
      showTotals: {
        get: (t) => t.table.showTotals,
        set: (t, v) => {
          const on = bool(v, "showTotals");
          const { table } = t;
          if (on === table.showTotals) return;
          const row = table.rect.bottom + 1;
          if (on) {
            for (let c = table.rect.left; c <= table.rect.right; c++) {
              if (cellAt(table.sheet, row, c)) fail("InvalidOperation", "The row below the table is not empty");
            }
            // Excel's default totals row: a label in the first column, a SUBTOTAL in the last.
            table.sheet.cells.set(key(row, table.rect.left), { value: "Total" });
            if (table.rect.right > table.rect.left) {
              const header = cellAt(table.sheet, table.rect.top, table.rect.right)?.value ?? "";
              table.sheet.cells.set(key(row, table.rect.right), {
                formula: `=SUBTOTAL(109,${table.name}[${String(header)}])`,
              });
            }
          } else {
            for (let c = table.rect.left; c <= table.rect.right; c++) table.sheet.cells.delete(key(row, c));
          }
          table.showTotals = on;
        },
      },
    },
    navs: { worksheet: (n) => n.child(worksheetSpec(opts), ".worksheet", () => n.target().table.sheet) },
    methods: {
      getRange: (n) =>
        rangeOf(n, ".getRange()", (t) => ({ ...t.rect, bottom: t.rect.bottom + (t.showTotals ? 1 : 0) })),
      getHeaderRowRange: (n) => rangeOf(n, ".getHeaderRowRange()", (t) => ({ ...t.rect, bottom: t.rect.top })),
      getDataBodyRange: (n) => rangeOf(n, ".getDataBodyRange()", (t) => ({ ...t.rect, top: t.rect.top + 1 })),
      getTotalRowRange: (n) =>
        rangeOf(n, ".getTotalRowRange()", (t) => {
          if (!t.showTotals) fail("InvalidOperation", "The table has no totals row");
          return { ...t.rect, top: t.rect.bottom + 1, bottom: t.rect.bottom + 1 };
        }),
      delete: (n) =>
        n.op("delete", [], () => {
          const { book, table } = n.target();
          const i = book.tables.indexOf(table);
          if (i < 0) fail("ItemNotFound", "The table no longer exists");
          book.tables.splice(i, 1);
        }),
      convertToRange: (n) =>
        n.child(rangeSpec(opts), ".convertToRange()", () => {
          const { book, table } = n.target();
          book.tables.splice(book.tables.indexOf(table), 1);
          return { book, sheet: table.sheet, rect: table.rect };
        }),
    },
  };
}

function tableCollectionSpec(
  opts: Options,
  scope: "book" | "sheet",
): TypeSpec<{ book: WorkbookState; sheet?: SheetState }> {
  return {
    typeName: "TableCollection",
    scalars: { count: { get: (t) => t.book.tables.filter((x) => !t.sheet || x.sheet === t.sheet).length } },
    items: (t) =>
      t.book.tables
        .filter((x) => !t.sheet || x.sheet === t.sheet)
        .map((table) => ({
          target: { book: t.book, table },
          spec: tableSpec(opts),
          path: `.getItem(${q(table.name)})`,
        })),
    methods: {
      add: (n, address: unknown, hasHeaders: unknown) => {
        let bound: T | undefined;
        const child = n.child(
          tableSpec(opts),
          `.add(${JSON.stringify(typeof address === "string" ? address : (nodeOf(address)?.path ?? null))})`,
          () => bound ?? fail("InvalidObjectPath", "not created"),
        );
        n.op("add", [address, hasHeaders], () => {
          const { book, sheet } = n.target();
          if (scope === "book" && typeof address === "string" && !address.includes("!"))
            fail("InvalidArgument", "workbook.tables.add needs a sheet-qualified address");
          const r = rangeArg(book, sheet, address);
          alive(book, r.sheet);
          if (r.sheet.protection.protected) fail("AccessDenied", "Cannot add a table on a protected sheet");
          if (!bool(hasHeaders, "hasHeaders")) fail("FakeLimitation", "tables without headers");
          if (tableOverlapping(book, r.sheet, r.rect)) fail("InvalidOperation", "A table can't overlap another table.");
          if (r.sheet.merges.some((m) => rectsOverlap(m, r.rect)))
            fail("InvalidOperation", "A table can't contain merged cells.");
          const values: unknown[] = [];
          for (let c = r.rect.left; c <= r.rect.right; c++) {
            const cell = cellAt(r.sheet, r.rect.top, c);
            if (cell?.formula !== undefined) fail("FakeLimitation", "table headers computed by formulas");
            values.push(cell?.value ?? cell?.error);
          }
          // Excel turns headers into unique text; a cell that already holds that text is left alone.
          headerNames(values).forEach((h, i) => {
            const k = key(r.rect.top, r.rect.left + i);
            if (r.sheet.cells.get(k)?.value !== h) r.sheet.cells.set(k, { value: h });
          });
          let n2 = book.tables.length + 1;
          while (book.findTable(`Table${n2}`) || book.findName(`Table${n2}`)) n2 += 1;
          const table: TableState = {
            id: book.nextId("table"),
            name: `Table${n2}`,
            sheet: r.sheet,
            rect: r.rect,
            style: "TableStyleMedium2",
            showTotals: false,
            showHeaders: true,
          };
          book.tables.push(table);
          bound = { book, table };
        });
        return child;
      },
      getItem: (n, name: string) =>
        n.child(tableSpec(opts), `.getItem(${q(name)})`, () => {
          const { book, sheet } = n.target();
          const table = book.findTable(name);
          if (!table || (sheet && table.sheet !== sheet)) fail("ItemNotFound", `The table ${name} does not exist`);
          return { book, table };
        }),
      getItemOrNullObject: (n, name: string) =>
        n.nullable(tableSpec(opts), `.getItemOrNullObject(${q(name)})`, "getItemOrNullObject", [name], () => {
          const { book, sheet } = n.target();
          const table = book.findTable(name);
          return table && (!sheet || table.sheet === sheet) ? { book, table } : null;
        }),
    },
  };
}

// ---------------------------------------------------------------- Charts

interface C {
  readonly book: WorkbookState;
  readonly sheet: SheetState;
  readonly chart: ChartState;
}
interface S extends C {
  readonly index: number;
}

const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "BarStacked",
  "Line",
  "LineMarkers",
  "Pie",
  "Radar",
  "RadarMarkers",
  "RadarFilled",
  "Area",
  "XYScatter",
  "Doughnut",
];

function seriesOf(t: S) {
  const s = t.chart.series[t.index];
  if (!s) fail("ItemNotFound", `Series ${t.index} does not exist`);
  return s;
}

const SERIES: TypeSpec<S> = {
  typeName: "ChartSeries",
  scalars: {
    name: { get: (t) => seriesOf(t).name, set: (t, v) => (seriesOf(t).name = String(v)) },
    chartType: {
      get: (t) => seriesOf(t).chartType ?? t.chart.type,
      set: (t, v) => (seriesOf(t).chartType = oneOf(v, CHART_TYPES, "chart type")),
    },
  },
  methods: {
    setValues: (n, source: unknown) =>
      n.op("setValues", [source], () => {
        const t = n.target();
        const r = rangeArg(t.book, t.sheet, source);
        seriesOf(t).values = { sheet: r.sheet.name, rect: r.rect };
      }),
    setXAxisValues: (n, source: unknown) =>
      n.op("setXAxisValues", [source], () => {
        const t = n.target();
        const r = rangeArg(t.book, t.sheet, source);
        seriesOf(t).xValues = { sheet: r.sheet.name, rect: r.rect };
      }),
    delete: (n) => n.op("delete", [], () => (n.target().chart.series.splice(n.target().index, 1), undefined)),
  },
};

const SERIES_COLLECTION: TypeSpec<C> = {
  typeName: "ChartSeriesCollection",
  scalars: { count: { get: (t) => t.chart.series.length } },
  items: (t) =>
    t.chart.series.map((_, index) => ({ target: { ...t, index }, spec: SERIES, path: `.getItemAt(${index})` })),
  methods: {
    getItemAt: (n, index: number) =>
      n.child(SERIES, `.getItemAt(${index})`, () => ({ ...n.target(), index: num(index, "index", 0) })),
    add: (n, name?: unknown) => {
      let bound: S | undefined;
      const child = n.child(
        SERIES,
        `.add(${JSON.stringify(name ?? null)})`,
        () => bound ?? fail("InvalidObjectPath", "not created"),
      );
      n.op("add", [name ?? null], () => {
        const t = n.target();
        t.chart.series.push({ name: typeof name === "string" ? name : `Series${t.chart.series.length + 1}` });
        bound = { ...t, index: t.chart.series.length - 1 };
      });
      return child;
    },
  },
};

const AXIS: TypeSpec<C> = {
  typeName: "ChartAxis",
  scalars: {
    minimum: {
      get: (t) => t.chart.valueAxis.minimum ?? null,
      set: (t, v) => (t.chart.valueAxis.minimum = num(v, "minimum")),
    },
    maximum: {
      get: (t) => t.chart.valueAxis.maximum ?? null,
      set: (t, v) => (t.chart.valueAxis.maximum = num(v, "maximum")),
    },
    numberFormat: {
      get: (t) => t.chart.valueAxis.numberFormat ?? "General",
      set: (t, v) => (t.chart.valueAxis.numberFormat = String(v)),
    },
  },
};

const CHART: TypeSpec<C> = {
  typeName: "Chart",
  scalars: {
    name: { get: (t) => t.chart.name, set: (t, v) => (t.chart.name = String(v)) },
    chartType: { get: (t) => t.chart.type, set: (t, v) => (t.chart.type = oneOf(v, CHART_TYPES, "chart type")) },
  },
  navs: {
    title: (n) =>
      n.child<C>(
        {
          typeName: "ChartTitle",
          scalars: {
            text: { get: (t) => t.chart.title ?? "", set: (t, v) => (t.chart.title = String(v)) },
            visible: { get: (t) => t.chart.title !== undefined },
          },
        },
        ".title",
        () => n.target(),
      ),
    series: (n) => n.child(SERIES_COLLECTION, ".series", () => n.target()),
    axes: (n) =>
      n.child<C>(
        {
          typeName: "ChartAxes",
          navs: {
            valueAxis: (m) => m.child(AXIS, ".valueAxis", () => m.target()),
            categoryAxis: (m) => m.child({ typeName: "ChartAxis", scalars: {} }, ".categoryAxis", () => m.target()),
          },
        },
        ".axes",
        () => n.target(),
      ),
    legend: (n) =>
      n.child<C>(
        {
          typeName: "ChartLegend",
          scalars: {
            visible: {
              get: (t) => t.chart.legend.visible ?? true,
              set: (t, v) => (t.chart.legend.visible = bool(v, "visible")),
            },
            position: {
              get: (t) => t.chart.legend.position ?? "Right",
              set: (t, v) =>
                (t.chart.legend.position = oneOf(
                  v,
                  ["Top", "Bottom", "Left", "Right", "Corner", "Custom", "Invalid"],
                  "legend position",
                )),
            },
          },
        },
        ".legend",
        () => n.target(),
      ),
  },
  methods: {
    setPosition: (n, start: unknown, end?: unknown) =>
      n.op("setPosition", [start, end ?? null], () => {
        const t = n.target();
        t.chart.from = formatRange(rangeArg(t.book, t.sheet, start).rect);
        if (end !== undefined && end !== null) t.chart.to = formatRange(rangeArg(t.book, t.sheet, end).rect);
      }),
    delete: (n) =>
      n.op(
        "delete",
        [],
        () => (n.target().sheet.charts.splice(n.target().sheet.charts.indexOf(n.target().chart), 1), undefined),
      ),
  },
};

const CHARTS: TypeSpec<{ book: WorkbookState; sheet: SheetState }> = {
  typeName: "ChartCollection",
  scalars: { count: { get: (t) => t.sheet.charts.length } },
  items: (t) =>
    t.sheet.charts.map((chart) => ({
      target: { book: t.book, sheet: t.sheet, chart },
      spec: CHART,
      path: `.getItem(${q(chart.name)})`,
    })),
  methods: {
    add: (n, type: unknown, source: unknown, seriesBy?: unknown) => {
      let bound: C | undefined;
      const child = n.child(CHART, `.add(${q(String(type))})`, () => bound ?? fail("InvalidObjectPath", "not created"));
      n.op("add", [type, source, seriesBy ?? "Auto"], () => {
        const t = n.target();
        alive(t.book, t.sheet);
        const ty = oneOf(type, CHART_TYPES, "chart type");
        const by = oneOf(seriesBy ?? "Auto", ["Auto", "Columns", "Rows"], "seriesBy");
        const r = rangeArg(t.book, t.sheet, source);
        let byColumns = by === "Columns" || (by === "Auto" && rows(r.rect) >= cols(r.rect));
        // office-js #1830: Excel on the web read a two-column source the other way round.
        if (t.book.formulaSettings.chartsAddSwaps) byColumns = !byColumns;
        const series = byColumns
          ? Array.from({ length: cols(r.rect) }, (_, i) => ({
              name: `Series${i + 1}`,
              values: { sheet: r.sheet.name, rect: { ...r.rect, left: r.rect.left + i, right: r.rect.left + i } },
            }))
          : Array.from({ length: rows(r.rect) }, (_, i) => ({
              name: `Series${i + 1}`,
              values: { sheet: r.sheet.name, rect: { ...r.rect, top: r.rect.top + i, bottom: r.rect.top + i } },
            }));
        const chart: ChartState = {
          id: t.book.nextId("chart"),
          name: `Chart ${t.sheet.charts.length + 1}`,
          type: ty,
          series,
          valueAxis: {},
          legend: {},
        };
        t.sheet.charts.push(chart);
        bound = { ...t, chart };
      });
      return child;
    },
  },
};

// ---------------------------------------------------------------- Worksheet and collections

export function worksheetSpec(opts: Options): TypeSpec<SheetState> {
  const bookOf = (n: FakeNode<SheetState>): WorkbookState => (n.core as unknown as { book: WorkbookState }).book;
  const spec: TypeSpec<SheetState> = {
    typeName: "Worksheet",
    scalars: {
      name: {
        get: (t) => t.name,
        set: (t, v, n) => {
          const book = bookOf(n);
          alive(book, t);
          book.guardStructure(`rename the sheet "${t.name}"`);
          const name = validSheetName(book, v, t);
          t.name = name;
        },
      },
      id: { get: (t) => t.id },
      position: { get: (t, n) => bookOf(n).sheets.indexOf(t) },
      visibility: {
        get: (t) => t.visibility,
        set: (t, v, n) => {
          bookOf(n).guardStructure(`hide or show the sheet "${t.name}"`);
          t.visibility = oneOf(v, ["Visible", "Hidden", "VeryHidden"], "visibility") as SheetState["visibility"];
        },
      },
      tabColor: {
        get: (t) => t.tabColor,
        set: (t, v) => {
          if (v !== "") color(v);
          t.tabColor = String(v);
        },
      },
    },
    navs: {
      freezePanes: (n) =>
        n.child(FREEZE, ".freezePanes", () => ({ book: bookOf(n), sheet: alive(bookOf(n), n.target()) })),
      protection: (n) => n.child(PROTECTION, ".protection", () => ({ book: bookOf(n), sheet: n.target() })),
      pageLayout: (n) =>
        n.child(PAGE_LAYOUT, ".pageLayout", () => ({ book: bookOf(n), sheet: alive(bookOf(n), n.target()) })),
      horizontalPageBreaks: (n) =>
        n.child(PAGE_BREAKS, ".horizontalPageBreaks", () => ({ book: bookOf(n), sheet: alive(bookOf(n), n.target()) })),
      tables: (n) =>
        n.child(tableCollectionSpec(opts, "sheet"), ".tables", () => ({
          book: bookOf(n),
          sheet: alive(bookOf(n), n.target()),
        })),
      charts: (n) => n.child(CHARTS, ".charts", () => ({ book: bookOf(n), sheet: alive(bookOf(n), n.target()) })),
      autoFilter: (n) =>
        n.child(autoFilterSpec(opts), ".autoFilter", () => ({ book: bookOf(n), sheet: alive(bookOf(n), n.target()) })),
    },
    methods: {
      getRange: (n, address?: string) =>
        n.child(rangeSpec(opts), `.getRange(${JSON.stringify(address ?? null)})`, () => {
          const sheet = alive(bookOf(n), n.target());
          const rect =
            address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS } : parseAddress(address);
          return { book: bookOf(n), sheet, rect };
        }),
      getRangeByIndexes: (n, r: number, c: number, rc: number, cc: number) =>
        n.child(rangeSpec(opts), `.getRangeByIndexes(${r},${c},${rc},${cc})`, () => {
          const sheet = alive(bookOf(n), n.target());
          num(r, "startRow", 0, MAX_ROWS - 1);
          num(c, "startColumn", 0, MAX_COLUMNS - 1);
          num(rc, "rowCount", 1, MAX_ROWS - r);
          num(cc, "columnCount", 1, MAX_COLUMNS - c);
          return { book: bookOf(n), sheet, rect: { top: r + 1, left: c + 1, bottom: r + rc, right: c + cc } };
        }),
      getCell: (n, r: number, c: number) =>
        n.child(rangeSpec(opts), `.getCell(${r},${c})`, () => ({
          book: bookOf(n),
          sheet: alive(bookOf(n), n.target()),
          rect: { top: r + 1, left: c + 1, bottom: r + 1, right: c + 1 },
        })),
      getUsedRange: (n, valuesOnly?: boolean) =>
        n.child(rangeSpec(opts), `.getUsedRange(${Boolean(valuesOnly)})`, () => {
          const sheet = alive(bookOf(n), n.target());
          return {
            book: bookOf(n),
            sheet,
            rect: usedRect(sheet, Boolean(valuesOnly)) ?? { top: 1, left: 1, bottom: 1, right: 1 },
          };
        }),
      getUsedRangeOrNullObject: (n, valuesOnly?: boolean) =>
        n.nullable(
          rangeSpec(opts),
          `.getUsedRangeOrNullObject(${Boolean(valuesOnly)})`,
          "getUsedRangeOrNullObject",
          [Boolean(valuesOnly)],
          () => {
            const sheet = alive(bookOf(n), n.target());
            const u = usedRect(sheet, Boolean(valuesOnly));
            return u ? { book: bookOf(n), sheet, rect: u } : null;
          },
        ),
      delete: (n) => n.op("delete", [], () => bookOf(n).deleteSheet(alive(bookOf(n), n.target()))),
      // Worksheet.calculate(markAllDirty) (ExcelApi 1.6): the sheet's formulas get their values again.
      calculate: (n, markAllDirty: unknown) =>
        n.op("calculate", [markAllDirty], () => {
          const sheet = alive(bookOf(n), n.target());
          bool(markAllDirty, "markAllDirty");
          for (const [k, c] of sheet.cells) if (c.stale) sheet.cells.set(k, { formula: c.formula! });
        }),
      activate: (n) =>
        n.op("activate", [], () => {
          const book = bookOf(n);
          const s = alive(book, n.target());
          if (s.visibility !== "Visible") fail("InvalidOperation", "Cannot activate a hidden sheet");
          book.activeSheet = s;
        }),
    },
  };
  return spec;
}

function validSheetName(book: WorkbookState, v: unknown, self?: SheetState): string {
  if (
    typeof v !== "string" ||
    v.length === 0 ||
    v.length > 31 ||
    /[\\/?*:[\]]/.test(v) ||
    /^'|'$/.test(v) ||
    v.toLowerCase() === "history"
  ) {
    fail("InvalidArgument", `The sheet name "${String(v)}" is not valid`);
  }
  const taken = book.findSheet(v);
  if (taken && taken !== self) fail("ItemAlreadyExists", `A sheet named "${v}" already exists`);
  return v;
}

function worksheetCollectionSpec(opts: Options): TypeSpec<WorkbookState> {
  const ws = worksheetSpec(opts);
  return {
    typeName: "WorksheetCollection",
    items: (book) => book.sheets.map((s) => ({ target: s, spec: ws, path: `.getItem(${q(s.id)})` })),
    methods: {
      add: (n, name?: unknown) => {
        let created: SheetState | undefined;
        const child = n.child(
          ws,
          `.add(${JSON.stringify(name ?? null)})`,
          () => created ?? fail("InvalidObjectPath", "not created"),
        );
        n.op("add", [name ?? null], () => {
          const book = n.target();
          let nm = name as string | undefined;
          if (nm === undefined || nm === null) {
            let i = book.sheets.length + 1;
            while (book.findSheet(`Sheet${i}`)) i += 1;
            nm = `Sheet${i}`;
          }
          book.guardStructure(`add the sheet "${nm}"`);
          validSheetName(book, nm);
          created = book.addSheet(nm);
        });
        return child;
      },
      getItem: (n, name: string) =>
        n.child(
          ws,
          `.getItem(${q(name)})`,
          () => n.target().findSheet(name) ?? fail("ItemNotFound", `The worksheet "${name}" does not exist`),
        ),
      getItemOrNullObject: (n, name: string) =>
        n.nullable(
          ws,
          `.getItemOrNullObject(${q(name)})`,
          "getItemOrNullObject",
          [name],
          () => n.target().findSheet(name) ?? null,
        ),
      getActiveWorksheet: (n) =>
        n.child(ws, ".getActiveWorksheet()", () => n.target().activeSheet ?? fail("ItemNotFound", "No active sheet")),
    },
  };
}

// ---------------------------------------------------------------- Names

interface NN {
  readonly book: WorkbookState;
  readonly item: NameState;
}

function validDefinedName(book: WorkbookState, name: unknown): string {
  if (
    typeof name !== "string" ||
    name.length > 255 ||
    !/^[A-Za-z_\\\u00A0-\uFFFF][A-Za-z0-9_.\\?\u00A0-\uFFFF]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d{1,7}$/.test(name) ||
    /^(R|C|R\d+|C\d+|R\d*C\d*)$/i.test(name) ||
    /^(TRUE|FALSE)$/i.test(name)
  ) {
    fail("InvalidArgument", `The name "${String(name)}" is not valid`);
  }
  if (book.findName(name)) fail("ItemAlreadyExists", `The name "${name}" already exists`);
  if (book.findTable(name)) fail("InvalidArgument", `"${name}" is already used by a table`);
  return name;
}

/**
 * What a formula name computes to, for the little the fake evaluates: a number, or DATE(y,m,d)
 * in the workbook's date system (1900: 1900-01-01 is 1, with Excel's fictitious 1900-02-29; 1904:
 * 1904-01-01 is 0). Anything else is its formula text.
 */
function nameValue(book: WorkbookState, formula: string): unknown {
  const body = formula.replace(/^=/, "");
  if (/^[-+]?\d+(\.\d+)?$/.test(body)) return Number(body);
  const m = /^DATE\((\d+),(\d+),(\d+)\)$/i.exec(body);
  if (!m) return body;
  const days = (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (book.dateSystem === 1904) return days - 1462;
  return days < 61 ? days - 1 : days;
}

function namedItemSpec(opts: Options): TypeSpec<NN> {
  const isRange = (i: NameState) => Boolean(i.sheet && i.rect);
  return {
    typeName: "NamedItem",
    scalars: {
      name: { get: (t) => t.item.name },
      type: { get: (t) => (t.item.sheet === null ? "Error" : isRange(t.item) ? "Range" : "String") },
      // NamedItem.value: "the value computed by the name's formula. For a named range, it will
      // return the range address." The fake computes constants and DATE(y,m,d) only.
      value: {
        get: (t) =>
          t.item.sheet === null
            ? "#REF!"
            : isRange(t.item)
              ? nameReference(t.item).replace(/^=/, "")
              : nameValue(t.book, t.item.formula ?? ""),
      },
      formula: { get: (t) => nameReference(t.item) },
      comment: { get: (t) => t.item.comment, set: (t, v) => (t.item.comment = String(v)) },
      visible: { get: (t) => t.item.visible, set: (t, v) => (t.item.visible = bool(v, "visible")) },
    },
    methods: {
      getRange: (n) =>
        n.child(rangeSpec(opts), ".getRange()", () => {
          const { book, item } = n.target();
          if (!item.sheet || !item.rect) fail("InvalidReference", `The name ${item.name} does not refer to a range`);
          return { book, sheet: item.sheet, rect: item.rect };
        }),
      getRangeOrNullObject: (n) =>
        n.nullable(rangeSpec(opts), ".getRangeOrNullObject()", "getRangeOrNullObject", [], () => {
          const { book, item } = n.target();
          return item.sheet && item.rect ? { book, sheet: item.sheet, rect: item.rect } : null;
        }),
      delete: (n) =>
        n.op("delete", [], () => {
          const { book, item } = n.target();
          const i = book.names.indexOf(item);
          if (i < 0) fail("ItemNotFound", `The name ${item.name} does not exist`);
          book.names.splice(i, 1);
        }),
    },
  };
}

function namesSpec(opts: Options): TypeSpec<WorkbookState> {
  const item = namedItemSpec(opts);
  return {
    typeName: "NamedItemCollection",
    items: (book) => book.names.map((i) => ({ target: { book, item: i }, spec: item, path: `.getItem(${q(i.name)})` })),
    methods: {
      add: (n, name: unknown, reference: unknown, comment?: unknown) => {
        let bound: NN | undefined;
        const child = n.child(
          item,
          `.add(${JSON.stringify(name)})`,
          () => bound ?? fail("InvalidObjectPath", "not created"),
        );
        n.op("add", [name, reference, comment ?? null], () => {
          const book = n.target();
          const nm = validDefinedName(book, name);
          let entry: NameState;
          const rn = nodeOf<R>(reference);
          if (rn) {
            const r = rn.target();
            alive(book, r.sheet);
            entry = { name: nm, sheet: r.sheet, rect: r.rect, comment: String(comment ?? ""), visible: true };
          } else if (typeof reference === "string" && reference.startsWith("=")) {
            const parsed = readSheetAddress(reference);
            if (parsed) {
              const s = book.findSheet(parsed.sheet) ?? fail("InvalidReference", `No sheet ${parsed.sheet}`);
              entry = { name: nm, sheet: s, rect: parsed.rect, comment: String(comment ?? ""), visible: true };
            } else {
              checkFormulaText(book, reference);
              entry = { name: nm, formula: reference, comment: String(comment ?? ""), visible: true };
            }
          } else return fail("InvalidArgument", "A name reference must be a Range or a formula string starting with =");
          if (entry.comment.length > 255) fail("InvalidArgument", "A name comment is limited to 255 characters");
          book.names.push(entry);
          bound = { book, item: entry };
        });
        return child;
      },
      getItem: (n, name: string) =>
        n.child(item, `.getItem(${q(name)})`, () => {
          const book = n.target();
          const i = book.findName(name) ?? fail("ItemNotFound", `The name ${name} does not exist`);
          return { book, item: i };
        }),
      getItemOrNullObject: (n, name: string) =>
        n.nullable(item, `.getItemOrNullObject(${q(name)})`, "getItemOrNullObject", [name], () => {
          const book = n.target();
          const i = book.findName(name);
          return i ? { book, item: i } : null;
        }),
    },
  };
}

// ---------------------------------------------------------------- Workbook, application, context

export function workbookSpec(opts: Options): TypeSpec<WorkbookState> {
  return {
    typeName: "Workbook",
    navs: {
      worksheets: (n) => n.child(worksheetCollectionSpec(opts), ".worksheets", () => n.target()),
      names: (n) => n.child(namesSpec(opts), ".names", () => n.target()),
      tables: (n) => n.child(tableCollectionSpec(opts, "book"), ".tables", () => ({ book: n.target() })),
      protection: (n) => n.child(WORKBOOK_PROTECTION, ".protection", () => n.target()),
    },
    methods: {
      getSelectedRange: (n) =>
        n.child(rangeSpec(opts), ".getSelectedRange()", () => {
          const book = n.target();
          const sel =
            book.selection ??
            (book.activeSheet
              ? { sheet: book.activeSheet, rect: { top: 1, left: 1, bottom: 1, right: 1 } }
              : undefined);
          if (!sel) fail("ItemNotFound", "Nothing is selected");
          return { book, sheet: sel.sheet, rect: sel.rect };
        }),
    },
  };
}

/** Excel.WorkbookProtection (ExcelApi 1.7): protect fails on a protected workbook. */
const WORKBOOK_PROTECTION: TypeSpec<WorkbookState> = {
  typeName: "WorkbookProtection",
  scalars: { protected: { get: (book) => book.structureProtected } },
  methods: {
    protect: (n, password?: unknown) =>
      n.op("protect", [password === undefined ? null : "***"], () => {
        const book = n.target();
        if (book.structureProtected) fail("InvalidOperation", "The workbook is already protected");
        book.structureProtected = true;
      }),
    unprotect: (n, password?: unknown) =>
      n.op("unprotect", [password === undefined ? null : "***"], () => {
        n.target().structureProtected = false;
      }),
  },
};

export const APPLICATION: TypeSpec<WorkbookState> = {
  typeName: "Application",
  scalars: { calculationMode: { get: () => "Automatic" } },
  methods: {
    suspendApiCalculationUntilNextSync: (n) =>
      n.op("suspendApiCalculationUntilNextSync", [], () => {
        const book = n.target();
        book.calculationSuspensions += 1;
        book.calculationSuspended = true;
      }),
    // Application.calculate (ExcelApi 1.1): "Recalculate all currently opened workbooks in Excel."
    calculate: (n, type: unknown) =>
      n.op("calculate", [type], () => {
        const book = n.target();
        book.calculations.push(oneOf(type, ["Recalculate", "Full", "FullRebuild"], "calculation type"));
        book.recalculate();
      }),
  },
};
