/**
 * Where everything is on the monthly KPI sheet: the parameter cells of row 3, the header,
 * targets and weights rows, and the columns of the KPI table (24), of the helper counts right
 * of it, and of the table against the previous month (under it, in the same columns).
 */
import { FORMATS } from "../../common/styles";

export type MainKey =
  | "name"
  | "orders"
  | "completed"
  | "completionRate"
  | "avgResponseHours"
  | "medianResponseHours"
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
  | "sOnTime"
  | "sCsat"
  | "sFtf"
  | "sComplaint"
  | "compositeScore"
  | "grade";
/** Counts the KPI formulas divide by, right of the table (for checking, not printed). */
export type HelperKey =
  | "crit"
  | "nFtf"
  | "nReturn"
  | "nQuality"
  | "nSatisfaction"
  | "nSatisfied"
  | "nServiceComplaints"
  | "nComplaints"
  | "nHandled"
  | "nResponses";
export type PreviousKey =
  | "name"
  | "pOrders"
  | "pCompleted"
  | "pMet"
  | "pMissed"
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
export type PreviousHelperKey = "crit" | "nFtf" | "nSatisfaction" | "nSatisfied" | "nServiceComplaints";

const CHANGE = "+0.0%;-0.0%;0.0%";

/** The KPI table's columns in sheet order: number format and width (characters, Chinese headers). */
export const MAIN_COLUMNS: readonly { readonly key: MainKey; readonly format?: string; readonly width: number }[] = [
  { key: "name", width: 12 },
  { key: "orders", format: FORMATS.integer, width: 7 },
  { key: "completed", format: FORMATS.integer, width: 7 },
  { key: "completionRate", format: FORMATS.percent1, width: 8 },
  { key: "avgResponseHours", format: FORMATS.hours1, width: 9 },
  { key: "medianResponseHours", format: FORMATS.hours1, width: 9 },
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
  { key: "sOnTime", format: FORMATS.score2, width: 7 },
  { key: "sCsat", format: FORMATS.score2, width: 7 },
  { key: "sFtf", format: FORMATS.score2, width: 7 },
  { key: "sComplaint", format: FORMATS.score2, width: 7 },
  { key: "compositeScore", format: FORMATS.score2, width: 8 },
  { key: "grade", width: 6 },
];
export const HELPER_KEYS: readonly HelperKey[] = [
  "crit",
  "nFtf",
  "nReturn",
  "nQuality",
  "nSatisfaction",
  "nSatisfied",
  "nServiceComplaints",
  "nComplaints",
  "nHandled",
  "nResponses",
];
/** The previous month's columns in sheet order, with their number formats. */
export const PREVIOUS_COLUMNS: readonly { readonly key: PreviousKey; readonly format?: string }[] = [
  { key: "name" },
  { key: "pOrders", format: FORMATS.integer },
  { key: "pCompleted", format: FORMATS.integer },
  { key: "pMet", format: FORMATS.integer },
  { key: "pMissed", format: FORMATS.integer },
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
  "nSatisfaction",
  "nSatisfied",
  "nServiceComplaints",
];

export const HEADER_ROW = 5;
export const TARGET_ROW = 6;
export const WEIGHT_ROW = 7;
/** The first technician's row. */
export const FIRST_ROW = 8;
/** The KPI table's last column (等级). */
export const LAST_MAIN_COLUMN = MAIN_COLUMNS.length;
export const FIRST_HELPER_COLUMN = MAIN_COLUMNS.length + 2;
export const MARKER_COLUMN = FIRST_HELPER_COLUMN + HELPER_KEYS.length + 1;

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
