/**
 * The 三包件登记表 recalculated by LibreOffice, every formula compared with the engine: the
 * sample (each state, each check, a coverage that ends exactly on the EDATE day, month-end
 * purchase dates) and 400 random lines in English with other warranty terms. Also prints the
 * sheet for the README (docs/screenshots/records-warranty-parts.png).
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { SAMPLE_WARRANTY_LINES, type WarrantyLine } from "../../src/core/records/warrantyParts";
import { warrantyPartsPlan } from "../../src/sheets/records/warrantyParts";
import type { Locale } from "../../src/core/i18n/text";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { xlsxBytes } from "../../src/xlsx";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { settingsPlan } from "../../src/sheets/settings";
import { verifyPlanInLibreOffice } from "../support/libreoffice";
import { pdfPageToPng, printXlsxToPdf } from "../support/print";

const ROOT = join(__dirname, "..", "..");

/**
 * The book: with `terms` (the command line's override) the terms are values; without, the terms
 * are 考核参数's (`settings`), read by name, so the settings sheet comes first.
 */
function plan(
  lines: readonly WarrantyLine[],
  locale: Locale,
  terms?: { months: number; km: number },
  settings: Settings = DEFAULT_SETTINGS,
): WorkbookPlan {
  const r = warrantyPartsPlan({
    station: "北京站",
    lines,
    locale,
    blankRows: 10,
    settings,
    ...(terms ? { terms } : {}),
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return terms ? r.value.plan : { sheets: [settingsPlan(settings, locale), ...r.value.plan.sheets] };
}

function randomLines(count: number, seed: number): WarrantyLine[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const maybe = <T>(v: T, p = 0.8): T | null => (rnd() < p ? v : null);
  const name = (v: string, p = 0.7) => (rnd() < p ? v : "");
  // Month ends (Jan 31, Feb 29 2024, Aug 31) and ordinary days.
  const sales = [45322, 45351, 45535, 45600, 45700, 45900];
  return Array.from({ length: count }, (_, i) => {
    const sale = sales[i % sales.length]!;
    return {
      reqNo: `R${i}`,
      reqDate: 46300,
      orderId: `WO-${i}`,
      vin: `VIN${i}`,
      saleDate: maybe(sale, 0.95),
      faultDate: maybe(sale + Math.floor(rnd() * 800), 0.95),
      mileage: maybe(Math.floor(rnd() * 160000), 0.95),
      partCode: "",
      partName: "P",
      qty: 1,
      opinion: "",
      requester: "A",
      approver: name("L"),
      approvedDate: null,
      replacedDate: maybe(46310, 0.7),
      reportNo: name("F", 0.8),
      customerSigned: rnd() < 0.8 ? true : rnd() < 0.5 ? false : null,
      oldPartReturned: rnd() < 0.8 ? true : rnd() < 0.5 ? false : null,
      postage: maybe(Math.round(rnd() * 30000) / 100, 0.4),
      handlerSign: name("H"),
      leaderSign: name("L"),
      writeOffDate: maybe(46320, 0.5),
    };
  });
}

describe("三包件登记表 in LibreOffice", () => {
  test("the sample (zh-CN): every formula equals the engine", async () => {
    const s = await verifyPlanInLibreOffice(plan(SAMPLE_WARRANTY_LINES, "zh-CN"));
    console.log(s.describe(30));
    expect(s.problems).toEqual([]);
    expect(s.cellsCompared).toBe(s.formulaCells);
  });

  test("400 random lines (zh-CN), 考核参数 with 36 months / 150,000 km read by name: formulas and engine agree", async () => {
    const settings = { ...DEFAULT_SETTINGS, warranty: { months: 36, km: 150_000 } };
    const s = await verifyPlanInLibreOffice(plan(randomLines(400, 5), "zh-CN", undefined, settings));
    console.log(s.describe(30));
    expect(s.problems).toEqual([]);
    expect(s.cellsCompared).toBe(s.formulaCells);
  });

  test("400 random lines (en-US), 12 months / 60,000 km", async () => {
    const s = await verifyPlanInLibreOffice(plan(randomLines(400, 3), "en-US", { months: 12, km: 60000 }));
    console.log(s.describe(30));
    expect(s.problems).toEqual([]);
    expect(s.cellsCompared).toBeGreaterThan(400 * 3);
  });

  test("the comparison is not vacuous: a wrong coverage is reported", async () => {
    const good = plan(SAMPLE_WARRANTY_LINES, "zh-CN", DEFAULT_SETTINGS.warranty);
    const sheet = good.sheets[0]!;
    const fills = (sheet.fills ?? []).map((f, i) =>
      i === 0 && f.expect ? { ...f, expect: f.expect.map((row, r) => (r === 0 ? ["超出三包"] : row)) } : f,
    );
    const s = await verifyPlanInLibreOffice({ sheets: [{ ...sheet, fills }] });
    expect(s.mismatches).toHaveLength(1);
  });

  test("prints the sheet for the README", async () => {
    // The terms as values: the printed page is the 三包件 sheet alone.
    const { bytes } = await xlsxBytes(plan(SAMPLE_WARRANTY_LINES, "zh-CN", DEFAULT_SETTINGS.warranty));
    const out = join(ROOT, "test-output", "records");
    const pdf = await printXlsxToPdf(bytes, out, "warranty-parts");
    const png = await pdfPageToPng(pdf, 1, out, "records-warranty-parts", 60);
    mkdirSync(join(ROOT, "docs", "screenshots"), { recursive: true });
    copyFileSync(png, join(ROOT, "docs", "screenshots", "records-warranty-parts.png"));
  });
});
