/**
 * The secondary claims (二次索赔登记表 + 索赔供应商汇总) recalculated by LibreOffice, every formula
 * compared with the engine: the sample (every state, a supplier in two cases, "灯具*厂" and
 * "=门泵厂" as names) and 500 random claims in English. Also prints both sheets for the README.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { SAMPLE_CLAIMS, SAMPLE_CLAIMS_AS_OF, type Claim } from "../../src/core/records/claims";
import { claimsPlan } from "../../src/sheets/records/claims";
import type { Locale } from "../../src/core/i18n/text";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { xlsxBytes } from "../../src/xlsx";
import { verifyPlanInLibreOffice } from "../support/libreoffice";
import { pdfPageTexts, pdfPageToPng, printXlsxToPdf } from "../support/print";

const ROOT = join(__dirname, "..", "..");

function plan(claims: readonly Claim[], locale: Locale, asOf = SAMPLE_CLAIMS_AS_OF): WorkbookPlan {
  const r = claimsPlan({ station: "", claims, asOf, locale, blankRows: 10, blankSupplierRows: 3 });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

function randomClaims(count: number, seed: number): Claim[] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const suppliers = ["Acme", "ACME", "Brakes?Co", "~Lamp", "0012", "12"];
  return Array.from({ length: count }, (_, i) => {
    const amount = rnd() < 0.05 ? null : Math.round(rnd() * 500000) / 100;
    const r = rnd();
    const recovered =
      amount === null
        ? null
        : r < 0.3
          ? amount
          : r < 0.5
            ? Math.round(amount * 50) / 100
            : r < 0.55
              ? (amount ?? 0) + 10
              : null;
    const refused = amount !== null && recovered === null && rnd() < 0.3 ? amount : null;
    return {
      claimNo: `C${i}`,
      supplier: suppliers[Math.floor(rnd() * suppliers.length)]!,
      orderId: "",
      reqNo: "",
      partName: "",
      fault: "",
      amount,
      submitted: rnd() < 0.8 ? 46200 + Math.floor(rnd() * 150) : null,
      recovered,
      recoveredDate: null,
      refused,
      note: "",
    };
  });
}

describe("secondary claims in LibreOffice", () => {
  test("the sample (zh-CN): every formula equals the engine", async () => {
    const s = await verifyPlanInLibreOffice(plan(SAMPLE_CLAIMS, "zh-CN"));
    console.log(s.describe(30));
    expect(s.problems).toEqual([]);
    expect(s.cellsCompared).toBe(s.formulaCells);
  });

  test("500 random claims (en-US): suppliers that look like wildcards and numbers", async () => {
    const s = await verifyPlanInLibreOffice(plan(randomClaims(500, 11), "en-US", 46400));
    console.log(s.describe(30));
    expect(s.problems).toEqual([]);
    expect(s.cellsCompared).toBeGreaterThan(1500);
  });

  test("the comparison is not vacuous: a wrong supplier total is reported", async () => {
    const good = plan(SAMPLE_CLAIMS, "zh-CN");
    const sup = good.sheets[1]!;
    const fills = (sup.fills ?? []).map((f, i) =>
      i === 1 && f.expect ? { ...f, expect: f.expect.map((row, r) => (r === 0 ? [Number(row[0]) + 0.01] : row)) } : f,
    );
    const s = await verifyPlanInLibreOffice({ sheets: [good.sheets[0]!, { ...sup, fills }] });
    expect(s.mismatches).toHaveLength(1);
  });

  test("prints both sheets for the README", async () => {
    const { bytes } = await xlsxBytes(plan(SAMPLE_CLAIMS, "zh-CN"));
    const out = join(ROOT, "test-output", "records");
    const pdf = await printXlsxToPdf(bytes, out, "claims");
    const pages = await pdfPageTexts(pdf);
    mkdirSync(join(ROOT, "docs", "screenshots"), { recursive: true });
    for (const [title, name] of [
      ["二次索赔登记表", "records-claims"],
      ["二次索赔供应商汇总", "records-claims-suppliers"],
    ] as const) {
      const page = pages.findIndex((p) => p.includes(title)) + 1;
      expect(page).toBeGreaterThan(0);
      const png = await pdfPageToPng(pdf, page, out, name, 60);
      copyFileSync(png, join(ROOT, "docs", "screenshots", `${name}.png`));
    }
  });
});
