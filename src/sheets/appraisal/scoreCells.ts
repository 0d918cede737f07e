/** The score cells' number format and validation, shared by the form and the 360° rater sheet. */
import type { Text } from "../../core/i18n/text";
import type { GradeScheme } from "../../core/settings";
import type { DataValidation } from "../plan";
import { VALIDATION } from "./strings";

/** Half points on the five-point scale ("4.5"), whole points on the hundred-point one. */
export function scoreNumberFormat(scheme: GradeScheme): string {
  return scheme.max > 5 ? "0.#" : "0.0#";
}

/** A score typed into `range` must lie on the scheme's scale; blank = not assessed. */
export function scoreValidation(range: string, scheme: GradeScheme, t: (x: Text) => string): DataValidation {
  return {
    range,
    rule: { type: "decimal", min: scheme.min, max: scheme.max },
    allowBlank: true,
    prompt: { title: t(VALIDATION.scoreTitle), message: t(VALIDATION.scorePrompt(scheme.min, scheme.max)) },
    error: { title: t(VALIDATION.outOfRange), message: t(VALIDATION.scoreRange(scheme.min, scheme.max)) },
  };
}
