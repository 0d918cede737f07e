import { DEFAULT_SETTINGS } from "../../core/settings";
import { STAFF_TEMPLATE, formColumns, type Person } from "../../core/appraisal";
import type { FoundPlan, RangeData } from "../plan";
import { isFormulaCell } from "../plan";
import { appraisalPlan, appraisalPlans } from "./appraisalPlan";
import { kpiTableFor, kpiTables, kpiValues, noKpiTable } from "./kpiSource";

/** A KPI marker as the KPI generator writes it (version 3: score columns listed). */
function kpiPlan(sheetName: string, month: string): FoundPlan {
  return {
    sheetName,
    marker: {
      kind: "kpi",
      version: 3,
      meta: {
        month,
        asOf: 46326,
        registerTable: "SVC_WorkOrders",
        headerRow: 5,
        firstRow: 9,
        departmentRow: 11,
        technicians: ["张三", "李四"],
        frozenAt: null,
        columns: {
          returnVisitRate: "N",
          recordAccuracyRate: "T",
          sOnTime: "Y",
          sSatisfaction: "X",
          compositeScore: "AC",
        },
      },
    },
  };
}

/** Rows 9–11 (张三, 李四, 全部门), columns A…AC: only the looked-up cells matter. */
function range(): RangeData {
  const row = (
    name: string,
    returnVisit: unknown,
    accuracy: unknown,
    onTime: unknown,
    sat: unknown,
    composite: unknown,
  ) => {
    const r: unknown[] = Array.from({ length: 29 }, () => null);
    r[0] = name;
    r[13] = returnVisit;
    r[19] = accuracy;
    r[24] = onTime;
    r[23] = sat;
    r[28] = composite;
    return r;
  };
  return {
    sheetName: "月度KPI 2026-10",
    address: "A9:AC11",
    firstRow: 9,
    firstColumn: 1,
    values: [
      row("张三", 0.75, 0.5, 4.5, 4.25, 4.1),
      row("李四", "", 1, "", 3.5, 3.2),
      row("全部门", 0.8, 0.7, 4.6, 4, 3.9),
    ],
  } as RangeData;
}

describe("kpiSource (issue 12 point 8)", () => {
  const { tables, problems } = kpiTables([
    kpiPlan("月度KPI 2026-09", "2026-09"),
    kpiPlan("月度KPI 2026-10", "2026-10"),
  ]);

  it("finds the KPI tables by marker and picks the form's month, a named sheet or a named month", () => {
    expect(problems).toEqual([]);
    expect(tables.map((t) => [t.sheetName, t.address])).toEqual([
      ["月度KPI 2026-09", "A9:AC11"],
      ["月度KPI 2026-10", "A9:AC11"],
    ]);
    const month = kpiTableFor(tables, { year: 2026, month: 10 });
    expect(month.ok && month.value?.sheetName).toBe("月度KPI 2026-10");
    const named = kpiTableFor(tables, { year: 2026, quarter: 4 }, "月度KPI 2026-09");
    expect(named.ok && named.value?.sheetName).toBe("月度KPI 2026-09");
    const byMonth = kpiTableFor(tables, { year: 2026, quarter: 4 }, "2026/9");
    expect(byMonth.ok && byMonth.value?.sheetName).toBe("月度KPI 2026-09");
  });

  it("a quarter, or a month without a table, leaves the cells for typing; an unknown choice is an error naming the tables", () => {
    const quarter = kpiTableFor(tables, { year: 2026, quarter: 4 });
    expect(quarter.ok && quarter.value).toBeNull();
    const none = kpiTableFor(tables, { year: 2026, month: 11 });
    expect(none.ok && none.value).toBeNull();
    expect(noKpiTable({ year: 2026, month: 11 }).zh).toContain("没有 2026-11 的月度 KPI 表");
    const wrong = kpiTableFor(tables, { year: 2026, month: 10 }, "KPI");
    expect(!wrong.ok && wrong.problem.message.en).toBe(
      'no monthly KPI table is named or dated "KPI" (KPI tables in the workbook: 月度KPI 2026-09、月度KPI 2026-10)',
    );
  });

  it("writes lookup formulas for the measured indicators, with the KPI table's values rescaled, blank for no row or no data", () => {
    const source = kpiValues(tables[1], range());
    const people: Person[] = [{ name: "张三" }, { name: "李四" }, { name: "王五" }];
    const r = appraisalPlan({
      template: STAFF_TEMPLATE,
      period: { year: 2026, month: 10 },
      people,
      scale: "hundred",
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      kpiSource: source,
    });
    if (!r.ok) throw new Error(r.problem.message.en);
    const columns = formColumns(STAFF_TEMPLATE);
    const block = r.value.cells.find((b) => b.rows.length === 3)!;
    const at = (person: number, indicator: string) =>
      block.rows[person][4 + columns.findIndex((c) => c.name.zh === indicator)];
    const onTime = at(0, "服务受理及时率");
    expect(isFormulaCell(onTime) && onTime.f).toBe(
      '=IFERROR(INDEX(\'月度KPI 2026-10\'!$Y$9:$Y$10,MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($C8,"~","~~"),"*","~*"),"?","~?"),\'月度KPI 2026-10\'!$A$9:$A$10,0))*100/SVC_KPI_FullScore,"")',
    );
    const expectOf = (person: number, indicator: string) => {
      const c = at(person, indicator);
      return isFormulaCell(c) ? c.expect : c;
    };
    expect(expectOf(0, "服务受理及时率")).toBe((4.5 * 100) / 5);
    expect(expectOf(0, "售后服务回访率")).toBe(75);
    expect(expectOf(0, "表单记录准确率")).toBe(50);
    expect(expectOf(1, "服务受理及时率")).toBe(""); // no data on the KPI table
    expect(expectOf(2, "客户满意度")).toBe(""); // not on the KPI table
    // No KPI column for 一次成功率 in this marker: the cell stays for typing.
    expect(at(0, "售后服务一次成功率")).toBeNull();
    expect(at(0, "积极性")).toBeNull();
    expect(
      r.value.cells.flatMap((b) => b.rows.flat()).some((c) => typeof c === "string" && c.includes("月度KPI 2026-10")),
    ).toBe(true);
  });

  it("with the 360° rater sheet, the KPI columns keep their lookups and the others read the raters", () => {
    const source = kpiValues(tables[1], range());
    const r = appraisalPlans({
      template: STAFF_TEMPLATE,
      period: { year: 2026, month: 10 },
      people: [{ name: "张三" }, { name: "李四" }],
      scale: "five",
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      kpiSource: source,
      raters: {},
    });
    if (!r.ok) throw new Error(r.problem.message.en);
    const formPlan = r.value[r.value.length - 1];
    const columns = formColumns(STAFF_TEMPLATE);
    const onTime = 5 + columns.findIndex((c) => c.name.zh === "服务受理及时率");
    const block = formPlan.cells.find(
      (b) => b.rows.length === 2 && b.rows[0].length === 1 && isFormulaCell(b.rows[0][0]),
    )!;
    expect(isFormulaCell(block.rows[0][0]) && block.rows[0][0].f).toContain("MATCH(");
    expect(isFormulaCell(block.rows[0][0]) && block.rows[0][0].expect).toBe(4.5);
    expect(block.rows.length).toBe(2);
    const raterFills = (formPlan.fills ?? []).filter((f) => f.formula.includes("COLUMN()"));
    expect(raterFills.length).toBe(columns.length - 4); // 受理及时率, 回访率, 客户满意度, 表单记录准确率 are looked up
    expect(raterFills.some((f) => f.range.startsWith(`${String.fromCharCode(64 + onTime)}8:`))).toBe(false);
  });
});
