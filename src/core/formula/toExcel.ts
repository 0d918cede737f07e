/**
 * The native Excel formula of a checked user formula (RULES.md#finance-formulas), to write into the sheet and
 * show back in the pane: if → IF, min → MIN, max → MAX, abs → ABS, round(x, n) → ROUND(x, n)
 * (round(x) → (ROUND(x/10,1)*10), see below),
 * == → =, != → <>, 23.5% → 23.5%, "D" → "D", variables → whatever the caller maps them to
 * (cell references such as $G9, or workbook names such as SVC_Bonus_QuarterRate).
 *
 * Excel's precedence differs from mathjs's in two places, and the translation adds parentheses
 * so the meaning stays mathjs's: unary minus binds tighter than ^ in Excel (-x^2 is (-x)^2
 * there, -(x^2) in mathjs), and ^ groups left to right in Excel (right to left in mathjs).
 * Parentheses the user wrote are kept.
 */
import type { Expr } from "./expr";
import type { CheckedFormula } from "./expr";
import type { FormulaVariable } from "./language";

const EXCEL_FUNCTION = { if: "IF", min: "MIN", max: "MAX", abs: "ABS", round: "ROUND" } as const;
const EXCEL_COMPARE = { "==": "=", "!=": "<>", "<": "<", ">": ">", "<=": "<=", ">=": ">=" } as const;

/** Excel precedence levels (higher binds tighter). */
function precedence(e: Expr): number {
  switch (e.kind) {
    case "compare":
      return 1;
    case "arithmetic":
      return e.op === "+" || e.op === "-" ? 2 : e.op === "*" || e.op === "/" ? 3 : 4;
    case "negate":
      return 5;
    default:
      return 6;
  }
}

/** A number as Excel reads it back exactly ("0.235", "1E-7"). */
export function excelNumber(value: number): string {
  return String(value).toUpperCase();
}

/**
 * The formula body (no leading "="), e.g. `IF($K9="D",0,$G9*0.235*$N9)`.
 * `ref` gives each variable's reference.
 */
export function toExcelFormula(formula: CheckedFormula, ref: (variable: FormulaVariable) => string): string {
  return print(formula.expr, ref);
}

function print(e: Expr, ref: (variable: FormulaVariable) => string): string {
  const p = (x: Expr): string => print(x, ref);
  const wrap = (x: Expr, parens: boolean): string => (parens ? `(${p(x)})` : p(x));
  switch (e.kind) {
    case "number":
      return e.percent ? `${excelNumber(e.value)}%` : excelNumber(e.value);
    case "text":
      return `"${e.value.replace(/"/g, '""')}"`;
    case "variable":
      return ref(e.variable);
    case "paren":
      return `(${p(e.inner)})`;
    case "negate":
      return (e.plus ? "+" : "-") + wrap(e.arg, precedence(e.arg) < 5 || e.arg.kind === "negate");
    case "arithmetic": {
      const mine = precedence(e);
      const left = wrap(
        e.left,
        precedence(e.left) < mine || (e.op === "^" && (e.left.kind === "negate" || precedence(e.left) === mine)),
      );
      const right = wrap(
        e.right,
        precedence(e.right) < mine ||
          (precedence(e.right) === mine && (e.op === "-" || e.op === "/" || e.op === "^")) ||
          e.right.kind === "negate",
      );
      return `${left}${e.op}${right}`;
    }
    case "compare":
      return `${wrap(e.left, e.left.kind === "negate")}${EXCEL_COMPARE[e.op]}${wrap(e.right, e.right.kind === "negate")}`;
    case "call": {
      if (e.fn === "round" && (e.args.length === 1 || (e.args[1].kind === "number" && e.args[1].value === 0))) {
        // round(x) to a whole number. Not ROUND(x,0): LibreOffice's ROUND with 0 decimals skips
        // the 15-digit correction every spreadsheet applies with decimals ≥ 1 (ROUND(23.499999999999996,0)
        // = 23 there, although the value is 23.5 to 15 digits); ROUND(x/10,1)*10 is the same number
        // everywhere. Parenthesised: it is a product, and must stay one operand.
        const x = e.args[0];
        return `(ROUND(${wrap(x, precedence(x) < 3)}/10,1)*10)`;
      }
      const args = e.args.map(p);
      return `${EXCEL_FUNCTION[e.fn]}(${args.join(",")})`;
    }
  }
}
