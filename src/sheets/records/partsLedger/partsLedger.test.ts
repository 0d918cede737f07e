import { expectOk, expectProblem } from "../../../../test/support/result";
import { SAMPLE_COUNTS, SAMPLE_ITEMS, SAMPLE_MOVES } from "../../../core/records/partsLedger";
import { parseRange } from "../../formula/a1";
import { recordMarkerOf } from "../marker";
import { partsLedgerPlan } from ".";

const options = {
  station: "北京站",
  items: SAMPLE_ITEMS,
  moves: SAMPLE_MOVES,
  counts: SAMPLE_COUNTS,
  locale: "zh-CN" as const,
  blankItemRows: 4,
  blankMoveRows: 10,
};

describe("spare-parts book plan", () => {
  it("writes the ledger, the movements and the stock take, each with its typed marker and the station", () => {
    const r = partsLedgerPlan(options);
    expectOk(r);
    const [ledger, moves, take] = r.value.plan.sheets;
    expect([ledger!.name, moves!.name, take!.name]).toEqual([
      "备用件台账-北京站",
      "出入库流水-北京站",
      "盘点表-北京站",
    ]);
    const m = recordMarkerOf({ sheetName: moves!.name, marker: moves!.marker }, "partsMoves");
    expectOk(m);
    expect(m.value.meta).toMatchObject({ station: "北京站", headerRow: 4, firstRow: 5, lastRow: 4 + 11 + 10 });
    expectProblem(recordMarkerOf({ sheetName: moves!.name, marker: moves!.marker }, "stockTake"));
  });

  it("every fill covers the table body and carries one expectation per row", () => {
    const r = partsLedgerPlan(options);
    expectOk(r);
    for (const sheet of r.value.plan.sheets) {
      const body = parseRange(sheet.tables![0]!.range);
      for (const fill of sheet.fills ?? []) {
        const rect = parseRange(fill.range);
        expect(rect.top).toBe(body.top + 1);
        expect(rect.bottom).toBe(body.bottom);
        expect(fill.expect).toHaveLength(rect.bottom - rect.top + 1);
      }
    }
  });

  it("codes and notes that look like formulas stay text; the kind column is a dropdown", () => {
    const r = partsLedgerPlan(options);
    expectOk(r);
    const moves = r.value.plan.sheets[1]!;
    const cells = moves.cells.flatMap((b) => b.rows.flat());
    expect(cells).toContain("=CMD");
    expect(cells).toContain("=SUM(A1)");
    expect(moves.validations!.find((v) => v.rule.type === "list")!.rule).toEqual({
      type: "list",
      values: ["入库", "领用", "退库", "销帐"],
    });
  });

  it("matches codes with exact equality, never a COUNTIF/SUMIFS/MATCH criterion", () => {
    const r = partsLedgerPlan(options);
    expectOk(r);
    const formulas = r.value.plan.sheets.flatMap((s) => (s.fills ?? []).map((f) => f.formula));
    for (const f of formulas) expect(f).not.toMatch(/SUMIFS|COUNTIFS|MATCH\(|VLOOKUP/);
  });

  it("a blank book is fine; refuses a catalogue with nowhere to type and duplicate codes", () => {
    const blank = partsLedgerPlan({ ...options, items: [], moves: [], counts: [] });
    expectOk(blank);
    expect(blank.value.plan.sheets[0]!.fills![0]!.expect!.every((row) => row[0] === "")).toBe(true);
    expectProblem(partsLedgerPlan({ ...options, items: [], blankItemRows: 0 }));
    expectProblem(partsLedgerPlan({ ...options, items: [SAMPLE_ITEMS[0]!, SAMPLE_ITEMS[0]!] }), "duplicateCode");
  });

  it("English headers and words in en-US; a station name with characters sheet names refuse", () => {
    const r = partsLedgerPlan({ ...options, locale: "en-US", station: "Site [3]/East" });
    expectOk(r);
    expect(r.value.plan.sheets[0]!.name).not.toMatch(/[[\]/]/);
    expect(r.value.plan.sheets[0]!.name.length).toBeLessThanOrEqual(31);
    const moves = r.value.plan.sheets[1]!;
    expect(moves.cells.flatMap((b) => b.rows.flat())).toContain("Write-off");
  });
});
