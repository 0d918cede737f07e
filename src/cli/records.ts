/**
 * What the record commands (parts-ledger, warranty-parts, claims) share: reading an input table
 * (.csv or .xlsx, first sheet) through a core reader that names the row and column of any cell
 * it cannot read, and the --out/--json checks made before any work.
 */
import { text, type Text } from "../core/i18n/text";
import type { Result } from "../core/problem";
import { describeProblem, ProblemError } from "../core/problem";
import { readTableFile } from "../xlsx/readFile";
import { optionalString, requireString, flag } from "./args";
import { CliError, type CommandContext } from "./command";
import { checkOutput, resolvePath } from "./io";

/** The rows of the file given to `--<option>`, read by `read`; a problem names the file, row and column. */
export async function readRecordFile<T>(
  ctx: CommandContext,
  option: string,
  read: (rows: readonly (readonly unknown[])[]) => Result<T>,
): Promise<T> {
  const file = resolvePath(ctx, requireString(ctx, option));
  let rows: readonly (readonly unknown[])[];
  try {
    rows = (await readTableFile(file)).values;
  } catch (e) {
    if (e instanceof ProblemError) throw e;
    throw new CliError(text(`无法读取 --${option} ${file}`, `cannot read --${option} ${file}`), 1);
  }
  const r = read(rows);
  if (!r.ok) {
    const where: Text = describeProblem(r.problem);
    throw new CliError(text(`--${option} ${file}：${where.zh}`, `--${option} ${file}: ${where.en}`), 1);
  }
  return r.value;
}

/** --out (required) and --json (optional), checked against the inputs before any work. */
export function recordOutputs(ctx: CommandContext, inputOptions: readonly string[]): { out: string; json?: string } {
  const out = resolvePath(ctx, requireString(ctx, "out"));
  const jsonText = optionalString(ctx, "json");
  const json = jsonText === undefined ? undefined : resolvePath(ctx, jsonText);
  const inputs = inputOptions
    .map((o) => optionalString(ctx, o))
    .map((p) => (p === undefined ? undefined : resolvePath(ctx, p)));
  const force = flag(ctx, "force");
  checkOutput(out, { force, inputs });
  if (json !== undefined) checkOutput(json, { force, inputs, others: [out], option: "--json", extension: null });
  return json === undefined ? { out } : { out, json };
}

/** A whole number of blank rows from `--<option>` (default `fallback`, 0 to 5,000). */
export function blankRowsOption(ctx: CommandContext, option: string, fallback: number): number {
  const v = optionalString(ctx, option);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 5000)
    throw new CliError(
      text(
        `--${option} 应为 0 到 5000 之间的整数（是“${v}”）`,
        `--${option} must be a whole number from 0 to 5000 (it is “${v}”)`,
      ),
      2,
    );
  return n;
}

/**
 * The records of `--<option> FILE`, or the sample with `--demo`; without either, a usage error
 * naming the option.
 */
export async function recordsOrSample<T>(
  ctx: CommandContext,
  option: string,
  sample: T,
  read: (rows: readonly (readonly unknown[])[]) => Result<T>,
): Promise<T> {
  if (flag(ctx, "demo")) return sample;
  if (optionalString(ctx, option) === undefined)
    throw new CliError(
      text(`需要 --${option} 文件（或 --demo 示例数据）`, `--${option} FILE is needed (or --demo for sample data)`),
      2,
    );
  return readRecordFile(ctx, option, read);
}
