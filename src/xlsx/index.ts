/** The .xlsx side: render plans with exceljs, read plans, names and user tables back. */
export {
  addPlansToWorkbook,
  plansToWorkbook,
  workbookToBuffer,
  XLSX_LIMITATIONS,
  xlsxOmits,
  type BufferOptions,
} from "./write";
export {
  findPlansInWorkbook,
  readNamesFromWorkbook,
  readTableData,
  csvToRangeData,
  decodeCsvBytes,
  worksheetToRangeData,
  readWorksheetRange,
  cellScalar,
  dateToSerial,
  TableReadError,
  type ReadTableOptions,
} from "./read";
