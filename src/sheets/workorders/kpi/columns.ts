/**
 * Where everything is on the monthly KPI sheet: the parameter cells of row 3, the header,
 * targets, comparisons and weights rows, and the columns of the KPI table (29), of the helper
 * counts right of it, and of the table against the previous month (under it, in the same
 * columns, its scores in helper columns of their own).
 */
import { KPI_KEYS, type KpiKey } from "../../../core/settings";
import { KPI_VALUE_OF, type KpiValues } from "../../../core/workorders";
import { columnLetter } from "../../common/address";
import { FORMATS } from "../../common/styles";

export type MainKey =
  | "name"
  | "orders"
  | "completed"
  | "completionRate"
  | "avgResponseHours"
  | "medianResponseHours"
  | "completionOnTimeRate"
  | "slaMet"
  | "slaMissed"
  | "slaPending"
  | "slaUnknown"
  | "onTimeRate"
  | "firstTimeFixRate"
  | "returnVisitRate"
  | "avgQuality"
  | "avgSatisfaction"
  | "csat"
  | "complaintRate"
  | "complaintHandlingRate"
  | "recordAccuracyRate"
  | ScoreKey
  | "compositeScore"
  | "grade";
/** The score column of each KPI (RULES.md#kpi-scores against its target, or mean ÷ 10 × full for a rating without one). */
export type ScoreKey =
  | "sResponseTime"
  | "sCompletionOnTime"
  | "sQuality"
  | "sSatisfaction"
  | "sOnTime"
  | "sCsat"
  | "sFirstTimeFix"
  | "sComplaintRate";
export const SCORE_COLUMN: Readonly<Record<KpiKey, ScoreKey>> = {
  responseTime: "sResponseTime",
  completionOnTime: "sCompletionOnTime",
  quality: "sQuality",
  satisfaction: "sSatisfaction",
  onTime: "sOnTime",
  csat: "sCsat",
  firstTimeFix: "sFirstTimeFix",
  complaintRate: "sComplaintRate",
};
/** The column each KPI's value is in (its target and comparison are above it). */
export const VALUE_COLUMN: Readonly<Record<KpiKey, MainKey & keyof KpiValues>> = KPI_VALUE_OF;
/** Counts the KPI formulas divide by, right of the table (for checking, not printed). */
export type HelperKey =
  | "crit"
  | "nFtf"
  | "nReturn"
  | "nAccurate"
  | "nQuality"
  | "nSatisfaction"
  | "nSatisfied"
  | "nServiceComplaints"
  | "nComplaints"
  | "nHandled"
  | "nResponses"
  | "nCompletionMet"
  | "nCompletionMissed";
export type PreviousKey =
  | "name"
  | "pOrders"
  | "pCompleted"
  | "pMet"
  | "pMissed"
  | "pResponse"
  | "dResponse"
  | "pCompletionOnTime"
  | "dCompletionOnTime"
  | "pQuality"
  | "dQuality"
  | "pSatisfaction"
  | "dSatisfaction"
  | "pOnTime"
  | "dOnTime"
  | "pCsat"
  | "dCsat"
  | "pFtf"
  | "dFtf"
  | "pComplaint"
  | "dComplaint"
  | "pComposite"
  | "dComposite"
  | "pGrade";
/** The helper counts the previous month's rates need (in the helper columns of its rows). */
export type PreviousHelperKey =
  | "crit"
  | "nFtf"
  | "nQuality"
  | "nSatisfaction"
  | "nSatisfied"
  | "nServiceComplaints"
  | "nResponses"
  | "nCompletionMet"
  | "nCompletionMissed";

const CHANGE = "+0.0%;-0.0%;0.0%";

/** The KPI table's columns in sheet order: number format and width (characters, Chinese headers). */
export const MAIN_COLUMNS: readonly { readonly key: MainKey; readonly format?: string; readonly width: number }[] = [
  { key: "name", width: 12 },
  { key: "orders", format: FORMATS.integer, width: 7 },
  { key: "completed", format: FORMATS.integer, width: 7 },
  { key: "completionRate", format: FORMATS.percent1, width: 8 },
  { key: "avgResponseHours", format: FORMATS.hours1, width: 9 },
  { key: "medianResponseHours", format: FORMATS.hours1, width: 9 },
  { key: "completionOnTimeRate", format: FORMATS.percent1, width: 8 },
  { key: "slaMet", format: FORMATS.integer, width: 8 },
  { key: "slaMissed", format: FORMATS.integer, width: 8 },
  { key: "slaPending", format: FORMATS.integer, width: 8 },
  { key: "slaUnknown", format: FORMATS.integer, width: 8 },
  { key: "onTimeRate", format: FORMATS.percent1, width: 8 },
  { key: "firstTimeFixRate", format: FORMATS.percent1, width: 8 },
  { key: "returnVisitRate", format: FORMATS.percent1, width: 8 },
  { key: "avgQuality", format: FORMATS.score2, width: 8 },
  { key: "avgSatisfaction", format: FORMATS.score2, width: 8 },
  { key: "csat", format: FORMATS.percent1, width: 8 },
  { key: "complaintRate", format: FORMATS.percent1, width: 8 },
  { key: "complaintHandlingRate", format: FORMATS.percent1, width: 8 },
  { key: "recordAccuracyRate", format: FORMATS.percent1, width: 8 },
  { key: "sResponseTime", format: FORMATS.score2, width: 7 },
  { key: "sCompletionOnTime", format: FORMATS.score2, width: 7 },
  { key: "sQuality", format: FORMATS.score2, width: 7 },
  { key: "sSatisfaction", format: FORMATS.score2, width: 7 },
  { key: "sOnTime", format: FORMATS.score2, width: 7 },
  { key: "sCsat", format: FORMATS.score2, width: 7 },
  { key: "sFirstTimeFix", format: FORMATS.score2, width: 7 },
  { key: "sComplaintRate", format: FORMATS.score2, width: 7 },
  { key: "compositeScore", format: FORMATS.score2, width: 8 },
  { key: "grade", width: 6 },
];
export const HELPER_KEYS: readonly HelperKey[] = [
  "crit",
  "nFtf",
  "nReturn",
  "nAccurate",
  "nQuality",
  "nSatisfaction",
  "nSatisfied",
  "nServiceComplaints",
  "nComplaints",
  "nHandled",
  "nResponses",
  "nCompletionMet",
  "nCompletionMissed",
];
/** The previous month's columns in sheet order, with their number formats. */
export const PREVIOUS_COLUMNS: readonly { readonly key: PreviousKey; readonly format?: string }[] = [
  { key: "name" },
  { key: "pOrders", format: FORMATS.integer },
  { key: "pCompleted", format: FORMATS.integer },
  { key: "pMet", format: FORMATS.integer },
  { key: "pMissed", format: FORMATS.integer },
  { key: "pResponse", format: FORMATS.hours1 },
  { key: "dResponse", format: "+0.0;-0.0;0.0" },
  { key: "pCompletionOnTime", format: FORMATS.percent1 },
  { key: "dCompletionOnTime", format: CHANGE },
  { key: "pQuality", format: FORMATS.score2 },
  { key: "dQuality", format: "+0.00;-0.00;0.00" },
  { key: "pSatisfaction", format: FORMATS.score2 },
  { key: "dSatisfaction", format: "+0.00;-0.00;0.00" },
  { key: "pOnTime", format: FORMATS.percent1 },
  { key: "dOnTime", format: CHANGE },
  { key: "pCsat", format: FORMATS.percent1 },
  { key: "dCsat", format: CHANGE },
  { key: "pFtf", format: FORMATS.percent1 },
  { key: "dFtf", format: CHANGE },
  { key: "pComplaint", format: FORMATS.percent1 },
  { key: "dComplaint", format: CHANGE },
  { key: "pComposite", format: FORMATS.score2 },
  { key: "dComposite", format: "+0.00;-0.00;0.00" },
  { key: "pGrade" },
];
export const PREVIOUS_HELPER_KEYS: readonly PreviousHelperKey[] = [
  "crit",
  "nFtf",
  "nQuality",
  "nSatisfaction",
  "nSatisfied",
  "nServiceComplaints",
  "nResponses",
  "nCompletionMet",
  "nCompletionMissed",
];

export const HEADER_ROW = 5;
export const TARGET_ROW = 6;
/** The comparison of each target (≥ > ≤ <), from 考核参数. */
export const COMPARE_ROW = 7;
export const WEIGHT_ROW = 8;
/** The first technician's row. */
export const FIRST_ROW = 9;
/** The KPI table's last column (等级). */
export const LAST_MAIN_COLUMN = MAIN_COLUMNS.length;
export const FIRST_HELPER_COLUMN = MAIN_COLUMNS.length + 2;
/** Last month's KPI scores (its composite's parts), right of the helper counts, on the previous month's rows only. */
export const FIRST_PREVIOUS_SCORE_COLUMN = FIRST_HELPER_COLUMN + HELPER_KEYS.length;
export const MARKER_COLUMN = FIRST_PREVIOUS_SCORE_COLUMN + KPI_KEYS.length + 1;

/** Column number of each KPI, helper count, and previous-month value. */
export const MAIN_COLUMN = Object.fromEntries(MAIN_COLUMNS.map((m, i) => [m.key, i + 1])) as Record<MainKey, number>;
export const HELPER_COLUMN = Object.fromEntries(HELPER_KEYS.map((h, i) => [h, FIRST_HELPER_COLUMN + i])) as Record<
  HelperKey,
  number
>;
export const PREVIOUS_COLUMN = Object.fromEntries(PREVIOUS_COLUMNS.map((p, i) => [p.key, i + 1])) as Record<
  PreviousKey,
  number
>;

/** Parameter cells (row 3): month start, next month's start, as of, previous month start, its as of. */
export const PARAMETER_CELL = {
  start: "$B$3",
  end: "$E$3",
  asOf: "$H$3",
  prevStart: "$L$3",
  prevAsOf: "$O$3",
} as const;
/** The helper column of last month's score of each KPI. */
export const PREVIOUS_SCORE_COLUMN = Object.fromEntries(
  KPI_KEYS.map((k, i) => [k, FIRST_PREVIOUS_SCORE_COLUMN + i]),
) as Record<KpiKey, number>;

/** The target and comparison cells above a value column (rows 6 and 7, from 考核参数), row-absolute. */
export function targetCell(key: MainKey): string {
  return `${columnLetter(MAIN_COLUMN[key])}$${TARGET_ROW}`;
}
export function compareCell(key: MainKey): string {
  return `${columnLetter(MAIN_COLUMN[key])}$${COMPARE_ROW}`;
}
