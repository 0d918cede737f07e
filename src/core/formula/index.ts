/** User formulas (RULES.md#finance-formulas): parse in a locked-down mathjs, refuse precisely, translate to Excel, evaluate. */
export { parseFormula, type FormulaParse } from "./parseFormula";
export { evaluateFormula, type FormulaError, type FormulaOutcome, type FormulaValues } from "./evaluate";
export { toExcelFormula, excelNumber } from "./toExcel";
export type { CheckedFormula, Expr, ExprType } from "./expr";
export type { FormulaRefusal, FormulaSpan } from "./refusal";
export {
  FORMULA_FUNCTIONS,
  FORMULA_LIMITS,
  FUNCTION_NAMES,
  findVariable,
  variableList,
  type FormulaFunctionInfo,
  type FormulaFunctionName,
  type FormulaLanguage,
  type FormulaValueType,
  type FormulaVariable,
} from "./language";
export { DISABLED_FUNCTIONS, ENABLED_FUNCTIONS, mathjsEvaluate, spreadsheetRound } from "./lockedMath";
