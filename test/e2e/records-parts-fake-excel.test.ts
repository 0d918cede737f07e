/**
 * The spare-parts book written by the Office.js writer into the in-memory fake of Excel's object
 * model (test/fakes/excel): the round trips do not grow with the movements (50 vs 5,000), codes
 * are text cells ("0012" stays "0012", "=CMD" is no formula), the running balance is one formula
 * filled down, the dropdowns are there, and a write that fails part-way leaves the workbook as
 * it was.
 */
import { writePlans, PlanWriteError } from "../../src/excel";
import { SAMPLE_COUNTS, SAMPLE_ITEMS, SAMPLE_MOVES, type PartMove } from "../../src/core/records/partsLedger";
import { partsLedgerPlan } from "../../src/sheets/records/partsLedger";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { cellAt, createFakeExcel, numberFormatAt, type FakeExcel } from "../fakes/excel";

function book(moves: readonly PartMove[]): WorkbookPlan {
  const r = partsLedgerPlan({ station: "北京站", items: SAMPLE_ITEMS, moves, counts: SAMPLE_COUNTS, locale: "zh-CN" });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

function manyMoves(n: number): PartMove[] {
  return Array.from({ length: n }, (_, i) => ({ ...SAMPLE_MOVES[i % SAMPLE_MOVES.length]!, docNo: `D${i}` }));
}

async function write(plan: WorkbookPlan): Promise<{ fake: FakeExcel; syncs: number }> {
  const fake = createFakeExcel({ sheets: ["Sheet1"] });
  fake.setPayloadLimit(Number.MAX_SAFE_INTEGER);
  const start = fake.syncCount;
  await writePlans(fake.context as Excel.RequestContext, plan, { maxRequestBytes: Number.MAX_SAFE_INTEGER });
  return { fake, syncs: fake.syncCount - start };
}

const state = (f: FakeExcel) => JSON.stringify(f.state.snapshot()).replace(/"id":"[a-z]+\d+"/g, "");

test("round trips independent of the movements; codes as text; the balance filled down; dropdowns", async () => {
  const small = await write(book(manyMoves(50)));
  const large = await write(book(manyMoves(5000)));
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
  const plan = book(SAMPLE_MOVES);
  const probe = createFakeExcel({ sheets: ["Sheet1"] });
  const before = state(probe);
  const start = probe.syncCount;
  await writePlans(probe.context as Excel.RequestContext, plan);
  const syncs = probe.syncCount - start;
  const complete = state(probe);
  let rolledBack = 0;
  for (let n = 1; n <= syncs; n++) {
    const fake = createFakeExcel({ sheets: ["Sheet1"] });
    fake.failOnSync(fake.syncCount + n);
    try {
      await writePlans(fake.context as Excel.RequestContext, plan);
      expect(state(fake)).toBe(complete);
    } catch (e) {
      expect(e).toBeInstanceOf(PlanWriteError);
      expect(state(fake)).toBe(before);
      rolledBack += 1;
    }
  }
  expect(rolledBack).toBeGreaterThan(syncs / 2);
}, 300_000);
