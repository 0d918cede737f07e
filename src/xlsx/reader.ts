/**
 * The reader port (sheets/reader.ts) over an exceljs workbook: what the command line (and any
 * Node caller) passes to the same `readAudits`, `readForms` and `settingsForGeneration` the
 * panes call with their host. It only adapts the reading functions of ./read.ts.
 */
import type { Workbook } from "exceljs";
import { noSuchSheet, sequentialBatches, type WorkbookReader } from "../sheets/reader";
import { findPlansInWorkbook, readNamesFromWorkbook, readWorksheetRange } from "./read";

export function workbookReader(workbook: Workbook): WorkbookReader {
  const reads: Pick<WorkbookReader, "findPlans" | "readRange" | "readNames"> = {
    findPlans: async () => [...findPlansInWorkbook(workbook)],
    readRange: async (sheetName, address) => {
      const range = readWorksheetRange(workbook, sheetName, address);
      if (!range) throw noSuchSheet(sheetName);
      return range;
    },
    readNames: async (names) => readNamesFromWorkbook(workbook, names),
  };
  // In memory a batch is the single reads one after the other.
  return { ...reads, ...sequentialBatches(reads) };
}
