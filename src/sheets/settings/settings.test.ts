import { DEFAULT_SETTINGS, SETTING_NAMES, type Settings } from "../../core/settings";
import { parseCell, parseRange } from "../formula/a1";
import { isFormulaCell, type PlanCell } from "../plan";
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
  /** The values a host would read from the settings sheet of `s`: each name's cells, taken from the plan. */
  function defaultNamedValues(s: Settings = DEFAULT_SETTINGS): Record<string, (string | number | boolean | null)[][]> {
    const plan = settingsPlan(s, "zh-CN");
    const cells = new Map<string, PlanCell>();
    for (const block of plan.cells) {
      const at = parseCell(block.at);
      block.rows.forEach((row, i) => row.forEach((c, j) => cells.set(`${at.row + i},${at.column + j}`, c)));
    }
    const out: Record<string, (string | number | boolean | null)[][]> = {};
    for (const n of plan.names ?? []) {
      const r = parseRange(n.range);
      const rows: (string | number | boolean | null)[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: (string | number | boolean | null)[] = [];
        for (let column = r.left; column <= r.right; column++) {
          const c = cells.get(`${row},${column}`) ?? null;
          line.push(isFormulaCell(c) ? ((c.expect ?? null) as string | number | boolean | null) : c);
        }
        rows.push(line);
      }
      out[n.name] = rows;
    }
    return out;
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

  it("reads back every issue 14 setting as written: comparisons, blank rating targets, levels, shares, the written-contact rule", () => {
    const own: Settings = {
      ...DEFAULT_SETTINGS,
      distribution: {
        fivePoint: { A: { atMost: 0.2 }, D: { atLeast: 0.05 } },
        hundredPoint: { 优秀: { atMost: 0.15 } },
      },
      sla: { ...DEFAULT_SETTINGS.sla, chassisWrittenOnly: false },
      kpi: {
        ...DEFAULT_SETTINGS.kpi,
        targets: { ...DEFAULT_SETTINGS.kpi.targets, quality: 8, responseTime: 12 },
        comparisons: { ...DEFAULT_SETTINGS.kpi.comparisons, complaintRate: "<=", quality: ">" },
        completionLimitHours: 72,
      },
      bonus: { ...DEFAULT_SETTINGS.bonus, levels: [{ word: "良好", level: "B" }] },
    };
    const r = settingsFromNames(defaultNamedValues(own));
    expect(r.problems).toEqual([]);
    expect(r.settings).toEqual(own);
    // The defaults: no target for the two ratings, "<" for the complaint rate, 第九条's pairing.
    const d = settingsFromNames(defaultNamedValues()).settings;
    expect(d.kpi.targets.quality).toBeNull();
    expect(d.kpi.comparisons.complaintRate).toBe("<");
    expect(d.bonus.levels.find((l) => l.word === "不合格")?.level).toBe("D");
  });

  it("三包 terms: read back when the sheet has them; an older sheet without them has the defaults and no problem", () => {
    const own: Settings = { ...DEFAULT_SETTINGS, warranty: { months: 36, km: 200_000 } };
    expect(settingsFromNames(defaultNamedValues(own))).toMatchObject({ problems: [], settings: own });
    const older = defaultNamedValues(own);
    delete older[SETTING_NAMES.warrantyMonths];
    delete older[SETTING_NAMES.warrantyKm];
    const r = settingsFromNames(older);
    expect(r.problems).toEqual([]);
    expect(r.settings.warranty).toEqual(DEFAULT_SETTINGS.warranty);
    // A term that is there but unreadable is reported like any value.
    const bad = defaultNamedValues();
    bad[SETTING_NAMES.warrantyMonths] = [[-3]];
    expect(settingsFromNames(bad).problems.map((p) => p.reason?.params?.name)).toEqual([SETTING_NAMES.warrantyMonths]);
  });

  it("reads comparisons as people type them and reports one it cannot read", () => {
    const values = defaultNamedValues();
    values[SETTING_NAMES.kpiCompareComplaintRate] = [["<="]];
    values[SETTING_NAMES.kpiCompareOnTime] = [["＞"]];
    values[SETTING_NAMES.kpiCompareCsat] = [["大概"]];
    const r = settingsFromNames(values);
    expect(r.settings.kpi.comparisons.complaintRate).toBe("<=");
    expect(r.settings.kpi.comparisons.onTime).toBe(">");
    expect(r.settings.kpi.comparisons.csat).toBe(">=");
    expect(r.problems.map((p) => p.reason?.params?.name)).toEqual([SETTING_NAMES.kpiCompareCsat]);
  });
});
