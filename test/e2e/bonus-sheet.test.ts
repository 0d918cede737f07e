/**
 * The 季度奖金 sheet recalculated in headless LibreOffice: every formula cell (people, totals,
 * rounding differences, the 100% check, department totals, the pool factor…) must equal the
 * TypeScript engine's value. Covers Q4 and Q2, zh and en, the pool, finance's own formulas,
 * people from the appraisal forms in the same workbook, and a department with other settings
 * (coefficients 1.2/1/0.8/0, rounding to 0.05). Also renders the sheet to
 * docs/screenshots/bonus-sheet-*.png (LibreOffice → PDF → PNG) to look at.
 *
 *   npx jest -c jest.e2e.config.js test/e2e/bonus-sheet.test.ts
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { STAFF_TEMPLATE } from "../../src/core/appraisal";
import { peopleFromForms, readBonusTable, type BonusPerson } from "../../src/core/bonus";
import { text } from "../../src/core/i18n/text";
import { appraisalPlan } from "../../src/sheets/appraisal";
import { settingsPlan } from "../../src/sheets/settings";
import { appraisalForms, bonusPlan, formGrades, type BonusPlanOptions } from "../../src/sheets/bonus";
import type { SheetPlan, WorkbookPlan } from "../../src/sheets/plan";
import { openXlsx, xlsxBytes } from "../../src/xlsx";
import { readTableFile } from "../../src/xlsx/readFile";
import { requireSoffice, verifyPlanInLibreOffice, type VerifySummary } from "../support/libreoffice";
import { checkedBonusFormula } from "../../src/core/formula/testing/checked";

const ROOT = resolve(__dirname, "../..");
const FIXTURE = join(ROOT, "test/fixtures/bonus/people-2026.csv");
const SCREENSHOTS = join(ROOT, "docs/screenshots");
const REPORT = join(ROOT, "test-output/bonus-libreoffice.json");

async function fixturePeople(
  settings: Settings,
): Promise<{ people: readonly BonusPerson[]; problems: ReturnType<typeof readBonusTable>["problems"] }> {
  const range = await readTableFile(FIXTURE, { kind: "csv" });
  const read = readBonusTable(range.values, { year: 2026, firstRow: range.firstRow, settings });
  if (read.fatal) throw new Error("fixture unreadable");
  return read;
}

function sheet(options: BonusPlanOptions): SheetPlan {
  const r = bonusPlan(options);
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

const summaries: Record<
  string,
  { formulaCells: number; cellsCompared: number; mismatches: number; unexpectedErrors: number }
> = {};

function record(name: string, s: VerifySummary): void {
  summaries[name] = {
    formulaCells: s.formulaCells,
    cellsCompared: s.cellsCompared,
    mismatches: s.mismatches.length,
    unexpectedErrors: s.unexpectedErrors.length,
  };
  console.log(`${name}\n${s.describe(30)}`);
}

/** LibreOffice → PDF → PNG of the workbook's first sheet, to look at. */
async function renderFirstSheet(plan: WorkbookPlan, png: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "svc-bonus-render-"));
  try {
    const profile = join(dir, "profile");
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(
      join(profile, "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
    );
    const xlsx = join(dir, "bonus.xlsx");
    writeFileSync(xlsx, (await xlsxBytes(plan)).bytes);
    execFileSync(
      requireSoffice(),
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        xlsx,
      ],
      { timeout: 240_000, stdio: "ignore" },
    );
    execFileSync("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", join(dir, "bonus.pdf"), join(dir, "page")], {
      timeout: 60_000,
    });
    const page = readdirSync(dir).find((f) => /^page.*\.png$/.test(f));
    if (!page) throw new Error("pdftoppm wrote no page");
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(join(dir, page), png);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("季度奖金 sheet in LibreOffice", () => {
  afterAll(() => {
    mkdirSync(join(ROOT, "test-output"), { recursive: true });
    const earlier = existsSync(REPORT) ? (JSON.parse(readFileSync(REPORT, "utf8")) as Record<string, unknown>) : {};
    writeFileSync(REPORT, `${JSON.stringify({ ...earlier, ...summaries }, null, 2)}\n`);
  });

  test("default settings: Q4 (pool, zh), Q4 with finance's formulas, Q2 (en), and Q4 from the appraisal forms — every cell equals the engine", async () => {
    const { people, problems } = await fixturePeople(DEFAULT_SETTINGS);
    const source = text("people-2026.csv", "people-2026.csv");
    const q4pool = sheet({
      year: 2026,
      quarter: 4,
      people,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      pool: 30000,
      source,
      inputProblems: problems,
    });
    const q4custom = sheet({
      year: 2026,
      quarter: 4,
      people,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      quarterFormula: checkedBonusFormula(
        'IF(等级 == "C", 全年绩效 * 0.2, round(全年绩效 * 季度比例 * 系数, 2)) + min(500, 100 * 季度)',
      ),
      yearEndFormula: checkedBonusFormula("max(全年绩效 * 年终比例 - 200 * 黄牌, 0)"),
      source,
    });
    const q2 = sheet({ year: 2026, quarter: 2, people, locale: "en-US", settings: DEFAULT_SETTINGS, source });

    // People from appraisal forms Q1–Q4 written into the same workbook, read back by marker.
    const forms = ([1, 2, 3, 4] as const).map((quarter) => {
      const scores = [[5], [4.5], [2.5], [3.2], [null]].map((s, i) =>
        Array.from({ length: 20 }, () => (quarter === 3 && i === 1 ? 2 : s[0])),
      );
      const r = appraisalPlan({
        template: STAFF_TEMPLATE,
        period: { year: 2026, quarter },
        people: people.slice(0, 5).map((p) => ({ name: p.name, id: p.id, department: p.department })),
        scale: "five",
        locale: "zh-CN",
        settings: DEFAULT_SETTINGS,
        scores,
      });
      if (!r.ok) throw new Error(r.problem.message.en);
      return r.value;
    });
    const formsBook = openXlsx((await xlsxBytes({ sheets: forms })).bytes);
    const found = appraisalForms(formsBook.findPlans());
    const fromForms = peopleFromForms(
      found.forms.map((f) => formGrades(f, formsBook.readRange(f.sheetName, f.address))),
      2026,
      DEFAULT_SETTINGS,
    );
    expect(fromForms.people.map((p) => p.grades)).toEqual([
      ["A", "A", "A", "A"],
      ["B", "B", "D", "B"],
      ["D", "D", "D", "D"],
      ["C", "C", "C", "C"],
      [null, null, null, null],
    ]);
    // Pay comes from the finance table (the forms carry none); the grades stay the forms'.
    const withPay = fromForms.people.map((p, i) => ({
      ...p,
      standardPay: people[i].standardPay,
      bonusRatio: people[i].bonusRatio,
      yellowCards: 1,
      redCards: 0,
    }));
    const q4forms = sheet({
      year: 2026,
      quarter: 4,
      people: withPay,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      source: text("考核表 2026-Q1…Q4", "appraisal forms 2026-Q1…Q4"),
    });
    const q4formsBlank = sheet({
      year: 2026,
      quarter: 4,
      people: fromForms.people,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
    });

    const summary = await verifyPlanInLibreOffice({
      sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), q4pool, q4custom, q2, ...forms, q4forms, q4formsBlank],
    });
    record("default settings: 5 bonus sheets + 4 appraisal forms", summary);
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
    expect(summary.cellsCompared).toBeGreaterThan(600);
  });

  test("other settings: coefficients 1.2 / 1 / 0.8 / 0, rounding to 0.05, forfeiture at 3 yellow cards — the formulas follow 考核参数", async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      bonus: {
        ...DEFAULT_SETTINGS.bonus,
        coefficients: { A: 1.2, B: 1, C: 0.8, D: 0 },
        roundTo: 0.05,
        forfeitYellowCards: 3,
        quarterRate: 0.2,
        yearEndRate: 0.2,
      },
    };
    const { people } = await fixturePeople(settings);
    const q4 = sheet({ year: 2026, quarter: 4, people, locale: "zh-CN", settings, pool: 12345.67 });
    const q1 = sheet({ year: 2026, quarter: 1, people, locale: "en-US", settings });
    const summary = await verifyPlanInLibreOffice({ sheets: [settingsPlan(settings, "zh-CN"), q4, q1] });
    record("other settings: 2 bonus sheets", summary);
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
  });

  test("renders the sheets to docs/screenshots (LibreOffice → PDF → PNG)", async () => {
    const { people, problems } = await fixturePeople(DEFAULT_SETTINGS);
    const zh = sheet({
      year: 2026,
      quarter: 4,
      people,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      pool: 30000,
      quarterFormula: checkedBonusFormula('if(等级 == "D", 0, 全年绩效 * 季度比例 * 系数)'),
      source: text("people-2026.csv", "people-2026.csv"),
      inputProblems: problems,
    });
    await renderFirstSheet(
      { sheets: [zh, settingsPlan(DEFAULT_SETTINGS, "zh-CN")] },
      join(SCREENSHOTS, "bonus-sheet-zh-CN.png"),
    );
    const en = sheet({
      year: 2026,
      quarter: 4,
      people,
      locale: "en-US",
      settings: DEFAULT_SETTINGS,
      source: text("people-2026.csv", "people-2026.csv"),
    });
    await renderFirstSheet(
      { sheets: [en, settingsPlan(DEFAULT_SETTINGS, "en-US")] },
      join(SCREENSHOTS, "bonus-sheet-en-US.png"),
    );
    expect(readdirSync(SCREENSHOTS)).toEqual(
      expect.arrayContaining(["bonus-sheet-zh-CN.png", "bonus-sheet-en-US.png"]),
    );
  });
});
