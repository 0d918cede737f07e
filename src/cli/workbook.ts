/**
 * What a command takes from an input workbook: its settings, decided by sheets/settings over the
 * .xlsx reader port exactly as a pane decides over its host, and the sheet --sheet names.
 */
import { text, type Locale } from "../core/i18n/text";
import { settingsForGeneration, type GenerationSettings } from "../sheets/settings";
import { EMPTY_WORKBOOK, type WorkbookReader } from "../sheets/reader";
import type { XlsxBook, XlsxSheetInfo } from "../xlsx/readXlsx";
import { xlsxBookReader } from "../xlsx/reader";
import { CliError } from "./command";
import { isInputWorkbook, type InputWorkbook } from "./io";

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
