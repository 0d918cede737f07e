/**
 * Monthly service KPIs per technician and for the department (RULES.md#monthly-kpis), computed exactly the
 * way the 月度KPI sheet's formulas compute them, so the sheet and the pane's preview agree:
 * - orders belong to the month of 报修时间 ([first instant, next month's first instant));
 * - a rate with a zero denominator is `null` (no data), never 0 and never NaN;
 * - each scored KPI becomes a 5-point score with RULES.md#kpi-scores (`kpiScore`); the composite is the
 *   weighted mean of the scores that exist, weights renormalised (`weightedScore`), graded on
 *   the five-point bands (`gradeOf`), never rounded first.
 * One pass over the orders; fine for a million of them (see test/bench/kpi.bench.ts).
 */
import { text } from "../i18n/text";
import { fail, ok, type Result } from "../problem";
import { gradeOf } from "../grading/gradeOf";
import { checkTarget, kpiScore } from "../scoring/kpiScore";
import { COMPARISON_SYMBOL } from "../scoring/comparison";
import { checkWeights, weightedScore } from "../scoring/weightedScore";
import { formatNumber } from "../values/describe";
import { KPI_KEYS, KPI_UNIT, type KpiKey, type Settings } from "../settings";
import { completionState } from "./completion";
import { serviceReportComplete } from "./serviceReport";
import { monthBounds, previousMonth, type Month } from "./month";
import type { WorkOrder } from "./parseOrders";
import { slaStateClassifier } from "./slaStates";

/** The counts every KPI is built from (the KPI sheet shows them in helper columns). */
export interface KpiCounts {
  readonly orders: number;
  readonly completed: number;
  readonly met: number;
  readonly missed: number;
  readonly pending: number;
  readonly unknown: number;
  /** 维修及时率 states (completion within the limit after 派工时间, see completion.ts). */
  readonly completionMet: number;
  readonly completionMissed: number;
  readonly completionPending: number;
  readonly completionUnknown: number;
  /** Completed orders marked 一次修复. */
  readonly firstTimeFixes: number;
  /** Completed orders marked 已回访. */
  readonly returnVisits: number;
  /** Completed orders whose 服务报告 is accurate (serviceReport.ts): 表单记录准确率's numerator. */
  readonly accurateReports: number;
  readonly qualityRatings: number;
  readonly qualitySum: number;
  readonly satisfactionRatings: number;
  readonly satisfactionSum: number;
  /** Satisfaction ratings at or above the CSAT threshold. */
  readonly satisfied: number;
  /** Orders with 客户投诉 and 服务责任 both 是. */
  readonly serviceComplaints: number;
  /** Orders with 客户投诉 是. */
  readonly complaints: number;
  /** Orders with 客户投诉 and 投诉已处理 both 是. */
  readonly complaintsHandled: number;
  /** Orders with an arrival time (the response-time sample). */
  readonly responses: number;
  readonly responseHoursSum: number;
}

/** The KPIs of RULES.md#monthly-kpis, with the keys of the `kpi` command's JSON. Rates are fractions 0–1. */
export interface KpiValues {
  readonly orders: number;
  readonly completed: number;
  readonly completionRate: number | null;
  readonly avgResponseHours: number | null;
  readonly medianResponseHours: number | null;
  readonly completionMet: number;
  readonly completionMissed: number;
  readonly completionPending: number;
  readonly completionUnknown: number;
  /** 维修及时率: completionMet ÷ (completionMet + completionMissed). */
  readonly completionOnTimeRate: number | null;
  readonly slaMet: number;
  readonly slaMissed: number;
  readonly slaPending: number;
  readonly slaUnknown: number;
  readonly onTimeRate: number | null;
  readonly firstTimeFixRate: number | null;
  readonly returnVisitRate: number | null;
  readonly avgQuality: number | null;
  readonly avgSatisfaction: number | null;
  readonly csat: number | null;
  readonly complaintRate: number | null;
  readonly complaintHandlingRate: number | null;
  /** 表单记录准确率: accurate 服务报告 ÷ completed orders (serviceReport.ts). */
  readonly recordAccuracyRate: number | null;
  readonly compositeScore: number | null;
  readonly grade: string | null;
}

/** The KPI keys, in the order of the JSON contract. */
export const KPI_VALUE_KEYS: readonly (keyof KpiValues)[] = [
  "orders",
  "completed",
  "completionRate",
  "avgResponseHours",
  "medianResponseHours",
  "completionMet",
  "completionMissed",
  "completionPending",
  "completionUnknown",
  "completionOnTimeRate",
  "slaMet",
  "slaMissed",
  "slaPending",
  "slaUnknown",
  "onTimeRate",
  "firstTimeFixRate",
  "returnVisitRate",
  "avgQuality",
  "avgSatisfaction",
  "csat",
  "complaintRate",
  "complaintHandlingRate",
  "recordAccuracyRate",
  "compositeScore",
  "grade",
];

/** RULES.md#kpi-scores scores of the scored KPIs (null = no data, left out of the composite). */
export type KpiScores = Readonly<Record<KpiKey, number | null>>;

/** Which value each scored KPI scores, in composite order (KPI_KEYS). */
export const KPI_VALUE_OF = {
  responseTime: "avgResponseHours",
  completionOnTime: "completionOnTimeRate",
  quality: "avgQuality",
  satisfaction: "avgSatisfaction",
  onTime: "onTimeRate",
  csat: "csat",
  firstTimeFix: "firstTimeFixRate",
  complaintRate: "complaintRate",
} as const satisfies Readonly<Record<KpiKey, keyof KpiValues>>;

/** The scored KPIs in composite order, and which value each scores. */
export const SCORED_KPIS: readonly { readonly key: KpiKey; readonly value: keyof KpiValues }[] = KPI_KEYS.map(
  (key) => ({ key, value: KPI_VALUE_OF[key] }),
);

/** The highest mean rating (the policy's ratings are 1–10). */
export const RATING_MAX = 10;

/**
 * The score of one KPI result (RULES.md#monthly-kpis): against its target with its comparison (RULES.md#kpi-scores,
 * kpiScore); a rating without a target as mean ÷ 10 × full. null without a result. The KPI
 * settings must have passed {@link checkKpiSettings}.
 */
export function scoreKpi(key: KpiKey, actual: number | null, settings: Settings): number | null {
  if (actual === null) return null;
  const k = settings.kpi;
  const target = k.targets[key];
  if (target === null) return (actual / RATING_MAX) * k.fullScore;
  const r = kpiScore(actual, target, { comparison: k.comparisons[key], fullScore: k.fullScore }, settings);
  return r.ok ? r.value : null;
}

export interface KpiRow {
  /** Grouping key: the technician's name in lower case; "" for 未指派; null for the department row. */
  readonly key: string | null;
  /** The name as first written in the data; null for 未指派 and for the department row. */
  readonly technician: string | null;
  readonly counts: KpiCounts;
  readonly values: KpiValues;
  readonly scores: KpiScores;
}

export interface MonthKpis {
  readonly month: Month;
  /** Serials: [start, end) of the month and the "as of" time used for pending/missed. */
  readonly start: number;
  readonly end: number;
  readonly asOf: number;
  readonly department: KpiRow;
  /** Technicians with at least one order in the month, by name (zh collation), 未指派 last. */
  readonly technicians: readonly KpiRow[];
}

export interface KpiReport {
  readonly current: MonthKpis;
  /**
   * The previous month as of min(its end, the current as-of) — for the change columns. Its
   * technicians are those of the previous month (look rows up by `key`).
   */
  readonly previous: MonthKpis;
}

export interface AggregateOptions {
  readonly month: Month;
  /** Serial; see `defaultAsOf`. */
  readonly asOf: number;
  readonly settings: Settings;
}

/** Checks the KPI settings once, so no order is scored with a rule that cannot work. */
export function checkKpiSettings(settings: Settings): Result<readonly number[]> {
  const k = settings.kpi;
  if (!(k.fullScore > 0) || k.fullScore > settings.fivePoint.max + 1e-9) {
    return fail(
      "num",
      text(
        `综合得分满分（${formatNumber(k.fullScore)}）必须大于 0 且不超过五分制的上限 ${formatNumber(settings.fivePoint.max)}`,
        `the composite's full score (${formatNumber(k.fullScore)}) must be above 0 and at most the five-point scale's maximum ${formatNumber(settings.fivePoint.max)}`,
      ),
    );
  }
  if (!(k.completionLimitHours >= 0) || !Number.isFinite(k.completionLimitHours)) {
    return fail(
      "num",
      text(
        `维修完成时限（${formatNumber(k.completionLimitHours)} 小时）必须是不小于 0 的数`,
        `the completion time limit (${formatNumber(k.completionLimitHours)} h) must be a number ≥ 0`,
      ),
    );
  }
  for (const key of KPI_KEYS) {
    const t = k.targets[key];
    const shown = `${key} ${COMPARISON_SYMBOL[k.comparisons[key]]} ${t === null ? "—" : formatNumber(t)}`;
    const invalid = (why: string, whyEn: string) =>
      fail("num", text(`KPI 目标值无效（${shown}）：${why}`, `invalid KPI target (${shown}): ${whyEn}`));
    if (t === null) {
      if (KPI_UNIT[key] !== "rating") return invalid("不能为空", "it cannot be blank");
      continue;
    }
    const checked = checkTarget(t, k.comparisons[key]);
    if (!checked.ok) return invalid(checked.problem.message.zh, checked.problem.message.en);
    if (KPI_UNIT[key] === "rate" && t > 1) return invalid("比率不能超过 100%", "a rate cannot exceed 100%");
    if (KPI_UNIT[key] === "rating" && (t < 1 || t > RATING_MAX))
      return invalid("评分目标应在 1–10 之间", "a rating target must be between 1 and 10");
  }
  const w = checkWeights(SCORED_KPIS.map((s) => k.weights[s.key]));
  if (!w.ok)
    return fail(w.problem.kind, text(`KPI 权重：${w.problem.message.zh}`, `KPI weights: ${w.problem.message.en}`));
  return ok(w.value as number[]);
}

interface Acc {
  key: string | null;
  technician: string | null;
  orders: number;
  completed: number;
  met: number;
  missed: number;
  pending: number;
  unknown: number;
  completionMet: number;
  completionMissed: number;
  completionPending: number;
  completionUnknown: number;
  firstTimeFixes: number;
  returnVisits: number;
  accurateReports: number;
  qualityRatings: number;
  qualitySum: number;
  satisfactionRatings: number;
  satisfactionSum: number;
  satisfied: number;
  serviceComplaints: number;
  complaints: number;
  complaintsHandled: number;
  responses: number;
  responseHoursSum: number;
  responseHours: number[];
}

function newAcc(key: string | null, technician: string | null): Acc {
  return {
    key,
    technician,
    orders: 0,
    completed: 0,
    met: 0,
    missed: 0,
    pending: 0,
    unknown: 0,
    completionMet: 0,
    completionMissed: 0,
    completionPending: 0,
    completionUnknown: 0,
    firstTimeFixes: 0,
    returnVisits: 0,
    accurateReports: 0,
    qualityRatings: 0,
    qualitySum: 0,
    satisfactionRatings: 0,
    satisfactionSum: 0,
    satisfied: 0,
    serviceComplaints: 0,
    complaints: 0,
    complaintsHandled: 0,
    responses: 0,
    responseHoursSum: 0,
    responseHours: [],
  };
}

/** The grouping key of a technician name: case-insensitive, as the sheet's COUNTIFS match. */
export function technicianKey(name: string | null): string {
  return name === null ? "" : name.toLowerCase();
}

const COLLATOR = new Intl.Collator("zh-CN");

/**
 * The KPIs of one month. Fails only on unusable KPI settings (see {@link checkKpiSettings}).
 *
 * @example
 * aggregateMonth(orders, { month: { year: 2026, month: 10 }, asOf: 46326, settings: DEFAULT_SETTINGS })
 *   // → ok({ department: { values: { orders: 3098, onTimeRate: 0.91, … } }, technicians: [...] })
 */
export function aggregateMonth(orders: readonly WorkOrder[], options: AggregateOptions): Result<MonthKpis> {
  const weights = checkKpiSettings(options.settings);
  if (!weights.ok) return weights;
  const { start, end } = monthBounds(options.month);
  const classify = slaStateClassifier(options.settings.sla);
  const threshold = options.settings.kpi.csatThreshold;
  const limit = options.settings.kpi.completionLimitHours;
  const dept = newAcc(null, null);
  const groups = new Map<string, Acc>();
  const bySpelling = new Map<string | null, Acc>();
  for (const o of orders) {
    const r = o.reportedAt;
    if (!(r >= start && r < end)) continue;
    // Exact spelling first (no string work per order); case-insensitive key on a new spelling.
    let acc = bySpelling.get(o.technician);
    if (acc === undefined) {
      const key = technicianKey(o.technician);
      acc = groups.get(key);
      if (acc === undefined) {
        acc = newAcc(key, o.technician);
        groups.set(key, acc);
      }
      bySpelling.set(o.technician, acc);
    }
    const state = classify(o, options.asOf);
    const completion = completionState(o, limit, options.asOf).state;
    const completed = o.completedAt !== null;
    const hours = o.arrivedAt === null ? null : (o.arrivedAt - r) * 24;
    add(dept, o, state, completion, completed, hours, threshold);
    add(acc, o, state, completion, completed, hours, threshold);
  }
  const technicians = [...groups.values()].sort((a, b) => {
    if (a.technician === null) return b.technician === null ? 0 : 1;
    if (b.technician === null) return -1;
    return (
      COLLATOR.compare(a.technician, b.technician) ||
      (a.technician < b.technician ? -1 : a.technician > b.technician ? 1 : 0)
    );
  });
  return ok({
    month: options.month,
    start,
    end,
    asOf: options.asOf,
    department: finish(dept, options.settings, weights.value),
    technicians: technicians.map((a) => finish(a, options.settings, weights.value)),
  });
}

/**
 * The month's KPIs and the previous month's (as of the earlier of its end and `asOf`), for
 * the KPI sheet's change columns.
 */
export function monthlyKpiReport(orders: readonly WorkOrder[], options: AggregateOptions): Result<KpiReport> {
  const current = aggregateMonth(orders, options);
  if (!current.ok) return current;
  const prev = previousMonth(options.month);
  const previous = aggregateMonth(orders, {
    ...options,
    month: prev,
    asOf: Math.min(current.value.start, options.asOf),
  });
  if (!previous.ok) return previous;
  return ok({ current: current.value, previous: previous.value });
}

function add(
  acc: Acc,
  o: WorkOrder,
  state: string,
  completion: string,
  completed: boolean,
  hours: number | null,
  threshold: number,
): void {
  acc.orders++;
  if (state === "met") acc.met++;
  else if (state === "missed") acc.missed++;
  else if (state === "pending") acc.pending++;
  else acc.unknown++;
  if (completion === "met") acc.completionMet++;
  else if (completion === "missed") acc.completionMissed++;
  else if (completion === "pending") acc.completionPending++;
  else acc.completionUnknown++;
  if (completed) {
    acc.completed++;
    if (o.firstTimeFix) acc.firstTimeFixes++;
    if (o.returnVisit) acc.returnVisits++;
    if (serviceReportComplete(o)) acc.accurateReports++;
  }
  if (o.quality !== null) {
    acc.qualityRatings++;
    acc.qualitySum += o.quality;
  }
  if (o.satisfaction !== null) {
    acc.satisfactionRatings++;
    acc.satisfactionSum += o.satisfaction;
    if (o.satisfaction >= threshold) acc.satisfied++;
  }
  if (o.complaint) {
    acc.complaints++;
    if (o.serviceCaused) acc.serviceComplaints++;
    if (o.complaintHandled) acc.complaintsHandled++;
  }
  if (hours !== null) {
    acc.responses++;
    acc.responseHoursSum += hours;
    acc.responseHours.push(hours);
  }
}

/** a ÷ b, or null when b is 0 (RULES.md#monthly-kpis: no data, never 0% and never #DIV/0!). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * The median as the sheet's PERCENTILE-based formula computes it (the mean of the two middle
 * values for an even count); null for an empty list. Sorts a copy.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1] + (sorted[mid] - sorted[mid - 1]) / 2;
}

function finish(acc: Acc, settings: Settings, weights: readonly number[]): KpiRow {
  const k = settings.kpi;
  const counts: KpiCounts = {
    orders: acc.orders,
    completed: acc.completed,
    met: acc.met,
    missed: acc.missed,
    pending: acc.pending,
    unknown: acc.unknown,
    completionMet: acc.completionMet,
    completionMissed: acc.completionMissed,
    completionPending: acc.completionPending,
    completionUnknown: acc.completionUnknown,
    firstTimeFixes: acc.firstTimeFixes,
    returnVisits: acc.returnVisits,
    accurateReports: acc.accurateReports,
    qualityRatings: acc.qualityRatings,
    qualitySum: acc.qualitySum,
    satisfactionRatings: acc.satisfactionRatings,
    satisfactionSum: acc.satisfactionSum,
    satisfied: acc.satisfied,
    serviceComplaints: acc.serviceComplaints,
    complaints: acc.complaints,
    complaintsHandled: acc.complaintsHandled,
    responses: acc.responses,
    responseHoursSum: acc.responseHoursSum,
  };
  const partial = {
    orders: acc.orders,
    completed: acc.completed,
    completionRate: rate(acc.completed, acc.orders),
    avgResponseHours: rate(acc.responseHoursSum, acc.responses),
    medianResponseHours: median(acc.responseHours),
    completionMet: acc.completionMet,
    completionMissed: acc.completionMissed,
    completionPending: acc.completionPending,
    completionUnknown: acc.completionUnknown,
    completionOnTimeRate: rate(acc.completionMet, acc.completionMet + acc.completionMissed),
    slaMet: acc.met,
    slaMissed: acc.missed,
    slaPending: acc.pending,
    slaUnknown: acc.unknown,
    onTimeRate: rate(acc.met, acc.met + acc.missed),
    firstTimeFixRate: rate(acc.firstTimeFixes, acc.completed),
    returnVisitRate: rate(acc.returnVisits, acc.completed),
    avgQuality: rate(acc.qualitySum, acc.qualityRatings),
    avgSatisfaction: rate(acc.satisfactionSum, acc.satisfactionRatings),
    csat: rate(acc.satisfied, acc.satisfactionRatings),
    complaintRate: rate(acc.serviceComplaints, acc.orders),
    complaintHandlingRate: rate(acc.complaintsHandled, acc.complaints),
    recordAccuracyRate: rate(acc.accurateReports, acc.completed),
  };
  const scores = {} as Record<KpiKey, number | null>;
  // checkKpiSettings ruled out every failure of kpiScore for actual ≥ 0.
  for (const s of SCORED_KPIS)
    scores[s.key] = scoreKpi(s.key, partial[s.value as keyof typeof partial] as number | null, settings);
  const w = weightedScore(
    SCORED_KPIS.map((s) => scores[s.key]),
    weights,
    { min: 0, max: k.fullScore },
  );
  const compositeScore = w.ok ? w.value.score : null;
  const g = compositeScore === null ? null : gradeOf(compositeScore, settings.fivePoint);
  return {
    key: acc.key,
    technician: acc.technician,
    counts,
    values: { ...partial, compositeScore, grade: g !== null && g.ok ? g.value.code : null },
    scores,
  };
}
