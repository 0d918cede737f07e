import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../core/settings";
import { type BonusPerson, type Quarter } from "../../core/bonus";
import { forfeitReasons } from "../../core/bonus";
import { problem } from "../../core/problem";
import { text } from "../../core/i18n/text";
import { isFormulaCell, type FormulaFill, type PlanCell, type SheetPlan } from "../plan";
import { bonusPlan, forfeitText, type BonusMarker, type BonusPlan, type BonusPlanOptions } from "./index";
import { checkedBonusFormula } from "../../core/formula/testing/checked";

function person(name: string, over: Partial<BonusPerson> = {}): BonusPerson {
  return {
    name,
    department: "售后一部",
    standardPay: 60000,
    bonusRatio: 0.3,
    grades: ["A", "A", "A", "A"],
    yellowCards: 0,
    redCards: 0,
    remarks: [],
    ...over,
  };
}

const PEOPLE: BonusPerson[] = [
  person("张三", { id: "S001" }),
  person("李四", { id: "S002", grades: ["A", "D", "D", "B"], yellowCards: 1 }),
  person("王五", { id: "S003", department: "售后二部", grades: ["C", "A", "A", "D"], yellowCards: 2, redCards: 1 }),
  person("赵六", {
    id: "S004",
    department: undefined,
    standardPay: null,
    grades: ["A", "A", null, null],
    yellowCards: null,
    redCards: null,
  }),
];

function build(over: Partial<BonusPlanOptions> = {}): BonusPlan {
  const r = bonusPlan({ year: 2026, quarter: 4, people: PEOPLE, locale: "zh-CN", settings: DEFAULT_SETTINGS, ...over });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function cellAt(plan: SheetPlan, address: string): PlanCell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = colNumber(m[1]);
  const row = Number(m[2]);
  for (const block of plan.cells) {
    const b = /^([A-Z]+)(\d+)$/.exec(block.at)!;
    const line = block.rows[row - Number(b[2])];
    const c = col - colNumber(b[1]);
    if (line && c >= 0 && c < line.length) return line[c];
  }
  return undefined;
}

function fill(plan: SheetPlan<BonusMarker>, column: string): FormulaFill {
  const meta = plan.marker.meta;
  const f = plan.fills!.find((x) => x.range === `${column}${meta.firstRow}:${column}${meta.lastRow}`);
  if (!f) throw new Error(`no fill in column ${column}`);
  return f;
}

function expected(plan: SheetPlan<BonusMarker>, key: string): unknown[] {
  const meta = plan.marker.meta;
  return fill(plan, meta.columns[key]).expect!.map((r) => r[0]);
}

function allFormulas(plan: SheetPlan): string[] {
  return [
    ...plan.fills!.map((f) => f.formula),
    ...plan.cells
      .flatMap((b) => b.rows.flat())
      .filter(isFormulaCell)
      .map((c) => c.f),
  ];
}

describe("bonusPlan", () => {
  test("lays out the Q4 sheet: people, grades Q1–Q4, year-end columns, marker with layout facts", () => {
    const { plan } = build();
    const meta = plan.marker.meta;
    expect(plan.marker.kind).toBe("bonus");
    expect(plan.name).toBe("季度奖金 2026-Q4");
    expect(meta).toMatchObject({
      year: 2026,
      quarter: 4,
      pool: false,
      quarterFormula: null,
      gradeColumns: ["H", "I", "J", "K"],
    });
    expect(meta.columns).toMatchObject({
      name: "C",
      annual: "G",
      failed: "N",
      coefficient: "O",
      quarterExact: "P",
      quarterAmount: "Q",
      eligible: "R",
      reason: "S",
      yearEndAmount: "U",
      payable: "V",
    });
    const header = meta.firstRow - 1;
    expect(["C", "G", "H", "K", "Q", "R", "S", "U", "V"].map((c) => cellAt(plan, `${c}${header}`))).toEqual([
      "姓名",
      "全年绩效",
      "第1季度等级",
      "第4季度等级",
      "季度奖金（应发）",
      "年终奖资格",
      "取消原因",
      "年终奖（应发）",
      "应发合计",
    ]);
    expect(cellAt(plan, `C${meta.firstRow}`)).toBe("张三");
    expect(cellAt(plan, "E3")).toBe(4);
  });

  test("the engine's values are the expected results: D pays nothing, forfeiture names its rule", () => {
    const { plan } = build();
    expect(expected(plan, "annual")).toEqual([18000, 18000, 18000, ""]);
    expect(expected(plan, "quarterAmount")).toEqual([4230, 4230, 0, ""]);
    expect(expected(plan, "failed")).toEqual([0, 2, 1, 0]);
    expect(expected(plan, "eligible")).toEqual(["发放", "取消", "取消", "发放"]);
    expect(expected(plan, "reason")).toEqual(["—", "不合格季度 2 个（≥2）", "黄牌 2 张（≥2）；红牌 1 张（≥1）", "—"]);
    expect(expected(plan, "yearEndAmount")).toEqual([1080, 0, 0, ""]);
    expect(expected(plan, "payable")).toEqual([5310, 4230, 0, ""]);
  });

  test("Q1–Q3 have no year-end columns and only the grades so far", () => {
    for (const quarter of [1, 2, 3] as Quarter[]) {
      const { plan } = build({ quarter });
      const meta = plan.marker.meta;
      expect(meta.gradeColumns).toHaveLength(quarter);
      expect(meta.columns.eligible).toBeUndefined();
      expect(meta.columns.payable).toBeUndefined();
      expect(allFormulas(plan).join(" ")).not.toContain(SETTING_NAMES.bonusYearEndRate + ",");
    }
  });

  test("formulas reference the 考核参数 names, never the policy's numbers", () => {
    const formulas = allFormulas(build({ pool: 10000 }).plan).join("\n");
    for (const name of [
      SETTING_NAMES.bonusQuarterRate,
      SETTING_NAMES.bonusYearEndRate,
      SETTING_NAMES.bonusFailedGrade,
      SETTING_NAMES.bonusCoefficientValues,
      SETTING_NAMES.bonusRoundTo,
      SETTING_NAMES.bonusForfeitFailedQuarters,
      SETTING_NAMES.bonusForfeitYellowCards,
      SETTING_NAMES.bonusForfeitRedCards,
    ]) {
      expect(formulas).toContain(name);
    }
    expect(formulas).not.toMatch(/0\.235|0\.06|0\.01\b|"D"/);
  });

  test("uses only functions LibreOffice, WPS and Excel 2010 compute (RULES.md#portable-formulas)", () => {
    const used = new Set(
      allFormulas(
        build({ pool: 1000, quarterFormula: checkedBonusFormula("round(max(全年绩效 * 0.2, 100), 2)") }).plan,
      ).flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])),
    );
    const allowed = new Set([
      "SUM",
      "SUMPRODUCT",
      "IF",
      "OR",
      "AND",
      "INDEX",
      "MATCH",
      "ROUND",
      "MID",
      "ABS",
      "ISNUMBER",
      "LEFT",
      "MAX",
      "MIN",
      "N",
    ]);
    for (const fn of used) expect(allowed).toContain(fn);
  });

  test("every formula cell carries the engine's value", () => {
    const { plan } = build({ pool: 9000 });
    for (const f of plan.fills!) expect(f.expect).toBeDefined();
    const cells = plan.cells.flatMap((b) => b.rows.flat()).filter(isFormulaCell);
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) expect(c.expect).toBeDefined();
  });

  test("finance's quarter formula is written as its Excel translation into every row, and shown", () => {
    const { plan, excel } = build({
      quarterFormula: checkedBonusFormula('if(等级 == "D", 0, 全年绩效 * 0.2 * 系数 + 黄牌)'),
    });
    const meta = plan.marker.meta;
    const f = fill(plan, meta.columns.quarterExact).formula;
    expect(f).toBe(
      `=IF(OR($G${meta.firstRow}="",$K${meta.firstRow}=""),"",IF($K${meta.firstRow}=SVC_Bonus_FailedGrade,0,IF($K${meta.firstRow}="D",0,$G${meta.firstRow}*0.2*$O${meta.firstRow}+N($L${meta.firstRow}))))`,
    );
    expect(excel.quarter).toBe(f.replace(/\$([A-Z])/g, "$1"));
    const shown = plan.cells.flatMap((b) => b.rows.flat()).filter((c): c is string => typeof c === "string");
    expect(shown).toContain('自定义公式：if(等级 == "D", 0, 全年绩效 * 0.2 * 系数 + 黄牌)');
    expect(shown).toContain(excel.quarter);
    expect(meta.quarterFormula).toBe('if(等级 == "D", 0, 全年绩效 * 0.2 * 系数 + 黄牌)');
    expect(expected(plan, "quarterExact")).toEqual([3600, 3601, 0, ""]);
  });

  test("the year-end formula keeps the forfeiture gate; 季度 refers to the sheet's quarter cell", () => {
    const { plan } = build({ yearEndFormula: checkedBonusFormula("全年绩效 * 年终比例 * 季度 / 4") });
    const meta = plan.marker.meta;
    expect(fill(plan, meta.columns.yearEndExact).formula).toBe(
      `=IF($G${meta.firstRow}="","",IF($R${meta.firstRow}="取消",0,$G${meta.firstRow}*SVC_Bonus_YearEndRate*$E$3/4))`,
    );
    expect(expected(plan, "yearEndAmount")).toEqual([1080, 0, 0, ""]);
  });

  test("a pool adds the scale factor, the scaled column, and its reconciliation with the pool", () => {
    const { plan, result } = build({ pool: 10000 });
    const meta = plan.marker.meta;
    expect(meta.columns.pooled).toBe("R");
    const scaled = expected(plan, "pooled") as (number | string)[];
    expect(result.pool?.factor).toBeCloseTo(10000 / 8460, 12);
    expect(scaled).toEqual([5000, 5000, 0, ""]);
    const totals = [1, 2, 3].map((k) => cellAt(plan, `R${meta.lastRow + k}`));
    expect(totals.map((c) => isFormulaCell(c) && c.expect)).toEqual([10000, 10000, 0]);
    // The paid total uses the scaled amounts.
    expect(expected(plan, "payable")).toEqual([6080, 5000, 0, ""]);
  });

  test("totals show the rounding difference instead of hiding it", () => {
    const people = [person("甲"), person("乙"), person("丙")];
    const { plan } = build({ quarter: 1, people, quarterFormula: checkedBonusFormula("0.005") });
    const meta = plan.marker.meta;
    const c = meta.columns.quarterAmount;
    expect(
      [1, 2, 3].map((k) => cellAt(plan, `${c}${meta.lastRow + k}`)).map((x) => isFormulaCell(x) && x.expect),
    ).toEqual([0.03, 0.02, -0.01]);
    expect(cellAt(plan, `A${meta.lastRow + 3}`)).toBe("取整差额");
  });

  test("check row: 4 × 季度比例 + 年终比例 = 100%, from the names", () => {
    const { plan } = build();
    const formulas = plan.cells.flatMap((b) => b.rows.flat()).filter(isFormulaCell);
    const rate = formulas.find((c) => c.f === `=4*${SETTING_NAMES.bonusQuarterRate}`)!;
    expect(rate.expect).toBeCloseTo(0.94, 12);
    const verdict = formulas.find((c) => c.f.includes("ABS("))!;
    expect(verdict.expect).toBe("✓ 合计为 100%");
  });

  test("department totals compare exactly (SUMPRODUCT, not SUMIF criteria) and group blank departments", () => {
    const { plan } = build({
      people: [
        person("甲", { department: "<3组" }),
        person("乙", { department: "=A1" }),
        person("丙", { department: undefined }),
      ],
      quarter: 1,
    });
    const formulas = plan.cells
      .flatMap((b) => b.rows.flat())
      .filter(isFormulaCell)
      .filter((c) => c.f.startsWith("=SUMPRODUCT(--("));
    expect(formulas.length).toBe(9);
    expect(formulas.some((c) => c.f.includes('=""))'))).toBe(true);
    const labels = plan.cells
      .flatMap((b) => b.rows.flat())
      .filter((c) => c === "<3组" || c === "=A1" || c === "（未填部门）");
    expect([...labels].sort()).toEqual(["<3组", "<3组", "=A1", "=A1", "（未填部门）"]);
  });

  test("keeps names that look like formulas as text", () => {
    const { plan } = build({
      people: [person('=HYPERLINK("http://x","y")'), person("+1"), person("-2"), person("@SUM(A1)")],
    });
    const meta = plan.marker.meta;
    expect([0, 1, 2, 3].map((i) => cellAt(plan, `C${meta.firstRow + i}`))).toEqual([
      '=HYPERLINK("http://x","y")',
      "+1",
      "-2",
      "@SUM(A1)",
    ]);
  });

  test("English sheet", () => {
    const { plan } = build({ locale: "en-US" });
    const meta = plan.marker.meta;
    expect(plan.name).toBe("Bonus 2026-Q4");
    expect(expected(plan, "reason")).toEqual([
      "—",
      "failed quarters: 2 (≥2)",
      "yellow cards: 2 (≥2); red cards: 1 (≥1)",
      "—",
    ]);
    expect(cellAt(plan, `R${meta.firstRow - 1}`)).toBe("Year-end bonus");
  });

  test("refuses nobody, a bad year or quarter, and a formula that cannot be computed, naming the person", () => {
    expect(bonusPlan({ year: 2026, quarter: 4, people: [], locale: "zh-CN", settings: DEFAULT_SETTINGS }).ok).toBe(
      false,
    );
    expect(bonusPlan({ year: 26, quarter: 4, people: PEOPLE, locale: "zh-CN", settings: DEFAULT_SETTINGS }).ok).toBe(
      false,
    );
    expect(
      bonusPlan({ year: 2026, quarter: 5 as Quarter, people: PEOPLE, locale: "zh-CN", settings: DEFAULT_SETTINGS }).ok,
    ).toBe(false);
    const r = bonusPlan({
      year: 2026,
      quarter: 4,
      people: PEOPLE,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      quarterFormula: checkedBonusFormula("全年绩效 / 红牌"),
    });
    expect(!r.ok && r.problem.message.zh).toMatch(
      /^张三：季度奖金公式“全年绩效 \/ 红牌”算不出金额（#DIV\/0!，除数为 0）/,
    );
  });

  test("input problems become notes with their row and column; remarks stay beside the person", () => {
    const people = [person("张三", { remarks: [text("黄牌：无法识别", "Yellow cards: unreadable")] })];
    const { plan } = build({
      people,
      inputProblems: [problem("value", text("无法识别", "unreadable"), { row: 5, column: "黄牌" })],
    });
    expect(plan.notes).toEqual([text("第 5 行“黄牌”列：无法识别", "row 5, column “黄牌”: unreadable")]);
    const meta = plan.marker.meta;
    expect(cellAt(plan, `${meta.columns.remarks}${meta.firstRow}`)).toBe("黄牌：无法识别");
  });

  test("scales to 2,000 people with one fill per column", () => {
    const many = Array.from({ length: 2000 }, (_, i) => person(`员工${i + 1}`, { department: `部门${i % 7}` }));
    const { plan } = build({ people: many, pool: 1_000_000 });
    expect(plan.fills).toHaveLength(11);
    expect(plan.cells.filter((b) => b.rows.length === 2000)).toHaveLength(4);
  });
});

describe("forfeitText", () => {
  test("lists every rule that applied, in the sheet's words", () => {
    const r = forfeitReasons({ failedQuarters: 3, yellowCards: 2, redCards: 1 });
    if (!r.ok) throw new Error("x");
    expect(forfeitText(r.value, "zh-CN")).toBe("不合格季度 3 个（≥2）；黄牌 2 张（≥2）；红牌 1 张（≥1）");
    expect(forfeitText([], "en-US")).toBe("—");
  });
});
