/**
 * The bonus pane's decisions, as pure functions tested without a DOM: the default period, the
 * live check of finance's formulas (the Excel formula they become, or the refusal with the
 * offending part marked), the pool input, the people from what a host read, and the preview.
 */
import { text, type Locale, type Text } from "../../../core/i18n/text";
import type { Settings } from "../../../core/settings";
import { parseNumericText } from "../../../core/values/toNumber";
import { parseFormula, type CheckedFormula } from "../../../core/formula";
import {
  BONUS_FORMULA_LANGUAGE,
  computeBonuses,
  type BonusPeopleRead,
  type BonusResult,
  type Quarter,
} from "../../../core/bonus";
import {
  bonusLayout,
  displayFormula,
  forfeitText,
  peopleFromReading,
  peopleFromTable,
  quarterCellFormula,
  readForms,
  yearEndCellFormula,
  type FormsReading,
} from "../../../sheets/bonus";
import type { RangeData } from "../../../sheets/plan";
import type { WorkbookReader } from "../../../sheets/reader";
import { formatText } from "../../i18n/format";

/** The quarter whose bonus is due: the last finished quarter (paid in the first month of the next, 第六–七条). */
export function defaultPeriod(now: Date): { year: number; quarter: Quarter } {
  const q = Math.floor(now.getMonth() / 3) + 1;
  return q === 1
    ? { year: now.getFullYear() - 1, quarter: 4 }
    : { year: now.getFullYear(), quarter: (q - 1) as Quarter };
}

/** Years offered: two back, this one and the next. */
export function yearChoices(now: Date): number[] {
  const y = now.getFullYear();
  return [y - 2, y - 1, y, y + 1];
}

export type FormulaCheck =
  | { readonly state: "off" }
  | { readonly state: "empty" }
  | { readonly state: "ok"; readonly formula: CheckedFormula; readonly excel: string }
  | {
      readonly state: "refused";
      readonly message: Text;
      readonly before: string;
      readonly fragment: string;
      readonly after: string;
    };

export interface SheetShape {
  readonly quarter: Quarter;
  readonly pool: boolean;
  readonly quarterFormula: boolean;
  readonly yearEndFormula: boolean;
}

/**
 * Checks what finance typed, as they type. Accepted: the native Excel formula the first
 * person's cell will hold (for the sheet's actual layout). Refused: the message, and the text
 * split around the offending part so the pane can mark it.
 */
export function checkFormulaInput(
  source: string,
  enabled: boolean,
  kind: "quarter" | "yearEnd",
  shape: SheetShape,
  locale: Locale,
): FormulaCheck {
  if (!enabled) return { state: "off" };
  if (source.trim() === "") return { state: "empty" };
  const r = parseFormula(source, BONUS_FORMULA_LANGUAGE);
  if (!r.ok) {
    const start = r.at.start;
    const end = Math.max(r.at.end, start);
    return {
      state: "refused",
      message: r.problem.message,
      before: source.slice(0, start),
      fragment: source.slice(start, end),
      after: source.slice(end),
    };
  }
  const layout = bonusLayout(shape);
  const cell = kind === "quarter" ? quarterCellFormula(layout, r.value) : yearEndCellFormula(layout, r.value, locale);
  return { state: "ok", formula: r.value, excel: displayFormula(layout, cell) };
}

/** The pool typed in the pane: null when off or blank, a number ≥ 0, or an error. */
export function readPool(
  input: string,
  enabled: boolean,
): { readonly value: number | null; readonly error: Text | null } {
  if (!enabled || input.trim() === "") return { value: null, error: null };
  const n = parseNumericText(input);
  return n === null || n < 0
    ? { value: null, error: text("请输入不小于 0 的金额", "enter an amount of 0 or more") }
    : { value: n, error: null };
}

/** What was read for the people, kept raw so a change of year or settings reads it again. */
export type PeopleSource =
  | ({ readonly kind: "forms"; readonly label: string } & FormsReading)
  | { readonly kind: "table"; readonly label: string; readonly range: RangeData };

/**
 * Reads the appraisal forms of `year` through the host, with sheets/bonus `readForms` (the same
 * function the command line calls over an .xlsx file): one findPlans, then one readRanges for
 * every form of the year. Null when the workbook has no form.
 */
export async function readFormsSource(
  host: WorkbookReader,
  year: number,
  label: (forms: number) => string,
): Promise<PeopleSource | null> {
  const reading = await readForms(await host.findPlans(), (requests) => host.readRanges(requests), year);
  return reading && { kind: "forms", label: label(reading.forms.length), ...reading };
}

/** The people for `year` from what was read. */
export function peopleOf(source: PeopleSource, year: number, settings: Settings): BonusPeopleRead {
  return source.kind === "table"
    ? peopleFromTable(source.range, year, settings)
    : peopleFromReading(source, year, settings);
}

export interface Preview {
  readonly lines: readonly Text[];
  readonly rows: readonly {
    readonly name: string;
    readonly grade: string;
    readonly quarter: string;
    readonly yearEnd: string | null;
    readonly forfeited: boolean;
  }[];
  readonly result: BonusResult | null;
  readonly error: Text | null;
}

function money(x: number): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const fill = formatText;

/** The engine's numbers for the pane's preview (the sheet's formulas give the same). */
export function preview(
  read: BonusPeopleRead,
  o: {
    readonly year: number;
    readonly quarter: Quarter;
    readonly settings: Settings;
    readonly quarterFormula: CheckedFormula | null;
    readonly yearEndFormula: CheckedFormula | null;
    readonly pool: number | null;
    readonly locale: Locale;
  },
  strings: {
    readonly people: Text;
    readonly quarter: Text;
    readonly pool: Text;
    readonly poolNone: Text;
    readonly yearEnd: Text;
    readonly blank: Text;
    readonly error: Text;
  },
  limit = 50,
): Preview {
  const r = computeBonuses(read.people, {
    year: o.year,
    quarter: o.quarter,
    settings: o.settings,
    quarterFormula: o.quarterFormula,
    yearEndFormula: o.yearEndFormula,
    pool: o.pool,
  });
  if (!r.ok) {
    const m = r.problem.message;
    return {
      lines: [],
      rows: [],
      result: null,
      error: { zh: fill(strings.error, { message: m.zh }).zh, en: fill(strings.error, { message: m.en }).en },
    };
  }
  const v = r.value;
  const lines: Text[] = [fill(strings.people, { people: v.people.length, annual: money(v.annualTotal) })];
  lines.push(
    fill(strings.quarter, {
      sum: money(v.quarterTotals.sumOfRoundedParts),
      whole: money(v.quarterTotals.roundedWhole),
      diff: money(v.quarterTotals.difference),
    }),
  );
  if (v.pool) {
    lines.push(
      v.pool.totals && v.pool.factor !== null
        ? fill(strings.pool, {
            pool: money(v.pool.pool),
            factor: Number(v.pool.factor.toPrecision(6)),
            sum: money(v.pool.totals.sumOfRoundedParts),
            diff: money(v.pool.totals.difference),
          })
        : strings.poolNone,
    );
  }
  if (v.yearEndTotals)
    lines.push(
      fill(strings.yearEnd, {
        sum: money(v.yearEndTotals.sumOfRoundedParts),
        forfeited: v.people.filter((p) => p.yearEnd?.forfeited).length,
      }),
    );
  const blank = v.people.filter((p) => p.quarterAmount === null).length;
  if (blank > 0) lines.push(fill(strings.blank, { n: blank }));
  for (const w of v.warnings) lines.push(w);
  const rows = v.people.slice(0, limit).map((p) => ({
    name: p.person.name,
    grade: p.grade ?? "—",
    quarter: p.quarterAmount === null ? "—" : money(v.pool ? (p.pooled ?? p.quarterAmount) : p.quarterAmount),
    yearEnd: p.yearEnd
      ? p.yearEnd.forfeited
        ? forfeitText(p.yearEnd.reasons, o.locale)
        : p.yearEnd.amount === null
          ? "—"
          : money(p.yearEnd.amount)
      : null,
    forfeited: p.yearEnd?.forfeited ?? false,
  }));
  return { lines, rows, result: v, error: null };
}
