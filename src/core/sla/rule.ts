import { fail, ok, type Result } from "../problem";
import { text, type Text } from "../i18n/text";
import { formatNumber } from "../values/describe";
import { atMost } from "../grading/tolerance";
import { DEFAULT_SETTINGS, type SlaSettings } from "../settings";
import type { FaultCategory } from "./category";

/** Which event the SLA clock waits for: the technician on site, or a reply to the customer. */
export type SlaEvent = "arrival" | "reply";

/** The four rows of the RULES.md#sla-deadlines table. */
export type SlaCase = "bodyOnSite" | "bodyReply" | "chassisReply" | "otherReply";

export interface SlaRule {
  readonly case: SlaCase;
  readonly event: SlaEvent;
  /** The limit, in calendar hours from 报修时间. */
  readonly hours: number;
  /** What must happen, for sheets and messages: "technician on site within 24 h". */
  readonly description: Text;
}

/** The facts about an order that decide its SLA rule. `null` = not given. */
export interface SlaFacts {
  readonly category: FaultCategory | null;
  readonly distanceKm: number | null;
  readonly supplierNeeded: boolean | null;
}

export const SLA_EVENT_LABELS: Readonly<Record<SlaEvent, Text>> = {
  arrival: text("到达现场", "arrival on site"),
  reply: text("首次答复", "first reply"),
};

/**
 * RULES.md#sla-deadlines (bus maker's rules 3.2.2–3.2.3), limits and radius from settings:
 * | 车身, distance ≤ radius (exactly the radius counts as within), no supplier | on site | bodyOnSiteHours (24) |
 * | 车身, distance > radius, or supplier needed = 是                             | reply   | bodyReplyHours (12)  |
 * | 底盘发动机                                                                    | reply   | chassisReplyHours (12) |
 * | 其他                                                                          | reply   | otherReplyHours (24) |
 * Unknown (problem kind "na", with the reason): no category, or 车身 with neither a distance
 * nor supplier = 是. A negative or non-finite distance is a problem of kind "num".
 *
 * @example
 * slaRule({ category: "body", distanceKm: 100, supplierNeeded: false }) // → ok({ case: "bodyOnSite", event: "arrival", hours: 24, … })
 * slaRule({ category: "body", distanceKm: null, supplierNeeded: true }) // → ok({ case: "bodyReply", event: "reply", hours: 12, … })
 * slaRule({ category: "body", distanceKm: null, supplierNeeded: false }) // → problem "na" (unknown)
 */
export function slaRule(facts: SlaFacts, sla: SlaSettings = DEFAULT_SETTINGS.sla): Result<SlaRule> {
  const { category, distanceKm, supplierNeeded } = facts;
  if (distanceKm !== null && (!Number.isFinite(distanceKm) || distanceKm < 0)) {
    return fail(
      "num",
      text(
        `服务半径必须是不小于 0 的公里数（现为 ${formatNumber(distanceKm)}）`,
        `the distance must be a number of km ≥ 0 (got ${formatNumber(distanceKm)})`,
      ),
    );
  }
  switch (category) {
    case null:
      return fail("na", text("时限未知：没有故障类别", "SLA unknown: no fault category"));
    case "chassisEngine":
      return ok(reply("chassisReply", sla.chassisReplyHours, text("底盘发动机故障", "chassis-engine fault")));
    case "other":
      return ok(reply("otherReply", sla.otherReplyHours, text("其他故障", "other fault")));
    case "body":
      if (supplierNeeded === true)
        return ok(
          reply("bodyReply", sla.bodyReplyHours, text("车身故障、需配套厂家处理", "body fault needing the supplier")),
        );
      if (distanceKm === null) {
        return fail(
          "na",
          text(
            "时限未知：车身故障既没有服务半径，也未标明需配套厂家处理",
            "SLA unknown: a body fault with neither a distance nor supplier needed = yes",
          ),
        );
      }
      if (atMost(distanceKm, sla.radiusKm)) {
        const h = formatNumber(sla.bodyOnSiteHours);
        return ok({
          case: "bodyOnSite",
          event: "arrival",
          hours: sla.bodyOnSiteHours,
          description: text(
            `车身故障、${formatNumber(sla.radiusKm)} 公里以内：${h} 小时内到达现场`,
            `body fault within ${formatNumber(sla.radiusKm)} km: technician on site within ${h} h`,
          ),
        });
      }
      return ok(
        reply(
          "bodyReply",
          sla.bodyReplyHours,
          text(
            `车身故障、超过 ${formatNumber(sla.radiusKm)} 公里`,
            `body fault beyond ${formatNumber(sla.radiusKm)} km`,
          ),
        ),
      );
    default:
      return fail("value", text("未知的故障类别", "unknown fault category"));
  }
}

function reply(kase: SlaCase, hours: number, why: Text): SlaRule {
  const h = formatNumber(hours);
  return {
    case: kase,
    event: "reply",
    hours,
    description: text(`${why.zh}：${h} 小时内答复客户`, `${why.en}: reply to the customer within ${h} h`),
  };
}
