import { DEFAULT_SETTINGS } from "../settings";
import { formatSerial } from "../dates/serial";
import { parseFaultCategory } from "./category";
import { slaRule, type SlaFacts } from "./rule";
import { slaDeadline, slaStatus, type SlaOrder } from "./state";
import { expectProblem } from "../../../test/support/result";

const R = 46300 + 8.5 / 24; // 2026-10-05 08:30
const H = 1 / 24;

describe("parseFaultCategory", () => {
  it.each([
    ["车身", "body"],
    ["车体", "body"],
    ["Body", "body"],
    [" BODY ", "body"],
    ["底盘发动机", "chassisEngine"],
    ["底盘", "chassisEngine"],
    ["发动机", "chassisEngine"],
    ["底盘/发动机", "chassisEngine"],
    ["chassis-engine", "chassisEngine"],
    ["Chassis/Engine", "chassisEngine"],
    ["engine", "chassisEngine"],
    ["其他", "other"],
    ["其它", "other"],
    ["other", "other"],
    ["Others", "other"],
  ])("%p → %p", (v, c) => expect(parseFaultCategory(v)).toEqual({ ok: true, value: c }));
  it("blank → null; anything else → 'value' listing the choices", () => {
    expect(parseFaultCategory(null)).toEqual({ ok: true, value: null });
    for (const v of ["轮胎", 1, true, "bodyx"]) {
      const r = parseFaultCategory(v);
      expectProblem(r);
      expect(r.problem.message.en).toContain("车身 (body)");
    }
  });
});

describe("slaRule (RULES.md#sla-deadlines)", () => {
  const rule = (facts: SlaFacts) => {
    const r = slaRule(facts);
    return r.ok ? `${r.value.case}/${r.value.event}/${r.value.hours}` : `!${r.problem.kind}`;
  };
  it.each<[SlaFacts, string]>([
    [{ category: "body", distanceKm: 50, supplierNeeded: false }, "bodyOnSite/arrival/24"],
    [{ category: "body", distanceKm: 100, supplierNeeded: false }, "bodyOnSite/arrival/24"],
    [{ category: "body", distanceKm: 100.0000000001, supplierNeeded: false }, "bodyOnSite/arrival/24"],
    [{ category: "body", distanceKm: 100.01, supplierNeeded: false }, "bodyReply/reply/12"],
    [{ category: "body", distanceKm: 0, supplierNeeded: null }, "bodyOnSite/arrival/24"],
    [{ category: "body", distanceKm: 50, supplierNeeded: true }, "bodyReply/reply/12"],
    [{ category: "body", distanceKm: null, supplierNeeded: true }, "bodyReply/reply/12"],
    [{ category: "body", distanceKm: null, supplierNeeded: false }, "!na"],
    [{ category: "body", distanceKm: null, supplierNeeded: null }, "!na"],
    [{ category: "chassisEngine", distanceKm: null, supplierNeeded: null }, "chassisReply/reply/12"],
    [{ category: "chassisEngine", distanceKm: 500, supplierNeeded: true }, "chassisReply/reply/12"],
    [{ category: "other", distanceKm: null, supplierNeeded: false }, "otherReply/reply/24"],
    [{ category: null, distanceKm: 10, supplierNeeded: true }, "!na"],
    [{ category: "body", distanceKm: -1, supplierNeeded: false }, "!num"],
    [{ category: "other", distanceKm: NaN, supplierNeeded: false }, "!num"],
  ])("%j → %p", (facts, expected) => expect(rule(facts)).toBe(expected));
  it("takes limits and radius from settings", () => {
    const sla = { ...DEFAULT_SETTINGS.sla, radiusKm: 50, bodyOnSiteHours: 48 };
    const r = slaRule({ category: "body", distanceKm: 60, supplierNeeded: false }, sla);
    expect(r.ok && r.value.case).toBe("bodyReply");
    const r2 = slaRule({ category: "body", distanceKm: 50, supplierNeeded: false }, sla);
    expect(r2.ok && r2.value.hours).toBe(48);
  });
  it("says why it is unknown", () => {
    const r = slaRule({ category: "body", distanceKm: null, supplierNeeded: false });
    expectProblem(r);
    expect(r.problem.message.en).toBe("SLA unknown: a body fault with neither a distance nor supplier needed = yes");
  });
});

describe("slaDeadline", () => {
  it("adds calendar hours", () => {
    const rule = slaRule({ category: "chassisEngine", distanceKm: null, supplierNeeded: null });
    if (!rule.ok) throw new Error();
    const d = slaDeadline(R, rule.value);
    expect(d.ok && formatSerial(d.value)).toBe("2026-10-05 20:30");
    expect(slaDeadline(-1, rule.value).ok).toBe(false);
    expect(slaDeadline(2958465.9, rule.value).ok).toBe(false);
  });
});

describe("slaStatus (RULES.md#sla-deadlines)", () => {
  const order = (o: Partial<SlaOrder>): SlaOrder => ({
    reportedAt: R,
    category: "chassisEngine",
    distanceKm: null,
    supplierNeeded: false,
    repliedAt: null,
    arrivedAt: null,
    ...o,
  });
  const state = (o: Partial<SlaOrder>, asOf = R + 10) => {
    const r = slaStatus(order(o), asOf);
    return r.ok ? r.value.state : `!${r.problem.kind}`;
  };
  it("met within the limit, the limit itself included (to the millisecond)", () => {
    expect(state({ repliedAt: R + 2 * H })).toBe("met");
    expect(state({ repliedAt: R + 12 * H })).toBe("met");
    expect(state({ repliedAt: R + 0.5 })).toBe("met");
    expect(state({ repliedAt: R })).toBe("met");
  });
  it("missed when late, even by a second", () => {
    expect(state({ repliedAt: R + 12 * H + 1 / 86400 })).toBe("missed");
  });
  it("not happened: missed when the deadline is before asOf, else pending (deadline = asOf is pending)", () => {
    expect(state({}, R + 13 * H)).toBe("missed");
    expect(state({}, R + 12 * H)).toBe("pending");
    expect(state({}, R + H)).toBe("pending");
  });
  it("a recorded event decides whatever asOf is", () => {
    expect(state({ repliedAt: R + 2 * H }, R)).toBe("met");
  });
  it("looks at the event the rule waits for", () => {
    const body = { category: "body" as const, distanceKm: 30 };
    expect(state({ ...body, repliedAt: R + H, arrivedAt: null }, R + 25 * H)).toBe("missed");
    expect(state({ ...body, repliedAt: null, arrivedAt: R + 24 * H })).toBe("met");
    expect(state({ ...body, repliedAt: R - 1, arrivedAt: R + H })).toBe("met");
  });
  it("unknown is a state with a reason, not a problem", () => {
    const r = slaStatus(order({ category: null }), R + 10);
    expect(r.ok && r.value.state).toBe("unknown");
    expect(r.ok && r.value.reason.en).toContain("no fault category");
    expect(state({ category: "body", distanceKm: null, supplierNeeded: false })).toBe("unknown");
  });
  it("an event before the report time is a data error naming both times", () => {
    const r = slaStatus(order({ repliedAt: R - H }), R + 10);
    expectProblem(r);
    expect(r.problem.kind).toBe("value");
    expect(r.problem.message.en).toBe(
      "the first reply time 2026-10-05 07:30 is earlier than the report time 2026-10-05 08:30",
    );
  });
  it("reasons say what happened", () => {
    const p = slaStatus(order({}), R + H);
    expect(p.ok && p.value.reason.en).toBe(
      "pending: no first reply yet, deadline 2026-10-05 20:30 not passed (as of 2026-10-05 09:30)",
    );
    expect(p.ok && p.value.reason.zh).toContain("进行中");
    const m = slaStatus(order({ repliedAt: R + H }), R);
    expect(m.ok && m.value.deadline).toBeCloseTo(R + 0.5, 9);
  });
  it("invalid times are problems", () => {
    expect(state({ repliedAt: NaN })).toBe("!num");
    expect(state({}, NaN)).toBe("!num");
    expect(state({ reportedAt: -3 })).toBe("!num");
  });
});
