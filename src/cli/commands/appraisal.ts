/**
 * `service-appraisal appraisal --template staff|head|employee --people FILE(.xlsx|.csv) --period 2026-Q3
 * --out FILE.xlsx [--scale five|hundred] [--targets "A<=20%,D>=5%"|none] [--sheet NAME] [--in BOOK.xlsx] [--force]`:
 * the appraisal form of the task pane, headless. The people file is read as a table (a header
 * row 姓名/工号/部门/岗位 is recognised); rows that cannot be used are listed, never dropped silently.
 * --targets sets the forced distribution's target shares per grade (default: 考核参数's, i.e.
 * the --in workbook's, else none).
 * --kpi-from auto|SHEET|2026-10 fills the indicators the work-order register measures (受理及时率,
 * 一次成功率, 回访率, 满意度, 表单记录准确率 …) with lookup formulas into a monthly KPI table of the --in
 * workbook: `auto` takes the form's month's table; a quarter needs a sheet or month named.
 */
import { pick, text } from "../../core/i18n/text";
import { TEMPLATES, formColumns, parsePeriod, readPeople } from "../../core/appraisal";
import { formatShareTargets, parseShareTargets } from "../../core/scoring";
import {
  appraisalPlan,
  formTargets,
  kpiTableFor,
  kpiTables,
  kpiValues,
  noKpiTable,
  type AppraisalOptions,
  type KpiValues,
  type Scale,
} from "../../sheets/appraisal";
import type { Period } from "../../core/appraisal";
import { findPlansInWorkbook, TableReadError } from "../../xlsx";
import type ExcelJS from "exceljs";
import { readTableFile } from "../../xlsx/readFile";
import { flag, optionalString, requireString } from "../args";
import { CliError, type Command, type CommandContext } from "../command";
import {
  chartsNote,
  checkOutput,
  loadWorkbook,
  problemText,
  readWorkbookRange,
  resolvePath,
  workbookSettings,
  writeWorkbook,
} from "../io";

const SCALES: Readonly<Record<string, Scale>> = {
  five: "five",
  "5": "five",
  "0-5": "five",
  hundred: "hundred",
  "100": "hundred",
  "0-100": "hundred",
};

export const appraisalCommand: Command = {
  name: "appraisal",
  summary: text(
    "生成考核表（售后服务人员或部门负责人模板）",
    "generate an appraisal form (service staff or department head template)",
  ),
  usage: [
    "appraisal --template staff|head|employee --people FILE(.xlsx|.csv) --period 2026-Q3 --out FILE.xlsx [--scale five|hundred] [--targets A<=20%,D>=5%] [--sheet NAME] [--in BOOK.xlsx [--kpi-from auto|SHEET|2026-10]] [--force]",
  ],
  options: {
    template: { type: "string" },
    people: { type: "string" },
    period: { type: "string" },
    scale: { type: "string" },
    targets: { type: "string" },
    sheet: { type: "string" },
    in: { type: "string" },
    "kpi-from": { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
  },
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
    checkOutput(out, { force: flag(ctx, "force"), inputs: [inPath, peoplePath] });
    const kpiFrom = optionalString(ctx, "kpi-from");
    if (kpiFrom !== undefined && inPath === undefined)
      throw new CliError(
        text(
          "--kpi-from 需要 --in BOOK.xlsx（含月度 KPI 表的工作簿）",
          "--kpi-from needs --in BOOK.xlsx (the workbook holding the monthly KPI table)",
        ),
        2,
      );

    let range;
    try {
      const sheet = optionalString(ctx, "sheet");
      range = await readTableFile(peoplePath, sheet === undefined ? {} : { sheet });
    } catch (e) {
      if (e instanceof TableReadError) throw new CliError(e.text, 1);
      throw e;
    }
    const { people, problems } = readPeople(range.values, range.firstRow);
    for (const p of problems)
      ctx.out(pick(text(`跳过 ${problemText(p).zh}`, `skipped ${problemText(p).en}`), ctx.locale));
    if (people.length === 0)
      throw new CliError(
        text(
          `${peoplePath} 中没有可用的人员（需要“姓名”列）`,
          `${peoplePath} holds nobody to appraise (a Name column is needed)`,
        ),
        1,
      );

    const wb = inPath === undefined ? null : await loadWorkbook(inPath);
    const settings = workbookSettings(wb, ctx.locale);
    for (const p of settings.problems)
      ctx.out(pick(text(`注意：${p.message.zh}`, `note: ${p.message.en}`), ctx.locale));
    const scheme = scale === "five" ? settings.settings.fivePoint : settings.settings.hundredPoint;
    const targetsText = optionalString(ctx, "targets");
    const targets = targetsText === undefined ? undefined : parseShareTargets(targetsText, scheme);
    if (targets && !targets.ok)
      throw new CliError(
        text(`--targets：${targets.problem.message.zh}`, `--targets: ${targets.problem.message.en}`),
        2,
      );
    const kpiSource = wb && kpiFrom !== undefined ? readKpiSource(ctx, wb, period.value, kpiFrom) : undefined;
    const options: AppraisalOptions = {
      template,
      period: period.value,
      people,
      scale,
      locale: ctx.locale,
      settings: settings.settings,
      ...(targets ? { targets: targets.value } : {}),
      ...(kpiSource ? { kpiSource } : {}),
    };
    const plan = appraisalPlan(options);
    if (!plan.ok) throw new CliError(plan.problem.message, 1);
    const workbookPlan = { sheets: [...settings.add, plan.value], activate: settings.add.length };
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
    const charts = chartsNote(workbookPlan, wb);
    if (charts) ctx.out(pick(charts, ctx.locale));
  },
};

/**
 * The KPI table --kpi-from names in the --in workbook, read; undefined (with the reason printed)
 * when there is none for the period, so the KPI indicators stay for typing.
 */
function readKpiSource(
  ctx: CommandContext,
  wb: ExcelJS.Workbook,
  period: Period,
  choice: string,
): KpiValues | undefined {
  const say = (t: { zh: string; en: string }) => ctx.out(pick(t, ctx.locale));
  const found = kpiTables(findPlansInWorkbook(wb));
  for (const p of found.problems) say(text(`注意：${p.message.zh}`, `note: ${p.message.en}`));
  const auto = choice.trim().toLowerCase() === "auto";
  const table = kpiTableFor(found.tables, period, auto ? undefined : choice);
  if (!table.ok)
    throw new CliError(text(`--kpi-from：${table.problem.message.zh}`, `--kpi-from: ${table.problem.message.en}`), 2);
  if (table.value === null) {
    say(text(`注意：${noKpiTable(period).zh}`, `note: ${noKpiTable(period).en}`));
    return undefined;
  }
  const t = table.value;
  say(
    text(
      `KPI 指标取自“${t.sheetName}”（公式引用，登记表更正后随之更新）`,
      `KPI indicators from "${t.sheetName}" (formulas: they follow corrections of the register)`,
    ),
  );
  return kpiValues(t, readWorkbookRange(wb, t.sheetName, t.address));
}
