/**
 * The markers of the record books (记录): each generated record sheet says which record it is,
 * for which service station, and where its table is, so a later generator (the KPI forms, a
 * lookup from the register) finds it by marker, never by its name.
 */
import { text, type Locale, type Text } from "../../core/i18n/text";
import type { Result } from "../../core/problem";
import { checkMarker, fieldsOf, isColumnLetters, isRecordOf, isWhole, type MarkerSpec } from "../formula/marker";
import type { FoundPlan, MarkerOf } from "../plan";

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

export type RecordKind =
  | "partsLedger"
  | "partsMoves"
  | "stockTake"
  | "warrantyParts"
  | "secondaryClaims"
  | "claimSuppliers"
  | "returnVisits"
  | "returnVisitSummary"
  | "returnFollowUps";
export type PartsLedgerMarker = MarkerOf<"partsLedger", RecordMeta>;
export type PartsMovesMarker = MarkerOf<"partsMoves", RecordMeta>;
export type StockTakeMarker = MarkerOf<"stockTake", RecordMeta>;
export type WarrantyPartsMarker = MarkerOf<"warrantyParts", RecordMeta>;
export type SecondaryClaimsMarker = MarkerOf<"secondaryClaims", RecordMeta>;
export type ClaimSuppliersMarker = MarkerOf<"claimSuppliers", RecordMeta>;
export type ReturnVisitsMarker = MarkerOf<"returnVisits", RecordMeta>;
export type ReturnVisitSummaryMarker = MarkerOf<"returnVisitSummary", RecordMeta>;
export type ReturnFollowUpsMarker = MarkerOf<"returnFollowUps", RecordMeta>;
export type RecordMarker =
  | PartsLedgerMarker
  | PartsMovesMarker
  | StockTakeMarker
  | WarrantyPartsMarker
  | SecondaryClaimsMarker
  | ReturnVisitsMarker
  | ReturnVisitSummaryMarker
  | ReturnFollowUpsMarker;

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
export function recordMarkerOf<K extends RecordKind>(found: FoundPlan, kind: K): Result<MarkerOf<K, RecordMeta>> {
  const spec: MarkerSpec<K, RecordMeta> = {
    kind,
    version: RECORD_MARKER_VERSION,
    label: LABELS[kind],
    isMeta: (meta): meta is RecordMeta => isRecordMeta(meta),
  };
  return checkMarker(found, spec);
}
