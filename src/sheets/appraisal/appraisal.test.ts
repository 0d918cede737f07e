import fc from "fast-check";
import { DEFAULT_SETTINGS } from "../../core/settings";
import { EMPLOYEE_TEMPLATE, HEAD_TEMPLATE, STAFF_TEMPLATE, formColumns, type Person } from "../../core/appraisal";
import { isFormulaCell, type PlanCell, type SheetPlan } from "../plan";
import { appraisalPlan, appraisalPlans, formRanks, type AppraisalMarker, type AppraisalOptions } from "./index";
import { countKeysAtMost, sortedRuns } from "./rankNetwork";

const people: Person[] = [
  { name: "张三", id: "S001", department: "售后一部" },
  { name: "李四", id: "S002", department: "售后一部" },
  { name: "王五", id: "S003", department: "售后二部" },
];

function options(overrides: Partial<AppraisalOptions> = {}): AppraisalOptions {
  return {
    template: HEAD_TEMPLATE,
    period: { year: 2026, quarter: 3 },
    people,
    scale: "five",
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    ...overrides,
  };
}

function build(overrides: Partial<AppraisalOptions> = {}): SheetPlan<AppraisalMarker> {
  const r = appraisalPlan(options(overrides));
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

/** The literal or formula cell at an A1 address, looking through blocks. */
function cellAt(plan: SheetPlan, address: string): PlanCell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  for (const block of plan.cells) {
    const b = /^([A-Z]+)(\d+)$/.exec(block.at)!;
    const c0 = [...b[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const r0 = Number(b[2]);
    const line = block.rows[row - r0];
    if (line && col - c0 >= 0 && col - c0 < line.length) return line[col - c0];
  }
  return undefined;
}

function fillExpect(plan: SheetPlan, column: string): unknown[] {
  const fill = plan.fills!.find((f) => f.range.startsWith(column))!;
  return fill.expect!.map((row) => row[0]);
}

describe("appraisalPlan", () => {
  it("lays out the head template with its five groups and weights", () => {
    const plan = build();
    const meta = plan.marker.meta;
    expect(plan.marker.kind).toBe("appraisal");
    expect(meta).toMatchObject({ template: "head", scale: "five", period: "2026-Q3", firstRow: 8, lastRow: 10 });
    expect(meta.columns).toMatchObject({ name: "C", score: "J", grade: "K", departmentRank: "L", rank: "M" });
    expect(cellAt(plan, "E4")).toBe("部门量化指标");
    expect(cellAt(plan, "E7")).toBe(0.4);
    expect(cellAt(plan, "I7")).toBe(0.2);
    expect(cellAt(plan, "C8")).toBe("张三");
    expect(plan.name).toBe("考核表 2026-Q3");
  });

  it("computes weighted score (blank = N/A), grade and rank with the engine as expected values", () => {
    const plan = build({
      scores: [
        [5, 5, 5, 5, 5],
        [4, null, 4, 5, 3],
        [null, null, null, null, null],
      ],
    });
    const [a, b, c] = fillExpect(plan, "J") as (number | string)[];
    expect(a).toBeCloseTo(5, 12);
    // (4×0.4 + 4×0.15 + 5×0.1 + 3×0.2) / 0.85
    expect(b).toBeCloseTo((1.6 + 0.6 + 0.5 + 0.6) / 0.85, 12);
    expect(c).toBe("");
    expect(fillExpect(plan, "K")).toEqual(["A", "C", ""]);
    // 张三 and 李四 are both 售后一部: department ranks 1, 2; overall 1, 2; 王五 has no score.
    expect(fillExpect(plan, "L")).toEqual([1, 2, ""]);
    expect(fillExpect(plan, "M")).toEqual([1, 2, ""]);
  });

  it("ranks within the department (RULES.md#ranking-and-distribution), with the overall rank beside it; ties share a rank", () => {
    const staff: Person[] = [
      { name: "甲", department: "售后一部" },
      { name: "乙", department: "售后二部" },
      { name: "丙", department: "售后一部" },
      { name: "丁", department: "售后二部" },
      { name: "戊" },
      { name: "己", department: "售后一部" },
    ];
    const plan = build({
      people: staff,
      scores: [
        [4, 4, 4, 4, 4],
        [5, 5, 5, 5, 5],
        [3, 3, 3, 3, 3],
        [4, 4, 4, 4, 4],
        [2, 2, 2, 2, 2],
        [4, 4, 4, 4, 4],
      ],
    });
    expect([cellAt(plan, "L4"), cellAt(plan, "M4")]).toEqual(["部门排名", "总排名"]);
    expect(fillExpect(plan, "L")).toEqual([1, 1, 3, 2, 1, 1]);
    expect(fillExpect(plan, "M")).toEqual([2, 1, 5, 2, 6, 2]);
    // No formula compares one person with every other (issue 10): no SUMPRODUCT, COUNTIF or RANK over the people.
    for (const f of plan.fills!) expect(f.formula).not.toMatch(/SUMPRODUCT\(--?\(?\$?[A-Z]+\$8:|COUNTIF\(\$|RANK\(/);
  });

  it("writes every formula against the settings names, never literal bands", () => {
    const plan = build();
    const grade = plan.fills!.find((f) => f.range.startsWith("K"))!;
    expect(grade.formula).toContain("SVC_Grades5_Codes");
    expect(grade.formula).toContain("SVC_Grades5_Bounds");
    const hundred = build({ scale: "hundred" }).fills!.find((f) => f.range.startsWith("K"))!;
    expect(hundred.formula).toContain("SVC_Grades100_Bounds");
  });

  it("uses only functions LibreOffice, WPS and older Excel compute (RULES.md#portable-formulas)", () => {
    const plan = build({ template: STAFF_TEMPLATE });
    const formulas = [
      ...plan.fills!.map((f) => f.formula),
      ...plan.cells
        .flatMap((b) => b.rows.flat())
        .filter(isFormulaCell)
        .map((c) => c.f),
    ];
    const used = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    const allowed = new Set([
      "SUM",
      "SUMPRODUCT",
      "ISNUMBER",
      "IF",
      "INDEX",
      "COUNTIF",
      "ABS",
      "AND",
      "OR",
      "ROUND",
      "ROW",
      "MOD",
      "MIN",
      "SMALL",
      "MATCH",
      "IFERROR",
    ]);
    for (const fn of used) expect(allowed).toContain(fn);
  });

  it("keeps names that look like formulas as text", () => {
    const plan = build({
      people: [{ name: '=HYPERLINK("http://x","y")' }, { name: "+1" }, { name: "-2" }, { name: "@SUM(A1)" }],
    });
    expect(["C8", "C9", "C10", "C11"].map((a) => cellAt(plan, a))).toEqual([
      '=HYPERLINK("http://x","y")',
      "+1",
      "-2",
      "@SUM(A1)",
    ]);
  });

  it("validates scores against the scale and grades against the hundred-point bands", () => {
    const plan = build({
      scale: "hundred",
      scores: [
        [95, 90, 90, 90, 90],
        [70, 70, 70, 70, 70],
        [59, 59, 59, 59, 59],
      ],
    });
    const v = plan.validations!.find((x) => x.range === "E8:I10")!;
    expect(v.rule).toEqual({ type: "decimal", min: 0, max: 100 });
    expect(fillExpect(plan, "K")).toEqual(["优秀", "合格", "不合格"]);
  });

  it("counts the grade distribution with shares and a chart", () => {
    const plan = build({
      scores: [
        [5, 5, 5, 5, 5],
        [4, 4, 4, 4, 4],
        [4.2, 4.5, 4, 4, 4],
      ],
    });
    const counts = plan.cells
      .flatMap((b) => b.rows.flat())
      .filter(isFormulaCell)
      .filter((c) => c.f.startsWith("=COUNTIF("));
    expect(counts.map((c) => c.expect)).toEqual([1, 2, 0, 0]);
    expect(plan.charts).toHaveLength(1);
    expect(plan.charts![0].type).toBe("column");
  });

  it("forced distribution: 考核参数's target shares by default, departures named and red; none without targets", () => {
    const scores = [
      [5, 5, 5, 5, 5],
      [5, 5, 5, 5, 5],
      [4, 4, 4, 4, 4],
    ];
    const settings = { ...DEFAULT_SETTINGS, distribution: { fivePoint: { A: { atMost: 0.2 } }, hundredPoint: {} } };
    const plan = build({ scores, settings });
    const formulas = plan.cells.flatMap((b) => b.rows.flat()).filter(isFormulaCell);
    const departures = formulas.filter((c) => c.f.includes("超出上限"));
    // A: 2 of 3 = 67% > 20% → 超出上限; B: no target → blank.
    expect(departures.map((c) => c.expect)).toEqual(["超出上限", "", "", ""]);
    expect(plan.conditionalFormats!.some((c) => c.rule.type === "expression" && c.rule.formula.includes("符合"))).toBe(
      true,
    );
    // Explicit targets win; {} means none (no target columns).
    const given = build({ scores, settings, targets: { B: { atLeast: 0.5 } } });
    const below = given.cells
      .flatMap((b) => b.rows.flat())
      .filter(isFormulaCell)
      .filter((c) => c.f.includes("低于下限"));
    expect(below.map((c) => c.expect)).toEqual(["", "低于下限", "", ""]);
    const none = build({ scores, settings, targets: {} });
    expect(
      none.cells
        .flatMap((b) => b.rows.flat())
        .filter(isFormulaCell)
        .some((c) => c.f.includes("超出上限")),
    ).toBe(false);
  });

  it("the employee template: 工作任务 (本职工作质量's three measures share a quarter) and 管理工作", () => {
    const columns = formColumns(EMPLOYEE_TEMPLATE);
    expect(columns.map((c) => c.name.zh)).toEqual([
      "本职工作质量：常规工作合格率",
      "本职工作质量：客户满意率",
      "本职工作质量：责任行为到位率",
      "本职工作数量",
      "本职责任事故",
      "额外工作任务",
      "纪律性",
      "组织意识",
      "团队建设",
      "忠诚性",
      "工作创新",
    ]);
    expect(columns[0].weight).toBeCloseTo(0.7 / 12, 12);
    expect(columns[3].weight).toBeCloseTo(0.7 / 4, 12);
    expect(columns[6].weight).toBeCloseTo(0.3 / 5, 12);
    expect(build({ template: EMPLOYEE_TEMPLATE }).marker.meta.template).toBe("employee");
  });

  it("360°: a rater sheet (上级/同事/下属/客户, weights from 考核参数, missing raters renormalised) feeds the form's scores", () => {
    const five = (supervisor: number | null, peers: number | null, customers: number | null) =>
      Array.from({ length: 5 }, () => ({ supervisor, peers, customers }));
    const r = appraisalPlans(
      options({ raters: { scores: [five(4, 5, 3), five(null, null, null), five(5, null, null)] } }),
    );
    if (!r.ok) throw new Error(r.problem.message.en);
    const [raters, form] = r.value;
    expect(raters.name).toBe("360度评价 2026-Q3");
    expect(raters.marker).toMatchObject({
      kind: "raters",
      meta: { people: 3, indicators: 5, firstRow: 7, lastRow: 21 },
    });
    expect(["G5", "H5", "I5", "J5", "K5"].map((a) => cellAt(raters, a))).toEqual([
      "上级",
      "同事",
      "下属",
      "客户",
      "综合得分",
    ]);
    expect(cellAt(raters, "G6")).toEqual({ f: "=SVC_Rater_Supervisor", expect: 0.5 });
    const combined = fillExpect(raters, "K") as (number | string)[];
    // 张三: (4×0.5 + 5×0.2 + 3×0.2) / 0.9; 李四: nobody rated; 王五: the supervisor alone.
    expect(combined[0]).toBeCloseTo((2 + 1 + 0.6) / 0.9, 12);
    expect(combined.slice(5, 10)).toEqual(["", "", "", "", ""]);
    expect(combined[10]).toBe(5);
    // The form's score block reads the combined column; its weighted score and grade follow.
    const scores = form.fills!.find((f) => f.range === "E8:I10")!;
    expect(scores.formula).toBe(
      "=IF(INDEX('360度评价 2026-Q3'!$K$7:$K$21,(ROW()-8)*5+COLUMN()-5+1)=\"\",\"\",INDEX('360度评价 2026-Q3'!$K$7:$K$21,(ROW()-8)*5+COLUMN()-5+1))",
    );
    expect(scores.expect![2]).toEqual([5, 5, 5, 5, 5]);
    expect(fillExpect(form, "K")).toEqual(["B", "", "A"]);
    expect(form.validations!.some((v) => v.range === "E8:I10")).toBe(false);
    // A rater score outside the scale is refused, naming the person and indicator.
    const bad = appraisalPlans(options({ raters: { scores: [five(7, null, null), five(1, 1, 1), five(1, 1, 1)] } }));
    expect(!bad.ok && bad.problem.message.en).toMatch(/^person 1, indicator 1: /);
    // Without raters: one sheet, as before.
    expect(appraisalPlans(options()).ok && (appraisalPlans(options()) as { value: unknown[] }).value).toHaveLength(1);
  });

  it("refuses a score outside the scale, a wrong score count and an empty list, naming the problem", () => {
    const out = appraisalPlan(
      options({
        scores: [
          [7, 5, 5, 5, 5],
          [4, 4, 4, 4, 4],
          [4, 4, 4, 4, 4],
        ],
      }),
    );
    expect(!out.ok && out.problem.message.en).toMatch(/^张三: score 1 \(7\) is outside the scale 0–5/);
    const short = appraisalPlan(options({ scores: [[5, 5]] }));
    expect(!short.ok && short.problem.message.en).toBe("person 1 has 2 scores for 5 indicators");
    const none = appraisalPlan(options({ people: [] }));
    expect(!none.ok && none.problem.kind).toBe("na");
  });

  it("sets print setup, frozen headers and the weight check", () => {
    const plan = build({ template: STAFF_TEMPLATE });
    expect(plan.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: "4:7" });
    expect(plan.freeze).toEqual({ rows: 7, columns: 3 });
    const check = cellAt(plan, "Y7");
    expect(isFormulaCell(check) && check.f).toBe("=SUM($E$7:$X$7)");
    expect(isFormulaCell(check) && (check.expect as number)).toBeCloseTo(1, 12);
    expect(formColumns(STAFF_TEMPLATE)).toHaveLength(20);
  });

  it("scales to 2,000 people as one block and a few fills per rank helper column", () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ name: `员工${i + 1}`, department: `售后${(i % 5) + 1}部` }));
    const plan = build({ template: STAFF_TEMPLATE, people: many });
    expect(plan.fills![0].range).toBe("Y8:Y2007");
    expect(plan.cells.filter((b) => b.rows.length === 2000)).toHaveLength(1);
    // Merge layers are three fills per block: 2,000 people, 32 blocks of 64 merged up to two runs, two networks.
    expect(plan.fills!.length).toBeLessThan(200);
  });
});

describe("formRanks and the sorting network", () => {
  it("shares ranks for scores equal to six decimals (float noise too) and skips blanks", () => {
    expect(formRanks([4.5, 4.2, 4.2 + 1e-12, null, 3], []).overall).toEqual([1, 2, 2, null, 4]);
  });

  it("property: the network sorts any keys, and counting through it agrees with a direct count", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1_000_000 }), { maxLength: 300 }),
        fc.integer(),
        (keys, t) => {
          const sorted = sortedRuns(keys);
          for (const [s, e] of sorted.runs)
            for (let i = s; i < e; i++) if (!(sorted.values[i] < sorted.values[i + 1])) return false;
          return countKeysAtMost(sorted, t) === keys.filter((k) => k <= t).length && sorted.runs.length <= 2;
        },
      ),
    );
  });

  it("property: department and overall ranks agree with a direct count", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            score: fc.option(
              fc.integer({ min: 0, max: 50 }).map((n) => n / 10),
              { nil: null },
            ),
            dept: fc.constantFrom(undefined, "一部", "二部", "二部"),
          }),
        ),
        (xs) => {
          const r = formRanks(
            xs.map((x) => x.score),
            xs.map((x) => x.dept),
          );
          return xs.every((x, i) => {
            if (x.score === null) return r.overall[i] === null && r.department[i] === null;
            const above = (y: (typeof xs)[number]) => y.score !== null && y.score > (x.score as number) + 1e-9;
            return (
              r.overall[i] === 1 + xs.filter(above).length &&
              r.department[i] === 1 + xs.filter((y) => above(y) && (y.dept ?? "") === (x.dept ?? "")).length
            );
          });
        },
      ),
    );
  });
});
