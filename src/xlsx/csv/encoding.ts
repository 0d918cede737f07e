/**
 * Which encoding a CSV file's bytes are in, said and never guessed silently: the BOM; UTF-16
 * without a BOM; UTF-8; GB18030/GBK as Chinese Excel saves CSV; Windows-1252/Latin-1 as Western
 * Excel does. Bytes that fit no encoding well are refused with a message naming the choices.
 *
 * Nothing here holds a file's whole text: an encoding is tried by decoding the bytes a piece at a
 * time (`textPieces`) and dropping each piece. A 100,000-order export is 16 million characters,
 * 33 MB as one two-byte string; decoded whole, that string (and another for each encoding tried)
 * sat in V8's large-object space until the next full collection. Browser-safe.
 */
import { text, type Text } from "../../core/i18n/text";
import { TableReadError } from "./tableReadError";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "windows-1252";

export const ENCODING_NAMES: Readonly<Record<CsvEncoding, Text>> = {
  "utf-8": text("UTF-8", "UTF-8"),
  "utf-16le": text("UTF-16（Unicode 文本）", "UTF-16 (Unicode text)"),
  "utf-16be": text("UTF-16 BE", "UTF-16 BE"),
  gb18030: text("GB18030/GBK（简体中文）", "GB18030/GBK (Simplified Chinese)"),
  "windows-1252": text("Windows-1252/Latin-1（西欧）", "Windows-1252/Latin-1 (Western European)"),
};

/**
 * Bytes decoded per piece. A piece has at most this many characters, so even as a two-byte
 * string (64 KB) it stays under V8's large-object size (128 KB): pieces are allocated in the
 * young generation and die there.
 */
export const PIECE_BYTES = 32 * 1024;

/**
 * The text of `bytes` a piece at a time (at least one piece, "" for no bytes). A character is
 * never split between pieces: the streaming decoder keeps an incomplete byte sequence (or a lead
 * surrogate) for the next piece (tests give small `pieceBytes` to put boundaries everywhere). A BOM inside the bytes is kept as a character (the file's own
 * BOM is skipped by the caller, see `detectCsvEncoding`). With `fatal`, a byte sequence that is
 * not in the encoding throws a TypeError.
 */
export function* textPieces(
  bytes: Uint8Array,
  encoding: CsvEncoding,
  fatal = false,
  pieceBytes = PIECE_BYTES,
): Generator<string> {
  const decoder = new TextDecoder(encoding, { fatal, ignoreBOM: true });
  if (bytes.length === 0) {
    yield decoder.decode();
    return;
  }
  for (let at = 0; at < bytes.length; at += pieceBytes) {
    const end = Math.min(bytes.length, at + pieceBytes);
    yield decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
  }
}

/** Whether every byte sequence of `bytes` is a character of `encoding`. */
function fits(encoding: CsvEncoding, bytes: Uint8Array): boolean {
  try {
    for (const piece of textPieces(bytes, encoding, true)) void piece;
    return true;
  } catch {
    return false;
  }
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
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
    const b = bytes[i]!;
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

/** A CSV file's encoding, where its text starts (after the BOM), and whether every byte after that decodes exactly. */
export interface DetectedEncoding {
  readonly encoding: CsvEncoding;
  /** Bytes of the BOM (0 without one). */
  readonly start: number;
  /**
   * Every byte sequence is a character of the encoding. Only a file with a BOM may hold bytes
   * that are not (they read as U+FFFD, as Excel reads them); its text is then not its bytes.
   */
  readonly exact: boolean;
}

/**
 * The encoding of CSV bytes. Refuses (TableReadError) bytes that fit none well, rather than
 * turning José into Jos� or 张三 into mojibake.
 */
export function detectCsvEncoding(bytes: Uint8Array): DetectedEncoding {
  const withBom = (encoding: CsvEncoding, start: number): DetectedEncoding => ({
    encoding,
    start,
    exact: fits(encoding, bytes.subarray(start)),
  });
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return withBom("utf-8", 3);
  if (startsWith(bytes, [0xff, 0xfe])) return withBom("utf-16le", 2);
  if (startsWith(bytes, [0xfe, 0xff])) return withBom("utf-16be", 2);
  const wide = utf16WithoutBom(bytes);
  if (wide && fits(wide, bytes)) return { encoding: wide, start: 0, exact: true };
  if (fits("utf-8", bytes)) return { encoding: "utf-8", start: 0, exact: true };
  const gb = fits("gb18030", bytes);
  const { share } = gb2312Share(bytes);
  if (gb && share >= 0.8) return { encoding: "gb18030", start: 0, exact: true };
  // Windows-1252 gives every byte a character (five unassigned ones read as C1 controls).
  if (looksLatin(bytes)) return { encoding: "windows-1252", start: 0, exact: true };
  if (gb && share >= 0.5) return { encoding: "gb18030", start: 0, exact: true };
  throw new TableReadError(
    text(
      "无法识别 CSV 文件的编码（不是 UTF-8、UTF-16、GB18030/GBK 或 Windows-1252）：请在 Excel 中另存为“CSV UTF-8”",
      'the CSV file\'s encoding cannot be recognised (not UTF-8, UTF-16, GB18030/GBK or Windows-1252): save it as "CSV UTF-8" in Excel',
    ),
  );
}

/** NUL never occurs in text: bytes that hold it are a binary file (a picture, a database, an .xls). */
export function binaryRefusal(): TableReadError {
  return new TableReadError(
    text(
      "文件不是文本（含有二进制数据），不能按 CSV 读取",
      "the file is not text (it holds binary data) and cannot be read as CSV",
    ),
  );
}

/**
 * CSV bytes as one string, with the encoding taken (see `detectCsvEncoding`). For callers that
 * want the text itself (tests, small files); reading a table goes through `readCsv`, which never
 * holds the whole text.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const { encoding, start } = detectCsvEncoding(bytes);
  let whole = "";
  for (const piece of textPieces(bytes.subarray(start), encoding)) whole += piece;
  if (whole.includes("\u0000")) throw binaryRefusal();
  return { text: whole, encoding };
}
