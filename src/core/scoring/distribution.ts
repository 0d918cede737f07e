import type { GradeScheme } from "../settings";
import { isBlank } from "../values/blank";
import { normalizeText } from "../values/text";
import { atMost, atLeast } from "../grading/tolerance";

/** A target share for one grade, e.g. A ≤ 20% → `{ atMost: 0.2 }`. */
export interface ShareTarget {
  readonly atMost?: number;
  readonly atLeast?: number;
}

export interface GradeCount {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly count: number;
  /** count ÷ graded; `null` when nobody was graded (no data, never 0% or #DIV/0!). */
  readonly share: number | null;
  readonly target?: ShareTarget;
  /** Whether the share respects the target; `null` without a target or without data. */
  readonly withinTarget: boolean | null;
}

export interface GradeDistribution {
  /** One entry per band of the scheme, in the scheme's order. */
  readonly grades: readonly GradeCount[];
  /** How many values matched a band (the shares' denominator). */
  readonly graded: number;
  /** Blank values: not graded (not counted anywhere else). */
  readonly blank: number;
  /** Values that are not a grade of the scheme — reported, never silently dropped. */
  readonly unrecognised: readonly string[];
}

/**
 * RULES.md#ranking-and-distribution: count and share per grade, compared with an optional target share per grade
 * (e.g. `{ A: { atMost: 0.2 } }`). Grade codes match case- and width-insensitively.
 *
 * @example
 * gradeDistribution(["A", "B", "B", "D", null], FIVE_POINT, { A: { atMost: 0.2 } })
 *   // → grades A 1 (25%, withinTarget false), B 2 (50%), C 0 (0%), D 1 (25%); graded 4, blank 1
 */
export function gradeDistribution(
  grades: readonly unknown[],
  scheme: GradeScheme,
  targets: Readonly<Record<string, ShareTarget>> = {},
): GradeDistribution {
  const index = new Map<string, number>();
  scheme.bands.forEach((b, i) => index.set(key(b.code), i));
  const counts = new Array<number>(scheme.bands.length).fill(0);
  const unrecognised: string[] = [];
  let blank = 0;
  let graded = 0;
  for (const g of grades) {
    if (isBlank(g)) {
      blank++;
      continue;
    }
    const k = typeof g === "string" || typeof g === "number" ? key(String(g)) : null;
    const i = k === null ? undefined : index.get(k);
    if (i === undefined) {
      unrecognised.push(typeof g === "string" ? g : String(g));
      continue;
    }
    counts[i]++;
    graded++;
  }
  const targetIndex = new Map<string, ShareTarget>();
  for (const [code, t] of Object.entries(targets)) targetIndex.set(key(code), t);
  return {
    graded,
    blank,
    unrecognised,
    grades: scheme.bands.map((b, i) => {
      const share = graded === 0 ? null : counts[i] / graded;
      const target = targetIndex.get(key(b.code));
      let withinTarget: boolean | null = null;
      if (target && share !== null) {
        withinTarget =
          (target.atMost === undefined || atMost(share, target.atMost)) &&
          (target.atLeast === undefined || atLeast(share, target.atLeast));
      }
      return { code: b.code, zh: b.zh, en: b.en, count: counts[i], share, ...(target ? { target } : {}), withinTarget };
    }),
  };
}

function key(code: string): string {
  return normalizeText(code).toLowerCase();
}
