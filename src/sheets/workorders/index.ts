/** Work-order register, data problems and monthly KPI sheets (SPEC 2). */
export {
  registerPlan,
  REGISTER_MARKER_VERSION,
  REGISTER_TABLE_NAME,
  REGISTER_SHEET_NAME,
  type RegisterOptions,
  type RegisterMeta,
  type SourceInfo,
} from "./registerPlan";
export {
  problemsPlan,
  PROBLEMS_MARKER_VERSION,
  PROBLEMS_SHEET_NAME,
  PROBLEMS_TABLE_NAME,
  type ProblemsOptions,
  type ProblemsMeta,
} from "./problemsPlan";
export {
  kpiPlan,
  escapeCriterion,
  KPI_MARKER_VERSION,
  KPI_SHEET_NAME,
  type KpiSheetOptions,
  type KpiMeta,
} from "./kpiPlan";
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
