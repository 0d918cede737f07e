/**
 * The form's two ranks (RULES.md#ranking-and-distribution, issue 14): within the person's department, and overall beside
 * it; ties share a rank (1, 2, 2, 4). Scores compare at six decimals — equal when they round to
 * the same millionth, far below what the form shows (two decimals), so floating-point noise never
 * splits a tie — because the formulas rank through sorted helper columns of whole-number keys
 * (rankNetwork.ts) rather than comparing each person with every other (O(N²), issue 10).
 */
import { rankWithTies } from "../../core/scoring";
import { roundHalfUp15 } from "../formula/round";

/** Scores are quantised to this many steps per point for ranking. */
export const RANK_STEPS = 1_000_000;
/** 2^17: the person's index below the score in a key (a form has fewer than 100,000 rows). */
export const INDEX_SPAN = 131_072;
/** 2^27: a quantised score (at most 100 × 10^6 + 1) below the department index in a key. */
export const SCORE_SPAN = 134_217_728;
/** Department indexes must keep the keys below 2^53 (exact in a double). */
export const MAX_DEPARTMENTS = 511;

/**
 * The quantised score the sheet ranks by, plus one (0 = no score), as its formula computes it:
 * ROUND(ROUND(score×10^6/10,1)×10,0)+1 (the 15-digit reading of sheets/formula/round.ts).
 */
export function rankScore(score: number | null): number {
  return score === null ? 0 : roundHalfUp15(score * RANK_STEPS) + 1;
}

/**
 * The department a form groups by: case-insensitive, as MATCH compares text (the form's
 * departments were normalised when the people were read: trimmed, full-width forms folded).
 */
export function departmentKey(department: string | undefined): string {
  return department === undefined ? "" : department.toLowerCase();
}

/** The distinct departments in order of first appearance (first spelling kept); blanks are not listed. */
export function departmentList(departments: readonly (string | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const d of departments) {
    const k = departmentKey(d);
    if (k !== "" && !seen.has(k)) seen.set(k, d as string);
  }
  return [...seen.values()];
}

/** Overall and department ranks per person; null where there is no score. */
export function formRanks(
  scores: readonly (number | null)[],
  departments: readonly (string | undefined)[],
): { overall: (number | null)[]; department: (number | null)[] } {
  const quantised = scores.map((s) => (s === null ? null : rankScore(s)));
  return {
    overall: rankWithTies(quantised),
    department: rankWithTies(quantised, { groups: departments.map(departmentKey) }),
  };
}
