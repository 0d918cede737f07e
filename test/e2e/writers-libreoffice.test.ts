/**
 * The .xlsx writer's output, recalculated by a real engine (headless LibreOffice), computes
 * what the TypeScript side expects — every formula cell with an `expect`, fills included.
 */
import { tokenizeFormula } from "../../src/sheets/formula/tokens";
import { finalCells, prepareWorkbookPlan } from "../../src/sheets/formula/prepare";
import { isFormulaCell, type PlanCell, type WorkbookPlan } from "../../src/sheets/plan";
import { appraisalPlan, registerPlan, richSamplePlan } from "../fixtures/plans";
import { verifyPlanInLibreOffice } from "../support/libreoffice";

function functionsUsed(plan: WorkbookPlan): Set<string> {
  const out = new Set<string>();
  const prepared = prepareWorkbookPlan(plan, { sheetNames: [], definedNames: [], tableNames: [] });
  for (const s of prepared.sheets) {
    for (const cell of finalCells(s).values()) {
      if (!isFormulaCell(cell as PlanCell)) continue;
      for (const t of tokenizeFormula((cell as { f: string }).f))
        if (t.type === "function") out.add(t.text.toUpperCase());
    }
  }
  return out;
}

describe("writers × LibreOffice", () => {
  it("the rich sample plan computes as expected (SUMPRODUCT, COUNTIFS, IFERROR, INDEX/MATCH, ROUND, MEDIAN, RANK, TEXT, DATE, names)", async () => {
    const plan = richSamplePlan();
    const used = functionsUsed(plan);
    for (const f of [
      "SUMPRODUCT",
      "COUNTIFS",
      "IFERROR",
      "INDEX",
      "MATCH",
      "ROUND",
      "MEDIAN",
      "RANK",
      "TEXT",
      "DATE",
      "SUMIFS",
      "LOOKUP",
      "COUNTIF",
    ])
      expect(used).toContain(f);
    const summary = await verifyPlanInLibreOffice(plan);
    console.log(summary.describe());
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
    expect(summary.cellsCompared).toBeGreaterThanOrEqual(80);
  });

  it("a 2,000-row register: every SLA formula (8,000 fill cells) matches the TypeScript values", async () => {
    const summary = await verifyPlanInLibreOffice(registerPlan(2_000));
    console.log(summary.describe());
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(8_000);
  });

  it("a 2,000-person appraisal form: no formula comes back as an error", async () => {
    const summary = await verifyPlanInLibreOffice(appraisalPlan(2_000));
    console.log(summary.describe());
    expect(summary.unexpectedErrors).toEqual([]);
    expect(summary.formulaCells).toBe(6_000);
  });
});
