/**
 * Rounding half up in generated formulas, so that Excel, WPS and LibreOffice give the same
 * whole number — and the TypeScript twin the generators compute their expected values with.
 *
 * Why not ROUND(x, 0): spreadsheets read a value at 15 significant digits before ROUND rounds
 * it, so 0.235/0.01 (= 23.499999999999996 in binary) is 23.5 and rounds to 24. LibreOffice 7.4
 * applies that 15-digit reading when ROUND has 1 or more decimals, but skips it with 0 decimals
 * (ROUND(0.235/0.01, 0) is 23 there, 24 in Excel). So no generated formula rounds to 0 decimals
 * directly; it takes one of two shapes, each compared in Excel's rules and LibreOffice:
 * - `ROUND(x/10,1)*10`: the 15-digit reading applies in both, at any magnitude. Money to a
 *   step is `ROUND(x/step/10,1)*10*step` (`roundToStepFormula`),
 *   measured on 1,200 values × 4 steps. core/formula/toExcel.ts writes finance's `round(x)`
 *   the same way (core cannot import this module).
 * - `ROUND(ROUND(x,9),0)` (`roundSmallWholeFormula`): rounding to 9 decimals first gives both
 *   engines the same exact half; only for values well under 10^6 (a 9-decimal rounding of a
 *   larger value needs more than 15 digits), such as the 6S percent bars (0–10).
 */

/** `x` in parentheses when it is a sum or difference, so a following operator binds to all of it. */
function operand(x: string): string {
  return /[-+]/.test(x) ? `(${x})` : x;
}

/** `y` rounded half up to a whole number at any magnitude, for an operand `y` (parenthesised where needed). */
function wholeOf(y: string): string {
  return `ROUND(${y}/10,1)*10`;
}

/** Formula text: `x` rounded half up to a multiple of `step` (a number or a name, e.g. SVC_Bonus_RoundTo). */
export function roundToStepFormula(x: string, step: string): string {
  return `${wholeOf(`${operand(x)}/${step}`)}*${step}`;
}

/** Formula text: `x` (well under 10^6) rounded half up to a whole number: ROUND(ROUND(x,9),0). */
export function roundSmallWholeFormula(x: string): string {
  return `ROUND(ROUND(${x},9),0)`;
}

/**
 * What those formulas compute for x ≥ 0: x read at 15 significant digits, then rounded half up.
 * @example roundHalfUp15(0.235 / 0.01) // 24 (Math.round gives 23)
 */
export function roundHalfUp15(x: number): number {
  return Math.floor(Number(x.toPrecision(15)) + 0.5);
}
