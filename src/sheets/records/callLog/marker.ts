/** The call log's marker: where its table and columns are, so the register can prove written contact from it. */
import { text, type Locale } from "../../../core/i18n/text";
import type { Result } from "../../../core/problem";
import { checkMarker, fieldsOf, isColumnLetters, isRecordOf, isWhole, type MarkerSpec } from "../../formula/marker";
import type { FoundPlan, MarkerOf } from "../../plan";
import { CALL_COLUMNS, type CallColumn } from "./strings";

export const CALL_LOG_MARKER_VERSION = 1;

export interface CallLogMeta {
  readonly locale: Locale;
  readonly tableName: string;
  readonly headerRow: number;
  readonly firstRow: number;
  /** The table's last row (entries and blank rows). */
  readonly lastRow: number;
  readonly asOfCell: string;
  readonly columns: Readonly<Record<CallColumn, string>>;
  /** Header text of every column (the structured-reference names). */
  readonly headers: Readonly<Record<CallColumn, string>>;
}

export type CallLogMarker = MarkerOf<"callLog", CallLogMeta>;

const isString = (v: unknown): v is string => typeof v === "string";

const SPEC: MarkerSpec<"callLog", CallLogMeta> = {
  kind: "callLog",
  version: CALL_LOG_MARKER_VERSION,
  label: text("来电来函记录", "call/letter log"),
  isMeta: (meta): meta is CallLogMeta => {
    const m = fieldsOf(meta);
    return (
      (m.locale === "zh-CN" || m.locale === "en-US") &&
      typeof m.tableName === "string" &&
      isWhole(m.headerRow) &&
      isWhole(m.firstRow) &&
      isWhole(m.lastRow) &&
      m.lastRow >= m.firstRow &&
      typeof m.asOfCell === "string" &&
      isRecordOf(m.columns, isColumnLetters, CALL_COLUMNS) &&
      isRecordOf(m.headers, isString, CALL_COLUMNS)
    );
  },
};

/** The call-log marker of a sheet found in a workbook, checked; or why it cannot be read. */
export function callLogMarkerOf(found: FoundPlan): Result<CallLogMarker> {
  return checkMarker(found, SPEC);
}
