/**
 * The LibreOffice harness must not pass vacuously: a wrong expectation, a function LibreOffice
 * does not know and a stale cached result must all be caught.
 */
import {
  compareWithPlan,
  findSoffice,
  matchesExpected,
  recalculateXlsx,
  verifyPlanInLibreOffice,
} from "../support/libreoffice";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { xlsxBytes } from "../../src/xlsx/writeXlsx";

const plan = (cells: WorkbookPlan["sheets"][number]["cells"]): WorkbookPlan => ({
  sheets: [{ name: "Check", marker: { kind: "kpi", version: 1, meta: {} }, markerCell: "Z1", cells }],
});

describe("LibreOffice harness", () => {
  it("finds soffice", () => {
    expect(findSoffice()).toBeDefined();
  });

  it("catches a wrong expectation, naming the cell, the formula and both values", async () => {
    const summary = await verifyPlanInLibreOffice(
      plan([
        {
          at: "A1",
          rows: [
            [2, 3, { f: "=A1+B1", expect: 5 }, { f: "=A1*B1", expect: 7 }],
            [
              { f: "=ROUND(1/3,2)", expect: 0.33 },
              { f: '=TEXT(A1,"0.0")', expect: "2.0" },
              { f: "=A1>B1", expect: false },
              { f: "=NA()", expect: 0 },
            ],
          ],
        },
      ]),
    );
    expect(summary.ok).toBe(false);
    expect(summary.cellsCompared).toBe(6);
    expect(summary.mismatches.map((m) => [m.cell, m.formula, m.expected, m.actual])).toEqual([["D1", "=A1*B1", 7, 6]]);
    expect(summary.unexpectedErrors.map((m) => [m.cell, m.expected, m.actual])).toEqual([["D2", 0, { error: "#N/A" }]]);
    expect(summary.describe()).toMatch(/Check!D1 =A1\*B1 → 6 \(expected 7\)/);
  });

  it("flags formulas that come back as errors even when nothing was expected (#NAME?, #DIV/0!)", async () => {
    const summary = await verifyPlanInLibreOffice(
      plan([
        {
          at: "A1",
          rows: [
            [{ f: "=NOSUCHFUNCTION(1)" }, { f: "=_xlfn.XLOOKUP(1,B2:B3,C2:C3)" }, { f: "=1/0" }, { f: "=SUM(1,2)" }],
          ],
        },
      ]),
    );
    expect(summary.unexpectedErrors.map((e) => [e.cell, e.actual])).toEqual([
      ["A1", { error: "#NAME?" }],
      ["B1", { error: "#NAME?" }],
      ["C1", { error: "#DIV/0!" }],
    ]);
    expect(summary.formulaCells).toBe(4);
  });

  it("accepts expected errors, empty strings, booleans and numbers within 1e-9", async () => {
    const summary = await verifyPlanInLibreOffice(
      plan([
        {
          at: "A1",
          rows: [
            [
              { f: "=NA()", expect: { error: "#N/A" } },
              { f: '=IF(1>2,"x","")', expect: "" },
              { f: "=AND(TRUE,1<2)", expect: true },
              { f: "=0.1+0.2", expect: 0.3 },
              { f: "=1E-12", expect: 0 },
            ],
          ],
        },
      ]),
    );
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(5);
  });

  it("forces recalculation: a stale cached result is caught only with the recalc-always profile", async () => {
    // The writer stores `expect` as the cached result; here it is deliberately wrong.
    const wrong = plan([{ at: "A1", rows: [[4, { f: "=A1*2", expect: 9 }]] }]);
    const { bytes } = await xlsxBytes(wrong);
    const forced = await recalculateXlsx(bytes);
    expect(compareWithPlan(wrong, forced.workbook).mismatches.map((m) => m.actual)).toEqual([8]);
    const lazy = await recalculateXlsx(bytes, { recalculate: false });
    // Without the profile setting LibreOffice keeps the stored 9: the comparison would pass vacuously.
    expect(compareWithPlan(wrong, lazy.workbook).mismatches).toEqual([]);
  });

  it("compares numbers relatively (1e-9) and absolutely near zero", () => {
    expect(matchesExpected(1e12, 1e12 + 100)).toBe(true);
    expect(matchesExpected(1e12, 1e12 + 10_000)).toBe(false);
    expect(matchesExpected(0, 5e-10)).toBe(true);
    expect(matchesExpected(0, 5e-9)).toBe(false);
    expect(matchesExpected("", null)).toBe(true);
    expect(matchesExpected("", 0)).toBe(false);
    expect(matchesExpected({ error: "#N/A" }, { error: "#N/A" })).toBe(true);
    expect(matchesExpected({ error: "#N/A" }, "#N/A")).toBe(false);
  });
});
