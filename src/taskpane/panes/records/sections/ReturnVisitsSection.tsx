/** 回访与满意度调查 section of the Records pane: `<ReturnVisitsSection />`. */
import type { RecordSection as RecordSectionEntry } from "../types";
import { RecordSection, recordSectionEntry } from "./RecordSection";
import { RETURN_VISITS_SECTION } from "./returnVisitsSection";

export function ReturnVisitsSection() {
  return <RecordSection spec={RETURN_VISITS_SECTION} />;
}

/** Its entry in the Records pane (RECORD_SECTIONS). */
export const returnVisitsSectionEntry: RecordSectionEntry = recordSectionEntry(
  "return-visits",
  RETURN_VISITS_SECTION,
  ReturnVisitsSection,
);
