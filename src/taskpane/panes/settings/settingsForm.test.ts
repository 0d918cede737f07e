import { DEFAULT_SETTINGS, KPI_KEYS, type Settings } from "../../../core/settings";
import {
  addBand,
  bonusRateTotal,
  formFromSettings,
  formatInput,
  parseInput,
  removeBand,
  sectionOf,
  sectionsWithErrors,
  setBandCell,
  setCoefficient,
  setFailedGrade,
  setValue,
  validateForm,
  SCALAR_FIELD_DEFS,
  type SettingsForm,
} from "./settingsForm";

const defaults = (): SettingsForm => formFromSettings(DEFAULT_SETTINGS);

function errorsOf(form: SettingsForm): Record<string, string> {
  return Object.fromEntries(Object.entries(validateForm(form).errors).map(([k, t]) => [k, t.en]));
}

describe("number input", () => {
  test.each([
    ["12", 12],
    [" 0.5 ", 0.5],
    [".5", 0.5],
    ["-3", -3],
    ["1e2", 100],
    ["１２．５", 12.5],
    ["", null],
    ["   ", null],
  ])("parseInput(%j) = %p", (raw, expected) => {
    expect(parseInput(raw, false)).toBe(expected);
  });
  test.each(["abc", "1,5", "1e", "12 km", "--1", "5%"])("parseInput(%j) is not a number", (raw) => {
    expect(parseInput(raw, false)).toBeNaN();
  });
  test("a trailing % (half- or full-width) is accepted only where allowed", () => {
    expect(parseInput("23.5%", true)).toBe(23.5);
    expect(parseInput("90％", true)).toBe(90);
    expect(parseInput("90%", false)).toBeNaN();
  });
  test("formatInput has no float noise", () => {
    expect(formatInput(0.235 * 100)).toBe("23.5");
    expect(formatInput(0.1 + 0.2)).toBe("0.3");
    expect(formatInput(5)).toBe("5");
  });
});

describe("defaults round-trip", () => {
  test("the default settings are valid and come back unchanged", () => {
    const v = validateForm(defaults());
    expect(v.errors).toEqual({});
    expect(v.settings).toEqual(DEFAULT_SETTINGS);
  });

  test("percent fields show percents and store fractions", () => {
    const form = defaults();
    expect(form.values["kpi.targets.onTime"]).toBe("90");
    expect(form.values["kpi.targets.complaintRate"]).toBe("3");
    expect(form.values["bonus.quarterRate"]).toBe("23.5");
    expect(form.values["bonus.yearEndRate"]).toBe("6");
    const s = validateForm(setValue(form, "bonus.quarterRate", "25%")).settings as Settings;
    expect(s.bonus.quarterRate).toBe(0.25);
  });

  test("every scalar field is shown with a label and comes from the settings", () => {
    expect(new Set(SCALAR_FIELD_DEFS.map((f) => f.id)).size).toBe(SCALAR_FIELD_DEFS.length);
    // The two rating targets start blank: no target, scored as mean ÷ 10 × full (RULES.md#monthly-kpis).
    for (const f of SCALAR_FIELD_DEFS)
      expect(defaults().values[f.id] === "").toBe(
        f.id === "kpi.targets.quality" || f.id === "kpi.targets.satisfaction",
      );
  });

  test("edited values reach the settings", () => {
    let form = defaults();
    form = setValue(form, "sla.radiusKm", "150");
    form = setValue(form, "kpi.csatThreshold", "9");
    form = setValue(form, "audit6s.sWeights.5", "2");
    form = setCoefficient(form, 0, "1.2");
    const s = validateForm(form).settings as Settings;
    expect(s.sla.radiusKm).toBe(150);
    expect(s.kpi.csatThreshold).toBe(9);
    expect(s.audit6s.sWeights).toEqual([1, 1, 1, 1, 1, 2]);
    expect(s.bonus.coefficients).toEqual({ A: 1.2, B: 1, C: 1, D: 0 });
  });
});

describe("grade bands", () => {
  test("bounds that do not strictly decrease are named on the offending row", () => {
    const form = setBandCell(defaults(), "fivePoint", 2, "lower", "4");
    expect(errorsOf(form)).toEqual({
      "fivePoint.2.lower": "Must be below the band above (4): lower bounds must strictly decrease.",
    });
    expect(validateForm(form).settings).toBeNull();
  });

  test("an increasing bound is an error, not silently reordered", () => {
    const form = setBandCell(defaults(), "hundredPoint", 1, "lower", "95");
    expect(errorsOf(form)["hundredPoint.1.lower"]).toMatch(/below the band above \(90\)/);
  });

  test("one typo gives one error: the next row compares with the last number", () => {
    const form = setBandCell(defaults(), "fivePoint", 1, "lower", "x");
    expect(Object.keys(errorsOf(form))).toEqual(["fivePoint.1.lower"]);
  });

  test("the last band must start at the scale's minimum", () => {
    const form = setBandCell(defaults(), "fivePoint", 3, "lower", "1");
    expect(errorsOf(form)["fivePoint.3.lower"]).toBe("The last band must start at 0 so that every score gets a grade.");
  });

  test("bounds outside the scale", () => {
    expect(errorsOf(setBandCell(defaults(), "fivePoint", 0, "lower", "6"))["fivePoint.0.lower"]).toBe(
      "Must be between 0 and 5.",
    );
    expect(errorsOf(setBandCell(defaults(), "audit6sRating", 0, "lower", "101"))["audit6sRating.0.lower"]).toBe(
      "Must be between 0 and 100.",
    );
  });

  test("duplicate codes (case-insensitive, as Excel compares) and blank codes/labels", () => {
    let form = setBandCell(defaults(), "fivePoint", 1, "code", "a");
    expect(errorsOf(form)["fivePoint.1.code"]).toBe("The grade code “a” is used more than once.");
    form = setBandCell(defaults(), "fivePoint", 1, "code", " ");
    expect(errorsOf(form)["fivePoint.1.code"]).toBe("Enter a grade code.");
    form = setBandCell(defaults(), "hundredPoint", 0, "en", "");
    expect(errorsOf(form)["hundredPoint.0.en"]).toBe("Enter a label.");
  });

  test("a custom S/A/B/C/D scheme (95/85/70/60 on 100) is valid", () => {
    let form = defaults();
    form = addBand(form, "hundredPoint");
    const rows = [
      ["95", "S", "卓越", "Outstanding"],
      ["85", "A", "优秀", "Excellent"],
      ["70", "B", "良好", "Good"],
      ["60", "C", "合格", "Pass"],
      ["0", "D", "不合格", "Fail"],
    ];
    rows.forEach((r, i) => {
      form = setBandCell(form, "hundredPoint", i, "lower", r[0]);
      form = setBandCell(form, "hundredPoint", i, "code", r[1]);
      form = setBandCell(form, "hundredPoint", i, "zh", r[2]);
      form = setBandCell(form, "hundredPoint", i, "en", r[3]);
    });
    const s = validateForm(form).settings as Settings;
    expect(s.hundredPoint.bands.map((b) => [b.lower, b.code])).toEqual([
      [95, "S"],
      [85, "A"],
      [70, "B"],
      [60, "C"],
      [0, "D"],
    ]);
  });

  test("fewer than two bands", () => {
    let form = defaults();
    for (let i = 0; i < 3; i++) form = removeBand(form, "audit6sRating", 0);
    expect(errorsOf(form)["audit6sRating"]).toBe("At least two bands are needed.");
  });

  test("five-point bands keep their bonus coefficients aligned when added or removed", () => {
    let form = removeBand(defaults(), "fivePoint", 1); // drop B
    expect(form.bands.fivePoint.rows.map((r) => r.code)).toEqual(["A", "C", "D"]);
    expect(form.coefficients).toEqual(["1", "1", "0"]);
    form = addBand(form, "fivePoint");
    expect(form.coefficients).toEqual(["1", "1", "0", ""]);
    const errs = errorsOf(form);
    expect(errs["bonus.coefficients.3"]).toBe("Enter a value.");
    expect(errs["fivePoint.3.code"]).toBe("Enter a grade code.");
  });

  test("renaming the failed grade's code renames the failed-grade choice", () => {
    const form = setBandCell(defaults(), "fivePoint", 3, "code", "E");
    expect(form.failedGrade).toBe("E");
    expect(validateForm(form).settings?.bonus.failedGrade).toBe("E");
    expect(validateForm(form).settings?.bonus.coefficients).toEqual({ A: 1, B: 1, C: 1, E: 0 });
  });

  test("a failed grade that is not a five-point code is named", () => {
    expect(errorsOf(setFailedGrade(defaults(), "F"))["bonus.failedGrade"]).toBe(
      "“F” is not one of the five-point grade codes (A / B / C / D).",
    );
  });
});

describe("numbers", () => {
  test("a negative weight is named", () => {
    expect(errorsOf(setValue(defaults(), "raters.peers", "-0.2"))).toEqual({
      "raters.peers": "A weight cannot be negative.",
    });
  });

  test("weights that are all zero are an error on the group", () => {
    let form = defaults();
    for (const k of KPI_KEYS) form = setValue(form, `kpi.weights.${k}`, "0");
    expect(errorsOf(form)).toEqual({ "kpi.weights": "The weights cannot all be 0." });
  });

  test("weights as points or percents: only the ratio matters, the % sign is accepted", () => {
    const form = setValue(setValue(defaults(), "raters.supervisor", "50%"), "raters.peers", "20");
    expect(validateForm(form).settings?.raters.supervisor).toBe(50);
  });

  test.each([
    ["sla.radiusKm", "0", "Must be greater than 0."],
    ["sla.bodyOnSiteHours", "", "Enter a value."],
    ["sla.otherReplyHours", "24h", "“24h” is not a number."],
    ["kpi.targets.csat", "120", "Must be between 0% and 100%."],
    ["kpi.csatThreshold", "11", "Must be between 1 and 10."],
    ["bonus.forfeitRedCards", "1.5", "Must be a whole number of at least 1."],
    ["bonus.forfeitYellowCards", "0", "Must be a whole number of at least 1."],
    ["bonus.roundTo", "-0.01", "Must be greater than 0."],
  ] as const)("%s = %j → %s", (id, value, message) => {
    expect(errorsOf(setValue(defaults(), id, value))).toEqual({ [id]: message });
  });

  test("a negative bonus coefficient", () => {
    expect(errorsOf(setCoefficient(defaults(), 2, "-1"))).toEqual({ "bonus.coefficients.2": "Cannot be negative." });
  });

  test("messages exist in Chinese too", () => {
    const v = validateForm(setValue(defaults(), "raters.peers", "-1"));
    expect(v.errors["raters.peers"].zh).toBe("权重不能为负数。");
  });
});

describe("summary helpers", () => {
  test("sections with errors come in pane order", () => {
    let form = setValue(defaults(), "bonus.roundTo", "0");
    form = setBandCell(form, "audit6sRating", 0, "lower", "x");
    form = setValue(form, "sla.radiusKm", "");
    form = setBandCell(form, "fivePoint", 0, "code", "");
    expect(sectionsWithErrors(validateForm(form).errors)).toEqual(["fivePoint", "sla", "bonus", "audit6s"]);
  });
  test("sectionOf", () => {
    expect(sectionOf("audit6sRating.2.lower")).toBe("audit6s");
    expect(sectionOf("kpi.weights")).toBe("kpi");
    expect(sectionOf("raters")).toBe("raters");
    expect(sectionOf("bonus.coefficients.1")).toBe("bonus");
  });
  test("bonus rate total: 4 × 23.5% + 6% = 100%", () => {
    expect(bonusRateTotal(defaults())).toBe(1);
    expect(bonusRateTotal(setValue(defaults(), "bonus.yearEndRate", "10"))).toBe(1.04);
    expect(bonusRateTotal(setValue(defaults(), "bonus.yearEndRate", "x"))).toBeNull();
  });
});
