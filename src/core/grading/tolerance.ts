/**
 * RULES.md#grade-bands: comparisons with a bound tolerate floating-point noise of 1e-9, so a perfect
 * record whose weighted score comes out as 4.9999999999 is still an A. This is a property
 * of binary arithmetic, not a department setting, hence a constant.
 */
export const BOUND_TOLERANCE = 1e-9;

/**
 * `value ≥ bound`, forgiving floating-point noise.
 *
 * @example
 * atLeast(4.9999999999, 5) // → true
 * atLeast(4.95, 5) // → false
 */
export function atLeast(value: number, bound: number): boolean {
  return value >= bound - BOUND_TOLERANCE;
}

/**
 * `value ≤ bound`, forgiving floating-point noise.
 *
 * @example
 * atMost(100.0000000001, 100) // → true
 */
export function atMost(value: number, bound: number): boolean {
  return value <= bound + BOUND_TOLERANCE;
}
