/**
 * The markers of the 6S检查表 (its layout, read back by the 6S汇总 and the pane) and of the
 * 6S汇总 (month, as-of date and the audit sheets it references).
 */
import { text, type Locale } from "../../core/i18n/text";
import type { Result } from "../../core/problem";
import { SCALE_IDS, type ScaleId, type SIndex } from "../../core/audit6s/engine";
import {
  checkMarker,
  fieldsOf,
  isFiniteNumber,
  isRecord,
  isStringList,
  isWhole,
  type MarkerSpec,
} from "../formula/marker";
import type { FoundPlan, MarkerOf } from "../plan";

/** Marker meta version of the audit sheet; the reader refuses other versions. */
export const AUDIT_MARKER_VERSION = 1;

/** Where one area sits on the sheet. */
export interface AuditAreaMeta {
  readonly name: string;
  /** First and last row of the area block (title to signatures). */
  readonly top: number;
  readonly bottom: number;
  readonly itemsFirst: number;
  readonly itemsLast: number;
  /** Per item row (itemsFirst + i): [S index, 1 when critical]. */
  readonly items: readonly (readonly [SIndex, 0 | 1])[];
  /** Row of each S in the area's S table (the S percent is in column D). */
  readonly sRows: readonly number[];
  readonly totalRow: number;
  readonly ratingRow: number;
}

export interface AuditMeta {
  readonly locale: Locale;
  readonly scale: ScaleId;
  /** "settings": the S weights are SVC_6S_Weights; otherwise the sheet's own weight cells. */
  readonly weights: "settings" | readonly number[];
  /** The date chosen when generating (each area's date cell may differ later). */
  readonly date: number;
  readonly areas: readonly AuditAreaMeta[];
}

export type AuditMarker = MarkerOf<"audit6s", AuditMeta>;

function isRowList(v: unknown, length?: number): v is number[] {
  return Array.isArray(v) && (length === undefined || v.length === length) && v.every((x) => isWhole(x));
}

function isAreaMeta(v: unknown): v is AuditAreaMeta {
  if (!isRecord(v)) return false;
  if (typeof v.name !== "string") return false;
  if (!isRowList([v.top, v.bottom, v.itemsFirst, v.itemsLast, v.totalRow, v.ratingRow]) || !isRowList(v.sRows, 6))
    return false;
  const count = (v.itemsLast as number) - (v.itemsFirst as number) + 1;
  return (
    Array.isArray(v.items) &&
    v.items.length === count &&
    v.items.every(
      (it: unknown) =>
        Array.isArray(it) && [0, 1, 2, 3, 4, 5].includes(it[0] as number) && (it[1] === 0 || it[1] === 1),
    )
  );
}

function isAuditMeta(meta: object, version: number): meta is AuditMeta {
  // Only this version's layout is known: the summary references its cells one by one.
  if (version !== AUDIT_MARKER_VERSION) return false;
  const m = fieldsOf(meta);
  if (!SCALE_IDS.includes(m.scale as ScaleId) || (m.locale !== "zh-CN" && m.locale !== "en-US")) return false;
  if (typeof m.date !== "number") return false;
  const weights =
    m.weights === "settings" ||
    (Array.isArray(m.weights) && m.weights.length === 6 && m.weights.every((w) => typeof w === "number"));
  return weights && Array.isArray(m.areas) && m.areas.length > 0 && m.areas.every(isAreaMeta);
}

const AUDIT_SPEC: MarkerSpec<"audit6s", AuditMeta> = {
  kind: "audit6s",
  version: AUDIT_MARKER_VERSION,
  label: text(" 6S 检查表", "6S audit"),
  isMeta: isAuditMeta,
};

/** The audit marker of a sheet found in a workbook, checked; or why it cannot be read. */
export function auditMarkerOf(found: FoundPlan): Result<AuditMarker> {
  return checkMarker(found, AUDIT_SPEC);
}

export const SUMMARY_MARKER_VERSION = 1;

export interface SummaryMeta {
  readonly month: string;
  readonly asOf: number;
  readonly sources: readonly string[];
}

export type AuditSummaryMarker = MarkerOf<"audit6sSummary", SummaryMeta>;

const SUMMARY_SPEC: MarkerSpec<"audit6sSummary", SummaryMeta> = {
  kind: "audit6sSummary",
  version: SUMMARY_MARKER_VERSION,
  label: text(" 6S 汇总", "6S summary"),
  isMeta: (meta): meta is SummaryMeta => {
    const m = fieldsOf(meta);
    return typeof m.month === "string" && isFiniteNumber(m.asOf) && isStringList(m.sources);
  },
};

/** The 6S summary marker of a sheet found in a workbook, checked; or why it cannot be read. */
export function auditSummaryMarkerOf(found: FoundPlan): Result<AuditSummaryMarker> {
  return checkMarker(found, SUMMARY_SPEC);
}
