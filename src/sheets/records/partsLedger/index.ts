export { partsLedgerPlan, PARTS_TABLES, type PartsLedgerBook, type PartsLedgerOptions } from "./ledgerPlan";
export { SHEET_NAMES as PARTS_SHEET_NAMES } from "./strings";
