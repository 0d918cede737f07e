/**
 * `service-appraisal call-log [--in FILE(.xlsx|.csv)] [--sheet NAME] --out FILE.xlsx
 * [--as-of "2026-10-28 09:00"] [--blank-rows 30] [--json FILE.json] [--force]`
 *
 * Builds the 来电来函处理记录 sheet (issue 12 point 5): the calls and letters of --in (a table
 * with 来电来函时间, 方式, 单位/用户, 工单号, 故障类别, 答复方式, 答复时间, 存档位置 … in Chinese
 * or English) in time order, with blank rows to go on logging — or an empty log without --in.
 * --json writes the counts and, per entry, the status, hours to answer, the order's first
 * archived written answer and the chassis-engine written-contact check. The input is only read;
 * an existing --out or --json is never overwritten without --force.
 */
import { pick, text, type Locale } from "../../core/i18n/text";
import { describeProblem, type Problem } from "../../core/problem";
import { formatSerial } from "../../core/dates/serial";
import { readCalls, type CallLogCounts, type CallLogResult } from "../../core/records/callLog";
import { callLogPlan, DEFAULT_BLANK_ROWS, MAX_BLANK_ROWS } from "../../sheets/records/callLog";
import { optionalString } from "../args";
import { CliError, type Command } from "../command";
import { CALL_LOG } from "./specs";
import { jsonOutput, writeWorkbook } from "../io";
import { printNotes } from "../notes";
import { momentOption, readRecordInput, recordFiles, wholeOption } from "../records/input";

/** The --json body: the counts the sheet shows on top and every entry's computed columns. */
export interface CallLogJson {
  readonly asOf: string;
  readonly chassisReplyHours: number;
  readonly counts: CallLogCounts;
  readonly entries: readonly {
    readonly sourceRow: number | null;
    readonly receivedAt: string;
    readonly orderId: string | null;
    readonly status: string;
    readonly hoursToAnswer: number | null;
    readonly firstWrittenAnswer: string | null;
    readonly writtenCheck: string | null;
  }[];
  readonly problems: readonly {
    readonly row: number | null;
    readonly column: string | null;
    readonly message: string;
  }[];
}

export function callLogJson(
  r: CallLogResult,
  asOf: number,
  chassisReplyHours: number,
  problems: readonly Problem[],
  locale: Locale,
): CallLogJson {
  return {
    asOf: formatSerial(asOf),
    chassisReplyHours,
    counts: r.counts,
    entries: r.lines.map((l) => ({
      sourceRow: l.call.sourceRow ?? null,
      receivedAt: formatSerial(l.call.at),
      orderId: l.call.orderId,
      status: l.status,
      hoursToAnswer: l.hoursToAnswer,
      firstWrittenAnswer: l.firstWrittenAnswer === null ? null : formatSerial(l.firstWrittenAnswer),
      writtenCheck: l.writtenCheck,
    })),
    problems: problems.map((p) => ({
      row: p.row ?? null,
      column: p.column ?? null,
      message: pick(p.message, locale),
    })),
  };
}

export const callLogCommand: Command = {
  ...CALL_LOG,
  async run(ctx) {
    const { input, out, json } = recordFiles(ctx);
    const asOf = momentOption(ctx, optionalString(ctx, "as-of"), "as-of");
    const blankRows =
      wholeOption(optionalString(ctx, "blank-rows"), "blank-rows", 0, MAX_BLANK_ROWS) ?? DEFAULT_BLANK_ROWS;

    const source = await readRecordInput(ctx, input, optionalString(ctx, "sheet"));
    const read = source.values.length === 0 ? null : readCalls(source.values, source.firstRow);
    if (read?.fatal) {
      const why = read.problems.map((p) => pick(describeProblem(p), ctx.locale)).join("; ");
      throw new CliError(text(`${input}：无法读取来电来函（${why}）`, `${input}: no calls could be read (${why})`), 1);
    }
    const problems = read?.problems ?? [];
    const built = callLogPlan({
      calls: read?.calls ?? [],
      asOf,
      locale: ctx.locale,
      settings: source.settings,
      blankRows,
      inputProblems: problems,
    });
    if (!built.ok) throw new CliError(describeProblem(built.problem), 1);
    const { result } = built.value;
    const hours = source.settings.sla.chassisReplyHours;
    const sheets = await writeWorkbook(
      null,
      { sheets: [...source.extra, built.value.plan], activate: source.extra.length },
      out,
      json === undefined ? [] : [jsonOutput(json, callLogJson(result, asOf, hours, problems, ctx.locale))],
    );
    const c = result.counts;
    const say = (zh: string, en: string): void => ctx.out(pick(text(zh, en), ctx.locale));
    if (source.source) say(`来源：${source.source.zh}`, `from: ${source.source.en}`);
    say(
      `${c.entries} 条来电来函（截至 ${formatSerial(asOf)}）：待答复 ${c.pending}，未存档 ${c.notArchived}，已办结 ${c.closed}`,
      `${c.entries} call(s)/letter(s) as of ${formatSerial(asOf)}: ${c.pending} awaiting an answer, ${c.notArchived} not archived, ${c.closed} closed`,
    );
    say(
      `底盘发动机故障 ${hours} 小时内书面联系：按时 ${c.written.onTime}，超时 ${c.written.late}，待联系 ${c.written.pending}，未联系 ${c.written.missed}`,
      `chassis-engine written contact within ${hours} h: ${c.written.onTime} on time, ${c.written.late} late, ${c.written.pending} due, ${c.written.missed} missed`,
    );
    printNotes(ctx, problems);
    say(`已写入 ${out}：${sheets.join("、")}`, `wrote ${out}: ${sheets.join(", ")}`);
    if (json !== undefined) say(`已写入 ${json}`, `wrote ${json}`);
  },
};
