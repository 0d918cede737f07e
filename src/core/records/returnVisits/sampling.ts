/**
 * Which completed orders get a return visit (回访): a reproducible random sample of the month's
 * completed work orders (RULES.md#return-visits).
 *
 * Policy: 售后服务管理及考核办法 二、5 "客户反馈回访：问题解决后，应主动与客户进行回访，了解客户对
 * 售后服务的满意度" and 五、1 "问卷调查：随机挑选部分客户进行问卷调查，评估客户满意度" (a random
 * selection of customers); 售后服务考核管理制度 第四条 lists 售后服务回访率 and 客户满意度 among
 * each service person's 工作业绩 indicators. RULES.md#monthly-kpis: 回访率 = completed orders of the month
 * (month of 报修时间) visited ÷ completed. The policy names no 回访率 target, so the share is an
 * option: {@link DEFAULT_RETURN_VISIT_SHARE} **(default)**.
 *
 * Stratified by technician: since 回访率 and 客户满意度 are appraised per person (第四条), every
 * technician with a completed order gets at least one visit — a plain random sample of the
 * department could leave someone with no rating at all, and that person's 满意度 would be "no
 * data". Within a technician the draw is uniform without replacement.
 *
 * Deterministic: the same orders and seed give the same sample whatever the row order of the
 * input — orders are sorted by order number (code-unit order, not locale: the same on every
 * machine) and technicians by their key before drawing, with one mulberry32 stream (seededRandom).
 *
 * @example
 * drawReturnVisits(orders, { month: { year: 2026, month: 10 }, seed: 20261, share: 0.3 })
 *   // → ok({ picked: [...], strata: [{ technician: "张三", completed: 12, sampled: 4 }, ...], ... })
 */
import { text } from "../../i18n/text";
import { fail, ok, type Result } from "../../problem";
import { seededRandom } from "../../sample/random";
import { monthBounds, type Month } from "../../workorders/month";
import type { WorkOrder } from "../../workorders/parseOrders";
import { technicianKey } from "../../workorders/aggregate";

/** **(default)** share of completed orders visited when neither a share nor a count is given. */
export const DEFAULT_RETURN_VISIT_SHARE = 0.3;
/** Largest seed: seeds are whole numbers 0 … 2³²−1 (the generator's state). */
export const MAX_SEED = 4294967295;

export type SampleSize = { readonly share: number } | { readonly count: number };

export interface DrawOptions {
  readonly month: Month;
  readonly seed: number;
  /** A share (0 < share ≤ 1) of each technician's completed orders, or a total count. */
  readonly size?: SampleSize;
}

export interface Stratum {
  /** As first written in the orders (sorted order); null = 未指派. */
  readonly technician: string | null;
  /** Completed orders of the month with an order number. */
  readonly completed: number;
  readonly sampled: number;
}

export interface ReturnVisitSample {
  /** The drawn orders, by technician (stratum order), then order number. */
  readonly picked: readonly WorkOrder[];
  /** One per technician with a completed order, sorted by technician key (未指派 first). */
  readonly strata: readonly Stratum[];
  /** Completed orders of the month without an order number: they cannot be visited by number. */
  readonly withoutId: number;
  readonly seed: number;
  readonly size: SampleSize;
}

/** Code-unit order (not locale order), so the sort is the same on every machine. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Checks the seed and size, then draws. */
export function drawReturnVisits(orders: readonly WorkOrder[], options: DrawOptions): Result<ReturnVisitSample> {
  const { seed } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    return fail(
      "value",
      text(
        `抽样种子应为 0 到 ${MAX_SEED} 的整数（是 ${seed}）`,
        `the seed must be a whole number from 0 to ${MAX_SEED} (it is ${seed})`,
      ),
    );
  const size = options.size ?? { share: DEFAULT_RETURN_VISIT_SHARE };
  if ("share" in size && !(size.share > 0 && size.share <= 1))
    return fail(
      "value",
      text(
        `回访比例应大于 0 且不超过 100%（是 ${size.share}）`,
        `the visit share must be above 0 and at most 100% (it is ${size.share})`,
      ),
    );
  if ("count" in size && !(Number.isInteger(size.count) && size.count >= 1))
    return fail(
      "value",
      text(
        `回访数量应为不小于 1 的整数（是 ${size.count}）`,
        `the visit count must be a whole number of 1 or more (it is ${size.count})`,
      ),
    );

  const { start, end } = monthBounds(options.month);
  const eligible: WorkOrder[] = [];
  let withoutId = 0;
  for (const o of orders) {
    if (o.reportedAt < start || o.reportedAt >= end || o.completedAt === null) continue;
    if (o.orderId === null || o.orderId.trim() === "") withoutId++;
    else eligible.push(o);
  }
  eligible.sort((a, b) => byCodeUnits(a.orderId!, b.orderId!));

  const groups = new Map<string, WorkOrder[]>();
  for (const o of eligible) {
    const key = technicianKey(o.technician);
    const g = groups.get(key);
    if (g) g.push(o);
    else groups.set(key, [o]);
  }
  const keys = [...groups.keys()].sort(byCodeUnits);
  const sizes = "share" in size ? sharesOf(keys, groups, size.share) : countsOf(keys, groups, size.count);

  const rnd = seededRandom(seed);
  const picked: WorkOrder[] = [];
  const strata: Stratum[] = [];
  keys.forEach((key, k) => {
    const group = groups.get(key)!;
    const n = sizes[k]!;
    // Partial Fisher–Yates: the first n of a shuffled copy, then back in order-number order.
    const pool = group.slice();
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(rnd() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    picked.push(...pool.slice(0, n).sort((a, b) => byCodeUnits(a.orderId!, b.orderId!)));
    strata.push({ technician: group[0]!.technician, completed: group.length, sampled: n });
  });
  return ok({ picked, strata, withoutId, seed, size });
}

/** Each technician's share, rounded up (a share of 30% of 4 orders visits 2, not 1), at least one. */
function sharesOf(keys: readonly string[], groups: ReadonlyMap<string, readonly WorkOrder[]>, share: number): number[] {
  // The 1e-9 keeps 30% of 10 at 3 when 0.3 × 10 comes out as 3.0000000000000004.
  return keys.map((k) => {
    const size = groups.get(k)!.length;
    return Math.min(size, Math.max(1, Math.ceil(share * size - 1e-9)));
  });
}

/**
 * A total count spread over the technicians: one each first (while the count lasts, in
 * technician order), the rest in proportion to what each has left, by largest remainder (ties:
 * technician order). A count above the completed orders visits them all.
 */
function countsOf(keys: readonly string[], groups: ReadonlyMap<string, readonly WorkOrder[]>, count: number): number[] {
  const sizes = keys.map((k) => groups.get(k)!.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (count >= total) return sizes;
  const out = sizes.map(() => 0);
  let left = count;
  for (let i = 0; i < sizes.length && left > 0; i++) {
    out[i] = 1;
    left--;
  }
  if (left === 0) return out;
  const rest = sizes.map((s, i) => s - out[i]!);
  const restTotal = rest.reduce((a, b) => a + b, 0);
  const exact = rest.map((r) => (r * left) / restTotal);
  const floors = exact.map((x, i) => Math.min(rest[i]!, Math.floor(x + 1e-9)));
  let remaining = left - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - floors[i]! })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (remaining === 0) break;
    if (floors[i]! < rest[i]!) {
      floors[i]!++;
      remaining--;
    }
  }
  return out.map((o, i) => o + floors[i]!);
}
