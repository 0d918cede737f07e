import type { Text } from "../../core/i18n/text";
import { problem, type Problem } from "../../core/problem";
import { formatText } from "../i18n/format";
import { STRINGS } from "../i18n/strings";

/** A failure a host reports to the pane as a Problem the user can read in either language. */
export class HostProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.en);
    this.name = "HostProblemError";
  }
}

function isText(value: unknown): value is Text {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Text).zh === "string" &&
    typeof (value as Text).en === "string"
  );
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    isText((value as Problem).message) &&
    typeof (value as Problem).kind === "string"
  );
}

function plainMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === "string") return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

/**
 * Whatever was thrown, as a Problem to show. Understands, in order:
 * - errors carrying a `problem` (HostProblemError, core's ProblemError);
 * - errors whose bilingual message is a Text: `message`, `text` or `messageText`
 *   (the Excel writer's PlanWriteError, after it rolled back);
 * - Office.js errors (`OfficeExtension.Error`: a `code` and an English message);
 * - anything else, as "something unexpected went wrong" with its message.
 */
export function problemFromError(err: unknown): Problem {
  if (typeof err === "object" && err !== null) {
    const e = err as Record<string, unknown>;
    if (isProblem(e.problem)) return e.problem;
    const bilingual = problemFromErrorIfBilingual(err);
    if (bilingual) return problem("value", bilingual);
    if (
      typeof e.code === "string" &&
      typeof e.message === "string" &&
      (e.name === "RichApi.Error" || "debugInfo" in e)
    ) {
      return problem("value", formatText(STRINGS.excelError, { message: e.message, code: e.code }));
    }
  }
  return problem("value", formatText(STRINGS.unexpectedError, { message: plainMessage(err) }));
}

/**
 * Why something failed, as a Text to put inside a sentence: the error's own bilingual message
 * when it has one (a Problem, a writer's PlanError), else its plain message in both languages.
 * Trailing full stops are dropped.
 */
export function reasonText(err: unknown): Text {
  const bilingual = problemFromErrorIfBilingual(err);
  const t = bilingual ?? { zh: plainMessage(err), en: plainMessage(err) };
  const trim = (s: string) => s.trim().replace(/[。.]+$/u, "");
  return { zh: trim(t.zh), en: trim(t.en) };
}

function problemFromErrorIfBilingual(err: unknown): Text | null {
  if (typeof err !== "object" || err === null) return null;
  const e = err as Record<string, unknown>;
  if (isProblem(e.problem)) return e.problem.message;
  for (const key of ["message", "text", "messageText"]) if (isText(e[key])) return e[key] as Text;
  return null;
}

/** Where a problem is, as the user sees it ("第 17 行“报修时间”列"), or null. */
export function problemLocation(p: Problem): Text | null {
  if (p.row !== undefined && p.column !== undefined)
    return formatText(STRINGS.problemRowColumn, { row: p.row, column: p.column });
  if (p.row !== undefined) return formatText(STRINGS.problemRow, { row: p.row });
  if (p.column !== undefined) return formatText(STRINGS.problemColumn, { column: p.column });
  return null;
}
