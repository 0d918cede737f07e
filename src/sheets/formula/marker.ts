/**
 * The marker a writer leaves in every generated sheet (see SheetPlan.marker), read back: first
 * the envelope (`parseMarkerJson`: kind, version, an object for meta), then, by whoever needs
 * the layout facts, the kind's validator (`<kind>MarkerOf` in `sheets/<job>/marker.ts`), built on
 * `checkMarker` below so that every kind treats versions the same way:
 * - a version newer than the code knows is refused, saying the sheet comes from a newer add-in;
 * - an older or the current version is read if its meta has the layout facts the kind needs
 *   (a kind that cannot read older layouts says so in its meta check).
 */
import { text, type Text } from "../../core/i18n/text";
import { fail, ok, type Result } from "../../core/problem";
import type { FoundPlan, MarkerEnvelope, MarkerOf, PlanKind } from "../plan";

export const PLAN_KINDS: readonly PlanKind[] = [
  "settings",
  "appraisal",
  "raters",
  "register",
  "kpi",
  "problems",
  "audit6s",
  "audit6sSummary",
  "bonus",
  "partsLedger",
  "partsMoves",
  "stockTake",
  "warrantyParts",
  "secondaryClaims",
  "claimSuppliers",
  "returnVisits",
  "returnVisitSummary",
  "returnFollowUps",
  "callLog",
  "conductLog",
];

/** The marker envelope a cell's text encodes, or undefined when it is not one. */
export function parseMarkerJson(v: unknown): MarkerEnvelope | undefined {
  if (typeof v !== "string") return undefined;
  let o: unknown;
  try {
    o = JSON.parse(v);
  } catch {
    return undefined;
  }
  if (typeof o !== "object" || o === null) return undefined;
  const m = o as Record<string, unknown>;
  if (typeof m.kind !== "string" || !PLAN_KINDS.includes(m.kind as PlanKind)) return undefined;
  if (typeof m.version !== "number" || typeof m.meta !== "object" || m.meta === null || Array.isArray(m.meta))
    return undefined;
  return { kind: m.kind as PlanKind, version: m.version, meta: m.meta };
}

/** How one kind's marker is checked when read back. */
export interface MarkerSpec<K extends PlanKind, M extends object> {
  readonly kind: K;
  /** The version this code writes: the newest it reads. */
  readonly version: number;
  /** The sheet as users call it, for messages ("6S 检查表" / "6S audit"). */
  readonly label: Text;
  /** Whether a marker's meta (of `version` ≤ the current one) holds the layout facts of `M`. */
  readonly isMeta: (meta: object, version: number) => meta is M;
  /** The kind's own message for a marker it cannot read, when it has one of long standing. */
  readonly unreadable?: (sheetName: string, version: number) => Text;
}

/** Checks a marker read back against its kind's spec: the typed marker, or the problem, in both languages. */
export function checkMarker<K extends PlanKind, M extends object>(
  found: FoundPlan,
  spec: MarkerSpec<K, M>,
): Result<MarkerOf<K, M>> {
  const { sheetName, marker } = found;
  const { kind, version, meta } = marker;
  if (kind === spec.kind && version > spec.version) return fail("value", newerMarker(sheetName, version, spec));
  if (kind !== spec.kind || !spec.isMeta(meta, version)) {
    const message = spec.unreadable?.(sheetName, version) ?? unreadableMarker(sheetName, version, spec.label);
    return fail("value", message);
  }
  return ok({ kind: spec.kind, version, meta });
}

function newerMarker(sheetName: string, version: number, spec: MarkerSpec<PlanKind, object>): Text {
  return text(
    `工作表“${sheetName}”的${spec.label.zh}标记来自更新版本的加载项（标记版本 ${version}，本版本最高只能读取版本 ${spec.version}），请更新加载项`,
    `the ${spec.label.en} marker of sheet "${sheetName}" comes from a newer version of the add-in (marker version ${version}; this version reads up to version ${spec.version}): update the add-in`,
  );
}

function unreadableMarker(sheetName: string, version: number, label: Text): Text {
  return text(
    `工作表“${sheetName}”的${label.zh}标记无法识别（版本 ${version}）`,
    `the ${label.en} marker of sheet "${sheetName}" cannot be read (version ${version})`,
  );
}

// ── Predicates the kinds' meta checks are written with ──────────────────────────────────────

/** The fields of a meta object, to look at one by one. */
export function fieldsOf(meta: object): Readonly<Record<string, unknown>> {
  return meta as Readonly<Record<string, unknown>>;
}

export function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A whole number ≥ `min` (a row number when `min` is 1). */
export function isWhole(v: unknown, min = 1): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= min;
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** Column letters as the generators write them: "A" to "ZZZ". */
export function isColumnLetters(v: unknown): v is string {
  return typeof v === "string" && /^[A-Z]{1,3}$/.test(v);
}

export function isStringList(v: unknown): v is readonly string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

/** An object whose `keys` (all of them, when given) are each what `is` says. */
export function isRecordOf<T>(
  v: unknown,
  is: (x: unknown) => x is T,
  keys?: readonly string[],
): v is Readonly<Record<string, T>> {
  if (!isRecord(v)) return false;
  return keys ? keys.every((k) => is(v[k])) : Object.values(v).every(is);
}
