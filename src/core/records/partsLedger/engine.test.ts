import { expectOk, expectProblem } from "../../../../test/support/result";
import {
  SAMPLE_COUNTS,
  SAMPLE_ITEMS,
  SAMPLE_MOVES,
  checkItems,
  postLedger,
  readItems,
  readMoves,
  stockTake,
  summarizeStockTake,
  type PartItem,
  type PartMove,
} from ".";

const item = (code: string, opening = 0): PartItem => ({ code, name: code, spec: "", unit: "", opening });
const move = (kind: PartMove["kind"], code: string, qty: number, oldPartReturned: boolean | null = null): PartMove => ({
  date: 46300,
  kind,
  docNo: "",
  code,
  qty,
  handler: "",
  orderId: "",
  oldPartReturned,
  note: "",
});

describe("spare-parts ledger engine", () => {
  it("posts receipts, issues, returns and write-offs: book = opening + in + returned − issued, to write off = issued − returned − written off", () => {
    const items = [item("A", 5), item("B")];
    const moves = [
      move("receipt", "A", 3),
      move("issue", "A", 4),
      move("return", "a", 1),
      move("writeOff", "A", 2, true),
    ];
    const l = postLedger(items, moves);
    expect(l.lines.map((x) => x.balance)).toEqual([8, 4, 5, 5]);
    expect(l.lines.map((x) => x.delta)).toEqual([3, -4, 1, 0]);
    expect(l.totals[0]).toEqual({ received: 3, issued: 4, returned: 1, writtenOff: 2, book: 5, outstanding: 1 });
    expect(l.totals[1]).toEqual({ received: 0, issued: 0, returned: 0, writtenOff: 0, book: 0, outstanding: 0 });
    expect(l.lines.map((x) => x.flag)).toEqual([null, null, null, null]);
  });

  it("flags an unknown code, a write-off without the old part (policy 3.6.2), and stock below zero", () => {
    const l = postLedger(
      [item("A", 1)],
      [move("issue", "Z", 1), move("writeOff", "A", 1, false), move("issue", "A", 2)],
    );
    expect(l.lines.map((x) => x.flag)).toEqual(["unknownItem", "noOldPart", "shortStock"]);
    expect(l.lines[2]!.balance).toBe(-1);
  });

  it("compares codes as Excel's = does: case-insensitive, but 0012 is not 12", () => {
    const l = postLedger([item("0012", 2), item("12", 5)], [move("issue", "0012", 1)]);
    expect(l.totals.map((t) => t.book)).toEqual([1, 5]);
  });

  it("refuses duplicate codes, naming the row", () => {
    const r = checkItems([item("A"), item("a")], [2, 3]);
    expectProblem(r, "duplicateCode");
    expect(r.problem.row).toBe(3);
    expect(r.problem.message.zh).toContain("第 2 行");
  });

  it("stock take: match, surplus, shortage, not counted (binary noise is not a difference)", () => {
    const totals = postLedger(
      [item("A", 0.1), item("B", 3), item("C", 3), item("D", 1)],
      [move("receipt", "A", 0.2)],
    ).totals;
    const lines = stockTake(totals, [0.3, 4, 2]);
    expect(lines.map((l) => l.result)).toEqual(["match", "surplus", "shortage", "notCounted"]);
    expect(summarizeStockTake(lines)).toEqual({ counted: 3, match: 1, surplus: 1, shortage: 1 });
  });

  it("the sample has one of each flag and each stock-take result", () => {
    const l = postLedger(SAMPLE_ITEMS, SAMPLE_MOVES);
    expect(new Set(l.lines.map((x) => x.flag))).toEqual(new Set([null, "unknownItem", "noOldPart", "shortStock"]));
    expect(new Set(stockTake(l.totals, SAMPLE_COUNTS).map((x) => x.result))).toEqual(
      new Set(["match", "surplus", "shortage", "notCounted"]),
    );
  });
});

describe("reading the ledger's tables", () => {
  it("reads Chinese or English headers in any order, ids as text, blank rows skipped", () => {
    const r = readItems([
      ["Name", "物料编码", "期初数量", "实盘数量"],
      ["皮带", 12, 3, ""],
      [null, null, null, null],
      ["滤芯", " 0012 ", "4", 4],
    ]);
    expectOk(r);
    expect(r.value.items.map((i) => i.code)).toEqual(["12", "0012"]);
    expect(r.value.items.map((i) => i.opening)).toEqual([3, 4]);
    expect(r.value.counts).toEqual([null, 4]);
  });

  it("names the row and column of a cell it cannot read", () => {
    const r = readMoves([
      ["日期", "单据类型", "物料编码", "数量"],
      ["2026-11-02", "入库", "A", 1],
      ["2026-11-03", "借出", "A", 1],
    ]);
    expectProblem(r, "badCell");
    expect(r.problem.row).toBe(3);
    expect(r.problem.column).toBe("单据类型");
    expect(r.problem.message.zh).toContain("入库 / 领用 / 退库 / 销帐");
    // The English message names the English movement types (it listed the Chinese ones).
    expect(r.problem.message.en).toContain("must be one of Receipt / Issue / Return / Write-off,");
  });

  it("refuses a negative quantity and a missing required column", () => {
    const neg = readMoves([
      ["Date", "Movement", "Item code", "Qty"],
      ["2026-11-02", "Issue", "A", -1],
    ]);
    expectProblem(neg, "badCell");
    expect(neg.problem.column).toBe("Qty");
    expectProblem(readMoves([["日期", "单据类型", "数量"]]), "missingColumn");
  });

  it("reads 旧件收回 as yes/no and refuses anything else", () => {
    const r = readMoves([
      ["日期", "单据类型", "物料编码", "数量", "旧件收回"],
      ["2026-11-02", "销帐", "A", 1, "是"],
      ["2026-11-02", "Write-off", "A", 1, "no"],
    ]);
    expectOk(r);
    expect(r.value.map((m) => [m.kind, m.oldPartReturned])).toEqual([
      ["writeOff", true],
      ["writeOff", false],
    ]);
    expectProblem(
      readMoves([
        ["日期", "单据类型", "物料编码", "数量", "旧件收回"],
        ["2026-11-02", "销帐", "A", 1, "也许"],
      ]),
      "badCell",
    );
  });
});
