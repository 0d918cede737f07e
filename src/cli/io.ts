/**
 * File work every command shares: reading an input workbook, the settings it holds (or the
 * 考核参数 sheet to add when it has none), reading its sheets, and writing a new output file —
 * never the input, never an existing file unless --force.
 */
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { text, type Locale } from "../core/i18n/text";
import { DEFAULT_SETTINGS, SETTING_NAMES, type Settings } from "../core/settings";
import { parseDateTime } from "../core/dates";
import type { Problem } from "../core/problem";
import { settingsFromNames, settingsPlan } from "../sheets/settings";
import type { RangeData, SheetPlan, WorkbookPlan } from "../sheets/plan";
import {
  addPlansToWorkbook,
  readNamesFromWorkbook,
  readWorksheetRange,
  workbookToBuffer,
  worksheetToRangeData,
  XLSX_LIMITATIONS,
} from "../xlsx";
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

/**
 * The settings a workbook holds (its 考核参数 names), or the defaults plus the settings sheet to
 * add so that the generated formulas find SVC_6S_Rating_* and SVC_6S_Weights.
 */
export function workbookSettings(
  wb: ExcelJS.Workbook | null,
  locale: Locale,
): { settings: Settings; add: SheetPlan[]; problems: readonly Problem[] } {
  if (wb) {
    const back = settingsFromNames(readNamesFromWorkbook(wb, Object.values(SETTING_NAMES)));
    if (back.found) return { settings: back.settings, add: [], problems: back.problems };
  }
  return { settings: DEFAULT_SETTINGS, add: [settingsPlan(DEFAULT_SETTINGS, locale)], problems: [] };
}

/** A range reader over an exceljs workbook: the used range of the named sheet (the reader indexes by row and column). */
export function workbookReader(wb: ExcelJS.Workbook) {
  return async (sheetName: string): Promise<RangeData> => {
    const ws = wb.getWorksheet(sheetName);
    if (!ws) throw new CliError(text(`找不到工作表“${sheetName}”`, `no worksheet "${sheetName}"`), 1);
    return worksheetToRangeData(wb, ws);
  };
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
  const refused = (e: unknown) => {
    const t = (e as { text?: { zh: string; en: string } }).text;
    return new CliError(
      t ?? text(`无法生成工作表：${(e as Error).message}`, `cannot generate the sheets: ${(e as Error).message}`),
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

/** A problem with its place: "第 12 行“评分”列：…" / "row 12, column “Score”: …". */
export function problemText(p: Problem): { zh: string; en: string } {
  if (p.row === undefined) return p.message;
  const col = p.column ? text(`“${p.column}”列`, `, column “${p.column}”`) : text("", "");
  return text(`第 ${p.row} 行${col.zh}：${p.message.zh}`, `row ${p.row}${col.en}: ${p.message.en}`);
}

/** The values of `address` on a sheet of the workbook (formula cells: their cached results). */
export function readWorkbookRange(wb: ExcelJS.Workbook, sheetName: string, address: string): RangeData {
  const range = readWorksheetRange(wb, sheetName, address);
  if (!range) throw new CliError(text(`找不到工作表“${sheetName}”`, `no worksheet "${sheetName}"`), 1);
  return range;
}
