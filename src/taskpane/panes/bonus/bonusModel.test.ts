import { DEFAULT_SETTINGS } from "../../../core/settings";
import { STAFF_TEMPLATE } from "../../../core/appraisal";
import { appraisalPlan } from "../../../sheets/appraisal";
import type { RangeData } from "../../../sheets/plan";
import { openXlsx, xlsxBytes } from "../../../xlsx";
import { xlsxBookReader } from "../../../xlsx/reader";
import { EMPTY_WORKBOOK, type WorkbookReader } from "../../../sheets/reader";
import {
  checkFormulaInput,
  defaultPeriod,
  peopleOf,
  preview,
  readFormsSource,
  readPool,
  yearChoices,
  type PeopleSource,
} from "./bonusModel";
import { B } from "./strings";

const SHAPE = { quarter: 4 as const, pool: false, quarterFormula: true, yearEndFormula: false };
const STRINGS = {
  people: B.previewPeople,
  quarter: B.previewQuarter,
  pool: B.previewPool,
  poolNone: B.previewPoolNone,
  yearEnd: B.previewYearEnd,
  blank: B.previewBlank,
  error: B.previewError,
};

function table(values: RangeData["values"]): PeopleSource {
  return {
    kind: "table",
    label: "t.csv",
    range: { sheetName: "t", address: "A1", firstRow: 1, firstColumn: 1, values },
  };
}

describe("bonus pane model", () => {
  test("the default period is the last finished quarter", () => {
    expect(defaultPeriod(new Date(2026, 10, 27))).toEqual({ year: 2026, quarter: 3 });
    expect(defaultPeriod(new Date(2027, 0, 5))).toEqual({ year: 2026, quarter: 4 });
    expect(defaultPeriod(new Date(2026, 3, 1))).toEqual({ year: 2026, quarter: 1 });
    expect(yearChoices(new Date(2026, 5, 1))).toEqual([2024, 2025, 2026, 2027]);
  });

  test("an accepted formula shows the Excel formula the first person's cell will hold", () => {
    const c = checkFormulaInput('if(等级 == "D", 0, 全年绩效 * 0.235 * 系数)', true, "quarter", SHAPE, "zh-CN");
    expect(c).toMatchObject({
      state: "ok",
      excel: '=IF(OR(G9="",K9=""),"",IF(K9=SVC_Bonus_FailedGrade,0,IF(K9="D",0,G9*0.235*O9)))',
    });
    // A pool line above the table moves the first row down; the Excel formula follows.
    const pooled = checkFormulaInput("全年绩效 * 0.2", true, "quarter", { ...SHAPE, pool: true }, "zh-CN");
    expect(pooled.state === "ok" && pooled.excel).toContain("G10*0.2");
    const yearEnd = checkFormulaInput(
      "全年绩效 * 年终比例",
      true,
      "yearEnd",
      { ...SHAPE, yearEndFormula: true },
      "en-US",
    );
    expect(yearEnd.state === "ok" && yearEnd.excel).toBe(
      '=IF(G10="","",IF(R10="forfeited",0,G10*SVC_Bonus_YearEndRate))',
    );
  });

  test("a refused formula comes with its message and the text split around the offending part", () => {
    const c = checkFormulaInput("全年绩效 * evaluate(1)", true, "quarter", SHAPE, "zh-CN");
    expect(c).toEqual({
      state: "refused",
      message: {
        zh: "公式第 8 个字符“evaluate”：不允许调用函数 evaluate（只允许 if、min、max、round、abs）",
        en: 'at character 8 ("evaluate"): the function evaluate is not allowed (only if, min, max, round, abs)',
      },
      before: "全年绩效 * ",
      fragment: "evaluate",
      after: "(1)",
    });
    expect(checkFormulaInput("", true, "quarter", SHAPE, "zh-CN")).toEqual({ state: "empty" });
    expect(checkFormulaInput("anything", false, "quarter", SHAPE, "zh-CN")).toEqual({ state: "off" });
  });

  test("the pool: off or blank is none; a negative or unreadable amount is an error", () => {
    expect(readPool("300,000", true)).toEqual({ value: 300000, error: null });
    expect(readPool("", true)).toEqual({ value: null, error: null });
    expect(readPool("-1", true).error).not.toBeNull();
    expect(readPool("三十万", true).error).not.toBeNull();
    expect(readPool("-1", false)).toEqual({ value: null, error: null });
  });

  test("people are read again for another year (a header such as 2026-Q1 belongs to one year)", () => {
    const s = table([
      ["姓名", "岗位标准绩效", "考核奖金比例", "2026-Q1"],
      ["张三", 60000, 0.3, "A"],
    ]);
    expect(peopleOf(s, 2026, DEFAULT_SETTINGS).people[0].grades[0]).toBe("A");
    expect(peopleOf(s, 2027, DEFAULT_SETTINGS).people[0].grades[0]).toBeNull();
  });

  test("preview: the engine's totals, the pool, forfeitures and who is still blank", () => {
    const s = table([
      ["姓名", "岗位标准绩效", "考核奖金比例", "Q1", "Q2", "Q3", "Q4", "黄牌", "红牌"],
      ["张三", 60000, 0.3, "A", "A", "A", "A", 0, 0],
      ["李四", 48000, 0.25, "A", "D", "D", "B", 0, 0],
      ["王五", null, 0.3, "A", "A", "A", "A", 0, 0],
    ]);
    const p = preview(
      peopleOf(s, 2026, DEFAULT_SETTINGS),
      {
        year: 2026,
        quarter: 4,
        settings: DEFAULT_SETTINGS,
        quarterFormula: null,
        yearEndFormula: null,
        pool: 10000,
        locale: "zh-CN",
      },
      STRINGS,
    );
    expect(p.error).toBeNull();
    expect(p.lines.map((l) => l.zh)).toEqual([
      "3 人，全年绩效合计 30,000.00",
      "季度奖金合计 7,050.00（先相加后取整 7,050.00，取整差额 0.00）",
      "按预算 10,000.00 调整：系数 1.41844，合计 10,000.00，差额 0.00",
      "年终奖合计 1,080.00；1 人取消",
      "1 人缺少岗位标准绩效、考核奖金比例或本季度等级，金额留空，请在表中填写",
    ]);
    expect(p.rows.map((r) => [r.name, r.quarter, r.yearEnd])).toEqual([
      ["张三", "6,000.00", "1,080.00"],
      ["李四", "4,000.00", "不合格季度 2 个（≥2）"],
      ["王五", "—", "—"],
    ]);
  });

  test("preview of a formula that cannot be computed says who and why", () => {
    const s = table([
      ["姓名", "岗位标准绩效", "考核奖金比例", "Q1", "红牌"],
      ["张三", 60000, 0.3, "A", 0],
    ]);
    const f = checkFormulaInput("全年绩效 / 红牌", true, "quarter", { ...SHAPE, quarter: 1 }, "zh-CN");
    const p = preview(
      peopleOf(s, 2026, DEFAULT_SETTINGS),
      {
        year: 2026,
        quarter: 1,
        settings: DEFAULT_SETTINGS,
        quarterFormula: f.state === "ok" ? f.formula : null,
        yearEndFormula: null,
        pool: null,
        locale: "en-US",
      },
      STRINGS,
    );
    expect(p.error?.en).toMatch(/^Cannot compute: 张三: the quarter bonus formula "全年绩效 \/ 红牌" gives no amount/);
  });

  test("reading the forms: one findPlans and one readRange per form of the year, however many people", async () => {
    const people = Array.from({ length: 1500 }, (_, i) => ({
      name: `员工${i + 1}`,
      id: `E${i + 1}`,
      department: `部门${i % 5}`,
    }));
    const sheets = (["2026-Q1", "2026-Q2", "2026-Q3", "2025-Q4"] as const).map((key, k) => {
      const [year, q] = key.split("-Q").map(Number);
      const r = appraisalPlan({
        template: STAFF_TEMPLATE,
        period: { year, quarter: q as 1 | 2 | 3 | 4 },
        people,
        scale: "five",
        locale: "zh-CN",
        settings: DEFAULT_SETTINGS,
        scores: people.map((_, i) => Array.from({ length: 20 }, () => ((i + k) % 4) + 2)),
      });
      if (!r.ok) throw new Error(r.problem.message.en);
      return r.value;
    });
    const wb = openXlsx((await xlsxBytes({ sheets })).bytes);
    const calls: string[] = [];
    const file = xlsxBookReader(wb);
    const host: WorkbookReader = {
      ...file,
      findPlans: () => {
        calls.push("findPlans");
        return file.findPlans();
      },
      readRanges: (requests) => {
        calls.push(`readRanges ${requests.map((r) => `${r.sheetName}!${r.address}`).join(", ")}`);
        return file.readRanges(requests);
      },
    };
    const source = await readFormsSource(host, 2026, (n) => `${n} forms`);
    // One read for every form of the year (one Excel.run in Excel).
    expect(calls).toEqual([
      "findPlans",
      "readRanges 考核表 2026-Q1!B8:Z1507, 考核表 2026-Q2!B8:Z1507, 考核表 2026-Q3!B8:Z1507",
    ]);
    const read = peopleOf(source!, 2026, DEFAULT_SETTINGS);
    expect(read.people).toHaveLength(1500);
    // Scores 2,3,4,5 → D,C,B,A; person i in quarter k scores ((i + k) % 4) + 2.
    expect(read.people[0].grades).toEqual(["D", "C", "B", null]);
    expect(read.problems.map((p) => p.message.en)).toEqual([
      "appraisal forms not used (not quarters of 2026): 考核表 2025-Q4 (2025-Q4)",
    ]);
    expect(
      await readFormsSource(
        {
          ...EMPTY_WORKBOOK,
          readRanges: async () => {
            throw new Error("not called");
          },
        },
        2026,
        String,
      ),
    ).toBeNull();
  }, 240_000); // writes and reads back four 1,500-person forms (with their rank helper columns) as a file; room for a loaded 2-core machine, no speed assertion
});
