/** The only code that talks to Office.js: write plans into the open workbook, read ranges and names. */
export {
  writePlans,
  PlanWriteError,
  DATE_1904_REFUSAL,
  DEFAULT_MAX_REQUEST_BYTES,
  textEntry,
  columnWidthToPoints,
  type WriteOptions,
} from "./write";
export {
  readRange,
  readSelection,
  findPlans,
  readNames,
  readRanges,
  readPlansAndNames,
  RangeReadError,
  DEFAULT_MAX_CELLS_PER_REQUEST,
  type ReadOptions,
  type RangeRequest,
} from "./read";
export { SyncTimeoutError, DEFAULT_SYNC_LIMIT_MS } from "./sync";
export { EXCEL_API_REQUIREMENT, EXCEL_API_USED } from "./requirements";
