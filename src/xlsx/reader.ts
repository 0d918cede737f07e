/**
 * The reader port (sheets/reader.ts) over an .xlsx file: what the command line (and any Node
 * caller) passes to the same `readAudits`, `readForms` and `settingsForGeneration` the panes call
 * with their host. Two adapters, one per way a file is held: an exceljs workbook (a loaded --in
 * workbook, a file read back) over ./read.ts, and the safe streaming reader's XlsxBook (an input
 * file) over ./readXlsx.ts. They only adapt those readers' functions.
 */
import type { Workbook } from "exceljs";
import { noSuchSheet, sequentialBatches, type WorkbookReader } from "../sheets/reader";
import { findPlansInWorkbook, readNamesFromWorkbook, readWorksheetRange } from "./read";
import type { XlsxBook } from "./readXlsx";

/** Single reads of a workbook in memory, completed with batches that are those reads in turn. */
function inMemory(reads: Pick<WorkbookReader, "findPlans" | "readRange" | "readNames">): WorkbookReader {
  return { ...reads, ...sequentialBatches(reads) };
}

export function workbookReader(workbook: Workbook): WorkbookReader {
  return inMemory({
    findPlans: async () => [...findPlansInWorkbook(workbook)],
    readRange: async (sheetName, address) => {
      const range = readWorksheetRange(workbook, sheetName, address);
      if (!range) throw noSuchSheet(sheetName);
      return range;
    },
    readNames: async (names) => readNamesFromWorkbook(workbook, names),
  });
}

/** The port over the safe reader; a missing or damaged sheet rejects with its PackageError (a ProblemError). */
export function xlsxBookReader(book: XlsxBook): WorkbookReader {
  return inMemory({
    findPlans: async () => book.findPlans(),
    readRange: async (sheetName, address) => book.readRange(sheetName, address),
    readNames: async (names) => book.readNames(names),
  });
}
