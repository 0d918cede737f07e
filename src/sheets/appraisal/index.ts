export { appraisalPlan, formTargets, type AppraisalOptions } from "./appraisalPlan";
export {
  appraisalMarkerOf,
  APPRAISAL_MARKER_VERSION,
  type AppraisalMarker,
  type AppraisalMeta,
  type Scale,
} from "./marker";
export { formRanks, rankScore, departmentList } from "./rank";
export {
  kpiTables,
  kpiTableFor,
  kpiValues,
  kpiFormCell,
  noKpiTable,
  FORM_KPI_SOURCE,
  type KpiTable,
  type KpiValues,
} from "./kpiSource";
