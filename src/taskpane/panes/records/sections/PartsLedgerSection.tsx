/** 备用件台账 section of the Records pane: `<PartsLedgerSection />`. */
import { RecordSection } from "./RecordSection";
import { PARTS_LEDGER_SECTION } from "./partsLedgerSection";

export function PartsLedgerSection() {
  return <RecordSection spec={PARTS_LEDGER_SECTION} />;
}
