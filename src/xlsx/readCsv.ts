/**
 * CSV bytes → cells, with nothing lost or altered on the way:
 * - the encoding is detected (BOM; UTF-16 without BOM; UTF-8; GB18030/GBK as Chinese Excel
 *   saves CSV; Windows-1252/Latin-1 as Western Excel does) and said, never guessed silently:
 *   bytes that fit no encoding well are refused with a message naming the choices;
 * - every cell stays the text it is in the file. CSV has no types: "20261005001", "007",
 *   "1e999", "1,200" reach the core's parsers as written, and those parsers (toNumber,
 *   parseDateTime) decide what a column's text means. Identifiers therefore stay text;
 * - line endings may be CRLF, LF or a lone CR, mixed within one file (exports concatenated
 *   from several systems); a quoted cell keeps its own line breaks exactly as written;
 * - a quote that is never closed refuses the file, naming the line it opens on.
 * Browser-safe.
 */
import Papa from "papaparse";
import { text, type Text } from "../core/i18n/text";
import { problem, ProblemError } from "../core/problem";
import { formatRange, MAX_ROWS, rectFrom } from "../sheets/formula/a1";
import { lazyRows } from "../sheets/formula/lazyRows";
import type { RangeData, Scalar } from "../sheets/plan";

/** Cells (rows × the widest row) a CSV may fill; the .xlsx reader's limit is the same. */
export const MAX_CSV_CELLS = 30_000_000;

export class TableReadError extends ProblemError {
  constructor(text: Text) {
    super(problem("value", text));
    this.name = "TableReadError";
  }

  /** The same as `problem.message` (kept for existing callers). */
  get text(): Text {
    return this.problem.message;
  }
}

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "windows-1252";

export const ENCODING_NAMES: Readonly<Record<CsvEncoding, Text>> = {
  "utf-8": text("UTF-8", "UTF-8"),
  "utf-16le": text("UTF-16（Unicode 文本）", "UTF-16 (Unicode text)"),
  "utf-16be": text("UTF-16 BE", "UTF-16 BE"),
  gb18030: text("GB18030/GBK（简体中文）", "GB18030/GBK (Simplified Chinese)"),
  "windows-1252": text("Windows-1252/Latin-1（西欧）", "Windows-1252/Latin-1 (Western European)"),
};

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

function decodeWith(encoding: CsvEncoding, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * How the non-ASCII bytes of a file look as GB18030: the share of two-byte characters that lie
 * in GB2312's range (both bytes 0xA1–0xFE: the everyday simplified characters). Chinese text is
 * almost all there; Latin-1 text decoded as GBK pairs an accented letter with the ASCII byte
 * after it ("é," → one GBK character), which never is.
 */
function gb2312Share(bytes: Uint8Array): { pairs: number; share: number } {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const t = bytes[i + 1] ?? 0;
    if (b >= 0x81 && b <= 0xfe && t >= 0x30 && t <= 0x39) {
      i += 3; // a four-byte GB18030 sequence
      pairs++;
      continue;
    }
    pairs++;
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) common++;
    i++;
  }
  return { pairs, share: pairs === 0 ? 1 : common / pairs };
}

/** Latin-1 text: every non-ASCII byte stands alone or in short runs, and is a letter or sign of 0xA0–0xFF. */
function looksLatin(bytes: Uint8Array): boolean {
  let run = 0;
  for (const b of bytes) {
    if (b < 0x80) {
      run = 0;
      continue;
    }
    run++;
    if (run > 3) return false;
  }
  return true;
}

/** UTF-16 without a BOM: NUL bytes in every other position (ASCII letters in 16 bits). */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.3 && evenNul < half * 0.05) return "utf-16le";
  if (evenNul > half * 0.3 && oddNul < half * 0.05) return "utf-16be";
  return null;
}

/**
 * Decodes CSV bytes and says which encoding it took. Refuses (TableReadError) bytes that fit
 * none well, rather than turning José into Jos� or 张三 into mojibake.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const decoded = detectAndDecode(bytes);
  // NUL never occurs in text: these bytes are a binary file (a picture, a database, an .xls).
  if (decoded.text.includes("\u0000"))
    throw new TableReadError(
      text(
        "文件不是文本（含有二进制数据），不能按 CSV 读取",
        "the file is not text (it holds binary data) and cannot be read as CSV",
      ),
    );
  return decoded;
}

function detectAndDecode(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  const wide = utf16WithoutBom(bytes);
  if (wide) {
    const t = decodeWith(wide, bytes, true);
    if (t !== null) return { text: t, encoding: wide };
  }
  const utf8 = decodeWith("utf-8", bytes, true);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  const gb = decodeWith("gb18030", bytes, true);
  const { share } = gb2312Share(bytes);
  if (gb !== null && share >= 0.8) return { text: gb, encoding: "gb18030" };
  if (looksLatin(bytes)) {
    const latin = decodeWith("windows-1252", bytes, false);
    if (latin !== null) return { text: latin, encoding: "windows-1252" };
  }
  if (gb !== null && share >= 0.5) return { text: gb, encoding: "gb18030" };
  throw new TableReadError(
    text(
      "无法识别 CSV 文件的编码（不是 UTF-8、UTF-16、GB18030/GBK 或 Windows-1252）：请在 Excel 中另存为“CSV UTF-8”",
      'the CSV file\'s encoding cannot be recognised (not UTF-8, UTF-16, GB18030/GBK or Windows-1252): save it as "CSV UTF-8" in Excel',
    ),
  );
}

/** Decodes CSV bytes (see {@link decodeCsv}); the text only. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  return decodeCsv(bytes).text;
}

/**
 * One record ending for papaparse, which detects a single one per file: CRLF and a lone CR
 * outside quotes become LF. Inside a quoted cell nothing changes, so a cell's own line breaks
 * (and a leading CR) read back exactly as written.
 */
/**
 * The record separator of a file whose records all end alike outside quotes: "\n" (or none), or
 * "\r\n" (what Excel writes); null for a mix or a lone CR, which `recordEndsToLf` normalises.
 * Excel's own CRLF files are then read in place: normalising them made a second copy of the whole
 * text (a 100,000-order export: 38 MB more while reading).
 */
function uniformRecordEnd(csv: string): "\n" | "\r\n" | null {
  if (!csv.includes("\r")) return "\n";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 13 && csv.charCodeAt(i + 1) !== 10) return null;
    else if (c === 10 && csv.charCodeAt(i - 1) !== 13) return null;
  }
  return "\r\n";
}

function recordEndsToLf(csv: string): string {
  let out = "";
  let from = 0;
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 13 && !quoted) {
      out += csv.slice(from, i) + "\n";
      from = csv.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (from === i + 2) i++;
    }
  }
  return out + csv.slice(from);
}

/**
 * The field separator, from the first non-empty line only (the header): the one of comma, tab
 * (Excel's "Unicode text"), semicolon (Excel in locales with a decimal comma) that occurs most
 * outside quotes; comma when none does. papaparse's own guess looks at data rows too, where a
 * cell full of "|" or ";" can outvote the header and turn every row into one cell.
 */
function delimiterOf(csv: string): string {
  const start = csv.search(/\S/);
  if (start < 0) return ",";
  const counts: Record<string, number> = { ",": 0, "\t": 0, ";": 0 };
  let quoted = false;
  for (let i = start; i < csv.length; i++) {
    const c = csv[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "\n") break;
    else if (!quoted && c in counts) counts[c]!++;
  }
  let best = ",";
  for (const d of ["\t", ";"]) if (counts[d]! > counts[best]!) best = d;
  return best;
}

/**
 * A cell's text that does not keep the whole file alive. papaparse's cells are substrings of the
 * file's text, and V8 keeps a substring of 13 or more characters as a view into its parent: one
 * such cell kept anywhere (an order ID, a reported value) keeps the whole decoded file in memory
 * (26 MB for a 100,000-order export). Concatenating and slicing makes the engine copy the
 * characters into a string of their own; short cells are copies already.
 */
function ownString(v: string): string {
  return v.length < 13 ? v : (" " + v).slice(1);
}

/**
 * CSV text → RangeData. Blank cells are null; every other cell is the text in the file. Row
 * numbers are the file's records (header = row 1); empty records inside the data are kept as
 * empty rows, trailing empty records are dropped. Any mix of CRLF, LF and CR ends a record;
 * inside quotes they are the cell's own.
 *
 * The cells are not all made at once: one pass of papaparse checks the quotes and notes where
 * each record starts and how wide it is, and `values` is lazy (lazyRows): a row's cells are
 * split from its record when the row is read, and dropped after. A 100,000-order export then
 * never holds its two million cells at the same time as the orders parsed from them.
 */
export function csvToRangeData(csv: string, sheetName = "CSV"): RangeData {
  const uniform = uniformRecordEnd(csv);
  const newline = uniform ?? "\n";
  const normalised = uniform === null ? recordEndsToLf(csv) : csv;
  const delimiter = delimiterOf(normalised);
  const options = { header: false, skipEmptyLines: false, dynamicTyping: false, newline, delimiter } as const;
  const starts: number[] = [];
  const lengths: number[] = [];
  let lastNonEmpty = -1;
  let cursor = 0;
  let fatal: { code: string; record: number } | null = null;
  Papa.parse<string[]>(normalised, {
    ...options,
    step: (result, parser) => {
      const quotes = result.errors.find((e) => e.type === "Quotes");
      if (quotes) {
        fatal = { code: quotes.code, record: starts.length + 1 };
        parser.abort();
        return;
      }
      const cells = result.data;
      if (cells.some((v) => v !== "")) lastNonEmpty = starts.length;
      starts.push(cursor);
      lengths.push(cells.length);
      cursor = result.meta.cursor;
    },
  });
  if (fatal !== null) {
    const { code, record } = fatal as { code: string; record: number };
    throw new TableReadError(
      code === "MissingQuotes"
        ? text(
            `CSV 第 ${record} 行：引号（"）打开后没有关闭，其后的内容无法分行；请检查该行`,
            `CSV row ${record}: a quote (") opens a cell that is never closed, so the rows after it cannot be told apart; check that row`,
          )
        : text(
            `CSV 第 ${record} 行：引号（"）位置不对（带引号的单元格在结束引号后还有字符）`,
            `CSV row ${record}: a misplaced quote (") — a quoted cell has characters after its closing quote`,
          ),
    );
  }
  const count = lastNonEmpty + 1;
  if (count > MAX_ROWS) {
    throw new TableReadError(
      text(
        `CSV 文件有 ${count.toLocaleString("en-US")} 行，超过 Excel 工作表的 ${MAX_ROWS.toLocaleString("en-US")} 行：请拆分文件`,
        `the CSV file has ${count.toLocaleString("en-US")} rows, more than the ${MAX_ROWS.toLocaleString("en-US")} an Excel sheet holds: split the file`,
      ),
    );
  }
  let width = 0;
  let widest = 0;
  for (let i = 0; i < count; i++) {
    if (lengths[i]! <= width) continue;
    width = lengths[i]!;
    widest = i + 1;
  }
  if (count * width > MAX_CSV_CELLS) {
    const n = (x: number) => x.toLocaleString("en-US");
    throw new TableReadError(
      text(
        `CSV 文件有 ${n(count)} 行，最宽的一行（第 ${n(widest)} 行）有 ${n(width)} 个单元格，共超过 ${n(MAX_CSV_CELLS)} 个单元格：请删去多余的列或拆分文件`,
        `the CSV file has ${n(count)} rows and its widest row (row ${n(widest)}) has ${n(width)} cells: more than ${n(MAX_CSV_CELLS)} cells in all; remove stray columns or split the file`,
      ),
    );
  }
  const row = (i: number): Scalar[] => {
    const end = i + 1 < starts.length ? starts[i + 1]! - newline.length : normalised.length;
    const record = normalised.slice(starts[i]!, end);
    // Without a quote papaparse itself only splits on the delimiter; with one, it parses the record.
    const cells = record.includes('"')
      ? (Papa.parse<string[]>(record, options).data[0] ?? [])
      : record.split(delimiter);
    const out: Scalar[] = cells.map((v) => (v === "" ? null : ownString(v)));
    while (out.length < width) out.push(null);
    return out;
  };
  const address = width === 0 ? "A1" : formatRange(rectFrom(1, 1, Math.max(1, count), width));
  return { sheetName, address, firstRow: 1, firstColumn: 1, values: lazyRows(count, row, width) };
}
