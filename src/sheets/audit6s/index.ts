export {
  audit6sPlan,
  pageFit,
  percentBar,
  columnPoints,
  type Audit6sOptions,
  type Audit6sPlanResult,
  type ItemEntry,
} from "./auditPlan";
export {
  audit6sSummaryPlan,
  SUMMARY_MARKER_VERSION,
  type Audit6sSummaryOptions,
  type SummaryMeta,
} from "./summaryPlan";
export {
  readAuditSheet,
  readAudits,
  auditMetaOf,
  auditReadAddress,
  type AuditSheetReading,
  type RangeReader,
} from "./read";
export {
  AUDIT_MARKER_VERSION,
  COL,
  S_COL,
  HEADER,
  STATUS_IDS,
  scoreChoices,
  scoreCell,
  statusWord,
  type AuditMeta,
  type AuditAreaMeta,
  type ScoreEntry,
  type StatusId,
} from "./layout";
export { demoEntries } from "./demo";
