export {
  conductLogPlan,
  cardCountFormula,
  cardLogRef,
  cardPeriod,
  cardsFromLog,
  CONDUCT_LOG_TABLE,
  DEFAULT_CARD_BLANK_ROWS,
  MAX_CARD_BLANK_ROWS,
  type CardLogRef,
  type ConductLogPlan,
  type ConductLogPlanOptions,
} from "./conductLogPlan";
export type { ConductLogMarker, ConductLogMeta } from "../marker";
export { CONDUCT_COLUMNS, HEADERS as CONDUCT_HEADERS, type ConductColumn } from "./strings";
export { readConductLog, EXTRA_ROWS, type ConductLogRead } from "./read";
