/**
 * Reading user tables from .xlsx/.csv bytes (the safe reader, readXlsx.ts, and the CSV
 * reader). Browser-safe (no Node APIs); `readTableFile` in ./readFile.ts adds file paths for Node.
 */
import { text, type Text } from "../core/i18n/text";
import type { RangeData } from "../sheets/plan";
import { notAPackage, PackageError, sniff } from "./package/open";
import { ENCODING_NAMES, readCsv, TableReadError, type CsvEncoding } from "./readCsv";
import { openXlsx } from "./readXlsx";

export { csvToRangeData, decodeCsv, decodeCsvBytes, readCsv, TableReadError } from "./readCsv";

export interface ReadTableOptions {
  /** Worksheet to read (xlsx); the first visible sheet when absent. */
  readonly sheet?: string;
  /** File kind; detected from the bytes when absent. */
  readonly kind?: "xlsx" | "csv";
  /** Sheet name reported for CSV input (e.g. the file name). Default "CSV". */
  readonly csvName?: string;
}

/** A table read from a file, with what the user should know about how it was read. */
export interface TableRead extends RangeData {
  /** E.g. the encoding a CSV was read in, a hidden first sheet passed over, merged cells filled. */
  readonly notes: readonly Text[];
}

/**
 * Reads a table from .xlsx or .csv bytes: the first visible sheet (or `sheet`), its used range.
 * Throws TableReadError with a one-line bilingual message for anything it cannot read.
 */
export async function readTableData(bytes: Uint8Array, options: ReadTableOptions = {}): Promise<TableRead> {
  const sniffed = sniff(bytes);
  const kind = options.kind ?? (sniffed === "zip" || sniffed === "cfb" ? "xlsx" : "csv");
  if (kind === "csv") return csvTable(bytes, options.csvName);
  try {
    const book = openXlsx(bytes);
    const chosen = options.sheet === undefined ? book.defaultSheet() : book.sheet(options.sheet);
    if (!chosen) {
      const names = book.sheets.map((w) => w.name).join(", ");
      throw new TableReadError(
        options.sheet === undefined
          ? text("文件中没有可见的工作表", "The file has no visible worksheet")
          : text(
              `找不到工作表“${options.sheet}”（现有：${names}）`,
              `No worksheet "${options.sheet}" (the file has: ${names})`,
            ),
      );
    }
    const read = book.readUsedRange(chosen.name, { fillMerged: true });
    const skipped = options.sheet === undefined ? book.sheets.slice(0, book.sheets.indexOf(chosen)) : [];
    const notes =
      skipped.length > 0
        ? [
            text(
              `读取的是第一个可见的工作表“${chosen.name}”（隐藏的工作表“${skipped.map((x) => x.name).join("”“")}”未读取）`,
              `read the first visible sheet "${chosen.name}" (hidden sheet ${skipped.map((x) => `"${x.name}"`).join(", ")} not read)`,
            ),
            ...read.notes,
          ]
        : read.notes;
    return { ...read, notes };
  } catch (e) {
    if (e instanceof PackageError) throw new TableReadError(e.text);
    throw e;
  }
}

/**
 * CSV bytes as a table (refused with TableReadError when they are a workbook, empty, or no known
 * encoding), with a note naming the encoding when it was not UTF-8. The table reads its rows
 * from the bytes (see readCsv).
 */
export function csvTable(bytes: Uint8Array, csvName?: string): TableRead {
  const sniffed = sniff(bytes);
  if (sniffed === "zip" || sniffed === "cfb" || sniffed === "empty") throw new TableReadError(csvRefusal(bytes));
  const { range, encoding } = readCsv(bytes, csvName);
  const notes = encoding === "utf-8" ? [] : [encodingNote(encoding)];
  return { ...range, notes };
}

/** Why bytes given as CSV cannot be read as CSV. */
function csvRefusal(bytes: Uint8Array): Text {
  const s = sniff(bytes);
  if (s === "empty") return text("文件是空的（0 字节）", "the file is empty (0 bytes)");
  if (s === "zip" || s === "cfb")
    return text(
      "文件是 Excel 工作簿（或其他压缩文件），不是 CSV：请按 .xlsx 提供",
      "the file is an Excel workbook (or another zip file), not a CSV: give it as .xlsx",
    );
  return notAPackage(bytes).text;
}

export function encodingNote(encoding: CsvEncoding): Text {
  const name = ENCODING_NAMES[encoding];
  return text(`CSV 文件按 ${name.zh} 编码读取`, `the CSV file was read as ${name.en}`);
}
