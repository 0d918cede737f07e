/**
 * A CSV store (./utf8Store.ts) → RangeData, holding no more than the bytes it reads from.
 *
 * One pass finds the records: papaparse's own parser runs over the text a piece at a time, in
 * the streaming mode papaparse uses for files (`ignoreLastRow`: a record not yet complete at the
 * end of a piece is carried into the next), so records, quotes and their errors are papaparse's
 * exactly. The pass keeps where each record starts (a byte offset) and how many cells it has;
 * `values` is lazy (lazyRows): a row's record is decoded and split when the row is read, and
 * dropped after. A 100,000-order export then never holds its two million cells, nor its text as
 * one string, at the same time as the orders parsed from them. Browser-safe.
 */
import Papa from "papaparse";
import { text } from "../../core/i18n/text";
import { formatRange, MAX_ROWS, rectFrom } from "../../sheets/formula/a1";
import { lazyRows } from "../../sheets/formula/lazyRows";
import type { RangeData, Scalar } from "../../sheets/plan";
import { PIECE_BYTES, textPieces } from "./encoding";
import { TableReadError } from "./tableReadError";
import type { CsvStore } from "./utf8Store";

/** Cells (rows × the widest row) a CSV may fill; the .xlsx reader's limit is the same. */
export const MAX_CSV_CELLS = 30_000_000;

/** UTF-8 bytes of `s.slice(from, to)` (which never splits a surrogate pair). */
function utf8Length(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The delimiter from `csv`'s first non-empty line (the header) only: the one of comma, tab
 * (Excel's "Unicode text"), semicolon (Excel in locales with a decimal comma) that occurs most
 * outside quotes; comma when none does. papaparse's own guess looks at data rows too, where a
 * cell full of "|" or ";" can outvote the header and turn every row into one cell.
 * Null while the header line is not complete in `csv` and more text may follow (`atEnd` false).
 */
function delimiterIn(csv: string, atEnd: boolean): string | null {
  const start = csv.search(/\S/);
  if (start < 0) return atEnd ? "," : null;
  const counts: Record<string, number> = { ",": 0, "\t": 0, ";": 0 };
  let quoted = false;
  let complete = atEnd;
  for (let i = start; i < csv.length; i++) {
    const c = csv[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "\n") {
      complete = true;
      break;
    } else if (!quoted && c in counts) counts[c]!++;
  }
  if (!complete) return null;
  let best = ",";
  for (const d of ["\t", ";"]) if (counts[d]! > counts[best]!) best = d;
  return best;
}

function delimiterOf(store: CsvStore, pieceBytes: number): string {
  let head = "";
  for (const piece of textPieces(store.bytes, "utf-8", false, pieceBytes)) {
    head += piece;
    const found = delimiterIn(head, false);
    if (found !== null) return found;
  }
  return delimiterIn(head, true) ?? ",";
}

/**
 * A cell's text of its own. Cells are substrings of their record's text, and V8 keeps a
 * substring of 13 or more characters as a view into its parent; concatenating and slicing makes
 * the engine copy the characters, so a kept cell (an order ID, a reported value) keeps only
 * itself. Short cells are copies already.
 */
function ownString(v: string): string {
  return v.length < 13 ? v : (" " + v).slice(1);
}

interface Records {
  /** Byte offset of each record in the store. */
  readonly starts: number[];
  /** Cells of each record. */
  readonly lengths: number[];
  /** Index of the last record with a non-empty cell (-1 for none). */
  readonly lastNonEmpty: number;
}

/**
 * papaparse's core parser, `Papa.Parser` (the class its own file streamers use, in its type
 * definitions), not `Papa.parse`: `Papa.parse` removes a BOM from the start of its input, and a
 * piece of a file, or a record, may start with a U+FEFF that is the cell's (files concatenated
 * with their BOMs). Delimiter and newline are always given, so nothing is guessed.
 */
function parserConfig(delimiter: string, newline: "\n" | "\r\n"): Papa.ParseConfig {
  return { delimiter, newline, quoteChar: '"' };
}

/** A record papaparse reported: its cells, its quote error, where it lies in the text parsed. */
interface Stepped {
  readonly cells: string[];
  readonly quoteError: string | undefined;
  readonly from: number;
  readonly to: number;
}

/**
 * Where the records are: papaparse over the text a piece at a time (see the file's comment).
 * The last record papaparse reports for a piece may be cut off by the piece's end, so it is not
 * taken: its text is carried and parsed again with the next piece. Every record taken therefore
 * ended inside the text papaparse saw, and is split as it would be in the whole file.
 */
function findRecords(store: CsvStore, delimiter: string, pieceBytes: number): Records {
  const starts: number[] = [];
  const lengths: number[] = [];
  let lastNonEmpty = -1;
  let fatal: { code: string; record: number } | null = null;
  let byteAt = 0; // where the next record starts in the store
  const take = (record: Stepped, parsed: string): boolean => {
    if (record.quoteError !== undefined) {
      fatal = { code: record.quoteError, record: starts.length + 1 };
      return false;
    }
    if (record.cells.some((v) => v !== "")) lastNonEmpty = starts.length;
    starts.push(byteAt);
    lengths.push(record.cells.length);
    byteAt += utf8Length(parsed, record.from, record.to);
    return true;
  };
  const pieces = textPieces(store.bytes, "utf-8", false, pieceBytes);
  let carried = "";
  let next = pieces.next();
  while (!next.done) {
    let parsed = carried + next.value;
    next = pieces.next();
    // A long record carried (a cell of many lines, a quote never closed) is parsed again with
    // at least as much new text as it has, so the work stays linear in the file.
    while (!next.done && parsed.length < 2 * carried.length) {
      parsed += next.value;
      next = pieces.next();
    }
    const last = next.done === true;
    let held: Stepped | null = null;
    let from = 0;
    const parser: Papa.Parser = new Papa.Parser({
      ...parserConfig(delimiter, store.newline),
      step: (result: Papa.ParseStepResult<string[][]>) => {
        if (held !== null && !take(held, parsed)) {
          parser.abort();
          return;
        }
        const to = result.meta.cursor;
        const quoteError = result.errors.find((e) => e.type === "Quotes")?.code;
        held = { cells: result.data[0] ?? [], quoteError, from, to };
        from = to;
      },
    });
    parser.parse(parsed, 0, false);
    if (fatal !== null) break;
    const final = held as Stepped | null;
    if (final === null) carried = parsed;
    else if (!last) carried = parsed.slice(final.from);
    else take(final, parsed);
  }
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
  return { starts, lengths, lastNonEmpty };
}

/**
 * The store's records as RangeData. Blank cells are null; every other cell is the text in the
 * file. Row numbers are the file's records (header = row 1); empty records inside the data are
 * kept as empty rows, trailing empty records are dropped. `pieceBytes`: see textPieces.
 */
export function storeToRangeData(store: CsvStore, sheetName: string, pieceBytes = PIECE_BYTES): RangeData {
  const delimiter = delimiterOf(store, pieceBytes);
  const { starts, lengths, lastNonEmpty } = findRecords(store, delimiter, pieceBytes);
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
  const { bytes, newline } = store;
  const config = parserConfig(delimiter, newline);
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  // One decoder call a record, not a batch of them: readers may go back (a header looked up
  // again, trailing rows checked from the end), and a record costs the same whatever the order.
  const row = (i: number): Scalar[] => {
    const end = i + 1 < starts.length ? starts[i + 1]! - newline.length : bytes.length;
    const record = decoder.decode(bytes.subarray(starts[i]!, end));
    // Without a quote papaparse itself only splits on the delimiter; with one, it parses the record.
    const cells = record.includes('"')
      ? ((new Papa.Parser(config).parse(record, 0, false) as Papa.ParseResult<string[]>).data[0] ?? [])
      : record.split(delimiter);
    const out: Scalar[] = cells.map((v) => (v === "" ? null : ownString(v)));
    while (out.length < width) out.push(null);
    return out;
  };
  const address = width === 0 ? "A1" : formatRange(rectFrom(1, 1, Math.max(1, count), width));
  return { sheetName, address, firstRow: 1, firstColumn: 1, values: lazyRows(count, row, width) };
}
