export { appraisalPlan, appraisalPlans, formTargets, type AppraisalOptions } from "./appraisalPlan";
export { raterSheetName, RATER_SHEET } from "./raterSheet";
export {
  appraisalMarkerOf,
  ratersMarkerOf,
  RATERS_MARKER_VERSION,
  type RatersMarker,
  type RatersMeta,
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
  readKpiSource,
  FORM_KPI_SOURCE,
  type KpiSource,
  type KpiTable,
  type KpiValues,
} from "./kpiSource";
