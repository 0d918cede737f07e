export { parseFaultCategory, FAULT_CATEGORY_LABELS, type FaultCategory } from "./category";
export { slaRule, SLA_EVENT_LABELS, type SlaRule, type SlaFacts, type SlaEvent, type SlaCase } from "./rule";
export {
  slaDeadline,
  slaStatus,
  replyCounts,
  PHONE_REPLY_NOTE,
  SLA_STATE_LABELS,
  type SlaState,
  type SlaStatus,
  type SlaOrder,
} from "./state";
export { parseContactMethod, CONTACT_METHOD_WORDS, type ContactMethod } from "./contactMethod";
