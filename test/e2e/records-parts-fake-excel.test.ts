/**
 * The spare-parts book written by the Office.js writer into the in-memory fake of Excel's object
 * model (test/fakes/excel): the round trips do not grow with the movements (50 vs 5,000), codes
 * are text cells ("0012" stays "0012", "=CMD" is no formula), the running balance is one formula
 * filled down, the dropdowns are there, and a write that fails part-way leaves the workbook as
 * it was.
 */
import { SAMPLE_COUNTS, SAMPLE_ITEMS, SAMPLE_MOVES, type PartMove } from "../../src/core/records/partsLedger";
import { partsLedgerPlan } from "../../src/sheets/records/partsLedger";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { cellAt, numberFormatAt } from "../fakes/excel";
import { failEachSyncInTurn, writeWithoutCaps } from "../support/fakeExcelWrite";

function book(moves: readonly PartMove[]): WorkbookPlan {
  const r = partsLedgerPlan({ station: "北京站", items: SAMPLE_ITEMS, moves, counts: SAMPLE_COUNTS, locale: "zh-CN" });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

function manyMoves(n: number): PartMove[] {
  return Array.from({ length: n }, (_, i) => ({ ...SAMPLE_MOVES[i % SAMPLE_MOVES.length]!, docNo: `D${i}` }));
}

test("round trips independent of the movements; codes as text; the balance filled down; dropdowns", async () => {
  const small = await writeWithoutCaps(book(manyMoves(50)));
  const large = await writeWithoutCaps(book(manyMoves(5000)));
  expect(large.syncs).toBe(small.syncs);
  console.log(`fake Excel, spare-parts book: 50 movements → ${small.syncs} syncs; 5,000 → ${large.syncs} syncs`);

  const sheets = small.fake.state.sheets;
  expect(sheets.map((s) => s.name)).toEqual(["Sheet1", "备用件台账-北京站", "出入库流水-北京站", "盘点表-北京站"]);
  const ledger = sheets[1]!;
  expect(cellAt(ledger, 5, 1)?.value).toBe("0012");
  expect(numberFormatAt(ledger, 5, 1)).toBe("@");
  const moves = sheets[2]!;
  // Row 11 is the 7th movement: =CMD, whose note is "=SUM(A1)" — text, not formulas.
  expect(cellAt(moves, 11, 4)?.value).toBe("=CMD");
  expect(cellAt(moves, 11, 4)?.formula).toBeUndefined();
  expect(cellAt(moves, 11, 13)?.value).toBe("=SUM(A1)");
  expect(cellAt(moves, 11, 13)?.formula).toBeUndefined();
  // The balance (column H) of row 6 is the row-5 formula filled down.
  expect(cellAt(moves, 6, 8)?.formula).toBe(
    "=IF(D6=\"\",\"\",SUMPRODUCT(--('备用件台账-北京站'!$A$5:$A$30=D6),'备用件台账-北京站'!$E$5:$E$30)+SUMPRODUCT(--($D$5:D6=D6),$G$5:G6))",
  );
  const lists = moves.validations.filter((v) => JSON.stringify(v.rule).includes("入库"));
  expect(lists).toHaveLength(1);
}, 300_000);

test("a write that fails at any sync leaves the workbook as it was (or complete, when the last sync had landed)", async () => {
  const { syncs, rolledBack } = await failEachSyncInTurn(book(SAMPLE_MOVES));
  expect(rolledBack).toBeGreaterThan(syncs / 2);
}, 300_000);
