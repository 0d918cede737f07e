/** 备用件台账 section of the Records pane: `<PartsLedgerSection />`. */
import type { RecordSection as RecordSectionEntry } from "../types";
import { RecordSection, recordSectionEntry } from "./RecordSection";
import { PARTS_LEDGER_SECTION } from "./partsLedgerSection";

export function PartsLedgerSection() {
  return <RecordSection spec={PARTS_LEDGER_SECTION} />;
}

/** Its entry in the Records pane (RECORD_SECTIONS). */
export const partsLedgerSectionEntry: RecordSectionEntry = recordSectionEntry(
  "parts-ledger",
  PARTS_LEDGER_SECTION,
  PartsLedgerSection,
);
