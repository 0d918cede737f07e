import { callLogSection } from "./sections/CallLogSection";
import { conductLogSection } from "./sections/ConductLogSection";
import { partsLedgerSectionEntry } from "./sections/PartsLedgerSection";
import { returnVisitsSectionEntry } from "./sections/ReturnVisitsSection";
import { secondaryClaimsSectionEntry } from "./sections/SecondaryClaimsSection";
import { warrantyPartsSectionEntry } from "./sections/WarrantyPartsSection";
import type { RecordSection } from "./types";

/**
 * The record types of the Records pane, in the order shown. Adding one is one line: import its
 * `RecordSection` from `./sections/<Name>Section` and put it in the list.
 */
export const RECORD_SECTIONS: readonly RecordSection[] = [
  partsLedgerSectionEntry,
  warrantyPartsSectionEntry,
  secondaryClaimsSectionEntry,
  callLogSection,
  conductLogSection,
  returnVisitsSectionEntry,
];
