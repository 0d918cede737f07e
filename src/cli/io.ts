/**
 * File work every command shares: reading an input workbook and writing a new output file —
 * never the input, never an existing file unless --force. What a command takes from an input
 * workbook (its settings, a sheet) is in ./workbook.ts.
 */
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { text } from "../core/i18n/text";
import { parseDateTime } from "../core/dates";
import { ProblemError } from "../core/problem";
import type { WorkbookPlan } from "../sheets/plan";
import { addPlansToWorkbook, workbookToBuffer, XLSX_LIMITATIONS } from "../xlsx";
import { writeXlsxFile } from "../xlsx/node";
import { CliError, type CommandContext } from "./command";

/** An absolute path for a path option (relative to the command's working directory). */
export function resolvePath(ctx: CommandContext, path: string): string {
  return resolve(ctx.cwd, path);
}

/** Checks --out before any work: an .xlsx path, not the input, and not an existing file without --force. */
export function checkOut(out: string, options: { force: boolean; input?: string }): void {
  if (!/\.xlsx$/i.test(out))
    throw new CliError(text(`--out 必须是 .xlsx 文件：${out}`, `--out must be an .xlsx file: ${out}`), 2);
  if (options.input !== undefined && resolve(options.input) === resolve(out)) {
    throw new CliError(
      text(
        "--out 不能与 --in 相同：输入文件从不修改，请另取一个文件名",
        "--out cannot be the --in file: the input is never modified; choose another file name",
      ),
      2,
    );
  }
  if (existsSync(out) && !options.force) {
    throw new CliError(
      text(`${out} 已存在；要覆盖请加 --force`, `${out} already exists; add --force to overwrite it`),
      1,
    );
  }
}

/** Loads an .xlsx workbook, with a one-line message when it cannot be read. */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(text(`无法打开 ${path}（${code}）`, `cannot open ${path} (${code})`), 1);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new CliError(
      text(
        `${path} 不是可读取的 .xlsx 文件（${(e as Error).message}）`,
        `${path} is not a readable .xlsx file (${(e as Error).message})`,
      ),
      1,
    );
  }
  return wb;
}

/** Writes the workbook to `out`, with a one-line message when the file cannot be written. */
export async function saveWorkbook(wb: ExcelJS.Workbook, out: string): Promise<void> {
  try {
    await writeFile(out, await workbookToBuffer(wb));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(text(`无法写入 ${out}（${code}）`, `cannot write ${out} (${code})`), 1);
  }
}

/**
 * Writes the plan to `out`: as a new file (the streaming .xlsx writer) when `wb` is null, else
 * added to a copy of the loaded workbook `wb`. Returns the sheet names actually used.
 */
export async function writeWorkbook(
  wb: ExcelJS.Workbook | null,
  plan: WorkbookPlan | readonly WorkbookPlan[],
  out: string,
): Promise<string[]> {
  // A refused plan is a ProblemError (main() prints it with its place); anything else is wrapped.
  const refused = (e: unknown): ProblemError => {
    if (e instanceof ProblemError) return e;
    return new CliError(
      text(`无法生成工作表：${(e as Error).message}`, `cannot generate the sheets: ${(e as Error).message}`),
      1,
    );
  };
  if (wb === null) {
    try {
      const report = await writeXlsxFile(plan, out);
      return report.sheets.map((s) => s.actual);
    } catch (e) {
      await rm(out, { force: true }); // never leave half a file behind
      const code = (e as NodeJS.ErrnoException).code;
      if (code) throw new CliError(text(`无法写入 ${out}（${code}）`, `cannot write ${out} (${code})`), 1);
      throw refused(e);
    }
  }
  let report;
  try {
    report = addPlansToWorkbook(
      wb,
      "sheets" in plan ? (plan as WorkbookPlan) : { sheets: plan.flatMap((p) => p.sheets) },
    );
  } catch (e) {
    throw refused(e);
  }
  await saveWorkbook(wb, out);
  return report.sheets.map((s) => s.actual);
}

/**
 * The charts note: printed when the plan has charts and was added to an existing workbook
 * (`addedTo`), whose copy is still re-saved by exceljs; new files have their charts.
 */
export function chartsNote(
  plan: WorkbookPlan,
  addedTo: ExcelJS.Workbook | null = null,
): { zh: string; en: string } | null {
  if (addedTo === null || !plan.sheets.some((s) => (s.charts?.length ?? 0) > 0)) return null;
  return XLSX_LIMITATIONS.find((l) => l.feature === "charts")?.note ?? null;
}

/** A date option (2026-11-20, 2026/11/20, 2026年11月20日) as a whole-day serial. */
export function dateOption(value: string, option: string): number {
  const d = parseDateTime(value, text(`--${option}`, `--${option}`));
  if (!d.ok || d.value === null) {
    throw new CliError(
      text(
        `--${option} 不是日期：“${value}”（例如 2026-11-20）`,
        `--${option} is not a date: "${value}" (e.g. 2026-11-20)`,
      ),
      2,
    );
  }
  return Math.floor(d.value);
}

/** Today as a whole-day serial (the command's clock). */
export function todaySerial(ctx: CommandContext): number {
  const now = ctx.now();
  return dateOption(`${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`, "date");
}
