import { fail, ok, type Result } from "../problem";
import { text, type Text } from "../i18n/text";
import { isBlank } from "./blank";
import { describeValue } from "./describe";
import { normalizeText } from "./text";

/**
 * What a blank yes/no cell means. RULES.md#work-order-register says a blank yes/no cell in the work-order
 * register means 否 ("no"); elsewhere (e.g. "lower is better" left out) a blank may mean
 * "not given". The caller must say which — there is no default.
 */
export type YesNoBlank = "no" | "missing";

const YES = new Set(["是", "y", "yes", "true", "1", "✓", "✔", "√", "☑", "对", "t", "真", "有", "是的"]);
const NO = new Set(["否", "n", "no", "false", "0", "✗", "✘", "×", "☐", "错", "f", "假", "无", "不是", "没有"]);

/**
 * Parses a yes/no cell: 是/否, Y/N, yes/no, TRUE/FALSE (text or logical), 1/0 (number or
 * text), ✓/✗ (also ✔/✘), √/×, 对/错, 有/无 — case- and width-insensitive.
 * Any other number, and any other text, is a problem of kind "value" naming the value.
 *
 * @example
 * parseYesNo("是", "no")   // → ok(true)
 * parseYesNo(null, "no")   // → ok(false)   (register rule: blank = 否)
 * parseYesNo(null, "missing") // → ok(null)
 * parseYesNo("maybe", "no") // → problem "value"
 */
export function parseYesNo(
  value: unknown,
  blank: YesNoBlank,
  what: Text = text("是/否", "yes/no"),
): Result<boolean | null> {
  if (typeof value === "boolean") return ok(value);
  if (isBlank(value)) return ok(blank === "no" ? false : null);
  if (typeof value === "number") {
    if (value === 1) return ok(true);
    if (value === 0) return ok(false);
  } else if (typeof value === "string") {
    const key = normalizeText(value).toLowerCase();
    if (YES.has(key)) return ok(true);
    if (NO.has(key)) return ok(false);
  }
  const d = describeValue(value);
  return fail(
    "value",
    text(
      `${what.zh}应为 是/否（Y/N、TRUE/FALSE、1/0、✓/✗），而不是${d.zh}`,
      `${what.en} must be yes or no (是/否, Y/N, TRUE/FALSE, 1/0, ✓/✗), not ${d.en}`,
    ),
  );
}
