/**
 * `service-appraisal appraisal --template staff|head --people FILE(.xlsx|.csv) --period 2026-Q3
 * --out FILE.xlsx [--scale five|hundred] [--sheet NAME] [--in BOOK.xlsx] [--force]`:
 * the appraisal form of the task pane, headless. The people file is read as a table (a header
 * row 姓名/工号/部门/岗位 is recognised); rows that cannot be used are listed, never dropped silently.
 */
import { pick, text } from "../../core/i18n/text";
import { TEMPLATES, formColumns, parsePeriod, readPeople } from "../../core/appraisal";
import { appraisalPlan, type Scale } from "../../sheets/appraisal";
import { describeProblem } from "../../core/problem";
import { readTableFile } from "../../xlsx/readFile";
import { flag, optionalString, requireString } from "../args";
import { CliError, type Command } from "../command";
import { chartsNote, checkOutput, loadWorkbook, resolvePath, writeWorkbook } from "../io";
import { printNotes } from "../notes";
import { workbookSettings } from "../workbook";
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
    const template = templateId === "staff" || templateId === "head" ? TEMPLATES[templateId] : undefined;
    if (!template)
      throw new CliError(
        text(
          `--template 只能是 staff 或 head，而不是“${templateId}”`,
          `--template must be staff or head, not "${templateId}"`,
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
    const plan = appraisalPlan({
      template,
      period: period.value,
      people,
      scale,
      locale: ctx.locale,
      settings: settings.settings,
    });
    if (!plan.ok) throw new CliError(describeProblem(plan.problem), 1);
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
    const charts = chartsNote(workbookPlan, wb);
    if (charts) ctx.out(pick(charts, ctx.locale));
  },
};
