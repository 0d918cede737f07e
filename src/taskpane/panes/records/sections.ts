import { callLogSection } from "./sections/CallLogSection";
import { conductLogSection } from "./sections/ConductLogSection";
import type { RecordSection } from "./types";

/**
 * The record types of the Records pane, in the order shown. Adding one is one line: import its
 * `RecordSection` from `./sections/<Name>Section` and put it in the list.
 */
export const RECORD_SECTIONS: readonly RecordSection[] = [callLogSection, conductLogSection];
