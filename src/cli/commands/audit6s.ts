/**
 * `service-appraisal audit6s --areas "维修车间,备件库" --date 2026-11-20 --out FILE.xlsx`:
 * the 6S检查表 for the areas, one A4 page each. With --in, the audit is added to a copy of that
 * workbook (the input is never modified), so a month's audits collect in one file for
 * `audit6s-summary`. A workbook without 考核参数 gets the settings sheet too.
 */
import { pick, text } from "../../core/i18n/text";
import { describeProblem, ProblemError } from "../../core/problem";
import { readTableFile } from "../../xlsx/readFile";
import {
  DEFAULT_CHECKLIST,
  EQUAL_WEIGHTS,
  SAFETY_WEIGHTED,
  parseScaleId,
  readChecklistTable,
  validateSWeights,
  type ChecklistItem,
} from "../../core/audit6s/engine";
import { audit6sPlan, demoEntries } from "../../sheets/audit6s";
import { flag, optionalString, requireString } from "../args";
import { CliError, type Command, type CommandContext } from "../command";
import { checkOutput, dateOption, loadWorkbook, outExtension, resolvePath, todaySerial, writeWorkbook } from "../io";
import { workbookSettings } from "../workbook";
import { AUDIT6S } from "./specs";

/** "维修车间,备件库" / "维修车间、备件库" / "a; b" → names. */
export function splitList(value: string): string[] {
  return value
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function weightsOption(value: string | undefined): "settings" | readonly number[] {
  if (value === undefined || /^settings$|^考核参数$/i.test(value.trim())) return "settings";
  if (/^equal$|^相等$/i.test(value.trim())) return EQUAL_WEIGHTS;
  if (/^safety$|^安全加权$/i.test(value.trim())) return SAFETY_WEIGHTED;
  const parts = splitList(value);
  const w = validateSWeights(parts);
  if (!w.ok)
    throw new CliError(
      text(
        `--weights：${w.problem.message.zh}（可用 settings、equal、safety 或 6 个数，如 1,1,1,1,1,2）`,
        `--weights: ${w.problem.message.en} (use settings, equal, safety or six numbers such as 1,1,1,1,1,2)`,
      ),
      2,
    );
  return w.value;
}

async function checklistOption(ctx: CommandContext): Promise<ChecklistItem[]> {
  const file = optionalString(ctx, "checklist");
  let items: ChecklistItem[] = [...DEFAULT_CHECKLIST];
  if (file !== undefined) {
    let rows;
    try {
      rows = (await readTableFile(resolvePath(ctx, file))).values;
    } catch (e) {
      if (e instanceof ProblemError) throw e;
      throw new CliError(text(`无法读取 --checklist ${file}`, `cannot read --checklist ${file}`), 1);
    }
    const r = readChecklistTable(rows);
    if (!r.ok)
      throw new CliError(
        text(`--checklist ${file}：${r.problem.message.zh}`, `--checklist ${file}: ${r.problem.message.en}`),
        1,
      );
    items = [...r.value];
  }
  const critical = optionalString(ctx, "critical");
  if (critical !== undefined) {
    for (const part of splitList(critical)) {
      const n = Number(part);
      if (!Number.isInteger(n) || n < 1 || n > items.length) {
        throw new CliError(
          text(
            `--critical：“${part}”不是 1 到 ${items.length} 之间的检查项序号`,
            `--critical: "${part}" is not an item number from 1 to ${items.length}`,
          ),
          2,
        );
      }
      items[n - 1] = { ...items[n - 1], critical: true };
    }
  }
  return items;
}

export const audit6sCommand: Command = {
  ...AUDIT6S,
  async run(ctx) {
    const areas = splitList(requireString(ctx, "areas"));
    const out = resolvePath(ctx, requireString(ctx, "out"));
    const input = optionalString(ctx, "in");
    const inPath = input === undefined ? undefined : resolvePath(ctx, input);
    const checklistFile = optionalString(ctx, "checklist");
    checkOutput(out, {
      force: flag(ctx, "force"),
      inputs: [inPath, checklistFile === undefined ? undefined : resolvePath(ctx, checklistFile)],
      extension: outExtension(inPath),
    });
    const date =
      optionalString(ctx, "date") === undefined ? todaySerial(ctx) : dateOption(requireString(ctx, "date"), "date");
    const scaleText = optionalString(ctx, "scale");
    const scale = scaleText === undefined ? { ok: true as const, value: "0-5" as const } : parseScaleId(scaleText);
    if (!scale.ok)
      throw new CliError(text(`--scale：${scale.problem.message.zh}`, `--scale: ${scale.problem.message.en}`), 2);
    const weights = weightsOption(optionalString(ctx, "weights"));
    const checklist = await checklistOption(ctx);

    const wb = inPath === undefined ? null : await loadWorkbook(inPath);
    // A 考核参数 with a value that cannot be read refuses here (a ProblemError main() prints).
    const { settings, add } = await workbookSettings(wb, ctx.locale);
    const r = audit6sPlan({
      areas,
      date,
      inspector: optionalString(ctx, "inspector"),
      unit: optionalString(ctx, "unit"),
      scale: scale.value,
      checklist,
      weights,
      locale: ctx.locale,
      settings,
      entries: flag(ctx, "demo") ? demoEntries(checklist, areas.length, scale.value, date, ctx.locale) : undefined,
    });
    if (!r.ok) throw new CliError(describeProblem(r.problem), r.problem.kind === "value" ? 2 : 1);
    const plan = { sheets: [...add, r.value.plan], activate: add.length };
    const sheets = await writeWorkbook(wb, plan, out);
    ctx.out(pick(text(`已写入 ${out}：${sheets.join("、")}`, `wrote ${out}: ${sheets.join(", ")}`), ctx.locale));
    for (const note of r.value.plan.notes ?? []) ctx.out(pick(note, ctx.locale));
  },
};
