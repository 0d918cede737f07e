/**
 * The return visits (回访记录 + 回访汇总 + 跟进清单) recalculated by LibreOffice, every formula
 * compared with the engine: the demo survey (zh-CN: 88 drawn orders part-answered, low scores,
 * unresolved cases, comments like "=SUM(A1)"), and a small English survey whose order numbers,
 * technicians and comments look like formulas, wildcards and numbers. Also prints the three
 * sheets for the README.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locale } from "../../src/core/i18n/text";
import { NO_ANSWERS, sampleReturnVisits, type SurveyLine } from "../../src/core/records/returnVisits";
import { drawnSurvey, returnVisitsPlan } from "../../src/sheets/records/returnVisits";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { xlsxBytes } from "../../src/xlsx";
import { verifyPlanInLibreOffice } from "../support/libreoffice";
import { pdfPageTexts, pdfPageToPng, printXlsxToPdf } from "../support/print";

const ROOT = join(__dirname, "..", "..");

function demo(): WorkbookPlan {
  const r = returnVisitsPlan({
    station: "",
    month: "2026-10",
    ...drawnSurvey(sampleReturnVisits()),
    threshold: 8,
    locale: "zh-CN",
    blankRows: 5,
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

function tricky(locale: Locale): WorkbookPlan {
  const line = (orderId: string, technician: string | null, answers: Partial<SurveyLine["answers"]>): SurveyLine => ({
    orderId,
    customer: '=HYPERLINK("x")',
    technician,
    completedOn: 46300,
    answers: { ...NO_ANSWERS, ...answers },
  });
  const lines = [
    line("0012", "张*", { visitDate: 46303, satisfaction: 7, quality: 9, resolved: true, comments: "=SUM(A1)" }),
    line("12", "张三", { visitDate: 46304, satisfaction: 10, resolved: false, contact: "+86 138" }),
    line("=CMD", "ZHANG", { visitDate: 46304, satisfaction: 1, quality: 1, resolved: false }),
    line("WO-1", null, {}),
    line("WO-2", "zhang", { visitDate: 46305, satisfaction: 8 }),
  ];
  const r = returnVisitsPlan({
    station: "郑州站",
    month: "2026-10",
    seed: 4294967295,
    size: { count: 5 },
    lines,
    completed: [
      { technician: null, completed: 3 },
      { technician: "张*", completed: 2 },
      { technician: "张三", completed: 4 },
      { technician: "Zhang", completed: 5 },
      { technician: "李四", completed: 0 },
    ],
    threshold: 8,
    locale,
    blankRows: 3,
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

describe("return visits in LibreOffice", () => {
  test("the demo survey (zh-CN): every formula equals the engine", async () => {
    const s = await verifyPlanInLibreOffice(demo());
    console.log(s.describe(30));
    expect(s.problems).toEqual([]);
    expect(s.cellsCompared).toBe(s.formulaCells);
    expect(s.cellsCompared).toBeGreaterThan(600);
  });

  test("names and numbers that look like formulas or wildcards (en-US): every formula equals the engine", async () => {
    const s = await verifyPlanInLibreOffice(tricky("en-US"));
    console.log(s.describe(30));
    expect(s.problems).toEqual([]);
    expect(s.cellsCompared).toBe(s.formulaCells);
  });

  test("the comparison is not vacuous: a wrong mean satisfaction is reported", async () => {
    const good = demo();
    const summary = good.sheets[1]!;
    const fills = (summary.fills ?? []).map((f) =>
      f.range.startsWith("F") && f.expect
        ? { ...f, expect: f.expect.map((row, r) => (r === 1 ? [Number(row[0]) + 0.01] : row)) }
        : f,
    );
    const s = await verifyPlanInLibreOffice({ sheets: [good.sheets[0]!, { ...summary, fills }, good.sheets[2]!] });
    expect(s.mismatches).toHaveLength(1);
  });

  test("prints the three sheets for the README", async () => {
    const { bytes } = await xlsxBytes(demo());
    const out = join(ROOT, "test-output", "records");
    const pdf = await printXlsxToPdf(bytes, out, "return-visits");
    const pages = await pdfPageTexts(pdf);
    mkdirSync(join(ROOT, "docs", "screenshots"), { recursive: true });
    for (const [title, name] of [
      ["回访记录 / 满意度调查表", "records-return-visits"],
      ["回访汇总（按服务人员）", "records-return-visit-summary"],
      ["回访跟进清单", "records-return-follow-ups"],
    ] as const) {
      const page = pages.findIndex((p) => p.includes(title)) + 1;
      expect(page).toBeGreaterThan(0);
      const png = await pdfPageToPng(pdf, page, out, name, 60);
      copyFileSync(png, join(ROOT, "docs", "screenshots", `${name}.png`));
    }
  });
});
