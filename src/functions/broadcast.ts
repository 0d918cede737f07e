import type { Locale, Text } from "../core/i18n/text";
import type { Result } from "../core/problem";
import { broadcastShape, type Matrix } from "./grid";
import { inputError, problemError, type Cell, type Grid } from "./runtime";

/**
 * Runs `f` once per result cell over broadcast arguments (see grid.broadcastShape): an input
 * cell holding an Excel error makes that result cell an error; `f`'s problems become that
 * cell's Excel error; nothing escapes as an exception. A shape mismatch is one #VALUE!.
 * `cells` is reused between calls (allocation-light): read it, don't keep it.
 */
export function broadcastMap<T>(
  args: readonly { readonly name: Text; readonly m: Matrix }[],
  locale: Locale,
  f: (cells: readonly unknown[]) => Result<T>,
): Grid<T> {
  const shape = broadcastShape(args);
  if (!shape.ok) return [[problemError(shape.problem, locale)]];
  const { rows, cols } = shape.value;
  const n = args.length;
  const cells = new Array<unknown>(n);
  const out: Grid<T> = new Array<Cell<T>[]>(rows);
  for (let r = 0; r < rows; r++) {
    const row: Cell<T>[] = new Array<Cell<T>>(cols);
    for (let c = 0; c < cols; c++) {
      let err: CustomFunctions.Error | null = null;
      for (let k = 0; k < n; k++) {
        const m = args[k].m;
        const line = m.length === 1 ? m[0] : m[r];
        const v = line.length === 1 ? line[0] : line[c];
        cells[k] = v === undefined ? null : v;
        if (err === null) err = inputError(cells[k], locale);
      }
      if (err !== null) {
        row[c] = err;
        continue;
      }
      let res: Result<T>;
      try {
        res = f(cells);
      } catch (e) {
        // Core functions return problems rather than throw; this is a last line of defence so
        // that one unexpected failure stays in its own cell.
        res = {
          ok: false,
          problem: { kind: "value", message: { zh: `内部错误：${String(e)}`, en: `internal error: ${String(e)}` } },
        };
      }
      row[c] = res.ok ? res.value : problemError(res.problem, locale);
    }
    out[r] = row;
  }
  return out;
}

/** An omitted optional argument as a 1×1 blank, so it broadcasts like any other. */
export const BLANK: Matrix = [[null]];
