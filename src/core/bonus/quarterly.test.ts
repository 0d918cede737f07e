import fc from "fast-check";
import { DEFAULT_SETTINGS, type Settings } from "../settings";
import { reconcileRounding, roundMoney } from "./money";
import {
  computeBonuses,
  peopleFromForms,
  quarterOfHeader,
  readBonusTable,
  scaleToPool,
  type BonusOptions,
  type BonusPerson,
  type BonusResult,
  type Quarter,
} from "./quarterly";
import { checkedBonusFormula } from "../formula/testing/checked";
import { expectProblem } from "../../../test/support/result";

function person(name: string, over: Partial<BonusPerson> = {}): BonusPerson {
  return {
    name,
    standardPay: 60000,
    bonusRatio: 0.3,
    grades: ["A", "A", "A", "A"],
    yellowCards: 0,
    redCards: 0,
    remarks: [],
    ...over,
  };
}

function run(people: BonusPerson[], over: Partial<BonusOptions> = {}): BonusResult {
  const r = computeBonuses(people, { year: 2026, quarter: 4, settings: DEFAULT_SETTINGS, ...over });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

describe("computeBonuses — the policy rules", () => {
  test("全年绩效 = 岗位标准绩效 × 考核奖金比例; quarter = 23.5%; Q4 year-end = 6%; 4 × 23.5% + 6% = 100%", () => {
    const r = run([person("张三")]);
    const p = r.people[0];
    expect(p.annual).toBe(18000);
    expect(p.quarterAmount).toBe(4230);
    expect(p.yearEnd).toMatchObject({ forfeited: false, reasons: [], amount: 1080 });
    expect(p.payable).toBe(5310);
    expect(4 * (p.quarterAmount as number) + (p.yearEnd?.amount as number)).toBe(p.annual);
    expect(r.rateCheck).toEqual({ fourQuarters: 0.94, total: 1, ok: true });
  });

  test("a failed quarter (D) pays nothing, and no pay is docked", () => {
    const p = run([person("李四", { grades: ["A", "A", "A", "D"] })]).people[0];
    expect(p.coefficient).toBe(0);
    expect(p.quarterExact).toBe(0);
    expect(p.quarterAmount).toBe(0);
    expect(p.yearEnd?.forfeited).toBe(false); // one failed quarter only
    expect(p.yearEnd?.amount).toBe(1080);
  });

  test("the coefficient of the grade multiplies the quarter bonus", () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      bonus: { ...DEFAULT_SETTINGS.bonus, coefficients: { A: 1.2, B: 1, C: 0.8, D: 0 } },
    };
    const r = run(
      [person("甲", { grades: [null, null, null, "A"] }), person("乙", { grades: [null, null, null, "c"] })],
      { settings },
    );
    expect(r.people.map((p) => p.quarterAmount)).toEqual([5076, 3384]);
    expect(r.people[1].grade).toBe("c");
  });

  test.each([
    ["two failed quarters", { grades: ["D", "A", "D", "A"] }, ["failedQuarters"]],
    ["two yellow cards", { yellowCards: 2 }, ["yellowCards"]],
    ["one red card", { redCards: 1 }, ["redCards"]],
    [
      "all three at once",
      { grades: ["D", "D", "A", "A"], yellowCards: 3, redCards: 2 },
      ["failedQuarters", "yellowCards", "redCards"],
    ],
  ] as const)("the year-end bonus is forfeited by %s, and the sheet can say which rule", (_name, over, rules) => {
    const p = run([person("王五", over as Partial<BonusPerson>)]).people[0];
    expect(p.yearEnd?.forfeited).toBe(true);
    expect(p.yearEnd?.amount).toBe(0);
    expect(p.yearEnd?.reasons.map((x) => x.rule)).toEqual(rules);
  });

  test("one failed quarter, one yellow card and no red card keep the year-end bonus", () => {
    const p = run([person("赵六", { grades: ["D", "A", "A", "A"], yellowCards: 1 })]).people[0];
    expect(p.yearEnd).toMatchObject({ forfeited: false, amount: 1080 });
  });

  test.each([1, 2, 3] as const)("Q%d has no year-end bonus", (quarter) => {
    const r = run([person("张三", { redCards: 5 })], { quarter: quarter as Quarter });
    expect(r.people[0].yearEnd).toBeNull();
    expect(r.people[0].payable).toBeNull();
    expect(r.yearEndTotals).toBeNull();
    expect(r.people[0].failedQuarters).toBe(0);
  });

  test("failed quarters count only up to the sheet's quarter", () => {
    const r = run([person("张三", { grades: ["D", "A", "D", "D"] })], { quarter: 2 });
    expect(r.people[0].failedQuarters).toBe(1);
  });

  test("blank inputs leave the amounts blank, never 0", () => {
    const r = run([person("孙七", { standardPay: null }), person("周八", { grades: ["A", "A", "A", null] })]);
    expect(r.people[0]).toMatchObject({ annual: null, quarterExact: null, quarterAmount: null, payable: null });
    expect(r.people[0].yearEnd).toMatchObject({ exact: null, amount: null, forfeited: false });
    expect(r.people[1]).toMatchObject({ grade: null, coefficient: null, quarterAmount: null, payable: 1080 });
  });
});

describe("computeBonuses — money", () => {
  test("rounds half up at the end: 1.005 → 1.01 (the double is 1.00499999…)", () => {
    const f = checkedBonusFormula("1.005");
    const r = run([person("张三")], { quarter: 1, quarterFormula: f });
    expect(r.people[0].quarterExact).toBe(1.005);
    expect(r.people[0].quarterAmount).toBe(1.01);
    expect(roundMoney(1.005).ok && roundMoney(1.005)).toEqual({ ok: true, value: 1.01 });
  });

  test("shows the rounding difference between the sum of rounded parts and the rounded total", () => {
    // Three people at 0.005 each: each rounds to 0.01 (0.03), the total 0.015 rounds to 0.02.
    const r = run([person("甲"), person("乙"), person("丙")], {
      quarter: 1,
      quarterFormula: checkedBonusFormula("0.005"),
    });
    expect(r.quarterTotals).toMatchObject({ sumOfRoundedParts: 0.03, roundedWhole: 0.02, difference: -0.01 });
  });

  test("a pool scales every quarter bonus; the rounded amounts plus the shown difference equal the pool exactly", () => {
    const people = [
      person("甲"),
      person("乙", { bonusRatio: 0.25 }),
      person("丙", { grades: ["A", "A", "A", "D"] }),
      person("丁", { standardPay: 48000 }),
    ];
    const r = run(people, { pool: 10000 });
    expect(r.pool?.factor).toBeCloseTo(10000 / (4230 + 3525 + 0 + 3384), 12);
    const amounts = r.people.map((p) => p.pooled as number);
    expect(amounts[2]).toBe(0);
    const sum = roundMoney(amounts.reduce((s, x) => s + x, 0)).ok
      ? (roundMoney(amounts.reduce((s, x) => s + x, 0)) as { value: number }).value
      : NaN;
    expect(r.pool?.totals?.sumOfRoundedParts).toBe(sum);
    expect(roundMoney(sum + (r.pool?.totals?.difference as number))).toEqual({ ok: true, value: 10000 });
    // Q4: the paid total uses the scaled quarter bonus.
    expect(r.people[0].payable).toBe((r.people[0].pooled as number) + 1080);
  });

  test("pool scaling, for any amounts and pool: rounded parts + difference = the pool", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (cents, poolCents) => {
          const s = scaleToPool(
            cents.map((c) => c / 1000),
            poolCents / 100,
          );
          if (!s.ok) return false;
          const rec = s.value.reconciliation;
          const back = reconcileRounding([rec.sumOfRoundedParts + rec.difference]);
          return back.ok && back.value.roundedWhole === poolCents / 100 && rec.roundedWhole === poolCents / 100;
        },
      ),
    );
  });

  test("a pool with nothing to scale is reported, not divided by zero", () => {
    const r = run([person("甲", { grades: ["A", "A", "A", "D"] })], { pool: 5000 });
    expect(r.pool).toEqual({ pool: 5000, factor: null, totals: null });
    expect(r.warnings.map((w) => w.en).join()).toMatch(/total 0/);
    expect(computeBonuses([person("甲")], { year: 2026, quarter: 1, settings: DEFAULT_SETTINGS, pool: -1 }).ok).toBe(
      false,
    );
  });

  test("department totals in order of first appearance; blank department grouped", () => {
    const r = run(
      [
        person("甲", { department: "一部" }),
        person("乙", { department: "二部" }),
        person("丙", { department: "一部" }),
        person("丁"),
      ],
      { quarter: 1 },
    );
    expect(r.departments.map((d) => [d.department, d.people, d.quarter])).toEqual([
      ["一部", 2, 8460],
      ["二部", 1, 4230],
      ["", 1, 4230],
    ]);
  });
});

describe("computeBonuses — finance's own formulas", () => {
  test("a quarter formula replaces the amount; D still pays nothing", () => {
    const f = checkedBonusFormula("全年绩效 * 0.2 * 系数 + 100");
    const r = run([person("甲"), person("乙", { grades: ["A", "A", "A", "D"] })], { quarterFormula: f });
    expect(r.people[0].quarterExact).toBeCloseTo(3700, 9);
    expect(r.people[1].quarterExact).toBe(0);
  });

  test("a year-end formula replaces the amount; forfeiture still applies", () => {
    const f = checkedBonusFormula("全年绩效 * 年终比例 * 2");
    const r = run([person("甲"), person("乙", { redCards: 1 })], { yearEndFormula: f });
    expect(r.people[0].yearEnd?.amount).toBe(2160);
    expect(r.people[1].yearEnd).toMatchObject({ forfeited: true, amount: 0 });
  });

  test("a formula that divides by zero for someone fails the run, naming the person and the formula", () => {
    const out = computeBonuses([person("甲", { yellowCards: 0 })], {
      year: 2026,
      quarter: 4,
      settings: DEFAULT_SETTINGS,
      quarterFormula: checkedBonusFormula("全年绩效 / 黄牌"),
    });
    expectProblem(out);
    expect(out.problem.message.en).toBe(
      '甲: the quarter bonus formula "全年绩效 / 黄牌" gives no amount (#DIV/0!, division by zero). Change the formula, e.g. avoid this case with if()',
    );
  });

  test("a negative amount is kept (the sheet computes it) but flagged: the policy does not dock pay", () => {
    const r = run([person("甲")], { quarter: 1, quarterFormula: checkedBonusFormula("全年绩效 * 0.1 - 5000") });
    expect(r.people[0].quarterAmount).toBe(-3200);
    expect(r.warnings[0].en).toMatch(/^甲: the quarter bonus is negative/);
  });

  test("a year-end formula using the grade leaves the amount blank when the Q4 grade is blank", () => {
    const r = run([person("甲", { grades: ["A", "A", "A", null] })], {
      yearEndFormula: checkedBonusFormula("全年绩效 * 0.06 * 系数"),
    });
    expect(r.people[0].yearEnd?.amount).toBeNull();
  });
});

describe("readBonusTable", () => {
  const header = [
    "工号",
    "姓名",
    "部门",
    "岗位标准绩效（元）",
    "考核奖金比例",
    "第一季度等级",
    "Q2",
    "2026-Q3",
    "四季度",
    "黄牌",
    "红牌数",
  ];

  test("reads a table with Chinese headers, percentages and quarter grades", () => {
    const r = readBonusTable(
      [
        header,
        ["007", "张三", "售后一部", 60000, "30%", "A", "b", "", "D", null, 1],
        ["008", "李四", "售后二部", "48,000", 0.25, "A", "A", "A", "A", 2, 0],
      ],
      { year: 2026, settings: DEFAULT_SETTINGS },
    );
    expect(r.problems).toEqual([]);
    expect(r.people[0]).toEqual({
      id: "007",
      name: "张三",
      department: "售后一部",
      standardPay: 60000,
      bonusRatio: 0.3,
      grades: ["A", "B", null, "D"],
      yellowCards: null,
      redCards: 1,
      remarks: [],
    });
    expect(r.people[1].standardPay).toBe(48000);
  });

  test("reports each unreadable cell with its row and column and treats it as blank", () => {
    const r = readBonusTable(
      [
        header,
        ["1", "张三", "一部", "abc", "30", "E", "A", "A", "A", 1.5, -1],
        ["2", "", "一部", 1, 1, "A", "A", "A", "A", 0, 0],
        ["3", "王五", "", 1000, 0.1, "A", "A", "A", "A", 0, 0],
        ["4", "王五", "", 1, 1, "A", "A", "A", "A", 0, 0],
      ],
      { year: 2026, firstRow: 3, settings: DEFAULT_SETTINGS },
    );
    const where = r.problems.map((p) => `${p.row}/${p.column}: ${p.message.en}`);
    expect(where).toEqual([
      '4/岗位标准绩效（元）: Standard pay is text "abc", not a number',
      "4/考核奖金比例: Bonus ratio 30 is above 1000%: for 30%, write 30% or 0.3",
      '4/第一季度等级: grade "E" is in neither the quarter coefficient table nor the grade pairing (A/B/C/D/优秀/良好/一般/合格/差/不合格)',
      "4/黄牌: Yellow cards must be a whole number ≥ 0 (got 1.5)",
      "4/红牌数: Red cards must be a whole number ≥ 0 (got -1)",
      "5/姓名: this row has no name and was left out",
    ]);
    expect(r.people.map((p) => p.name)).toEqual(["张三", "王五", "王五"]);
    expect(r.people[0]).toMatchObject({
      standardPay: null,
      bonusRatio: null,
      grades: [null, "A", "A", "A"],
      yellowCards: null,
      redCards: null,
    });
    expect(r.people[0].remarks).toHaveLength(5);
  });

  test("matches people by 工号, else by name, and reports repeats", () => {
    const r = readBonusTable(
      [
        ["姓名", "部门"],
        ["张三", "一部"],
        ["张三", "二部"],
      ],
      { year: 2026, settings: DEFAULT_SETTINGS },
    );
    expect(r.people).toHaveLength(1);
    expect(r.problems.some((p) => p.row === 3 && /repeats row 2/.test(p.message.en))).toBe(true);
  });

  test("English headers; missing columns are reported, not fatal; a missing name column is", () => {
    const r = readBonusTable(
      [
        ["Name", "Standard pay", "Bonus ratio", "Q4 grade", "Yellow cards", "Red cards"],
        ["Ann", 50000, 0.2, "C", 0, 0],
      ],
      { year: 2026, settings: DEFAULT_SETTINGS },
    );
    expect(r.people[0]).toMatchObject({ name: "Ann", standardPay: 50000, grades: [null, null, null, "C"] });
    expect(r.fatal).toBe(false);
    const missing = readBonusTable([["姓名"], ["张三"]], { year: 2026, settings: DEFAULT_SETTINGS });
    expect(missing.problems.map((p) => p.message.en)).toContain(
      'no "Standard pay" column was found: the bonus sheet leaves it blank for you to fill in',
    );
    const none = readBonusTable(
      [
        ["部门", "Q1"],
        ["一部", "A"],
      ],
      { year: 2026, settings: DEFAULT_SETTINGS },
    );
    expect(none.fatal).toBe(true);
  });

  test("a grade column of another year is reported and not used", () => {
    const r = readBonusTable(
      [
        ["姓名", "2025-Q4"],
        ["张三", "D"],
      ],
      { year: 2026, settings: DEFAULT_SETTINGS },
    );
    expect(r.people[0].grades).toEqual([null, null, null, null]);
    expect(r.problems[0].message.en).toMatch(/holds 2025 grades/);
  });

  test.each([
    ["Q1", 1],
    ["q3等级", 3],
    ["第二季度", 2],
    ["三季度考核等级", 3],
    ["Quarter 4", 4],
    ["2026年第4季度", 4],
    ["1", null],
    ["季度", null],
  ])("quarterOfHeader(%j) → %s", (h, q) => {
    expect(quarterOfHeader(h)?.quarter ?? null).toBe(q);
  });
});

describe("peopleFromForms", () => {
  const form = (period: string, rows: [string, string, string, unknown][], sheetName = `考核表 ${period}`) => ({
    sheetName,
    period,
    rows: rows.map(([id, name, department, grade], i) => ({ row: 8 + i, id, name, department, grade })),
  });

  test("takes each quarter's grade from that quarter's forms, matching by 工号, then by name", () => {
    const r = peopleFromForms(
      [
        form("2026-Q2", [
          ["S1", "张三", "一部", "B"],
          ["", "李四", "一部", "D"],
        ]),
        form("2026-Q1", [
          ["S1", "张三", "一部", "A"],
          ["", "李四", "一部", "C"],
        ]),
        form("2026-10", [["S1", "张三", "一部", "A"]]),
        form("2025-Q4", [["S1", "张三", "一部", "A"]]),
        form("2026-Q4", [["S1", "张三（新）", "二部", ""]]),
      ],
      2026,
      DEFAULT_SETTINGS,
    );
    expect(r.people.map((p) => [p.name, p.id ?? null, p.department, p.grades])).toEqual([
      ["张三（新）", "S1", "二部", ["A", "B", null, null]],
      ["李四", null, "一部", ["C", "D", null, null]],
    ]);
    expect(r.people[0]).toMatchObject({ standardPay: null, bonusRatio: null, yellowCards: null, redCards: null });
    expect(r.problems.map((p) => p.message.en)).toEqual([
      "appraisal forms not used (not quarters of 2026): 考核表 2026-10 (2026-10), 考核表 2025-Q4 (2025-Q4)",
    ]);
  });

  test("a second grade for the same quarter and an unknown grade are reported with sheet row and column", () => {
    const r = peopleFromForms(
      [
        form("2026-Q1", [["S1", "张三", "一部", "A"]], "表一"),
        form(
          "2026-Q1",
          [
            ["S1", "张三", "一部", "B"],
            ["S2", "李四", "一部", "优良"],
          ],
          "表二",
        ),
      ],
      2026,
      DEFAULT_SETTINGS,
    );
    expect(r.people[0].grades[0]).toBe("A");
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [8, "表二 · 等级"],
      [9, "表二 · 等级"],
    ]);
    expect(r.problems[1].message.en).toMatch(
      /grade "优良" is in neither the quarter coefficient table nor the grade pairing/,
    );
  });

  test("hundred-point grades count as 第九条's levels: 优秀/良好 → A, 一般 → B, 合格 → C, 差/不合格 → D; two 不合格 quarters forfeit the year-end bonus", () => {
    const r = peopleFromForms(
      [
        form("2026-Q1", [["S1", "张三", "一部", "优秀"]]),
        form("2026-Q2", [["S1", "张三", "一部", "不合格"]]),
        form("2026-Q3", [["S1", "张三", "一部", "良好"]]),
        form("2026-Q4", [["S1", "张三", "一部", "不合格"]]),
      ],
      2026,
      DEFAULT_SETTINGS,
    );
    expect(r.problems).toEqual([]);
    const zhang = r.people[0];
    expect(zhang.grades).toEqual(["A", "D", "A", "D"]);
    expect(zhang.remarks.map((x) => x.zh)).toEqual([
      "第 1 季度：优秀 按第九条计为 A",
      "第 2 季度：不合格 按第九条计为 D",
      "第 3 季度：良好 按第九条计为 A",
      "第 4 季度：不合格 按第九条计为 D",
    ]);
    const result = run([{ ...zhang, standardPay: 60000, bonusRatio: 0.3, yellowCards: 0, redCards: 0 }]);
    const p = result.people[0];
    expect(p.failedQuarters).toBe(2);
    expect(p.quarterAmount).toBe(0);
    expect(p.yearEnd?.forfeited).toBe(true);
    const table = readBonusTable(
      [
        ["姓名", "岗位标准绩效", "考核奖金比例", "一季度", "二季度"],
        ["李四", 60000, 0.3, "一般", "差"],
      ],
      { year: 2026, settings: DEFAULT_SETTINGS, firstRow: 1 },
    );
    expect(table.people[0].grades.slice(0, 2)).toEqual(["B", "D"]);
  });

  test("no quarterly forms of the year is fatal", () => {
    expect(peopleFromForms([form("2025-Q1", [["S1", "张三", "一部", "A"]])], 2026, DEFAULT_SETTINGS).fatal).toBe(true);
  });
});
