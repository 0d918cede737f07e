import type { Text } from "../../core/i18n/text";
import { problem, problemLocation as coreProblemLocation, ProblemError, type Problem } from "../../core/problem";
import { formatText } from "../i18n/format";
import { STRINGS } from "../i18n/strings";

/** A failure a host reports to the pane as a Problem the user can read in either language. */
export class HostProblemError extends ProblemError {
  constructor(problem: Problem) {
    super(problem);
    this.name = "HostProblemError";
  }
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

/** An Office.js error (`OfficeExtension.Error`): a `code` and an English message. */
function isOfficeError(err: unknown): err is { code: string; message: string } {
  if (typeof err !== "object" || err === null) return false;
  const e = err as Record<string, unknown>;
  return (
    typeof e.code === "string" && typeof e.message === "string" && (e.name === "RichApi.Error" || "debugInfo" in e)
  );
}

/**
 * Whatever was thrown, as a Problem to show:
 * - our own errors all carry one (`ProblemError` and its subclasses: HostProblemError, the
 *   Excel writer's PlanWriteError after it rolled back, PlanError, TableReadError, …);
 * - Office.js errors (`OfficeExtension.Error`: a `code` and an English message);
 * - anything else, as "something unexpected went wrong" with its message.
 */
export function problemFromError(err: unknown): Problem {
  if (err instanceof ProblemError) return err.problem;
  if (isOfficeError(err)) {
    return problem("value", formatText(STRINGS.excelError, { message: err.message, code: err.code }));
  }
  return problem("value", formatText(STRINGS.unexpectedError, { message: plainMessage(err) }));
}

/**
 * Why something failed, as a Text to put inside a sentence: the error's own bilingual message
 * when it is a ProblemError, else its plain message in both languages. Trailing full stops are
 * dropped.
 */
export function reasonText(err: unknown): Text {
  const t = err instanceof ProblemError ? err.problem.message : { zh: plainMessage(err), en: plainMessage(err) };
  const trim = (s: string) => s.trim().replace(/[。.]+$/u, "");
  return { zh: trim(t.zh), en: trim(t.en) };
}

/** Where a problem is, as the user sees it at the start of a line ("第 17 行“报修时间”列" / "Row 17, column …"), or null. */
export function problemLocation(p: Problem): Text | null {
  return coreProblemLocation(p, { capitalized: true });
}
