/**
 * The record sections of issue 12 points 1–3, for the Records pane (RecordsPane.tsx, owned by
 * the call-log branch) to list: each is a self-contained component with its own words.
 */
export { PartsLedgerSection } from "./PartsLedgerSection";
export { WarrantyPartsSection } from "./WarrantyPartsSection";
export { SecondaryClaimsSection } from "./SecondaryClaimsSection";
