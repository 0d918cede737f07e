/** Options of {@link rankWithTies}. */
export interface RankOptions {
  /** "desc" (default): the highest value ranks 1, like RANK(x, ref, 0). "asc": the lowest ranks 1. */
  readonly order?: "desc" | "asc";
  /** Group key per value (department, position); ranks are computed within each group. */
  readonly groups?: readonly (string | number | null | undefined)[];
}

/**
 * RULES.md#ranking-and-distribution: competition ranking ("1, 2, 2, 4"), the way Excel's RANK does it, within groups.
 * Values that are not finite numbers (blank, NaN) get no rank (`null`) and do not occupy a
 * place. Ties are exact equality, as in RANK, so the generated RANK formulas agree with the
 * engine cell for cell. Runs in O(n log n).
 *
 * @example
 * rankWithTies([90, 85, 85, 70])                  // → [1, 2, 2, 4]
 * rankWithTies([90, 85, 70], { order: "asc" })    // → [3, 2, 1]
 * rankWithTies([90, 80, 85, 95], { groups: ["A", "A", "B", "B"] }) // → [1, 2, 2, 1]
 */
export function rankWithTies(
  values: readonly (number | null | undefined)[],
  options: RankOptions = {},
): (number | null)[] {
  const desc = (options.order ?? "desc") === "desc";
  const groups = options.groups;
  const ranks: (number | null)[] = new Array<number | null>(values.length).fill(null);
  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    const g = groups ? groupKey(groups[i]) : "";
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push(i);
  }
  for (const list of byGroup.values()) {
    list.sort((a, b) =>
      desc ? (values[b] as number) - (values[a] as number) : (values[a] as number) - (values[b] as number),
    );
    for (let k = 0; k < list.length; k++) {
      const idx = list[k];
      if (k > 0 && values[list[k - 1]] === values[idx]) ranks[idx] = ranks[list[k - 1]];
      else ranks[idx] = k + 1;
    }
  }
  return ranks;
}

function groupKey(g: string | number | null | undefined): string {
  if (g === null || g === undefined) return "\u0000blank";
  return typeof g === "number" ? `n:${g}` : `s:${g.trim()}`;
}
