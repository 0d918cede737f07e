/**
 * The first lock on user formulas: a scanner that reads the text character by character,
 * before mathjs sees it, and refuses whatever the formula language (./language.ts) does not
 * have — with the exact position. It also
 * - maps what a Chinese keyboard types to ASCII, one character for one so positions stay
 *   true: full-width forms (（）＊，＝８５％), the ideographic space, curly quotes “” ‘’,
 *   × and ÷;
 * - allows only ASCII and CJK ideographs: zero-width and bidi control characters, look-alike
 *   letters from other scripts (Cyrillic "а"), non-breaking spaces, emoji and line breaks are
 *   refused by their code point;
 * - lower-cases the allowed function names (IF → if), as Excel users type them;
 * - classifies every name (variable, allowed function, anything else refused), and refuses
 *   implicit multiplication, unbalanced or too deeply nested parentheses.
 * The tokens (with positions) then let the checker map mathjs's tree back onto the text.
 */
import { text, type Text } from "../i18n/text";
import {
  FORMULA_LIMITS,
  FUNCTION_LIST,
  FUNCTION_NAMES,
  findVariable,
  variableList,
  type FormulaFunctionName,
  type FormulaLanguage,
  type FormulaVariable,
} from "./language";
import { refuse } from "./refusal";

export type Token =
  /**
   * A number; `percent` when written 23.5%. mathjs would read "5% + 1" as 5 mod (+1), so a
   * percentage reaches mathjs as `placeholder`, a name of the same length no one can type.
   */
  | {
      readonly type: "number";
      readonly start: number;
      readonly end: number;
      readonly text: string;
      readonly value: number;
      readonly percent: boolean;
      readonly placeholder?: string;
    }
  | { readonly type: "string"; readonly start: number; readonly end: number; readonly value: string }
  | {
      readonly type: "variable";
      readonly start: number;
      readonly end: number;
      readonly name: string;
      readonly variable: FormulaVariable;
    }
  | { readonly type: "function"; readonly start: number; readonly end: number; readonly name: FormulaFunctionName }
  | { readonly type: "op"; readonly start: number; readonly end: number; readonly op: Operator }
  | { readonly type: "("; readonly start: number; readonly end: number }
  | { readonly type: ")"; readonly start: number; readonly end: number }
  | { readonly type: ","; readonly start: number; readonly end: number };

export type Operator = "+" | "-" | "*" | "/" | "^" | "==" | "!=" | "<" | ">" | "<=" | ">=";

export interface Scanned {
  /** The text as typed, with keyboard forms mapped to ASCII and function names lower case. */
  readonly normalized: string;
  /** The text mathjs parses: `normalized` with percentages as placeholders; same length and positions as typed. */
  readonly mathText: string;
  readonly tokens: readonly Token[];
}

/** One-for-one replacements of what Chinese keyboards and word processors type. */
function normalizeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  switch (c) {
    case "\u3000":
    case "\t":
      return " ";
    case "\u201c":
    case "\u201d":
      return '"';
    case "\u2018":
    case "\u2019":
      return "'";
    case "\u00d7":
      return "*";
    case "\u00f7":
      return "/";
    default:
      return c;
  }
}

const NAMED_CHARACTERS: ReadonlyMap<number, Text> = new Map<number, Text>([
  [0x0a, text("换行", "a line break")],
  [0x0d, text("换行", "a line break")],
  [0xa0, text("不间断空格", "a non-breaking space")],
  [0x200b, text("零宽空格", "a zero-width space")],
  [0x200c, text("零宽非连接符", "a zero-width non-joiner")],
  [0x200d, text("零宽连接符", "a zero-width joiner")],
  [0x2060, text("零宽不换行空格", "a word joiner")],
  [0xfeff, text("字节顺序标记（BOM）", "a byte order mark")],
  [0x202a, text("文字方向控制符", "a text direction control")],
  [0x202b, text("文字方向控制符", "a text direction control")],
  [0x202c, text("文字方向控制符", "a text direction control")],
  [0x202d, text("文字方向控制符", "a text direction control")],
  [0x202e, text("文字方向控制符", "a text direction control")],
  [0x2066, text("文字方向控制符", "a text direction control")],
  [0x2067, text("文字方向控制符", "a text direction control")],
  [0x2068, text("文字方向控制符", "a text direction control")],
  [0x2069, text("文字方向控制符", "a text direction control")],
]);

function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

function isNameStart(c: string): boolean {
  const code = c.charCodeAt(0);
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || isCjk(code);
}

function isNameChar(c: string): boolean {
  return isNameStart(c) || (c >= "0" && c <= "9");
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

/** Words mathjs reads as operators or constants, with the reason each is refused. */
const RESERVED_WORDS: ReadonlyMap<string, Text> = new Map(
  Object.entries({
    and: text(
      "不支持 and：请嵌套 if()，如 if(黄牌 >= 2, 0, if(红牌 >= 1, 0, …))",
      "and is not supported: nest if() instead, e.g. if(黄牌 >= 2, 0, if(红牌 >= 1, 0, …))",
    ),
    or: text("不支持 or：请嵌套 if()", "or is not supported: nest if() instead"),
    not: text("不支持 not：请把 if() 的两个结果对调", "not is not supported: swap the two results of if() instead"),
    xor: text("不支持 xor", "xor is not supported"),
    mod: text("不支持取余（mod）", "the remainder operator mod is not supported"),
    to: text("不支持单位换算（to）", "unit conversion (to) is not supported"),
    in: text("不支持单位换算（in）", "unit conversion (in) is not supported"),
  }),
);

const SYMBOL_REASONS: ReadonlyMap<string, Text> = new Map(
  Object.entries({
    "=": text("比较相等请写 ==；公式中不能赋值", "write == to compare; a formula cannot assign"),
    "<>": text("不等于请写 !=", "write != for not equal"),
    "!": text("不支持阶乘（!）", "the factorial ! is not supported"),
    ".": text("不允许访问属性或方法（.）", "property or method access (.) is not allowed"),
    "[": text(
      "不允许方括号（矩阵、下标或属性访问）",
      "square brackets (matrices, indexes, property access) are not allowed",
    ),
    "]": text(
      "不允许方括号（矩阵、下标或属性访问）",
      "square brackets (matrices, indexes, property access) are not allowed",
    ),
    "{": text("不允许花括号（对象）", "braces (objects) are not allowed"),
    "}": text("不允许花括号（对象）", "braces (objects) are not allowed"),
    ";": text("一个公式只能有一个表达式（不允许 ;）", "a formula is one expression (; is not allowed)"),
    ":": text("不允许区间或条件运算（:）", "ranges and the conditional operator (:) are not allowed"),
    "?": text("请用 if(条件, 是, 否) 代替 ? :", "use if(condition, then, else) instead of ? :"),
    "%": text(
      "% 只能紧跟在数字后表示百分比（如 23.5%）；不支持取余",
      "% may only follow a number as a percentage (23.5%); the remainder is not supported",
    ),
    "&": text("不支持位运算和文本连接（&）", "bitwise operators and text joining (&) are not supported"),
    "|": text("不支持位运算（|）", "bitwise operators (|) are not supported"),
    "~": text("不支持位运算（~）", "bitwise operators (~) are not supported"),
    "<<": text("不支持移位运算", "bit shifts are not supported"),
    ">>": text("不支持移位运算", "bit shifts are not supported"),
    "#": text("不允许注释（#）", "comments (#) are not allowed"),
    $: text("不允许 $", "$ is not allowed"),
    "@": text("不允许 @", "@ is not allowed"),
    "`": text("不允许反引号", "backquotes are not allowed"),
    "\\": text("不允许反斜杠", "backslashes are not allowed"),
  }),
);

function reasonFor(symbol: string): Text {
  return SYMBOL_REASONS.get(symbol) ?? text("不允许的符号", "this symbol is not allowed");
}

const OPERATORS: readonly Operator[] = ["==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "^"];

interface RawName {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

/**
 * Scans `source`; throws FormulaRefusalError (caught by parseFormula) naming the first thing
 * the language does not allow.
 */
export function scanFormula(source: string, language: FormulaLanguage): Scanned {
  if (source.length > FORMULA_LIMITS.maxLength) {
    refuse(
      source,
      { start: FORMULA_LIMITS.maxLength, end: FORMULA_LIMITS.maxLength + 1 },
      text(
        `公式太长（${source.length} 个字符），最多 ${FORMULA_LIMITS.maxLength} 个`,
        `the formula is too long (${source.length} characters; at most ${FORMULA_LIMITS.maxLength})`,
      ),
    );
  }
  // 1. One-for-one normalisation and the character whitelist.
  let normalized = "";
  for (let i = 0; i < source.length; i++) {
    const c = normalizeChar(source[i]);
    const code = c.charCodeAt(0);
    const ok = c === " " || (code >= 0x21 && code <= 0x7e) || isCjk(code);
    if (!ok) {
      const cp = source.codePointAt(i) ?? code;
      const named = NAMED_CHARACTERS.get(cp);
      const width = cp > 0xffff ? 2 : 1;
      refuse(
        source,
        { start: i, end: i + width },
        named
          ? text(`不允许${named.zh}（${codePoint(cp)}）`, `${named.en} (${codePoint(cp)}) is not allowed`)
          : text(
              `不允许的字符 ${codePoint(cp)}：只能使用数字、字母、汉字和 + - * / ^ ( ) , < > = ! "`,
              `character ${codePoint(cp)} is not allowed: use digits, letters, Chinese characters and + - * / ^ ( ) , < > = ! "`,
            ),
      );
    }
    normalized += c;
  }
  if (normalized.trim() === "") refuse(source, { start: 0, end: 0 }, text("公式是空的", "the formula is empty"));

  // 2. Tokens, refused in reading order.
  const tokens: Token[] = [];
  let normalizedOut = normalized;
  let mathText = normalized;
  let placeholders = 0;
  let i = 0;
  let depth = 0;
  const open: number[] = [];
  while (i < normalized.length) {
    const c = normalized[i];
    if (c === " ") {
      i++;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(normalized[i + 1]))) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(normalized.slice(i))!;
      let end = i + m[0].length;
      const value = Number(m[0]);
      let percent = false;
      if (normalized[end] === "%") {
        percent = true;
        end++;
      }
      if (end < normalized.length && (isNameChar(normalized[end]) || normalized[end] === ".")) {
        const what =
          normalized[end] === "."
            ? reasonFor(".")
            : text(
                "数字后面紧跟名称：乘法请写 *（也不支持 0x1F 之类的写法）",
                "a number runs into a name: write * to multiply (0x1F-style numbers are not supported)",
              );
        refuse(source, { start: end, end: end + 1 }, what);
      }
      if (!Number.isFinite(value) || Math.abs(value) > FORMULA_LIMITS.maxConstant) {
        refuse(
          source,
          { start: i, end },
          text(
            `数字太大，最大 ${FORMULA_LIMITS.maxConstant.toExponential()}`,
            `the number is too large (at most ${FORMULA_LIMITS.maxConstant.toExponential()})`,
          ),
        );
      }
      if (percent) {
        // "_" + an ideograph + "_"s: a name of the token's length that the scanner refuses if typed.
        const placeholder = `_${String.fromCharCode(0x4e00 + placeholders++)}`.padEnd(end - i, "_");
        mathText = mathText.slice(0, i) + placeholder + mathText.slice(end);
        tokens.push({ type: "number", start: i, end, text: m[0], value, percent, placeholder });
      } else tokens.push({ type: "number", start: i, end, text: m[0], value, percent });
      i = end;
      continue;
    }
    if (isNameStart(c)) {
      let end = i + 1;
      while (end < normalized.length && isNameChar(normalized[end])) end++;
      const token = nameToken({ start: i, end, name: normalized.slice(i, end) }, /^ *\(/.test(normalized.slice(end)));
      if (token.type === "function") {
        normalizedOut = normalizedOut.slice(0, i) + token.name + normalizedOut.slice(end);
        mathText = mathText.slice(0, i) + token.name + mathText.slice(end);
      }
      tokens.push(token);
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < normalized.length && normalized[end] !== c) {
        if (normalized[end] === "\\" || normalized[end] === '"' || normalized[end] === "'")
          refuse(
            source,
            { start: end, end: end + 1 },
            text("文本中不允许反斜杠或引号", "backslashes and quotes are not allowed in text"),
          );
        end++;
      }
      if (end >= normalized.length)
        refuse(source, { start: i, end: i + 1 }, text(`文本缺少结束的引号 ${c}`, `the text has no closing ${c}`));
      const value = normalized.slice(i + 1, end);
      if (value.trim() === "" || value.length > FORMULA_LIMITS.maxTextLength) {
        refuse(
          source,
          { start: i, end: end + 1 },
          text(
            `文本必须是 1 到 ${FORMULA_LIMITS.maxTextLength} 个字符的等级，如 "D"`,
            `text must be a grade of 1 to ${FORMULA_LIMITS.maxTextLength} characters, such as "D"`,
          ),
        );
      }
      tokens.push({ type: "string", start: i, end: end + 1, value });
      i = end + 1;
      continue;
    }
    if (c === "(") {
      depth++;
      open.push(i);
      if (depth > FORMULA_LIMITS.maxParentheses) {
        refuse(
          source,
          { start: i, end: i + 1 },
          text(
            `括号嵌套太深（最多 ${FORMULA_LIMITS.maxParentheses} 层）`,
            `parentheses are nested too deeply (at most ${FORMULA_LIMITS.maxParentheses} levels)`,
          ),
        );
      }
      tokens.push({ type: "(", start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === ")") {
      if (depth === 0)
        refuse(source, { start: i, end: i + 1 }, text("多余的右括号", "this closing parenthesis has no opening one"));
      depth--;
      open.pop();
      tokens.push({ type: ")", start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === ",") {
      tokens.push({ type: ",", start: i, end: i + 1 });
      i++;
      continue;
    }
    const two = normalized.slice(i, i + 2);
    if (two === "<>" || two === "<<" || two === ">>") refuse(source, { start: i, end: i + 2 }, reasonFor(two));
    const op = OPERATORS.find((o) => normalized.startsWith(o, i));
    if (op) {
      tokens.push({ type: "op", start: i, end: i + op.length, op });
      i += op.length;
      continue;
    }
    refuse(source, { start: i, end: i + 1 }, reasonFor(c));
  }
  if (depth > 0)
    refuse(
      source,
      { start: open[open.length - 1], end: open[open.length - 1] + 1 },
      text("这个左括号没有对应的右括号", "this parenthesis is never closed"),
    );

  // 3. A name is an allowed function (when "(" follows), a variable, or refused.
  function nameToken(t: RawName, calls: boolean): Token {
    const lower = t.name.toLowerCase();
    const reserved = RESERVED_WORDS.get(lower);
    if (reserved) refuse(source, t, reserved);
    const fn = FUNCTION_NAMES.find((f) => f === lower);
    const variable = findVariable(language, t.name);
    if (calls) {
      if (fn) return { type: "function", start: t.start, end: t.end, name: fn };
      if (variable)
        refuse(
          source,
          t,
          text(
            `${variable.name} 是变量，不是函数：乘法请写 *`,
            `${variable.name} is a variable, not a function: write * to multiply`,
          ),
        );
      refuse(
        source,
        t,
        text(
          `不允许调用函数 ${t.name}（只允许 ${FUNCTION_LIST.zh}）`,
          `the function ${t.name} is not allowed (only ${FUNCTION_LIST.en})`,
        ),
      );
    }
    if (variable) return { type: "variable", start: t.start, end: t.end, name: t.name, variable };
    if (fn)
      refuse(source, t, text(`函数 ${fn} 后面要有括号，如 ${fn}(…)`, `the function ${fn} needs parentheses: ${fn}(…)`));
    const vars = variableList(language);
    return refuse(
      source,
      t,
      text(
        `未知的名称“${t.name}”（可用的变量：${vars.zh}）`,
        `unknown name "${t.name}" (the variables are: ${vars.en})`,
      ),
    );
  }

  // 4. Two operands in a row (implicit multiplication: "2 系数", "(a)(b)", "a b").
  for (let k = 1; k < tokens.length; k++) {
    const prev = tokens[k - 1];
    const cur = tokens[k];
    const prevEnds = prev.type === "number" || prev.type === "string" || prev.type === "variable" || prev.type === ")";
    const curStarts =
      cur.type === "number" ||
      cur.type === "string" ||
      cur.type === "variable" ||
      cur.type === "function" ||
      cur.type === "(";
    if (prevEnds && curStarts)
      refuse(source, cur, text("这里缺少运算符（乘法请写 *）", "an operator is missing here (write * to multiply)"));
  }
  return { normalized: normalizedOut, mathText, tokens };
}
