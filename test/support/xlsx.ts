/** Test helpers: a plan written by the .xlsx writer and read back with exceljs (as a user's tool would). */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { xlsxBytes } from "../../src/xlsx/writeXlsx";

/** Bytes of a .xlsx file loaded with exceljs. */
export async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The plans written as a new file by the streaming writer, then loaded with exceljs. */
export async function planWorkbook(plans: WorkbookPlan | readonly WorkbookPlan[]): Promise<ExcelJS.Workbook> {
  return loadXlsx((await xlsxBytes(plans)).bytes);
}

/**
 * Renames a sheet inside a file the way Excel does: the sheet entry and every defined name that
 * refers to it change (the sheet's marker cell does not), in xl/workbook.xml only.
 */
export function renameSheetInFile(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const files = unzipSync(bytes);
  const book = strFromU8(files["xl/workbook.xml"]!);
  files["xl/workbook.xml"] = strToU8(book.split(from).join(to));
  return zipSync(files);
}
