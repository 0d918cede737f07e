/**
 * A small, safe .xlsx reader for the workbooks users give us as input (work orders, people,
 * bonus tables, the forms and settings of a workbook the add-in generated).
 *
 * Why not exceljs's loader: it builds the whole object model (a stray cell in row 1,048,576
 * costs a million row objects), it reads a hidden first sheet as if it were the one the user
 * sees, it turns long numeric IDs into floating-point numbers, a 1904-date-system workbook's
 * dates come out four years early, a damaged part surfaces as a JavaScript message, and a zip
 * bomb is inflated in full. Here:
 * - the package is opened by ./package/open.ts (limits checked while inflating);
 * - every XML part is parsed with saxes while it is being inflated (no part is held as text,
 *   DOCTYPEs are refused), and only non-empty cells are kept; empty rows of a range share one
 *   row array, so a sparse sheet costs what its cells cost;
 * - numbers keep their meaning: a `<v>` of 16 or more digits (beyond the 15 significant
 *   digits an Excel number holds, so written by another program) stays the text it is, so an
 *   ID such as 202610050001234567 is never rounded; `1e999` stays text, never Infinity;
 * - date-formatted numbers of a 1904-date-system workbook are moved to the 1900 system;
 * - formula cells give their cached result; a formula saved without one, hidden rows, merged
 *   cells and a hidden first sheet are reported as notes, never silently.
 * Browser-safe: no Node APIs.
 */
import { SaxesParser } from "saxes";
import { text, type Text } from "../core/i18n/text";
import { formatRange, MAX_COLUMNS, MAX_ROWS, parseRange, parseSheetRangeRef, type Rect } from "../sheets/formula/a1";
import { parseMarkerJson } from "../sheets/formula/marker";
import { isMarkerName } from "../sheets/formula/names";
import type { FoundPlan, RangeData, Scalar } from "../sheets/plan";
import { isDateFormatCode } from "./package/numberFormat";
import { DEFAULT_LIMITS, openXlsxPackage, PackageError, type OpenPackage, type PackageLimits } from "./package/open";

export { isDateFormatCode } from "./package/numberFormat";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface XlsxSheetInfo {
  readonly name: string;
  readonly state: SheetState;
  /** The sheet's part inside the package (e.g. xl/worksheets/sheet1.xml). */
  readonly part: string;
}

export interface XlsxDefinedName {
  readonly name: string;
  /** The name's formula text as stored (e.g. `'考核参数'!$B$3:$E$7`). */
  readonly ref: string;
  /** Index of the sheet the name is scoped to; undefined for a workbook-scoped name. */
  readonly localSheetId?: number;
}

export interface ReaderLimits extends PackageLimits {
  /** Cells a range read may hold (rows with data × the range's width). */
  readonly maxCells: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = { ...DEFAULT_LIMITS, maxCells: 30_000_000 };

/** A range read from a sheet, with what the user should know about how it was read. */
export interface SheetRead extends RangeData {
  readonly notes: readonly Text[];
}

/** A parsed sheet: its non-empty cells by row, and what was seen while reading it. */
interface ParsedSheet {
  /** Row number → [column numbers ascending, values]. */
  readonly rows: Map<number, { cols: number[]; vals: Scalar[] }>;
  readonly used: Rect | undefined;
  readonly hiddenRows: number;
  readonly merges: readonly Rect[];
  /** Formula cells saved without a result: count and the first address. */
  readonly uncalculated: { count: number; first: string | null };
}

function damaged(detail: Text): PackageError {
  return new PackageError(
    "corrupt",
    text(
      `.xlsx 文件已损坏（${detail.zh}）：请在 Excel 中打开并重新保存`,
      `the .xlsx file is damaged (${detail.en}): open it in Excel and save it again`,
    ),
  );
}

/**
 * Parses one XML part while it is inflated. `onOpen`/`onClose`/`onText` get saxes's events;
 * a DOCTYPE (never present in Office files; the door to entity-expansion attacks) is refused.
 */
function parsePart(
  pkg: OpenPackage,
  part: string,
  handlers: {
    onOpen?: (name: string, attrs: Record<string, string>) => void;
    onClose?: (name: string) => void;
    onText?: (t: string) => void;
    /** Asked after each inflated chunk: true ends the parse there (the rest is not read). */
    done?: () => boolean;
  },
): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  // The first error stops the parse at once (thrown through write()): saxes would otherwise
  // go on and report every following character of a part full of junk.
  parser.on("error", (e) => {
    const detail = (e.message.split("\n")[0] ?? "").slice(0, 80);
    throw damaged(text(`“${part}”不是有效的 XML：${detail}`, `"${part}" is not valid XML: ${detail}`));
  });
  parser.on("doctype", () => {
    throw damaged(text(`“${part}”含有 DOCTYPE`, `"${part}" holds a DOCTYPE`));
  });
  if (handlers.onOpen) {
    const open = handlers.onOpen;
    parser.on("opentag", (tag) => open(tag.name, tag.attributes as Record<string, string>));
  }
  if (handlers.onClose) {
    const close = handlers.onClose;
    parser.on("closetag", (tag) => close(tag.name));
  }
  if (handlers.onText) {
    const onText = handlers.onText;
    parser.on("text", onText);
    parser.on("cdata", onText);
  }
  const decoder = new TextDecoder("utf-8");
  let first = true;
  try {
    let ended = false;
    pkg.stream(part, (chunk) => {
      let s = decoder.decode(chunk, { stream: true });
      if (first) {
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
        first = false;
      }
      parser.write(s);
      ended = handlers.done?.() ?? false;
      return !ended;
    });
    if (ended) return;
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof PackageError) throw e;
    const detail = ((e as Error).message.split("\n")[0] ?? "").slice(0, 80);
    throw damaged(text(`“${part}”不是有效的 XML：${detail}`, `"${part}" is not valid XML: ${detail}`));
  }
}

function localName(tag: string): string {
  const i = tag.indexOf(":");
  return i < 0 ? tag : tag.slice(i + 1);
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function readRels(pkg: OpenPackage, part: string): Map<string, { target: string; type: string }> {
  const rels = new Map<string, { target: string; type: string }>();
  const path = relsPathOf(part);
  if (!pkg.has(path)) return rels;
  parsePart(pkg, path, {
    onOpen: (name, a) => {
      if (localName(name) === "Relationship" && a.Id && a.Target && a.TargetMode !== "External")
        rels.set(a.Id, { target: resolveTarget(part, a.Target), type: a.Type ?? "" });
    },
  });
  return rels;
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, plus the CJK date ids). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Which style indexes (the `s` of a cell) show dates. */
function readDateStyles(pkg: OpenPackage, stylesPart: string | undefined): boolean[] {
  if (!stylesPart || !pkg.has(stylesPart)) return [];
  const custom = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let inCellXfs = false;
  parsePart(pkg, stylesPart, {
    onOpen: (tag, a) => {
      const name = localName(tag);
      if (name === "numFmt" && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        dateStyles.push(code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id));
      }
    },
    onClose: (tag) => {
      if (localName(tag) === "cellXfs") inCellXfs = false;
    },
  });
  return dateStyles;
}

function readSharedStrings(pkg: OpenPackage, part: string | undefined): string[] {
  const strings: string[] = [];
  if (!part || !pkg.has(part)) return strings;
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  parsePart(pkg, part, {
    onOpen: (tag) => {
      const name = localName(tag);
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inT = true;
    },
    onText: (t) => {
      if (inT && current) current.push(t);
    },
    onClose: (tag) => {
      const name = localName(tag);
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        strings.push(current ? decodeXstring(current.join("")) : "");
        current = null;
      }
    },
  });
  return strings;
}

/** "B12" → [12, 2]; null when the text is no cell address inside the grid. */
function cellRef(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    i++;
  }
  if (i === 0 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS || col > MAX_COLUMNS) return null;
  return [row, col];
}

/**
 * Undoes OOXML's string escaping (ST_Xstring): `_xHHHH_` is the character U+HHHH (Excel writes
 * CR, other control characters, and a literal "_x…_" as `_x005F_…`).
 */
export function decodeXstring(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** More digits than a double holds exactly as Excel shows it (15): another program's ID. */
const LONG_DIGITS = /^-?\d{16,}$/;

/** A numeric `<v>` as the value to use: a number, or the text itself when a number would change it. */
export function numericCellValue(raw: string): Scalar {
  const t = raw.trim();
  if (t === "") return null;
  if (LONG_DIGITS.test(t)) return t;
  const n = Number(t);
  if (!Number.isFinite(n)) return t;
  return n;
}

/** Days between the 1904 and the 1900 date systems' day 0. */
const DATE1904_OFFSET = 1462;

function parseSheet(
  pkg: OpenPackage,
  part: string,
  sheetName: string,
  shared: readonly string[],
  dateStyles: readonly boolean[],
  date1904: boolean,
  untilRow = MAX_ROWS,
): ParsedSheet {
  const rows = new Map<number, { cols: number[]; vals: Scalar[] }>();
  let pastLastRow = false;
  const merges: Rect[] = [];
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  let hiddenRows = 0;
  const uncalculated = { count: 0, first: null as string | null };

  let rowNo = 0;
  let colNo = 0;
  let inCell = false;
  let type = "n";
  let style = 0;
  let hasFormula = false;
  let valueText: string[] | null = null;
  let inV = false;
  let inlineText: string[] | null = null;
  let inInlineT = false;
  let phonetic = 0;
  let ref = "";

  const put = (r: number, c: number, v: Scalar): void => {
    if (v === null || v === "" || r > untilRow) return;
    let row = rows.get(r);
    if (!row) rows.set(r, (row = { cols: [], vals: [] }));
    const n = row.cols.length;
    if (n > 0 && row.cols[n - 1] >= c) {
      // Out of order or repeated (not written by Excel): keep the last value for a column.
      const at = row.cols.indexOf(c);
      if (at >= 0) {
        row.vals[at] = v;
        return;
      }
      let k = n;
      while (k > 0 && row.cols[k - 1] > c) k--;
      row.cols.splice(k, 0, c);
      row.vals.splice(k, 0, v);
    } else {
      row.cols.push(c);
      row.vals.push(v);
    }
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };

  const cellValue = (): Scalar => {
    const raw = valueText === null ? null : valueText.join("");
    switch (type) {
      case "s": {
        if (raw === null || raw.trim() === "") return null;
        const i = Number(raw);
        if (!Number.isInteger(i) || i < 0 || i >= shared.length) {
          throw damaged(
            text(
              `工作表“${sheetName}”的 ${ref} 指向第 ${raw} 个共享字符串，而文件中只有 ${shared.length} 个`,
              `cell ${ref} of sheet "${sheetName}" points at shared string ${raw}, but the file has only ${shared.length}`,
            ),
          );
        }
        return shared[i];
      }
      case "inlineStr":
        return inlineText === null ? raw : decodeXstring(inlineText.join(""));
      case "str":
        return raw === null ? null : decodeXstring(raw);
      case "b":
        return raw === null ? null : raw.trim() === "1" || raw.trim().toLowerCase() === "true";
      case "e":
        return raw === null ? null : raw.trim();
      case "d":
        // An ISO date cell (rare; Excel 2010+ strict files): kept as its text for the date parser.
        return raw;
      default: {
        if (raw === null) return null;
        const v = numericCellValue(raw);
        if (typeof v === "number" && date1904 && dateStyles[style]) return v + DATE1904_OFFSET;
        return v;
      }
    }
  };

  parsePart(pkg, part, {
    onOpen: (tag, a) => {
      switch (localName(tag)) {
        case "row": {
          const r = a.r === undefined ? rowNo + 1 : Number(a.r);
          if (!Number.isInteger(r) || r < 1 || r > MAX_ROWS)
            throw damaged(
              text(`工作表“${sheetName}”的行号 ${a.r} 无效`, `sheet "${sheetName}" has an invalid row number ${a.r}`),
            );
          rowNo = r;
          colNo = 0;
          if (r > untilRow) pastLastRow = true;
          if (a.hidden === "1" || a.hidden === "true") hiddenRows++;
          break;
        }
        case "c": {
          inCell = true;
          ref = a.r ?? "";
          const at = a.r === undefined ? ([rowNo, colNo + 1] as [number, number]) : cellRef(a.r);
          if (!at)
            throw damaged(
              text(
                `工作表“${sheetName}”的单元格地址“${a.r}”无效`,
                `sheet "${sheetName}" has an invalid cell address "${a.r}"`,
              ),
            );
          [rowNo, colNo] = at;
          if (ref === "") ref = `R${rowNo}C${colNo}`;
          type = a.t ?? "n";
          style = a.s === undefined ? 0 : Number(a.s);
          hasFormula = false;
          valueText = null;
          inlineText = null;
          break;
        }
        case "v":
          if (inCell) {
            valueText = [];
            inV = true;
          }
          break;
        case "f":
          if (inCell) hasFormula = true;
          break;
        case "is":
          if (inCell) inlineText = [];
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (inlineText !== null && phonetic === 0) inInlineT = true;
          break;
        case "mergeCell":
          if (a.ref) {
            try {
              merges.push(parseRange(a.ref));
            } catch {
              // A merge Excel would not write; the cells still read as they are.
            }
          }
          break;
      }
    },
    onText: (t) => {
      if (inInlineT && inlineText !== null) inlineText.push(t);
      else if (inV && valueText !== null) valueText.push(t);
    },
    onClose: (tag) => {
      switch (localName(tag)) {
        case "v":
          inV = false;
          break;
        case "t":
          inInlineT = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c": {
          if (hasFormula && valueText === null && inlineText === null) {
            uncalculated.count++;
            uncalculated.first ??= ref;
          }
          put(rowNo, colNo, cellValue());
          inCell = false;
          valueText = null;
          inlineText = null;
          break;
        }
      }
    },
    done: () => pastLastRow,
  });
  const used = bottom === 0 ? undefined : { top, left, bottom, right };
  return { rows, used, hiddenRows, merges, uncalculated };
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

/** An opened .xlsx workbook: its sheets, names and a way to read any range, each sheet parsed once. */
export interface XlsxBook {
  readonly sheets: readonly XlsxSheetInfo[];
  readonly date1904: boolean;
  readonly definedNames: readonly XlsxDefinedName[];
  /** The sheet a reader should take when none is named: the first visible one. */
  defaultSheet(): XlsxSheetInfo | undefined;
  sheet(name: string): XlsxSheetInfo | undefined;
  /**
   * The sheet's used range (non-empty cells), with notes on hidden rows and uncalculated
   * formulas. `fillMerged` (for tables users made) reads every cell of a merged area as its
   * top-left value — what the user sees there — and notes it; otherwise they read blank, as
   * Excel stores them.
   */
  readUsedRange(sheetName: string, options?: { readonly fillMerged?: boolean }): SheetRead;
  /** A rectangle of a sheet (formula cells: their cached result). */
  readRange(sheetName: string, address: string): SheetRead;
  /** Values of workbook-scoped names; undefined for a name that is missing or not a range. */
  readNames(names: readonly string[]): Record<string, Scalar[][] | undefined>;
  /** Generated sheets found by their SVC_PLAN_ names, in sheet order. */
  findPlans(): FoundPlan[];
  /** Parses every sheet once (cells kept sparse): throws PackageError for a damaged part. */
  checkAllSheets(): void;
}

/**
 * Opens .xlsx bytes. Throws PackageError (with a bilingual one-line message) for anything that
 * is not a readable workbook.
 */
export function openXlsx(bytes: Uint8Array, limits: ReaderLimits = DEFAULT_READER_LIMITS): XlsxBook {
  const { pkg, workbookPart } = openXlsxPackage(bytes, limits);
  const rels = readRels(pkg, workbookPart);
  const sheetsRaw: { name: string; state: SheetState; rid: string }[] = [];
  const names: XlsxDefinedName[] = [];
  let date1904 = false;
  let nameOpen: { name: string; localSheetId?: number; parts: string[] } | null = null;
  // Elements inside <extLst> belong to extensions: Excel's own x15:workbookPr (there in every
  // file Excel 2013+ saves) must not be read as the workbook's <workbookPr>.
  let inExtension = 0;
  parsePart(pkg, workbookPart, {
    onOpen: (tag, a) => {
      const name = localName(tag);
      if (name === "extLst") inExtension++;
      if (inExtension > 0) return;
      if (name === "sheet") {
        const rid = a["r:id"] ?? Object.entries(a).find(([k]) => localName(k) === "id" && k.includes(":"))?.[1] ?? "";
        const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
        sheetsRaw.push({ name: a.name ?? "", state, rid });
      } else if (name === "workbookPr") {
        date1904 = a.date1904 === "1" || a.date1904 === "true";
      } else if (name === "definedName") {
        nameOpen = {
          name: a.name ?? "",
          ...(a.localSheetId !== undefined ? { localSheetId: Number(a.localSheetId) } : {}),
          parts: [],
        };
      }
    },
    onText: (t) => {
      nameOpen?.parts.push(t);
    },
    onClose: (tag) => {
      if (localName(tag) === "extLst") inExtension--;
      if (localName(tag) === "definedName" && nameOpen) {
        const { name, localSheetId, parts } = nameOpen;
        names.push({ name, ref: parts.join("").trim(), ...(localSheetId !== undefined ? { localSheetId } : {}) });
        nameOpen = null;
      }
    },
  });
  const sheets: XlsxSheetInfo[] = [];
  for (const s of sheetsRaw) {
    const target = rels.get(s.rid)?.target;
    if (!target || !pkg.has(target))
      throw damaged(text(`找不到工作表“${s.name}”的内容`, `the contents of sheet "${s.name}" are missing`));
    sheets.push({ name: s.name, state: s.state, part: target });
  }
  const relOfType = (suffix: string): string | undefined =>
    [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  let shared: string[] | null = null;
  let dateStyles: boolean[] | null = null;
  const parsed = new Map<string, ParsedSheet>();

  const info = (name: string): XlsxSheetInfo | undefined =>
    sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

  const parsedSheet = (s: XlsxSheetInfo): ParsedSheet => {
    let p = parsed.get(s.name);
    if (!p) {
      shared ??= readSharedStrings(pkg, relOfType("/sharedStrings"));
      dateStyles ??= readDateStyles(pkg, relOfType("/styles"));
      p = parseSheet(pkg, s.part, s.name, shared, dateStyles, date1904);
      parsed.set(s.name, p);
    }
    return p;
  };

  /**
   * One cell near the top of a sheet (a plan's marker): the sheet is parsed only down to its
   * row, not whole — finding the plans of a workbook with a 100,000-row register then costs
   * milliseconds instead of seconds (and the browser pane reads it on the page's thread).
   */
  const markerCellOf = (s: XlsxSheetInfo, row: number, column: number): Scalar => {
    const whole = parsed.get(s.name);
    if (whole) return cellAt(whole, row, column);
    shared ??= readSharedStrings(pkg, relOfType("/sharedStrings"));
    dateStyles ??= readDateStyles(pkg, relOfType("/styles"));
    return cellAt(parseSheet(pkg, s.part, s.name, shared, dateStyles, date1904, row), row, column);
  };

  const readRect = (s: XlsxSheetInfo, p: ParsedSheet, rect: Rect | undefined, fillMerged = false): SheetRead => {
    const notes: Text[] = [];
    if (!rect) return { sheetName: s.name, address: "A1", firstRow: 1, firstColumn: 1, values: [], notes };
    const width = rect.right - rect.left + 1;
    let rowsWithData = 0;
    for (const r of p.rows.keys()) if (r >= rect.top && r <= rect.bottom) rowsWithData++;
    if (rowsWithData * width > limits.maxCells) {
      throw new PackageError(
        "tooLarge",
        text(
          `工作表“${s.name}”的数据区 ${formatRange(rect)} 有 ${fmt(rowsWithData)} 行 × ${fmt(width)} 列，超过可读取的 ${fmt(limits.maxCells)} 个单元格：请删去多余的行列或拆分文件`,
          `the data of sheet "${s.name}" spans ${formatRange(rect)}: ${fmt(rowsWithData)} rows × ${fmt(width)} columns, more than the ${fmt(limits.maxCells)} cells that can be read; delete stray cells or split the file`,
        ),
      );
    }
    const empty: readonly Scalar[] = Object.freeze(new Array<Scalar>(width).fill(null));
    const values: (readonly Scalar[])[] = new Array(rect.bottom - rect.top + 1);
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = p.rows.get(r);
      if (!row) {
        values[r - rect.top] = empty;
        continue;
      }
      const out = new Array<Scalar>(width).fill(null);
      for (let k = 0; k < row.cols.length; k++) {
        const c = row.cols[k];
        if (c >= rect.left && c <= rect.right) out[c - rect.left] = row.vals[k];
      }
      values[r - rect.top] = out;
    }
    // Merged cells: each cell of a merge reads as the merge's top-left value (what the user sees there).
    let merged = 0;
    for (const m of fillMerged ? p.merges : []) {
      const master = p.rows.get(m.top);
      const at = master ? master.cols.indexOf(m.left) : -1;
      if (at < 0 || !master) continue;
      const v = master.vals[at];
      for (let r = Math.max(m.top, rect.top); r <= Math.min(m.bottom, rect.bottom); r++) {
        let row = values[r - rect.top];
        for (let c = Math.max(m.left, rect.left); c <= Math.min(m.right, rect.right); c++) {
          if (r === m.top && c === m.left) continue;
          if (row === empty) values[r - rect.top] = row = new Array<Scalar>(width).fill(null);
          (row as Scalar[])[c - rect.left] = v;
          merged++;
        }
      }
    }
    if (merged > 0)
      notes.push(
        text(
          `工作表“${s.name}”有合并单元格：合并区域中的每个单元格都按其左上角的值读取（${fmt(merged)} 个单元格）`,
          `sheet "${s.name}" has merged cells: each cell of a merged area was read as its top-left value (${fmt(merged)} cells)`,
        ),
      );
    if (p.hiddenRows > 0)
      notes.push(
        text(
          `工作表“${s.name}”有 ${fmt(p.hiddenRows)} 个隐藏行：隐藏行与其他行一样被读取`,
          `sheet "${s.name}" has ${fmt(p.hiddenRows)} hidden rows: they were read like the other rows`,
        ),
      );
    if (p.uncalculated.count > 0)
      notes.push(
        text(
          `工作表“${s.name}”有 ${fmt(p.uncalculated.count)} 个公式没有保存计算结果（第一个：${p.uncalculated.first}），按空白读取：请在 Excel 中打开并保存该文件`,
          `sheet "${s.name}" has ${fmt(p.uncalculated.count)} formulas saved without a result (first: ${p.uncalculated.first}); they read as blank: open the file in Excel and save it`,
        ),
      );
    return {
      sheetName: s.name,
      address: formatRange(rect),
      firstRow: rect.top,
      firstColumn: rect.left,
      values,
      notes,
    };
  };

  const need = (name: string): XlsxSheetInfo => {
    const s = info(name);
    if (!s) {
      throw new PackageError(
        "notSpreadsheet",
        text(
          `找不到工作表“${name}”（现有：${sheets.map((x) => x.name).join("、")}）`,
          `no worksheet "${name}" (the file has: ${sheets.map((x) => x.name).join(", ")})`,
        ),
      );
    }
    return s;
  };

  const resolveName = (name: string): { sheet: XlsxSheetInfo; rect: Rect } | undefined => {
    const found = names.find((n) => n.localSheetId === undefined && n.name.toLowerCase() === name.toLowerCase());
    if (!found) return undefined;
    const first = found.ref.split(",")[0]?.trim() ?? "";
    try {
      const { sheetName, rect } = parseSheetRangeRef(first);
      const sheet = info(sheetName);
      return sheet ? { sheet, rect } : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    sheets,
    date1904,
    definedNames: names,
    defaultSheet: () => sheets.find((s) => s.state === "visible"),
    sheet: info,
    readUsedRange(sheetName, options = {}) {
      const s = need(sheetName);
      const p = parsedSheet(s);
      return readRect(s, p, p.used, options.fillMerged === true);
    },
    readRange(sheetName, address) {
      const s = need(sheetName);
      return readRect(s, parsedSheet(s), parseRange(address));
    },
    readNames(wanted) {
      const out: Record<string, Scalar[][] | undefined> = {};
      for (const n of wanted) {
        const target = resolveName(n);
        out[n] = target
          ? (readRect(target.sheet, parsedSheet(target.sheet), target.rect).values as Scalar[][])
          : undefined;
      }
      return out;
    },
    checkAllSheets() {
      for (const s of sheets) parsedSheet(s);
    },
    findPlans() {
      const found: { plan: FoundPlan; order: number; name: string }[] = [];
      for (const n of names) {
        if (n.localSheetId !== undefined || !isMarkerName(n.name)) continue;
        const target = resolveName(n.name);
        if (!target) continue;
        const marker = parseMarkerJson(markerCellOf(target.sheet, target.rect.top, target.rect.left));
        if (!marker) continue;
        found.push({
          plan: { sheetName: target.sheet.name, marker },
          order: sheets.indexOf(target.sheet),
          name: n.name,
        });
      }
      return found.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)).map((f) => f.plan);
    },
  };
}

function cellAt(p: ParsedSheet, row: number, column: number): Scalar {
  const r = p.rows.get(row);
  if (!r) return null;
  const k = r.cols.indexOf(column);
  return k < 0 ? null : r.vals[k];
}
