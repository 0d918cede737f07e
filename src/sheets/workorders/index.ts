/** Work-order register, data problems and monthly KPI sheets (RULES.md#work-orders-and-monthly-kpis). */
export {
  registerPlan,
  REGISTER_TABLE_NAME,
  REGISTER_SHEET_NAME,
  type RegisterOptions,
  type SourceInfo,
} from "./register/registerPlan";
export { type RegisterCallLog } from "./register/writtenContact";
export { problemsPlan, PROBLEMS_SHEET_NAME, PROBLEMS_TABLE_NAME, type ProblemsOptions } from "./problems/problemsPlan";
export { kpiPlan, escapeCriterion, KPI_SHEET_NAME, type KpiSheetOptions } from "./kpi/kpiPlan";
export {
  registerMarkerOf,
  problemsMarkerOf,
  kpiMarkerOf,
  REGISTER_MARKER_VERSION,
  PROBLEMS_MARKER_VERSION,
  KPI_MARKER_VERSION,
  type RegisterMarker,
  type RegisterMeta,
  type ProblemsMarker,
  type ProblemsMeta,
  type KpiMarker,
  type KpiMeta,
} from "./marker";
export { kpiWorkbookPlan, type KpiWorkbookOptions, type KpiWorkbook } from "./workbook";
export { sourceTable, proposeFor, readOrders, type SourceTable } from "./importRange";
export {
  vocabulary,
  literal,
  REGISTER_COLUMNS,
  CALCULATED_LABELS,
  YES_NO,
  CATEGORY_WORDS,
  STATE_WORDS,
  type Vocabulary,
  type RegisterColumn,
  type CalculatedColumn,
} from "./vocabulary";
export { partsExport, PARTS_EXPORT_COLUMNS, type PartsExport, type PartsCell } from "./partsExport";
