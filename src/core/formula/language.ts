/**
 * The language of user formulas (RULES.md#finance-formulas): what finance may write in their own bonus or score
 * formula. Deliberately tiny, so every accepted formula has an exact native Excel equivalent:
 *
 * - numbers (`0.235`, `1.2`, `23.5%`, `1e3`), at most {@link FORMULA_LIMITS.maxConstant};
 * - the variables of the formula's {@link FormulaLanguage} (e.g. 全年绩效, 系数, 等级), by their
 *   Chinese name or an English alias;
 * - `+ - * /`, `^` with a whole-number constant exponent from 1 to {@link FORMULA_LIMITS.maxExponent},
 *   unary minus, parentheses;
 * - comparisons `== != < > <= >=`, only as the condition of `if`;
 * - a text literal ("D") only when compared with a text variable (`等级 == "D"`);
 * - the functions `if(condition, then, else)`, `min(…)`, `max(…)`, `round(x)` / `round(x, n)`
 *   (n a whole-number constant 0–10) and `abs(x)`.
 *
 * Everything else — property access, assignment, function definitions, matrices, objects,
 * ranges, units, other functions (import, evaluate, parse, createUnit, simplify…), named
 * operators (and, or, mod, to…), implicit multiplication, comments, several statements — is
 * refused with a message that names the offending part and its position.
 */
import { text, type Text } from "../i18n/text";

export type FormulaValueType = "number" | "text";

export interface FormulaVariable {
  /** Stable id used by callers to supply values and cell references. */
  readonly id: string;
  /** The name as written in formulas (Chinese), e.g. 全年绩效. */
  readonly name: string;
  /** Other accepted spellings (English, compared ignoring case), e.g. "annual". */
  readonly aliases: readonly string[];
  readonly type: FormulaValueType;
  readonly description: Text;
}

/** The variables one kind of formula may use. */
export interface FormulaLanguage {
  readonly variables: readonly FormulaVariable[];
}

export type FormulaFunctionName = "if" | "min" | "max" | "round" | "abs";

export interface FormulaFunctionInfo {
  readonly name: FormulaFunctionName;
  readonly excel: string;
  readonly usage: string;
  readonly description: Text;
}

/** The only functions a formula may call, with their Excel equivalents. */
export const FORMULA_FUNCTIONS: readonly FormulaFunctionInfo[] = [
  {
    name: "if",
    excel: "IF",
    usage: "if(条件, 是, 否)",
    description: text(
      "条件成立取第二个值，否则取第三个值",
      "the second value when the condition holds, else the third",
    ),
  },
  { name: "min", excel: "MIN", usage: "min(a, b, …)", description: text("最小值", "the smallest value") },
  { name: "max", excel: "MAX", usage: "max(a, b, …)", description: text("最大值", "the largest value") },
  {
    name: "round",
    excel: "ROUND",
    usage: "round(x, n)",
    description: text(
      "四舍五入到 n 位小数（n 省略为 0）",
      "rounds half away from zero to n decimals (n defaults to 0)",
    ),
  },
  { name: "abs", excel: "ABS", usage: "abs(x)", description: text("绝对值", "the absolute value") },
];

export const FUNCTION_NAMES: readonly FormulaFunctionName[] = FORMULA_FUNCTIONS.map((f) => f.name);

/** Limits that keep parsing and evaluation small and fast whatever is typed. */
export const FORMULA_LIMITS = {
  /** Characters; longer input is refused before it is looked at. */
  maxLength: 300,
  /** Nesting of the expression tree (operators, functions, parentheses). */
  maxDepth: 24,
  /** Parentheses open at once. */
  maxParentheses: 10,
  /** Largest exponent of `^` (a whole-number constant ≥ 1). */
  maxExponent: 10,
  /** Largest number written in a formula. */
  maxConstant: 1e12,
  /** Longest text literal ("D", "不合格"). */
  maxTextLength: 10,
  /** Most decimals of round(x, n). */
  maxRoundDigits: 10,
  /** Most arguments of min/max. */
  maxArguments: 30,
} as const;

/** Finds a variable by its name or an alias (aliases ignore ASCII case). */
export function findVariable(language: FormulaLanguage, name: string): FormulaVariable | undefined {
  const lower = name.toLowerCase();
  return language.variables.find((v) => v.name === name || v.aliases.some((a) => a.toLowerCase() === lower));
}

/** "全年绩效、系数、等级" / "全年绩效 (annual), 系数 (coefficient)…" for messages. */
export function variableList(language: FormulaLanguage): Text {
  return text(
    language.variables.map((v) => v.name).join("、"),
    language.variables.map((v) => (v.aliases.length > 0 ? `${v.name} (${v.aliases[0]})` : v.name)).join(", "),
  );
}

export const FUNCTION_LIST: Text = text(FUNCTION_NAMES.join("、"), FUNCTION_NAMES.join(", "));
