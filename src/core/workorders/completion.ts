/**
 * 维修及时率 (三、售后服务考核指标 2): "维修工单发出后,售后服务人员在规定时间内完成维修的比例" —
 * of the orders dispatched, the share completed within the completion limit (a setting, default
 * 48 h) counted from 派工时间. Read with the policy, not only of completed orders: an order still
 * open when its limit has passed was not completed in time either (missed); one still open
 * before its limit is pending and left out, like the SLA states. An order without a 派工时间
 * cannot be measured (unknown, left out).
 * Times compare in whole milliseconds, exactly as the register's formulas do.
 */
import { MS_PER_DAY } from "../dates/serial";
import type { SlaState } from "../sla/state";
import type { WorkOrder } from "./parseOrders";

const MS_PER_HOUR = 3_600_000;

export interface OrderCompletion {
  readonly state: SlaState;
  /** 派工时间 + the limit, as a serial; null without a 派工时间. */
  readonly deadline: number | null;
}

export type CompletionFactsOf = Pick<WorkOrder, "dispatchedAt" | "completedAt">;

/**
 * The completion state of an order as of `asOf`: met when completed at or before the deadline,
 * missed when completed later or still open after it, pending when open before it, unknown
 * without a 派工时间.
 *
 * @example
 * completionState({ dispatchedAt: d, completedAt: d + 2 }, 48, asOf) // → { state: "met", deadline: d + 2 }
 */
export function completionState(o: CompletionFactsOf, limitHours: number, asOf: number): OrderCompletion {
  if (o.dispatchedAt === null) return { state: "unknown", deadline: null };
  const deadlineMs = Math.round(o.dispatchedAt * MS_PER_DAY) + Math.round(limitHours * MS_PER_HOUR);
  const deadline = deadlineMs / MS_PER_DAY;
  if (o.completedAt !== null)
    return { state: Math.round(o.completedAt * MS_PER_DAY) <= deadlineMs ? "met" : "missed", deadline };
  return { state: deadlineMs < Math.round(asOf * MS_PER_DAY) ? "missed" : "pending", deadline };
}
