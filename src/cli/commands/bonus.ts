/**
 * `service-appraisal bonus --input FILE(.xlsx|.csv) --year 2026 --quarter 4 --out FILE.xlsx
 * [--json FILE.json] [--quarter-formula EXPR] [--year-end-formula EXPR] [--pool AMOUNT]
 * [--sheet NAME] [--force]`
 *
 * Builds the 季度奖金 sheet (issue 6). The people come from the input: an .xlsx holding the
 * appraisal forms (考核表) the add-in generated — found by their markers — gives the quarter
 * grades; otherwise the input's first sheet (or --sheet), or the .csv, is read as a table with
 * 姓名, 岗位标准绩效, 考核奖金比例, quarter grades, 黄牌, 红牌 (Chinese or English headers). The
 * output is a new workbook with 考核参数 (the input's own settings when it has that sheet) and
 * the bonus sheet; --json writes per person the annual amount, the quarter bonus, year-end
 * eligibility with the reason and the year-end bonus. Finance's own formulas are checked in the
 * locked-down mathjs and refused with the position of the offending part. The input is only
 * read; an existing --out or --json is never overwritten without --force.
 */
import { extname } from "node:path";
import { pick, text, type Locale, type Text } from "../../core/i18n/text";
import { describeProblem, type Problem } from "../../core/problem";
import type { Settings } from "../../core/settings";
import { parseNumericText } from "../../core/values/toNumber";
import { parseFormula, type CheckedFormula } from "../../core/formula";
import { BONUS_FORMULA_LANGUAGE, type BonusPeopleRead, type BonusResult, type Quarter } from "../../core/bonus";
import { bonusPlan, forfeitText, peopleFromReading, peopleFromTable, readForms } from "../../sheets/bonus";
import type { SheetPlan } from "../../sheets/plan";
import { settingsForGeneration, settingsPlan } from "../../sheets/settings";
import {
  cardLogRef,
  cardsFromLog,
  conductLogPlan,
  readConductLog,
  type ConductLogRead,
} from "../../sheets/records/conductLog";
import { flag, optionalString, requireString } from "../args";
import { CliError, type Command, type CommandContext } from "../command";
import { checkOutput, jsonOutput, loadInputBook, resolvePath, writeWorkbook } from "../io";
import { printNotes } from "../notes";
import { baseName, readerOf, readInputTable, workbookSettings } from "../workbook";
import { BONUS } from "./specs";

/** The --json body (issue 6): per person the annual amount, the quarter bonus, year-end eligibility with the reason, the year-end bonus. */
export interface BonusJson {
  readonly year: number;
  readonly quarter: number;
  readonly quarterFormula: { readonly formula: string; readonly excel: string } | null;
  readonly yearEndFormula: { readonly formula: string; readonly excel: string } | null;
  readonly pool: { readonly pool: number; readonly factor: number | null } | null;
  readonly people: readonly BonusJsonPerson[];
  readonly totals: {
    readonly annualAmount: number;
    readonly quarterBonus: BonusJsonTotal;
    readonly quarterBonusScaled: BonusJsonTotal | null;
    readonly yearEndBonus: BonusJsonTotal | null;
  };
  readonly problems: readonly {
    readonly row: number | null;
    readonly column: string | null;
    readonly message: string;
  }[];
}

export interface BonusJsonPerson {
  readonly name: string;
  readonly id: string | null;
  readonly department: string | null;
  /** 全年绩效; null when 岗位标准绩效 or 考核奖金比例 is blank. */
  readonly annualAmount: number | null;
  readonly grade: string | null;
  readonly coefficient: number | null;
  /** Rounded to the settings' step; null when it cannot be computed (blank pay or grade). */
  readonly quarterBonus: number | null;
  /** Scaled to the pool (present only with --pool). */
  readonly quarterBonusScaled?: number | null;
  /** Q4 only (null in Q1–Q3). */
  readonly yearEnd: {
    readonly eligible: boolean;
    /** Every forfeiture rule that applied (empty when eligible). */
    readonly reasons: readonly { readonly rule: string; readonly count: number; readonly threshold: number }[];
    /** The reason as the sheet says it. */
    readonly reason: string;
    readonly bonus: number | null;
  } | null;
  readonly totalPaid: number | null;
}

export interface BonusJsonTotal {
  readonly sumOfRounded: number;
  readonly roundedTotal: number;
  readonly difference: number;
}

export const bonusCommand: Command = {
  ...BONUS,
  async run(ctx) {
    const input = resolvePath(ctx, requireString(ctx, "input"));
    const out = resolvePath(ctx, requireString(ctx, "out"));
    const jsonText = optionalString(ctx, "json");
    const json = jsonText === undefined ? undefined : resolvePath(ctx, jsonText);
    const force = flag(ctx, "force");
    // Every refusal comes before any work, so nothing is half-written.
    checkOutput(out, { force, inputs: [input] });
    if (json !== undefined)
      checkOutput(json, { force, inputs: [input], others: [out], option: "--json", extension: null });
    const year = yearOption(requireString(ctx, "year"));
    const quarter = quarterOption(requireString(ctx, "quarter"));
    const quarterFormula = formulaOption(ctx, "quarter-formula");
    const yearEndFormula = formulaOption(ctx, "year-end-formula");
    if (yearEndFormula && quarter !== 4) {
      throw new CliError(
        text(
          "--year-end-formula 只用于第 4 季度（年终奖在第 4 季度计算）",
          "--year-end-formula applies to Q4 only (the year-end bonus is computed in Q4)",
        ),
        2,
      );
    }
    const pool = poolOption(optionalString(ctx, "pool"));

    const { read, settings, source, extra: settingsSheet, log } = await readInput(ctx, input, year);
    // With a conduct log in the input, the card columns count from it: the new workbook gets a
    // copy of the log (regenerated from its cards) for the COUNTIFS to find.
    const logCopy = log?.ref ? conductLogPlan({ cards: log.cards, locale: log.ref.locale }) : null;
    if (logCopy && !logCopy.ok) throw new CliError(describeProblem(logCopy.problem), 1);
    // The output is a new workbook: it carries 考核参数 always — the input's own values when it
    // has that sheet (the module comment's promise; before, an .xlsx input's settings sheet was dropped).
    const settingsOut = settingsSheet.length > 0 ? settingsSheet : [settingsPlan(settings, ctx.locale)];
    const extra = logCopy?.ok ? [...settingsOut, logCopy.value.plan] : settingsOut;
    const cardLog = logCopy?.ok ? cardLogRef(logCopy.value.plan.marker.meta) : null;
    const say = (zh: string, en: string): void => ctx.out(pick(text(zh, en), ctx.locale));
    if (read.fatal) {
      const why = read.problems.map((p) => pick(describeProblem(p), ctx.locale)).join("; ");
      throw new CliError(text(`${input}：无法读取人员（${why}）`, `${input}: no people could be read (${why})`), 1);
    }
    const built = bonusPlan({
      year,
      quarter,
      people: cardLog && log ? cardsFromLog(read.people, log.cards, year, quarter) : read.people,
      cardLog,
      locale: ctx.locale,
      settings,
      quarterFormula,
      yearEndFormula,
      pool,
      source,
      inputProblems: [...read.problems, ...(log?.problems ?? [])],
    });
    if (!built.ok) throw new CliError(describeProblem(built.problem), 1);
    if (log?.ref)
      say(
        `黄红牌按“${log.sheetName}”统计（${log.cards.length} 张）`,
        `cards counted from "${log.sheetName}" (${log.cards.length})`,
      );

    const body =
      json === undefined
        ? undefined
        : bonusJson(built.value.result, read.problems, ctx.locale, {
            quarter: quarterFormula ? { formula: quarterFormula.source, excel: built.value.excel.quarter } : null,
            yearEnd:
              yearEndFormula && built.value.excel.yearEnd
                ? { formula: yearEndFormula.source, excel: built.value.excel.yearEnd }
                : null,
          });
    // --out and --json: both written or neither.
    const sheets = await writeWorkbook(
      null,
      { sheets: [...extra, built.value.plan], activate: extra.length },
      out,
      json === undefined ? [] : [jsonOutput(json, body)],
    );
    const r = built.value.result;
    ctx.out(pick(text(`人员来源：${source.zh}`, `people from: ${source.en}`), ctx.locale));
    const money = (x: number): string =>
      x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    say(
      `${year} 年第 ${quarter} 季度：${r.people.length} 人，全年绩效合计 ${money(r.annualTotal)}`,
      `Q${quarter} ${year}: ${r.people.length} people, annual bonuses ${money(r.annualTotal)}`,
    );
    say(
      `季度奖金合计 ${money(r.quarterTotals.sumOfRoundedParts)}（先相加后取整 ${money(r.quarterTotals.roundedWhole)}，取整差额 ${money(r.quarterTotals.difference)}）`,
      `quarter bonuses ${money(r.quarterTotals.sumOfRoundedParts)} (rounded once ${money(r.quarterTotals.roundedWhole)}, rounding difference ${money(r.quarterTotals.difference)})`,
    );
    if (r.pool?.totals) {
      say(
        `按预算 ${money(r.pool.pool)} 调整（系数 ${r.pool.factor}）：合计 ${money(r.pool.totals.sumOfRoundedParts)}，差额 ${money(r.pool.totals.difference)}`,
        `scaled to the pool ${money(r.pool.pool)} (factor ${r.pool.factor}): ${money(r.pool.totals.sumOfRoundedParts)}, difference ${money(r.pool.totals.difference)}`,
      );
    }
    if (r.yearEndTotals) {
      const forfeited = r.people.filter((p) => p.yearEnd?.forfeited).length;
      say(
        `年终奖合计 ${money(r.yearEndTotals.sumOfRoundedParts)}；${forfeited} 人取消年终奖`,
        `year-end bonuses ${money(r.yearEndTotals.sumOfRoundedParts)}; ${forfeited} forfeited`,
      );
    }
    if (quarterFormula)
      say(
        `季度奖金公式：${quarterFormula.source} → ${built.value.excel.quarter}`,
        `quarter bonus formula: ${quarterFormula.source} → ${built.value.excel.quarter}`,
      );
    if (yearEndFormula && built.value.excel.yearEnd)
      say(
        `年终奖公式：${yearEndFormula.source} → ${built.value.excel.yearEnd}`,
        `year-end bonus formula: ${yearEndFormula.source} → ${built.value.excel.yearEnd}`,
      );
    printNotes(ctx, read.problems);
    for (const w of r.warnings) ctx.out(pick(text(`注意：${w.zh}`, `note: ${w.en}`), ctx.locale));
    say(`已写入 ${out}：${sheets.join("、")}`, `wrote ${out}: ${sheets.join(", ")}`);
    if (json !== undefined) say(`已写入 ${json}`, `wrote ${json}`);
  },
};

function yearOption(value: string): number {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1900 || n > 9999)
    throw new CliError(
      text(`--year 必须是年份，如 2026（现为“${value}”）`, `--year must be a year such as 2026 (got "${value}")`),
      2,
    );
  return n;
}

function quarterOption(value: string): Quarter {
  const m = /^\s*[Qq]?([1-4])\s*$/.exec(value);
  if (!m)
    throw new CliError(
      text(`--quarter 必须是 1 到 4（现为“${value}”）`, `--quarter must be 1 to 4 (got "${value}")`),
      2,
    );
  return Number(m[1]) as Quarter;
}

function poolOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = parseNumericText(value);
  if (n === null || n < 0)
    throw new CliError(
      text(`--pool 必须是不小于 0 的金额（现为“${value}”）`, `--pool must be an amount of 0 or more (got "${value}")`),
      2,
    );
  return n;
}

function formulaOption(ctx: CommandContext, name: "quarter-formula" | "year-end-formula"): CheckedFormula | undefined {
  const source = optionalString(ctx, name);
  if (source === undefined) return undefined;
  const r = parseFormula(source, BONUS_FORMULA_LANGUAGE);
  if (!r.ok) throw new CliError(text(`--${name}：${r.problem.message.zh}`, `--${name}: ${r.problem.message.en}`), 2);
  return r.value;
}

interface InputRead {
  readonly read: BonusPeopleRead;
  readonly settings: Settings;
  readonly source: Text;
  /** The 考核参数 sheet to add when the input has none. */
  readonly extra: readonly SheetPlan[];
  /** The input workbook's conduct log (issue 12 point 6), when it has one: the cards are counted from it. */
  readonly log?: ConductLogRead | null;
}

/**
 * The people: from the appraisal forms of an .xlsx (by marker) or from a table; and the settings
 * (an .xlsx's 考核参数 with a value that cannot be read is refused: a ProblemError main() prints).
 */
async function readInput(ctx: CommandContext, input: string, year: number): Promise<InputRead> {
  const sheet = optionalString(ctx, "sheet");
  const ext = extname(input).toLowerCase();
  const file = baseName(input);
  if (ext === ".xlsx" || ext === ".xlsm") {
    const book = await loadInputBook(input);
    const reader = readerOf(book);
    const { settings, add, plans } = await settingsForGeneration(reader, ctx.locale);
    const log = await readConductLog(plans, (r) => reader.readRanges(r));
    const reading = sheet === undefined ? await readForms(plans, reader.readRanges, year) : null;
    if (reading) {
      const names = reading.forms.filter((f) => f.period.startsWith(`${year}-Q`)).map((f) => f.sheetName);
      return {
        read: peopleFromReading(reading, year, settings),
        settings,
        extra: add,
        log,
        source: text(`${file} 中的考核表：${names.join("、")}`, `appraisal forms in ${file}: ${names.join(", ")}`),
      };
    }
    const { range, source } = await readInputTable(ctx, input, sheet, book);
    return { read: peopleFromTable(range, year, settings), settings, extra: add, log, source };
  }
  const { range, source } = await readInputTable(ctx, input, sheet, null);
  const { settings, add } = await workbookSettings(null, ctx.locale);
  return { read: peopleFromTable(range, year, settings), settings, extra: add, source };
}

/** The --json body: per person and totals, as computed by the engine (the sheet's expected values). */
export function bonusJson(
  r: BonusResult,
  problems: readonly Problem[],
  locale: Locale,
  formulas: { quarter: BonusJson["quarterFormula"]; yearEnd: BonusJson["yearEndFormula"] },
): BonusJson {
  const total = (t: { sumOfRoundedParts: number; roundedWhole: number; difference: number }): BonusJsonTotal => ({
    sumOfRounded: t.sumOfRoundedParts,
    roundedTotal: t.roundedWhole,
    difference: t.difference,
  });
  return {
    year: r.year,
    quarter: r.quarter,
    quarterFormula: formulas.quarter,
    yearEndFormula: formulas.yearEnd,
    pool: r.pool ? { pool: r.pool.pool, factor: r.pool.factor } : null,
    people: r.people.map((p) => ({
      name: p.person.name,
      id: p.person.id ?? null,
      department: p.person.department ?? null,
      annualAmount: p.annual,
      grade: p.grade,
      coefficient: p.coefficient,
      quarterBonus: p.quarterAmount,
      ...(r.pool ? { quarterBonusScaled: p.pooled } : {}),
      yearEnd: p.yearEnd
        ? {
            eligible: !p.yearEnd.forfeited,
            reasons: p.yearEnd.reasons.map((x) => ({ rule: x.rule, count: x.count, threshold: x.threshold })),
            reason: forfeitText(p.yearEnd.reasons, locale),
            bonus: p.yearEnd.amount,
          }
        : null,
      totalPaid: r.quarter === 4 ? p.payable : r.pool ? p.pooled : p.quarterAmount,
    })),
    totals: {
      annualAmount: r.annualTotal,
      quarterBonus: total(r.quarterTotals),
      quarterBonusScaled: r.pool?.totals ? total(r.pool.totals) : null,
      yearEndBonus: r.yearEndTotals ? total(r.yearEndTotals) : null,
    },
    problems: problems.map((p) => ({ row: p.row ?? null, column: p.column ?? null, message: pick(p.message, locale) })),
  };
}
