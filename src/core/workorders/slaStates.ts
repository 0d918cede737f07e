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
import { replyCounts, type SlaState } from "../sla/state";
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

export type SlaFactsOf = Pick<
  WorkOrder,
  "category" | "distanceKm" | "supplierNeeded" | "reportedAt" | "repliedAt" | "arrivedAt" | "contactMethod"
>;

/** The time of the event the rule waits for; a phone reply to a chassis-engine fault is none (3.2.3). */
function eventOf(rule: SlaRule, o: SlaFactsOf, sla: SlaSettings): number | null {
  if (rule.event === "arrival") return o.arrivedAt;
  return replyCounts(rule, o.contactMethod, sla) ? o.repliedAt : null;
}

/**
 * A classifier bound to one set of SLA settings. `deadlineMs` and `asOfMs` comparisons are
 * exact to the millisecond, like `slaStatus`: met when the event is at or before the
 * deadline; missed when later, or when nothing happened and the deadline is before `asOf`;
 * pending otherwise; unknown without the facts the rule needs.
 */
export function slaClassifier(sla: SlaSettings = DEFAULT_SETTINGS.sla): (order: SlaFactsOf, asOf: number) => OrderSla {
  const ruleOf = ruleCache(sla);
  return (o, asOf) => {
    const rule = ruleOf(o);
    if (rule === null) return { state: "unknown", hours: null, deadline: null, eventAt: null };
    const deadlineMs = Math.round(o.reportedAt * MS_PER_DAY) + Math.round(rule.hours * MS_PER_HOUR);
    const eventAt = eventOf(rule, o, sla);
    return { state: decide(deadlineMs, eventAt, asOf), hours: rule.hours, deadline: deadlineMs / MS_PER_DAY, eventAt };
  };
}

/** Only the state (no object per order): what the monthly aggregation needs, a million times. */
export function slaStateClassifier(
  sla: SlaSettings = DEFAULT_SETTINGS.sla,
): (order: SlaFactsOf, asOf: number) => SlaState {
  const ruleOf = ruleCache(sla);
  return (o, asOf) => {
    const rule = ruleOf(o);
    if (rule === null) return "unknown";
    const deadlineMs = Math.round(o.reportedAt * MS_PER_DAY) + Math.round(rule.hours * MS_PER_HOUR);
    return decide(deadlineMs, eventOf(rule, o, sla), asOf);
  };
}

function decide(deadlineMs: number, eventAt: number | null, asOf: number): SlaState {
  if (eventAt !== null) return Math.round(eventAt * MS_PER_DAY) <= deadlineMs ? "met" : "missed";
  return deadlineMs < Math.round(asOf * MS_PER_DAY) ? "missed" : "pending";
}

const CATEGORY_INDEX: Readonly<Record<string, number>> = { body: 1, chassisEngine: 2, other: 3 };

/** The rule of an order, built by `slaRule` once per kind of order (at most 24 kinds). */
function ruleCache(sla: SlaSettings): (o: SlaFactsOf) => SlaRule | null {
  const cache: (SlaRule | null | undefined)[] = new Array<SlaRule | null | undefined>(24);
  return (o) => {
    const within = o.distanceKm === null ? 0 : atMost(o.distanceKm, sla.radiusKm) ? 1 : 2;
    const k = ((o.category === null ? 0 : CATEGORY_INDEX[o.category]) * 2 + (o.supplierNeeded ? 1 : 0)) * 3 + within;
    let rule = cache[k];
    if (rule === undefined) {
      const r = slaRule({ category: o.category, distanceKm: o.distanceKm, supplierNeeded: o.supplierNeeded }, sla);
      rule = r.ok ? r.value : null;
      cache[k] = rule;
    }
    return rule;
  };
}
