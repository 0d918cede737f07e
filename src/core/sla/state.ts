import { fail, ok, type Result } from "../problem";
import { text, type Text } from "../i18n/text";
import { formatSerial, MAX_SERIAL_DAY, MS_PER_DAY } from "../dates/serial";
import { formatNumber } from "../values/describe";
import { DEFAULT_SETTINGS, type SlaSettings } from "../settings";
import { SLA_EVENT_LABELS, slaRule, type SlaFacts, type SlaRule } from "./rule";
import type { ContactMethod } from "./contactMethod";

const MS_PER_HOUR = 3_600_000;

/** Whole milliseconds of a serial: comparisons are exact to the millisecond, free of float noise. */
function msOf(serial: number): number {
  return Math.round(serial * MS_PER_DAY);
}

/**
 * The SLA deadline: 报修时间 + the rule's hours (calendar hours, RULES.md#sla-deadlines default), as a
 * serial. A report time that is not a valid serial, or a deadline past 9999-12-31, is a
 * problem of kind "num".
 *
 * @example
 * slaDeadline(46300.354166666664, rule24h) // → ok(46301.354166666664)  (2026-10-06 08:30)
 */
export function slaDeadline(reportedAt: number, rule: SlaRule): Result<number> {
  if (!Number.isFinite(reportedAt) || reportedAt < 0) {
    return fail(
      "num",
      text(
        `报修时间 ${formatNumber(reportedAt)} 不是有效的日期`,
        `the report time ${formatNumber(reportedAt)} is not a valid date`,
      ),
    );
  }
  if (!Number.isFinite(rule.hours) || rule.hours < 0) {
    return fail(
      "num",
      text(`时限 ${formatNumber(rule.hours)} 小时无效`, `the limit of ${formatNumber(rule.hours)} h is not valid`),
    );
  }
  const ms = msOf(reportedAt) + Math.round(rule.hours * MS_PER_HOUR);
  if (ms >= (MAX_SERIAL_DAY + 1) * MS_PER_DAY)
    return fail("num", text("截止时间超出 Excel 日期范围", "the deadline is beyond Excel's last date"));
  return ok(ms / MS_PER_DAY);
}

export type SlaState = "met" | "missed" | "pending" | "unknown";

export const SLA_STATE_LABELS: Readonly<Record<SlaState, Text>> = {
  met: text("达标", "met"),
  missed: text("超时", "missed"),
  pending: text("进行中", "pending"),
  unknown: text("未知", "unknown"),
};

export interface SlaStatus {
  readonly state: SlaState;
  /** Absent when the state is unknown. */
  readonly rule?: SlaRule;
  readonly deadline?: number;
  /** The serial of the event the rule waits for, when it happened. */
  readonly eventAt?: number;
  /** Why, in words: "met: arrival on site 2026-10-06 07:00, deadline 2026-10-06 08:30". */
  readonly reason: Text;
}

export interface SlaOrder extends SlaFacts {
  /** 报修时间, a serial (required). */
  readonly reportedAt: number;
  /** 首次答复时间, serial or null. */
  readonly repliedAt: number | null;
  /** 到达现场时间, serial or null. */
  readonly arrivedAt: number | null;
  /** How the first reply was made (答复方式); absent or null = not recorded. */
  readonly contactMethod?: ContactMethod | null;
}

/**
 * 3.2.3: a 底盘发动机 fault's reply counts only when written (以文字形式), unless the settings
 * relax it. A reply recorded as by phone is then no reply at all for the SLA; a reply whose
 * method is not recorded counts (most registers do not record it).
 */
export function replyCounts(rule: SlaRule, method: ContactMethod | null | undefined, sla: SlaSettings): boolean {
  return !(rule.case === "chassisReply" && sla.chassisWrittenOnly && method === "phone");
}

/** Why a phone reply did not count, for the reasons below. */
export const PHONE_REPLY_NOTE: Text = text(
  "电话答复不算书面联系（底盘发动机故障须以文字形式联系）",
  "a phone reply is not written contact (a chassis-engine fault needs contact in writing)",
);

/**
 * RULES.md#sla-deadlines: an order's SLA state as of a time (all serials):
 * - met: the event the rule waits for happened within the limit, the limit itself included;
 * - missed: it happened late, or has not happened and the deadline is earlier than `asOf`;
 * - pending: not happened, deadline not yet passed (a deadline equal to `asOf` is pending);
 * - unknown: the data needed is missing (see {@link slaRule}) — a state, not a problem.
 * A recorded event decides the state whatever `asOf` is (the register knows it happened).
 * Only the event the rule waits for is looked at. An event stamped before 报修时间 is a data
 * error: problem "value" naming both times — never a negative duration. Times compare to
 * the millisecond.
 *
 * @example
 * slaStatus({ reportedAt: r, category: "chassisEngine", distanceKm: null, supplierNeeded: false,
 *             repliedAt: r + 0.5, arrivedAt: null }, now) // → ok({ state: "met", … })  (exactly 12 h)
 */
export function slaStatus(order: SlaOrder, asOf: number, sla: SlaSettings = DEFAULT_SETTINGS.sla): Result<SlaStatus> {
  const r = slaRule(order, sla);
  if (!r.ok) {
    if (r.problem.kind === "na") return ok({ state: "unknown", reason: r.problem.message });
    return r;
  }
  const rule = r.value;
  const dl = slaDeadline(order.reportedAt, rule);
  if (!dl.ok) return dl;
  const deadline = dl.value;
  const label = SLA_EVENT_LABELS[rule.event];
  const phoneOnly = rule.event === "reply" && order.repliedAt !== null && !replyCounts(rule, order.contactMethod, sla);
  const eventAt = rule.event === "arrival" ? order.arrivedAt : phoneOnly ? null : order.repliedAt;
  const due = formatSerial(deadline);
  const why = (t: Text): Text =>
    phoneOnly ? text(`${t.zh}；${PHONE_REPLY_NOTE.zh}`, `${t.en}; ${PHONE_REPLY_NOTE.en}`) : t;
  if (eventAt !== null) {
    if (!Number.isFinite(eventAt) || eventAt < 0) {
      return fail(
        "num",
        text(
          `${label.zh}时间 ${formatNumber(eventAt)} 不是有效的日期`,
          `the ${label.en} time ${formatNumber(eventAt)} is not a valid date`,
        ),
      );
    }
    const at = formatSerial(eventAt);
    if (msOf(eventAt) < msOf(order.reportedAt)) {
      const rep = formatSerial(order.reportedAt);
      return fail(
        "value",
        text(
          `${label.zh}时间 ${at} 早于报修时间 ${rep}`,
          `the ${label.en} time ${at} is earlier than the report time ${rep}`,
        ),
      );
    }
    const met = msOf(eventAt) <= msOf(deadline);
    return ok({
      state: met ? "met" : "missed",
      rule,
      deadline,
      eventAt,
      reason: met
        ? text(`达标：${label.zh} ${at}，截止 ${due}`, `met: ${label.en} ${at}, deadline ${due}`)
        : text(`超时：${label.zh} ${at}，截止 ${due}`, `missed: ${label.en} ${at}, deadline ${due}`),
    });
  }
  if (!Number.isFinite(asOf) || asOf < 0) {
    return fail(
      "num",
      text(
        `截至时间 ${formatNumber(asOf)} 不是有效的日期`,
        `the "as of" time ${formatNumber(asOf)} is not a valid date`,
      ),
    );
  }
  if (msOf(deadline) < msOf(asOf)) {
    return ok({
      state: "missed",
      rule,
      deadline,
      reason: why(text(`超时：截至 ${due} 仍未${label.zh}`, `missed: no ${label.en} by the deadline ${due}`)),
    });
  }
  return ok({
    state: "pending",
    rule,
    deadline,
    reason: why(
      text(
        `进行中：尚未${label.zh}，截止时间 ${due} 未到（截至 ${formatSerial(asOf)}）`,
        `pending: no ${label.en} yet, deadline ${due} not passed (as of ${formatSerial(asOf)})`,
      ),
    ),
  });
}
