export { bonusPlan, type BonusPlan, type BonusPlanOptions } from "./bonusPlan";
export { bonusLayout, type BonusLayout, type BonusColumns } from "./layout";
export { variableRef, quarterCellFormula, yearEndCellFormula, displayFormula, forfeitText } from "./cellFormulas";
export { bonusMarkerOf, BONUS_MARKER_VERSION, type BonusMarker, type BonusMeta } from "./marker";
export { appraisalForms, formGrades, type AppraisalForm } from "./forms";
export { readForms, peopleFromReading, peopleFromTable, unusableReason, type FormsReading } from "./read";
