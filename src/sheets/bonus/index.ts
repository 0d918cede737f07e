export { bonusPlan, forfeitText, BONUS_MARKER_VERSION, type BonusPlan, type BonusPlanOptions, type BonusMeta } from "./bonusPlan";
export { appraisalForms, formGrades, type AppraisalForm } from "./forms";
