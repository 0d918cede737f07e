export {
  weightedScore,
  applyWeights,
  checkWeights,
  defaultScoreScale,
  type ScoreScale,
  type WeightedScore,
} from "./weightedScore";
export { kpiScore, type KpiScoreOptions } from "./kpiScore";
export { kpiStepScore, type KpiStep } from "./kpiStepScore";
export { raterScore, combineRaters, RATER_ROLES, type RaterRole, type RaterScores } from "./raterScore";
export { rankWithTies, type RankOptions } from "./rank";
export { gradeDistribution, type GradeCount, type GradeDistribution, type ShareTarget } from "./distribution";
export { parseShareTargets, formatShareTargets } from "./shareTargets";
export { parseComparison, meetsTarget, COMPARISONS, COMPARISON_SYMBOL, type Comparison } from "./comparison";
