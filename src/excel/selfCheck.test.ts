/**
 * The self-check against the fake Excel, with formula cells computing the engine's own values
 * (the e2e test, test/e2e/selfcheck-fake-excel.test.ts, uses LibreOffice's instead): what it
 * writes, reads and compares, that it removes every temporary sheet and name whether it ends,
 * or is cancelled, and that it never touches the user's sheets. Every sync failing in turn is in
 * the slow suite (test/e2e/selfcheck-fake-excel.test.ts) for its run time.
 */
import { createFakeExcel, key, type FakeExcel } from "../../test/fakes/excel";
import { engineValues } from "../../test/support/engineValues";
import { SVC_FUNCTION_NAMES } from "../../test/support/evaluateSvc";
import { DEFAULT_SETTINGS } from "../core/settings";
import { buildReport, reportText } from "../sheets/selfcheck/report";
import { selfCheckPlan, type SelfCheckPlan } from "../sheets/selfcheck/selfCheckPlan";
import { text } from "../core/i18n/text";
import { problem, ProblemError } from "../core/problem";
import { causeOf, runSelfCheck, writeReportSheet } from "./selfCheck";
import { PlanWriteError, writePlans } from "./write";
import { settingsPlan } from "../sheets/settings";

let check: SelfCheckPlan;
beforeAll(async () => {
  check = await selfCheckPlan({ locale: "zh-CN", settings: DEFAULT_SETTINGS, includeSettingsSheet: true });
}, 60_000);

function usersWorkbook(options: { busy?: number; wrong?: { sheet: string; address: string; value: number } } = {}) {
  const fake = createFakeExcel({
    sheets: ["我的数据", "考核表 2026-Q1"],
    customFunctions: SVC_FUNCTION_NAMES,
    customFunctionBusySyncs: options.busy ?? 0,
    formulaValue: engineValues(check, options.wrong),
  });
  fake.state.sheets[0]!.cells.set(key(1, 1), { value: "the user's own data" });
  fake.state.names.push({
    name: "Users_Name",
    sheet: fake.state.sheets[0],
    rect: { top: 1, left: 1, bottom: 1, right: 1 },
    comment: "",
    visible: true,
  });
  return fake;
}

const snapshot = (f: FakeExcel) => JSON.stringify(f.state.snapshot()).replace(/"id":"[a-z]+\d+"/g, "");
const ctx = (f: FakeExcel) => f.context as Excel.RequestContext;
const ABOUT = { when: new Date(2026, 11, 3, 14, 5), excel: "Excel fake", addinVersion: "0.1.0" };

describe("the self-check in Excel (fake)", () => {
  it("writes every kind into temporary sheets, compares every formula cell, checks the functions, leaves nothing", async () => {
    const fake = usersWorkbook({ busy: 2 });
    const before = snapshot(fake);
    const steps: string[] = [];
    const run = await runSelfCheck(ctx(fake), check, { pollMs: 0, onProgress: (p) => steps.push(p.step.en) });
    expect(run.written.every((n) => n.startsWith("自检 "))).toBe(true);
    expect(run.written).toContain("自检 考核表 2026-Q1");
    expect(run.failure).toBeUndefined();
    const report = buildReport(check, run, ABOUT);
    expect(report.mismatches).toEqual([]);
    expect(report.kinds.map((k) => [k.kind, k.sheets])).toEqual([
      ["settings", 1],
      ["appraisal", 4],
      ["register", 1],
      ["problems", 1],
      ["kpi", 1],
      ["audit6s", 2],
      ["audit6sSummary", 1],
      ["bonus", 1],
      // The record books (issue 12).
      ["partsLedger", 1],
      ["partsMoves", 1],
      ["stockTake", 1],
      ["warrantyParts", 1],
      ["secondaryClaims", 1],
      ["claimSuppliers", 1],
      ["callLog", 1],
      ["conductLog", 1],
      ["returnVisits", 1],
      ["returnVisitSummary", 1],
      ["returnFollowUps", 1],
    ]);
    const cells = report.kinds.reduce((n, k) => n + k.compared, 0);
    expect(cells).toBe(check.sheets.reduce((n, s) => n + s.cells.length, 0));
    expect(cells).toBeGreaterThan(1000);
    // The functions answered after showing #BUSY! for two syncs.
    expect(report.functions.status).toBe("checked");
    if (report.functions.status === "checked") expect(report.functions.results.every((r) => r.ok)).toBe(true);
    expect(report.ok).toBe(true);
    expect(snapshot(fake)).toBe(before);
    expect(steps[0]).toMatch(/earlier check/);
    expect(reportText(report, "en-US")).toContain("Result: everything matches");
  }, 60_000);

  it("reports exactly the cell Excel computed differently: sheet, address, formula, both values", async () => {
    const target = check.sheets.find((s) => s.kind === "kpi")!;
    const cell = target.cells.find((c) => typeof c.expect === "number")!;
    const fake = usersWorkbook({ wrong: { sheet: target.name, address: cell.address, value: 12345 } });
    const report = buildReport(check, await runSelfCheck(ctx(fake), check, { pollMs: 0 }), ABOUT);
    expect(report.mismatches).toEqual([
      {
        kind: "kpi",
        sheet: target.name,
        address: cell.address,
        formula: cell.formula,
        excel: 12345,
        ours: cell.expect,
      },
    ]);
    expect(report.kinds.find((k) => k.kind === "kpi")!.mismatches).toBe(1);
    expect(report.ok).toBe(false);
    expect(reportText(report, "zh-CN")).toContain(`${target.name}\t${cell.address}\t${cell.formula}\t12345`);
  }, 60_000);

  it("cancelled after any step: stops there and leaves the workbook as it was", async () => {
    for (let stopAfter = 0; stopAfter < 4; stopAfter++) {
      const fake = usersWorkbook();
      const before = snapshot(fake);
      const signal = { cancelled: false };
      let steps = 0;
      const run = await runSelfCheck(ctx(fake), check, {
        pollMs: 0,
        signal,
        onProgress: () => {
          if (steps++ === stopAfter) signal.cancelled = true;
        },
      });
      expect(run.cancelled).toBe(true);
      expect(snapshot(fake)).toBe(before);
    }
  }, 120_000);

  it("a workbook with its own settings: those are used, no settings sheet is generated, its names stay", async () => {
    const own = await selfCheckPlan({ locale: "en-US", settings: DEFAULT_SETTINGS, includeSettingsSheet: false });
    const fake = createFakeExcel({
      sheets: ["Data"],
      customFunctions: SVC_FUNCTION_NAMES,
      formulaValue: engineValues(own),
    });
    await writePlans(ctx(fake), { sheets: [settingsPlan(DEFAULT_SETTINGS, "en-US")] });
    const before = snapshot(fake);
    const run = await runSelfCheck(ctx(fake), own, { pollMs: 0 });
    const report = buildReport(own, run, ABOUT);
    expect(report.kinds.map((k) => k.kind)).not.toContain("settings");
    expect(report.mismatches).toEqual([]);
    expect(run.written.every((n) => n.startsWith("Check "))).toBe(true);
    expect(snapshot(fake)).toBe(before);
  }, 60_000);

  it("sheets an interrupted check left are removed first and reported", async () => {
    const fake = usersWorkbook();
    await writePlans(ctx(fake), { sheets: check.plan.sheets.slice(0, 2) });
    fake.state.addSheet("自检 函数");
    const run = await runSelfCheck(ctx(fake), check, { pollMs: 0 });
    expect(run.earlierLeftovers).toEqual(["自检 考核参数", "自检 考核表 2026-Q1", "自检 函数"]);
    expect(fake.state.names.map((n) => n.name)).toEqual(["Users_Name"]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["我的数据", "考核表 2026-Q1"]);
  }, 60_000);

  it("custom functions not registered: Excel shows #NAME?, and the report says so instead of counting mismatches", async () => {
    const fake = createFakeExcel({ unknownFunctions: "nameError", formulaValue: engineValues(check) });
    const report = buildReport(check, await runSelfCheck(ctx(fake), check, { pollMs: 0 }), ABOUT);
    expect(report.functions.status).toBe("notRegistered");
    expect(report.ok).toBe(true);
    expect(reportText(report, "en-US")).toContain("the custom functions are not registered in this Excel");
  }, 60_000);

  it("saves the report as a sheet, text as text", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "自检报告"] });
    const name = await writeReportSheet(ctx(fake), "自检报告", [["=1+1", 3], ["'x"]]);
    expect(name).toBe("自检报告 (2)");
    const sheet = fake.state.findSheet(name)!;
    expect([sheet.cells.get(key(1, 1)), sheet.cells.get(key(1, 2)), sheet.cells.get(key(2, 1))]).toEqual([
      { value: "=1+1", quotePrefix: true },
      { value: 3 },
      { value: "'x", quotePrefix: true },
    ]);
    expect(fake.state.activeSheet).toBe(sheet);
  });
});

describe("causeOf: why a check failed, in both languages", () => {
  test("our errors by their Problem (with its place), Office's by code and message", () => {
    const ours = new PlanWriteError(text("无法写入", "cannot write"), null);
    expect(causeOf(ours)).toEqual(text("无法写入", "cannot write"));
    const placed = new ProblemError(problem("value", text("太大", "too large"), { row: 3 }));
    expect(causeOf(placed)).toEqual(text("第 3 行：太大", "row 3: too large"));
    const office = Object.assign(new Error("The request payload size has exceeded the limit."), {
      code: "RequestPayloadSizeLimitExceeded",
    });
    expect(causeOf(office).en).toBe(
      "RequestPayloadSizeLimitExceeded: The request payload size has exceeded the limit.",
    );
  });
});
