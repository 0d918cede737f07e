/** 二次索赔 section of the Records pane: `<SecondaryClaimsSection />`. */
import { RecordSection } from "./RecordSection";
import { SECONDARY_CLAIMS_SECTION } from "./secondaryClaimsSection";

export function SecondaryClaimsSection() {
  return <RecordSection spec={SECONDARY_CLAIMS_SECTION} />;
}
