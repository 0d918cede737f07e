/**
 * SLA states for many orders at once. `core/sla`'s `slaStatus` is the reference: it explains
 * every decision in words, which costs a few microseconds per order in text formatting. Here
 * the rule of each order comes from `slaRule` (cached per kind of order — category, supplier
 * flag, distance within the radius or not — so it is built a handful of times, not a million),
 * the deadline from `slaDeadline`'s arithmetic, and the state from the same millisecond
 * comparisons. A property test holds the two to the same answer for every order.
 */
import { atMost } from "../grading/tolerance";
import { MS_PER_DAY } from "../dates/serial";
import { DEFAULT_SETTINGS, type SlaSettings } from "../settings";
import { slaRule, type SlaRule } from "../sla/rule";
import type { SlaState } from "../sla/state";
import type { WorkOrder } from "./parseOrders";

const MS_PER_HOUR = 3_600_000;

/** What the register's calculated columns show for an order. */
export interface OrderSla {
  readonly state: SlaState;
  /** Limit in hours; null when unknown. */
  readonly hours: number | null;
  /** Deadline serial; null when unknown. */
  readonly deadline: number | null;
  /** The time of the event the rule waits for (到达现场 or 首次答复), when it happened. */
  readonly eventAt: number | null;
}

export type SlaFactsOf = Pick<WorkOrder, "category" | "distanceKm" | "supplierNeeded" | "reportedAt" | "repliedAt" | "arrivedAt">;

/**
 * A classifier bound to one set of SLA settings. `deadlineMs` and `asOfMs` comparisons are
 * exact to the millisecond, like `slaStatus`: met when the event is at or before the
 * deadline; missed when later, or when nothing happened and the deadline is before `asOf`;
 * pending otherwise; unknown without the facts the rule needs.
 */
export function slaClassifier(sla: SlaSettings = DEFAULT_SETTINGS.sla): (order: SlaFactsOf, asOf: number) => OrderSla {
  const cache = new Map<string, SlaRule | null>();
  const ruleOf = (o: SlaFactsOf): SlaRule | null => {
    const within = o.distanceKm === null ? "n" : atMost(o.distanceKm, sla.radiusKm) ? "i" : "o";
    const key = `${o.category ?? "-"}|${o.supplierNeeded ? 1 : 0}|${within}`;
    let rule = cache.get(key);
    if (rule === undefined) {
      const r = slaRule({ category: o.category, distanceKm: o.distanceKm, supplierNeeded: o.supplierNeeded }, sla);
      rule = r.ok ? r.value : null;
      cache.set(key, rule);
    }
    return rule;
  };
  return (o, asOf) => {
    const rule = ruleOf(o);
    if (rule === null) return { state: "unknown", hours: null, deadline: null, eventAt: null };
    const deadlineMs = Math.round(o.reportedAt * MS_PER_DAY) + Math.round(rule.hours * MS_PER_HOUR);
    const deadline = deadlineMs / MS_PER_DAY;
    const eventAt = rule.event === "arrival" ? o.arrivedAt : o.repliedAt;
    let state: SlaState;
    if (eventAt !== null) state = Math.round(eventAt * MS_PER_DAY) <= deadlineMs ? "met" : "missed";
    else state = deadlineMs < Math.round(asOf * MS_PER_DAY) ? "missed" : "pending";
    return { state, hours: rule.hours, deadline, eventAt };
  };
}
