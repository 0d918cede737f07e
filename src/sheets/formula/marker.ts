/** The marker a writer leaves in every generated sheet (see SheetPlan.marker), read back. */
import type { PlanKind, PlanMarker } from "../plan";

export const PLAN_KINDS: readonly PlanKind[] = [
  "settings",
  "appraisal",
  "register",
  "kpi",
  "problems",
  "audit6s",
  "audit6sSummary",
  "bonus",
];

/** The PlanMarker a cell's text encodes, or undefined when it is not one. */
export function parseMarkerJson(v: unknown): PlanMarker | undefined {
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
  return { kind: m.kind as PlanKind, version: m.version, meta: m.meta as Record<string, unknown> };
}
