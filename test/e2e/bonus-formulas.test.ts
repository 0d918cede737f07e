/**
 * Finance's own formulas on random expressions, in a real spreadsheet: random valid formulas
 * (the property-test generator of src/core/formula/testing) and random row values are written
 * as their native Excel translations, recalculated in headless LibreOffice, and every cell is
 * compared with the engine's evaluation (mathjs) — numbers and #DIV/0! alike. Then random
 * formulas are used as the quarter and year-end rules of whole bonus sheets, which must also
 * equal the engine in every cell.
 *
 * Deterministic: the samples come from a fixed seed (BONUS_FORMULA_SEED overrides it to explore).
 *
 *   npx jest -c jest.e2e.config.js test/e2e/bonus-formulas.test.ts
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../src/core/settings";
import { evaluateFormula, parseFormula, toExcelFormula, type CheckedFormula } from "../../src/core/formula";
import { formulaArbitrary, valuesArbitrary } from "../../src/core/formula/testing/arbitraries";
import { BONUS_FORMULA_LANGUAGE, BONUS_VARIABLES, readBonusTable, type BonusVariableId } from "../../src/core/bonus";
import { SheetBuilder } from "../../src/sheets/common/builder";
import { a1 } from "../../src/sheets/common/address";
import { settingsPlan } from "../../src/sheets/settings";
import { bonusPlan } from "../../src/sheets/bonus";
import type { Expected, SheetPlan } from "../../src/sheets/plan";
import { readTableFile } from "../../src/xlsx/readFile";
import { verifyPlanInLibreOffice } from "../support/libreoffice";

const ROOT = resolve(__dirname, "../..");
const SEED = Number(process.env.BONUS_FORMULA_SEED ?? 20260406);
const REPORT = join(ROOT, "test-output/bonus-libreoffice.json");

function checked(source: string): CheckedFormula {
  const r = parseFormula(source, BONUS_FORMULA_LANGUAGE);
  if (!r.ok) throw new Error(`generated formula refused: ${source}: ${r.problem.message.en}`);
  return r.value;
}

/** Formulas that divide by a count that is often 0 (reaching #DIV/0! and how it travels). */
const dividing = fc
  .tuple(
    formulaArbitrary(3),
    formulaArbitrary(2),
    fc.constantFrom("黄牌", "红牌", "redCards", "(不合格季度数 - 1)"),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(
    ([a, b, v, shape]) =>
      [`${a} / ${v}`, `min(${a}, ${b} / ${v})`, `IF(${v} == 0, ${b}, ${a} / ${v})`, `round(${a} / ${v}, 2) + ${b}`][
        shape
      ],
  );

interface LabRow {
  readonly source: string;
  readonly values: Readonly<Record<BonusVariableId, number | string | null>>;
}

/**
 * One row per case: the variables' values in columns B…, the formula's Excel translation
 * (over the row's cells and the 考核参数 rate names) with the engine's value as `expect`.
 */
function labSheet(rows: readonly LabRow[]): { plan: SheetPlan; errors: number } {
  const b = new SheetBuilder("公式验证", { kind: "bonus", version: 0, meta: { lab: true } }, "Z1");
  const varCols = new Map(BONUS_VARIABLES.map((v, i) => [v.id, 2 + i]));
  const formulaCol = 2 + BONUS_VARIABLES.length;
  b.setRow(1, 1, ["formula", ...BONUS_VARIABLES.map((v) => v.name), "result", "excel"]);
  let errors = 0;
  rows.forEach((row, i) => {
    const r = i + 2;
    const f = checked(row.source);
    b.set(r, 1, row.source);
    for (const v of BONUS_VARIABLES) b.set(r, varCols.get(v.id)!, row.values[v.id as BonusVariableId]);
    const body = toExcelFormula(f, (v) =>
      v.id === "quarterRate"
        ? SETTING_NAMES.bonusQuarterRate
        : v.id === "yearEndRate"
          ? SETTING_NAMES.bonusYearEndRate
          : a1(r, varCols.get(v.id as BonusVariableId)!),
    );
    const out = evaluateFormula(f, row.values);
    if (!out.ok) errors++;
    const expect: Expected = out.ok ? out.value : { error: out.error as "#DIV/0!" | "#NUM!" | "#VALUE!" };
    b.set(r, formulaCol, { f: `=${body}`, expect });
    b.set(r, formulaCol + 1, `=${body}`);
  });
  return { plan: b.build(), errors };
}

function report(name: string, data: Record<string, number>): void {
  mkdirSync(join(ROOT, "test-output"), { recursive: true });
  const all = existsSync(REPORT) ? (JSON.parse(readFileSync(REPORT, "utf8")) as Record<string, unknown>) : {};
  all[name] = { seed: SEED, ...data };
  writeFileSync(REPORT, `${JSON.stringify(all, null, 2)}\n`);
}

describe("finance's formulas on random expressions, in LibreOffice", () => {
  test("the Excel translation of 600 random formulas (and 36 hidden halves) computes the engine's value (numbers and errors) in every cell", async () => {
    const random = fc.sample(fc.tuple(formulaArbitrary(), valuesArbitrary), { seed: SEED, numRuns: 450 });
    const dividingCases = fc.sample(fc.tuple(dividing, valuesArbitrary), { seed: SEED + 1, numRuns: 150 });
    // Halves hidden by binary noise (1.005 is 1.00499999…, 0.235 / 0.01 is 23.499999999999996):
    // where spreadsheets' ROUND and naive rounding part ways.
    const base = random[0][1];
    const halves = [
      "round(全年绩效 / 0.01)",
      "round(季度比例 / 0.01)",
      "round(全年绩效 * 3, 1)",
      "round(全年绩效, 2)",
      "ROUND(-全年绩效, 2)",
      "round(全年绩效 * 100)",
    ].flatMap((source) =>
      [1.005, 1.15, 2.675, 0.285, 10.005, 1234.565].map((annual): [string, typeof base] => [
        source,
        { ...base, annual },
      ]),
    );
    const rows = [...random, ...dividingCases, ...halves].map(([source, values]) => ({ source, values }));
    const { plan, errors } = labSheet(rows);
    const summary = await verifyPlanInLibreOffice({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), plan] });
    console.log(
      `seed ${SEED}: ${rows.length} random formulas, ${errors} of them #DIV/0!/#NUM! for their values\n${summary.describe(40)}`,
    );
    report("random formulas (lab sheet)", {
      formulas: rows.length,
      engineErrors: errors,
      formulaCells: summary.formulaCells,
      cellsCompared: summary.cellsCompared,
      mismatches: summary.mismatches.length,
      unexpectedErrors: summary.unexpectedErrors.length,
    });
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBeGreaterThanOrEqual(rows.length);
    expect(errors).toBeGreaterThan(20);
  });

  test("random quarter and year-end formulas as the rules of whole bonus sheets equal the engine in every cell", async () => {
    const range = await readTableFile(join(ROOT, "test/fixtures/bonus/people-2026.csv"), { kind: "csv" });
    const { people } = readBonusTable(range.values, {
      year: 2026,
      firstRow: range.firstRow,
      settings: DEFAULT_SETTINGS,
    });
    const candidates = fc.sample(fc.tuple(formulaArbitrary(3), formulaArbitrary(3), fc.boolean()), {
      seed: SEED + 2,
      numRuns: 200,
    });
    const sheets: SheetPlan[] = [];
    const used: string[] = [];
    for (const [q, y, pool] of candidates) {
      if (sheets.length === 8) break;
      const r = bonusPlan({
        year: 2026,
        quarter: 4,
        people,
        locale: "zh-CN",
        settings: DEFAULT_SETTINGS,
        quarterFormula: checked(q),
        yearEndFormula: checked(y),
        ...(pool ? { pool: 50000 } : {}),
      });
      if (!r.ok) continue; // a formula that cannot be computed for someone is refused by the generator (tested elsewhere)
      sheets.push(r.value.plan);
      used.push(`quarter: ${q}  |  year-end: ${y}`);
    }
    expect(sheets).toHaveLength(8);
    const summary = await verifyPlanInLibreOffice({ sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), ...sheets] });
    console.log(`seed ${SEED + 2}: formulas used\n  ${used.join("\n  ")}\n${summary.describe(40)}`);
    report("random formulas as bonus rules (8 sheets)", {
      formulaCells: summary.formulaCells,
      cellsCompared: summary.cellsCompared,
      mismatches: summary.mismatches.length,
      unexpectedErrors: summary.unexpectedErrors.length,
    });
    expect(summary.problems).toEqual([]);
    expect(summary.cellsCompared).toBe(summary.formulaCells);
  });
});
