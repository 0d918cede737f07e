/**
 * Rows made when they are read. A generator that lays out 100,000 work orders can hand the plan
 * `lazyRows(count, row)` instead of 100,000 arrays: the plan keeps only the function (and what it
 * closes over, e.g. the parsed orders), and each row is built when a writer reads it and dropped
 * after. The result *is* a read-only array to every reader (a Proxy answering `length`, indices
 * and the array methods), so the plan's contract (`CellBlock.rows`, `FormulaFill.expect`) does not
 * change and every existing reader works as it did — reading a lazy array whole (`map`,
 * `forEach`) builds its rows one after another.
 *
 * Writers that stream (the .xlsx writer) read rows by index; a writer that sends rows in batches
 * (Office.js) takes them a chunk at a time with `rowChunks`, so a 100,000-row block never exists
 * whole in memory. Rows must be pure functions of their index: they may be built more than once.
 */

interface LazySource<T> {
  readonly count: number;
  readonly row: (index: number) => T;
  /** Widest row, when the generator knows it (saves a pass over every row). */
  readonly width?: number;
}

const sources = new WeakMap<object, LazySource<unknown>>();

/** A read-only array of `count` rows whose row `i` is `row(i)`, built on each read. */
export function lazyRows<T>(count: number, row: (index: number) => T, width?: number): readonly T[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`lazyRows: bad count ${count}`);
  const source: LazySource<T> = { count, row, ...(width === undefined ? {} : { width }) };
  const proxy = new Proxy([] as T[], {
    get(target, key, receiver) {
      if (typeof key === "string") {
        if (key === "length") return count;
        const index = Number(key);
        if (Number.isInteger(index) && String(index) === key)
          return index >= 0 && index < count ? row(index) : undefined;
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === "string") {
        const index = Number(key);
        if (Number.isInteger(index) && String(index) === key) return index >= 0 && index < count;
      }
      return Reflect.has(target, key);
    },
    set() {
      return false; // read-only, like the plan
    },
    ownKeys(target) {
      return [
        ...Array.from({ length: count }, (_, i) => String(i)),
        ...Reflect.ownKeys(target).filter((k) => k !== "length"),
        "length",
      ];
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === "string") {
        if (key === "length") return { value: count, writable: true, enumerable: false, configurable: false };
        const index = Number(key);
        if (Number.isInteger(index) && String(index) === key && index >= 0 && index < count)
          return { value: row(index), writable: false, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
  sources.set(proxy, source as LazySource<unknown>);
  return proxy;
}

/** True when `rows` came from `lazyRows` (its rows are built on each read). */
export function isLazyRows(rows: readonly unknown[]): boolean {
  return sources.has(rows);
}

/** The widest row of a block's rows: known for a lazy array that was told, else measured. */
export function rowsWidth(rows: readonly (readonly unknown[])[]): number {
  const w = sources.get(rows)?.width;
  if (w !== undefined) return w;
  let width = 0;
  for (let i = 0; i < rows.length; i++) width = Math.max(width, rows[i]!.length);
  return width;
}

/**
 * The rows in chunks of at most `size`, each chunk a plain array (for a writer that sends rows in
 * batches): `for (const { start, rows } of rowChunks(block.rows, 5000)) …`. Only one chunk exists
 * at a time when `rows` is lazy.
 */
export function* rowChunks<T>(rows: readonly T[], size: number): Generator<{ start: number; rows: T[] }> {
  if (!(size >= 1)) throw new RangeError(`rowChunks: bad size ${size}`);
  for (let start = 0; start < rows.length; start += size) {
    const end = Math.min(rows.length, start + size);
    const chunk: T[] = [];
    for (let i = start; i < end; i++) chunk.push(rows[i]!);
    yield { start, rows: chunk };
  }
}
