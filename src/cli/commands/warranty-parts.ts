/**
 * `service-appraisal warranty-parts [--station NAME] (--lines FILE.csv|.xlsx | --demo)
 * [--months 24] [--km 100000] [--blank-rows 100] --out FILE.xlsx [--json FILE.json] [--force]`
 *
 * The 三包件登记表 (policy 3.6; RULES.md#warranty-parts): each line's 三包 coverage, state and
 * write-off check; `--json` writes them with the counts per state and the postage written off.
 * The terms are 考核参数's (SVC_Warranty_Months / SVC_Warranty_Km, written with the sheet and read
 * by name); --months / --km override them with a value in the sheet.
 */
import { pick, text } from "../../core/i18n/text";
import { describeProblem } from "../../core/problem";
import { CHECK_LABELS, SAMPLE_WARRANTY_LINES, readWarrantyLines } from "../../core/records/warrantyParts";
import { warrantyPartsPlan } from "../../sheets/records/warrantyParts";
import { optionalString } from "../args";
import { CliError, type Command, type CommandContext } from "../command";
import { workbookSettings } from "../workbook";
import { WARRANTY_PARTS } from "./specs";
import { jsonOutput, writeWorkbook } from "../io";
import { blankRowsOption, recordOutputs, recordsOrSample } from "../records";

function termOption(ctx: CommandContext, option: string): number | undefined {
  const v = optionalString(ctx, option);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new CliError(
      text(
        `--${option} 应为不小于 0 的整数（是“${v}”）`,
        `--${option} must be a whole number, 0 or more (it is “${v}”)`,
      ),
      2,
    );
  return n;
}

export const warrantyPartsCommand: Command = {
  ...WARRANTY_PARTS,
  async run(ctx) {
    const { out, json } = recordOutputs(ctx, ["lines"]);
    const months = termOption(ctx, "months");
    const km = termOption(ctx, "km");
    const overrides = { ...(months === undefined ? {} : { months }), ...(km === undefined ? {} : { km }) };
    // A term not given is read from 考核参数 by name: the new workbook carries that sheet.
    const { settings, add } = await workbookSettings(null, ctx.locale);
    const terms = { ...settings.warranty, ...overrides };
    const byName = months === undefined || km === undefined;
    const blankRows = blankRowsOption(ctx, "blank-rows", 100);
    const lines = await recordsOrSample(ctx, "lines", SAMPLE_WARRANTY_LINES, readWarrantyLines);
    const station = optionalString(ctx, "station") ?? "";
    const r = warrantyPartsPlan({ station, lines, settings, terms: overrides, locale: ctx.locale, blankRows });
    if (!r.ok) throw new CliError(describeProblem(r.problem), 1);
    const plan = byName ? { sheets: [...add, ...r.value.plan.sheets], activate: add.length } : r.value.plan;
    const { results, summary } = r.value;
    const firstRow = 7;
    const body = {
      station,
      terms,
      lines: lines.map((l, i) => ({ row: firstRow + i, reqNo: l.reqNo, orderId: l.orderId, ...results[i]! })),
      summary,
    };
    const sheets = await writeWorkbook(null, plan, out, json === undefined ? [] : [jsonOutput(json, body)]);
    const say = (zh: string, en: string) => ctx.out(pick(text(zh, en), ctx.locale));
    const s = summary.byStatus;
    say(
      `${lines.length} 个三包件：待审批 ${s.awaitingApproval}，待更换 ${s.awaitingReplacement}，待销帐 ${s.awaitingWriteOff}，已销帐 ${s.writtenOff}；超出三包 ${summary.outside}；已销帐邮运费 ${summary.postageWrittenOff.toFixed(2)} 元`,
      `${lines.length} warranty parts: ${s.awaitingApproval} to approve, ${s.awaitingReplacement} to replace, ${s.awaitingWriteOff} to write off, ${s.writtenOff} written off; ${summary.outside} outside warranty; postage written off ${summary.postageWrittenOff.toFixed(2)} yuan`,
    );
    for (const l of body.lines.filter((x) => x.check !== null).slice(0, 10))
      say(
        `  第 ${l.row} 行 ${l.reqNo}：${CHECK_LABELS[l.check!].zh}`,
        `  row ${l.row} ${l.reqNo}: ${CHECK_LABELS[l.check!].en}`,
      );
    say(`已写入 ${out}：${sheets.join("、")}`, `wrote ${out}: ${sheets.join(", ")}`);
    if (json !== undefined) say(`已写入 ${json}`, `wrote ${json}`);
  },
};
