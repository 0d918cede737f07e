/**
 * `service-appraisal appraisal --template staff|head|employee --people FILE(.xlsx|.csv) --period 2026-Q3
 * --out FILE.xlsx [--scale five|hundred] [--targets "A<=20%,D>=5%"|none] [--raters] [--sheet NAME] [--in BOOK.xlsx] [--force]`:
 * the appraisal form of the task pane, headless. The people file is read as a table (a header
 * row 姓名/工号/部门/岗位 is recognised); rows that cannot be used are listed, never dropped silently.
 * --targets sets the forced distribution's target shares per grade (default: 考核参数's, i.e.
 * the --in workbook's, else none). --raters adds the 360° rater sheet (上级/同事/下属/客户) whose
 * combined scores are the form's.
 * --kpi-from auto|SHEET|2026-10 fills the indicators the work-order register measures (受理及时率,
 * 一次成功率, 回访率, 满意度, 表单记录准确率 …) with lookup formulas into a monthly KPI table of the --in
 * workbook: `auto` takes the form's month's table; a quarter needs a sheet or month named.
 */
import { pick, text } from "../../core/i18n/text";
import { TEMPLATES, formColumns, parsePeriod, readPeople } from "../../core/appraisal";
import { formatShareTargets, parseShareTargets } from "../../core/scoring";
import { appraisalPlans, formTargets, readKpiSource, type AppraisalOptions, type Scale } from "../../sheets/appraisal";
import { describeProblem } from "../../core/problem";
import { readTableFile } from "../../xlsx/readFile";
import { flag, optionalString, requireString } from "../args";
import { CliError, type Command } from "../command";
import { checkOutput, loadWorkbook, outExtension, resolvePath, writeWorkbook } from "../io";
import { printNotes } from "../notes";
import { readerOf, workbookSettings } from "../workbook";
import { APPRAISAL } from "./specs";

const SCALES: Readonly<Record<string, Scale>> = {
  five: "five",
  "5": "five",
  "0-5": "five",
  hundred: "hundred",
  "100": "hundred",
  "0-100": "hundred",
};

export const appraisalCommand: Command = {
  ...APPRAISAL,
  async run(ctx) {
    const templateId = requireString(ctx, "template");
    const template =
      templateId === "staff" || templateId === "head" || templateId === "employee" ? TEMPLATES[templateId] : undefined;
    if (!template)
      throw new CliError(
        text(
          `--template 只能是 staff、head 或 employee，而不是“${templateId}”`,
          `--template must be staff, head or employee, not "${templateId}"`,
        ),
        2,
      );
    const period = parsePeriod(requireString(ctx, "period"));
    if (!period.ok)
      throw new CliError(text(`--period：${period.problem.message.zh}`, `--period: ${period.problem.message.en}`), 2);
    const scaleText = optionalString(ctx, "scale") ?? "five";
    const scale = SCALES[scaleText.toLowerCase()];
    if (!scale)
      throw new CliError(
        text(
          `--scale 只能是 five 或 hundred，而不是“${scaleText}”`,
          `--scale must be five or hundred, not "${scaleText}"`,
        ),
        2,
      );
    const peoplePath = resolvePath(ctx, requireString(ctx, "people"));
    const out = resolvePath(ctx, requireString(ctx, "out"));
    const input = optionalString(ctx, "in");
    const inPath = input === undefined ? undefined : resolvePath(ctx, input);
    checkOutput(out, { force: flag(ctx, "force"), inputs: [inPath, peoplePath], extension: outExtension(inPath) });
    const kpiFrom = optionalString(ctx, "kpi-from");
    if (kpiFrom !== undefined && inPath === undefined)
      throw new CliError(
        text(
          "--kpi-from 需要 --in BOOK.xlsx（含月度 KPI 表的工作簿）",
          "--kpi-from needs --in BOOK.xlsx (the workbook holding the monthly KPI table)",
        ),
        2,
      );

    // A file that cannot be read rejects with TableReadError, a ProblemError main() prints.
    const sheet = optionalString(ctx, "sheet");
    const range = await readTableFile(peoplePath, sheet === undefined ? {} : { sheet });
    const { people, problems } = readPeople(range.values, range.firstRow);
    printNotes(ctx, problems, text("跳过 ", "skipped "));
    if (people.length === 0)
      throw new CliError(
        text(
          `${peoplePath} 中没有可用的人员（需要“姓名”列）`,
          `${peoplePath} holds nobody to appraise (a Name column is needed)`,
        ),
        1,
      );

    const wb = inPath === undefined ? null : await loadWorkbook(inPath);
    // A 考核参数 with a value that cannot be read refuses here (a ProblemError main() prints).
    const settings = await workbookSettings(wb, ctx.locale);
    const scheme = scale === "five" ? settings.settings.fivePoint : settings.settings.hundredPoint;
    const targetsText = optionalString(ctx, "targets");
    const targets = targetsText === undefined ? undefined : parseShareTargets(targetsText, scheme);
    if (targets && !targets.ok)
      throw new CliError(
        text(`--targets：${targets.problem.message.zh}`, `--targets: ${targets.problem.message.en}`),
        2,
      );
    // The KPI table the indicators are looked up in (the same reading as the pane's, over the reader port).
    const kpi =
      wb && kpiFrom !== undefined
        ? await readKpiSource(readerOf(wb), period.value, kpiFrom.trim().toLowerCase() === "auto" ? "" : kpiFrom)
        : undefined;
    if (kpi)
      ctx.out(pick(kpi.source ? kpi.message : text(`注意：${kpi.message.zh}`, `note: ${kpi.message.en}`), ctx.locale));
    const options: AppraisalOptions = {
      template,
      period: period.value,
      people,
      scale,
      locale: ctx.locale,
      settings: settings.settings,
      ...(targets ? { targets: targets.value } : {}),
      ...(flag(ctx, "raters") ? { raters: {} } : {}),
      ...(kpi?.source ? { kpiSource: kpi.source } : {}),
    };
    const plans = appraisalPlans(options);
    if (!plans.ok) throw new CliError(describeProblem(plans.problem), 1);
    const workbookPlan = { sheets: [...settings.add, ...plans.value], activate: settings.add.length };
    const sheets = await writeWorkbook(wb, workbookPlan, out);
    ctx.out(
      pick(
        text(
          `已写入 ${out}：${sheets.join("、")}（${people.length} 人，${formColumns(template).length} 个指标）`,
          `wrote ${out}: ${sheets.join(", ")} (${people.length} people, ${formColumns(template).length} indicators)`,
        ),
        ctx.locale,
      ),
    );
    const shown = formatShareTargets(formTargets(options), scheme);
    if (shown !== "")
      ctx.out(
        pick(
          text(
            `强制分布目标：${shown}（偏离的等级在表上标红）`,
            `forced distribution targets: ${shown} (departures in red on the sheet)`,
          ),
          ctx.locale,
        ),
      );
  },
};
