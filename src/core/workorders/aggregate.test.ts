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
import type { WorkOrder } from "./parseOrders";
import { serialOf } from "./sample";
import { slaClassifier, slaStateClassifier } from "./slaStates";

const OCT = { year: 2026, month: 10 };
const NOV1 = serialOf(2026, 11, 1);
const H = 1 / 24;
const MIN = 1 / 1440;

let nextRow = 2;
function order(o: Partial<WorkOrder> = {}): WorkOrder {
  return {
    row: nextRow++,
    orderId: null,
    customer: null,
    technician: "张三",
    product: null,
    category: "other",
    reportedAt: serialOf(2026, 10, 5, 8, 30),
    repliedAt: null,
    arrivedAt: null,
    completedAt: null,
    distanceKm: null,
    supplierNeeded: false,
    warranty: false,
    firstTimeFix: false,
    quality: null,
    satisfaction: null,
    returnVisit: false,
    complaint: false,
    serviceCaused: false,
    complaintHandled: false,
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
    });
    // Only the complaint rate has data: the composite is that score alone.
    expect(v.compositeScore).toBe(5);
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

  it("composite: RULES.md#kpi-scores scores weighted 30/30/20/20, renormalised over the KPIs that have data, graded unrounded", () => {
    const r = serialOf(2026, 10, 5, 8, 30);
    const orders = [
      // on-time 1/2 → 0.5/0.9×5; CSAT 1/2 → 0.5/0.85×5; FTF 1/2 → 0.5/0.85×5; complaint 1/2 = 50% > 3% → 5×0.03/0.5
      order({
        reportedAt: r,
        category: "other",
        repliedAt: r + H,
        completedAt: r + 1,
        firstTimeFix: true,
        satisfaction: 9,
        complaint: true,
        serviceCaused: true,
      }),
      order({ reportedAt: r, category: "other", repliedAt: r + 2, completedAt: r + 1, satisfaction: 5 }),
    ];
    const row = dept(orders);
    const s = { onTime: (0.5 / 0.9) * 5, csat: (0.5 / 0.85) * 5, ftf: (0.5 / 0.85) * 5, complaint: (5 * 0.03) / 0.5 };
    expect(row.scores.onTime).toBeCloseTo(s.onTime, 12);
    expect(row.scores.complaintRate).toBeCloseTo(s.complaint, 12);
    const composite = (0.3 * s.onTime + 0.3 * s.csat + 0.2 * s.ftf + 0.2 * s.complaint) / 1;
    expect(row.values.compositeScore).toBeCloseTo(composite, 12);
    expect(row.values.grade).toBe("D");
    // Without satisfaction ratings the CSAT weight is left out and the rest renormalised.
    const noCsat = dept(orders.map((o) => ({ ...o, satisfaction: null })));
    expect(noCsat.values.compositeScore).toBeCloseTo((0.3 * s.onTime + 0.2 * s.ftf + 0.2 * s.complaint) / 0.7, 12);
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
      kpi: { ...DEFAULT_SETTINGS.kpi, weights: { onTime: 0, csat: 0, firstTimeFix: 0, complaintRate: 0 } },
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
