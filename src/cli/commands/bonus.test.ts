import { resolve } from "node:path";
import { DEFAULT_SETTINGS } from "../../core/settings";
import { STAFF_TEMPLATE } from "../../core/appraisal";
import { appraisalPlan } from "../../sheets/appraisal";
import { xlsxBytes } from "../../xlsx";
import { findPlansInWorkbook } from "../../../test/support/exceljs/read";
import { expectSuccess, useCliFolder } from "../../../test/support/cli";
import type { BonusJson } from "./bonus";

const cli = useCliFolder({
  prefix: "svc-bonus-cli-",
  files: { "people.csv": resolve(__dirname, "../../../test/fixtures/bonus/people-2026.csv") },
  now: new Date(2027, 0, 5),
});

/** `bonus` for a quarter of 2026 from `input`, written to b.xlsx, with the test's further options. */
const bonusArgs = (input: string, quarter: number, ...extra: string[]): string[] => [
  "bonus",
  "--input",
  input,
  "--year",
  "2026",
  "--quarter",
  String(quarter),
  "--out",
  "b.xlsx",
  ...extra,
];

describe("service-appraisal bonus", () => {
  test("CSV → workbook (考核参数 + 季度奖金) and the JSON: annual amount, quarter bonus, year-end eligibility with reason, year-end bonus", async () => {
    const r = await cli.run(bonusArgs("people.csv", 4, "--json", "b.json"));
    expectSuccess(r);
    const j = cli.readJson<BonusJson>("b.json");
    expect(Object.keys(j)).toEqual([
      "year",
      "quarter",
      "quarterFormula",
      "yearEndFormula",
      "pool",
      "people",
      "totals",
      "problems",
    ]);
    expect(j.people).toHaveLength(10);
    expect(j.people[0]).toEqual({
      name: "张三",
      id: "S001",
      department: "售后一部",
      annualAmount: 18000,
      grade: "A",
      coefficient: 1,
      quarterBonus: 4230,
      yearEnd: { eligible: true, reasons: [], reason: "—", bonus: 1080 },
      totalPaid: 5310,
    });
    // 李四: two failed quarters; 王五: Q4 is D (no quarter bonus), 2 yellow + 1 red card.
    expect(j.people[1].yearEnd).toEqual({
      eligible: false,
      reasons: [{ rule: "failedQuarters", count: 2, threshold: 2 }],
      reason: "不合格季度 2 个（≥2）",
      bonus: 0,
    });
    expect(j.people[2]).toMatchObject({
      quarterBonus: 0,
      yearEnd: { eligible: false, reason: "黄牌 2 张（≥2）；红牌 1 张（≥1）", bonus: 0 },
    });
    // 赵六 has no 岗位标准绩效: nothing computed, nothing invented.
    expect(j.people[3]).toMatchObject({
      annualAmount: null,
      quarterBonus: null,
      yearEnd: { eligible: true, bonus: null },
      totalPaid: null,
    });
    // 郑十's Q4 grade "E" is reported with its row and column and left blank.
    expect(j.problems).toEqual([
      { row: 5, column: "岗位标准绩效", message: "岗位标准绩效为空" },
      {
        row: 9,
        column: "第四季度等级",
        message: "等级“E”不在季度系数表或等级对应表中（A/B/C/D/优秀/良好/一般/合格/差/不合格）",
      },
    ]);
    expect(j.totals.quarterBonus.sumOfRounded + j.totals.quarterBonus.difference).toBeCloseTo(
      j.totals.quarterBonus.roundedTotal,
      9,
    );
    const wb = await cli.readWorkbook("b.xlsx");
    expect(findPlansInWorkbook(wb).map((p) => [p.sheetName, p.marker.kind])).toEqual([
      ["考核参数", "settings"],
      ["季度奖金 2026-Q4", "bonus"],
    ]);
    expect(r.out.join("\n")).toMatch(/2026 年第 4 季度：10 人/);
    expect(r.out.join("\n")).toMatch(/第 9 行“第四季度等级”列：等级“E”不在季度系数表或等级对应表中/);
  });

  test("finance's formulas and a pool: shown with their Excel translation, used in the sheet and the JSON", async () => {
    const r = await cli.run(
      bonusArgs(
        "people.csv",
        4,
        "--json",
        "b.json",
        "--quarter-formula",
        'if(等级 == "D", 0, 全年绩效 * 0.2 * 系数)',
        "--year-end-formula",
        "全年绩效 * 年终比例 / 2",
        "--pool",
        "30,000",
      ),
      { lang: "en-US" },
    );
    expect(r.err).toEqual([]);
    const j = cli.readJson<BonusJson>("b.json");
    expect(j.quarterFormula).toEqual({
      formula: 'if(等级 == "D", 0, 全年绩效 * 0.2 * 系数)',
      excel: '=IF(OR(G11="",K11=""),"",IF(K11=SVC_Bonus_FailedGrade,0,IF(K11="D",0,G11*0.2*O11)))',
    });
    expect(j.people[0]).toMatchObject({ quarterBonus: 3600, yearEnd: { bonus: 540 } });
    expect(j.pool?.factor).toBeGreaterThan(0);
    const scaled = j.people.map((p) => p.quarterBonusScaled ?? 0).reduce((s, x) => s + x, 0);
    expect(j.totals.quarterBonusScaled?.roundedTotal).toBe(30000);
    expect(scaled + (j.totals.quarterBonusScaled?.difference ?? NaN)).toBeCloseTo(30000, 6);
    expect(r.out.join("\n")).toContain('quarter bonus formula: if(等级 == "D", 0, 全年绩效 * 0.2 * 系数) → =IF(');
  });

  test("a refused formula exits 2 and names the offending part and its position", async () => {
    const r = await cli.run(bonusArgs("people.csv", 4, "--quarter-formula", "全年绩效 * import(1)"), { lang: "en-US" });
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      'service-appraisal bonus: --quarter-formula: at character 8 ("import"): the function import is not allowed (only if, min, max, round, abs)',
    ]);
    expect(cli.exists("b.xlsx")).toBe(false);
  });

  test("a formula that divides by zero for someone is refused before anything is written", async () => {
    const r = await cli.run(bonusArgs("people.csv", 4, "--quarter-formula", "全年绩效 / 红牌"), { lang: "en-US" });
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/张三: the quarter bonus formula "全年绩效 \/ 红牌" gives no amount \(#DIV\/0!/);
    expect(cli.exists("b.xlsx")).toBe(false);
  });

  test.each([
    [["--year", "26", "--quarter", "4"], /--year must be a year/],
    [["--year", "2026", "--quarter", "5"], /--quarter must be 1 to 4/],
    [["--year", "2026", "--quarter", "2", "--year-end-formula", "全年绩效"], /--year-end-formula applies to Q4 only/],
    [["--year", "2026", "--quarter", "4", "--pool=-5"], /--pool must be an amount of 0 or more/],
  ])("bad options exit 2: %j", async (args, message) => {
    const r = await cli.run(["bonus", "--input", "people.csv", "--out", "b.xlsx", ...args], { lang: "en-US" });
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(message);
  });

  test("never overwrites: an existing --out needs --force; --out cannot be the input", async () => {
    cli.write("b.xlsx", "keep me");
    const r = await cli.run(bonusArgs("people.csv", 1), {
      lang: "en-US",
    });
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/already exists; add --force/);
    expect(cli.readText("b.xlsx")).toBe("keep me");
    expect((await cli.run(bonusArgs("people.csv", 1, "--force"))).code).toBe(0);
    const same = await cli.run(bonusArgs("b.xlsx", 1, "--force"), { lang: "en-US" });
    expect(same.code).toBe(2);
  });

  test("an .xlsx with appraisal forms: grades come from the forms (found by marker), pay is left to fill in", async () => {
    const sheets = ([1, 2] as const).map((quarter) => {
      const r = appraisalPlan({
        template: STAFF_TEMPLATE,
        period: { year: 2026, quarter },
        people: [
          { name: "张三", id: "S001", department: "一部" },
          { name: "李四", id: "S002", department: "一部" },
        ],
        scale: "five",
        locale: "zh-CN",
        settings: DEFAULT_SETTINGS,
        scores: [Array.from({ length: 20 }, () => 5), Array.from({ length: 20 }, () => (quarter === 2 ? 2 : 4))],
      });
      if (!r.ok) throw new Error(r.problem.message.en);
      return r.value;
    });
    cli.write("forms.xlsx", (await xlsxBytes({ sheets })).bytes);
    const r = await cli.run(bonusArgs("forms.xlsx", 2, "--json", "b.json"));
    expect(r.err).toEqual([]);
    const j = cli.readJson<BonusJson>("b.json");
    expect(j.people.map((p) => [p.name, p.grade, p.annualAmount, p.quarterBonus])).toEqual([
      ["张三", "A", null, null],
      ["李四", "D", null, null],
    ]);
    expect(r.out.join("\n")).toContain("人员来源：forms.xlsx 中的考核表：考核表 2026-Q1、考核表 2026-Q2");
  });
});
