/** 二次索赔 section of the Records pane: `<SecondaryClaimsSection />`. */
import type { RecordSection as RecordSectionEntry } from "../types";
import { RecordSection, recordSectionEntry } from "./RecordSection";
import { SECONDARY_CLAIMS_SECTION } from "./secondaryClaimsSection";

export function SecondaryClaimsSection() {
  return <RecordSection spec={SECONDARY_CLAIMS_SECTION} />;
}

/** Its entry in the Records pane (RECORD_SECTIONS). */
export const secondaryClaimsSectionEntry: RecordSectionEntry = recordSectionEntry(
  "secondary-claims",
  SECONDARY_CLAIMS_SECTION,
  SecondaryClaimsSection,
);
