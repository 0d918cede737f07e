import { text, type Text } from "./i18n/text";

/**
 * What went wrong, as data a caller can show (the zod lesson): which input, where, and why,
 * in both languages. `kind` maps one-to-one onto the Excel error a custom function returns:
 *   value → #VALUE! (wrong type or shape), num → #NUM! (number out of range),
 *   na → #N/A (nothing to compute).
 */
export type ProblemKind = "value" | "num" | "na";

/**
 * Why, as a stable code and its parameters, for callers that must decide something from a
 * problem: they test `reason.code`, never the message text or the problem's position in a list.
 * `OrderProblem` (core/workorders/parseOrders.ts) is the full model: field, value and effect.
 */
export interface ProblemReason {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number | boolean | null>>;
}

export interface Problem {
  readonly kind: ProblemKind;
  readonly message: Text;
  /** Row number as the user sees it in the source (header = row 1), when the input is a table. */
  readonly row?: number;
  /** Column header as the user sees it, when the input is a table. */
  readonly column?: string;
  /** Set where a caller branches on the problem (see ProblemReason). */
  readonly reason?: ProblemReason;
}

/** Where a problem is and why: the optional parts of a Problem. */
export interface ProblemDetail {
  readonly row?: number;
  readonly column?: string;
  readonly reason?: ProblemReason;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(kind: ProblemKind, message: Text, detail?: ProblemDetail): Result<T> {
  return { ok: false, problem: { kind, message, ...detail } };
}

export function problem(kind: ProblemKind, message: Text, detail?: ProblemDetail): Problem {
  return { kind, message, ...detail };
}

/**
 * Where a problem is, as the user sees it: "第 17 行“报修时间”列" / "row 17, column “报修时间”"
 * (a row alone, a column alone, or null when the problem has neither). `capitalized` starts
 * the English with a capital, for a location that opens a sentence or a title.
 */
export function problemLocation(p: Problem, options: { capitalized?: boolean } = {}): Text | null {
  const zh = `${p.row !== undefined ? `第 ${p.row} 行` : ""}${p.column !== undefined ? `“${p.column}”列` : ""}`;
  const en = [p.row !== undefined ? `row ${p.row}` : "", p.column !== undefined ? `column “${p.column}”` : ""]
    .filter((s) => s !== "")
    .join(", ");
  if (zh === "") return null;
  return text(zh, options.capitalized ? en.charAt(0).toUpperCase() + en.slice(1) : en);
}

/**
 * A problem as one line, where before what: "第 17 行“报修时间”列：不是日期" /
 * "row 17, column “报修时间”: not a date"; just the message when the problem has no location.
 * The one formatter every host uses (panes, the command line, the notes a sheet carries).
 *
 * @example
 * describeProblem(problem("value", text("名称不存在", "the name is missing"), { column: "SVC_Grades5" }))
 *   // → { zh: "“SVC_Grades5”列：名称不存在", en: "column “SVC_Grades5”: the name is missing" }
 */
export function describeProblem(p: Problem, options: { capitalized?: boolean } = {}): Text {
  const where = problemLocation(p, options);
  return where ? text(`${where.zh}：${p.message.zh}`, `${where.en}: ${p.message.en}`) : p.message;
}

/**
 * The one error that carries a Problem. Everything of ours that throws for a person to read
 * throws a ProblemError or a subclass (a writer's PlanWriteError, the CLI's CliError, a host's
 * HostProblemError, …), so a catcher needs only `instanceof ProblemError` and `.problem`.
 * Core functions themselves return Results; core throws a ProblemError only inside a parser,
 * caught at its boundary.
 */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    options?: { cause?: unknown },
  ) {
    super(problem.message.en, options);
    this.name = "ProblemError";
  }
}
