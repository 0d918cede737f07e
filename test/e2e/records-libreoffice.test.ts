/**
 * The 记录 (records) sheets recalculated by a real engine: written with the .xlsx writer,
 * recalculated in headless LibreOffice, and EVERY formula cell compared with the TypeScript
 * engine's value (`expect`), in both languages, with hand-made boundary cases.
 *
 * 来电来函: a seeded month of calls plus exactly-12-hour answers, order numbers with COUNTIFS
 * wildcards and leading zeros, a written answer before the call; and a register-like sheet that
 * proves written contact per order with `writtenContactFormula`, as the register will.
 */
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { Locale } from "../../src/core/i18n/text";
import { sampleCalls, writtenContactAt, type CallEntry } from "../../src/core/records/callLog";
import { blankOrder, serialOf, type WorkOrder } from "../../src/core/workorders";
import { registerPlan } from "../../src/sheets/workorders";
import {
  callLogPlan,
  writtenContactFormula,
  CALL_LOG_TABLE,
  CALL_HEADERS,
  CALL_COLUMNS,
} from "../../src/sheets/records/callLog";
import { settingsPlan } from "../../src/sheets/settings";
import { sampleCards } from "../../src/core/records/conductLog";
import { cardLogRef, cardsFromLog, conductLogPlan } from "../../src/sheets/records/conductLog";
import { bonusPlan } from "../../src/sheets/bonus";
import { SheetBuilder } from "../../src/sheets/common/builder";
import { isFormulaCell, type SheetPlan, type WorkbookPlan } from "../../src/sheets/plan";
import { verifyPlanInLibreOffice } from "../support/libreoffice";

const OCT5 = serialOf(2026, 10, 5);
const H = 1 / 24;

function call(over: Partial<CallEntry> & { at: number }): CallEntry {
  return {
    channel: "phone",
    caller: "市公交二公司",
    contact: null,
    orderId: null,
    vehicle: null,
    category: "chassisEngine",
    summary: '=HYPERLINK("http://x")',
    takenBy: null,
    answer: null,
    answeredBy: null,
    answeredAt: null,
    archive: null,
    ...over,
  };
}

/** Edge cases: exactly 12 h (on time), 12 h + 1 min (late), wildcards, leading zeros, an earlier answer. */
const EDGES: readonly CallEntry[] = [
  call({ at: OCT5 + 8 * H, orderId: "WO*1", answeredBy: "written", answeredAt: OCT5 + 20 * H, archive: "复函卷1" }),
  call({
    at: OCT5 + 9 * H,
    orderId: "WO?2",
    answeredBy: "written",
    answeredAt: OCT5 + 21 * H + 1 / 1440,
    archive: "复函卷1",
  }),
  call({ at: OCT5 + 10 * H, orderId: "001" }),
  call({
    at: OCT5 + 11 * H,
    orderId: "1",
    answeredBy: "written",
    answeredAt: OCT5 + 12 * H,
    archive: "复函卷2",
    category: "body",
  }),
  call({
    at: OCT5 + 12 * H,
    orderId: "W-5",
    answeredBy: "written",
    answeredAt: OCT5 + 13 * H,
    archive: "卷3",
    category: "other",
  }),
  call({ at: OCT5 + 30 * H, orderId: "W-5" }),
  call({ at: OCT5 + 31 * H, answeredBy: "written", answeredAt: OCT5 + 32 * H, archive: "卷3" }),
];

function logPlan(calls: readonly CallEntry[], locale: Locale, asOf: number, blankRows = 10): SheetPlan {
  const r = callLogPlan({ calls, asOf, locale, settings: DEFAULT_SETTINGS, blankRows });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

/** A register-like sheet: order numbers and report times, and the written-contact lookup per order. */
function lookupSheet(calls: readonly CallEntry[], locale: Locale, orders: readonly [string, number][]): SheetPlan {
  const headers = Object.fromEntries(
    CALL_COLUMNS.map((c) => [c, locale === "zh-CN" ? CALL_HEADERS[c].zh : CALL_HEADERS[c].en]),
  );
  const meta = { tableName: CALL_LOG_TABLE, headers } as Parameters<typeof writtenContactFormula>[0];
  const b = new SheetBuilder("register", { kind: "kpi", version: 1, meta: {} }, "Z1");
  orders.forEach(([order, since], i) => {
    const row = i + 1;
    const expected = writtenContactAt(calls, order, since);
    b.set(row, 1, order);
    b.set(row, 2, since);
    b.set(row, 3, {
      f: `=${writtenContactFormula(meta, `$A${row}`, `$B${row}`, locale === "zh-CN" ? "书面" : "Written")}`,
      expect: expected ?? "",
    });
  });
  return b.build();
}

describe("来电来函 call/letter log in LibreOffice", () => {
  test("zh-CN: a seeded month and the edge cases — every formula equals the engine; the register's lookup proves written contact", async () => {
    const calls = [...sampleCalls(2026, 120, 2026, 10), ...EDGES];
    const asOf = serialOf(2026, 10, 28, 9, 0);
    const log = logPlan(calls, "zh-CN", asOf);
    const lookup = lookupSheet(calls, "zh-CN", [
      ["WO*1", OCT5],
      ["wo*1", OCT5],
      ["WOX1", OCT5],
      ["WO?2", OCT5],
      ["001", OCT5],
      ["1", OCT5],
      ["W-5", OCT5 + 30 * H],
      ["W-5", OCT5],
      ["WO202610005", serialOf(2026, 10, 1)],
    ]);
    const expected = lookup.cells.flatMap((b) => b.rows.flatMap((r) => r.filter(isFormulaCell).map((c) => c.expect)));
    // Not vacuous: some orders are proven, some are not.
    expect(expected.filter((e) => e === "").length).toBeGreaterThan(1);
    expect(expected.filter((e) => typeof e === "number").length).toBeGreaterThan(3);
    const plan: WorkbookPlan = { sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), log, lookup] };
    const s = await verifyPlanInLibreOffice(plan);
    console.log(`call log zh-CN: ${s.describe(20)}`);
    expect(s.problems).toEqual([]);
    expect(s.cellsCompared).toBe(s.formulaCells);
    expect(s.cellsCompared).toBeGreaterThan(4 * 127);
  });

  test("en-US: English headers in the structured references and English words", async () => {
    const calls = [...sampleCalls(5, 40, 2026, 11), ...EDGES];
    const plan: WorkbookPlan = {
      sheets: [
        settingsPlan(DEFAULT_SETTINGS, "en-US"),
        logPlan(calls, "en-US", serialOf(2026, 11, 10, 12, 0), 3),
        lookupSheet(calls, "en-US", [
          ["WO*1", OCT5],
          ["W-5", OCT5 + 30 * H],
        ]),
      ],
    };
    const s = await verifyPlanInLibreOffice(plan);
    console.log(`call log en-US: ${s.describe(20)}`);
    expect(s.problems).toEqual([]);
  });

  test("the work-order register proves written contact from the log: its two columns equal the engine, across languages", async () => {
    const calls = [...sampleCalls(2026, 60, 2026, 10), ...EDGES];
    const order = (row: number, id: string | null, at: number, category: WorkOrder["category"]): WorkOrder => ({
      ...blankOrder(row, id, at),
      category,
    });
    const orders: WorkOrder[] = [
      order(2, "WO*1", OCT5 + 8 * H, "chassisEngine"), // on time, exactly 12 h
      order(3, "wo*1", OCT5 + 8 * H, "chassisEngine"), // case-insensitive
      order(4, "WOX1", OCT5, "chassisEngine"), // "*" is no wildcard: missed
      order(5, "WO?2", OCT5 + 9 * H, "chassisEngine"), // 12 h + 1 min: late
      order(6, "001", OCT5 + 10 * H, "chassisEngine"), // "1" is another order
      order(7, "W-5", OCT5 + 30 * H, "chassisEngine"), // the answer came before: not proof
      order(8, "W-5", OCT5 + 12 * H, "body"), // not chassis: blank
      order(9, null, OCT5, "chassisEngine"),
      order(10, "WO-NEW", OCT5 + 2.9, "chassisEngine"), // still due at as-of
      ...calls
        .filter((c) => c.orderId !== null)
        .slice(0, 30)
        .map((c, i) => order(11 + i, c.orderId, c.at, c.category)),
    ];
    const asOf = OCT5 + 3;
    for (const [logLocale, registerLocale] of [
      ["zh-CN", "zh-CN"],
      ["zh-CN", "en-US"],
    ] as const) {
      const log = callLogPlan({ calls, asOf, locale: logLocale, settings: DEFAULT_SETTINGS, blankRows: 3 });
      if (!log.ok) throw new Error(log.problem.message.en);
      const register = registerPlan({
        orders,
        locale: registerLocale,
        settings: DEFAULT_SETTINGS,
        asOf,
        callLog: { meta: log.value.plan.marker.meta, calls },
      });
      if (!register.ok) throw new Error(register.problem.message.en);
      const contact = (register.value.fills ?? []).filter((f) => f.formula.includes(CALL_LOG_TABLE));
      expect(contact).toHaveLength(1);
      const found = contact[0]!.expect!.flat();
      // Not vacuous: proven and unproven chassis orders, and blanks for the others.
      expect(found.filter((v) => typeof v === "number").length).toBeGreaterThan(3);
      expect(found.filter((v) => v === "").length).toBeGreaterThan(3);
      const plan: WorkbookPlan = {
        sheets: [settingsPlan(DEFAULT_SETTINGS, registerLocale), log.value.plan, register.value],
      };
      const s = await verifyPlanInLibreOffice(plan);
      console.log(`register + call log ${logLocale}/${registerLocale}: ${s.describe(20)}`);
      expect(s.problems).toEqual([]);
      expect(s.cellsCompared).toBe(s.formulaCells);
    }
  });

  test("the comparison is not vacuous: a wrong written-contact check is reported", async () => {
    const good = logPlan(EDGES, "zh-CN", OCT5 + 2);
    const fills = (good.fills ?? []).map((f) =>
      f.formula.includes("SVC_SLA_ChassisReplyHours")
        ? { ...f, expect: f.expect!.map((row) => row.map((v) => (v === "按时" ? "超时" : v))) }
        : f,
    );
    const s = await verifyPlanInLibreOffice({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), { ...good, fills }] });
    expect(s.problems.length).toBeGreaterThan(0);
  });
});

describe("违规与黄红牌 conduct log in LibreOffice, and the bonus sheet counting from it", () => {
  const PEOPLE = ["张伟", "李芳", "王强", "Zhao Min"];
  const JAN1 = serialOf(2026, 1, 1);
  const edges: CardEntry2[] = [
    // The last day of Q2 counts in Q2, the first day of Q3 does not.
    card2({ date: serialOf(2026, 6, 30), person: "王强" }),
    card2({ date: serialOf(2026, 7, 1), person: "王强" }),
    // Names compared ignoring case; unapproved and revoked cards do not count; last year's neither.
    card2({ date: JAN1 + 3, person: "zhao min", card: "red" }),
    card2({ date: JAN1 + 4, person: "Zhao Min", approvedBy: null }),
    card2({ date: JAN1 + 5, person: "Zhao Min", status: "revoked" }),
    card2({ date: JAN1 - 1, person: "Zhao Min" }),
  ];

  for (const quarter of [2, 4] as const) {
    test(`zh-CN, Q${quarter}: every log and bonus formula equals the engine; the card cells are the log's COUNTIFS`, async () => {
      const cards = [...sampleCards(12, 30, 2026, PEOPLE), ...edges];
      const log = conductLogPlan({ cards, locale: "zh-CN", blankRows: 5 });
      if (!log.ok) throw new Error(log.problem.message.en);
      const people = cardsFromLog(
        PEOPLE.map((name) => ({
          name,
          standardPay: 60000,
          bonusRatio: 0.3,
          grades: ["A", "B", "A", "C"],
          yellowCards: 9,
          redCards: 9,
          remarks: [],
        })),
        cards,
        2026,
        quarter,
      );
      // Not vacuous: someone has cards, someone reaches a forfeiture threshold in Q4.
      expect(people.some((p) => (p.yellowCards ?? 0) > 0)).toBe(true);
      const bonus = bonusPlan({
        year: 2026,
        quarter,
        people,
        locale: "zh-CN",
        settings: DEFAULT_SETTINGS,
        cardLog: cardLogRef(log.value.plan.marker.meta),
      });
      if (!bonus.ok) throw new Error(bonus.problem.message.en);
      const yellowFill = bonus.value.plan.fills!.find((f) => f.formula.includes("SVC_ConductLog[牌别]"));
      expect(yellowFill?.formula).toContain("COUNTIFS(SVC_ConductLog[姓名],$C");
      if (quarter === 4) expect(bonus.value.result.people.some((p) => p.yearEnd?.forfeited)).toBe(true);
      const s = await verifyPlanInLibreOffice({
        sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), log.value.plan, bonus.value.plan],
      });
      console.log(`conduct log + bonus Q${quarter}: ${s.describe(20)}`);
      expect(s.problems).toEqual([]);
      expect(s.cellsCompared).toBe(s.formulaCells);
    });
  }

  test("en-US log", async () => {
    const log = conductLogPlan({
      cards: [...sampleCards(4, 10, 2026, PEOPLE), ...edges],
      locale: "en-US",
      blankRows: 2,
    });
    if (!log.ok) throw new Error(log.problem.message.en);
    const s = await verifyPlanInLibreOffice({ sheets: [settingsPlan(DEFAULT_SETTINGS, "en-US"), log.value.plan] });
    expect(s.problems).toEqual([]);
  });
});

type CardEntry2 = import("../../src/core/records/conductLog").CardEntry;
function card2(over: Partial<CardEntry2> & { date: number; person: string }): CardEntry2 {
  return {
    id: null,
    department: "服务一部",
    card: "yellow",
    rule: "3.3.4 向用户收取费用",
    facts: null,
    issuedBy: "刘主管",
    approvedBy: "陈经理",
    approvedOn: null,
    status: null,
    ...over,
  };
}
