/** The conduct log's marker: where its table and columns are, so the bonus sheet can count cards from it. */
import { text, type Locale } from "../../../core/i18n/text";
import type { Result } from "../../../core/problem";
import { checkMarker, fieldsOf, isColumnLetters, isRecordOf, isWhole, type MarkerSpec } from "../../formula/marker";
import type { FoundPlan, MarkerOf } from "../../plan";
import { CONDUCT_COLUMNS, type ConductColumn } from "./strings";

export const CONDUCT_LOG_MARKER_VERSION = 1;

export interface ConductLogMeta {
  readonly locale: Locale;
  readonly tableName: string;
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly columns: Readonly<Record<ConductColumn, string>>;
  readonly headers: Readonly<Record<ConductColumn, string>>;
}

export type ConductLogMarker = MarkerOf<"conductLog", ConductLogMeta>;

const isString = (v: unknown): v is string => typeof v === "string";

const SPEC: MarkerSpec<"conductLog", ConductLogMeta> = {
  kind: "conductLog",
  version: CONDUCT_LOG_MARKER_VERSION,
  label: text("违规与黄红牌记录", "conduct log"),
  isMeta: (meta): meta is ConductLogMeta => {
    const m = fieldsOf(meta);
    return (
      (m.locale === "zh-CN" || m.locale === "en-US") &&
      typeof m.tableName === "string" &&
      isWhole(m.headerRow) &&
      isWhole(m.firstRow) &&
      isWhole(m.lastRow) &&
      m.lastRow >= m.firstRow &&
      isRecordOf(m.columns, isColumnLetters, CONDUCT_COLUMNS) &&
      isRecordOf(m.headers, isString, CONDUCT_COLUMNS)
    );
  },
};

export function conductLogMarkerOf(found: FoundPlan): Result<ConductLogMarker> {
  return checkMarker(found, SPEC);
}
