import { BOUND_TOLERANCE } from "../../core/grading";

/**
 * The rank the form's formula computes: 1 + how many scores exceed this one by more than 1e-9,
 * so scores equal up to floating-point noise share a rank ("1, 2, 2, 4") in Excel, LibreOffice
 * and here alike, whatever order each engine summed in. Blanks get no rank and take no place.
 *
 * @example
 * rankWithTolerance([4.5, 4.2, 4.2 + 1e-12, null]) // → [1, 2, 2, null]
 */
export function rankWithTolerance(scores: readonly (number | null)[]): (number | null)[] {
  const sorted = scores.filter((s): s is number => s !== null).sort((a, b) => b - a);
  return scores.map((s) => {
    if (s === null) return null;
    // Binary search: the number of sorted (descending) values greater than s + tolerance.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] > s + BOUND_TOLERANCE) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  });
}
