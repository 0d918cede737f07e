/**
 * The markers of the record books (记录): each generated record sheet says which record it is,
 * for which service station, and where its table is, so a later generator (the KPI forms, a
 * lookup from the register) finds it by marker, never by its name.
 */
import { text, type Locale, type Text } from "../../core/i18n/text";
import type { Result } from "../../core/problem";
import { checkMarker, fieldsOf, isColumnLetters, isRecordOf, isWhole, type MarkerSpec } from "../formula/marker";
import type { FoundPlan, MarkerOf } from "../plan";
import { CALL_COLUMNS, type CallColumn } from "./callLog/strings";
import { CONDUCT_COLUMNS, type ConductColumn } from "./conductLog/strings";

export const RECORD_MARKER_VERSION = 1;

/** Layout facts every record sheet stores. */
export interface RecordMeta {
  readonly locale: Locale;
  /** The service station (or the department) whose book this is; "" for the department's own. */
  readonly station: string;
  readonly tableName: string;
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** Column letter of every column, by its id. */
  readonly columns: Readonly<Record<string, string>>;
}

/**
 * A log's layout (来电来函, 违规与黄红牌): a record's, with every column present and its header
 * text (the structured-reference names the register's and the bonus sheet's formulas use).
 * A log is the department's own: its station is "".
 */
export interface LogMeta<C extends string> extends RecordMeta {
  readonly columns: Readonly<Record<C, string>>;
  readonly headers: Readonly<Record<C, string>>;
}
/** The call log also says where its as-of moment (of the written-contact check) is. */
export interface CallLogMeta extends LogMeta<CallColumn> {
  readonly asOfCell: string;
}
export type ConductLogMeta = LogMeta<ConductColumn>;

export type RecordKind =
  | "partsLedger"
  | "partsMoves"
  | "stockTake"
  | "warrantyParts"
  | "secondaryClaims"
  | "claimSuppliers"
  | "returnVisits"
  | "returnVisitSummary"
  | "returnFollowUps"
  | "callLog"
  | "conductLog";
/** The meta of each record kind. */
interface RecordMetaOf extends Readonly<Record<RecordKind, RecordMeta>> {
  readonly callLog: CallLogMeta;
  readonly conductLog: ConductLogMeta;
}
export type PartsLedgerMarker = MarkerOf<"partsLedger", RecordMeta>;
export type PartsMovesMarker = MarkerOf<"partsMoves", RecordMeta>;
export type StockTakeMarker = MarkerOf<"stockTake", RecordMeta>;
export type WarrantyPartsMarker = MarkerOf<"warrantyParts", RecordMeta>;
export type SecondaryClaimsMarker = MarkerOf<"secondaryClaims", RecordMeta>;
export type ClaimSuppliersMarker = MarkerOf<"claimSuppliers", RecordMeta>;
export type ReturnVisitsMarker = MarkerOf<"returnVisits", RecordMeta>;
export type ReturnVisitSummaryMarker = MarkerOf<"returnVisitSummary", RecordMeta>;
export type ReturnFollowUpsMarker = MarkerOf<"returnFollowUps", RecordMeta>;
export type CallLogMarker = MarkerOf<"callLog", CallLogMeta>;
export type ConductLogMarker = MarkerOf<"conductLog", ConductLogMeta>;
export type RecordMarker =
  | PartsLedgerMarker
  | PartsMovesMarker
  | StockTakeMarker
  | WarrantyPartsMarker
  | SecondaryClaimsMarker
  | ReturnVisitsMarker
  | ReturnVisitSummaryMarker
  | ReturnFollowUpsMarker
  | CallLogMarker
  | ConductLogMarker;

const LABELS: Readonly<Record<RecordKind, Text>> = {
  partsLedger: text("备用件台账", "spare-parts ledger"),
  partsMoves: text("出入库流水", "parts movements"),
  stockTake: text("盘点表", "stock-take sheet"),
  warrantyParts: text("三包件登记表", "warranty-parts register"),
  secondaryClaims: text("二次索赔登记表", "secondary-claims register"),
  claimSuppliers: text("索赔供应商汇总", "claims-by-supplier sheet"),
  returnVisits: text("回访记录", "return-visit survey"),
  returnVisitSummary: text("回访汇总", "return-visit summary"),
  returnFollowUps: text("回访跟进清单", "return-visit follow-up list"),
  callLog: text("来电来函记录", "call/letter log"),
  conductLog: text("违规与黄红牌记录", "conduct log"),
};

const isString = (v: unknown): v is string => typeof v === "string";

/** A log's columns: every one of `all`, with its letter and header text. */
function isLogMeta(m: Readonly<Record<string, unknown>>, all: readonly string[]): boolean {
  return (
    (m.lastRow as number) >= (m.firstRow as number) &&
    isRecordOf(m.columns, isColumnLetters, all) &&
    isRecordOf(m.headers, isString, all)
  );
}

/** The layout facts a kind has beyond RecordMeta's. */
const EXTRA: Partial<Record<RecordKind, (m: Readonly<Record<string, unknown>>) => boolean>> = {
  callLog: (m) => isLogMeta(m, CALL_COLUMNS) && typeof m.asOfCell === "string",
  conductLog: (m) => isLogMeta(m, CONDUCT_COLUMNS),
};

function isRecordMeta(meta: object): meta is RecordMeta {
  const m = fieldsOf(meta);
  return (
    (m.locale === "zh-CN" || m.locale === "en-US") &&
    typeof m.station === "string" &&
    typeof m.tableName === "string" &&
    isWhole(m.headerRow) &&
    isWhole(m.firstRow) &&
    isWhole(m.lastRow) &&
    isRecordOf(m.columns, isColumnLetters)
  );
}

/** The record marker of kind `kind` of a sheet found in a workbook, checked; or why it cannot be read. */
export function recordMarkerOf<K extends RecordKind>(found: FoundPlan, kind: K): Result<MarkerOf<K, RecordMetaOf[K]>> {
  const extra = EXTRA[kind];
  const spec: MarkerSpec<K, RecordMetaOf[K]> = {
    kind,
    version: RECORD_MARKER_VERSION,
    label: LABELS[kind],
    isMeta: (meta): meta is RecordMetaOf[K] => isRecordMeta(meta) && (extra?.(fieldsOf(meta)) ?? true),
  };
  return checkMarker(found, spec);
}
