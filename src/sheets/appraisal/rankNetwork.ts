/**
 * Sorting by formulas in O(N log² N), so a rank needs no formula that looks at every person
 * (issue 10: `SUMPRODUCT(…>score)` or COUNTIF per person is O(N²) — 16,000 people took LibreOffice
 * 85 s with SUMPRODUCT and 18 s with COUNTIF, against 2 s without a rank).
 *
 * The keys (whole numbers below 2^53, all distinct) are sorted ascending in hidden helper columns
 * by a merge sort written as formulas, every one native to Excel 2010, WPS and LibreOffice:
 * - base: blocks of 64 sorted with SMALL over the block (64 cells per formula);
 * - each merge layer doubles the run length with three columns (one fill each per block): Q, where the slot's key lands in
 *   the merged run (its index plus the number of keys of the other run below it: one MATCH
 *   binary search, `MATCH(key, run, 1)`, exact because the keys are distinct whole numbers); C,
 *   how many keys of the left run land at or before this slot (a MATCH on the left run's Q, which
 *   ascends); V, the key at this slot (from the left run when its Q is the slot, else from the right).
 * Merging stops when at most two runs are left: a count of keys ≤ t is one binary search per
 * run (`countFormula`). Every formula of a merge block reads fixed ranges of its own block, so a
 * block is one fill; the base is one fill for all rows.
 *
 * The engine twin (`sortedRuns`) computes every helper cell the same way, for `expect`.
 */
import { columnLetter, rangeA1 } from "../common/address";
import type { Expected, FormulaFill } from "../plan";

/** Keys sorted within blocks of this many by SMALL (64 × log 64 comparisons a cell: cheap) before merging starts. */
export const BASE_BLOCK = 64;

/** What the network left for the rank formulas: the final sorted runs (absolute ranges) and the columns used. */
export interface SortedRuns {
  readonly runs: readonly string[];
  /** The first column after the network. */
  readonly nextColumn: number;
}

/** Rows of the people (first, count) and the key column; the network starts at `firstColumn`. */
export interface NetworkPlace {
  readonly firstRow: number;
  readonly count: number;
  readonly keyColumn: number;
  readonly firstColumn: number;
}

/** Whole-number division of the rows into runs of `size`: [start, end] 0-based, inclusive. */
function runsOf(n: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < n; s += size) out.push([s, Math.min(s + size, n) - 1]);
  return out;
}

/** How many keys of the ascending `run` are ≤ x (binary search, as MATCH(x, run, 1) counts). */
function countAtMost(run: readonly number[], from: number, to: number, x: number): number {
  let lo = from;
  let hi = to + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (run[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - from;
}

/** One merge layer's helper values, as the sheet computes them. */
interface Layer {
  readonly q: number[];
  readonly c: number[];
  readonly v: number[];
}

/**
 * The engine's twin of the network: the base column and each layer's Q, C and V, for keys in
 * person order. Keys must be distinct.
 */
export function simulateNetwork(keys: readonly number[]): { base: number[]; layers: Layer[]; runSize: number } {
  const n = keys.length;
  const base = new Array<number>(n);
  for (const [s, e] of runsOf(n, BASE_BLOCK)) {
    const sorted = keys.slice(s, e + 1).sort((a, b) => a - b);
    for (let k = s; k <= e; k++) base[k] = sorted[k - s];
  }
  const layers: Layer[] = [];
  let v = base;
  let size = BASE_BLOCK;
  while (Math.ceil(n / size) > 2) {
    const h = size;
    const b = 2 * size;
    const q = new Array<number>(n);
    const c = new Array<number>(n);
    const next = new Array<number>(n);
    for (const [s, e] of runsOf(n, b)) {
      const leftEnd = Math.min(s + h, n) - 1;
      for (let k = s; k <= e; k++) {
        const p = k - s;
        if (p < h) q[k] = p + (s + h > e ? 0 : countAtMost(v, s + h, e, v[k]));
        else q[k] = p - h + countAtMost(v, s, leftEnd, v[k]);
      }
      for (let k = s; k <= e; k++) {
        const p = k - s;
        c[k] = countAtMost(q, s, leftEnd, p);
        next[k] = c[k] > 0 && q[s + c[k] - 1] === p ? v[s + c[k] - 1] : v[s + h + p - c[k]];
      }
    }
    layers.push({ q, c, v: next });
    v = next;
    size = b;
  }
  return { base, layers, runSize: size };
}

/** The keys sorted into at most two ascending runs, as the network leaves them. */
export function sortedRuns(keys: readonly number[]): { values: readonly number[]; runs: [number, number][] } {
  const { base, layers, runSize } = simulateNetwork(keys);
  const values = layers.length > 0 ? layers[layers.length - 1].v : base;
  return { values, runs: runsOf(keys.length, runSize) };
}

/** How many of the keys are ≤ t, counted as `countFormula` does (one binary search per run). */
export function countKeysAtMost(sorted: { values: readonly number[]; runs: [number, number][] }, t: number): number {
  return sorted.runs.reduce((sum, [s, e]) => sum + countAtMost(sorted.values, s, e, t), 0);
}

/**
 * The network's fills, from `place.firstColumn` on (each helper column filled for every person),
 * with the engine's values as `expect`.
 */
export function networkFills(place: NetworkPlace, keys: readonly number[]): { fills: FormulaFill[] } & SortedRuns {
  const { firstRow: F, count: n, keyColumn } = place;
  const L = F + n - 1;
  const sim = simulateNetwork(keys);
  const fills: FormulaFill[] = [];
  const col = (c: number): string => columnLetter(c);
  const whole = (c: number): string => rangeA1(F, c, L, c, true);
  const column = (values: readonly number[], from: number, to: number): Expected[][] =>
    values.slice(from, to + 1).map((x) => [x]);

  // Base: SMALL over the person's block (generic: one fill for every row).
  let column_ = place.firstColumn;
  const k = `(ROW()-${F})`;
  const start = `${k}-MOD(${k},${BASE_BLOCK})`;
  const keys_ = whole(keyColumn);
  fills.push({
    range: rangeA1(F, column_, L, column_),
    formula: `=SMALL(INDEX(${keys_},${start}+1):INDEX(${keys_},MIN(${start}+${BASE_BLOCK},${n})),MOD(${k},${BASE_BLOCK})+1)`,
    expect: column(sim.base, 0, n - 1),
  });
  let vColumn = column_;
  let size = BASE_BLOCK;
  for (const layer of sim.layers) {
    const [q, c, v] = [column_ + 1, column_ + 2, column_ + 3];
    const h = size;
    const b = 2 * size;
    for (const [s, e] of runsOf(n, b)) {
      const leftEnd = Math.min(s + h, n) - 1;
      const rightEmpty = s + h > e;
      const row = (i: number): number => F + i;
      const range = (c_: number, from: number, to: number): string => rangeA1(row(from), c_, row(to), c_, true);
      const prev = (i: number): string => `${col(vColumn)}${row(i)}`;
      // Q: where each key lands in the merged block (its index in its run + the other run's keys below it).
      const p = `(ROW()-${row(s)})`;
      fills.push({
        range: rangeA1(row(s), q, row(e), q),
        formula: rightEmpty
          ? `=ROW()-${row(s)}`
          : `=${p}+IF(${p}<${h},IFERROR(MATCH(${prev(s)},${range(vColumn, s + h, e)},1),0),` +
            `IFERROR(MATCH(${prev(s)},${range(vColumn, s, s + h - 1)},1),0)-${h})`,
        expect: column(layer.q, s, e),
      });
      // C: how many left-run keys land at or before this slot; V: the key at this slot.
      const leftQ = range(q, s, leftEnd);
      fills.push({
        range: rangeA1(row(s), c, row(e), c),
        formula: `=IFERROR(MATCH(ROW()-${row(s)},${leftQ},1),0)`,
        expect: column(layer.c, s, e),
      });
      const cc = `${col(c)}${row(s)}`;
      fills.push({
        range: rangeA1(row(s), v, row(e), v),
        formula: rightEmpty
          ? `=${prev(s)}`
          : `=IF(IF(${cc}=0,FALSE,INDEX(${leftQ},${cc})=ROW()-${row(s)}),INDEX(${range(vColumn, s, leftEnd)},${cc}),` +
            `INDEX(${range(vColumn, s + h, e)},ROW()-${row(s)}-${cc}+1))`,
        expect: column(layer.v, s, e),
      });
    }
    vColumn = v;
    column_ = v;
    size = b;
  }
  return {
    fills,
    runs: runsOf(n, size).map(([s, e]) => rangeA1(F + s, vColumn, F + e, vColumn, true)),
    nextColumn: column_ + 1,
  };
}

/** Formula text: how many keys are ≤ `t` (an expression), one MATCH binary search per sorted run. */
export function countFormula(runs: readonly string[], t: string): string {
  return runs.map((r) => `IFERROR(MATCH(${t},${r},1),0)`).join("+");
}
