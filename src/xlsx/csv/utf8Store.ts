/**
 * A CSV file's text kept as UTF-8 bytes, not as a string, with one record ending throughout.
 *
 * Why bytes: a 100,000-order export is 20 MB of UTF-8 and 16 million characters; as a string
 * (two bytes a character once one Chinese character is in it) that is 33 MB, allocated in V8's
 * large-object space and kept there until a full collection, long after the orders were parsed.
 * Records are decoded one at a time when a row is read (./records.ts); the bytes are the file's
 * own when they can be (UTF-8 that decodes exactly, records ending alike), so reading a CSV
 * makes no copy of it at all.
 *
 * Splitting UTF-8 bytes at the CSV's structural characters is safe: quote (0x22), comma, tab,
 * semicolon, CR and LF are never part of a multi-byte character. Browser-safe.
 */
import { binaryRefusal, PIECE_BYTES, textPieces, type DetectedEncoding } from "./encoding";

export interface CsvStore {
  /** The text as UTF-8: every byte sequence a character, no BOM. */
  readonly bytes: Uint8Array;
  /** What ends every record outside quotes ("\n" also for a single record). */
  readonly newline: "\n" | "\r\n";
}

/**
 * The record ending of a text given in pieces when all records end alike outside quotes: "\n"
 * (or none), or "\r\n" (what Excel writes); null for a mix or a lone CR, which `recordEndsToLf`
 * normalises. A quote toggles quoting, as in RFC 4180; inside quotes line breaks are the cell's.
 * The pieces may be bytes of an encoding in which quote, CR and LF are single bytes never part
 * of another character (UTF-8, GB18030, Windows-1252), which saves decoding them.
 */
function uniformRecordEnd(pieces: Iterable<string | Uint8Array>): "\n" | "\r\n" | null {
  let quoted = false;
  let crPending = false; // a CR outside quotes, waiting for its LF
  let crlf = false;
  let lf = false; // an LF outside quotes without a CR before it
  for (const piece of pieces) {
    const chars = typeof piece === "string" ? piece : null;
    for (let i = 0; i < piece.length; i++) {
      const c = chars !== null ? chars.charCodeAt(i) : (piece as Uint8Array)[i]!;
      const afterCr = crPending;
      crPending = false;
      if (afterCr && c !== 10) return null;
      if (c === 34) quoted = !quoted;
      else if (!quoted && c === 13) {
        crPending = true;
        crlf = true;
      } else if (!quoted && c === 10 && !afterCr) lf = true;
      if (crlf && lf) return null;
    }
  }
  if (crPending) return null;
  return crlf ? "\r\n" : "\n";
}

/**
 * One record ending, for papaparse, which takes a single one per file: CRLF and a lone CR
 * outside quotes become LF. Inside a quoted cell nothing changes, so a cell's own line breaks
 * (and a leading CR) read back exactly as written. Works piece by piece (a CRLF may straddle two).
 */
function* recordEndsToLf(pieces: Iterable<string>): Generator<string> {
  let quoted = false;
  let skipLf = false; // the previous piece ended with a CR that became LF
  for (const piece of pieces) {
    let out = "";
    let from = 0;
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (skipLf) {
        skipLf = false;
        if (c === 10) {
          from = i + 1;
          continue;
        }
      }
      if (c === 34) quoted = !quoted;
      else if (c === 13 && !quoted) {
        out += piece.slice(from, i) + "\n";
        from = i + 1;
        skipLf = true;
      }
    }
    yield out + piece.slice(from);
  }
}

/** Pieces as UTF-8 bytes, in one buffer grown as needed (sized for `expected` bytes to start with). */
function encodeUtf8(pieces: Iterable<string>, expected: number): Uint8Array {
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(Math.max(1024, expected));
  let length = 0;
  for (const piece of pieces) {
    const room = length + piece.length * 3; // UTF-8 needs at most 3 bytes per UTF-16 code unit
    if (room > buffer.length) {
      const grown = new Uint8Array(Math.max(room, Math.ceil(buffer.length * 1.5)));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    length += encoder.encodeInto(piece, buffer.subarray(length)).written;
  }
  // A buffer much larger than its text is copied down rather than kept.
  return buffer.length - length > length / 8 ? buffer.slice(0, length) : buffer.subarray(0, length);
}

/**
 * The store, given the text's record ending (null: mixed): `own`, the file's bytes when they are
 * exact UTF-8, kept as they are when the records end alike; otherwise the pieces re-encoded.
 */
function store(
  newline: "\n" | "\r\n" | null,
  pieces: () => Iterable<string>,
  expected: number,
  own: Uint8Array | null,
): CsvStore {
  const bytes =
    own !== null && newline !== null
      ? own
      : encodeUtf8(newline === null ? recordEndsToLf(pieces()) : pieces(), expected);
  if (bytes.indexOf(0) >= 0) throw binaryRefusal();
  return { bytes, newline: newline ?? "\n" };
}

/**
 * The store of a file's bytes in the encoding detected: the bytes themselves (after the BOM)
 * when they are exact UTF-8 whose records end alike; otherwise the text re-encoded as UTF-8
 * (GB18030, UTF-16, Windows-1252, mixed record endings normalised to LF).
 */
export function storeOfBytes(bytes: Uint8Array, detected: DetectedEncoding, pieceBytes = PIECE_BYTES): CsvStore {
  const content = bytes.subarray(detected.start);
  const pieces = () => textPieces(content, detected.encoding, false, pieceBytes);
  const wide = detected.encoding === "utf-16le" || detected.encoding === "utf-16be";
  // Other encodings are scanned as bytes, no decoding; a file without a CR (saved on Linux or
  // macOS) ends every record in LF.
  const newline = wide ? uniformRecordEnd(pieces()) : content.indexOf(13) < 0 ? "\n" : uniformRecordEnd([content]);
  const own = detected.encoding === "utf-8" && detected.exact ? content : null;
  return store(newline, pieces, content.length, own);
}

/** A string in pieces of `size` characters (as many as a piece of bytes has at most), never splitting a surrogate pair. */
function* stringPieces(text: string, size: number): Generator<string> {
  if (text.length === 0) yield "";
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(at, end);
    at = end;
  }
}

/** The store of text already decoded (tests, callers holding a string). */
export function storeOfText(text: string, pieceBytes = PIECE_BYTES): CsvStore {
  const pieces = () => stringPieces(text, pieceBytes);
  return store(uniformRecordEnd(pieces()), pieces, text.length, null);
}
