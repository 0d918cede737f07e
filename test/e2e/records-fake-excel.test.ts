/**
 * The 记录 pane's Excel path on the in-memory fake of the Office.js object model
 * (test/fakes/excel), through the real ExcelHost: 来电来函 — the clerk's existing log is the
 * selection; the section reads it, reads the settings names and writes 考核参数 + 来电来函 as
 * one unit. The round trips do not grow with the number of calls (200 vs 4,000 with the payload
 * caps lifted), the source sheet is left exactly as it was, identifiers stay text, and the
 * written formulas are the plan's.
 */
import { sampleCalls } from "../../src/core/records/callLog";
import { sampleCards } from "../../src/core/records/conductLog";
import { cardsFromLog, conductLogPlan, readConductLog } from "../../src/sheets/records/conductLog";
import { bonusPlan } from "../../src/sheets/bonus";
import { parseRange } from "../../src/sheets/formula/a1";
import type { Expected } from "../../src/sheets/plan";
import { formatSerial } from "../../src/core/dates/serial";
import { callLogPlan } from "../../src/sheets/records/callLog";
import { recordMarkerOf } from "../../src/sheets/records/marker";
import { settingsForGeneration } from "../../src/sheets/settings";
import { parseMarkerJson } from "../../src/sheets/formula/marker";
import { ExcelHost, type ExcelRunner } from "../../src/taskpane/host";
import { checkCallLogForm } from "../../src/taskpane/panes/records/sections/callLogModel";
import { checkedMeta } from "../support/markers";
import { cellAt, createFakeExcel, key, type FakeExcel } from "../fakes/excel";

const SOURCE = "来电登记";
const HEADER = ["来电来函时间", "方式", "单位/用户", "工单号", "故障类别", "答复方式", "答复时间", "存档位置"];

function workbookWithLog(count: number): FakeExcel {
  const fake = createFakeExcel({ sheets: [SOURCE] });
  fake.setPayloadLimit(Number.MAX_SAFE_INTEGER);
  fake.setResponseLimit(Number.MAX_SAFE_INTEGER);
  const sheet = fake.state.sheets[0]!;
  const calls = sampleCalls(9, count, 2026, 10);
  HEADER.forEach((h, c) => sheet.cells.set(key(1, c + 1), { value: h }));
  calls.forEach((call, r) => {
    const row = [
      formatSerial(call.at),
      call.channel === "phone" ? "来电" : "来函",
      call.caller,
      // An order number of digits with leading zeros: must stay text.
      r === 0 ? "00123" : call.orderId,
      call.category === "chassisEngine" ? "底盘发动机" : call.category === "body" ? "车身" : "其他",
      call.answeredBy === null ? null : call.answeredBy === "written" ? "书面" : "复电",
      call.answeredAt,
      call.archive,
    ];
    row.forEach((v, c) => v !== null && sheet.cells.set(key(r + 2, c + 1), { value: v }));
  });
  fake.select(SOURCE, `A1:H${count + 1}`);
  return fake;
}

async function flow(fake: FakeExcel): Promise<{ readSyncs: number; writeSyncs: number; entries: number }> {
  const run: ExcelRunner = (batch) => batch(fake.context as Excel.RequestContext);
  const host = new ExcelHost(run, {
    targetResponseBytes: Number.MAX_SAFE_INTEGER,
    maxCellsPerRequest: Number.MAX_SAFE_INTEGER,
  });
  const start = fake.syncCount;
  const range = await host.readSelection();
  const checked = checkCallLogForm({
    source: "selection",
    asOf: "2026-11-01 09:00",
    blankRows: "20",
    selection: { address: range.address, firstRow: range.firstRow, rows: range.values },
  });
  if (!checked.value) throw new Error(JSON.stringify(checked.errors));
  const { settings, add } = await settingsForGeneration(host, "zh-CN");
  const afterRead = fake.syncCount;
  const built = callLogPlan({ ...checked.value, locale: "zh-CN", settings, inputProblems: checked.value.problems });
  if (!built.ok) throw new Error(built.problem.message.en);
  await host.write({ sheets: [...add, built.value.plan] });
  return {
    readSyncs: afterRead - start,
    writeSyncs: fake.syncCount - afterRead,
    entries: built.value.result.counts.entries,
  };
}

test("来电来函 from the selection: round trips independent of the calls, source untouched, order numbers text, formulas written", async () => {
  const small = workbookWithLog(200);
  const large = workbookWithLog(4000);
  const before = JSON.stringify([...large.state.sheets[0]!.cells.entries()]);
  const s = await flow(small);
  const l = await flow(large);
  expect([s.entries, l.entries]).toEqual([200, 4000]);
  expect(l.readSyncs).toBe(s.readSyncs);
  expect(l.writeSyncs).toBe(s.writeSyncs);
  expect(JSON.stringify([...large.state.sheets[0]!.cells.entries()])).toBe(before);

  const sheet = large.state.sheets.find((x) => x.name === "来电来函")!;
  expect(sheet).toBeDefined();
  const marker = parseMarkerJson(String(cellAt(sheet, 1, 20)?.value ?? ""));
  const meta = checkedMeta(recordMarkerOf({ sheetName: sheet.name, marker: marker! }, "callLog"));
  expect(meta.lastRow).toBe(meta.firstRow + 4000 + 20 - 1);
  const col = (letter: string): number => [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const orders = Array.from(
    { length: 4000 },
    (_, i) => cellAt(sheet, meta.firstRow + i, col(meta.columns.orderId))?.value,
  );
  expect(orders).toContain("00123");
  expect(orders.every((v) => v === undefined || v === null || v === "" || typeof v === "string")).toBe(true);
  const row = meta.firstRow + 7;
  expect(cellAt(sheet, row, col(meta.columns.writtenCheck))?.formula).toContain("SVC_SLA_ChassisReplyHours/24");
  expect(cellAt(sheet, row, col(meta.columns.firstWritten))?.formula).toContain(
    `SUMPRODUCT((SVC_CallLog[工单号]=$F${row})`,
  );
  console.log(
    `fake Excel, call log from the selection: 200 calls → ${s.readSyncs} read + ${s.writeSyncs} write syncs; 4,000 calls → ${l.readSyncs} read + ${l.writeSyncs} write syncs`,
  );
}, 600_000);

test("违规与黄红牌 then 季度奖金 in the same workbook: the bonus finds the log by marker and writes COUNTIFS over its table", async () => {
  const people = ["张伟", "李芳", "王强"];
  const cards = sampleCards(31, 40, 2026, people);
  const log = conductLogPlan({ cards, locale: "zh-CN", blankRows: 10 });
  if (!log.ok) throw new Error(log.problem.message.en);
  // The fake does not calculate: the log's formula cells report the engine's values, as Excel would.
  const values = new Map<string, Expected>();
  for (const fill of log.value.plan.fills ?? []) {
    const rect = parseRange(fill.range);
    fill.expect?.forEach((line, r) => line.forEach((v, c) => values.set(`${rect.top + r},${rect.left + c}`, v)));
  }
  const fake = createFakeExcel({
    sheets: ["Sheet1"],
    formulaValue: (_sheet, row, column) => {
      const v = values.get(`${row},${column}`);
      return v === undefined || v === null || typeof v === "object" ? "" : v;
    },
  });
  fake.setPayloadLimit(Number.MAX_SAFE_INTEGER);
  const run: ExcelRunner = (batch) => batch(fake.context as Excel.RequestContext);
  const host = new ExcelHost(run);
  const first = await settingsForGeneration(host, "zh-CN");
  await host.write({ sheets: [...first.add, log.value.plan] });

  const start = fake.syncCount;
  const { settings, plans } = await settingsForGeneration(host, "zh-CN");
  const read = await readConductLog(plans, (r) => host.readRanges(r));
  const readSyncs = fake.syncCount - start;
  expect(read?.ref?.tableName).toBe("SVC_ConductLog");
  expect(read?.cards).toHaveLength(40);
  const bonus = bonusPlan({
    year: 2026,
    quarter: 4,
    people: cardsFromLog(
      people.map((name) => ({
        name,
        standardPay: 60000,
        bonusRatio: 0.3,
        grades: ["A", "A", "B", "B"],
        yellowCards: null,
        redCards: null,
        remarks: [],
      })),
      read!.cards,
      2026,
      4,
    ),
    locale: "zh-CN",
    settings,
    cardLog: read!.ref,
  });
  if (!bonus.ok) throw new Error(bonus.problem.message.en);
  await host.write({ sheets: [bonus.value.plan] });
  const sheet = fake.state.sheets.find((s) => s.name === "季度奖金 2026-Q4")!;
  const formulas = [...sheet.cells.values()].map((c) => c.formula).filter((f): f is string => typeof f === "string");
  expect(formulas.filter((f) => f.startsWith("=COUNTIFS(SVC_ConductLog[姓名],$C"))).toHaveLength(2 * people.length);
  console.log(`fake Excel, conduct log read back for the bonus sheet: ${readSyncs} syncs`);
}, 600_000);
