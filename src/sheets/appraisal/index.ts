export {
  appraisalPlan,
  APPRAISAL_MARKER_VERSION,
  type AppraisalOptions,
  type AppraisalMeta,
  type Scale,
} from "./appraisalPlan";
export { rankWithTolerance } from "./rank";
