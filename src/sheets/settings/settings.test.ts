import { DEFAULT_SETTINGS, SETTING_NAMES, type Settings } from "../../core/settings";
import { settingsFromNames, settingsPlan, type NamedValues } from "./index";
import { DEFAULT_USED } from "./settingsFromNames";

/** Every settings name resolves to a range of the plan. */
describe("settingsPlan", () => {
  const plan = settingsPlan(DEFAULT_SETTINGS, "zh-CN");

  it("defines every SETTING_NAMES name exactly once", () => {
    const defined = plan.names!.map((n) => n.name).sort();
    expect(defined).toEqual([...Object.values(SETTING_NAMES)].sort());
  });

  it("is named for the locale and marked as settings", () => {
    expect(plan.name).toBe("考核参数");
    expect(settingsPlan(DEFAULT_SETTINGS, "en-US").name).toBe("Settings");
    expect(plan.marker.kind).toBe("settings");
  });

  it("carries an expected value on every formula cell", () => {
    const formulas = plan.cells.flatMap((b) => b.rows.flat()).filter((c) => typeof c === "object" && c !== null);
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toHaveProperty("expect");
  });
});

describe("settingsFromNames", () => {
  /** The values a host would read for the default scheme. */
  function defaultNamedValues(s: Settings = DEFAULT_SETTINGS): Record<string, (string | number | null)[][]> {
    const N = SETTING_NAMES;
    const table = (scheme: Settings["fivePoint"]) => scheme.bands.map((b) => [b.lower, b.code, b.zh, b.en]);
    // The bounds and codes columns have names of their own (the formulas' lookups use them).
    const column = (scheme: Settings["fivePoint"], i: 0 | 1) => table(scheme).map((r) => [r[i]!]);
    const coefficients = Object.entries(s.bonus.coefficients);
    return {
      [N.grades5Bounds]: column(s.fivePoint, 0),
      [N.grades5Codes]: column(s.fivePoint, 1),
      [N.grades100Bounds]: column(s.hundredPoint, 0),
      [N.grades100Codes]: column(s.hundredPoint, 1),
      [N.audit6sRatingBounds]: column(s.audit6s.rating, 0),
      [N.audit6sRatingCodes]: column(s.audit6s.rating, 1),
      [N.bonusCoefficientGrades]: coefficients.map(([g]) => [g]),
      [N.bonusCoefficientValues]: coefficients.map(([, c]) => [c]),
      [N.grades5]: table(s.fivePoint),
      [N.grades100]: table(s.hundredPoint),
      [N.audit6sRating]: table(s.audit6s.rating),
      [N.raterSupervisor]: [[s.raters.supervisor]],
      [N.raterPeers]: [[s.raters.peers]],
      [N.raterSubordinates]: [[s.raters.subordinates]],
      [N.raterCustomers]: [[s.raters.customers]],
      [N.slaBodyOnSiteHours]: [[s.sla.bodyOnSiteHours]],
      [N.slaBodyReplyHours]: [[s.sla.bodyReplyHours]],
      [N.slaChassisReplyHours]: [[s.sla.chassisReplyHours]],
      [N.slaOtherReplyHours]: [[s.sla.otherReplyHours]],
      [N.slaRadiusKm]: [[s.sla.radiusKm]],
      [N.kpiTargetOnTime]: [[s.kpi.targets.onTime]],
      [N.kpiTargetCsat]: [[s.kpi.targets.csat]],
      [N.kpiTargetFirstTimeFix]: [[s.kpi.targets.firstTimeFix]],
      [N.kpiTargetComplaintRate]: [[s.kpi.targets.complaintRate]],
      [N.kpiWeightOnTime]: [[s.kpi.weights.onTime]],
      [N.kpiWeightCsat]: [[s.kpi.weights.csat]],
      [N.kpiWeightFirstTimeFix]: [[s.kpi.weights.firstTimeFix]],
      [N.kpiWeightComplaintRate]: [[s.kpi.weights.complaintRate]],
      [N.kpiCsatThreshold]: [[s.kpi.csatThreshold]],
      [N.kpiFullScore]: [[s.kpi.fullScore]],
      [N.bonusQuarterRate]: [[s.bonus.quarterRate]],
      [N.bonusYearEndRate]: [[s.bonus.yearEndRate]],
      [N.bonusCoefficients]: Object.entries(s.bonus.coefficients).map(([g, c]) => [g, c]),
      [N.bonusFailedGrade]: [[s.bonus.failedGrade]],
      [N.bonusForfeitFailedQuarters]: [[s.bonus.forfeitFailedQuarters]],
      [N.bonusForfeitYellowCards]: [[s.bonus.forfeitYellowCards]],
      [N.bonusForfeitRedCards]: [[s.bonus.forfeitRedCards]],
      [N.bonusRoundTo]: [[s.bonus.roundTo]],
      [N.audit6sWeights]: s.audit6s.sWeights.map((w) => [w]),
    };
  }

  it("reports 'not found' and returns the defaults for a workbook without settings", () => {
    const r = settingsFromNames({});
    expect(r.found).toBe(false);
    expect(r.settings).toBe(DEFAULT_SETTINGS);
    expect(r.problems).toEqual([]);
  });

  it("reads back the default scheme without problems", () => {
    const r = settingsFromNames(defaultNamedValues());
    expect(r.problems).toEqual([]);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
  });

  it("a name only the formulas read (a bounds or codes column), when missing, is reported too", () => {
    const values = defaultNamedValues();
    delete values[SETTING_NAMES.audit6sRatingCodes];
    const r = settingsFromNames(values);
    expect(r.problems.map((p) => p.message.en)).toEqual([
      "SVC_6S_Rating_Codes: the name is missing; the default is used",
    ]);
  });

  it("reads a department's own values", () => {
    const values = defaultNamedValues();
    values[SETTING_NAMES.kpiTargetOnTime] = [[0.95]];
    values[SETTING_NAMES.bonusCoefficients] = [
      ["A", 1.2],
      ["B", 1],
      ["C", 0.8],
      ["D", 0],
    ];
    values[SETTING_NAMES.grades100] = [
      [95, "S", "卓越", "Outstanding"],
      [85, "A", "优", "Very good"],
      [60, "B", "中", "Fair"],
      [0, "C", "差", "Poor"],
    ];
    const r = settingsFromNames(values);
    expect(r.problems).toEqual([]);
    expect(r.settings.kpi.targets.onTime).toBe(0.95);
    expect(r.settings.bonus.coefficients).toEqual({ A: 1.2, B: 1, C: 0.8, D: 0 });
    expect(r.settings.hundredPoint.bands.map((b) => [b.lower, b.code])).toEqual([
      [95, "S"],
      [85, "A"],
      [60, "B"],
      [0, "C"],
    ]);
  });

  it("falls back per setting and names each problem", () => {
    const values: NamedValues = {
      ...defaultNamedValues(),
      [SETTING_NAMES.kpiTargetCsat]: [["很多"]],
      [SETTING_NAMES.slaRadiusKm]: [[-5]],
      [SETTING_NAMES.grades5]: [
        [4, "B", "", ""],
        [5, "A", "", ""],
      ],
    };
    const r = settingsFromNames(values);
    expect(r.settings.kpi.targets.csat).toBe(DEFAULT_SETTINGS.kpi.targets.csat);
    expect(r.settings.sla.radiusKm).toBe(DEFAULT_SETTINGS.sla.radiusKm);
    expect(r.settings.fivePoint).toEqual(DEFAULT_SETTINGS.fivePoint);
    const names = r.problems.map((p) => p.reason?.params?.name);
    expect(r.problems.every((p) => p.reason?.code === DEFAULT_USED)).toBe(true);
    expect(names).toEqual(
      expect.arrayContaining([SETTING_NAMES.kpiTargetCsat, SETTING_NAMES.slaRadiusKm, SETTING_NAMES.grades5]),
    );
    expect(r.problems.find((p) => p.reason?.params?.name === SETTING_NAMES.grades5)!.message.en).toMatch(
      /strictly decreasing/,
    );
  });

  it("reports a missing name instead of silently using the default", () => {
    const values = defaultNamedValues();
    delete values[SETTING_NAMES.bonusQuarterRate];
    const r = settingsFromNames(values);
    expect(r.problems.map((p) => p.reason)).toEqual([
      { code: DEFAULT_USED, params: { name: SETTING_NAMES.bonusQuarterRate } },
    ]);
    expect(r.problems[0].message.zh).toContain("默认值");
  });
});
