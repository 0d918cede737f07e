/** The only code that talks to Office.js: write plans into the open workbook, read ranges and names. */
export {
  writePlans,
  PlanWriteError,
  DATE_1904_REFUSAL,
  PROTECTED_WORKBOOK_REFUSAL,
  missingNamesRefusal,
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
  type TypedRangeData,
  type RangeRequest,
} from "./read";
export { SyncTimeoutError, DEFAULT_SYNC_LIMIT_MS } from "./sync";
export { removeSheets, type RemoveResult } from "./remove";
// The self-check (./selfCheck.ts) is imported from its own module, when it is used.
export type { RunSelfCheckOptions, SelfCheckProgress } from "./selfCheck";
export { EXCEL_API_REQUIREMENT, EXCEL_API_USED } from "./requirements";
