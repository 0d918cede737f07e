/**
 * TEST SUPPORT — an independent evaluator of the Excel formulas the translator writes, with
 * Excel's own grammar (unary minus binds tighter than ^, ^ groups left to right, % is a postfix
 * operator, = and <> compare, text compares ignoring case) and Excel's error rules (#DIV/0!,
 * #NUM!, the leftmost error wins, IF evaluates only its branch). Plain JavaScript arithmetic,
 * no mathjs: if the translation changed a formula's meaning, this disagrees with the engine.
 * Understands only what the translator produces (numbers, "text", references, IF, MIN, MAX,
 * ABS, ROUND, + - * / ^ % and comparisons).
 */
import { roundMoney } from "../../bonus/money";

export type ExcelValue = number | boolean | string | { readonly error: "#DIV/0!" | "#NUM!" | "#VALUE!" };

type Tok =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; v: string }
  | { t: "fn"; v: string }
  | { t: "op"; v: string }
  | { t: "(" }
  | { t: ")" }
  | { t: "," };

function tokenize(f: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < f.length) {
    const c = f[i];
    const rest = f.slice(i);
    let m: RegExpExecArray | null;
    if (c === " ") i++;
    else if ((m = /^(\d+(\.\d*)?|\.\d+)(E[+-]?\d+)?/i.exec(rest))) {
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
    } else if (c === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (f[j] === '"' && f[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (f[j] === '"') break;
        else s += f[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
    } else if ((m = /^[A-Za-z_][A-Za-z0-9_.]*(?=\()/.exec(rest))) {
      out.push({ t: "fn", v: m[0].toUpperCase() });
      i += m[0].length;
    } else if ((m = /^\$?[A-Z]{1,3}\$?\d+|^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest))) {
      out.push({ t: "ref", v: m[0] });
      i += m[0].length;
    } else if ((m = /^(<>|<=|>=|[-+*/^%=<>])/.exec(rest))) {
      out.push({ t: "op", v: m[0] });
      i += m[0].length;
    } else if (c === "(" || c === ")" || c === ",") {
      out.push({ t: c });
      i++;
    } else throw new Error(`unexpected "${c}" in ${f}`);
  }
  return out;
}

type Node =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "ref"; v: string }
  | { k: "neg"; a: Node; plus: boolean }
  | { k: "pct"; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "call"; fn: string; args: Node[] };

function parse(tokens: Tok[]): Node {
  let p = 0;
  const peek = (): Tok | undefined => tokens[p];
  const isOp = (v: string): boolean => {
    const t = peek();
    return t !== undefined && t.t === "op" && t.v === v;
  };
  const expect = (t: Tok["t"]): void => {
    if (peek()?.t !== t) throw new Error(`expected ${t}`);
    p++;
  };
  const levels: string[][] = [["=", "<>", "<", ">", "<=", ">="], ["+", "-"], ["*", "/"], ["^"]];
  const binary = (level: number): Node => {
    if (level === levels.length) return postfix();
    let left = binary(level + 1);
    while (levels[level].some(isOp)) {
      const op = (tokens[p++] as { v: string }).v;
      left = { k: "bin", op, a: left, b: binary(level + 1) };
    }
    return left;
  };
  const postfix = (): Node => {
    let n = prefix();
    while (isOp("%")) {
      p++;
      n = { k: "pct", a: n };
    }
    return n;
  };
  const prefix = (): Node => {
    if (isOp("-") || isOp("+")) {
      const plus = isOp("+");
      p++;
      return { k: "neg", a: prefix(), plus };
    }
    return atom();
  };
  const atom = (): Node => {
    const t = tokens[p++];
    if (!t) throw new Error("unexpected end");
    switch (t.t) {
      case "num":
        return { k: "num", v: t.v };
      case "str":
        return { k: "str", v: t.v };
      case "ref":
        return { k: "ref", v: t.v };
      case "(": {
        const inner = binary(0);
        expect(")");
        return inner;
      }
      case "fn": {
        expect("(");
        const args: Node[] = [];
        if (peek()?.t !== ")") {
          args.push(binary(0));
          while (peek()?.t === ",") {
            p++;
            args.push(binary(0));
          }
        }
        expect(")");
        return { k: "call", fn: t.v, args };
      }
      default:
        throw new Error(`unexpected token ${t.t}`);
    }
  };
  const n = binary(0);
  if (p !== tokens.length) throw new Error("trailing tokens");
  return n;
}

const TOL = 2 ** -48;

function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  const d = Math.abs(a - b);
  return d <= Math.max(TOL * Math.max(Math.abs(a), Math.abs(b)), 1e-15);
}

function isErr(v: ExcelValue): v is { error: "#DIV/0!" | "#NUM!" | "#VALUE!" } {
  return typeof v === "object";
}

function num(x: number): ExcelValue {
  return Number.isFinite(x) ? x : { error: "#NUM!" };
}

function excelRound(x: number, digits: number): number {
  const r = roundMoney(x, Number(`1e${-digits}`));
  if (!r.ok) return NaN;
  return r.value;
}

function evaluate(n: Node, refs: (ref: string) => number | string | null): ExcelValue {
  switch (n.k) {
    case "num":
      return n.v;
    case "str":
      return n.v;
    case "ref": {
      const v = refs(n.v);
      return v === null ? 0 : v;
    }
    case "neg": {
      const a = evaluate(n.a, refs);
      if (isErr(a)) return a;
      return n.plus ? a : -(a as number);
    }
    case "pct": {
      const a = evaluate(n.a, refs);
      return isErr(a) ? a : (a as number) / 100;
    }
    case "bin": {
      const a = evaluate(n.a, refs);
      if (isErr(a)) return a;
      const b = evaluate(n.b, refs);
      if (isErr(b)) return b;
      if (typeof a === "string" || typeof b === "string") {
        const eq = String(a).toUpperCase() === String(b).toUpperCase();
        if (n.op === "=") return eq;
        if (n.op === "<>") return !eq;
        return { error: "#VALUE!" };
      }
      const x = a as number;
      const y = b as number;
      switch (n.op) {
        case "+":
          return num(x + y);
        case "-":
          return num(x - y);
        case "*":
          return num(x * y);
        case "/":
          return y === 0 ? { error: "#DIV/0!" } : num(x / y);
        case "^":
          return num(x ** y);
        case "=":
          return approxEqual(x, y);
        case "<>":
          return !approxEqual(x, y);
        case "<":
          return x < y && !approxEqual(x, y);
        case ">":
          return x > y && !approxEqual(x, y);
        case "<=":
          return x < y || approxEqual(x, y);
        case ">=":
          return x > y || approxEqual(x, y);
      }
      return { error: "#VALUE!" };
    }
    case "call": {
      if (n.fn === "IF") {
        const c = evaluate(n.args[0], refs);
        if (isErr(c)) return c;
        return evaluate(c ? n.args[1] : n.args[2], refs);
      }
      const args: number[] = [];
      for (const a of n.args) {
        const v = evaluate(a, refs);
        if (isErr(v)) return v;
        args.push(v as number);
      }
      switch (n.fn) {
        case "MIN":
          return Math.min(...args);
        case "MAX":
          return Math.max(...args);
        case "ABS":
          return Math.abs(args[0]);
        case "ROUND":
          return num(excelRound(args[0], args[1]));
      }
      return { error: "#VALUE!" };
    }
  }
}

/** Evaluates an Excel formula body (no "="); `refs` gives each reference's value (null = blank cell). */
export function evaluateExcelFormula(formula: string, refs: (ref: string) => number | string | null): ExcelValue {
  return evaluate(parse(tokenize(formula)), refs);
}
