/**
 * Workbook faults in Excel (issue 15 point 6), generator by generator, on the fake Excel that
 * enforces them as Excel does (test/fakes/excel/README.md rows 24–28, 36–38): a protected
 * workbook, a sheet already named like ours, a 考核参数 with a deleted name or text where a
 * number belongs, a filter on the source, a table of the user's named like ours and covering
 * the sheet they work in. Each ends in a clear message in both languages (or a note, where the
 * generation can go on safely) and a workbook whose existing content is exactly as before.
 */
import { text } from "../../src/core/i18n/text";
import { ok } from "../../src/core/problem";
import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../src/core/settings";
import { sampleWorkOrders, serialOf } from "../../src/core/workorders";
import { PROTECTED_WORKBOOK_REFUSAL, PlanWriteError, writePlans } from "../../src/excel/write";
import { isFormulaCell, type WorkbookPlan, type WriteReport } from "../../src/sheets/plan";
import { settingsForGeneration, SETTINGS_UNREADABLE } from "../../src/sheets/settings";
import { kpiWorkbookPlan, proposeFor, readOrders, sourceTable } from "../../src/sheets/workorders";
import { hiddenRowsNote } from "../../src/taskpane/components/task";
import { ExcelHost, problemFromError } from "../../src/taskpane/host";
import { generateSheets } from "../../src/taskpane/panes/generateSheets";
import { createFakeExcel, key, type FakeExcel } from "../fakes/excel";
import { GENERATORS, demoPlans, workbookBefore } from "../support/demoFake";

let plans: WorkbookPlan[];
beforeAll(async () => {
  plans = await demoPlans();
}, 60_000);

const ctx = (f: FakeExcel) => f.context as Excel.RequestContext;
const hostOver = (fake: FakeExcel) => new ExcelHost((batch) => batch(ctx(fake)));
const snapshot = (f: FakeExcel) => JSON.stringify(f.state.snapshot());
const cases = GENERATORS.map((g, i) => [g, i] as const);

/** The settings names a plan's formulas use (cells, fills, conditional formats, list sources). */
function settingsNamesUsed(plan: WorkbookPlan): string[] {
  const all = new Set<string>(Object.values(SETTING_NAMES));
  const found = new Set<string>();
  const scan = (f: string | undefined) => {
    for (const m of (f ?? "").matchAll(/\bSVC_[A-Za-z0-9_]+/g)) if (all.has(m[0])) found.add(m[0]);
  };
  for (const s of plan.sheets) {
    for (const b of s.cells) for (const r of b.rows) for (const c of r) if (isFormulaCell(c)) scan(c.f);
    for (const f of s.fills ?? []) scan(f.formula);
    for (const cf of s.conditionalFormats ?? []) {
      if (cf.rule.type === "expression") scan(cf.rule.formula);
      else {
        scan(cf.rule.formula1);
        scan(cf.rule.formula2);
      }
    }
    for (const v of s.validations ?? []) if (v.rule.type === "listSource") scan(v.rule.source);
  }
  return [...found];
}

async function refusal(fake: FakeExcel, plan: WorkbookPlan): Promise<PlanWriteError> {
  const e = await writePlans(ctx(fake), plan).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(PlanWriteError);
  return e as PlanWriteError;
}

describe.each(cases)("%s", (_name, index) => {
  it("a protected workbook: refused before anything is written", async () => {
    const fake = await workbookBefore(plans, index);
    fake.state.structureProtected = true;
    const before = snapshot(fake);
    const e = await refusal(fake, plans[index]!);
    expect(e.text).toEqual(PROTECTED_WORKBOOK_REFUSAL);
    expect(problemFromError(e).message.zh).toContain("审阅 > 保护工作簿");
    expect(snapshot(fake)).toBe(before);
  });

  it("sheets already named like ours: ours get another name, theirs stay as they are, and the pane says so", async () => {
    const fake = await workbookBefore(plans, index);
    const planned = plans[index]!.sheets.map((s) => s.name);
    for (const name of planned) fake.state.addSheet(name).cells.set(key(1, 1), { value: `the user's own ${name}` });
    const theirs = () =>
      JSON.stringify(fake.state.sheets.filter((s) => planned.includes(s.name)).map((s) => [...s.cells]));
    const before = theirs();
    // Through the panes' one way to generate (settings → plan → write → messages).
    let report: WriteReport | undefined;
    const messages = await generateSheets(hostOver(fake), "zh-CN", {
      build: () => ok(plans[index]!),
      plan: (plan) => plan,
      messages: (_plan, written) => {
        report = written;
        return [];
      },
      settingsAdded: text("", ""),
    });
    expect(report!.sheets.map((s) => s.actual)).toEqual(planned.map((n) => `${n} (2)`));
    expect(theirs()).toBe(before);
    const note = messages.find((m) => m.intent === "info")!;
    for (const name of planned)
      expect(note.body.zh).toContain(`已有名为“${name}”的工作表（未改动），新工作表命名为“${name} (2)”`);
  });

  if (index > 0) {
    it("a settings name someone deleted: refused naming it (Excel would show #NAME?), nothing written", async () => {
      const fake = await workbookBefore(plans, index);
      const used = settingsNamesUsed(plans[index]!);
      expect(used.length).toBeGreaterThan(0);
      const gone = used[0]!;
      fake.state.names.splice(fake.state.names.indexOf(fake.state.findName(gone)!), 1);
      const before = snapshot(fake);
      // The pane's first step already refuses: the settings cannot be read whole.
      const early = await settingsForGeneration(hostOver(fake), "zh-CN").catch((x: unknown) => x);
      expect(problemFromError(early).reason?.code).toBe(SETTINGS_UNREADABLE);
      expect(problemFromError(early).message.en).toMatch(new RegExp(`cannot be read: .*${gone}: `));
      // And the writer itself never writes a formula using a name the workbook lacks.
      const e = await refusal(fake, plans[index]!);
      expect(e.text.en).toContain(gone);
      expect(e.text.zh).toContain("公式会显示 #NAME?，因此未做任何修改");
      expect(snapshot(fake)).toBe(before);
    });

    it("text where a number belongs in 考核参数: generation refused naming the value, nothing written", async () => {
      const fake = await workbookBefore(plans, index);
      // A value this generator's formulas read that is a number (a target, a weight, a bound…).
      const name = settingsNamesUsed(plans[index]!)
        .map((n) => fake.state.findName(n)!)
        .find((n) => typeof n.sheet!.cells.get(key(n.rect!.top, n.rect!.left))?.value === "number")!;
      name.sheet!.cells.set(key(name.rect!.top, name.rect!.left), { value: "见附件" });
      const before = snapshot(fake);
      const e = await settingsForGeneration(hostOver(fake), "en-US").catch((x: unknown) => x);
      expect(problemFromError(e).reason?.code).toBe(SETTINGS_UNREADABLE);
      const message = problemFromError(e).message;
      // A bounds column is part of its band table: the table's name may be the one named.
      const named = `${name.name.replace(/_Bounds$/, "")}(_Bounds)?`;
      expect(message.en).toMatch(new RegExp(`cannot be read: ${named}: .*nothing was changed`));
      expect(message.zh).toMatch(new RegExp(`${named}：`));
      expect(snapshot(fake)).toBe(before);
    });
  }
});

describe("the source the user selected", () => {
  function workbookWithOrders(): FakeExcel {
    const fake = createFakeExcel({ sheets: ["工单导出"] });
    const sheet = fake.state.sheets[0]!;
    const s = sampleWorkOrders({ seed: 5, count: 60, month: { year: 2026, month: 10 } });
    s.headers.forEach((h, c) => sheet.cells.set(key(1, c + 1), { value: h }));
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && sheet.cells.set(key(r + 2, c + 1), { value: v })));
    // A table of the user's own, named like ours, over the export they select.
    fake.state.tables.push({
      id: "t-user",
      name: "SVC_WorkOrders",
      sheet,
      rect: { top: 1, left: 1, bottom: 61, right: s.headers.length },
      style: "TableStyleLight1",
      showTotals: false,
      showHeaders: true,
    });
    fake.filter("工单导出", `A1:S61`, [5, 6, 7, 30]);
    fake.select("工单导出", "A:S");
    return fake;
  }

  it("filters on, the sheet protected, a table of theirs named like ours: every row read, the hidden ones said; ours renamed; theirs untouched", async () => {
    const fake = workbookWithOrders();
    // Review › Protect Sheet on the export: reading is allowed, and nothing is ever written to it.
    fake.state.sheets[0]!.protection = { protected: true, options: {} };
    const host = hostOver(fake);
    const source = () =>
      JSON.stringify([[...fake.state.sheets[0]!.cells], fake.state.sheets[0]!.autoFilter, fake.state.tables[0]]);
    const before = source();
    const range = await host.readSelection();
    expect(range.values).toHaveLength(61);
    expect(range.hiddenRows).toBe(4);
    expect(hiddenRowsNote(range)[0]!.body.zh).toContain("“工单导出”的筛选隐藏了所选区域中的 4 行，这些行也已读入");

    const table = sourceTable(range);
    if (!table.ok) throw new Error(table.problem.message.en);
    const parsed = readOrders(table.value, proposeFor(table.value).mapping);
    if (!parsed.ok) throw new Error(parsed.problem.message.en);
    const workbook = await settingsForGeneration(host, "zh-CN");
    const kpi = kpiWorkbookPlan({
      parsed: parsed.value,
      month: { year: 2026, month: 10 },
      asOf: serialOf(2026, 11, 1),
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      includeSettings: workbook.add.length > 0,
    });
    if (!kpi.ok) throw new Error(kpi.problem.message.en);
    await host.write(kpi.value.plan);
    // Our register's table took another name; the fake accepted every structured reference, so
    // the KPI formulas follow it; the user's table, filter and cells are exactly as before.
    expect(fake.state.tables.map((t) => t.name)).toEqual(["SVC_WorkOrders", "SVC_WorkOrders_2", expect.any(String)]);
    expect(source()).toBe(before);
  });
});
