/** 三包件 section of the Records pane: `<WarrantyPartsSection />`. */
import type { RecordSection as RecordSectionEntry } from "../types";
import { RecordSection, recordSectionEntry } from "./RecordSection";
import { WARRANTY_PARTS_SECTION } from "./warrantyPartsSection";

export function WarrantyPartsSection() {
  return <RecordSection spec={WARRANTY_PARTS_SECTION} />;
}

/** Its entry in the Records pane (RECORD_SECTIONS). */
export const warrantyPartsSectionEntry: RecordSectionEntry = recordSectionEntry(
  "warranty-parts",
  WARRANTY_PARTS_SECTION,
  WarrantyPartsSection,
);
