/** The error every table reader (CSV and .xlsx) throws for a file it cannot read. Browser-safe. */
import type { Text } from "../../core/i18n/text";
import { problem, ProblemError } from "../../core/problem";

export class TableReadError extends ProblemError {
  constructor(text: Text) {
    super(problem("value", text));
    this.name = "TableReadError";
  }

  /** The same as `problem.message` (kept for existing callers). */
  get text(): Text {
    return this.problem.message;
  }
}
