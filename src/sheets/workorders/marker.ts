/** The markers of the work-order sheets: the register, the data problems and the monthly KPI table. */
import { text, type Locale } from "../../core/i18n/text";
import type { Result } from "../../core/problem";
import {
  checkMarker,
  fieldsOf,
  isColumnLetters,
  isFiniteNumber,
  isRecordOf,
  isStringList,
  isWhole,
  type MarkerSpec,
} from "../formula/marker";
import type { FoundPlan, MarkerOf } from "../plan";
import { REGISTER_COLUMNS, type RegisterColumn } from "./vocabulary";

const isString = (v: unknown): v is string => typeof v === "string";

/** 2: 派工时间, 答复方式, 运行里程 and the completion columns (issue 14). 3: the 服务报告 columns and 报告完整 (issue 12). */
export const REGISTER_MARKER_VERSION = 3;

/** Layout facts stored in the marker, so the KPI generator can find and read the register. */
export interface RegisterMeta {
  readonly locale: Locale;
  readonly tableName: string;
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly asOfCell: string;
  /** Column letter of every register column. */
  readonly columns: Readonly<Record<RegisterColumn, string>>;
  /** Header text of every register column (the structured-reference names). */
  readonly headers: Readonly<Record<RegisterColumn, string>>;
}

export type RegisterMarker = MarkerOf<"register", RegisterMeta>;

const REGISTER_SPEC: MarkerSpec<"register", RegisterMeta> = {
  kind: "register",
  version: REGISTER_MARKER_VERSION,
  label: text("工单登记表", "work-order register"),
  isMeta: (meta): meta is RegisterMeta => {
    const m = fieldsOf(meta);
    return (
      (m.locale === "zh-CN" || m.locale === "en-US") &&
      typeof m.tableName === "string" &&
      isWhole(m.headerRow) &&
      isWhole(m.firstRow) &&
      isWhole(m.lastRow) &&
      typeof m.asOfCell === "string" &&
      isRecordOf(m.columns, isColumnLetters, REGISTER_COLUMNS) &&
      isRecordOf(m.headers, isString, REGISTER_COLUMNS)
    );
  },
};

/** The register marker of a sheet found in a workbook, checked; or why it cannot be read. */
export function registerMarkerOf(found: FoundPlan): Result<RegisterMarker> {
  return checkMarker(found, REGISTER_SPEC);
}

export const PROBLEMS_MARKER_VERSION = 1;

export interface ProblemsMeta {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly problems: number;
}

export type ProblemsMarker = MarkerOf<"problems", ProblemsMeta>;

const PROBLEMS_SPEC: MarkerSpec<"problems", ProblemsMeta> = {
  kind: "problems",
  version: PROBLEMS_MARKER_VERSION,
  label: text("数据问题", "data problems"),
  isMeta: (meta): meta is ProblemsMeta => {
    const m = fieldsOf(meta);
    return (
      isWhole(m.headerRow) &&
      isWhole(m.firstRow) &&
      isWhole(m.lastRow) &&
      isWhole(m.rowsRead, 0) &&
      isWhole(m.rowsUsed, 0) &&
      isWhole(m.problems, 0)
    );
  },
};

/** The data-problems marker of a sheet found in a workbook, checked; or why it cannot be read. */
export function problemsMarkerOf(found: FoundPlan): Result<ProblemsMarker> {
  return checkMarker(found, PROBLEMS_SPEC);
}

/** 2: the policy's four KPIs, comparisons row, first technician on row 9 (issue 14). 3: 表单记录准确率 (issue 12). */
export const KPI_MARKER_VERSION = 3;

export interface KpiMeta {
  readonly month: string;
  readonly asOf: number;
  readonly registerTable: string;
  readonly headerRow: number;
  readonly firstRow: number;
  /** The department row (technicians are firstRow … departmentRow − 1). */
  readonly departmentRow: number;
  readonly technicians: readonly string[];
  readonly frozenAt: number | null;
  /** Column letters of the JSON-contract KPIs, and (version 3) of each KPI's score, keyed sOnTime, sCsat …. */
  readonly columns: Readonly<Record<string, string>>;
}

export type KpiMarker = MarkerOf<"kpi", KpiMeta>;

const KPI_SPEC: MarkerSpec<"kpi", KpiMeta> = {
  kind: "kpi",
  version: KPI_MARKER_VERSION,
  label: text("月度 KPI", "monthly KPI"),
  isMeta: (meta): meta is KpiMeta => {
    const m = fieldsOf(meta);
    return (
      typeof m.month === "string" &&
      isFiniteNumber(m.asOf) &&
      typeof m.registerTable === "string" &&
      isWhole(m.headerRow) &&
      isWhole(m.firstRow) &&
      isWhole(m.departmentRow) &&
      m.departmentRow >= m.firstRow &&
      isStringList(m.technicians) &&
      (m.frozenAt === null || isFiniteNumber(m.frozenAt)) &&
      isRecordOf(m.columns, isColumnLetters)
    );
  },
};

/** The monthly KPI marker of a sheet found in a workbook, checked; or why it cannot be read. */
export function kpiMarkerOf(found: FoundPlan): Result<KpiMarker> {
  return checkMarker(found, KPI_SPEC);
}
