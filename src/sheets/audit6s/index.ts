export {
  audit6sPlan,
  pageFit,
  percentBar,
  columnPoints,
  type Audit6sOptions,
  type Audit6sPlanResult,
  type ItemEntry,
} from "./audit/auditPlan";
export { audit6sSummaryPlan, type Audit6sSummaryOptions } from "./summary/summaryPlan";
export {
  auditMarkerOf,
  auditSummaryMarkerOf,
  AUDIT_MARKER_VERSION,
  SUMMARY_MARKER_VERSION,
  type AuditMarker,
  type AuditSummaryMarker,
  type AuditMeta,
  type AuditAreaMeta,
  type SummaryMeta,
} from "./marker";
export { readAuditSheet, readAudits, auditMetaOf, auditReadAddress, type AuditSheetReading } from "./read";
export {
  COL,
  S_COL,
  HEADER,
  STATUS_IDS,
  scoreChoices,
  scoreCell,
  statusWord,
  type ScoreEntry,
  type StatusId,
} from "./layout";
export { demoEntries } from "./demo";
