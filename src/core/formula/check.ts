/**
 * The second lock: mathjs's tree of a scanned formula, walked against a whitelist and turned
 * into the typed tree of ./expr.ts. The walk goes in source order and consumes the scanner's
 * tokens as it goes, so each node gets its position in the text — and if mathjs read the text
 * differently from the scanner (a token it skipped, one it invented), the formula is refused
 * rather than trusted.
 */
import { text, type Text } from "../i18n/text";
import type { MathNode } from "mathjs";
import type { ArithmeticOp, CompareOp, Expr, ExprType } from "./expr";
import { FORMULA_LIMITS, type FormulaFunctionName } from "./language";
import { refuse, type FormulaSpan } from "./refusal";
import type { Operator, Scanned, Token } from "./scan";

/** Own properties only: a name such as "constructor" must never find Object.prototype. */
function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

interface Typed {
  readonly expr: Expr;
  readonly type: ExprType;
}

/** mathjs OperatorNode.fn → our operator. */
const ARITHMETIC: Readonly<Record<string, ArithmeticOp>> = {
  add: "+",
  subtract: "-",
  multiply: "*",
  divide: "/",
  pow: "^",
};
const COMPARE: Readonly<Record<string, CompareOp>> = {
  equal: "==",
  unequal: "!=",
  smaller: "<",
  larger: ">",
  smallerEq: "<=",
  largerEq: ">=",
};

const NODE_NAMES: Readonly<Record<string, Text>> = {
  AccessorNode: text("不允许访问属性或下标", "property or index access is not allowed"),
  AssignmentNode: text("公式中不能赋值", "a formula cannot assign"),
  FunctionAssignmentNode: text("公式中不能定义函数", "a formula cannot define functions"),
  ArrayNode: text("不允许矩阵或数组", "matrices and arrays are not allowed"),
  ObjectNode: text("不允许对象", "objects are not allowed"),
  IndexNode: text("不允许下标", "indexes are not allowed"),
  RangeNode: text("不允许区间", "ranges are not allowed"),
  BlockNode: text("一个公式只能有一个表达式", "a formula is one expression"),
  ConditionalNode: text("请用 if(条件, 是, 否) 代替 ? :", "use if(condition, then, else) instead of ? :"),
  RelationalNode: text(
    "不支持连续比较（a < b < c）：请嵌套 if()",
    "chained comparisons (a < b < c) are not supported: nest if() instead",
  ),
};

const TYPE_NAMES: Readonly<Record<ExprType, Text>> = {
  number: text("数值", "a number"),
  boolean: text("比较结果", "a comparison"),
  text: text("文本", "text"),
};

interface Node0 {
  readonly type: string;
}
interface OperatorNodeLike extends Node0 {
  readonly op: string;
  readonly fn: string;
  readonly args: readonly MathNode[];
  readonly implicit?: boolean;
  readonly isPercentage?: boolean;
}
interface FunctionNodeLike extends Node0 {
  readonly fn: MathNode;
  readonly args: readonly MathNode[];
}

export function checkFormula(source: string, scanned: Scanned, node: MathNode): Typed {
  const tokens = scanned.tokens;
  let at = 0;

  const here = (): FormulaSpan => {
    const t = tokens[at];
    return t ? { start: t.start, end: t.end } : { start: source.length, end: source.length };
  };
  const mismatch = (): never =>
    refuse(
      source,
      here(),
      text(
        "无法确定这里的含义，公式未被接受",
        "this part could not be read unambiguously; the formula was not accepted",
      ),
    );

  function take<T extends Token["type"]>(
    type: T,
    matches?: (t: Extract<Token, { type: T }>) => boolean,
  ): Extract<Token, { type: T }> {
    const t = tokens[at];
    if (!t || t.type !== type || (matches && !matches(t as Extract<Token, { type: T }>))) return mismatch();
    at++;
    return t as Extract<Token, { type: T }>;
  }

  const span = (start: FormulaSpan, end: FormulaSpan): FormulaSpan => ({ start: start.start, end: end.end });

  const expectType = (t: Typed, want: ExprType, role: Text): void => {
    if (t.type !== want) {
      refuse(
        source,
        t.expr.span,
        text(
          `${role.zh}必须是${TYPE_NAMES[want].zh}，这里是${TYPE_NAMES[t.type].zh}`,
          `${role.en} must be ${TYPE_NAMES[want].en}, not ${TYPE_NAMES[t.type].en}`,
        ),
      );
    }
  };

  function walk(n: MathNode, depth: number): Typed {
    if (depth > FORMULA_LIMITS.maxDepth) {
      refuse(
        source,
        here(),
        text(
          `公式嵌套太深（最多 ${FORMULA_LIMITS.maxDepth} 层）`,
          `the formula is nested too deeply (at most ${FORMULA_LIMITS.maxDepth} levels)`,
        ),
      );
    }
    const node = n as unknown as Node0;
    switch (node.type) {
      case "ParenthesisNode": {
        const open = take("(");
        const inner = walk((n as unknown as { content: MathNode }).content, depth + 1);
        const close = take(")");
        return { expr: { kind: "paren", inner: inner.expr, span: span(open, close) }, type: inner.type };
      }
      case "ConstantNode": {
        const value = (n as unknown as { value: unknown }).value;
        if (typeof value === "number") {
          const t = take("number", (x) => !x.percent && x.value === value);
          return { expr: { kind: "number", value, percent: false, span: t }, type: "number" };
        }
        if (typeof value === "string") {
          const t = take("string", (x) => x.value === value);
          return { expr: { kind: "text", value, span: t }, type: "text" };
        }
        return mismatch();
      }
      case "SymbolNode": {
        const name = (n as unknown as { name: string }).name;
        const next = tokens[at];
        if (next?.type === "number" && next.placeholder === name) {
          at++;
          return { expr: { kind: "number", value: next.value, percent: true, span: next }, type: "number" };
        }
        const t = take("variable", (x) => x.name === name);
        return {
          expr: { kind: "variable", variable: t.variable, span: t },
          type: t.variable.type === "text" ? "text" : "number",
        };
      }
      case "OperatorNode":
        return operator(n as unknown as OperatorNodeLike, depth);
      case "FunctionNode":
        return call(n as unknown as FunctionNodeLike, depth);
      default: {
        const reason =
          own(NODE_NAMES, node.type) ?? text("公式中有不允许的部分", "this part of the formula is not allowed");
        return refuse(source, here(), reason);
      }
    }
  }

  function operator(n: OperatorNodeLike, depth: number): Typed {
    if (n.implicit)
      refuse(source, here(), text("这里缺少运算符（乘法请写 *）", "an operator is missing here (write * to multiply)"));
    // Percentages reach mathjs as placeholder names (see scan.ts); its own % parsing never applies.
    if (n.isPercentage) return mismatch();
    if (n.args.length === 1) {
      if (n.fn !== "unaryMinus" && n.fn !== "unaryPlus") {
        return refuse(source, here(), text(`不支持运算符 ${n.op}`, `the operator ${n.op} is not supported`));
      }
      const op = take("op", (x) => x.op === n.op);
      const arg = walk(n.args[0], depth + 1);
      expectType(arg, "number", text(`“${n.op}”的运算对象`, `the operand of "${n.op}"`));
      return {
        expr: { kind: "negate", arg: arg.expr, plus: n.fn === "unaryPlus", span: span(op, arg.expr.span) },
        type: "number",
      };
    }
    if (n.args.length !== 2) return mismatch();
    const arithmetic = own(ARITHMETIC, n.fn);
    const compare = own(COMPARE, n.fn);
    if (!arithmetic && !compare) {
      // The scanner refuses these first; mathjs-only operators would land here.
      return refuse(source, here(), text(`不支持运算符 ${n.op}`, `the operator ${n.op} is not supported`));
    }
    return binary(n, arithmetic, compare, depth);
  }

  function binary(
    n: OperatorNodeLike,
    arithmetic: ArithmeticOp | undefined,
    compare: CompareOp | undefined,
    depth: number,
  ): Typed {
    const left = walk(n.args[0], depth + 1);
    const opToken = take("op", (x) => x.op === (n.op as Operator));
    const right = walk(n.args[1], depth + 1);
    const whole = span(left.expr.span, right.expr.span);
    if (arithmetic) {
      const role = text(`“${arithmetic}”两边`, `each side of "${arithmetic}"`);
      expectType(left, "number", role);
      expectType(right, "number", role);
      if (arithmetic === "^") checkExponent(right.expr, opToken);
      return {
        expr: { kind: "arithmetic", op: arithmetic, left: left.expr, right: right.expr, span: whole, opSpan: opToken },
        type: "number",
      };
    }
    if (!compare) return mismatch();
    if (left.type === "text" || right.type === "text") {
      // Only `text variable ==/!= "literal"` (either order): 等级 == "D".
      const unwrap = (e: Expr): Expr => (e.kind === "paren" ? unwrap(e.inner) : e);
      const pair = [unwrap(left.expr), unwrap(right.expr)];
      const ok =
        (compare === "==" || compare === "!=") &&
        pair.some((e) => e.kind === "variable" && e.variable.type === "text") &&
        pair.some((e) => e.kind === "text");
      if (!ok) {
        refuse(
          source,
          opToken,
          text(
            `文本只能这样比较：等级 == "D" 或 等级 != "D"`,
            `text can only be compared as 等级 == "D" or 等级 != "D"`,
          ),
        );
      }
    } else {
      const role = text(`比较“${compare}”两边`, `each side of the comparison "${compare}"`);
      expectType(left, "number", role);
      expectType(right, "number", role);
    }
    return {
      expr: { kind: "compare", op: compare, left: left.expr, right: right.expr, span: whole, opSpan: opToken },
      type: "boolean",
    };
  }

  function checkExponent(exponent: Expr, opToken: FormulaSpan): void {
    const e = exponent.kind === "paren" ? exponent.inner : exponent;
    const ok =
      e.kind === "number" &&
      !e.percent &&
      Number.isInteger(e.value) &&
      e.value >= 1 &&
      e.value <= FORMULA_LIMITS.maxExponent;
    if (!ok) {
      refuse(
        source,
        { start: opToken.start, end: exponent.span.end },
        text(
          `乘方的指数必须是 1 到 ${FORMULA_LIMITS.maxExponent} 的整数常数`,
          `the exponent of ^ must be a whole-number constant from 1 to ${FORMULA_LIMITS.maxExponent}`,
        ),
      );
    }
  }

  function call(n: FunctionNodeLike, depth: number): Typed {
    const fnNode = n.fn as unknown as { type: string; name?: string };
    if (fnNode.type !== "SymbolNode")
      return refuse(
        source,
        here(),
        text("只能调用 min、max、round、abs、if", "only min, max, round, abs and if can be called"),
      );
    const name = fnNode.name as FormulaFunctionName;
    const nameToken = take("function", (x) => x.name === name);
    take("(");
    const args: Typed[] = [];
    n.args.forEach((a, k) => {
      if (k > 0) take(",");
      args.push(walk(a, depth + 1));
    });
    const close = take(")");
    const whole = span(nameToken, close);
    const count = (min: number, max: number, usage: string): void => {
      if (args.length < min || args.length > max) {
        refuse(
          source,
          whole,
          text(
            `${name}() 的参数个数不对：应写成 ${usage}`,
            `${name}() has the wrong number of arguments: write ${usage}`,
          ),
        );
      }
    };
    const numbers = (from: number): void =>
      args
        .slice(from)
        .forEach((a, k) =>
          expectType(
            a,
            "number",
            text(`${name}() 的第 ${from + k + 1} 个参数`, `argument ${from + k + 1} of ${name}()`),
          ),
        );
    switch (name) {
      case "if":
        count(3, 3, "if(条件, 是, 否)");
        expectType(args[0], "boolean", text("if() 的条件", "the condition of if()"));
        numbers(1);
        break;
      case "min":
      case "max":
        count(1, FORMULA_LIMITS.maxArguments, `${name}(a, b, …)`);
        numbers(0);
        break;
      case "abs":
        count(1, 1, "abs(x)");
        numbers(0);
        break;
      case "round": {
        count(1, 2, "round(x) / round(x, n)");
        numbers(0);
        const d = args[1]?.expr;
        if (
          d &&
          !(
            d.kind === "number" &&
            !d.percent &&
            Number.isInteger(d.value) &&
            d.value >= 0 &&
            d.value <= FORMULA_LIMITS.maxRoundDigits
          )
        ) {
          refuse(
            source,
            d.span,
            text(
              `round() 的小数位数必须是 0 到 ${FORMULA_LIMITS.maxRoundDigits} 的整数常数`,
              `the decimals of round() must be a whole-number constant from 0 to ${FORMULA_LIMITS.maxRoundDigits}`,
            ),
          );
        }
        break;
      }
      default:
        refuse(
          source,
          nameToken,
          text(`不允许调用函数 ${String(name)}`, `the function ${String(name)} is not allowed`),
        );
    }
    return { expr: { kind: "call", fn: name, args: args.map((a) => a.expr), span: whole }, type: "number" };
  }

  const result = walk(node, 1);
  if (at !== tokens.length) mismatch();
  if (result.type !== "number") {
    refuse(
      source,
      result.expr.span,
      text(
        `公式的结果必须是金额（数值），这里是${TYPE_NAMES[result.type].zh}：请用 if(条件, 是, 否)`,
        `the formula must give an amount (a number), not ${TYPE_NAMES[result.type].en}: use if(condition, then, else)`,
      ),
    );
  }
  return result;
}
