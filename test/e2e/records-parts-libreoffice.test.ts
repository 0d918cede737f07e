/**
 * The spare-parts book (备用件台账 + 出入库流水 + 盘点表) recalculated by LibreOffice: written with the
 * .xlsx writer, every formula cell compared with the engine (`expect`), on the sample (codes
 * that look like wildcards, formulas and numbers: "LT*5", "=CMD", "0012"; a negative balance,
 * a write-off without the old part, an unknown code) and on 600 random movements in English.
 * Also prints the three sheets for the README (docs/screenshots/records-parts-*.png).
 */
import { join } from "node:path";
import { copyFileSync, mkdirSync } from "node:fs";
import {
  SAMPLE_COUNTS,
  SAMPLE_ITEMS,
  SAMPLE_MOVES,
  MOVE_KINDS,
  type PartItem,
  type PartMove,
} from "../../src/core/records/partsLedger";
import { partsLedgerPlan } from "../../src/sheets/records/partsLedger";
import { isFormulaCell, type SheetPlan, type WorkbookPlan } from "../../src/sheets/plan";
import type { Locale } from "../../src/core/i18n/text";
import { verifyPlanInLibreOffice } from "../support/libreoffice";
import { xlsxBytes } from "../../src/xlsx";
import { pdfPageTexts, pdfPageToPng, printXlsxToPdf } from "../support/print";

const ROOT = join(__dirname, "..", "..");

function book(
  items: readonly PartItem[],
  moves: readonly PartMove[],
  counts: readonly (number | null)[],
  locale: Locale,
  station = "北京站",
): WorkbookPlan {
  const r = partsLedgerPlan({ station, items, moves, counts, locale, blankItemRows: 5, blankMoveRows: 20 });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

/** A deterministic pseudo-random book: `n` items, `m` movements (some codes unknown). */
function randomBook(
  n: number,
  m: number,
  seed: number,
): { items: PartItem[]; moves: PartMove[]; counts: (number | null)[] } {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const items = Array.from({ length: n }, (_, i): PartItem => ({
    code: i % 7 === 0 ? `00${i}` : `P-${i}`,
    name: `Part ${i}`,
    spec: `S${i}`,
    unit: "pc",
    opening: Math.floor(rnd() * 10),
  }));
  const moves = Array.from({ length: m }, (_, i): PartMove => {
    const k = MOVE_KINDS[Math.floor(rnd() * 4)]!;
    const item = Math.floor(rnd() * (n + 2));
    return {
      date: 46300 + Math.floor(i / 10),
      kind: k,
      docNo: `D${i}`,
      code: item < n ? (rnd() < 0.1 ? items[item]!.code.toLowerCase() : items[item]!.code) : `X${item}`,
      qty: Math.floor(rnd() * 5) + (rnd() < 0.1 ? 0.5 : 0),
      handler: "A",
      orderId: `WO-${i}`,
      oldPartReturned: k === "writeOff" ? rnd() < 0.8 : null,
      note: "",
    };
  });
  const counts = items.map((_, i) => (i % 5 === 4 ? null : Math.floor(rnd() * 12)));
  return { items, moves, counts };
}

describe("spare-parts book in LibreOffice", () => {
  test("the sample (zh-CN): every formula equals the engine", async () => {
    const s = await verifyPlanInLibreOffice(book(SAMPLE_ITEMS, SAMPLE_MOVES, SAMPLE_COUNTS, "zh-CN"));
    console.log(s.describe(30));
    expect(s.problems).toEqual([]);
    expect(s.cellsCompared).toBe(s.formulaCells);
    expect(s.cellsCompared).toBeGreaterThan(200);
  });

  test("600 random movements over 40 items (en-US), codes in other case and unknown codes", async () => {
    const r = randomBook(40, 600, 7);
    const s = await verifyPlanInLibreOffice(book(r.items, r.moves, r.counts, "en-US", "Station #3"));
    console.log(s.describe(30));
    expect(s.problems).toEqual([]);
    expect(s.cellsCompared).toBeGreaterThan(600 * 4);
  });

  test("the comparison is not vacuous: a wrong balance expectation is reported", async () => {
    const good = book(SAMPLE_ITEMS, SAMPLE_MOVES, SAMPLE_COUNTS, "zh-CN");
    const moves = good.sheets[1]!;
    const fills = (moves.fills ?? []).map((f, i) =>
      i === 2 && f.expect ? { ...f, expect: f.expect.map((row, r) => (r === 0 ? [Number(row[0]) + 1] : row)) } : f,
    );
    const bad: WorkbookPlan = { ...good, sheets: [good.sheets[0]!, { ...moves, fills } as SheetPlan, good.sheets[2]!] };
    const s = await verifyPlanInLibreOffice(bad);
    expect(s.mismatches).toHaveLength(1);
    expect(isFormulaCell({ f: s.mismatches[0]!.formula })).toBe(true);
  });

  test("prints the three sheets for the README", async () => {
    const plan = book(SAMPLE_ITEMS, SAMPLE_MOVES, SAMPLE_COUNTS, "zh-CN");
    const { bytes } = await xlsxBytes(plan);
    const out = join(ROOT, "test-output", "records");
    const pdf = await printXlsxToPdf(bytes, out, "parts-ledger");
    const pages = await pdfPageTexts(pdf);
    const docs = join(ROOT, "docs", "screenshots");
    mkdirSync(docs, { recursive: true });
    const wanted: [string, string][] = [
      ["备用件台账", "records-parts-ledger"],
      ["备用件出入库流水", "records-parts-moves"],
      ["备用件盘点表", "records-parts-stocktake"],
    ];
    for (const [title, name] of wanted) {
      const page = pages.findIndex((p) => p.includes(title)) + 1;
      expect(page).toBeGreaterThan(0);
      const png = await pdfPageToPng(pdf, page, out, name, 60);
      copyFileSync(png, join(docs, `${name}.png`));
    }
  });
});
