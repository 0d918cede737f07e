import {
  errorOf,
  installCustomFunctionsGlobal,
  isCfError,
  setOfficeDisplayLanguage,
} from "../../test/support/customFunctionsGlobal";
import { formatSerial } from "../core/dates/serial";
import {
  svcAuditScore,
  svcGrade,
  svcGradeLabel,
  svcKpiScore,
  svcQuarterBonus,
  svcSlaDeadline,
  svcSlaHours,
  svcSlaMet,
  svcWeighted,
  svcYearEndBonus,
} from "./functions";
import { clipMessage, currentLocale, inputError, MAX_MESSAGE_LENGTH } from "./runtime";
import { setClock } from "./sla";

let uninstall: () => void;
let restoreOffice: () => void = () => undefined;
beforeAll(() => {
  uninstall = installCustomFunctionsGlobal().uninstall;
});
afterAll(() => uninstall());
afterEach(() => {
  restoreOffice();
  restoreOffice = () => undefined;
});

/** Cells as plain data: numbers rounded to 1e-9, errors as "#CODE: message". */
function show(grid: unknown[][]): unknown[][] {
  return grid.map((row) =>
    row.map((v) =>
      isCfError(v)
        ? `${v.code}${v.message ? `: ${v.message}` : ""}`
        : typeof v === "number"
          ? Math.round(v * 1e9) / 1e9
          : v,
    ),
  );
}
const code = (v: unknown) => errorOf(v).code;
const R = 46300 + 8.5 / 24; // 2026-10-05 08:30
const H = 1 / 24;
const DIV0 = { code: "#DIV/0!" };

describe("locale and errors", () => {
  it("is en-US outside Office and zh-CN when Office speaks any Chinese", () => {
    expect(currentLocale()).toBe("en-US");
    restoreOffice = setOfficeDisplayLanguage("zh-TW");
    expect(currentLocale()).toBe("zh-CN");
    restoreOffice();
    restoreOffice = setOfficeDisplayLanguage("en-GB");
    expect(currentLocale()).toBe("en-US");
  });
  it("survives an Office global whose context throws", () => {
    const g = globalThis as { Office?: unknown };
    g.Office = {
      get context() {
        throw new Error("not ready");
      },
    };
    restoreOffice = () => delete g.Office;
    expect(currentLocale()).toBe("en-US");
  });
  it("messages come in the user's language", () => {
    restoreOffice = setOfficeDisplayLanguage("zh-CN");
    expect(errorOf(svcWeighted([[4, 5, 3, 4, 5]], [[1, 1, 1, 1]])[0][0]).message).toBe(
      "权重与分数个数不一致：5 个分数，4 个权重",
    );
    restoreOffice();
    expect(errorOf(svcWeighted([[4, 5, 3, 4, 5]], [[1, 1, 1, 1]])[0][0]).message).toBe(
      "weights and scores differ in size: 5 scores, 4 weights",
    );
  });
  it("clips messages to Excel's limit without splitting characters", () => {
    const long = "😀".repeat(300);
    const c = clipMessage(long);
    expect(c.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(c.endsWith("…")).toBe(true);
    expect(/[\ud800-\udbff]…$/.test(c)).toBe(false);
    expect(clipMessage("short")).toBe("short");
  });
  it("input errors come back as errors: passable codes keep their code, #REF!/#NAME? become #VALUE!", () => {
    expect(inputError(1, "en-US")).toBeNull();
    expect(inputError(null, "en-US")).toBeNull();
    expect(errorOf(inputError({ code: "#DIV/0!" }, "en-US")).code).toBe("#DIV/0!");
    expect(errorOf(inputError({ code: "#N/A" }, "en-US")).code).toBe("#N/A");
    expect(errorOf(inputError({ code: "#REF!" }, "en-US"))).toEqual({
      code: "#VALUE!",
      message: "an input cell holds the error #REF!",
    });
    expect(errorOf(inputError({ type: "Error", errorType: "Div0" }, "en-US")).code).toBe("#DIV/0!");
    expect(errorOf(inputError({ type: "Entity" }, "en-US")).code).toBe("#VALUE!");
  });
});

describe("SVC.WEIGHTED", () => {
  it("one person's list → one result", () => {
    expect(show(svcWeighted([[4, 5, 3]], [[0.6, 0.2, 0.2]]))).toEqual([[4]]);
    expect(show(svcWeighted([[4], [5], [3]], [[60], [20], [20]]))).toEqual([[4]]);
    expect(show(svcWeighted([[4], [5], [3]], [[0.6, 0.2, 0.2]]))).toEqual([[4]]);
  });
  it("people × indicators with one row of weights → one result per row, per-row errors", () => {
    const out = svcWeighted(
      [
        [4, 5, 3],
        [null, null, null],
        [5, "x", 5],
        [5, null, 5],
        [7, 4, 4],
        [4, DIV0, 4],
      ],
      [[0.6, 0.2, 0.2]],
      [[5]],
    );
    expect(out.length).toBe(6);
    expect(out.every((r) => r.length === 1)).toBe(true);
    expect(out[0][0]).toBeCloseTo(4, 12);
    expect(errorOf(out[1][0])).toEqual({
      code: "#N/A",
      message: "no indicator was assessed (all scores blank or N/A)",
    });
    expect(errorOf(out[2][0])).toEqual({ code: "#VALUE!", message: 'score 2 is text "x", not a number' });
    expect(out[3][0]).toBeCloseTo(5, 12);
    expect(code(out[4][0])).toBe("#NUM!");
    expect(code(out[5][0])).toBe("#DIV/0!");
  });
  it("weight problems are named, in every row", () => {
    const out = svcWeighted(
      [
        [4, 5],
        [3, 4],
      ],
      [[1, -1]],
    );
    expect(show(out)).toEqual([
      ["#VALUE!: weights: weight 2 is negative (-1)"],
      ["#VALUE!: weights: weight 2 is negative (-1)"],
    ]);
    expect(code(svcWeighted([[4, 5]], [[0, 0]])[0][0])).toBe("#VALUE!");
    expect(code(svcWeighted([[4, 5]], [[1, DIV0]])[0][0])).toBe("#DIV/0!");
  });
  it("size mismatches", () => {
    expect(
      show(
        svcWeighted(
          [
            [1, 2, 3],
            [4, 5, 1],
          ],
          [[1, 1]],
        ),
      ),
    ).toEqual([["#VALUE!: weights and scores differ in size: 3 scores per row, 2 weights"]]);
    expect(
      code(
        svcWeighted(
          [
            [1, 2],
            [3, 4],
          ],
          [[1], [1]],
        )[0][0],
      ),
    ).toBe("#VALUE!");
    expect(code(svcWeighted([], [[1]])[0][0])).toBe("#VALUE!");
    expect(code(svcWeighted([[1]], undefined as unknown as unknown[][])[0][0])).toBe("#VALUE!");
  });
  it("scaleMax: default 0–100; 5 catches a 7; bad values are named", () => {
    expect(show(svcWeighted([[85, 95]], [[1, 1]]))).toEqual([[90]]);
    expect(code(svcWeighted([[120, 95]], [[1, 1]])[0][0])).toBe("#NUM!");
    expect(code(svcWeighted([[7, 4]], [[1, 1]], [[5]])[0][0])).toBe("#NUM!");
    expect(code(svcWeighted([[4, 4]], [[1, 1]], [[0]])[0][0])).toBe("#NUM!");
    expect(code(svcWeighted([[4, 4]], [[1, 1]], [[5, 5]])[0][0])).toBe("#VALUE!");
    expect(show(svcWeighted([[4, 4]], [[1, 1]], [[null]]))).toEqual([[4]]);
  });
});

describe("SVC.GRADE and SVC.GRADELABEL", () => {
  it("grades five-point by default, never rounding first, keeping the shape", () => {
    expect(
      svcGrade([
        [5, 4.95, 4.9999999999],
        [3, 2.5, null],
      ]),
    ).toEqual([
      ["A", "B", "A"],
      ["C", "D", expect.anything()],
    ]);
    const out = svcGrade([[7, "x", true]]);
    expect(out[0].map(code)).toEqual(["#NUM!", "#VALUE!", "#VALUE!"]);
    expect(code(svcGrade([[null]])[0][0])).toBe("#N/A");
  });
  it("user bands as a two-column range", () => {
    const bands = [
      [90, "优秀"],
      [80, "良好"],
      [60, "合格"],
      [0, "不合格"],
    ];
    expect(svcGrade([[95], [80], [59.99]], bands)).toEqual([["优秀"], ["良好"], ["不合格"]]);
    const s = [
      [95, "S"],
      [85, "A"],
      [70, "B"],
      [60, "C"],
      [null, "D"],
    ];
    expect(svcGrade([[96, 70, 10]], s)).toEqual([["S", "B", "D"]]);
  });
  it("bad bands make every cell an error naming the problem", () => {
    const out = svcGrade(
      [[95, 80]],
      [
        [60, "合格"],
        [90, "优秀"],
      ],
    );
    expect(out[0].map((v) => errorOf(v).message)).toEqual([
      "bands: grade bounds must be strictly decreasing: 60 (row 1) then 90 (row 2)",
      "bands: grade bounds must be strictly decreasing: 60 (row 1) then 90 (row 2)",
    ]);
    expect(code(svcGrade([[95]], [[90, "A", "x"]])[0][0])).toBe("#VALUE!");
  });
  it("GRADELABEL in the user's or the chosen language", () => {
    expect(svcGradeLabel([[95, 85, 65, 30]])).toEqual([["Excellent", "Good", "Pass", "Fail"]]);
    expect(svcGradeLabel([[95, 85, 65, 30]], [["zh"]])).toEqual([["优秀", "良好", "合格", "不合格"]]);
    restoreOffice = setOfficeDisplayLanguage("zh-CN");
    expect(svcGradeLabel([[85]])).toEqual([["良好"]]);
    expect(svcGradeLabel([[85]], [["en"]])).toEqual([["Good"]]);
    expect(code(svcGradeLabel([[85]], [["fr"]])[0][0])).toBe("#VALUE!");
    expect(code(svcGradeLabel([[101]])[0][0])).toBe("#NUM!");
  });
});

describe("SVC.KPISCORE", () => {
  it("higher and lower is better, broadcast over ranges", () => {
    expect(show(svcKpiScore([[0.81], [0.95], ["88%"]], [[0.9]]))).toEqual([[4.5], [5], [4.888888889]]);
    expect(show(svcKpiScore([[0.06]], [[0.03]], [[true]]))).toEqual([[2.5]]);
    expect(show(svcKpiScore([[0.06]], [[0.03]], [["越低越好"]]))).toEqual([[2.5]]);
    expect(show(svcKpiScore([[0.45]], [[0.9]], [[null]], [[100]]))).toEqual([[50]]);
  });
  it('honours the target\'s comparison: exactly 3% misses "< 3%" and scores below 5; ≤ and ≥ keep the old rule', () => {
    const [strict] = svcKpiScore([[0.03]], [[0.03]], [["<"]])[0];
    expect(strict).toBeLessThan(5);
    expect(strict).toBeCloseTo(5, 4);
    expect(show(svcKpiScore([[0.03], [0.029], [0.06]], [[0.03]], [["<"]]))[1]).toEqual([5]);
    expect(show(svcKpiScore([[0.03]], [[0.03]], [["≤"]]))).toEqual([[5]]);
    expect(show(svcKpiScore([[0.03]], [[0.03]], [["<="]]))).toEqual([[5]]);
    expect(show(svcKpiScore([[0.9]], [[0.9]], [[">"]]))[0][0]).toBeLessThan(5);
    expect(show(svcKpiScore([[0.9]], [[0.9]], [["≥"]]))).toEqual([[5]]);
    expect(code(svcKpiScore([[0.01]], [[0]], [["<"]])[0][0])).toBe("#NUM!");
  });
  it("names bad inputs per cell", () => {
    const out = svcKpiScore([[null, "x", -1, 0.5]], [[0.9, 0.9, 0.9, null]]);
    expect(out[0].map(code)).toEqual(["#N/A", "#VALUE!", "#NUM!", "#VALUE!"]);
    expect(code(svcKpiScore([[0.5]], [[0.9]], [["perhaps"]])[0][0])).toBe("#VALUE!");
    // A row and a column broadcast to a table, as in Excel; unequal columns are a shape error.
    expect(show(svcKpiScore([[0.45, 0.9]], [[0.9], [0.45]]))).toEqual([
      [2.5, 5],
      [5, 5],
    ]);
    expect(show(svcKpiScore([[0.5], [0.6]], [[0.9], [0.8], [0.7]]))).toEqual([
      [
        "#VALUE!: ranges differ in size: actual is 2×1, target is 3×1; each argument must be one cell or match the others' rows/columns",
      ],
    ]);
  });
});

describe("SVC.SLAHOURS / SLADEADLINE / SLAMET", () => {
  it("hours per case", () => {
    expect(
      svcSlaHours(
        [["车身"], ["车身"], ["车身"], ["底盘"], ["其他"]],
        [[50], [150], [50], [null], [null]],
        [["否"], ["否"], ["是"], [null], [null]],
      ),
    ).toEqual([[24], [12], [12], [12], [24]]);
    expect(errorOf(svcSlaHours([["车身"]], [[null]], [[null]])[0][0])).toEqual({
      code: "#N/A",
      message: "SLA unknown: a body fault with neither a distance nor supplier needed = yes",
    });
    expect(code(svcSlaHours([["轮胎"]], [[1]], [[null]])[0][0])).toBe("#VALUE!");
    expect(code(svcSlaHours([["车身"]], [[-5]], [[null]])[0][0])).toBe("#NUM!");
  });
  it("deadline = report time + hours, from serials or text", () => {
    const out = svcSlaDeadline(
      [[R], ["2026-10-05 08:30"], ["2026年10月5日 8:30"]],
      [["车身"], ["底盘发动机"], ["其他"]],
      [[100]],
      [[null]],
    );
    expect(out.map((r) => formatSerial(r[0] as number))).toEqual([
      "2026-10-06 08:30",
      "2026-10-05 20:30",
      "2026-10-06 08:30",
    ]);
    expect(code(svcSlaDeadline([[null]], [["车身"]], [[1]], [[null]])[0][0])).toBe("#N/A");
    expect(code(svcSlaDeadline([["2026-02-30 08:00"]], [["车身"]], [[1]], [[null]])[0][0])).toBe("#VALUE!");
  });
  it("SLAMET: TRUE met (limit included), FALSE missed, #N/A pending/unknown saying which", () => {
    const out = svcSlaMet(
      [[R]],
      [["底盘发动机"], ["底盘发动机"], ["底盘发动机"], ["底盘发动机"], [null], ["车身"]],
      [[null]],
      [[null]],
      [[R + 12 * H], [R + 13 * H], [null], [null], [null], [null]],
      [[null]],
      [[R + 2 * H], [R + 2 * H], [R + 2 * H], [R + 20 * H], [R + 20 * H], [R + 20 * H]],
    );
    expect(out[0][0]).toBe(true);
    expect(out[1][0]).toBe(false);
    expect(errorOf(out[2][0]).code).toBe("#N/A");
    expect(errorOf(out[2][0]).message).toMatch(/^pending: no first reply yet/);
    expect(out[3][0]).toBe(false);
    expect(errorOf(out[4][0]).message).toBe("SLA unknown: no fault category");
    expect(errorOf(out[5][0]).message).toMatch(/^SLA unknown/);
  });
  it("SLAMET: an event before the report is #VALUE!; asOf defaults to now", () => {
    const early = svcSlaMet([[R]], [["其他"]], [[null]], [[null]], [[R - H]], [[null]]);
    expect(errorOf(early[0][0])).toEqual({
      code: "#VALUE!",
      message: "the first reply time 2026-10-05 07:30 is earlier than the report time 2026-10-05 08:30",
    });
    try {
      setClock(() => new Date(2026, 9, 5, 9, 0));
      expect(code(svcSlaMet([[R]], [["其他"]], [[null]], [[null]], [[null]], [[null]])[0][0])).toBe("#N/A");
      setClock(() => new Date(2026, 9, 7, 9, 0));
      expect(svcSlaMet([[R]], [["其他"]], [[null]], [[null]], [[null]], [[null]])[0][0]).toBe(false);
    } finally {
      setClock(() => new Date());
    }
  });
  it("SLAMET ignores the event the rule does not wait for", () => {
    expect(svcSlaMet([[R]], [["车身"]], [[10]], [["否"]], [["garbage"]], [[R + 23 * H]], [[R + 30 * H]])[0][0]).toBe(
      true,
    );
    expect(code(svcSlaMet([[R]], [["车身"]], [[10]], [["否"]], [[null]], [["garbage"]], [[R + 30 * H]])[0][0])).toBe(
      "#VALUE!",
    );
  });
  it("SLAMET: a chassis-engine fault's reply by phone is not the written contact 3.2.3 asks for", () => {
    const reply = [[R + 2 * H]];
    const asOf = [[R + 30 * H]];
    const met = (method: unknown) =>
      svcSlaMet([[R]], [["底盘发动机"]], [[null]], [[null]], reply, [[null]], asOf, [[method]]);
    expect(met("电话")[0][0]).toBe(false);
    expect(met("短信")[0][0]).toBe(true);
    expect(met(null)[0][0]).toBe(true);
    // Before the 12 h limit a phone reply leaves the order pending (written contact can still come).
    const early = svcSlaMet([[R]], [["底盘发动机"]], [[null]], [[null]], reply, [[null]], [[R + 3 * H]], [["电话"]]);
    expect(code(early[0][0])).toBe("#N/A");
    // Other faults accept any reply.
    expect(svcSlaMet([[R]], [["其他"]], [[null]], [[null]], reply, [[null]], asOf, [["电话"]])[0][0]).toBe(true);
    expect(code(met("信鸽")[0][0])).toBe("#VALUE!");
  });
});

describe("SVC.QUARTERBONUS / YEARENDBONUS", () => {
  it("quarter bonus with default and custom coefficients", () => {
    expect(svcQuarterBonus([[18000], [18000], [10000.05]], [["A"], ["D"], ["B"]])).toEqual([[4230], [0], [2350.01]]);
    expect(
      svcQuarterBonus(
        [[10000]],
        [["A"]],
        [
          ["A", 1.2],
          ["B", 1],
          ["C", 0.8],
          ["D", 0],
        ],
        [[0.25]],
      ),
    ).toEqual([[3000]]);
    expect(errorOf(svcQuarterBonus([[18000]], [["E"]])[0][0])).toEqual({
      code: "#VALUE!",
      message: 'grade "E" has no coefficient (known: A, B, C, D)',
    });
    expect(
      code(
        svcQuarterBonus(
          [[18000]],
          [["A"]],
          [
            ["A", 1],
            ["D", 0.5],
          ],
        )[0][0],
      ),
    ).toBe("#VALUE!");
    expect(code(svcQuarterBonus([[null]], [["A"]])[0][0])).toBe("#N/A");
    expect(code(svcQuarterBonus([[18000]], [["A"]], undefined, [[2]])[0][0])).toBe("#NUM!");
  });
  it("a hundred-point form's grade word counts as 第九条's level (issue 14 point 4): 不合格 pays nothing", () => {
    expect(svcQuarterBonus([[18000], [18000], [18000], [18000]], [["优秀"], ["一般"], ["合格"], ["不合格"]])).toEqual([
      [4230],
      [4230],
      [4230],
      [0],
    ]);
    // A custom table: the word's level is looked up in it (良好 → A → 1.2).
    expect(
      svcQuarterBonus(
        [[10000]],
        [["良好"]],
        [
          ["A", 1.2],
          ["B", 1],
          ["C", 0.8],
          ["D", 0],
        ],
        [[0.25]],
      ),
    ).toEqual([[3000]]);
  });
  it("year-end bonus with counts, broadcast per person", () => {
    expect(
      svcYearEndBonus(
        [[18000], [18000], [18000], [18000]],
        [[1], [2], [0], [null]],
        [[1], [0], [2], [null]],
        [[0], [0], [0], [null]],
      ),
    ).toEqual([[1080], [0], [0], [1080]]);
    expect(svcYearEndBonus([[18000]], [[0]], [[0]], [[1]])).toEqual([[0]]);
    expect(code(svcYearEndBonus([[18000]], [[-1]], [[0]], [[0]])[0][0])).toBe("#NUM!");
    expect(code(svcYearEndBonus([[18000]], [[1.5]], [[0]], [[0]])[0][0])).toBe("#NUM!");
  });
  it("failedQuarters as one person's grades (row or column) or one row per person", () => {
    expect(svcYearEndBonus([[18000]], [["A", "D", "B", "A"]], [[0]], [[0]])).toEqual([[1080]]);
    expect(svcYearEndBonus([[18000]], [["A"], ["D"], ["D"], [null]], [[0]], [[0]])).toEqual([[0]]);
    const out = svcYearEndBonus(
      [[18000], [20000], [10000]],
      [
        ["A", "B", "A", "A"],
        ["D", "D", "A", null],
        ["A", "E", "A", "A"],
      ],
      [[0]],
      [[0], [0], [1]],
    );
    expect(out[0][0]).toBe(1080);
    expect(out[1][0]).toBe(0);
    expect(errorOf(out[2][0]).message).toBe('failedQuarters: quarter grade 2 ("E") is not a known grade');
    const err = svcYearEndBonus(
      [[1], [2]],
      [
        ["A", DIV0],
        ["A", "B"],
      ],
      [[0]],
      [[0]],
    );
    expect(code(err[0][0])).toBe("#DIV/0!");
    expect(err[1][0]).toBeCloseTo(0.12, 12);
  });
});

describe("SVC.AUDITSCORE", () => {
  it("percent over applicable items", () => {
    expect(
      svcAuditScore(
        [
          [5, 3, "N/A"],
          [null, "不适用", 4],
        ],
        [[5]],
      ),
    ).toEqual([[80]]);
    expect(svcAuditScore([["合格", "不合格"]], [[5]])).toEqual([[50]]);
    expect(show(svcAuditScore([[4, 8]], [[4, 10]]))).toEqual([[85.714285714]]);
    expect(svcAuditScore([[5, 5]], [[null]])).toEqual([[100]]);
  });
  it("errors: above max → #NUM!, all N/A → #N/A, text → #VALUE!, shape → #VALUE!", () => {
    expect(errorOf(svcAuditScore([[6, 3]], [[5]])[0][0])).toEqual({
      code: "#NUM!",
      message: "item 1: item score 6 is above the maximum 5",
    });
    expect(code(svcAuditScore([[null, "N/A"]], [[5]])[0][0])).toBe("#N/A");
    expect(code(svcAuditScore([["good"]], [[5]])[0][0])).toBe("#VALUE!");
    expect(code(svcAuditScore([[1, 2]], [[5, 5, 5]])[0][0])).toBe("#VALUE!");
    expect(code(svcAuditScore([[1, 2]], [[0]])[0][0])).toBe("#NUM!");
    expect(code(svcAuditScore([[1, DIV0]], [[5]])[0][0])).toBe("#DIV/0!");
  });
});
