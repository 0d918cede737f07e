/**
 * parseFormula: user text → a checked formula, or a refusal that names the offending part.
 * Three locks, in order: the scanner (./scan.ts: characters, names, limits), the locked mathjs
 * parser (./lockedMath.ts), the tree checker (./check.ts: whitelist and types). Never throws.
 */
import { text, type Text } from "../i18n/text";
import type { CheckedFormula, Expr } from "./expr";
import type { FormulaLanguage, FormulaVariable } from "./language";
import { lockedParse, MathSyntaxError, ops } from "./lockedMath";
import { FormulaRefusalError, refusal, type FormulaRefusal } from "./refusal";
import { checkFormula } from "./check";
import { scanFormula } from "./scan";

export type FormulaParse =
  { readonly ok: true; readonly value: CheckedFormula } | ({ readonly ok: false } & FormulaRefusal);

/** mathjs's English syntax messages, in both languages. */
function syntaxReason(message: string): Text {
  if (/Unexpected end of expression/i.test(message)) return text("公式不完整", "the formula ends too early");
  if (/Parenthesis \) expected/i.test(message))
    return text("这里应该是右括号", "a closing parenthesis is expected here");
  if (/Value expected/i.test(message)) return text("这里缺少数值", "a value is missing here");
  if (/Unexpected (part|operator)/i.test(message)) return text("这里多出了内容", "something unexpected is here");
  return text("无法识别的写法", "this cannot be read");
}

/**
 * @example
 * parseFormula('if(等级 == "D", 0, 全年绩效 * 0.235 * 系数)', BONUS_FORMULA_LANGUAGE) // → ok
 * parseFormula("import({}, {})", BONUS_FORMULA_LANGUAGE)
 *   // → refused: 'at character 1 ("import"): the function import is not allowed (only if, min, max, round, abs)'
 */
export function parseFormula(source: string, language: FormulaLanguage): FormulaParse {
  try {
    const scanned = scanFormula(source, language);
    let node;
    try {
      node = lockedParse(scanned.mathText);
    } catch (e) {
      if (!(e instanceof MathSyntaxError)) throw e;
      const at = e.index ?? source.length;
      return {
        ok: false,
        ...refusal(source, { start: at, end: Math.min(source.length, at + 1) }, syntaxReason(e.message)),
      };
    }
    const { expr } = checkFormula(source, scanned, node);
    const constants = new Map<string, number>();
    for (const t of scanned.tokens)
      if (t.type === "number" && t.placeholder) constants.set(t.placeholder, ops.divide(t.value, 100));
    return {
      ok: true,
      value: {
        source,
        normalized: scanned.normalized,
        language,
        expr,
        node,
        constants,
        variables: usedVariables(expr, language),
      },
    };
  } catch (e) {
    if (e instanceof FormulaRefusalError) return { ok: false, ...e.refusal };
    // A bug of ours or an exception from mathjs we did not foresee: refuse, never accept.
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      ...refusal(
        source,
        { start: 0, end: source.length },
        text(`无法检查这个公式（${message}）`, `this formula could not be checked (${message})`),
      ),
    };
  }
}

function usedVariables(expr: Expr, language: FormulaLanguage): FormulaVariable[] {
  const used = new Set<string>();
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case "variable":
        used.add(e.variable.id);
        break;
      case "paren":
        visit(e.inner);
        break;
      case "negate":
        visit(e.arg);
        break;
      case "arithmetic":
      case "compare":
        visit(e.left);
        visit(e.right);
        break;
      case "call":
        e.args.forEach(visit);
        break;
      default:
        break;
    }
  };
  visit(expr);
  return language.variables.filter((v) => used.has(v.id));
}
