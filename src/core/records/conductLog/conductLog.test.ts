import { computeConductLog, countCards, quarterOf, readCards, sampleCards, type CardEntry } from ".";

const JAN1 = 46023; // 2026-01-01

function card(over: Partial<CardEntry> & { date: number; person: string }): CardEntry {
  return {
    id: null,
    department: null,
    card: "yellow",
    rule: null,
    facts: null,
    issuedBy: null,
    approvedBy: "陈经理",
    approvedOn: null,
    status: null,
    ...over,
  };
}

describe("conduct log", () => {
  test("reads a table: cards in Chinese or English, problems with row and column, rows without name or card left out", () => {
    const r = readCards([
      ["日期", "姓名", "牌别", "违反条款", "审批人", "状态"],
      ["2026-03-05", "张伟", "黄牌", "3.3.4 向用户收取费用", "陈经理", ""],
      ["2026-04-01", "李芳", "red card", "", "", "撤销"],
      ["2026-04-02", "", "黄牌", "", "", ""],
      ["2026-04-03", "王强", "绿牌", "", "", ""],
    ]);
    expect(r.cards.map((c) => [c.person, c.card, c.status])).toEqual([
      ["张伟", "yellow", null],
      ["李芳", "red", "revoked"],
    ]);
    expect(r.problems.filter((p) => p.kind === "value").map((p) => [p.row, p.column])).toEqual([[5, "牌别"]]);
    expect(r.problems.map((p) => p.row)).toEqual([4, 5, 5]);
  });

  test("a card counts once approved and not revoked; counted per person (ignoring case) and period", () => {
    const cards = [
      card({ date: JAN1 + 10, person: "Zhang" }),
      card({ date: JAN1 + 100, person: "zhang" }),
      card({ date: JAN1 + 100, person: "Zhang", approvedBy: null }),
      card({ date: JAN1 + 120, person: "Zhang", status: "revoked" }),
      card({ date: JAN1 + 200, person: "Zhang", card: "red" }),
    ];
    expect(countCards(cards, "ZHANG", "yellow", JAN1, JAN1 + 90)).toBe(1);
    expect(countCards(cards, "ZHANG", "yellow", JAN1, JAN1 + 365)).toBe(2);
    expect(countCards(cards, "Zhang", "red", JAN1, JAN1 + 181)).toBe(0);
    const r = computeConductLog(cards);
    expect(r.counts).toEqual({ yellow: 2, red: 1, awaitingApproval: 1, revoked: 1 });
    expect(r.lines.map((l) => l.quarter)).toEqual(["2026-Q1", "2026-Q2", "2026-Q2", "2026-Q2", "2026-Q3"]);
  });

  test("quarters at their edges", () => {
    expect([quarterOf(JAN1), quarterOf(JAN1 + 89.99), quarterOf(JAN1 + 90), quarterOf(JAN1 + 364)]).toEqual([
      "2026-Q1",
      "2026-Q1",
      "2026-Q2",
      "2026-Q4",
    ]);
  });

  test("the sample is the same for the same seed", () => {
    expect(sampleCards(3, 20, 2026, ["张伟", "李芳"])).toEqual(sampleCards(3, 20, 2026, ["张伟", "李芳"]));
  });
});
