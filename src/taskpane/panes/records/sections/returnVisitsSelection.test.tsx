/**
 * The 回访与满意度调查 section's "draw from the work orders in the selection": the register sheet
 * the KPI pane generates, written into the in-memory fake of Excel and read back as the selection
 * through the real ExcelHost, maps by its own headers; the same seed draws the same sample as the
 * `return-visits` command's path (the export parsed, then drawFromOrders).
 */
import { DEFAULT_SETTINGS } from "../../../../core/settings";
import { parseOrders, proposeMapping, sampleWorkOrders, serialOf, type WorkOrder } from "../../../../core/workorders";
import { blankOrder } from "../../../../core/workorders/parseOrders";
import type { RangeData } from "../../../../sheets/plan";
import { settingsPlan } from "../../../../sheets/settings";
import { drawFromOrders, drawnReturnVisitsOptions, returnVisitsPlan } from "../../../../sheets/records/returnVisits";
import { registerPlan } from "../../../../sheets/workorders/register/registerPlan";
import { createFakeExcel } from "../../../../../test/fakes/excel";
import { recordingHost, renderInPane } from "../../../../../test/support/sectionHost";
import { ExcelHost, type ExcelRunner } from "../../../host/ExcelHost";
import { generateSheets } from "../../generateSheets";
import { ReturnVisitsSection } from "./ReturnVisitsSection";
import {
  RV_SELECTION,
  checkSelection,
  completedMonths,
  defaultVisitMonth,
  readMessage,
  readVisitOrders,
  selectionGeneration,
} from "./returnVisitsSelection";

const OCT = { year: 2026, month: 10 };

/** The user's export as the command reads it: sample orders, with the KPI pane's automatic mapping. */
function exported() {
  const s = sampleWorkOrders({ seed: 7, count: 60, month: OCT });
  const parsed = parseOrders(s.rows, proposeMapping(s.headers).mapping, { firstRow: 2, headers: s.headers });
  return { s, parsed };
}

/** A workbook host over the fake Excel holding the register of `orders`, its table selected from A1. */
async function registerSelected(orders: readonly WorkOrder[]) {
  // The fake does not calculate: the register's calculated columns read as "" (the draw reads none of them).
  const fake = createFakeExcel({ sheets: ["Sheet1"], formulaValue: () => "" });
  const run: ExcelRunner = (batch) => batch(fake.context as Excel.RequestContext);
  const host = new ExcelHost(run);
  const plan = registerPlan({ orders, locale: "zh-CN", settings: DEFAULT_SETTINGS, asOf: serialOf(2026, 11, 1) });
  if (!plan.ok) throw new Error(plan.problem.message.en);
  // With 考核参数, as the KPI pane writes it: the register's formulas use its names.
  const report = await host.write({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), plan.value] });
  // From A1: the title lines above the header row are skipped as the KPI pane skips them.
  fake.select(report.sheets[1]!.actual, `A1:AJ${4 + orders.length}`);
  return host.readSelection();
}

test("the register sheet read back as the selection: same seed, same survey as the command's draw", async () => {
  const { parsed } = exported();
  const range = await registerSelected(parsed.orders);
  const read = readVisitOrders(range);
  if (!read.ok) throw new Error(read.problem.message.en);
  expect(read.value.orders).toHaveLength(parsed.orders.length);
  // The sample month spills into November; October has the most completed orders.
  expect(defaultVisitMonth(read.value.months)?.key).toBe("2026-10");

  const checked = checkSelection(read.value, { month: "2026-10", seed: "4242", share: "30" });
  if (!checked.value) throw new Error(JSON.stringify(checked.errors));
  const h = recordingHost();
  const messages = await generateSheets(
    h,
    "zh-CN",
    selectionGeneration(checked.value, { station: "北京站", blankRows: 5, locale: "zh-CN" }),
  );
  expect(messages[0]).toMatchObject({ intent: "success" });
  expect(messages[1]!.body).toMatchObject({ zh: expect.stringContaining("抽样种子 4242") });

  // The command's path: the export parsed, drawn with the same seed and the command's default share.
  const drawn = drawFromOrders(parsed.orders, { month: OCT, seed: 4242 });
  if (!drawn.ok) throw new Error(drawn.problem.message.en);
  expect(drawn.value.sample.picked.length).toBeGreaterThan(0);
  const cli = returnVisitsPlan(
    drawnReturnVisitsOptions(drawn.value, {
      month: "2026-10",
      station: "北京站",
      threshold: DEFAULT_SETTINGS.kpi.csatThreshold,
      locale: "zh-CN",
      blankRows: 5,
    }),
  );
  if (!cli.ok) throw new Error(cli.problem.message.en);
  expect(h.written[0]!.sheets).toEqual(cli.value.plan.sheets);
  // The seed is on the survey's parameters row, so the draw can be repeated.
  const row3 = h.written[0]!.sheets[0]!.cells.flatMap((b) => (b.at.endsWith("3") ? b.rows.flat() : []));
  expect(row3).toEqual(expect.arrayContaining(["2026-10", 4242]));
  // Another seed draws another sample (the test could fail).
  const other = drawFromOrders(parsed.orders, { month: OCT, seed: 4243 });
  expect(other.ok && other.value.sample.picked.map((o) => o.orderId)).not.toEqual(
    drawn.value.sample.picked.map((o) => o.orderId),
  );
});

test("the default month is the one with the most completed orders, the newer on a tie", () => {
  const at = (m: number, d: number, done: boolean): WorkOrder => ({
    ...blankOrder(2, `W${m}${d}`, serialOf(2026, m, d, 9)),
    completedAt: done ? serialOf(2026, m, d, 17) : null,
  });
  const orders = [at(9, 1, true), at(9, 2, true), at(10, 1, true), at(10, 2, false), at(10, 3, false)];
  const months = completedMonths(orders);
  expect(months.map((m) => [m.key, m.completed])).toEqual([
    ["2026-10", 1],
    ["2026-09", 2],
  ]);
  expect(defaultVisitMonth(months)?.key).toBe("2026-09");
  expect(defaultVisitMonth(completedMonths([at(9, 1, true), at(10, 1, true)]))?.key).toBe("2026-10");
  expect(defaultVisitMonth([])).toBeUndefined();
});

function range(values: RangeData["values"]): RangeData {
  return { sheetName: "导出", address: `A1:C${values.length}`, firstRow: 1, firstColumn: 1, values };
}

test("clear errors: empty selection, a required column missing (named), no order read", () => {
  const empty = readVisitOrders(range([[null, null]]));
  expect(!empty.ok && empty.problem.message.en).toMatch(/empty/);
  const missing = readVisitOrders(
    range([
      ["工单号", "客户", "服务人员"],
      ["W1", "甲", "张三"],
    ]),
  );
  expect(!missing.ok && missing.problem.message.zh).toMatch(/报修时间/);
  expect(!missing.ok && missing.problem.message.en).toMatch(/headers found: 工单号, 客户, 服务人员/);
  const none = readVisitOrders(
    range([
      ["工单号", "报修时间", "服务人员"],
      ["W1", "not a date", "张三"],
    ]),
  );
  expect(!none.ok && none.problem.message).toEqual(RV_SELECTION.noOrders);
});

test("data problems are listed by row and column after reading", () => {
  const read = readVisitOrders(
    range([
      ["工单号", "报修时间", "完工时间"],
      ["W1", "2026-10-02 09:00", "2026-10-02 17:00"],
      ["W2", "2026-10-03 09:00", "tomorrow"],
    ]),
  );
  if (!read.ok) throw new Error(read.problem.message.en);
  expect(read.value.problems.length).toBeGreaterThan(0);
  const message = readMessage(read.value);
  expect(message.zh).toMatch(/1 个数据问题.*第 3 行/);
  expect(message.en).toMatch(/1 data problems.*row 3/i);
});

test("the month, seed and share are checked; nothing read yet is an error", () => {
  const none = checkSelection(null, { month: "", seed: "", share: "" });
  expect(none).toEqual({ value: null, errors: { source: RV_SELECTION.noSelection } });
  const read = readVisitOrders(
    range([
      ["工单号", "报修时间", "完工时间"],
      ["W1", "2026-10-02 09:00", "2026-10-02 17:00"],
    ]),
  );
  if (!read.ok) throw new Error(read.problem.message.en);
  const bad = checkSelection(read.value, { month: "2026-13", seed: "-1", share: "0" });
  expect(bad.value).toBeNull();
  expect(Object.keys(bad.errors).sort()).toEqual(["month", "seed", "share"]);
  expect(checkSelection(read.value, { month: "2026-10", seed: "4294967296", share: "101" }).errors).toMatchObject({
    seed: RV_SELECTION.badSeed,
    share: RV_SELECTION.badShare,
  });
  expect(checkSelection(read.value, { month: "2026-10", seed: "7", share: "30%" }).value).toMatchObject({
    seed: 7,
    size: { share: 0.3 },
    month: OCT,
  });
});

test("a month with no completed order: a clear error, nothing written", async () => {
  const read = readVisitOrders(
    range([
      ["工单号", "报修时间", "完工时间"],
      ["W1", "2026-10-02 09:00", "2026-10-02 17:00"],
    ]),
  );
  if (!read.ok) throw new Error(read.problem.message.en);
  const checked = checkSelection(read.value, { month: "2026-09", seed: "7", share: "30" });
  const h = recordingHost();
  const messages = await generateSheets(
    h,
    "en-US",
    selectionGeneration(checked.value!, { station: "", blankRows: 5, locale: "en-US" }),
  );
  expect(h.written).toHaveLength(0);
  expect(messages[0]).toMatchObject({ intent: "error" });
  expect(JSON.stringify(messages[0])).toContain("2026-09 has no completed orders");
});

test.each([
  ["zh-CN", ["从所选区域的工单抽样", "用示例工单抽样并填入示例回访", "不抽样"]],
  ["en-US", ["Draw from the work orders in the selection", "Draw from sample orders with sample answers"]],
] as const)("the three sources render in %s", (locale, words) => {
  const html = renderInPane(<ReturnVisitsSection />, locale);
  for (const w of words) expect(html).toContain(w);
});
