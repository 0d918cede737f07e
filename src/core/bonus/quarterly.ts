/**
 * The quarterly and year-end bonus sheet's engine (issue 6), beside the policy rules of
 * ./rules.ts and ./money.ts: reading people, finance's own formulas, pool scaling, the whole
 * quarter's calculation; re-exported by ./index.ts.
 */
export { BONUS_FORMULA_LANGUAGE, BONUS_VARIABLES, type BonusVariableId } from "./formulaLanguage";
export {
  readBonusTable,
  readGrade,
  readCount,
  readAmount,
  quarterOfHeader,
  personKey,
  FIELD_LABELS,
  MAX_BONUS_RATIO,
  QUARTERS,
  UNUSABLE_PEOPLE,
  type BonusPerson,
  type BonusPeopleRead,
  type Quarter,
} from "./people";
export { peopleFromForms, quarterOfPeriod, type FormGrades } from "./fromForms";
export { scaleToPool, type PoolScaling } from "./pool";
export {
  computeBonuses,
  type BonusOptions,
  type BonusResult,
  type DepartmentTotal,
  type PersonBonusResult,
  type YearEndResult,
} from "./compute";
