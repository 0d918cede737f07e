import { sampleReturnVisits } from "../../../core/records/returnVisits";
import { isFormulaCell, type SheetPlan } from "../../plan";
import { drawnSurvey, returnVisitsPlan, type ReturnVisitsOptions } from "./returnVisitsPlan";

function options(over: Partial<ReturnVisitsOptions> = {}): ReturnVisitsOptions {
  return {
    station: "",
    month: "2026-10",
    ...drawnSurvey(sampleReturnVisits()),
    threshold: 8,
    locale: "zh-CN",
    ...over,
  };
}

function formulas(sheet: SheetPlan): string[] {
  return [
    ...(sheet.fills ?? []).map((f) => f.formula),
    ...sheet.cells.flatMap((b) =>
      b.rows
        .flat()
        .filter(isFormulaCell)
        .map((c) => c.f),
    ),
  ];
}

test("every formula carries the engine's value; no FILTER, no criteria functions over names", () => {
  const r = returnVisitsPlan(options());
  if (!r.ok) throw new Error(r.problem.message.en);
  for (const sheet of r.value.plan.sheets) {
    for (const fill of sheet.fills ?? []) expect(fill.expect).toBeDefined();
    for (const b of sheet.cells)
      for (const c of b.rows.flat().filter(isFormulaCell)) expect(c.expect).not.toBeUndefined();
    for (const f of formulas(sheet))
      expect(f).not.toMatch(/FILTER\(|COUNTIFS?\(|AVERAGEIFS?\(|SUMIFS?\(|XLOOKUP|LET\(/);
  }
  expect(r.value.figures.total.sampled).toBe(88);
});

test("order numbers and technicians' columns are text-formatted input; the ratings allow whole 1–10 only", () => {
  const r = returnVisitsPlan(options());
  if (!r.ok) throw new Error(r.problem.message.en);
  const survey = r.value.plan.sheets[0]!;
  expect(survey.formats).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        range: "A5:A102",
        style: expect.objectContaining({ numberFormat: "@", locked: false }),
      }),
    ]),
  );
  const ratings = (survey.validations ?? []).filter((v) => v.range === "H5:H102" || v.range === "I5:I102");
  expect(ratings.map((v) => v.rule)).toEqual([
    { type: "whole", min: 1, max: 10 },
    { type: "whole", min: 1, max: 10 },
  ]);
});

test("a survey typed by hand: no lines, blank summary rows, seed and size shown as not drawn", () => {
  const r = returnVisitsPlan(
    options({ lines: [], completed: [], seed: null, size: null, blankSummaryRows: 5, locale: "en-US" }),
  );
  if (!r.ok) throw new Error(r.problem.message.en);
  const [survey, summary, followUps] = r.value.plan.sheets;
  expect(survey!.name).toBe("Return visits");
  expect(summary!.marker.meta).toMatchObject({ firstRow: 5, lastRow: 9 });
  expect(followUps!.marker.meta).toMatchObject({ firstRow: 5, lastRow: 14 });
  expect(r.value.figures.total).toMatchObject({ sampled: 0, visitRate: null });
});
