/**
 * Assertions on Results that fail the test instead of skipping it: `if (!r.ok) expect(…)` passes
 * vacuously when r is unexpectedly ok (and `if (r.ok) {…}` when it unexpectedly fails). These
 * narrow the Result for TypeScript, so the lines after them read `r.value` / `r.problem`.
 *
 * @example
 * const r = parseScore("abc");
 * expectProblem(r);
 * expect(r.problem.message.en).toContain("abc");
 */
import type { Problem } from "../../src/core/problem";

/** A Result, or any union told apart by `ok` (e.g. a loader's `{ ok: false, reason }`). */
type Outcome = { readonly ok: boolean };

function problemOf(r: Outcome): Problem | undefined {
  return (r as { problem?: Problem }).problem;
}

function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Fails unless `r` is ok. */
export function expectOk<R extends Outcome>(r: R): asserts r is Extract<R, { readonly ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got: ${problemOf(r)?.message.en ?? describeValue(r)}`);
}

/** Fails unless `r` failed (and, with `code`, with that reason code: `problem.reason.code`). */
export function expectProblem<R extends Outcome>(r: R, code?: string): asserts r is Extract<R, { readonly ok: false }> {
  if (r.ok) throw new Error(`expected a problem, got ok: ${describeValue((r as { value?: unknown }).value)}`);
  const problem = problemOf(r);
  if (code !== undefined && problem?.reason?.code !== code)
    throw new Error(`expected the reason code ${code}, got ${problem?.reason?.code ?? "none"}: ${describeValue(r)}`);
}
