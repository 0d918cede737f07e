/**
 * A refused formula, as data: what is wrong (both languages), where (0-based start/end in the
 * text as typed) and the offending fragment. The message names the position as people count it
 * (first character = 1) and quotes the fragment.
 */
import { text, type Text } from "../i18n/text";
import { ProblemError, type Problem } from "../problem";

export interface FormulaSpan {
  /** 0-based index of the first character. */
  readonly start: number;
  /** 0-based index after the last character (start + length). */
  readonly end: number;
}

export interface FormulaRefusal {
  readonly problem: Problem;
  readonly at: FormulaSpan;
  /** The offending part of the formula as typed (shortened when long). */
  readonly fragment: string;
}

/** Thrown inside the formula parser only; caught at its boundary (parseFormula). */
export class FormulaRefusalError extends ProblemError {
  constructor(readonly refusal: FormulaRefusal) {
    super(refusal.problem);
    this.name = "FormulaRefusalError";
  }
}

const MAX_FRAGMENT = 24;

function shorten(s: string): string {
  const chars = [...s];
  return chars.length > MAX_FRAGMENT ? `${chars.slice(0, MAX_FRAGMENT).join("")}…` : s;
}

/** Builds the refusal for `reason` at `span` of `source`. */
export function refusal(source: string, span: FormulaSpan, reason: Text): FormulaRefusal {
  const start = Math.max(0, Math.min(span.start, source.length));
  const end = Math.max(start, Math.min(span.end, source.length));
  const fragment = shorten(source.slice(start, end));
  const pos = start + 1;
  // Invisible characters (line breaks, zero-width and direction marks…) are named by the reason, not quoted.
  const invisible = /^[\u0000-\u001f\u007f-\u00a0\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+$/u.test(fragment);
  const where =
    fragment === ""
      ? text(`公式第 ${pos} 个字符处（末尾）`, `at character ${pos} (the end)`)
      : invisible
        ? text(`公式第 ${pos} 个字符`, `at character ${pos}`)
        : text(`公式第 ${pos} 个字符“${fragment}”`, `at character ${pos} ("${fragment}")`);
  return {
    problem: { kind: "value", message: text(`${where.zh}：${reason.zh}`, `${where.en}: ${reason.en}`) },
    at: { start, end },
    fragment,
  };
}

export function refuse(source: string, span: FormulaSpan, reason: Text): never {
  throw new FormulaRefusalError(refusal(source, span, reason));
}
