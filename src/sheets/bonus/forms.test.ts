import { DEFAULT_SETTINGS } from "../../core/settings";
import { STAFF_TEMPLATE, type Person } from "../../core/appraisal";
import { peopleFromForms } from "../../core/bonus";
import { appraisalPlan } from "../appraisal";
import type { FoundPlan, SheetPlan } from "../plan";
import { openXlsx } from "../../xlsx";
import { xlsxBytes } from "../../xlsx/writeXlsx";
import { renameSheetInFile } from "../../../test/support/xlsx";
import { appraisalForms, formGrades } from "./forms";

const PEOPLE: Person[] = [
  { name: "张三", id: "S001", department: "售后一部" },
  { name: "李四", id: "S002", department: "售后一部" },
  { name: "王五", id: "S003", department: "售后二部" },
];

/** A staff form of `quarter` whose people score all-`scores[i]` (5 → A, 4 → B, 3 → C, 2 → D). */
function form(quarter: 1 | 2 | 3 | 4, scores: readonly (number | null)[]): SheetPlan {
  const n = 20; // indicators of the staff template
  const r = appraisalPlan({
    template: STAFF_TEMPLATE,
    period: { year: 2026, quarter },
    people: PEOPLE,
    scale: "five",
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    scores: scores.map((s) => Array.from({ length: n }, () => s)),
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

describe("appraisal forms → bonus people", () => {
  test("finds the forms by marker, reads one rectangle each, and takes each quarter's grades", async () => {
    const { bytes } = await xlsxBytes({ sheets: [form(1, [5, 4, 3]), form(2, [5, 2, 3]), form(3, [4, 2, null])] });
    // found by marker, not by name
    const wb = openXlsx(renameSheetInFile(bytes, "考核表 2026-Q1", "一季度（改名）"));
    const { forms, problems } = appraisalForms(wb.findPlans());
    expect(problems).toEqual([]);
    expect(forms.map((f) => [f.sheetName, f.period, f.address])).toEqual([
      ["一季度（改名）", "2026-Q1", "B8:Z10"],
      ["考核表 2026-Q2", "2026-Q2", "B8:Z10"],
      ["考核表 2026-Q3", "2026-Q3", "B8:Z10"],
    ]);
    const read = peopleFromForms(
      forms.map((f) => formGrades(f, wb.readRange(f.sheetName, f.address))),
      2026,
      DEFAULT_SETTINGS,
    );
    expect(read.problems).toEqual([]);
    expect(read.people.map((p) => [p.id, p.name, p.department, p.grades])).toEqual([
      ["S001", "张三", "售后一部", ["A", "A", "B", null]],
      ["S002", "李四", "售后一部", ["B", "D", "D", null]],
      ["S003", "王五", "售后二部", ["C", "C", null, null]],
    ]);
  });

  test("a marker with unreadable layout facts is reported and skipped; other kinds are ignored", () => {
    const plans: FoundPlan[] = [
      {
        sheetName: "坏表",
        marker: { kind: "appraisal", version: 1, meta: { period: "2026-Q1", firstRow: 8, lastRow: 3, columns: {} } },
      },
      { sheetName: "考核参数", marker: { kind: "settings", version: 1, meta: {} } },
    ];
    const { forms, problems } = appraisalForms(plans);
    expect(forms).toEqual([]);
    expect(problems.map((p) => p.message.en)).toEqual([
      'the marker of appraisal form "坏表" cannot be read; it was skipped',
    ]);
  });
});
