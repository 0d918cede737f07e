/**
 * CSV bytes → cells, with nothing lost or altered on the way:
 * - the encoding is detected and said, never guessed silently (./csv/encoding.ts);
 * - every cell stays the text it is in the file. CSV has no types: "20261005001", "007",
 *   "1e999", "1,200" reach the core's parsers as written, and those parsers (toNumber,
 *   parseDateTime) decide what a column's text means. Identifiers therefore stay text;
 * - line endings may be CRLF, LF or a lone CR, mixed within one file (exports concatenated
 *   from several systems); a quoted cell keeps its own line breaks exactly as written;
 * - a quote that is never closed refuses the file, naming the line it opens on;
 * - the file's text is never held as one string: it stays UTF-8 bytes (the file's own bytes
 *   when they are UTF-8, ./csv/utf8Store.ts) and each record is decoded when its row is read
 *   (./csv/records.ts).
 * Browser-safe.
 */
import type { RangeData } from "../sheets/plan";
import { decodeCsv, detectCsvEncoding, PIECE_BYTES, type CsvEncoding } from "./csv/encoding";
import { storeToRangeData } from "./csv/records";
import { storeOfBytes, storeOfText } from "./csv/utf8Store";

export { TableReadError } from "./csv/tableReadError";
export { decodeCsv, ENCODING_NAMES, type CsvEncoding } from "./csv/encoding";
export { MAX_CSV_CELLS } from "./csv/records";

/**
 * CSV bytes → RangeData and the encoding they were read in. Refuses (TableReadError) bytes in no
 * known encoding, binary files, quotes never closed or misplaced, and files too large for a sheet.
 * The RangeData reads its rows from `bytes` (or from a UTF-8 copy of them for other encodings):
 * they must not change while it is in use. `pieceBytes`: how much text is decoded at a time
 * (./csv/encoding.ts; tests make it small to put piece boundaries everywhere).
 */
export function readCsv(
  bytes: Uint8Array,
  sheetName = "CSV",
  pieceBytes = PIECE_BYTES,
): { range: RangeData; encoding: CsvEncoding } {
  const detected = detectCsvEncoding(bytes);
  const store = storeOfBytes(bytes, detected, pieceBytes);
  return { range: storeToRangeData(store, sheetName, pieceBytes), encoding: detected.encoding };
}

/**
 * CSV text → RangeData (see readCsv). Blank cells are null; every other cell is the text in the
 * file. Row numbers are the file's records (header = row 1); empty records inside the data are
 * kept as empty rows, trailing empty records are dropped. Any mix of CRLF, LF and CR ends a
 * record; inside quotes they are the cell's own.
 */
export function csvToRangeData(csv: string, sheetName = "CSV", pieceBytes = PIECE_BYTES): RangeData {
  return storeToRangeData(storeOfText(csv, pieceBytes), sheetName, pieceBytes);
}

/** Decodes CSV bytes (see {@link decodeCsv}); the text only. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  return decodeCsv(bytes).text;
}
