export {
  parseAuditItem,
  sScore,
  auditTotal,
  rateAudit,
  needsCorrectiveAction,
  DEFAULT_ITEM_SCALE,
  PASS_FAIL_SCALE,
  type ItemScale,
  type ItemScore,
  type AuditItem,
  type SScore,
} from "./scoring";
