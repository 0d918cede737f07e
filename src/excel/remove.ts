/**
 * Removing sheets this add-in created (the self-check's temporary sheets) and everything that
 * refers to them, in two syncs whatever their number.
 *
 * Deleting a sheet deletes its tables and charts with it, but a workbook name that refers to a
 * cell of the sheet stays behind as `#REF!` ("Worksheet.delete",
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1);
 * the fake enforces the same). So the names are read first — `NamedItem.formula` (ExcelApi 1.7,
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditem#excel-excel-nameditem-formula-member)
 * says which sheet each one refers to — and those referring to the doomed sheets are deleted
 * with them. Only the sheets named are touched.
 */
import { text } from "../core/i18n/text";
import { DEFAULT_SYNC_LIMIT_MS, syncWithin } from "./sync";

export interface RemoveResult {
  /** Sheets deleted (their actual names). */
  readonly sheets: readonly string[];
  /** Workbook names deleted with them. */
  readonly names: readonly string[];
  /** Sheets asked for that were not there (already gone). */
  readonly missing: readonly string[];
}

/** The sheet a name's formula ("=Sheet1!$A$1", "='My sheet'!$A$1:$B$2") refers to, if it is a plain reference. */
export function sheetOfNameFormula(formula: string): string | undefined {
  const m = /^=(?:'((?:[^']|'')+)'|([^'!]+))!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/i.exec(formula.trim());
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/** Deletes the named sheets and the workbook names that refer to them (2 syncs). */
export async function removeSheets(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  options: { readonly syncLimitMs?: number } = {},
): Promise<RemoveResult> {
  const limit = options.syncLimitMs ?? DEFAULT_SYNC_LIMIT_MS;
  if (sheetNames.length === 0) return { sheets: [], names: [], missing: [] };
  const wanted = new Set(sheetNames.map((n) => n.toLowerCase()));
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  sheets.load("items/name");
  names.load("items/name,items/formula");
  await syncWithin(context.sync(), limit, text("读取要删除的工作表", "reading the sheets to remove"));
  const doomedSheets = sheets.items.filter((s) => wanted.has(s.name.toLowerCase()));
  const doomedNames = names.items.filter((n) => {
    const sheet = sheetOfNameFormula(String(n.formula));
    return sheet !== undefined && wanted.has(sheet.toLowerCase());
  });
  const found = new Set(doomedSheets.map((s) => s.name.toLowerCase()));
  for (const n of doomedNames) n.delete();
  for (const s of doomedSheets) s.delete();
  await syncWithin(context.sync(), limit, text("删除工作表", "removing the sheets"));
  return {
    sheets: doomedSheets.map((s) => s.name),
    names: doomedNames.map((n) => n.name),
    missing: sheetNames.filter((n) => !found.has(n.toLowerCase())),
  };
}
