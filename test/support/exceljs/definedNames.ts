/**
 * Workbook-scoped names for exceljs workbooks.
 *
 * exceljs (4.4) keeps defined names as per-cell matrices and writes sheet names in references
 * with `'${name}'` (no '' escaping) or bare when the name is alphanumeric — so `2026!$A$1` or
 * `'O'Brien'!$A$1`, which Excel rejects. The names this writer adds (plan names, marker names,
 * print titles and print areas) are therefore kept beside exceljs's own list and rendered with
 * correct quoting, from the *current* sheet name, when the workbook is serialised: the
 * instance's `definedNames.model` getter returns exceljs's names plus ours.
 */
import type ExcelJS from "exceljs";
import { parseSheetRangeRef, quoteSheetName, sheetRangeRef, type Rect } from "../../../src/sheets/formula/a1";

export interface AddedName {
  readonly name: string;
  readonly sheet: ExcelJS.Worksheet;
  /**
   * Either rectangles (rendered absolute, several joined by commas: a multi-area print range) or a
   * raw reference body after "Sheet!" (e.g. "$1:$4").
   */
  readonly rect?: Rect | readonly Rect[];
  readonly raw?: string;
  /** For built-in names (_xlnm.Print_Titles / _xlnm.Print_Area): scoped to the sheet. */
  readonly local?: boolean;
}

interface NameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

const added = new WeakMap<ExcelJS.Workbook, AddedName[]>();

function requote(ref: string): string {
  try {
    const { sheetName, rect } = parseSheetRangeRef(ref);
    // exceljs keeps '' escapes inside names it parsed; undo them before quoting again.
    const name = ref.startsWith("'") ? sheetName : sheetName.replace(/''/g, "'");
    return sheetRangeRef(name, rect, true);
  } catch {
    return ref;
  }
}

function renderRef(n: AddedName): string {
  if (n.rect) {
    const rects: readonly Rect[] = Array.isArray(n.rect) ? n.rect : [n.rect as Rect];
    return rects.map((r) => sheetRangeRef(n.sheet.name, r, true)).join(",");
  }
  return `${quoteSheetName(n.sheet.name)}!${n.raw ?? ""}`;
}

function patched(wb: ExcelJS.Workbook): AddedName[] {
  const existing = added.get(wb);
  if (existing) return existing;
  const list: AddedName[] = [];
  const dn = wb.definedNames as unknown as object;
  let proto: object | null = Object.getPrototypeOf(dn);
  let desc: PropertyDescriptor | undefined;
  while (proto && !desc) {
    desc = Object.getOwnPropertyDescriptor(proto, "model");
    proto = Object.getPrototypeOf(proto);
  }
  if (!desc?.get || !desc.set)
    throw new Error("exceljs DefinedNames.model accessor not found (unsupported exceljs version)");
  const get = desc.get;
  const set = desc.set;
  Object.defineProperty(dn, "model", {
    configurable: true,
    enumerable: false,
    get(): NameModel[] {
      // exceljs renders names it loaded from a file without quoting numeric or reference-like
      // sheet names (2026!$A$1); re-quote them so a user's own names survive a round trip.
      const base = (get.call(dn) as NameModel[]).map((m) => ({ ...m, ranges: m.ranges.map(requote) }));
      const sheets = wb.worksheets;
      const ours = list
        .filter((n) => sheets.includes(n.sheet))
        .map((n): NameModel => {
          const m: NameModel = { name: n.name, ranges: [renderRef(n)] };
          if (n.local) m.localSheetId = sheets.indexOf(n.sheet);
          return m;
        });
      return [...base, ...ours];
    },
    set(value: NameModel[]) {
      set.call(dn, value);
    },
  });
  added.set(wb, list);
  return list;
}

/** Adds a name the writer owns; rendered with correct quoting when the workbook is written. */
export function addDefinedName(wb: ExcelJS.Workbook, name: AddedName): void {
  patched(wb).push(name);
}

/** Every workbook-scoped defined name (exceljs's and ours), built-in print names excluded. */
export function definedNamesOf(wb: ExcelJS.Workbook): { name: string; ranges: string[] }[] {
  patched(wb);
  const model = (wb.definedNames as unknown as { model: NameModel[] }).model;
  return model
    .filter((m) => m.localSheetId === undefined && !m.name.startsWith("_xlnm."))
    .map((m) => ({ name: m.name, ranges: m.ranges }));
}

/** Resolves a workbook name to its sheet and rectangle (first area), or undefined. */
export function resolveDefinedName(
  wb: ExcelJS.Workbook,
  name: string,
): { sheet: ExcelJS.Worksheet; rect: Rect } | undefined {
  const found = definedNamesOf(wb).find((n) => n.name.toLowerCase() === name.toLowerCase());
  const ref = found?.ranges[0];
  if (!ref) return undefined;
  let parsed: { sheetName: string; rect: Rect };
  try {
    parsed = parseSheetRangeRef(ref);
  } catch {
    return undefined;
  }
  // exceljs keeps '' escapes in names it parsed itself; compare both spellings.
  const wanted = parsed.sheetName.toLowerCase();
  const sheet = wb.worksheets.find(
    (ws) => ws.name.toLowerCase() === wanted || ws.name.replace(/'/g, "''").toLowerCase() === wanted,
  );
  return sheet ? { sheet, rect: parsed.rect } : undefined;
}
