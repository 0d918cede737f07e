import type { Text } from "./i18n/text";

/**
 * What went wrong, as data a caller can show (the zod lesson): which input, where, and why,
 * in both languages. `kind` maps one-to-one onto the Excel error a custom function returns:
 *   value → #VALUE! (wrong type or shape), num → #NUM! (number out of range),
 *   na → #N/A (nothing to compute).
 */
export type ProblemKind = "value" | "num" | "na";

export interface Problem {
  readonly kind: ProblemKind;
  readonly message: Text;
  /** Row number as the user sees it in the source (header = row 1), when the input is a table. */
  readonly row?: number;
  /** Column header as the user sees it, when the input is a table. */
  readonly column?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  kind: ProblemKind,
  message: Text,
  where?: { row?: number; column?: string },
): Result<T> {
  return { ok: false, problem: { kind, message, ...where } };
}

export function problem(kind: ProblemKind, message: Text, where?: { row?: number; column?: string }): Problem {
  return { kind, message, ...where };
}

/** Thrown only inside core parsers and caught at their boundary; never escapes to a host. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.en);
    this.name = "ProblemError";
  }
}
