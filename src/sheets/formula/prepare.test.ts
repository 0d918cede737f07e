import type { SheetPlan, WorkbookPlan } from "../plan";
import { formatCell } from "./a1";
import { PlanError, finalCells, keyColumn, keyRow, prepareWorkbookPlan, tableHeaderNames } from "./prepare";

const none = { sheetNames: [], definedNames: [], tableNames: [] };

function sheet(over: Partial<SheetPlan> = {}): SheetPlan {
  return { name: "S", marker: { kind: "kpi", version: 1, meta: {} }, markerCell: "Z1", cells: [], ...over };
}

function cellsOf(plan: WorkbookPlan, i = 0): Record<string, unknown> {
  const p = prepareWorkbookPlan(plan, none);
  const out: Record<string, unknown> = {};
  for (const [k, v] of finalCells(p.sheets[i]!)) out[formatCell(keyRow(k), keyColumn(k))] = v;
  return out;
}

describe("prepareWorkbookPlan", () => {
  it("picks unique sheet names, marker names and table names", () => {
    const plan: WorkbookPlan = {
      sheets: [
        sheet({
          name: "KPI",
          tables: [{ name: "SVC_T", range: "A1:B2" }],
          cells: [
            {
              at: "A1",
              rows: [
                ["a", "b"],
                [1, { f: "=SUM(SVC_T[a])" }],
              ],
            },
          ],
        }),
        sheet({ name: "KPI" }),
      ],
    };
    const p = prepareWorkbookPlan(plan, {
      sheetNames: ["kpi"],
      definedNames: ["SVC_PLAN_kpi_1"],
      tableNames: ["svc_t"],
    });
    expect(p.sheets.map((s) => s.actualName)).toEqual(["KPI (2)", "KPI (3)"]);
    expect(p.sheets.map((s) => s.markerName)).toEqual(["SVC_PLAN_kpi_2", "SVC_PLAN_kpi_3"]);
    expect(p.sheets[0]!.tableNames).toEqual(["SVC_T_2"]);
    // formulas follow the renamed table
    expect((p.sheets[0]!.plan.cells[0]!.rows[1]![1] as { f: string }).f).toBe("=SUM(SVC_T_2[a])");
    expect(p.newDefinedNames).toEqual(["SVC_PLAN_kpi_2", "SVC_PLAN_kpi_3"]);
  });

  it("rewrites references to a plan sheet that had to be renamed", () => {
    const plan: WorkbookPlan = {
      sheets: [
        sheet({ name: "工单登记表" }),
        sheet({
          name: "KPI",
          cells: [{ at: "A1", rows: [[{ f: "=COUNTA('工单登记表'!A:A)+Users!A1" }]] }],
          conditionalFormats: [
            { range: "A1", rule: { type: "expression", formula: "=工单登记表!B1>0" }, style: { bold: true } },
          ],
        }),
      ],
    };
    const p = prepareWorkbookPlan(plan, { ...none, sheetNames: ["工单登记表", "Users"] });
    expect((p.sheets[1]!.plan.cells[0]!.rows[0]![0] as { f: string }).f).toBe("=COUNTA('工单登记表 (2)'!A:A)+Users!A1");
    expect(p.sheets[1]!.plan.conditionalFormats![0]!.rule).toEqual({
      type: "expression",
      formula: "='工单登记表 (2)'!B1>0",
    });
  });

  it("refuses to repoint a name the workbook already has", () => {
    const plan = { sheets: [sheet({ names: [{ name: "SVC_Grades", range: "A1" }] })] };
    expect(() => prepareWorkbookPlan(plan, { ...none, definedNames: ["svc_grades"] })).toThrow(PlanError);
    try {
      prepareWorkbookPlan(plan, { ...none, definedNames: ["SVC_Grades"] });
    } catch (e) {
      expect((e as PlanError).text.zh).toContain("SVC_Grades");
      expect((e as PlanError).text.en).toContain("SVC_Grades");
    }
  });

  it.each([
    ["a bad address", sheet({ cells: [{ at: "A0", rows: [[1]] }] })],
    ["a non-finite number", sheet({ cells: [{ at: "A1", rows: [[NaN]] }] })],
    ["a formula without =", sheet({ cells: [{ at: "A1", rows: [[{ f: "SUM(A2)" }]] }] })],
    ["a formula longer than Excel allows", sheet({ fills: [{ range: "A1:A2", formula: `=${"1+".repeat(4100)}1` }] })],
    ["overlapping merges", sheet({ merges: ["A1:B2", "B2:C3"] })],
    [
      "a fill whose expect has the wrong shape",
      sheet({ fills: [{ range: "A1:A3", formula: "=1", expect: [[1], [2]] }] }),
    ],
    ["an invalid name", sheet({ names: [{ name: "A1", range: "A1" }] })],
    [
      "a list item with a comma",
      sheet({
        validations: [{ range: "A1", rule: { type: "list", values: ["a,b"] }, error: { title: "t", message: "m" } }],
      }),
    ],
    [
      "a validation title over 32 characters",
      sheet({
        validations: [{ range: "A1", rule: { type: "whole" }, error: { title: "x".repeat(33), message: "m" } }],
      }),
    ],
    ["a bad colour", sheet({ tabColor: "red" })],
    ["a bad marker cell", sheet({ markerCell: "Z" })],
  ])("rejects %s with a bilingual PlanError", (_, s) => {
    let err: unknown;
    try {
      prepareWorkbookPlan({ sheets: [s] }, none);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PlanError);
    expect((err as PlanError).text.zh.length).toBeGreaterThan(0);
    expect((err as PlanError).text.en.length).toBeGreaterThan(0);
  });
});

describe("finalCells", () => {
  it("applies blocks in order, then fills, then the marker; merges keep the top-left", () => {
    const cells = cellsOf({
      sheets: [
        sheet({
          markerCell: "C1",
          cells: [
            {
              at: "A1",
              rows: [
                ["x", "y", "covered by marker"],
                [1, 2],
              ],
            },
            { at: "A2", rows: [[null, ""]] },
          ],
          fills: [
            {
              range: "A3:B4",
              formula: "=A1*2",
              expect: [
                [1, 2],
                [3, 4],
              ],
            },
          ],
          merges: ["A1:B1"],
        }),
      ],
    });
    expect(cells).toEqual({
      A1: { value: "x" },
      C1: { value: JSON.stringify({ kind: "kpi", version: 1, meta: {} }) },
      A2: { value: 1 },
      A3: { f: "=A1*2", expect: 1 },
      B3: { f: "=B1*2", expect: 2 },
      A4: { f: "=A2*2", expect: 3 },
      B4: { f: "=B2*2", expect: 4 },
    });
  });

  it("turns table headers into unique text", () => {
    expect(tableHeaderNames(["a", null, "A", 2026, true, "a"])).toEqual(["a", "Column2", "A2", "2026", "TRUE", "a3"]);
    const cells = cellsOf({
      sheets: [
        sheet({
          cells: [
            {
              at: "A1",
              rows: [
                [2026, "x"],
                [1, 2],
              ],
            },
          ],
          tables: [{ name: "T", range: "A1:B2" }],
        }),
      ],
    });
    expect(cells.A1).toEqual({ value: "2026" });
  });
});
