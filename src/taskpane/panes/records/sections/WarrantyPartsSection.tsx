/** 三包件 section of the Records pane: `<WarrantyPartsSection />`. */
import { RecordSection } from "./RecordSection";
import { WARRANTY_PARTS_SECTION } from "./warrantyPartsSection";

export function WarrantyPartsSection() {
  return <RecordSection spec={WARRANTY_PARTS_SECTION} />;
}
