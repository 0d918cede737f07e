/**
 * Property tests: every SVC function, fed random values, blanks, text, booleans, Excel error
 * objects, NaN/±Infinity, huge and empty ranges and mismatched shapes, never throws, returns
 * a well-formed grid of the right shape with per-cell errors, and never returns a number
 * where the input is invalid.
 */
import fc from "fast-check";
import { installCustomFunctionsGlobal, isCfError, isOutputErrorCode } from "../../test/support/customFunctionsGlobal";
import * as F from "./functions";
import { broadcastShape, asMatrix } from "./grid";

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsGlobal().uninstall;
});
afterAll(() => uninstall());

const errorCell = fc.oneof(
  fc.constantFrom("#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NUM!", "#NAME?", "#BUSY!").map((code) => ({ code })),
  fc.constantFrom("Div0", "Ref", "Value").map((errorType) => ({ type: "Error", errorType })),
);
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.double(), weight: 3 },
  { arbitrary: fc.integer({ min: -10, max: 120 }), weight: 3 },
  { arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0, 1e308), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      "",
      " ",
      "N/A",
      "不适用",
      "是",
      "否",
      "TRUE",
      "85%",
      "车身",
      "底盘发动机",
      "其他",
      "A",
      "B",
      "D",
      "E",
      "优秀",
      "不合格",
      "合格",
      "2026-10-05 08:30",
      "2026-02-30",
      "zh",
      "en",
      "越低越好",
    ),
    weight: 3,
  },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: errorCell, weight: 1 },
  { arbitrary: fc.object({ maxDepth: 1 }), weight: 1 },
);
const matrix = (c: fc.Arbitrary<unknown>) =>
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }))
    .chain(([r, k]) => fc.array(fc.array(c, { minLength: k, maxLength: k }), { minLength: r, maxLength: r }));
const arg: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: matrix(cell), weight: 8 },
  { arbitrary: cell.map((v) => [[v]]), weight: 4 },
  { arbitrary: fc.constantFrom(undefined, null, [], [[]]), weight: 1 },
  { arbitrary: cell, weight: 1 },
);

type Fn = (...args: never[]) => unknown[][];
const FUNCTIONS: [string, Fn, number][] = [
  ["WEIGHTED", F.svcWeighted as Fn, 3],
  ["GRADE", F.svcGrade as Fn, 2],
  ["GRADELABEL", F.svcGradeLabel as Fn, 2],
  ["KPISCORE", F.svcKpiScore as Fn, 4],
  ["SLAHOURS", F.svcSlaHours as Fn, 3],
  ["SLADEADLINE", F.svcSlaDeadline as Fn, 4],
  ["SLAMET", F.svcSlaMet as Fn, 8],
  ["QUARTERBONUS", F.svcQuarterBonus as Fn, 4],
  ["YEARENDBONUS", F.svcYearEndBonus as Fn, 5],
  ["AUDITSCORE", F.svcAuditScore as Fn, 2],
];

function call(fn: Fn, args: unknown[]): unknown[][] {
  return (fn as (...a: unknown[]) => unknown[][])(...args);
}

/** A grid Excel accepts: ≥1 row, equal rows, each cell a finite number, text, logical or an output error with a short message. */
function wellFormed(grid: unknown): boolean {
  if (!Array.isArray(grid) || grid.length === 0) return false;
  const cols = Array.isArray(grid[0]) ? grid[0].length : -1;
  if (cols < 1) return false;
  return grid.every(
    (row) =>
      Array.isArray(row) &&
      row.length === cols &&
      row.every((v) => {
        if (typeof v === "number") return Number.isFinite(v);
        if (typeof v === "string" || typeof v === "boolean") return true;
        return (
          isCfError(v) &&
          isOutputErrorCode(v.code) &&
          (v.message === undefined || (v.message.length > 0 && v.message.length <= 255))
        );
      }),
  );
}

const shapeOf = (g: unknown[][]) => [g.length, g[0].length];

describe.each(FUNCTIONS)("SVC.%s", (_name, fn, arity) => {
  it("never throws and always returns a well-formed grid", () => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: arity, maxLength: arity }), (args) => wellFormed(call(fn, args))),
      { numRuns: 300 },
    );
  });
  it("handles a huge range", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [i % 7 === 0 ? null : (i % 5) + 0.5]);
    const args = Array.from({ length: arity }, (_, k) => (k === 0 ? rows : [[k === 1 ? 5 : null]]));
    const out = call(fn, args);
    expect(wellFormed(out)).toBe(true);
  });
});

describe("shapes", () => {
  const perCell: [string, Fn, number][] = FUNCTIONS.filter(
    ([n]) => !["WEIGHTED", "AUDITSCORE", "GRADE", "QUARTERBONUS", "YEARENDBONUS"].includes(n),
  );
  it.each(perCell)(
    "SVC.%s: the result has the broadcast shape of its arguments, or is one #VALUE!",
    (_n, fn, arity) => {
      fc.assert(
        fc.property(fc.array(matrix(cell), { minLength: arity, maxLength: arity }), (args) => {
          const out = call(fn, args);
          const shape = broadcastShape(args.map((m) => ({ name: { zh: "x", en: "x" }, m: asMatrix(m) ?? [[null]] })));
          if (!shape.ok)
            return out.length === 1 && out[0].length === 1 && isCfError(out[0][0]) && out[0][0].code === "#VALUE!";
          return out.length === shape.value.rows && out[0].length === shape.value.cols;
        }),
        { numRuns: 200 },
      );
    },
  );
  it("SVC.GRADE keeps the score range's shape whatever the bands", () => {
    fc.assert(
      fc.property(matrix(cell), arg, (scores, bands) => {
        const out = call(F.svcGrade as Fn, [scores, bands]);
        return JSON.stringify(shapeOf(out)) === JSON.stringify(shapeOf(scores as unknown[][]));
      }),
    );
  });
  it("SVC.WEIGHTED gives one result per row for a block with one row of weights", () => {
    fc.assert(
      fc.property(
        matrix(cell).filter((m) => m.length > 1),
        fc.array(cell, { minLength: 4, maxLength: 4 }),
        (scores, w) => {
          const weights = [w.slice(0, scores[0].length)];
          const out = call(F.svcWeighted as Fn, [scores, weights]);
          return out.length === scores.length && out[0].length === 1;
        },
      ),
    );
  });
  it("SVC.AUDITSCORE gives one result", () => {
    fc.assert(
      fc.property(
        matrix(cell),
        arg,
        (scores, max) => JSON.stringify(shapeOf(call(F.svcAuditScore as Fn, [scores, max]))) === "[1,1]",
      ),
    );
  });
});

describe("never a number for invalid input", () => {
  const junk = fc.oneof(
    fc.boolean(),
    fc.constantFrom("abc", "good", "x1", "1.2.3"),
    errorCell,
    fc.object({ maxDepth: 0 }),
  );
  it("GRADE and GRADELABEL never return numbers", () => {
    fc.assert(
      fc.property(arg, arg, (a, b) => {
        const cells = [...call(F.svcGrade as Fn, [a, b]), ...call(F.svcGradeLabel as Fn, [a, b])].flat();
        return cells.every((v) => typeof v !== "number");
      }),
    );
  });
  it("WEIGHTED: a row holding junk is not a number", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { minLength: 3, maxLength: 3 }),
        junk,
        fc.nat(2),
        (row, bad, at) => {
          const r: unknown[] = [...row];
          r[at] = bad;
          return typeof call(F.svcWeighted as Fn, [[r], [[1, 1, 1]]])[0][0] !== "number";
        },
      ),
    );
  });
  it("WEIGHTED: out-of-scale scores are not numbers", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }).filter((x) => x < -1e-9 || x > 5 + 1e-9),
        (x) => typeof call(F.svcWeighted as Fn, [[[x, 4]], [[1, 1]], [[5]]])[0][0] !== "number",
      ),
    );
  });
  it("KPISCORE: junk actual or target is not a number", () => {
    fc.assert(
      fc.property(junk, fc.boolean(), (bad, first) => {
        const args = first ? [[[bad]], [[0.9]]] : [[[0.8]], [[bad]]];
        return typeof call(F.svcKpiScore as Fn, args)[0][0] !== "number";
      }),
    );
  });
  it("SLA functions: a junk category or report time is not a number/boolean", () => {
    fc.assert(
      fc.property(junk, (bad) => {
        const a = call(F.svcSlaDeadline as Fn, [[[46300]], [[bad]], [[10]], [[null]]])[0][0];
        const b = call(F.svcSlaDeadline as Fn, [[[bad]], [["车身"]], [[10]], [[null]]])[0][0];
        const c = call(F.svcSlaMet as Fn, [
          [[46300]],
          [[bad]],
          [[10]],
          [[null]],
          [[46300.1]],
          [[46300.1]],
          [[46301]],
        ])[0][0];
        const d = call(F.svcSlaHours as Fn, [[[bad]], [[10]], [[null]]])[0][0];
        return typeof a !== "number" && typeof b !== "number" && typeof c !== "boolean" && typeof d !== "number";
      }),
    );
  });
  it("QUARTERBONUS: an unknown grade or junk amount is not a number", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !["a", "b", "c", "d"].includes(s.trim().toLowerCase())),
        junk,
        (g, bad) => {
          return (
            typeof call(F.svcQuarterBonus as Fn, [[[1000]], [[g]]])[0][0] !== "number" &&
            typeof call(F.svcQuarterBonus as Fn, [[[bad]], [["A"]]])[0][0] !== "number"
          );
        },
      ),
    );
  });
  it("YEARENDBONUS: junk counts or amounts are not numbers", () => {
    fc.assert(
      fc.property(
        junk.filter((v) => typeof v !== "string"),
        fc.nat(3),
        (bad, at) => {
          const args: unknown[] = [[[1000]], [[0]], [[0]], [[0]]];
          args[at] = [[bad]];
          return typeof call(F.svcYearEndBonus as Fn, args)[0][0] !== "number";
        },
      ),
    );
  });
  it("AUDITSCORE: an item above the maximum or junk is not a number", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }),
        fc.oneof(junk, fc.integer({ min: 6, max: 100 })),
        (items, bad) => {
          return typeof call(F.svcAuditScore as Fn, [[[...items, bad]], [[5]]])[0][0] !== "number";
        },
      ),
    );
  });
});
