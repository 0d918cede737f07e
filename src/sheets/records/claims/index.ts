export { claimsPlan, CLAIM_TABLES, AS_OF_CELL, type ClaimsBook, type ClaimsOptions } from "./claimsPlan";
export { CLAIM_SHEET_NAMES } from "./strings";
