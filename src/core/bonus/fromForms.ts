/**
 * The people of a bonus sheet from the appraisal forms (考核表) of a year: each quarter's grade
 * from that quarter's forms (period "2026-Q1" … "2026-Q4"). People are matched across forms by
 * 工号 when they have one, else by 姓名; name, 工号 and 部门 come from their latest form. Pay
 * and cards are not on the forms: they stay blank for finance to fill in on the bonus sheet.
 * Forms of months or of other years are not used (and said so).
 */
import { cellText } from "../values/cellText";
import { text } from "../i18n/text";
import { problem, type Problem } from "../problem";
import { isBlank } from "../values/blank";
import type { Settings } from "../settings";
import {
  countedAsRemark,
  personKey,
  readGrade,
  UNUSABLE_PEOPLE,
  type BonusPeopleRead,
  type BonusPerson,
  type Quarter,
} from "./people";

/** One appraisal form's people and grades, as read from its sheet. */
export interface FormGrades {
  readonly sheetName: string;
  /** The form's period key: "2026-Q3" (quarter) or "2026-10" (month). */
  readonly period: string;
  readonly rows: readonly {
    /** Sheet row, for messages. */
    readonly row: number;
    readonly id: unknown;
    readonly name: unknown;
    readonly department: unknown;
    readonly grade: unknown;
  }[];
  /** Header of the grade column (for messages), e.g. "等级". */
  readonly gradeColumn?: string;
}

/** A cell's text as typed (trimmed). */
function str(v: unknown): string {
  if (isBlank(v)) return "";
  return cellText(v);
}

/** The quarter of a period key in `year`, or null ("2026-Q3" → 3). */
export function quarterOfPeriod(period: string, year: number): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m && Number(m[1]) === year ? (Number(m[2]) as Quarter) : null;
}

/**
 * @example
 * peopleFromForms([{ sheetName: "考核表 2026-Q1", period: "2026-Q1", rows: [{ row: 8, id: "S1", name: "张三", department: "一部", grade: "A" }] }], 2026, settings)
 *   // → people [{ name: "张三", id: "S1", department: "一部", grades: ["A", null, null, null], standardPay: null, … }]
 */
export function peopleFromForms(forms: readonly FormGrades[], year: number, settings: Settings): BonusPeopleRead {
  const problems: Problem[] = [];
  const used = forms
    .map((f) => ({ form: f, quarter: quarterOfPeriod(f.period, year) }))
    .filter((x): x is { form: FormGrades; quarter: Quarter } => x.quarter !== null);
  const unused = forms.filter((f) => quarterOfPeriod(f.period, year) === null);
  if (unused.length > 0) {
    const names = unused.map((f) => `${f.sheetName}（${f.period}）`).join("、");
    const namesEn = unused.map((f) => `${f.sheetName} (${f.period})`).join(", ");
    problems.push(
      problem(
        "na",
        text(
          `未使用的考核表（不是 ${year} 年的季度表）：${names}`,
          `appraisal forms not used (not quarters of ${year}): ${namesEn}`,
        ),
      ),
    );
  }
  if (used.length === 0) {
    problems.push(
      problem(
        "na",
        text(`工作簿中没有 ${year} 年的季度考核表`, `the workbook has no quarterly appraisal forms of ${year}`),
        { reason: { code: UNUSABLE_PEOPLE, params: { because: "noQuarterForms", year } } },
      ),
    );
    return { people: [], rowsRead: 0, problems, fatal: true };
  }
  used.sort((a, b) => a.quarter - b.quarter);

  interface Draft {
    name: string;
    id: string;
    department: string;
    grades: (string | null)[];
    remarks: BonusPerson["remarks"][number][];
    /** Where each quarter's grade came from, to report a second one. */
    from: (string | null)[];
  }
  const drafts = new Map<string, Draft>();
  let rowsRead = 0;
  for (const { form, quarter } of used) {
    const column = `${form.sheetName} · ${form.gradeColumn ?? "等级"}`;
    for (const r of form.rows) {
      const name = str(r.name);
      if (!name) continue; // the form's empty rows
      rowsRead++;
      const id = str(r.id);
      const key = personKey({ id, name });
      let d = drafts.get(key);
      if (!d) {
        d = {
          name,
          id,
          department: str(r.department),
          grades: [null, null, null, null],
          remarks: [],
          from: [null, null, null, null],
        };
        drafts.set(key, d);
      } else {
        // The latest form has the latest name spelling and department.
        d.name = name;
        if (str(r.department)) d.department = str(r.department);
      }
      const where = `${form.sheetName}!${r.row}`;
      if (d.from[quarter - 1] !== null) {
        const reason = text(
          `${name} 在第 ${quarter} 季度有两个等级（另见 ${d.from[quarter - 1]}），只用第一个`,
          `${name} has two grades for Q${quarter} (also ${d.from[quarter - 1]}); the first is used`,
        );
        problems.push(problem("value", reason, { row: r.row, column }));
        d.remarks.push(reason);
        continue;
      }
      d.from[quarter - 1] = where;
      const g = readGrade(r.grade, settings);
      if (g.reason) {
        problems.push(problem("value", g.reason, { row: r.row, column }));
        d.remarks.push(text(`第 ${quarter} 季度：${g.reason.zh}`, `Q${quarter}: ${g.reason.en}`));
      }
      // A hundred-point form's 优秀 … 不合格 count as the policy's levels (第九条), and say so.
      if (g.countedAs) d.remarks.push(countedAsRemark(quarter, g.countedAs));
      d.grades[quarter - 1] = g.grade;
    }
  }
  const people: BonusPerson[] = [...drafts.values()].map((d) => ({
    name: d.name,
    ...(d.id ? { id: d.id } : {}),
    ...(d.department ? { department: d.department } : {}),
    standardPay: null,
    bonusRatio: null,
    grades: d.grades,
    yellowCards: null,
    redCards: null,
    remarks: d.remarks,
  }));
  if (people.length === 0)
    problems.push(
      problem("na", text("考核表中没有人员", "the appraisal forms list nobody"), {
        reason: { code: UNUSABLE_PEOPLE, params: { because: "nobody" } },
      }),
    );
  return { people, rowsRead, problems, fatal: people.length === 0 };
}
