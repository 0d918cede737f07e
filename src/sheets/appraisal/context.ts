/** What every section of the appraisal form works with: the layout, the template's columns, the engine's results. */
import type { GradeScheme } from "../../core/settings";
import type { FormColumn } from "../../core/appraisal";
import type { GradeDistribution } from "../../core/scoring";
import { rangeA1 } from "../common/address";
import type { AppraisalOptions } from "./appraisalPlan";
import type { AppraisalMarker } from "./marker";
import type { PlanCell } from "../plan";
import type { SheetContext } from "../common/context";

/** The header starts on row 4 (group names), then group weights, indicator names, the weights row. */
export const HEADER_TOP = 4;
/** The first person's row; the indicator weights are on the row above. */
export const FIRST_ROW = 8;
export const WEIGHTS_ROW = FIRST_ROW - 1;
/** 序号, 工号, 姓名, 部门. */
export const FIXED_COLUMNS = 4;

/**
 * Column numbers: the indicators, then score, grade, the department rank and the overall rank,
 * remarks, the hidden marker, the distribution block, and the hidden rank helpers far right.
 */
export interface FormLayout {
  readonly firstIndicator: number;
  readonly lastIndicator: number;
  readonly score: number;
  readonly grade: number;
  /** Rank within the person's department (RULES.md#ranking-and-distribution). */
  readonly rank: number;
  /** Rank over the whole form, beside it. */
  readonly overallRank: number;
  readonly remarks: number;
  readonly marker: number;
  readonly distribution: number;
  /** The first hidden helper column of the ranks (department list, keys, sorting network). */
  readonly rankHelpers: number;
  /** The last person's row. */
  readonly lastRow: number;
}

export function formLayout(indicators: number, people: number): FormLayout {
  const firstIndicator = FIXED_COLUMNS + 1;
  const lastIndicator = FIXED_COLUMNS + indicators;
  const score = lastIndicator + 1;
  return {
    firstIndicator,
    lastIndicator,
    score,
    grade: score + 1,
    rank: score + 2,
    overallRank: score + 3,
    remarks: score + 4,
    marker: score + 5,
    distribution: score + 6,
    // Right of the distribution block and its chart (at most 8 columns with targets and departures).
    rankHelpers: score + 6 + 10,
    lastRow: FIRST_ROW + people - 1,
  };
}

export interface AppraisalSheet extends SheetContext<AppraisalMarker> {
  readonly options: AppraisalOptions;
  /** The grade bands of the form's scale, and the names of their 考核参数 ranges. */
  readonly scheme: GradeScheme;
  readonly names: { readonly bounds: string; readonly codes: string; readonly all: string };
  readonly columns: readonly FormColumn[];
  readonly weights: readonly number[];
  readonly layout: FormLayout;
  /** Title and print header. */
  readonly title: string;
  /** The scores as written (blank = null), one row per person; a KPI lookup's value where there is one. */
  readonly scoreRows: readonly (readonly (number | null)[])[];
  /** The indicator cells to write: the score, or the KPI lookup formula (issue 12 point 8). */
  readonly scoreCells: readonly (readonly PlanCell[])[];
  /** The engine's weighted score, grade and ranks (department, overall) per person; the grade distribution. */
  readonly scores: readonly (number | null)[];
  readonly grades: readonly (string | null)[];
  readonly ranks: readonly (number | null)[];
  readonly overallRanks: readonly (number | null)[];
  readonly distribution: GradeDistribution;
}

/** Columns `from`–`to` of every person's row. */
export function peopleRange(sheet: AppraisalSheet, from: number, to = from): string {
  return rangeA1(FIRST_ROW, from, sheet.layout.lastRow, to);
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
