/** The appraisal form's marker: the layout facts the bonus sheet reads the form back with. */
import { text } from "../../core/i18n/text";
import type { Result } from "../../core/problem";
import { checkMarker, fieldsOf, isColumnLetters, isRecordOf, isWhole, type MarkerSpec } from "../formula/marker";
import type { FoundPlan, MarkerOf } from "../plan";

/** Format version of AppraisalMeta; bump it when the form's layout changes. */
export const APPRAISAL_MARKER_VERSION = 1;

export type Scale = "five" | "hundred";

/** Layout facts stored in the marker so the bonus pane can read the form back. */
export interface AppraisalMeta {
  readonly template: string;
  readonly scale: Scale;
  readonly period: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly columns: {
    readonly id: string;
    readonly name: string;
    readonly department: string;
    readonly score: string;
    readonly grade: string;
    /** The overall rank. */
    readonly rank: string;
    /** The rank within the department (forms made before issue 14 have none). */
    readonly departmentRank?: string;
  };
}

export type AppraisalMarker = MarkerOf<"appraisal", AppraisalMeta>;

const COLUMNS = ["id", "name", "department", "score", "grade", "rank"] as const;

function isAppraisalMeta(meta: object): meta is AppraisalMeta {
  const m = fieldsOf(meta);
  return (
    typeof m.template === "string" &&
    (m.scale === "five" || m.scale === "hundred") &&
    typeof m.period === "string" &&
    isWhole(m.firstRow) &&
    isWhole(m.lastRow) &&
    m.lastRow >= m.firstRow &&
    // A form is read in one rectangle: more rows than any department has means a damaged marker.
    m.lastRow - m.firstRow < 100_000 &&
    isRecordOf(m.columns, isColumnLetters, COLUMNS) &&
    ((m.columns as Record<string, unknown>).departmentRank === undefined ||
      isColumnLetters((m.columns as Record<string, unknown>).departmentRank))
  );
}

const SPEC: MarkerSpec<"appraisal", AppraisalMeta> = {
  kind: "appraisal",
  version: APPRAISAL_MARKER_VERSION,
  label: text("考核表", "appraisal form"),
  isMeta: isAppraisalMeta,
  unreadable: (sheet) =>
    text(`考核表“${sheet}”的标记无法识别`, `the marker of appraisal form "${sheet}" cannot be read`),
};

/** The appraisal marker of a sheet found in a workbook, checked; or why it cannot be read. */
export function appraisalMarkerOf(found: FoundPlan): Result<AppraisalMarker> {
  return checkMarker(found, SPEC);
}

/** Layout facts of the 360° rater sheet that feeds a form's scores (issue 14). */
export interface RatersMeta {
  readonly period: string;
  /** The form it feeds (the sheet name as generated; the writer keeps references right when it renames). */
  readonly form: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly people: number;
  readonly indicators: number;
  readonly columns: {
    readonly supervisor: string;
    readonly peers: string;
    readonly subordinates: string;
    readonly customers: string;
    readonly combined: string;
  };
}

export type RatersMarker = MarkerOf<"raters", RatersMeta>;

export const RATERS_MARKER_VERSION = 1;

const RATER_COLUMNS = ["supervisor", "peers", "subordinates", "customers", "combined"] as const;

const RATERS_SPEC: MarkerSpec<"raters", RatersMeta> = {
  kind: "raters",
  version: RATERS_MARKER_VERSION,
  label: text("360 度评价表", "360° rater sheet"),
  isMeta: (meta): meta is RatersMeta => {
    const m = fieldsOf(meta);
    return (
      typeof m.period === "string" &&
      typeof m.form === "string" &&
      isWhole(m.firstRow) &&
      isWhole(m.lastRow) &&
      isWhole(m.people) &&
      isWhole(m.indicators) &&
      isRecordOf(m.columns, isColumnLetters, RATER_COLUMNS)
    );
  },
};

/** The rater sheet's marker, checked; or why it cannot be read. */
export function ratersMarkerOf(found: FoundPlan): Result<RatersMarker> {
  return checkMarker(found, RATERS_SPEC);
}
