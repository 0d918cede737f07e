/**
 * Evaluates a checked formula the way the Excel translation computes in a spreadsheet: every
 * operation is done by the locked mathjs instance (add, multiply, pow, round, min, …), with
 * Excel's rules around them —
 * - a blank number variable is 0, a blank text variable is "" (as blank cells are);
 * - division by zero is #DIV/0!, a result too large for a number (or NaN) is #NUM!;
 * - an error travels outward (the leftmost one wins), except through the branch `if` does not
 *   take: like IF, `if` evaluates only the branch it chooses;
 * - text compares ignoring case ("d" == "D").
 * For formulas without errors the result is exactly mathjs's own node.compile().evaluate() in
 * the same instance (a property test holds them together).
 */
import type { CheckedFormula, Expr } from "./expr";
import { ops } from "./lockedMath";

export type FormulaError = "#DIV/0!" | "#NUM!" | "#VALUE!";

export type FormulaOutcome =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: FormulaError };

/** Values by variable id; null/undefined/"" = a blank cell. */
export type FormulaValues = Readonly<Record<string, number | string | null | undefined>>;

interface Err {
  readonly error: FormulaError;
}
type Value = number | boolean | string | Err;

function isErr(v: Value): v is Err {
  return typeof v === "object";
}

function finite(x: number): number | Err {
  return Number.isFinite(x) ? x : { error: "#NUM!" };
}

/**
 * @example
 * evaluateFormula(parse("全年绩效 * 0.235 * 系数"), { annual: 18000, coefficient: 1.2 }) // → { ok: true, value: 5076 }
 * evaluateFormula(parse("全年绩效 / 黄牌"), { annual: 18000, yellowCards: 0 })          // → { ok: false, error: "#DIV/0!" }
 */
export function evaluateFormula(formula: CheckedFormula, values: FormulaValues): FormulaOutcome {
  const v = evaluate(formula.expr, values);
  if (isErr(v)) return { ok: false, error: v.error };
  if (typeof v !== "number") return { ok: false, error: "#VALUE!" };
  return { ok: true, value: v };
}

function variableValue(e: Extract<Expr, { kind: "variable" }>, values: FormulaValues): Value {
  const raw = values[e.variable.id];
  if (e.variable.type === "text") return raw === null || raw === undefined ? "" : String(raw);
  if (raw === null || raw === undefined || raw === "") return 0;
  if (typeof raw !== "number") return { error: "#VALUE!" };
  return finite(raw);
}

function evaluate(e: Expr, values: FormulaValues): Value {
  switch (e.kind) {
    case "number":
      return e.percent ? ops.divide(e.value, 100) : e.value;
    case "text":
      return e.value;
    case "variable":
      return variableValue(e, values);
    case "paren":
      return evaluate(e.inner, values);
    case "negate": {
      const a = evaluate(e.arg, values);
      if (isErr(a)) return a;
      return e.plus ? a : ops.unaryMinus(a as number);
    }
    case "arithmetic": {
      const a = evaluate(e.left, values);
      if (isErr(a)) return a;
      const b = evaluate(e.right, values);
      if (isErr(b)) return b;
      const x = a as number;
      const y = b as number;
      switch (e.op) {
        case "+":
          return finite(ops.add(x, y));
        case "-":
          return finite(ops.subtract(x, y));
        case "*":
          return finite(ops.multiply(x, y));
        case "/":
          return y === 0 ? { error: "#DIV/0!" } : finite(ops.divide(x, y));
        case "^":
          return finite(ops.pow(x, y));
      }
      break;
    }
    case "compare": {
      const a = evaluate(e.left, values);
      if (isErr(a)) return a;
      const b = evaluate(e.right, values);
      if (isErr(b)) return b;
      if (typeof a === "string" || typeof b === "string") {
        const eq = ops.equal(String(a), String(b));
        return e.op === "==" ? eq : !eq;
      }
      const x = a as number;
      const y = b as number;
      switch (e.op) {
        case "==":
          return ops.equal(x, y);
        case "!=":
          return ops.unequal(x, y);
        case "<":
          return ops.smaller(x, y);
        case ">":
          return ops.larger(x, y);
        case "<=":
          return ops.smallerEq(x, y);
        case ">=":
          return ops.largerEq(x, y);
      }
      break;
    }
    case "call": {
      if (e.fn === "if") {
        const c = evaluate(e.args[0], values);
        if (isErr(c)) return c;
        return evaluate(c ? e.args[1] : e.args[2], values);
      }
      const args: number[] = [];
      for (const a of e.args) {
        const v = evaluate(a, values);
        if (isErr(v)) return v;
        args.push(v as number);
      }
      switch (e.fn) {
        case "min":
          return ops.min(...args);
        case "max":
          return ops.max(...args);
        case "abs":
          return ops.abs(args[0]);
        case "round":
          return finite(ops.round(args[0], args[1] ?? 0));
      }
    }
  }
  return { error: "#VALUE!" };
}
