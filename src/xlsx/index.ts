/**
 * The .xlsx side: new files from plans (the streaming writer; node.ts and blob.ts adapt it to a
 * file or a Blob), sheets added to a workbook the user opened (exceljs), reading plans, names and
 * user tables back.
 */
export { writeXlsx, xlsxBytes, prepareNewFile, type ByteSink, type XlsxOptions, type PreparedFile } from "./writeXlsx";
export { addPlansToWorkbook, workbookToBuffer, XLSX_LIMITATIONS, xlsxOmits, type BufferOptions } from "./write";
export {
  findPlansInWorkbook,
  readNamesFromWorkbook,
  readTableData,
  csvToRangeData,
  decodeCsvBytes,
  decodeCsv,
  worksheetToRangeData,
  readWorksheetRange,
  cellScalar,
  dateToSerial,
  TableReadError,
  type ReadTableOptions,
  type TableRead,
} from "./read";
export { openXlsx, type XlsxBook, type SheetRead } from "./readXlsx";
export { PackageError } from "./package/open";
