import { NO_ANSWERS, followUpOf, surveyFigures, type SurveyLine } from "./engine";

function line(technician: string | null, answers: Partial<SurveyLine["answers"]>): SurveyLine {
  return { orderId: "W", customer: "C", technician, completedOn: 46300, answers: { ...NO_ANSWERS, ...answers } };
}

test("follow-up: below the threshold, or not resolved; the threshold itself is not low", () => {
  expect(followUpOf({ ...NO_ANSWERS, satisfaction: 7 }, 8)).toBe("lowScore");
  expect(followUpOf({ ...NO_ANSWERS, satisfaction: 8 }, 8)).toBeNull();
  expect(followUpOf({ ...NO_ANSWERS, satisfaction: 9, resolved: false }, 8)).toBe("unresolved");
  expect(followUpOf({ ...NO_ANSWERS, satisfaction: 2, resolved: false }, 8)).toBe("both");
  expect(followUpOf({ ...NO_ANSWERS, resolved: null }, 8)).toBeNull();
});

test("per technician: visits, 回访率 against completed orders, means of the ratings given", () => {
  const lines = [
    line("张三", { visitDate: 46305, satisfaction: 9, quality: 8, resolved: true }),
    line("张三", { visitDate: 46306, satisfaction: 6, resolved: false }),
    line("张三", {}),
    line("ZHAO", { visitDate: 46306, satisfaction: 10, quality: 10 }),
    line(null, { visitDate: 46307, resolved: false }),
  ];
  const f = surveyFigures(
    lines,
    [
      { technician: null, completed: 2 },
      { technician: "张三", completed: 10 },
      { technician: "zhao", completed: 4 },
    ],
    8,
  );
  expect(f.rows.map((r) => [r.visited, r.followUp, r.followUpNo])).toEqual([
    [true, null, null],
    [true, "both", 1],
    [false, null, null],
    [true, null, null],
    [true, "unresolved", 2],
  ]);
  expect(f.followUps).toEqual([1, 4]);
  const [none, zhang, zhao] = f.technicians;
  expect(zhang).toMatchObject({ sampled: 3, visited: 2, visitRate: 0.2, meanSatisfaction: 7.5, meanQuality: 8 });
  expect(zhang).toMatchObject({ lowScores: 1, unresolved: 1, followUps: 1 });
  // Matched as Excel's "=" matches: case-insensitively.
  expect(zhao).toMatchObject({ sampled: 1, visited: 1, visitRate: 0.25, meanSatisfaction: 10 });
  expect(none).toMatchObject({ sampled: 1, visited: 1, meanSatisfaction: null, followUps: 1 });
  expect(f.total).toMatchObject({ completed: 16, sampled: 5, visited: 4, visitRate: 0.25, followUps: 2 });
  expect(f.total.meanSatisfaction).toBeCloseTo(25 / 3, 12);
});

test("no completed orders: 回访率 is no data, not 0", () => {
  const f = surveyFigures([], [{ technician: "张三", completed: 0 }], 8);
  expect(f.technicians[0]!.visitRate).toBeNull();
  expect(f.total.meanSatisfaction).toBeNull();
});
