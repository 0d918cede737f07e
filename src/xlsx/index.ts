/**
 * The .xlsx side: new files from plans (the streaming writer; node.ts and blob.ts adapt it to a
 * file or a Blob), sheets grafted into a workbook the user opened (graft.ts), and the safe reader
 * (plans, names, ranges and user tables of .xlsx/.csv bytes).
 */
export { writeXlsx, xlsxBytes, prepareNewFile, type ByteSink, type XlsxOptions, type PreparedFile } from "./writeXlsx";
export { graftPlans, graftBytes, openOriginal, type GraftResult, type OriginalWorkbook } from "./graft";
export {
  readTableData,
  csvToRangeData,
  decodeCsvBytes,
  decodeCsv,
  readCsv,
  TableReadError,
  type ReadTableOptions,
  type TableRead,
} from "./read";
export { openXlsx, type XlsxBook, type SheetRead } from "./readXlsx";
export { PackageError } from "./package/open";
