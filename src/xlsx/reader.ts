/**
 * The reader port (sheets/reader.ts) over an .xlsx file: what the command line (and any Node
 * caller) passes to the same `readAudits`, `readForms` and `settingsForGeneration` the panes call
 * with their host. An .xlsx is held as the safe streaming reader's XlsxBook (./readXlsx.ts), an
 * input file and an --in workbook alike; this adapter only adapts its functions. (The tests' own
 * exceljs reader has an adapter of its own in test/support/exceljs/reader.ts.)
 */
import { sequentialBatches, type WorkbookReader } from "../sheets/reader";
import type { XlsxBook } from "./readXlsx";

/** Single reads of a workbook in memory, completed with batches that are those reads in turn. */
export function inMemoryReader(reads: Pick<WorkbookReader, "findPlans" | "readRange" | "readNames">): WorkbookReader {
  return { ...reads, ...sequentialBatches(reads) };
}

/** The port over the safe reader; a missing or damaged sheet rejects with its PackageError (a ProblemError). */
export function xlsxBookReader(book: XlsxBook): WorkbookReader {
  return inMemoryReader({
    findPlans: async () => book.findPlans(),
    readRange: async (sheetName, address) => book.readRange(sheetName, address),
    readNames: async (names) => book.readNames(names),
  });
}
