/**
 * TEST SUPPORT — a bonus formula that the test knows to be valid, parsed; a refusal throws with
 * the formula and the reason, so a test that expects a formula to pass fails naming it.
 */
import { BONUS_FORMULA_LANGUAGE } from "../../bonus/formulaLanguage";
import { parseFormula } from "../parseFormula";
import type { CheckedFormula } from "../expr";

export function checkedBonusFormula(source: string): CheckedFormula {
  const r = parseFormula(source, BONUS_FORMULA_LANGUAGE);
  if (!r.ok) throw new Error(`formula refused: ${source}\n${r.problem.message.en}`);
  return r.value;
}
