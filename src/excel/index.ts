/** The only code that talks to Office.js: write plans into the open workbook, read ranges and names. */
export {
  writePlans,
  PlanWriteError,
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
  RangeReadError,
  DEFAULT_MAX_CELLS_PER_REQUEST,
  type ReadOptions,
} from "./read";
export { EXCEL_API_REQUIREMENT, EXCEL_API_USED } from "./requirements";
