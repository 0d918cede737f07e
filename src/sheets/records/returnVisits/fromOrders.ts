/**
 * From the user's own work orders to the return-visit plan's options: the draw (drawReturnVisits)
 * and the survey lines, as the `return-visits` command and the Records pane's "draw from the
 * selection" both do it — one code path, so the same orders and seed give the same sample in both.
 */
import { text, type Locale } from "../../../core/i18n/text";
import { fail, ok, type Result } from "../../../core/problem";
import {
  DEFAULT_RETURN_VISIT_SHARE,
  drawReturnVisits,
  surveyLines,
  type ReturnVisitSample,
  type SampleSize,
  type SurveyLine,
} from "../../../core/records/returnVisits";
import { monthKey, type Month } from "../../../core/workorders/month";
import type { WorkOrder } from "../../../core/workorders/parseOrders";
import { drawnSurvey, type ReturnVisitsOptions } from "./returnVisitsPlan";

export interface OrdersDraw {
  readonly month: Month;
  readonly seed: number;
  /** Default: {@link DEFAULT_RETURN_VISIT_SHARE} of each technician's completed orders. */
  readonly size?: SampleSize;
}

export interface DrawnFromOrders {
  readonly sample: ReturnVisitSample;
  readonly lines: readonly SurveyLine[];
}

/**
 * Draws the month's return visits from the orders. Fails with kind "value" for a bad seed or
 * size, and kind "na" when the month has no completed order with an order ID (nothing to visit).
 */
export function drawFromOrders(orders: readonly WorkOrder[], draw: OrdersDraw): Result<DrawnFromOrders> {
  const drawn = drawReturnVisits(orders, {
    month: draw.month,
    seed: draw.seed,
    size: draw.size ?? { share: DEFAULT_RETURN_VISIT_SHARE },
  });
  if (!drawn.ok) return drawn;
  if (drawn.value.picked.length === 0) return fail("na", nothingToVisit(monthKey(draw.month)));
  return ok({ sample: drawn.value, lines: surveyLines(drawn.value) });
}

/** The error when a month has no completed order to visit. */
export function nothingToVisit(month: string) {
  return text(
    `${month} 没有带工单号的已完成工单，无法抽取回访样本`,
    `${month} has no completed orders with an order ID to visit`,
  );
}

/** The plan's options for a drawn sample. */
export function drawnReturnVisitsOptions(
  drawn: DrawnFromOrders,
  o: {
    readonly month: string;
    readonly station: string;
    readonly threshold: number;
    readonly locale: Locale;
    readonly blankRows: number;
  },
): ReturnVisitsOptions {
  return {
    station: o.station,
    month: o.month,
    ...drawnSurvey(drawn),
    threshold: o.threshold,
    locale: o.locale,
    blankRows: o.blankRows,
  };
}

/** A fresh seed from the clock: its seconds modulo a million (short enough to copy and type again). */
export function seedFromClock(now: Date): number {
  return Math.floor(now.getTime() / 1000) % 1_000_000;
}
