export {
  bonusPlan,
  bonusLayout,
  variableRef,
  quarterCellFormula,
  yearEndCellFormula,
  displayFormula,
  forfeitText,
  BONUS_MARKER_VERSION,
  type BonusPlan,
  type BonusPlanOptions,
  type BonusMeta,
  type BonusLayout,
} from "./bonusPlan";
export { appraisalForms, formGrades, type AppraisalForm } from "./forms";
