/**
 * `service-appraisal audit6s-summary --in FILE.xlsx --month 2026-11 --out FILE.xlsx`: finds the
 * 6S audit sheets of --in by their markers (never by sheet name), reads them, and writes a copy
 * of the workbook with the 6S汇总 sheet added to --out (grafted: every other part of the workbook is
 * copied as it was). --in is only read.
 */
import { pick, text } from "../../core/i18n/text";
import { parsePeriod } from "../../core/appraisal/period";
import { audit6sSummaryPlan, readAudits } from "../../sheets/audit6s";
import { describeProblem } from "../../core/problem";
import { settingsForGeneration } from "../../sheets/settings";
import { flag, optionalString, requireString } from "../args";
import { CliError, type Command } from "../command";
import { checkOut, dateOption, loadWorkbook, resolvePath, todaySerial, writeWorkbook } from "../io";
import { printNotes } from "../notes";
import { readerOf } from "../workbook";
import { AUDIT6S_SUMMARY } from "./specs";

export const audit6sSummaryCommand: Command = {
  ...AUDIT6S_SUMMARY,
  async run(ctx) {
    const input = resolvePath(ctx, requireString(ctx, "in"));
    const monthText = requireString(ctx, "month");
    const out = resolvePath(ctx, requireString(ctx, "out"));
    checkOut(out, { force: flag(ctx, "force"), inWorkbook: input });
    const period = parsePeriod(monthText);
    if (!period.ok || !("month" in period.value)) {
      throw new CliError(
        text(
          `--month 应为月份，例如 2026-11（现为“${monthText}”）`,
          `--month must be a month such as 2026-11 (got "${monthText}")`,
        ),
        2,
      );
    }
    const month = period.value.year * 100 + period.value.month;
    const asOfText = optionalString(ctx, "as-of");
    const asOf = asOfText === undefined ? todaySerial(ctx) : dateOption(asOfText, "as-of");

    const wb = await loadWorkbook(input);
    const reader = readerOf(wb);
    // A 考核参数 with a value that cannot be read refuses here (a ProblemError main() prints).
    const { settings, add, plans } = await settingsForGeneration(reader, ctx.locale);
    const { audits, problems } = await readAudits(plans, reader.readRanges, settings);
    printNotes(ctx, problems);
    const r = audit6sSummaryPlan({ audits, month, asOf, locale: ctx.locale, settings });
    if (!r.ok) throw new CliError(describeProblem(r.problem), 1);
    const plan = { sheets: [...add, r.value.plan], activate: add.length };
    const sheets = await writeWorkbook(wb, plan, out);
    const s = r.value.summary;
    ctx.out(pick(text(`已写入 ${out}：${sheets.join("、")}`, `wrote ${out}: ${sheets.join(", ")}`), ctx.locale));
    ctx.out(
      pick(
        text(
          `${audits.length} 张检查表，本月 ${s.matrix.length} 个区域；未完成整改 ${s.open.length} 项，其中逾期 ${s.open.filter((o) => o.overdueDays !== null).length} 项`,
          `${audits.length} audit sheet(s), ${s.matrix.length} area(s) this month; ${s.open.length} open corrective action(s), ${s.open.filter((o) => o.overdueDays !== null).length} overdue`,
        ),
        ctx.locale,
      ),
    );
    for (const note of r.value.plan.notes ?? []) ctx.out(pick(note, ctx.locale));
  },
};
