/**
 * The 6S pane's flow inside Excel, over the in-memory fake of the Excel object model (which
 * enforces load/sync rules and counts round trips): the audit (with the 考核参数 sheet) is
 * written through src/excel, read back by marker with host.readRange — one Excel.run per audit
 * sheet whatever its size — and the summary written. Round trips must not grow with the data.
 */
import { DEFAULT_SETTINGS } from "../../../core/settings";
import { DEFAULT_CHECKLIST } from "../../../core/audit6s/engine";
import { audit6sPlan, audit6sSummaryPlan, demoEntries, readAudits } from "../../../sheets/audit6s";
import { settingsPlan } from "../../../sheets/settings";
import { createFakeExcel } from "../../../../test/fakes/excel";
import { ExcelHost, type ExcelRunner } from "../../host/ExcelHost";

const NOV20 = 46346;

function hostOver() {
  // The fake does not calculate; the audit reader only uses the cells people type, so formula
  // cells may read as anything — "" here.
  const fake = createFakeExcel({ sheets: ["Sheet1"], formulaValue: () => "" });
  let runs = 0;
  const run: ExcelRunner = (batch) => {
    runs++;
    return batch(fake.context as Excel.RequestContext);
  };
  return { fake, host: new ExcelHost(run), runs: () => runs };
}

async function flow(areas: string[]) {
  const { fake, host, runs } = hostOver();
  const plan = audit6sPlan({
    areas,
    date: NOV20,
    scale: "0-5",
    checklist: DEFAULT_CHECKLIST,
    weights: "settings",
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    entries: demoEntries(DEFAULT_CHECKLIST, areas.length, "0-5", NOV20, "zh-CN"),
  });
  if (!plan.ok) throw new Error(plan.problem.message.en);
  const written = await host.write({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), plan.value.plan], activate: 1 });
  const writeSyncs = fake.syncCount;
  const before = runs();
  const found = await host.findPlans();
  const { audits, problems } = await readAudits(found, (reqs) => host.readRanges(reqs), DEFAULT_SETTINGS);
  const readRuns = runs() - before;
  const summary = audit6sSummaryPlan({
    audits,
    month: 202611,
    asOf: NOV20 + 10,
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
  });
  if (!summary.ok) throw new Error(summary.problem.message.en);
  await host.write({ sheets: [summary.value.plan] });
  return { written, writeSyncs, readRuns, problems, audits, summary: summary.value, results: plan.value.results, fake };
}

describe("6S in Excel (ExcelHost over the fake object model)", () => {
  test("audit and summary are written; the audit reads back as the engine scored it", async () => {
    const r = await flow(["维修车间", "备件库"]);
    expect(r.written.sheets.map((s) => s.actual)).toEqual(["考核参数", "6S检查表 2026-11-20"]);
    expect(r.problems).toEqual([]);
    // The values read back through Office.js score exactly as when generated.
    expect(r.audits[0].areas.map((a) => a.record.result)).toEqual(r.results);
    expect(r.summary.summary.matrix.map((m) => m.name)).toEqual(["维修车间", "备件库"]);
    // findPlans plus one readRange per audit sheet.
    expect(r.readRuns).toBe(2);
  });

  test("round trips do not grow with the number of areas", async () => {
    const small = await flow(["维修车间"]);
    const large = await flow(["维修车间", "备件库", "接待区", "服务车", "洗车区", "工具间"]);
    expect(large.writeSyncs).toBe(small.writeSyncs);
    expect(large.readRuns).toBe(small.readRuns);
  });
});
