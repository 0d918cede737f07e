/**
 * The return visits written by the Office.js writer into the in-memory fake of Excel
 * (test/fakes/excel): round trips independent of the number of drawn orders (40 vs 4,000),
 * order numbers and user text that look like formulas stay text, the ratings are validated as
 * whole scores 1–10 and the answers as dropdowns, the follow-up list's formulas reach across to
 * the survey, and a write that fails part-way leaves the workbook as it was.
 */
import { sampleReturnVisits, type SurveyLine } from "../../src/core/records/returnVisits";
import { drawnSurvey, returnVisitsPlan } from "../../src/sheets/records/returnVisits";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { cellAt, numberFormatAt } from "../fakes/excel";
import { failEachSyncInTurn, writeWithoutCaps } from "../support/fakeExcelWrite";

function book(count: number): WorkbookPlan {
  const drawn = sampleReturnVisits();
  const lines = drawn.lines;
  const many: SurveyLine[] = Array.from({ length: count }, (_, i) => ({
    ...lines[i % lines.length]!,
    orderId: i === 0 ? "=CMD" : i === 1 ? "0012" : `X${i}`,
  }));
  const r = returnVisitsPlan({
    station: "",
    month: "2026-10",
    ...drawnSurvey(drawn),
    lines: many,
    threshold: 8,
    locale: "zh-CN",
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

test("round trips independent of the survey's size; IDs and comments as text; ratings 1–10; dropdowns", async () => {
  const small = await writeWithoutCaps(book(40));
  const large = await writeWithoutCaps(book(4000));
  expect(large.syncs).toBe(small.syncs);
  console.log(`fake Excel, return visits: 40 visits → ${small.syncs} syncs; 4,000 → ${large.syncs} syncs`);

  const sheets = small.fake.state.sheets;
  expect(sheets.map((s) => s.name)).toEqual(["Sheet1", "回访记录", "回访汇总", "跟进清单"]);
  const survey = sheets[1]!;
  expect(cellAt(survey, 5, 1)?.value).toBe("=CMD");
  expect(cellAt(survey, 5, 1)?.formula).toBeUndefined();
  expect(cellAt(survey, 6, 1)?.value).toBe("0012");
  expect(numberFormatAt(survey, 6, 1)).toBe("@");
  const comments = Array.from({ length: 40 }, (_, i) => cellAt(survey, 5 + i, 12));
  const lookalike = comments.find((c) => c?.value === "=SUM(A1)");
  expect(lookalike).toBeDefined();
  expect(lookalike?.formula).toBeUndefined();
  // The follow-up column (N) of row 6 is the row-5 formula filled down, reading the threshold H3.
  expect(cellAt(survey, 6, 14)?.formula).toContain("H6<$H$3");
  const rules = survey.validations.map((v) => JSON.stringify(v.rule));
  // The threshold (H3) and the two ratings: whole scores 1–10.
  const scale = '{"wholeNumber":{"operator":"Between","formula1":1,"formula2":10}}';
  expect(rules.filter((r) => r === scale)).toHaveLength(3);
  expect(rules.join()).toContain("不满意");
  const followUps = sheets[3]!;
  expect(cellAt(followUps, 5, 2)?.formula).toBe(
    '=IF($A5="","",INDEX(\'回访记录\'!$A$5:$A$54,MATCH($A5,\'回访记录\'!$O$5:$O$54,0))&"")',
  );
}, 300_000);

test("a write that fails at any sync leaves the workbook as it was (or complete, when the last sync had landed)", async () => {
  const { syncs, rolledBack } = await failEachSyncInTurn(book(30));
  expect(rolledBack).toBeGreaterThan(syncs / 2);
}, 300_000);
