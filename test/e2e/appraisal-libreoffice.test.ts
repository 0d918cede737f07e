/**
 * The appraisal form, filled with random scores (blanks included), recalculated in headless
 * LibreOffice: every weighted score, grade, rank, weight total and distribution cell equals the
 * TypeScript engine's value. The settings sheet travels with it, so the grade formulas read the
 * bands through the workbook names exactly as in a user's workbook.
 */
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import {
  formColumns,
  HEAD_TEMPLATE,
  STAFF_TEMPLATE,
  type AppraisalTemplate,
  type Person,
} from "../../src/core/appraisal";
import { appraisalPlan, appraisalPlans, type Scale } from "../../src/sheets/appraisal";
import { RATER_ROLES, type RaterScores } from "../../src/core/scoring";
import { settingsPlan } from "../../src/sheets/settings";
import type { SheetPlan } from "../../src/sheets/plan";
import { verifyPlanInLibreOffice } from "../support/libreoffice";
import { seededRandom } from "../../src/core/sample/random";

function filled(
  template: AppraisalTemplate,
  scale: Scale,
  count: number,
  seed: number,
): { people: Person[]; scores: (number | null)[][] } {
  const next = seededRandom(seed);
  const max = scale === "five" ? 5 : 100;
  const step = scale === "five" ? 0.5 : 1;
  const people = Array.from({ length: count }, (_, i) => ({
    name: i % 7 === 3 ? `=HYPERLINK("x","员工${i}")` : `员工${i + 1}`,
    department: i % 2 ? "售后一部" : "售后二部",
  }));
  const scores = people.map((_, i) =>
    formColumns(template).map(() => {
      if (i % 11 === 5) return null; // nobody scored this person yet: no score, no grade, no rank
      const r = next();
      if (r < 0.15) return null; // not assessed
      return Math.round((next() * max) / step) * step;
    }),
  );
  // Exact ties: the same scores twice must share a rank.
  scores[1] = [...scores[0]];
  return { people, scores };
}

function plan(template: AppraisalTemplate, scale: Scale, settings: Settings, seed: number, count = 60): SheetPlan {
  const { people, scores } = filled(template, scale, count, seed);
  const r = appraisalPlan({
    template,
    period: { year: 2026, quarter: 3 },
    people,
    scale,
    locale: "zh-CN",
    settings,
    scores,
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

describe("appraisal form × LibreOffice", () => {
  it.each([
    { id: "staff", template: STAFF_TEMPLATE, scale: "five" as Scale, seed: 11 },
    { id: "head", template: HEAD_TEMPLATE, scale: "hundred" as Scale, seed: 12 },
  ])("$id template, $scale scale: every computed cell equals the engine", async ({ template, scale, seed }) => {
    const settings = settingsPlan(DEFAULT_SETTINGS, "zh-CN");
    const form = plan(template, scale, DEFAULT_SETTINGS, seed);
    const summary = await verifyPlanInLibreOffice({ sheets: [settings, form] });
    console.log(summary.describe());
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
    expect(summary.cellsCompared).toBeGreaterThan(180);
  });

  it("follows a department's own bands (S/A/B/C on 95/85/60/0) through the workbook names", async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      hundredPoint: {
        min: 0,
        max: 100,
        bands: [
          { lower: 95, code: "S", zh: "卓越", en: "Outstanding" },
          { lower: 85, code: "A", zh: "优", en: "Very good" },
          { lower: 60, code: "B", zh: "中", en: "Fair" },
          { lower: 0, code: "C", zh: "差", en: "Poor" },
        ],
      },
    };
    const form = plan(HEAD_TEMPLATE, "hundred", settings, 21, 40);
    const summary = await verifyPlanInLibreOffice({ sheets: [settingsPlan(settings, "en-US"), form] });
    console.log(summary.describe());
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
  });

  it("ranks 700 people in five departments through the sorting network: department and overall ranks equal the engine", async () => {
    const { people, scores } = filled(HEAD_TEMPLATE, "five", 700, 31);
    const spread = people.map((p, i) => ({ ...p, department: i % 13 === 0 ? undefined : `售后${(i % 5) + 1}部` }));
    const r = appraisalPlan({
      template: HEAD_TEMPLATE,
      period: { year: 2026, quarter: 3 },
      people: spread,
      scale: "five",
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      scores,
    });
    if (!r.ok) throw new Error(r.problem.message.en);
    const summary = await verifyPlanInLibreOffice({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), r.value] });
    console.log(summary.describe());
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
  });

  it("360°: the rater sheet's combined scores (weights from 考核参数, missing raters renormalised) feed the form; every cell equals the engine", async () => {
    // A department's own rater weights, so the sheet must read them from 考核参数, not the defaults.
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      raters: { supervisor: 0.6, peers: 0.15, subordinates: 0, customers: 0.25 },
    };
    const next = seededRandom(41);
    const people = Array.from({ length: 30 }, (_, i) => ({
      name: `员工${i + 1}`,
      department: i % 3 ? "售后一部" : "售后二部",
    }));
    const scores: RaterScores[][] = people.map((_, i) =>
      formColumns(STAFF_TEMPLATE).map(() => {
        const cell: RaterScores = {};
        if (i % 10 === 4) return cell; // nobody rated this person: blank scores, no grade, no rank
        for (const role of RATER_ROLES) if (next() > 0.35) cell[role] = Math.round(next() * 10) / 2;
        return cell;
      }),
    );
    // Only the zero-weight rater scored: no combined score (never a division by zero).
    scores[1][0] = { subordinates: 5 };
    const r = appraisalPlans({
      template: STAFF_TEMPLATE,
      period: { year: 2026, quarter: 3 },
      people,
      scale: "five",
      locale: "zh-CN",
      settings,
      raters: { scores },
    });
    if (!r.ok) throw new Error(r.problem.message.en);
    expect(r.value.map((s) => s.marker?.kind)).toEqual(["raters", "appraisal"]);
    const summary = await verifyPlanInLibreOffice({ sheets: [settingsPlan(settings, "zh-CN"), ...r.value] });
    console.log(summary.describe());
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
    // The rater sheet's combined column and the form's score block are both compared.
    expect(summary.cellsCompared).toBeGreaterThan(30 * formColumns(STAFF_TEMPLATE).length * 2);
  });
});
