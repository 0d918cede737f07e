/**
 * The 季度奖金 (quarterly bonus) sheet of a year and quarter (RULES.md#bonuses, issue 6): one row per
 * person with native formulas for 全年绩效, the quarter's coefficient and bonus (D pays
 * nothing), the failed quarters, for Q4 the year-end eligibility with the rule that applied and
 * the year-end bonus, optionally the bonus scaled to a budget pool; money rounded to
 * SVC_Bonus_RoundTo half up at the end; totals with the rounding difference shown; a check row
 * for 4 × 季度比例 + 年终比例 = 100%; totals per department.
 *
 * Every formula references the 考核参数 names (SVC_Bonus_*), never the policy's numbers, and
 * every formula cell carries the engine's value (core/bonus computeBonuses) as `expect`.
 * Finance's own formula, when given, is written as its native Excel translation into the
 * bonus column of every row, so each cell can be audited.
 *
 * The sheet from top to bottom, one section each: titleRows (title, rules, pool), peopleRows
 * (header, inputs), peopleFormulas, peopleLook (formats, highlights, validation), totalRows,
 * rateCheck, departmentTotals, pageSetup. They share a BonusSheet (context.ts); the layout is
 * in layout.ts, the words in strings.ts, the per-person money formulas in cellFormulas.ts.
 */
import { pick, text, type Locale, type Text } from "../../core/i18n/text";
import { fail, ok, type Problem, type Result } from "../../core/problem";
import type { Settings } from "../../core/settings";
import type { CheckedFormula } from "../../core/formula";
import { computeBonuses, type BonusPerson, type BonusResult, type Quarter } from "../../core/bonus";
import { SheetBuilder } from "../common/builder";
import { a1, columnLetter } from "../common/address";
import type { SheetPlan } from "../plan";
import { displayFormula, quarterCellFormula, yearEndCellFormula } from "./cellFormulas";
import type { BonusSheet } from "./context";
import { writeDepartmentTotals } from "./departmentTotals";
import { bonusLayout, type BonusLayout } from "./layout";
import { BONUS_MARKER_VERSION, type BonusMarker, type BonusMeta } from "./marker";
import { addNotes, setUpPage } from "./pageSetup";
import { writeQuarterFormulas, writeYearEndFormulas } from "./peopleFormulas";
import { formatPeople, highlightPeople, validatePeople } from "./peopleLook";
import { writeHeader, writeInputs } from "./peopleRows";
import { writeRateCheck } from "./rateCheck";
import { TEXT, periodText } from "./strings";
import { writePool, writeRuleLines, writeTitle } from "./titleRows";
import { formatTotals, writeTotals } from "./totalRows";

export interface BonusPlanOptions {
  readonly year: number;
  readonly quarter: Quarter;
  readonly people: readonly BonusPerson[];
  readonly locale: Locale;
  /** The workbook's settings (the 考核参数 sheet the formulas reference). */
  readonly settings: Settings;
  readonly quarterFormula?: CheckedFormula | null;
  readonly yearEndFormula?: CheckedFormula | null;
  /** Budget pool for the quarter bonuses; absent = no pool column. */
  readonly pool?: number | null;
  /** Where the people came from, shown under the title ("考核表 2026-Q1 … Q4", a file name). */
  readonly source?: Text;
  /** Problems found reading the input, listed as notes after generation. */
  readonly inputProblems?: readonly Problem[];
}

export interface BonusPlan {
  readonly plan: SheetPlan<BonusMarker>;
  readonly result: BonusResult;
  /** The Excel formulas of the first person's row, as shown on the sheet (with "="). */
  readonly excel: { readonly quarter: string; readonly yearEnd: string | null };
}

/**
 * Builds the sheet and returns it with the engine's results. Fails (never throws) when there is
 * nobody to pay, the options are invalid, or a formula cannot be computed for someone.
 */
export function bonusPlan(options: BonusPlanOptions): Result<BonusPlan> {
  const refused = checkOptions(options);
  if (refused) return refused;
  const computed = computeBonuses(options.people, {
    year: options.year,
    quarter: options.quarter,
    settings: options.settings,
    quarterFormula: options.quarterFormula,
    yearEndFormula: options.yearEndFormula,
    pool: options.pool,
  });
  if (!computed.ok) return computed;
  const sheet = startSheet(options, computed.value);
  writeTitle(sheet);
  writeRuleLines(sheet);
  if (options.pool !== undefined && options.pool !== null) writePool(sheet, options.pool);
  writeHeader(sheet);
  writeInputs(sheet);
  writeQuarterFormulas(sheet);
  if (sheet.yearEndFormula !== null) writeYearEndFormulas(sheet, sheet.yearEndFormula);
  formatPeople(sheet);
  highlightPeople(sheet);
  validatePeople(sheet);
  const totals = writeTotals(sheet);
  formatTotals(sheet, totals);
  const annualTotal = a1(totals.sumRow, sheet.layout.columns.annual, true);
  const checkEnd = writeRateCheck(sheet, totals.differenceRow + 2, annualTotal);
  const lastRow = writeDepartmentTotals(sheet, checkEnd + 2);
  setUpPage(sheet, lastRow);
  addNotes(sheet);
  const { quarterFormula, yearEndFormula, layout } = sheet;
  return ok({
    plan: sheet.b.build(),
    result: sheet.result,
    excel: {
      quarter: displayFormula(layout, quarterFormula),
      yearEnd: yearEndFormula ? displayFormula(layout, yearEndFormula) : null,
    },
  });
}

/** Nobody to pay, a year or quarter that is not one: refused before anything is computed. */
function checkOptions({ people, year, quarter }: BonusPlanOptions): Result<never> | null {
  if (people.length === 0) return fail("na", text("没有需要计算奖金的人员", "nobody to compute a bonus for"));
  if (!Number.isInteger(year) || year < 1900 || year > 9999)
    return fail("value", text(`年度无效：${year}`, `invalid year: ${year}`));
  if (![1, 2, 3, 4].includes(quarter))
    return fail("value", text(`季度必须是 1–4（现为 ${quarter}）`, `the quarter must be 1–4 (got ${quarter})`));
  return null;
}

/** The layout facts in the marker: rows, column letters (grades apart), pool, finance's formulas. */
function bonusMeta(options: BonusPlanOptions, layout: BonusLayout, lastRow: number): BonusMeta {
  const { grades, ...single } = layout.columns;
  return {
    year: options.year,
    quarter: options.quarter,
    firstRow: layout.firstRow,
    lastRow,
    columns: Object.fromEntries(
      Object.entries(single)
        .filter(([, column]) => column > 0)
        .map(([key, column]) => [key, columnLetter(column)]),
    ),
    gradeColumns: grades.map((c) => columnLetter(c)),
    pool: options.pool !== undefined && options.pool !== null,
    quarterFormula: options.quarterFormula?.source ?? null,
    yearEndFormula: options.yearEndFormula?.source ?? null,
  };
}

/** The builder with its marker, and everything the sections share. */
function startSheet(options: BonusPlanOptions, result: BonusResult): BonusSheet {
  const { year, quarter, locale } = options;
  const t = (x: Text): string => pick(x, locale);
  const hasPool = options.pool !== undefined && options.pool !== null;
  const layout = bonusLayout({
    quarter,
    pool: hasPool,
    quarterFormula: Boolean(options.quarterFormula),
    yearEndFormula: Boolean(options.yearEndFormula),
  });
  const people = result.people;
  const lastRow = layout.firstRow + people.length - 1;
  const b = new SheetBuilder<BonusMarker>(
    `${t(TEXT.sheet)} ${year}-Q${quarter}`,
    { kind: "bonus", version: BONUS_MARKER_VERSION, meta: bonusMeta(options, layout, lastRow) },
    a1(1, layout.columns.marker),
  );
  const isQ4 = quarter === 4;
  const separator = locale === "zh-CN" ? "；" : "; ";
  return {
    b,
    t,
    locale,
    settings: options.settings,
    options,
    layout,
    result,
    people,
    lastRow,
    hasPool,
    isQ4,
    title: `${t(TEXT.title)} — ${t(periodText(year, quarter))}`,
    quarterFormula: quarterCellFormula(layout, options.quarterFormula ?? null),
    yearEndFormula: isQ4 ? yearEndCellFormula(layout, options.yearEndFormula ?? null, locale) : null,
    remarks: people.map((r) => [...r.person.remarks, ...r.warnings].map(t).join(separator) || null),
  };
}
