/**
 * The locked-down mathjs instance that parses and evaluates user formulas (RULES.md#finance-formulas).
 *
 * - Built with `create()` from only the factories needed: the parser and compiler, + − × ÷,
 *   power, unary minus/plus, the six comparisons, round, min, max, abs. No units, matrices of
 *   our own, BigNumbers, symbolic algebra, `evaluate` or `simplify` are created at all.
 * - Plain JavaScript numbers (`number: "number"`), `predictable: true` (a negative base to a
 *   fractional power gives NaN, never a complex number), and comparison tolerances close to
 *   LibreOffice's (relative 2⁻⁴⁸).
 * - The parser accepts CJK ideographs in names (全年绩效) and nothing else beyond ASCII letters
 *   and "_": no "$", Greek or mathematical alphanumerics. This changes only this instance's
 *   parser, never the global mathjs.
 * - `if` is lazy like Excel's IF (only the chosen branch is evaluated); `round` reads its
 *   argument at 15 significant digits first, as Excel and LibreOffice do, so
 *   round(1.15 * 3, 1) is 3.5 (not 3.4 from the binary 3.4499999999999997); `==` and `!=` also
 *   compare text, ignoring case as Excel does ("d" == "D").
 * - Then every function an expression could use to escape — import, createUnit, evaluate,
 *   parse, compile, simplify, derivative, resolve, rationalize, chain, reviver, create,
 *   factory, help… — is replaced by a function that throws, `import` last, so nothing can be
 *   added or changed afterwards. (The checker refuses such calls long before; this is the
 *   second lock.)
 *
 * Only this module touches mathjs.
 */
import { problem, ProblemError } from "../problem";
import {
  absDependencies,
  addDependencies,
  compileDependencies,
  create,
  divideDependencies,
  equalDependencies,
  largerDependencies,
  largerEqDependencies,
  maxDependencies,
  minDependencies,
  multiplyDependencies,
  parseDependencies,
  powDependencies,
  roundDependencies,
  smallerDependencies,
  smallerEqDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unequalDependencies,
  type MathNode,
} from "mathjs";

/** What an expression may find in the instance after locking: only these do anything. */
export const ENABLED_FUNCTIONS = [
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "unaryMinus",
  "unaryPlus",
  "equal",
  "unequal",
  "smaller",
  "larger",
  "smallerEq",
  "largerEq",
  "round",
  "min",
  "max",
  "abs",
  "if",
] as const;

/** Replaced by functions that throw (RULES.md#finance-formulas and mathjs's own security advice). */
export const DISABLED_FUNCTIONS = [
  "createUnit",
  "evaluate",
  "parse",
  "compile",
  "simplify",
  "simplifyConstant",
  "simplifyCore",
  "derivative",
  "resolve",
  "rationalize",
  "symbolicEqual",
  "leafCount",
  "chain",
  "reviver",
  "replacer",
  "help",
  "create",
  "factory",
  "format",
  "print",
  "import",
] as const;

/** Tolerance of ==, <, > … : LibreOffice's rtl::math::approxEqual is relative 2⁻⁴⁸. */
export const COMPARE_RELATIVE_TOLERANCE = 2 ** -48;

const math = create(
  {
    parseDependencies,
    compileDependencies,
    addDependencies,
    subtractDependencies,
    multiplyDependencies,
    divideDependencies,
    powDependencies,
    unaryMinusDependencies,
    unaryPlusDependencies,
    equalDependencies,
    unequalDependencies,
    smallerDependencies,
    largerDependencies,
    smallerEqDependencies,
    largerEqDependencies,
    roundDependencies,
    minDependencies,
    maxDependencies,
    absDependencies,
  },
  { number: "number", predictable: true, relTol: COMPARE_RELATIVE_TOLERANCE, absTol: 1e-15 },
);

const IDENTIFIER_CHAR = /^[A-Za-z_\u3400-\u4DBF\u4E00-\u9FFF]$/;

/** Kept private: expressions cannot reach it once `parse` is disabled in the namespace. */
const privateParse = math.parse;
privateParse.isAlpha = (c: string): boolean => IDENTIFIER_CHAR.test(c);

const mathRound = math.round as unknown as (x: number, n?: number) => number;

/** A number as Excel and LibreOffice see it before rounding: 15 significant digits. */
export function fifteenDigits(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(15)) : x;
}

/** round(x, n), half away from zero, on the 15-significant-digit value (spreadsheet rounding). */
export function spreadsheetRound(x: number, digits = 0): number {
  return mathRound(fifteenDigits(x), digits);
}

function sameText(a: string, b: string): boolean {
  return a.toLocaleUpperCase("en-US") === b.toLocaleUpperCase("en-US");
}

interface RawNode {
  compile(): { evaluate(scope: unknown): unknown };
}

/** Lazy like Excel's IF: evaluates the condition, then only the chosen branch. */
function lazyIf(args: readonly RawNode[], _math: unknown, scope: unknown): unknown {
  if (args.length !== 3) throw new Error("if() takes exactly three arguments");
  const condition = args[0].compile().evaluate(scope);
  return (condition ? args[1] : args[2]).compile().evaluate(scope);
}
(lazyIf as unknown as { rawArgs: boolean }).rawArgs = true;

const typed = math.typed as unknown as (
  name: string,
  signatures: Record<string, (...a: never[]) => unknown>,
) => unknown;

math.import(
  {
    if: lazyIf,
    equal: typed("equal", { "string, string": (a: string, b: string) => sameText(a, b) }),
    unequal: typed("unequal", { "string, string": (a: string, b: string) => !sameText(a, b) }),
  },
  {},
);
math.import(
  {
    round: typed("round", {
      number: (x: number) => spreadsheetRound(x, 0),
      "number, number": (x: number, n: number) => spreadsheetRound(x, n),
    }),
  },
  { override: true },
);

function disabled(name: string): () => never {
  return () => {
    throw new Error(`Function ${name} is disabled`);
  };
}
const locks: Record<string, () => never> = {};
for (const name of DISABLED_FUNCTIONS) if (name !== "import") locks[name] = disabled(name);
math.import(locks, { override: true });
math.import({ import: disabled("import") }, { override: true });

/** The instance's arithmetic, for the evaluator (number arguments only). */
export const ops = {
  add: math.add as unknown as (a: number, b: number) => number,
  subtract: math.subtract as unknown as (a: number, b: number) => number,
  multiply: math.multiply as unknown as (a: number, b: number) => number,
  divide: math.divide as unknown as (a: number, b: number) => number,
  pow: math.pow as unknown as (a: number, b: number) => number,
  unaryMinus: math.unaryMinus as unknown as (a: number) => number,
  equal: math.equal as unknown as (a: number | string, b: number | string) => boolean,
  unequal: math.unequal as unknown as (a: number | string, b: number | string) => boolean,
  smaller: math.smaller as unknown as (a: number, b: number) => boolean,
  larger: math.larger as unknown as (a: number, b: number) => boolean,
  smallerEq: math.smallerEq as unknown as (a: number, b: number) => boolean,
  largerEq: math.largerEq as unknown as (a: number, b: number) => boolean,
  round: math.round as unknown as (x: number, n?: number) => number,
  min: math.min as unknown as (...xs: number[]) => number,
  max: math.max as unknown as (...xs: number[]) => number,
  abs: math.abs as unknown as (x: number) => number,
} as const;

/** mathjs's own (English) syntax message; parseFormula turns it into a bilingual refusal. */
export class MathSyntaxError extends ProblemError {
  constructor(
    message: string,
    /** 0-based index into the text, when mathjs reported one. */
    readonly index: number | null,
  ) {
    super(problem("value", { zh: message, en: message }));
    this.name = "MathSyntaxError";
  }
}

/** Parses with the locked instance; a mathjs syntax error becomes a MathSyntaxError. */
export function lockedParse(source: string): MathNode {
  try {
    return privateParse(source);
  } catch (e) {
    const err = e as Error & { char?: unknown };
    const index = typeof err.char === "number" && Number.isFinite(err.char) ? Math.max(0, err.char - 1) : null;
    throw new MathSyntaxError(err.message, index);
  }
}

/**
 * mathjs's own evaluation of a parsed node (node.compile().evaluate) in this instance — used to
 * cross-check the engine's evaluator. `scope` maps the names written in the formula to values.
 */
export function mathjsEvaluate(
  node: MathNode,
  scope: ReadonlyMap<string, number | string>,
  constants: ReadonlyMap<string, number> = new Map(),
): unknown {
  return node.compile().evaluate(new Map([...scope, ...constants]));
}

/** Whether the namespace entry `name` is one of the locks (for the security tests). */
export function isLocked(name: string): boolean {
  const f = (math as unknown as Record<string, unknown>)[name];
  if (typeof f !== "function") return f === undefined;
  try {
    (f as () => unknown)();
    return false;
  } catch (e) {
    return e instanceof Error && e.message === `Function ${name} is disabled`;
  }
}
