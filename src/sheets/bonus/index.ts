export {
  bonusPlan,
  bonusLayout,
  variableRef,
  quarterCellFormula,
  yearEndCellFormula,
  displayFormula,
  forfeitText,
  type BonusPlan,
  type BonusPlanOptions,
  type BonusLayout,
} from "./bonusPlan";
export { bonusMarkerOf, BONUS_MARKER_VERSION, type BonusMarker, type BonusMeta } from "./marker";
export { appraisalForms, formGrades, type AppraisalForm } from "./forms";
