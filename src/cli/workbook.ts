/**
 * What a command takes from an input workbook: its settings, decided by sheets/settings over the
 * .xlsx reader port exactly as a pane decides over its host, and the sheet --sheet names.
 */
import { text, type Locale, type Text } from "../core/i18n/text";
import { settingsForGeneration, type GenerationSettings } from "../sheets/settings";
import { EMPTY_WORKBOOK, type WorkbookReader } from "../sheets/reader";
import type { RangeData } from "../sheets/plan";
import type { XlsxBook, XlsxSheetInfo } from "../xlsx/readXlsx";
import { readTableFile } from "../xlsx/readFile";
import { xlsxBookReader } from "../xlsx/reader";
import { CliError, type CommandContext } from "./command";
import { isInputWorkbook, notesOf, type InputWorkbook } from "./io";
import { printTextNotes } from "./notes";

/**
 * The reader port over a command's workbook: an --in workbook (read by the safe reader, the
 * sheets to be grafted into its package), an input file opened with the safe reader, or none
 * (an empty workbook).
 */
export function readerOf(wb: InputWorkbook | XlsxBook | null): WorkbookReader {
  if (wb === null) return EMPTY_WORKBOOK;
  return xlsxBookReader(isInputWorkbook(wb) ? wb.book : wb);
}

/**
 * The settings of the input workbook (null: a command without one) as every generator needs
 * them: decided by sheets/settings `settingsForGeneration` over the .xlsx reader, exactly as a
 * pane decides over its host (a 考核参数 sheet found by marker or by its names; otherwise the
 * defaults plus the settings sheet to add so that generated formulas find their names).
 */
export function workbookSettings(wb: InputWorkbook | XlsxBook | null, locale: Locale): Promise<GenerationSettings> {
  return settingsForGeneration(readerOf(wb), locale);
}

/**
 * The sheet --sheet names (exactly, else ignoring case), or the first visible one; refused with
 * the sheets there are.
 */
export function chooseSheet(book: XlsxBook, sheet: string | undefined, input: string): XlsxSheetInfo {
  const ws = sheet === undefined ? book.defaultSheet() : book.sheet(sheet);
  if (!ws) {
    const names = book.sheets.map((w) => w.name).join(", ");
    throw new CliError(
      text(
        `${input} 中没有工作表“${sheet ?? ""}”（现有：${names}）`,
        `${input} has no worksheet "${sheet ?? ""}" (it has: ${names})`,
      ),
      1,
    );
  }
  return ws;
}

/** The file's name without its folders, for messages. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * An input's table as the user has it: the chosen sheet of the opened .xlsx (`book`), or the
 * .csv when there is no book (--sheet refused there); its reading notes printed. Only read.
 */
export async function readInputTable(
  ctx: CommandContext,
  input: string,
  sheet: string | undefined,
  book: XlsxBook | null,
): Promise<{ readonly range: RangeData; readonly source: Text }> {
  const file = baseName(input);
  if (book) {
    const ws = chooseSheet(book, sheet, input);
    const range = book.readUsedRange(ws.name, { fillMerged: true });
    printTextNotes(ctx, notesOf(book, ws.name, sheet === undefined, range.notes));
    return { range, source: text(`${file} › ${ws.name}`, `${file} › ${ws.name}`) };
  }
  if (sheet !== undefined)
    throw new CliError(text("--sheet 只适用于 .xlsx 文件", "--sheet applies to .xlsx files only"), 2);
  // A file that cannot be read rejects with TableReadError, a ProblemError main() prints.
  const range = await readTableFile(input, { kind: "csv" });
  printTextNotes(ctx, range.notes);
  return { range, source: text(file, file) };
}
