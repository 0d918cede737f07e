export {
  callLogPlan,
  writtenContactFormula,
  CALL_LOG_TABLE,
  DEFAULT_BLANK_ROWS,
  MAX_BLANK_ROWS,
  type CallLogPlan,
  type CallLogPlanOptions,
} from "./callLogPlan";
export type { CallLogMarker, CallLogMeta } from "../marker";
export { CALL_COLUMNS, HEADERS as CALL_HEADERS, type CallColumn } from "./strings";
export { readCallLog, type CallLogRead } from "./read";
