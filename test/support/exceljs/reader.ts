/**
 * Test support: the reader port (src/sheets/reader.ts) over an exceljs workbook, so tests can
 * read a produced file back through an independent reader and hand it to the same
 * `readAudits` / `readForms` / `settingsForGeneration` production calls with the safe reader.
 */
import type { Workbook } from "exceljs";
import { noSuchSheet, type WorkbookReader } from "../../../src/sheets/reader";
import { inMemoryReader } from "../../../src/xlsx/reader";
import { findPlansInWorkbook, readNamesFromWorkbook, readWorksheetRange } from "./read";

export function workbookReader(workbook: Workbook): WorkbookReader {
  return inMemoryReader({
    findPlans: async () => [...findPlansInWorkbook(workbook)],
    readRange: async (sheetName, address) => {
      const range = readWorksheetRange(workbook, sheetName, address);
      if (!range) throw noSuchSheet(sheetName);
      return range;
    },
    readNames: async (names) => readNamesFromWorkbook(workbook, names),
  });
}
