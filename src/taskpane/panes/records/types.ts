import type { ComponentType } from "react";
import type { Text } from "../../../core/i18n/text";

/**
 * One record type of the Records pane (来电来函, 违规与黄红牌, 回访 …): a titled section whose
 * component holds its own form and Generate button. The pane lists `RECORD_SECTIONS` in order.
 */
export interface RecordSection {
  /** Stable id: DOM ids and tests (`[data-record-section="call-log"]`). Letters, digits, "-". */
  readonly id: string;
  readonly title: Text;
  /** One line under the title: what the record is and the clause that asks for it. */
  readonly summary: Text;
  readonly component: ComponentType;
}
