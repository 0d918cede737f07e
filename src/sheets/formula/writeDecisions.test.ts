import { prepareWorkbookPlan } from "./prepare";
import {
  conditionalFormatOrder,
  listValidationSource,
  markerColumn,
  pageBreakRows,
  printTitleRows,
  printTitleRowsRef,
  validationBounds,
  writeReport,
} from "./writeDecisions";
import type { ConditionalFormat, PrintSetup, SheetPlan } from "../plan";
import { excelDateIso } from "./validationBounds";

const cf = (range: string, priority?: number): ConditionalFormat => ({
  range,
  rule: { type: "expression", formula: "=TRUE" },
  style: { bold: true },
  ...(priority === undefined ? {} : { priority }),
});
const print = (over: Partial<PrintSetup>): PrintSetup => ({
  orientation: "portrait",
  paper: "A4",
  fitToWidth: false,
  ...over,
});

describe("the writers' shared decisions", () => {
  it("orders conditional formats by priority, plan order for ties and for those without", () => {
    expect(
      conditionalFormatOrder([cf("A1"), cf("B1", 2), cf("C1", 1), cf("D1", 2), cf("E1")]).map((c) => c.range),
    ).toEqual(["C1", "B1", "D1", "A1", "E1"]);
  });

  it("spells out validation bounds: both, one, or the type's whole range", () => {
    expect(validationBounds({ type: "decimal", min: 0, max: 5 })).toEqual({
      operator: "between",
      formula1: 0,
      formula2: 5,
    });
    expect(validationBounds({ type: "whole", min: 1 })).toEqual({ operator: "greaterThanOrEqual", formula1: 1 });
    expect(validationBounds({ type: "decimal", max: 9 })).toEqual({ operator: "lessThanOrEqual", formula1: 9 });
    expect(validationBounds({ type: "decimal" })).toEqual({
      operator: "between",
      formula1: -9.99e307,
      formula2: 9.99e307,
    });
    expect(validationBounds({ type: "date" })).toEqual({ operator: "between", formula1: 1, formula2: 2_958_465 });
    expect(listValidationSource(["维修", "接待"])).toBe("维修,接待");
  });

  it("keeps date bounds within Excel's calendar, as the Office.js writer's operands do", () => {
    expect(validationBounds({ type: "date", min: -5, max: 3_000_000 })).toEqual({
      operator: "between",
      formula1: 1,
      formula2: 2_958_465,
    });
    const ours = validationBounds({ type: "date", min: 46023 });
    expect([ours.formula1, ours.operator]).toEqual([46023, "greaterThanOrEqual"]);
    expect(excelDateIso(ours.formula1)).toBe("2026-01-01");
  });

  it("reads print titles and page breaks the same way for both writers", () => {
    expect(printTitleRows(print({ titleRows: "1:3" }))).toEqual({ first: 1, last: 3 });
    expect(printTitleRows(print({ titleRows: "$4:$2" }))).toEqual({ first: 2, last: 4 });
    expect(printTitleRows(print({}))).toBeUndefined();
    expect(printTitleRowsRef({ first: 1, last: 3 })).toBe("$1:$3");
    expect(pageBreakRows(print({ pageBreaksBefore: [30, 1, 12, 30] }))).toEqual([12, 30]);
  });

  it("reports the sheets as planned and as named, and the writer's figures", () => {
    const plan: SheetPlan = { name: "S", marker: { kind: "kpi", version: 1, meta: {} }, markerCell: "AB1", cells: [] };
    expect(markerColumn(plan)).toBe(28);
    const prepared = prepareWorkbookPlan({ sheets: [plan] }, { sheetNames: ["S"], definedNames: [], tableNames: [] });
    expect(writeReport(prepared, { syncs: 3, largestRequestBytes: 10 })).toEqual({
      sheets: [{ planned: "S", actual: "S (2)", kind: "kpi" }],
      syncs: 3,
      largestRequestBytes: 10,
    });
  });
});
