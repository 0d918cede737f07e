/**
 * Reading the appraisal forms (考核表) the add-in generated back for the bonus sheet: they are
 * found by their plan marker (kind "appraisal", never by sheet name), and their marker says
 * where the people and grades are (see sheets/appraisal AppraisalMeta). A host reads one
 * rectangle per form — the round trips grow with the number of forms, not with the people.
 */
import { text } from "../../core/i18n/text";
import { problem, type Problem } from "../../core/problem";
import type { FormGrades } from "../../core/bonus";
import { columnToNumber, formatRange } from "../formula/a1";
import type { FoundPlan, RangeData } from "../plan";
import { appraisalMarkerOf } from "../appraisal/marker";

/** A generated appraisal form and the part of it the bonus sheet reads. */
export interface AppraisalForm {
  readonly sheetName: string;
  readonly period: string;
  readonly firstRow: number;
  readonly lastRow: number;
  /** Column numbers (1-based) of 工号, 姓名, 部门, 等级. */
  readonly columns: { readonly id: number; readonly name: number; readonly department: number; readonly grade: number };
  /** The rectangle to read (all four columns, every person's row). */
  readonly address: string;
}

/**
 * The appraisal forms among the plans a host found, with what to read from each. A marker whose
 * layout facts are not what the appraisal generator writes (an older version, a damaged cell)
 * is reported and skipped.
 */
export function appraisalForms(plans: readonly FoundPlan[]): { forms: AppraisalForm[]; problems: Problem[] } {
  const forms: AppraisalForm[] = [];
  const problems: Problem[] = [];
  for (const p of plans) {
    if (p.marker.kind !== "appraisal") continue;
    const marker = appraisalMarkerOf(p);
    if (!marker.ok) {
      const why = marker.problem.message;
      problems.push(problem("value", text(`${why.zh}，已跳过`, `${why.en}; it was skipped`)));
      continue;
    }
    const m = marker.value.meta;
    const columns = {
      id: columnToNumber(m.columns.id),
      name: columnToNumber(m.columns.name),
      department: columnToNumber(m.columns.department),
      grade: columnToNumber(m.columns.grade),
    };
    const left = Math.min(...Object.values(columns));
    const right = Math.max(...Object.values(columns));
    forms.push({
      sheetName: p.sheetName,
      period: m.period,
      firstRow: m.firstRow,
      lastRow: m.lastRow,
      columns,
      address: formatRange({ top: m.firstRow, left, bottom: m.lastRow, right }),
    });
  }
  return { forms, problems };
}

/** The people and grades of one form, from the rectangle a host read at `form.address`. */
export function formGrades(form: AppraisalForm, range: RangeData): FormGrades {
  const at = (row: readonly unknown[], column: number): unknown => row[column - range.firstColumn] ?? null;
  return {
    sheetName: form.sheetName,
    period: form.period,
    gradeColumn: "等级",
    rows: range.values.map((row, i) => ({
      row: range.firstRow + i,
      id: at(row, form.columns.id),
      name: at(row, form.columns.name),
      department: at(row, form.columns.department),
      grade: at(row, form.columns.grade),
    })),
  };
}
