import fc from "fast-check";
import { DEFAULT_SETTINGS, type Settings } from "../settings";
import { slaStatus } from "../sla/state";
import type { FaultCategory } from "../sla/category";
import {
  aggregateMonth,
  checkKpiSettings,
  median,
  monthlyKpiReport,
  rate,
  type KpiRow,
  type MonthKpis,
} from "./aggregate";
import { defaultAsOf, monthBounds, monthsWithData, parseMonth } from "./month";
import { blankOrder, type WorkOrder } from "./parseOrders";
import { serialOf } from "./sample";
import { slaClassifier, slaStateClassifier } from "./slaStates";

const OCT = { year: 2026, month: 10 };
const NOV1 = serialOf(2026, 11, 1);
const H = 1 / 24;
const MIN = 1 / 1440;

let nextRow = 2;
function order(o: Partial<WorkOrder> = {}): WorkOrder {
  return {
    ...blankOrder(nextRow++, null, serialOf(2026, 10, 5, 8, 30)),
    technician: "张三",
    category: "other",
    ...o,
  };
}

function month(orders: WorkOrder[], asOf = NOV1, settings: Settings = DEFAULT_SETTINGS): MonthKpis {
  const r = aggregateMonth(orders, { month: OCT, asOf, settings });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

const dept = (orders: WorkOrder[], asOf = NOV1): KpiRow => month(orders, asOf).department;

describe("SLA states of RULES.md#sla-deadlines (one order, as of 2026-11-01)", () => {
  const r = serialOf(2026, 10, 5, 8, 30);
  const state = (o: Partial<WorkOrder>, asOf = NOV1) => dept([order({ reportedAt: r, ...o })], asOf).counts;

  it("车身 within 100 km, no supplier: on site within 24 h — exactly 24 h is met, one minute more is missed", () => {
    expect(state({ category: "body", distanceKm: 50, arrivedAt: r + 24 * H })).toMatchObject({ met: 1, missed: 0 });
    expect(state({ category: "body", distanceKm: 50, arrivedAt: r + 24 * H + MIN })).toMatchObject({
      met: 0,
      missed: 1,
    });
    // Only the arrival counts for this rule: an early reply does not help.
    expect(state({ category: "body", distanceKm: 50, repliedAt: r + H, arrivedAt: r + 30 * H })).toMatchObject({
      missed: 1,
    });
  });

  it("exactly 100 km is within the radius (on-site rule); 100.1 km is beyond (12 h reply rule)", () => {
    expect(state({ category: "body", distanceKm: 100, arrivedAt: r + 20 * H })).toMatchObject({ met: 1 });
    expect(state({ category: "body", distanceKm: 100.1, arrivedAt: r + 20 * H, repliedAt: r + 13 * H })).toMatchObject({
      missed: 1,
    });
    expect(state({ category: "body", distanceKm: 100.1, repliedAt: r + 12 * H })).toMatchObject({ met: 1 });
  });

  it("车身 needing the supplier: reply within 12 h, whatever the distance (even without one)", () => {
    expect(state({ category: "body", supplierNeeded: true, distanceKm: 10, repliedAt: r + 12 * H })).toMatchObject({
      met: 1,
    });
    expect(state({ category: "body", supplierNeeded: true, repliedAt: r + 12 * H + MIN })).toMatchObject({ missed: 1 });
  });

  it("底盘发动机: written contact within 12 h; 其他: reply within 24 h", () => {
    expect(state({ category: "chassisEngine", repliedAt: r + 12 * H })).toMatchObject({ met: 1 });
    expect(state({ category: "chassisEngine", repliedAt: r + 13 * H })).toMatchObject({ missed: 1 });
    expect(state({ category: "other", repliedAt: r + 24 * H })).toMatchObject({ met: 1 });
    expect(state({ category: "other", repliedAt: r + 25 * H })).toMatchObject({ missed: 1 });
  });

  it("unknown without the facts: no category, or 车身 with neither a distance nor supplier = 是", () => {
    expect(state({ category: null, repliedAt: r + H })).toMatchObject({ unknown: 1, met: 0 });
    expect(state({ category: "body", distanceKm: null, supplierNeeded: false, arrivedAt: r + H })).toMatchObject({
      unknown: 1,
    });
  });

  it("open orders: pending before the deadline, missed after it; a deadline equal to as-of is still pending", () => {
    const deadline = r + 24 * H;
    expect(state({ category: "other" }, deadline - MIN)).toMatchObject({ pending: 1 });
    expect(state({ category: "other" }, deadline)).toMatchObject({ pending: 1 });
    expect(state({ category: "other" }, deadline + MIN)).toMatchObject({ missed: 1 });
  });

  it("a recorded event decides the state whatever the as-of time", () => {
    expect(state({ category: "other", repliedAt: r + 30 * H }, r + H)).toMatchObject({ missed: 1 });
    expect(state({ category: "other", repliedAt: r + 2 * H }, r + H)).toMatchObject({ met: 1 });
  });

  it("pending and unknown orders are left out of the on-time rate", () => {
    const v = dept([
      order({ category: "other", repliedAt: serialOf(2026, 10, 5, 9, 0) }),
      order({ category: "other", reportedAt: serialOf(2026, 10, 31, 23, 0) }),
      order({ category: null }),
    ]).values;
    expect([v.slaMet, v.slaMissed, v.slaPending, v.slaUnknown, v.onTimeRate]).toEqual([1, 0, 1, 1, 1]);
  });

  const category = fc.constantFrom<FaultCategory | null>("body", "chassisEngine", "other", null);
  it("property: the batch classifier agrees with core/sla's slaStatus on every order", () => {
    const classify = slaClassifier(DEFAULT_SETTINGS.sla);
    const stateOnly = slaStateClassifier(DEFAULT_SETTINGS.sla);
    fc.assert(
      fc.property(
        category,
        fc.option(
          fc.integer({ min: 0, max: 3000 }).map((n) => n / 10),
          { nil: null },
        ),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 60 * 48 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 60 * 48 }), { nil: null }),
        fc.integer({ min: -60 * 48, max: 60 * 96 }),
        (cat, distanceKm, supplierNeeded, replyMin, arriveMin, asOfMin) => {
          const o = {
            category: cat,
            distanceKm,
            supplierNeeded,
            reportedAt: r,
            contactMethod: null,
            repliedAt: replyMin === null ? null : r + replyMin * MIN,
            arrivedAt: arriveMin === null ? null : r + arriveMin * MIN,
          };
          const asOf = r + asOfMin * MIN;
          const ref = slaStatus(o, asOf, DEFAULT_SETTINGS.sla);
          const mine = classify(o, asOf);
          return (
            ref.ok &&
            ref.value.state === mine.state &&
            stateOnly(o, asOf) === mine.state &&
            (ref.value.deadline ?? null) === mine.deadline &&
            (ref.value.rule?.hours ?? null) === mine.hours
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("monthly KPIs of RULES.md#monthly-kpis", () => {
  it("counts orders by the month of 报修时间: the first instant of the next month belongs to the next month", () => {
    const { start, end } = monthBounds(OCT);
    const v = dept([
      order({ reportedAt: start }),
      order({ reportedAt: end - MIN / 60 }),
      order({ reportedAt: end }),
      order({ reportedAt: start - MIN }),
    ]).values;
    expect(v.orders).toBe(2);
  });

  it("completion, first-time fix and return-visit rates count completed orders", () => {
    const c = serialOf(2026, 10, 6);
    const v = dept([
      order({ completedAt: c, firstTimeFix: true, returnVisit: true }),
      order({ completedAt: c, firstTimeFix: false, returnVisit: true }),
      order({ completedAt: c, firstTimeFix: true }),
      order({ firstTimeFix: true, returnVisit: true }), // open: not counted in either
    ]).values;
    expect(v.completed).toBe(3);
    expect(v.completionRate).toBe(3 / 4);
    expect(v.firstTimeFixRate).toBe(2 / 3);
    expect(v.returnVisitRate).toBe(2 / 3);
  });

  it("response time: mean and median of (到达现场 − 报修) in hours over orders with an arrival", () => {
    const r = serialOf(2026, 10, 5, 8, 30);
    const v = dept([
      order({ reportedAt: r, arrivedAt: r + 2 * H }),
      order({ reportedAt: r, arrivedAt: r + 4 * H }),
      order({ reportedAt: r, arrivedAt: r + 9 * H }),
      order({ reportedAt: r }),
    ]).values;
    expect(v.avgResponseHours).toBeCloseTo(5, 9);
    expect(v.medianResponseHours).toBeCloseTo(4, 9);
    const even = dept([
      order({ reportedAt: r, arrivedAt: r + 2 * H }),
      order({ reportedAt: r, arrivedAt: r + 5 * H }),
    ]).values;
    expect(even.medianResponseHours).toBeCloseTo(3.5, 9);
  });

  it("quality and satisfaction: mean of the ratings given; CSAT = ratings ≥ 8 ÷ ratings given", () => {
    const v = dept([
      order({ quality: 9, satisfaction: 8 }),
      order({ quality: 6, satisfaction: 7 }),
      order({ satisfaction: 10 }),
      order({}),
    ]).values;
    expect(v.avgQuality).toBe(7.5);
    expect(v.avgSatisfaction).toBeCloseTo(25 / 3, 12);
    expect(v.csat).toBe(2 / 3);
  });

  it("complaint rate needs 客户投诉 and 服务责任; handling rate is handled ÷ complaints", () => {
    const v = dept([
      order({ complaint: true, serviceCaused: true, complaintHandled: true }),
      order({ complaint: true, serviceCaused: false, complaintHandled: false }),
      order({ complaint: false, serviceCaused: true, complaintHandled: true }),
      order({}),
    ]).values;
    expect(v.complaintRate).toBe(1 / 4);
    expect(v.complaintHandlingRate).toBe(1 / 2);
  });

  it("zero denominators give null — never 0, never NaN", () => {
    const v = dept([order({ category: null })]).values;
    expect(v).toMatchObject({
      orders: 1,
      completed: 0,
      completionRate: 0,
      avgResponseHours: null,
      medianResponseHours: null,
      onTimeRate: null,
      firstTimeFixRate: null,
      returnVisitRate: null,
      avgQuality: null,
      avgSatisfaction: null,
      csat: null,
      complaintRate: 0,
      complaintHandlingRate: null,
      completionOnTimeRate: null,
    });
    // Only the complaint rate has data, and it weighs 0 by default: no composite.
    expect(v.compositeScore).toBeNull();
    expect(rate(0, 0)).toBeNull();
  });

  it("an empty month: zero orders, every rate null, no composite, no technicians", () => {
    const m = month([order({ reportedAt: serialOf(2026, 9, 30) })]);
    expect(m.technicians).toEqual([]);
    const v = m.department.values;
    expect(v.orders).toBe(0);
    expect(Object.entries(v).filter(([, x]) => typeof x === "number" && Number.isNaN(x))).toEqual([]);
    expect([v.completionRate, v.onTimeRate, v.csat, v.complaintRate, v.compositeScore, v.grade]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("composite: the policy's four KPIs at 25% each (三、售后服务考核指标), renormalised over those with data", () => {
    const r = serialOf(2026, 10, 5, 8, 30);
    const orders = [
      // response 12 h ≤ 24 → 5; dispatched +1 h, completed after 30 h ≤ 48 → met; quality 8, satisfaction 9.
      order({
        reportedAt: r,
        dispatchedAt: r + H,
        arrivedAt: r + 12 * H,
        completedAt: r + 31 * H,
        quality: 8,
        satisfaction: 9,
      }),
      // response 36 h > 24 → missed; completed 60 h after dispatch → missed; quality 6, satisfaction 5.
      order({
        reportedAt: r,
        dispatchedAt: r + H,
        arrivedAt: r + 36 * H,
        completedAt: r + 61 * H,
        quality: 6,
        satisfaction: 5,
      }),
    ];
    const row = dept(orders);
    expect(row.values.avgResponseHours).toBeCloseTo(24, 9);
    expect(row.values.completionOnTimeRate).toBe(1 / 2);
    const s = {
      responseTime: 5, // mean 24 h meets ≤ 24 h
      completionOnTime: (0.5 / 0.9) * 5,
      quality: (7 / 10) * 5, // no target: mean ÷ 10 × 5
      satisfaction: (7 / 10) * 5,
    };
    expect(row.scores.responseTime).toBe(s.responseTime);
    expect(row.scores.completionOnTime).toBeCloseTo(s.completionOnTime, 12);
    expect(row.scores.quality).toBeCloseTo(s.quality, 12);
    expect(row.scores.satisfaction).toBeCloseTo(s.satisfaction, 12);
    // The 3.2.1 KPIs are scored and shown, but weigh 0.
    expect(row.scores.complaintRate).toBe(5);
    const composite = (s.responseTime + s.completionOnTime + s.quality + s.satisfaction) / 4;
    expect(row.values.compositeScore).toBeCloseTo(composite, 12);
    expect(row.values.grade).toBe("C");
    // Without ratings the two rating KPIs are left out and the other two renormalised.
    const noRatings = dept(orders.map((o) => ({ ...o, quality: null, satisfaction: null })));
    expect(noRatings.values.compositeScore).toBeCloseTo((s.responseTime + s.completionOnTime) / 2, 12);
  });

  it("response time is lower-is-better against its target hours; a rating with a target is scored against it", () => {
    const r = serialOf(2026, 10, 5, 8, 30);
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      kpi: { ...DEFAULT_SETTINGS.kpi, targets: { ...DEFAULT_SETTINGS.kpi.targets, quality: 8 } },
    };
    const m = month([order({ reportedAt: r, arrivedAt: r + 30 * H, quality: 6 })], NOV1, settings);
    expect(m.department.scores.responseTime).toBeCloseTo(5 * (24 / 30), 12);
    expect(m.department.scores.quality).toBeCloseTo(5 * (6 / 8), 12);
  });

  it("the old composite is still there to choose: weights on the 3.2.1 KPIs", () => {
    const r = serialOf(2026, 10, 5, 8, 30);
    const weights = {
      ...DEFAULT_SETTINGS.kpi.weights,
      responseTime: 0,
      completionOnTime: 0,
      quality: 0,
      satisfaction: 0,
    };
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      kpi: {
        ...DEFAULT_SETTINGS.kpi,
        weights: { ...weights, onTime: 0.3, csat: 0.3, firstTimeFix: 0.2, complaintRate: 0.2 },
      },
    };
    const orders = [
      order({
        reportedAt: r,
        repliedAt: r + H,
        completedAt: r + 1,
        firstTimeFix: true,
        satisfaction: 9,
        complaint: true,
        serviceCaused: true,
      }),
      order({ reportedAt: r, repliedAt: r + 2, completedAt: r + 1, satisfaction: 5 }),
    ];
    const row = month(orders, NOV1, settings).department;
    const s = { onTime: (0.5 / 0.9) * 5, csat: (0.5 / 0.85) * 5, ftf: (0.5 / 0.85) * 5, complaint: (5 * 0.03) / 0.5 };
    expect(row.values.compositeScore).toBeCloseTo(0.3 * s.onTime + 0.3 * s.csat + 0.2 * s.ftf + 0.2 * s.complaint, 12);
  });

  it('"< 3%" is strictly below: a complaint rate of exactly 3% misses it and scores below full marks', () => {
    const r = serialOf(2026, 10, 5, 8, 30);
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      kpi: {
        ...DEFAULT_SETTINGS.kpi,
        weights: Object.fromEntries(
          Object.keys(DEFAULT_SETTINGS.kpi.weights).map((k) => [k, k === "complaintRate" ? 1 : 0]),
        ) as Settings["kpi"]["weights"],
      },
    };
    const orders = Array.from({ length: 100 }, (_, i) =>
      order({ reportedAt: r, complaint: i < 3, serviceCaused: i < 3 }),
    );
    const row = month(orders, NOV1, settings).department;
    expect(row.values.complaintRate).toBe(0.03);
    expect(row.scores.complaintRate).toBeLessThan(5);
    expect(row.values.grade).toBe("B");
    // With "≤ 3%" the same month meets it.
    const inclusive = {
      ...settings,
      kpi: { ...settings.kpi, comparisons: { ...settings.kpi.comparisons, complaintRate: "<=" as const } },
    };
    expect(month(orders, NOV1, inclusive).department.values.grade).toBe("A");
  });

  it("维修及时率 counts from 派工时间: met, late, still open past the limit (missed), open within it (pending), no dispatch (unknown)", () => {
    const r = serialOf(2026, 10, 20, 8, 0);
    const asOf = r + 3; // 72 h after the report
    const v = month(
      [
        order({ reportedAt: r, dispatchedAt: r + H, completedAt: r + 49 * H }), // exactly 48 h after dispatch: met
        order({ reportedAt: r, dispatchedAt: r + H, completedAt: r + 49 * H + 1 / 1440 }), // a minute late
        order({ reportedAt: r, dispatchedAt: r + H }), // open, limit passed at 49 h
        order({ reportedAt: r, dispatchedAt: r + 2.5 }), // open, limit not passed
        order({ reportedAt: r, completedAt: r + H }), // no dispatch time
      ],
      asOf,
    ).department.values;
    expect([v.completionMet, v.completionMissed, v.completionPending, v.completionUnknown]).toEqual([1, 2, 1, 1]);
    expect(v.completionOnTimeRate).toBe(1 / 3);
  });

  it("a perfect month is A even when the weighted sum carries float noise", () => {
    const r = serialOf(2026, 10, 5, 8, 30);
    const v = dept([
      order({
        reportedAt: r,
        category: "other",
        repliedAt: r + H,
        completedAt: r + 1,
        firstTimeFix: true,
        satisfaction: 10,
      }),
    ]).values;
    expect(v.compositeScore).toBeCloseTo(5, 12);
    expect(v.grade).toBe("A");
  });

  it("groups technicians case-insensitively under the first spelling, sorts them, and puts 未指派 last", () => {
    const m = month([
      order({ technician: "Tom" }),
      order({ technician: "tom" }),
      order({ technician: null }),
      order({ technician: "李四" }),
      order({ technician: "张三" }),
    ]);
    expect(m.technicians.map((t) => [t.technician, t.counts.orders])).toEqual([
      ["李四", 1],
      ["张三", 1],
      ["Tom", 2],
      [null, 1],
    ]);
    expect(m.department.counts.orders).toBe(5);
  });

  it("the previous month is computed as of the earlier of its end and the current as-of", () => {
    const sep = serialOf(2026, 9, 30, 20, 0);
    const orders = [
      order({ reportedAt: sep, category: "other" }),
      order({ category: "other", repliedAt: serialOf(2026, 10, 5, 9, 0) }),
    ];
    const r = monthlyKpiReport(orders, { month: OCT, asOf: NOV1, settings: DEFAULT_SETTINGS });
    if (!r.ok) throw new Error(r.problem.message.en);
    expect(r.value.previous.month).toEqual({ year: 2026, month: 9 });
    expect(r.value.previous.asOf).toBe(serialOf(2026, 10, 1));
    // Reported 9-30 20:00 with a 24 h limit: as of 10-01 00:00 it is still pending.
    expect(r.value.previous.department.counts).toMatchObject({ orders: 1, pending: 1, missed: 0 });
    expect(r.value.current.department.counts).toMatchObject({ orders: 1, met: 1 });
  });

  it("refuses unusable KPI settings with a message", () => {
    const bad = {
      ...DEFAULT_SETTINGS,
      kpi: {
        ...DEFAULT_SETTINGS.kpi,
        weights: Object.fromEntries(
          Object.keys(DEFAULT_SETTINGS.kpi.weights).map((k) => [k, 0]),
        ) as Settings["kpi"]["weights"],
      },
    };
    expect(checkKpiSettings(bad).ok).toBe(false);
    const r = aggregateMonth([], { month: OCT, asOf: NOV1, settings: bad });
    expect(!r.ok && r.problem.message.en).toMatch(/^KPI weights: /);
    const zeroTarget = {
      ...DEFAULT_SETTINGS,
      kpi: { ...DEFAULT_SETTINGS.kpi, targets: { ...DEFAULT_SETTINGS.kpi.targets, onTime: 0 } },
    };
    expect(checkKpiSettings(zeroTarget).ok).toBe(false);
    const tooHigh = { ...DEFAULT_SETTINGS, kpi: { ...DEFAULT_SETTINGS.kpi, fullScore: 10 } };
    expect(checkKpiSettings(tooHigh).ok).toBe(false);
  });

  it("uses the CSAT threshold and targets from the settings", () => {
    const s: Settings = { ...DEFAULT_SETTINGS, kpi: { ...DEFAULT_SETTINGS.kpi, csatThreshold: 9 } };
    const m = month([order({ satisfaction: 8 }), order({ satisfaction: 9 })], NOV1, s);
    expect(m.department.values.csat).toBe(0.5);
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle values", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("months and as-of", () => {
  it("reads months as people write them", () => {
    expect(parseMonth("2026-10")).toEqual({ ok: true, value: OCT });
    expect(parseMonth("2026年10月")).toEqual({ ok: true, value: OCT });
    expect(parseMonth("2026-Q4").ok).toBe(false);
    expect(parseMonth("October").ok).toBe(false);
  });

  it("as-of is the end of the month, or now if earlier", () => {
    expect(defaultAsOf(OCT, serialOf(2026, 11, 27, 13, 0))).toBe(NOV1);
    expect(defaultAsOf(OCT, serialOf(2026, 10, 20, 9, 0))).toBe(serialOf(2026, 10, 20, 9, 0));
    expect(defaultAsOf({ year: 2026, month: 12 }, serialOf(2027, 3, 1))).toBe(serialOf(2027, 1, 1));
  });

  it("lists the months with data, newest first", () => {
    expect(monthsWithData([serialOf(2026, 9, 3), serialOf(2026, 10, 1), serialOf(2026, 9, 30)])).toEqual([
      OCT,
      { year: 2026, month: 9 },
    ]);
  });
});
