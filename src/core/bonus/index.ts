export { roundMoney, reconcileRounding, type Reconciliation } from "./money";
export {
  annualPerformance,
  quarterBonus,
  yearEndBonus,
  forfeitReasons,
  countFailedQuarters,
  validateCoefficients,
  parseCoefficientTable,
  coefficientFor,
  QUARTERS_PER_YEAR,
  type BonusAmount,
  type CoefficientTable,
  type QuarterBonusOptions,
  type YearRecord,
  type ForfeitRule,
  type ForfeitReason,
  type YearEndBonus,
  type FailedQuarterOptions,
} from "./rules";
export * from "./quarterly";
