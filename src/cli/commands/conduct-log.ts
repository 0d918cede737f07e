/**
 * `service-appraisal conduct-log [--in FILE(.xlsx|.csv)] [--sheet NAME] --out FILE.xlsx
 * [--blank-rows 30] [--json FILE.json] [--force]`
 *
 * Builds the 违规与黄红牌记录 sheet (issue 12 point 6): the yellow and red cards of --in (日期,
 * 姓名, 牌别, 违反条款, 开具人, 审批人, 状态 … in Chinese or English) in date order, or an empty
 * log. --json writes the counts, the counted cards per person and quarter, and every card's
 * quarter and whether it counts. The bonus command, given a workbook holding this log, counts
 * the cards from it. The input is only read; outputs are never overwritten without --force.
 */
import { pick, text, type Locale } from "../../core/i18n/text";
import { describeProblem, type Problem } from "../../core/problem";
import { formatSerial } from "../../core/dates/serial";
import { readCards, type ConductLogResult } from "../../core/records/conductLog";
import { conductLogPlan, DEFAULT_CARD_BLANK_ROWS, MAX_CARD_BLANK_ROWS } from "../../sheets/records/conductLog";
import { optionalString } from "../args";
import { CliError, type Command } from "../command";
import { CONDUCT_LOG } from "./specs";
import { jsonOutput, writeWorkbook } from "../io";
import { printNotes } from "../notes";
import { readRecordInput, recordFiles, wholeOption } from "../records/input";

export interface ConductLogJson {
  readonly counts: ConductLogResult["counts"];
  /** Counted cards per person and quarter ("2026-Q3"). */
  readonly perPerson: readonly {
    readonly name: string;
    readonly quarters: Readonly<Record<string, { readonly yellow: number; readonly red: number }>>;
  }[];
  readonly cards: readonly {
    readonly sourceRow: number | null;
    readonly date: string;
    readonly name: string;
    readonly card: string;
    readonly quarter: string;
    readonly counted: boolean;
  }[];
  readonly problems: readonly {
    readonly row: number | null;
    readonly column: string | null;
    readonly message: string;
  }[];
}

export function conductLogJson(r: ConductLogResult, problems: readonly Problem[], locale: Locale): ConductLogJson {
  const people = new Map<string, Record<string, { yellow: number; red: number }>>();
  for (const l of r.lines) {
    if (!l.counted) continue;
    const quarters = people.get(l.card.person) ?? {};
    const q = (quarters[l.quarter] ??= { yellow: 0, red: 0 });
    q[l.card.card]++;
    people.set(l.card.person, quarters);
  }
  return {
    counts: r.counts,
    perPerson: [...people].map(([name, quarters]) => ({ name, quarters })),
    cards: r.lines.map((l) => ({
      sourceRow: l.card.sourceRow ?? null,
      date: formatSerial(l.card.date, true),
      name: l.card.person,
      card: l.card.card,
      quarter: l.quarter,
      counted: l.counted,
    })),
    problems: problems.map((p) => ({ row: p.row ?? null, column: p.column ?? null, message: pick(p.message, locale) })),
  };
}

export const conductLogCommand: Command = {
  ...CONDUCT_LOG,
  async run(ctx) {
    const { input, out, json } = recordFiles(ctx);
    const blankRows =
      wholeOption(optionalString(ctx, "blank-rows"), "blank-rows", 0, MAX_CARD_BLANK_ROWS) ?? DEFAULT_CARD_BLANK_ROWS;

    const source = await readRecordInput(ctx, input, optionalString(ctx, "sheet"));
    const read = source.values.length === 0 ? null : readCards(source.values, source.firstRow);
    if (read?.fatal) {
      const why = read.problems.map((p) => pick(describeProblem(p), ctx.locale)).join("; ");
      throw new CliError(
        text(`${input}：无法读取黄红牌记录（${why}）`, `${input}: no cards could be read (${why})`),
        1,
      );
    }
    const problems = read?.problems ?? [];
    const built = conductLogPlan({ cards: read?.cards ?? [], locale: ctx.locale, blankRows, inputProblems: problems });
    if (!built.ok) throw new CliError(describeProblem(built.problem), 1);
    const { result } = built.value;
    const sheets = await writeWorkbook(
      null,
      { sheets: [...source.extra, built.value.plan], activate: source.extra.length },
      out,
      json === undefined ? [] : [jsonOutput(json, conductLogJson(result, problems, ctx.locale))],
    );
    const c = result.counts;
    const say = (zh: string, en: string): void => ctx.out(pick(text(zh, en), ctx.locale));
    if (source.source) say(`来源：${source.source.zh}`, `from: ${source.source.en}`);
    say(
      `${result.lines.length} 张牌：计入黄牌 ${c.yellow}、红牌 ${c.red}；待审批 ${c.awaitingApproval}，已撤销 ${c.revoked}`,
      `${result.lines.length} card(s): ${c.yellow} yellow and ${c.red} red counted; ${c.awaitingApproval} awaiting approval, ${c.revoked} revoked`,
    );
    printNotes(ctx, problems);
    say(`已写入 ${out}：${sheets.join("、")}`, `wrote ${out}: ${sheets.join(", ")}`);
    if (json !== undefined) say(`已写入 ${json}`, `wrote ${json}`);
  },
};
