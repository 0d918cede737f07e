/**
 * Every kind's marker validator: the marker a generator writes, stored as JSON and read back,
 * comes back typed and equal; a newer version is refused saying so; damaged layout facts and
 * another kind are refused.
 */
import { DEFAULT_SETTINGS } from "../core/settings";
import { STAFF_TEMPLATE, samplePeople } from "../core/appraisal";
import { DEFAULT_CHECKLIST } from "../core/audit6s/engine";
import { sampleWorkOrders, parseOrders, proposeMapping, serialOf } from "../core/workorders";
import type { Result } from "../core/problem";
import { appraisalMarkerOf, appraisalPlan, appraisalPlans, ratersMarkerOf } from "./appraisal";
import { audit6sPlan, auditMarkerOf, auditSummaryMarkerOf } from "./audit6s";
import { bonusMarkerOf, bonusPlan } from "./bonus";
import { settingsMarkerOf, settingsPlan } from "./settings";
import { kpiMarkerOf, kpiWorkbookPlan, problemsMarkerOf, registerMarkerOf } from "./workorders";
import { parseMarkerJson } from "./formula/marker";
import { callLogPlan } from "./records/callLog";
import { conductLogPlan } from "./records/conductLog";
import { recordMarkerOf } from "./records/marker";
import type { FoundPlan, MarkerEnvelope, PlanKind } from "./plan";
import { expectProblem } from "../../test/support/result";

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

/** The marker as a writer stores it and a reader finds it: through JSON. */
function found(marker: MarkerEnvelope, sheetName = "表1"): FoundPlan {
  return { sheetName, marker: parseMarkerJson(JSON.stringify(marker))! };
}

const parsed = (() => {
  const s = sampleWorkOrders({ seed: 3, count: 40, month: { year: 2026, month: 10 } });
  return parseOrders(s.rows, proposeMapping(s.headers).mapping, { firstRow: 2, headers: s.headers });
})();
const workOrderSheets = must(
  kpiWorkbookPlan({
    parsed,
    month: { year: 2026, month: 10 },
    asOf: serialOf(2026, 11, 1),
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    includeSettings: false,
  }),
).plan.sheets;
const people = samplePeople(3);

const KINDS: readonly {
  kind: PlanKind;
  marker: MarkerEnvelope;
  check: (f: FoundPlan) => Result<MarkerEnvelope>;
  damage: Record<string, unknown>;
}[] = [
  { kind: "settings", marker: settingsPlan(DEFAULT_SETTINGS, "zh-CN").marker, check: settingsMarkerOf, damage: {} },
  {
    kind: "appraisal",
    marker: must(
      appraisalPlan({
        template: STAFF_TEMPLATE,
        period: { year: 2026, quarter: 1 },
        people,
        scale: "five",
        locale: "zh-CN",
        settings: DEFAULT_SETTINGS,
      }),
    ).marker,
    check: appraisalMarkerOf,
    damage: { lastRow: 3 },
  },
  {
    kind: "raters",
    marker: must(
      appraisalPlans({
        template: STAFF_TEMPLATE,
        period: { year: 2026, quarter: 1 },
        people,
        scale: "five",
        locale: "zh-CN",
        settings: DEFAULT_SETTINGS,
        raters: {},
      }),
    )[0].marker,
    check: ratersMarkerOf,
    damage: { columns: { combined: "k1" } },
  },
  { kind: "register", marker: workOrderSheets[0].marker, check: registerMarkerOf, damage: { columns: {} } },
  { kind: "problems", marker: workOrderSheets[1].marker, check: problemsMarkerOf, damage: { rowsRead: -1 } },
  { kind: "kpi", marker: workOrderSheets[2].marker, check: kpiMarkerOf, damage: { technicians: [1] } },
  {
    kind: "audit6s",
    marker: must(
      audit6sPlan({
        areas: ["维修车间"],
        date: serialOf(2026, 11, 20),
        scale: "0-5",
        checklist: DEFAULT_CHECKLIST,
        weights: "settings",
        locale: "zh-CN",
        settings: DEFAULT_SETTINGS,
      }),
    ).plan.marker,
    check: auditMarkerOf,
    damage: { areas: [] },
  },
  {
    kind: "audit6sSummary",
    marker: { kind: "audit6sSummary", version: 1, meta: { month: "2026-11", asOf: 46356, sources: ["6S检查表"] } },
    check: auditSummaryMarkerOf,
    damage: { sources: "6S检查表" },
  },
  {
    kind: "bonus",
    marker: must(
      bonusPlan({
        year: 2026,
        quarter: 2,
        people: people.map((p) => ({
          ...p,
          standardPay: 1000,
          bonusRatio: 0.3,
          grades: ["A", "B", null, null],
          yellowCards: 0,
          redCards: 0,
          remarks: [],
        })),
        locale: "zh-CN",
        settings: DEFAULT_SETTINGS,
      }),
    ).plan.marker,
    check: bonusMarkerOf,
    damage: { gradeColumns: ["K"] },
  },
  {
    kind: "callLog",
    marker: must(callLogPlan({ calls: [], asOf: 46300, locale: "zh-CN", settings: DEFAULT_SETTINGS })).plan.marker,
    check: (f: FoundPlan) => recordMarkerOf(f, "callLog"),
    damage: { columns: { no: "A" } },
  },
  {
    kind: "conductLog",
    marker: must(conductLogPlan({ cards: [], locale: "en-US" })).plan.marker,
    check: (f: FoundPlan) => recordMarkerOf(f, "conductLog"),
    damage: { lastRow: 1 },
  },
];

describe.each(KINDS)("the $kind marker", ({ kind, marker, check, damage }) => {
  test("comes back from JSON typed and equal", () => {
    expect(marker.kind).toBe(kind);
    expect(check(found(marker))).toEqual({ ok: true, value: marker });
  });

  test("of a newer version is refused, naming the versions in both languages", () => {
    const r = check(found({ ...marker, version: marker.version + 1 }, "新表"));
    expectProblem(r);
    const [newer, current] = [marker.version + 1, marker.version];
    expect(r.problem.message.zh).toMatch(
      new RegExp(
        `^工作表“新表”的.*标记来自更新版本的加载项（标记版本 ${newer}，本版本最高只能读取版本 ${current}），请更新加载项$`,
      ),
    );
    expect(r.problem.message.en).toMatch(
      new RegExp(
        `^the .* marker of sheet "新表" comes from a newer version of the add-in \\(marker version ${newer}; this version reads up to version ${current}\\): update the add-in$`,
      ),
    );
  });

  test("with damaged layout facts, or of another kind, is refused", () => {
    const damaged = { ...marker, meta: { ...marker.meta, ...damage } };
    if (Object.keys(damage).length > 0) expect(check(found(damaged)).ok).toBe(false);
    const other: MarkerEnvelope = { ...marker, kind: kind === "bonus" ? "kpi" : "bonus" };
    expect(check(found(other)).ok).toBe(false);
  });
});

test("an appraisal form's unreadable marker keeps the message the bonus pane has always shown", () => {
  const r = appraisalMarkerOf(found({ kind: "appraisal", version: 1, meta: { period: "2026-Q1" } }, "坏表"));
  expect(r).toEqual({
    ok: false,
    problem: {
      kind: "value",
      message: { zh: "考核表“坏表”的标记无法识别", en: 'the marker of appraisal form "坏表" cannot be read' },
    },
  });
});
