/**
 * Does a spreadsheet's computed value match what the engine expects? One rule for every engine
 * that recalculates our sheets: LibreOffice in the e2e tests (test/support/libreoffice.ts) and
 * Excel itself in the add-in's self-check (./selfCheck.ts), so both judge a cell the same way.
 */
import type { Expected, Scalar } from "../plan";

/** A value as an engine computed it: a scalar, or an error ("#N/A", LibreOffice's "Err:502", …). */
export type Computed = Scalar | { readonly error: string };

export function isComputedError(c: Computed | Expected | undefined): c is { readonly error: string } {
  return typeof c === "object" && c !== null;
}

/** Relative tolerance for numbers (and absolute near zero): floating point, never rounding. */
export const NUMBER_TOLERANCE = 1e-9;

/**
 * Numbers: relative 1e-9, or absolute 1e-9 near zero. `""` and null both mean an empty result.
 * Errors match only the same error; text and booleans only themselves.
 *
 * @example matchesExpected(4.25, 4.250000000001) // true
 * @example matchesExpected({ error: "#N/A" }, "#N/A") // false: text is not an error
 */
export function matchesExpected(expected: Expected, actual: Computed): boolean {
  if (isComputedError(expected)) return isComputedError(actual) && actual.error === expected.error;
  if (isComputedError(actual)) return false;
  if (expected === "" || expected === null) return actual === "" || actual === null;
  if (typeof expected === "number") {
    if (typeof actual !== "number") return false;
    const diff = Math.abs(expected - actual);
    return diff <= NUMBER_TOLERANCE || diff <= NUMBER_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
  }
  return expected === actual;
}

/** A value for a report line: text quoted, errors and booleans as Excel shows them, empty as "(empty)". */
export function showComputed(v: Computed | Expected | undefined): string {
  if (v === undefined) return "(none)";
  if (isComputedError(v)) return v.error;
  if (v === null || v === "") return "(empty)";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return JSON.stringify(v);
}
