/**
 * A checked user formula as a small typed tree with source positions: what the evaluator and
 * the Excel translator walk. Built only by ./check.ts from mathjs's tree, so every node is one
 * the language allows and every operand has the type its operator needs.
 */
import type { FormulaFunctionName, FormulaLanguage, FormulaVariable } from "./language";
import type { FormulaSpan } from "./refusal";
import type { MathNode } from "mathjs";

export type ExprType = "number" | "boolean" | "text";

export type CompareOp = "==" | "!=" | "<" | ">" | "<=" | ">=";
export type ArithmeticOp = "+" | "-" | "*" | "/" | "^";

export type Expr =
  /** A number as written; `percent` when written as 23.5% (value 23.5, meaning 0.235). */
  | { readonly kind: "number"; readonly value: number; readonly percent: boolean; readonly span: FormulaSpan }
  | { readonly kind: "text"; readonly value: string; readonly span: FormulaSpan }
  | { readonly kind: "variable"; readonly variable: FormulaVariable; readonly span: FormulaSpan }
  | { readonly kind: "paren"; readonly inner: Expr; readonly span: FormulaSpan }
  | { readonly kind: "negate"; readonly arg: Expr; readonly plus: boolean; readonly span: FormulaSpan }
  | {
      readonly kind: "arithmetic";
      readonly op: ArithmeticOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: FormulaSpan;
      readonly opSpan: FormulaSpan;
    }
  | {
      readonly kind: "compare";
      readonly op: CompareOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly span: FormulaSpan;
      readonly opSpan: FormulaSpan;
    }
  | {
      readonly kind: "call";
      readonly fn: FormulaFunctionName;
      readonly args: readonly Expr[];
      readonly span: FormulaSpan;
    };

/** A formula that passed every check: safe to evaluate and to translate. */
export interface CheckedFormula {
  /** As typed. */
  readonly source: string;
  /** As parsed (full-width forms mapped to ASCII, function names lower case). */
  readonly normalized: string;
  readonly language: FormulaLanguage;
  readonly expr: Expr;
  /** mathjs's own tree (percentages as placeholder names), for the cross-check with node.compile().evaluate(). */
  readonly node: MathNode;
  /** The placeholders' values (23.5% → 0.235) to add to a mathjs scope. */
  readonly constants: ReadonlyMap<string, number>;
  /** The variables the formula uses, in the language's order. */
  readonly variables: readonly FormulaVariable[];
}
