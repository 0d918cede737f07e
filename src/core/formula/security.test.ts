/**
 * Security suite for user formulas (RULES.md#finance-formulas, issue 6): known mathjs escape attempts and
 * resource attacks are all refused, quickly, with a message that points at the offending part.
 *
 * The refusals run in a worker thread guarded by a timeout: a parser that hung would be
 * terminated and the test would fail naming the input it hung on (a timed assertion could not
 * catch a synchronous hang; a guard can).
 */
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { BONUS_FORMULA_LANGUAGE } from "../bonus/formulaLanguage";
import { DISABLED_FUNCTIONS, isLocked, lockedParse, mathjsEvaluate } from "./lockedMath";
import { parseFormula } from "./parseFormula";

/** [input, what the English message must say, the fragment it must point at]. */
const ATTEMPTS: readonly (readonly [string, RegExp, string])[] = [
  // Prototype and constructor access.
  ["constructor", /unknown name "constructor"/, "constructor"],
  ["__proto__", /unknown name "__proto__"/, "__proto__"],
  ["全年绩效.constructor", /property or method access/, "."],
  ['全年绩效["constructor"]', /square brackets/, "["],
  ['(1).constructor.constructor("return process")()', /property or method access/, "."],
  ['Function("return process")()', /the function Function is not allowed/, "Function"],
  // The functions mathjs's security advice says to disable.
  ["import({}, {override: true})", /the function import is not allowed/, "import"],
  ['createUnit("yuan")', /the function createUnit is not allowed/, "createUnit"],
  ['evaluate("1 + 1")', /the function evaluate is not allowed/, "evaluate"],
  ['parse("1 + 1")', /the function parse is not allowed/, "parse"],
  ['simplify("x + x")', /the function simplify is not allowed/, "simplify"],
  ['derivative("x^2", "x")', /the function derivative is not allowed/, "derivative"],
  ['resolve("x")', /the function resolve is not allowed/, "resolve"],
  ['compile("1")', /the function compile is not allowed/, "compile"],
  ["chain(1)", /the function chain is not allowed/, "chain"],
  ["config({})", /the function config is not allowed/, "config"],
  ["cos(1)", /the function cos is not allowed/, "cos"],
  // Definitions and assignment.
  ["f(x) = x", /the function f is not allowed/, "f"],
  ["全年绩效(x) = 1", /全年绩效 is a variable, not a function/, "全年绩效"],
  ["系数 = 2", /write == to compare; a formula cannot assign/, "="],
  ["全年绩效 ＝ 1", /write == to compare; a formula cannot assign/, "＝"],
  // Matrices, objects, ranges, several statements, the conditional operator, comments.
  ["[1, 2]", /square brackets/, "["],
  ["{a: 1}", /braces/, "{"],
  ["1:3", /ranges/, ":"],
  ["全年绩效; 系数", /one expression/, ";"],
  ["全年绩效\n系数", /line break/, "\n"],
  ["黄牌 > 1 ? 1 : 0", /use if\(condition, then, else\)/, "?"],
  ["全年绩效 # 注释", /comments/, "#"],
  // Named operators and other operators mathjs knows.
  ["全年绩效 and 系数", /and is not supported/, "and"],
  ["5 mod 2", /mod is not supported/, "mod"],
  ["1 to cm", /unit conversion \(to\)/, "to"],
  ["3!", /factorial/, "!"],
  ["全年绩效'", /no closing '/, "'"],
  ["全年绩效 & 1", /&/, "&"],
  ["1 << 40", /bit shifts/, "<<"],
  ["1 < 全年绩效 < 2", /chained comparisons/, "1"],
  // Huge numbers and exponents, deep nesting, very long input.
  ["9^9^9", /exponent of \^ must be a whole-number constant from 1 to 10/, "^9^9"],
  ["全年绩效^1000", /exponent of \^/, "^1000"],
  ["2^0.5", /exponent of \^/, "^0.5"],
  ["1e400", /too large/, "1e400"],
  ["((((((((((((1))))))))))))", /nested too deeply/, "("],
  [`${"-".repeat(150)}全年绩效`, /nested too deeply/, "-"],
  [`${"1+".repeat(100_000)}1`, /too long \(200001 characters; at most 300\)/, "1"],
  // Unicode tricks.
  ["全年绩效\u200b*2", /zero-width space \(U\+200B\)/, "\u200b"],
  ["全年绩效 *\u202e 2", /text direction control \(U\+202E\)/, "\u202e"],
  ["\u0430bs(1)", /character U\+0430 is not allowed/, "\u0430"],
  ["全年绩效\u00a0* 2", /non-breaking space/, "\u00a0"],
  ["\ufeff全年绩效", /byte order mark/, "\ufeff"],
  ["\u{1d465} * 2", /character U\+1D465 is not allowed/, "\u{1d465}"],
  ['"\\u0041"', /backslashes and quotes are not allowed in text/, "\\"],
  ["$a", /\$ is not allowed/, "$"],
  ["0x1F", /a number runs into a name/, "x"],
  // Values that are not amounts.
  ["true", /unknown name "true"/, "true"],
  ["Infinity", /unknown name "Infinity"/, "Infinity"],
  ['"D"', /must give an amount/, '"D"'],
  ["全年绩效 > 0", /must give an amount/, "全年绩效 > 0"],
  ["等级 * 2", /each side of "\*" must be a number, not text/, "等级"],
  ["等级 == 系数", /text can only be compared/, "=="],
  ["if(全年绩效, 1, 2)", /the condition of if\(\) must be a comparison/, "全年绩效"],
  ["round(全年绩效, 系数)", /decimals of round\(\) must be a whole-number constant/, "系数"],
  ["2 系数", /an operator is missing here/, "系数"],
];

interface Outcome {
  readonly input: string;
  readonly ok: boolean;
  readonly en: string;
  readonly zh: string;
  readonly fragment: string;
  readonly start: number;
}

const ROOT = join(__dirname, "..", "..", "..");

/** Parses every input in a worker thread; rejects naming the input if it does not finish in `timeoutMs`. */
function parseAllGuarded(inputs: readonly string[], timeoutMs: number): Promise<Outcome[]> {
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    const fs = require("node:fs");
    const swc = require("@swc/core");
    require.extensions[".ts"] = (module, filename) => {
      const out = swc.transformSync(fs.readFileSync(filename, "utf8"), {
        filename, jsc: { parser: { syntax: "typescript" }, target: "es2020" }, module: { type: "commonjs" },
      });
      module._compile(out.code, filename);
    };
    const { parseFormula } = require(workerData.root + "/src/core/formula/parseFormula.ts");
    const { BONUS_FORMULA_LANGUAGE } = require(workerData.root + "/src/core/bonus/formulaLanguage.ts");
    for (const input of workerData.inputs) {
      parentPort.postMessage({ parsing: input });
      const r = parseFormula(input, BONUS_FORMULA_LANGUAGE);
      parentPort.postMessage({ done: r.ok
        ? { input, ok: true, en: "", zh: "", fragment: "", start: -1 }
        : { input, ok: false, en: r.problem.message.en, zh: r.problem.message.zh, fragment: r.fragment, start: r.at.start } });
    }
    parentPort.postMessage({ finished: true });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { root: ROOT, inputs } });
    const results: Outcome[] = [];
    let current = "(loading the parser)";
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new Error(`the formula parser did not finish within ${timeoutMs} ms; it hung on: ${current.slice(0, 80)}`),
      );
    }, timeoutMs);
    worker.on("message", (m: { parsing?: string; done?: Outcome; finished?: boolean }) => {
      if (m.parsing !== undefined) current = m.parsing;
      if (m.done) results.push(m.done);
      if (m.finished) {
        clearTimeout(timer);
        void worker.terminate();
        resolve(results);
      }
    });
    worker.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe("user formula security", () => {
  let outcomes: Outcome[];

  beforeAll(async () => {
    outcomes = await parseAllGuarded(
      ATTEMPTS.map((a) => a[0]),
      60_000,
    );
  }, 90_000);

  test("the guard really runs the parser (a valid formula passes through it)", async () => {
    const [valid] = await parseAllGuarded(['if(等级 == "D", 0, 全年绩效 * 0.235 * 系数)'], 60_000);
    expect(valid.ok).toBe(true);
  }, 90_000);

  /** How an input is named in the test list: JSON, at most 60 characters. */
  const label = (input: string): string => {
    const json = JSON.stringify(input);
    return json.length > 60 ? `${json.slice(0, 40)}…(${input.length} characters)` : json;
  };

  test.each(ATTEMPTS.map((a, i) => [i, label(a[0]), ...a] as const))(
    "#%d %s is refused",
    (i, _label, input, message, fragment) => {
      const o = outcomes[i];
      expect(o.input).toBe(input);
      expect(o.ok).toBe(false);
      expect(o.en).toMatch(message);
      // The message points at the offending part: its position (1-based) and the fragment.
      expect(o.en).toContain(`at character ${o.start + 1}`);
      expect(o.fragment.startsWith(fragment) || fragment.startsWith(o.fragment.replace(/…$/, ""))).toBe(true);
      // And says it in Chinese too.
      expect(o.zh).toMatch(new RegExp(`^公式第 ${o.start + 1} 个字符`));
    },
  );

  test("refused formulas are refused the same way in this process", () => {
    for (const [input] of ATTEMPTS.slice(0, 20)) {
      const r = parseFormula(input, BONUS_FORMULA_LANGUAGE);
      expect(r.ok).toBe(false);
    }
  });

  test("second lock: the instance's dangerous functions throw even if a tree reached them", () => {
    for (const name of DISABLED_FUNCTIONS) expect(isLocked(name)).toBe(true);
    const attempts: [string, RegExp][] = [
      ['evaluate("1 + 1")', /Function evaluate is disabled/],
      ["import({}, {})", /Function import is disabled/],
      ['createUnit("yuan")', /Function createUnit is disabled/],
      ['parse("1")', /Function parse is disabled/],
      ['compile("1")', /Function compile is disabled/],
      ['simplify("x")', /Function simplify is disabled/],
      ["cos(1)", /Undefined function cos/],
      ["x.constructor", /No access to property "?constructor/],
    ];
    for (const [source, error] of attempts) {
      // Straight to the parser and mathjs's evaluation, past the scanner and the checker.
      expect(() => mathjsEvaluate(lockedParse(source), new Map([["x", 1]]))).toThrow(error);
    }
  });

  test("the locked parser changed only its own instance: global mathjs still refuses CJK names", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const global = require("mathjs") as typeof import("mathjs");
    expect(() => global.parse("全年绩效 * 2")).toThrow();
    expect(lockedParse("全年绩效 * 2").toString()).toBe("全年绩效 * 2");
  });
});
