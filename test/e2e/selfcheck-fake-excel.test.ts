/**
 * The self-check (issue 9 part 3) end to end in Node, on the fake Excel whose formula cells
 * hold what LibreOffice computed for the same plan: the self-check's temporary sheets are
 * written to .xlsx, recalculated in headless LibreOffice, and LibreOffice's value of every cell
 * is what the fake reports for it (custom-function cells: the add-in's own functions, which
 * LibreOffice does not have). The self-check must then find zero mismatches; with one value
 * corrupted, exactly that one. Then every sync of the check fails in turn: the workbook ends
 * exactly as it was each time.
 */
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { runSelfCheck } from "../../src/excel/selfCheck";
import { formatCell } from "../../src/sheets/formula/a1";
import { buildReport, reportText } from "../../src/sheets/selfcheck/report";
import { selfCheckPlan, type SelfCheckPlan } from "../../src/sheets/selfcheck/selfCheckPlan";
import { xlsxBytes } from "../../src/xlsx";
import { createFakeExcel, key, type FakeExcel, type FormulaValue } from "../fakes/excel";
import { SVC_FUNCTION_NAMES, evaluateSvc } from "../support/evaluateSvc";
import { computedValue, recalculateXlsx } from "../support/libreoffice";

const ABOUT = {
  when: new Date(2026, 11, 3, 14, 5),
  excel: "fake Excel (LibreOffice 7.4 values)",
  addinVersion: "test",
};

let check: SelfCheckPlan;
let lo: ExcelJS.Workbook;
beforeAll(async () => {
  check = await selfCheckPlan({ locale: "zh-CN", settings: DEFAULT_SETTINGS, includeSettingsSheet: true });
  lo = (await recalculateXlsx((await xlsxBytes(check.plan)).bytes)).workbook;
}, 300_000);

/** LibreOffice's value of each formula cell, by sheet name and address; SVC calls by the add-in's functions. */
function libreOfficeValues(corrupt?: { sheet: string; address: string; value: number }): FormulaValue {
  return (sheet, row, column, formula) => {
    if (formula.startsWith("=SVC.")) return evaluateSvc(formula) as never;
    const address = formatCell(row, column);
    if (corrupt && corrupt.sheet === sheet.name && corrupt.address === address) return corrupt.value;
    const ws = lo.getWorksheet(sheet.name);
    if (!ws) throw new Error(`LibreOffice's workbook has no sheet ${sheet.name}`);
    const v = computedValue(ws.getCell(address));
    return (v === null ? "" : v) as never;
  };
}

function workbook(values: FormulaValue): FakeExcel {
  const fake = createFakeExcel({
    sheets: ["客户台账"],
    customFunctions: SVC_FUNCTION_NAMES,
    customFunctionBusySyncs: 1,
    formulaValue: values,
  });
  fake.state.sheets[0]!.cells.set(key(1, 1), { value: "用户自己的数据" });
  return fake;
}

const snapshot = (f: FakeExcel) => JSON.stringify(f.state.snapshot()).replace(/"id":"[a-z]+\d+"/g, "");

describe("self-check on the fake Excel holding LibreOffice's values", () => {
  it("finds zero mismatches in every formula cell of every kind, and leaves the workbook as it was", async () => {
    const fake = workbook(libreOfficeValues());
    const before = snapshot(fake);
    const run = await runSelfCheck(fake.context as Excel.RequestContext, check, { pollMs: 0 });
    const report = buildReport(check, run, ABOUT);
    console.log(reportText(report, "en-US"));
    console.log(`self-check syncs: ${fake.syncCount}; largest request ${fake.largestRequestBytes} B`);
    expect(report.mismatches).toEqual([]);
    expect(report.functions.status).toBe("checked");
    expect(report.ok).toBe(true);
    expect(report.kinds.reduce((n, k) => n + k.compared, 0)).toBe(check.sheets.reduce((n, s) => n + s.cells.length, 0));
    expect(snapshot(fake)).toBe(before);
  });

  it("with one value corrupted, reports exactly that cell", async () => {
    const bonus = check.sheets.find((s) => s.kind === "bonus")!;
    const cell = bonus.cells.find((c) => typeof c.expect === "number" && c.expect > 0)!;
    const fake = workbook(libreOfficeValues({ sheet: bonus.name, address: cell.address, value: 1 }));
    const report = buildReport(
      check,
      await runSelfCheck(fake.context as Excel.RequestContext, check, { pollMs: 0 }),
      ABOUT,
    );
    expect(report.mismatches).toEqual([
      { kind: "bonus", sheet: bonus.name, address: cell.address, formula: cell.formula, excel: 1, ours: cell.expect },
    ]);
    expect(report.ok).toBe(false);
  });

  it("every sync failing in turn: the workbook ends exactly as it was", async () => {
    const probe = workbook(libreOfficeValues());
    await runSelfCheck(probe.context as Excel.RequestContext, check, { pollMs: 0 });
    const total = probe.syncCount;
    const outcomes = { stopped: 0, completed: 0 };
    // The last two syncs are the cleanup itself: a failure there is reported as sheets left behind.
    for (let n = 1; n <= total - 2; n++) {
      const fake = workbook(libreOfficeValues());
      const before = snapshot(fake);
      fake.failOnSync(n);
      const run = await runSelfCheck(fake.context as Excel.RequestContext, check, { pollMs: 0 });
      outcomes[run.failure ? "stopped" : "completed"] += 1;
      expect(run.removed.failed).toEqual([]);
      expect(snapshot(fake)).toBe(before);
    }
    console.log(`self-check fault injection: ${total - 2} syncs failed in turn → ${JSON.stringify(outcomes)}`);
    expect(outcomes.stopped).toBeGreaterThan(0);
  }, 600_000);
});
