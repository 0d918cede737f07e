/**
 * What a command takes from an input workbook: its settings, decided by sheets/settings over the
 * .xlsx reader exactly as a pane decides over its host, and the sheet --sheet names.
 */
import type ExcelJS from "exceljs";
import { text, type Locale } from "../core/i18n/text";
import { settingsForGeneration, type GenerationSettings } from "../sheets/settings";
import { EMPTY_WORKBOOK } from "../sheets/reader";
import { workbookReader } from "../xlsx/reader";
import { CliError } from "./command";

/**
 * The settings of the input workbook (null: a command without one) as every generator needs
 * them: decided by sheets/settings `settingsForGeneration` over the .xlsx reader, exactly as a
 * pane decides over its host (a 考核参数 sheet found by marker or by its names; otherwise the
 * defaults plus the settings sheet to add so that generated formulas find their names).
 */
export function workbookSettings(wb: ExcelJS.Workbook | null, locale: Locale): Promise<GenerationSettings> {
  return settingsForGeneration(wb ? workbookReader(wb) : EMPTY_WORKBOOK, locale);
}

/** The sheet --sheet names (exactly, else ignoring case), or the first one; refused with the sheets there are. */
export function chooseWorksheet(wb: ExcelJS.Workbook, sheet: string | undefined, input: string): ExcelJS.Worksheet {
  const ws =
    sheet === undefined
      ? wb.worksheets[0]
      : (wb.getWorksheet(sheet) ?? wb.worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase()));
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(", ");
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
