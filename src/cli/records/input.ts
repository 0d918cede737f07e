/**
 * What the record commands (call-log, conduct-log, return-visits) share: an optional input table
 * (an .xlsx sheet — the first visible or --sheet — or a .csv) read as the user has it, and the
 * settings the generated formulas reference (the input workbook's own 考核参数 when it has one,
 * else the defaults with the settings sheet to add). The input is only read.
 */
import { extname } from "node:path";
import { text, type Text } from "../../core/i18n/text";
import type { Settings } from "../../core/settings";
import type { SheetPlan } from "../../sheets/plan";
import { settingsForGeneration } from "../../sheets/settings";
import { parseDateTime } from "../../core/dates/parseDateTime";
import { dateToSerial } from "../../core/dates/serial";
import { CliError, type CommandContext } from "../command";
import { flag, optionalString, requireString } from "../args";
import { checkOutput, loadInputBook, resolvePath } from "../io";
import { readerOf, readInputTable, workbookSettings } from "../workbook";

export interface RecordInput {
  /** The table's cells, header row first; empty when there is no input. */
  readonly values: readonly (readonly unknown[])[];
  readonly firstRow: number;
  readonly settings: Settings;
  /** The 考核参数 sheet to add when the input has none. */
  readonly extra: readonly SheetPlan[];
  /** Where the records came from, for messages. */
  readonly source: Text | null;
}

export async function readRecordInput(
  ctx: CommandContext,
  input: string | undefined,
  sheet: string | undefined,
): Promise<RecordInput> {
  if (input === undefined) {
    if (sheet !== undefined) throw new CliError(text("--sheet 需要与 --in 一起使用", "--sheet needs --in"), 2);
    const { settings, add } = await workbookSettings(null, ctx.locale);
    return { values: [], firstRow: 1, settings, extra: add, source: null };
  }
  const ext = extname(input).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") {
    const book = await loadInputBook(input);
    const { settings, add } = await settingsForGeneration(readerOf(book), ctx.locale);
    const { range, source } = await readInputTable(ctx, input, sheet, book);
    return { values: range.values, firstRow: range.firstRow, settings, extra: add, source };
  }
  const { range, source } = await readInputTable(ctx, input, sheet, null);
  const { settings, add } = await workbookSettings(null, ctx.locale);
  return { values: range.values, firstRow: range.firstRow, settings, extra: add, source };
}

/** A whole number option within [min, max]. */
export function wholeOption(value: string | undefined, option: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(
      text(
        `--${option} 应为 ${min} 到 ${max} 的整数（现为“${value}”）`,
        `--${option} must be a whole number from ${min} to ${max} (got "${value}")`,
      ),
      2,
    );
  return n;
}

/** A date-time option (2026-10-28 09:00, 2026-10-28) as a serial; absent = now on the command's clock. */
export function momentOption(ctx: CommandContext, value: string | undefined, option: string): number {
  if (value === undefined) {
    const now = dateToSerial(ctx.now(), "local");
    if (!now.ok) throw new CliError(now.problem.message, 1);
    return now.value;
  }
  const d = parseDateTime(value, text(`--${option}`, `--${option}`));
  if (!d.ok || d.value === null)
    throw new CliError(
      text(
        `--${option} 不是日期时间：“${value}”（例如 2026-10-28 09:00）`,
        `--${option} is not a date-time: "${value}" (e.g. 2026-10-28 09:00)`,
      ),
      2,
    );
  return d.value;
}

export interface RecordFiles {
  readonly input: string | undefined;
  readonly out: string;
  readonly json: string | undefined;
}

/**
 * The command's files, resolved, with every refusal (an existing --out or --json without
 * --force, an output that is the input) made before any work, so nothing is half-written.
 */
export function recordFiles(ctx: CommandContext): RecordFiles {
  const inText = optionalString(ctx, "in");
  const input = inText === undefined ? undefined : resolvePath(ctx, inText);
  const out = resolvePath(ctx, requireString(ctx, "out"));
  const jsonText = optionalString(ctx, "json");
  const json = jsonText === undefined ? undefined : resolvePath(ctx, jsonText);
  const force = flag(ctx, "force");
  const inputs = input === undefined ? [] : [input];
  checkOutput(out, { force, inputs });
  if (json !== undefined) checkOutput(json, { force, inputs, others: [out], option: "--json", extension: null });
  return { input, out, json };
}
