/**
 * Opening an Office Open XML package (.xlsx) safely, before anything trusts its contents.
 *
 * A user's file may be anything: empty, a CSV renamed .xlsx, a password-protected workbook
 * (an OLE compound file, not a zip), an .xls, .xlsb or .ods, a truncated download, or a zip
 * bomb whose parts inflate to gigabytes. This module reads the zip's central directory itself
 * and inflates one entry at a time with fflate's streaming `Inflate`, counting the bytes as they
 * come out, so a limit is enforced *while* inflating — memory never holds more than one chunk
 * past the limit, whatever the sizes the archive declares. Every refusal is a `PackageError`
 * with a code and a one-line message in both languages.
 *
 * It is also the way to reach the raw entries of a package (`entries`, `read`, `stream`), for
 * code that adds parts to a user's workbook without loading it into an object model.
 *
 * Browser-safe: no Node APIs.
 */
import { Inflate } from "fflate";
import { text, type Text } from "../../core/i18n/text";
import { problem, ProblemError } from "../../core/problem";

/** Why a package was refused. */
export type PackageErrorCode =
  | "empty"
  | "encrypted"
  | "xls"
  | "xlsb"
  | "ods"
  | "strict"
  | "notSpreadsheet"
  | "text"
  | "notZip"
  | "corrupt"
  | "unsupported"
  | "tooManyEntries"
  | "tooLarge"
  /** Refusals of adding sheets to a workbook (graft.ts): the package reads, but must not be changed. */
  | "protected"
  | "signed"
  | "shared";

export class PackageError extends ProblemError {
  constructor(
    readonly code: PackageErrorCode,
    text: Text,
  ) {
    super(problem("value", text, { reason: { code } }));
    this.name = "PackageError";
  }

  /** The same as `problem.message` (kept for existing callers). */
  get text(): Text {
    return this.problem.message;
  }
}

export interface PackageLimits {
  /** Entries in the zip's central directory (a workbook has a few dozen; 10,000 is generous). */
  readonly maxEntries: number;
  /** Inflated bytes of one entry. */
  readonly maxEntryBytes: number;
  /** Inflated bytes of all entries read from this package, added up. */
  readonly maxTotalBytes: number;
  /**
   * Inflated ÷ compressed size above which an entry larger than `ratioFloorBytes` is refused as
   * a zip bomb. Spreadsheet XML compresses 5–30×, very repetitive sheets ~150×; DEFLATE's own
   * maximum is about 1,032×.
   */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: PackageLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 1024 * MiB,
  maxTotalBytes: 2048 * MiB,
  maxRatio: 400,
  ratioFloorBytes: 32 * MiB,
};

export interface PackageEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated (the only methods accepted). */
  readonly method: number;
  readonly compressedSize: number;
  /** As the archive declares it; never trusted for allocation. */
  readonly declaredSize: number;
  readonly localHeaderOffset: number;
  /** CRC-32 of the inflated bytes, as the central directory declares it. */
  readonly crc: number;
  /** Last-modified time as stored (MS-DOS date << 16 | time), kept when the entry is copied. */
  readonly dosTime: number;
}

/** The kind of file the bytes are, from their first bytes. */
export type Sniffed = "empty" | "zip" | "cfb" | "text" | "unknown";

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** What the bytes look like: a zip, an OLE compound file, text, or nothing. */
export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return "zip";
  if (startsWith(bytes, CFB)) return "cfb";
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  // UTF-16 text has a NUL in every other byte; its BOM says so.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  return utf16 || control <= head.length / 100 ? "text" : "unknown";
}

/** Finds a UTF-16LE name inside an OLE compound file's bytes (its directory holds stream names so). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    if (bytes[i] !== pattern[0]) continue;
    for (let k = 1; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/** The refusal for bytes that are not a zip at all (CFB, text, nothing). */
export function notAPackage(bytes: Uint8Array): PackageError {
  switch (sniff(bytes)) {
    case "empty":
      return new PackageError("empty", text("文件是空的（0 字节）", "the file is empty (0 bytes)"));
    case "cfb":
      return hasUtf16Name(bytes, "EncryptedPackage") || hasUtf16Name(bytes, "EncryptionInfo")
        ? new PackageError(
            "encrypted",
            text(
              "工作簿设有打开密码（已加密）：请在 Excel 中取消密码后另存为 .xlsx 再试",
              "the workbook is password-protected (encrypted): remove the password in Excel, save it as .xlsx and try again",
            ),
          )
        : new PackageError(
            "xls",
            text(
              "这是旧版 .xls 文件：请在 Excel 中另存为 .xlsx（Excel 工作簿）再试",
              "this is an old .xls file: save it as .xlsx (Excel Workbook) in Excel and try again",
            ),
          );
    case "text":
      return new PackageError(
        "text",
        text(
          "文件是文本（可能是改了扩展名的 CSV），不是 .xlsx：请按 .csv 文件提供",
          "the file is text (perhaps a CSV renamed .xlsx), not an .xlsx workbook: give it as a .csv file",
        ),
      );
    default:
      return new PackageError(
        "notZip",
        text(
          "文件不是 .xlsx 工作簿（无法识别的格式）",
          "the file is not an .xlsx workbook (its format is not recognised)",
        ),
      );
  }
}

function corrupt(detail: string): PackageError {
  return new PackageError(
    "corrupt",
    text(
      `.xlsx 文件已损坏或不完整（${detail}）：请在 Excel 中重新保存`,
      `the .xlsx file is damaged or incomplete (${detail}): save it again in Excel`,
    ),
  );
}

function formatMiB(bytes: number): string {
  return `${Math.round(bytes / MiB).toLocaleString("en-US")} MB`;
}

/** An opened package: its entry list, and bounded reading of each entry. */
export interface OpenPackage {
  readonly entries: readonly PackageEntry[];
  readonly limits: PackageLimits;
  has(name: string): boolean;
  /** The entry's inflated bytes (bounded by the limits). */
  read(name: string): Uint8Array;
  /** The entry as UTF-8 text (a BOM is dropped). */
  readText(name: string): string;
  /**
   * Inflates the entry chunk by chunk into `onChunk`; nothing is kept. `onChunk` returning
   * `false` stops there: the rest of the entry is neither inflated nor checked.
   */
  stream(name: string, onChunk: (chunk: Uint8Array) => boolean | void): void;
  /**
   * The entry's stored bytes as they are in the archive (compressed when `method` is 8), for
   * copying an entry into another zip without inflating and deflating it again.
   */
  raw(name: string): Uint8Array;
  /** Inflated bytes read so far, all entries added up. */
  readonly bytesRead: number;
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

/** The end-of-central-directory record: where the directory is and how many entries it has. */
function findDirectory(bytes: Uint8Array): { offset: number; count: number } {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (u32(bytes, i) !== 0x06054b50) continue;
    let count = u16(bytes, i + 10);
    let offset = u32(bytes, i + 16);
    // ZIP64: a locator just before the record points at the 64-bit record.
    if ((count === 0xffff || offset === 0xffffffff) && i >= 20 && u32(bytes, i - 20) === 0x07064b50) {
      const at = u64(bytes, i - 20 + 8);
      if (at + 56 > bytes.length || u32(bytes, at) !== 0x06064b50) throw corrupt("zip64");
      count = u64(bytes, at + 32);
      offset = u64(bytes, at + 48);
    }
    if (offset > bytes.length) throw corrupt("central directory");
    return { offset, count };
  }
  throw corrupt("no central directory");
}

function readEntries(bytes: Uint8Array, limits: PackageLimits): PackageEntry[] {
  const { offset, count } = findDirectory(bytes);
  if (count > limits.maxEntries) {
    throw new PackageError(
      "tooManyEntries",
      text(
        `.xlsx 文件含 ${count.toLocaleString("en-US")} 个部件，超过上限 ${limits.maxEntries.toLocaleString("en-US")}：拒绝读取`,
        `the .xlsx file has ${count.toLocaleString("en-US")} parts, more than the limit of ${limits.maxEntries.toLocaleString("en-US")}: refused`,
      ),
    );
  }
  const entries: PackageEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw corrupt("central directory entry");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const dosTime = u32(bytes, p + 12);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let declaredSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localHeaderOffset = u32(bytes, p + 42);
    if (p + 46 + nameLength + extraLength > bytes.length) throw corrupt("central directory entry");
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64 extra field: the 64-bit values, in this order, for those marked 0xFFFFFFFF.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = u16(bytes, e);
      const size = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (declaredSize === 0xffffffff) {
          declaredSize = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(bytes, q);
      }
      e += 4 + size;
    }
    if (flags & 0x1) {
      throw new PackageError(
        "encrypted",
        text(
          `.xlsx 文件中的“${name}”已加密：请在 Excel 中取消密码后再试`,
          `"${name}" inside the .xlsx file is encrypted: remove the password in Excel and try again`,
        ),
      );
    }
    if (method !== 0 && method !== 8) {
      throw new PackageError(
        "unsupported",
        text(
          `.xlsx 文件中的“${name}”使用了不支持的压缩方式（${method}）：请在 Excel 中重新保存`,
          `"${name}" inside the .xlsx file uses an unsupported compression method (${method}): save the file again in Excel`,
        ),
      );
    }
    entries.push({ name, method, compressedSize, declaredSize, localHeaderOffset, crc, dosTime });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Opens the zip container: the central directory, checked against the limits. Refuses bytes
 * that are not a zip with the reason (empty, password-protected, .xls, text).
 */
export function openZip(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): OpenPackage {
  if (sniff(bytes) !== "zip") throw notAPackage(bytes);
  const entries = readEntries(bytes, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  let total = 0;

  const tooLarge = (name: string, detail: Text): PackageError =>
    new PackageError(
      "tooLarge",
      text(
        `.xlsx 文件中的“${name}”${detail.zh}：疑似压缩炸弹，拒绝读取`,
        `"${name}" inside the .xlsx file ${detail.en}: it looks like a zip bomb and was refused`,
      ),
    );

  const dataOf = (name: string): { entry: PackageEntry; start: number; end: number } => {
    const entry = byName.get(name);
    if (!entry) throw corrupt(`missing ${name}`);
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw corrupt(`local header of ${name}`);
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw corrupt(`${name} is cut short`);
    return { entry, start, end };
  };

  const stream = (name: string, onChunk: (chunk: Uint8Array) => boolean | void): void => {
    const { entry, start, end } = dataOf(name);
    let produced = 0;
    let stopped = false;
    const count = (chunk: Uint8Array): void => {
      produced += chunk.length;
      total += chunk.length;
      if (produced > limits.maxEntryBytes)
        throw tooLarge(
          name,
          text(
            `解压后超过 ${formatMiB(limits.maxEntryBytes)}`,
            `inflates to more than ${formatMiB(limits.maxEntryBytes)}`,
          ),
        );
      if (total > limits.maxTotalBytes)
        throw tooLarge(
          name,
          text(
            `使文件解压后总计超过 ${formatMiB(limits.maxTotalBytes)}`,
            `brings the inflated total above ${formatMiB(limits.maxTotalBytes)}`,
          ),
        );
      if (produced > limits.ratioFloorBytes && produced > limits.maxRatio * Math.max(1, entry.compressedSize))
        throw tooLarge(
          name,
          text(
            `压缩比超过 ${limits.maxRatio}:1（${entry.compressedSize.toLocaleString("en-US")} 字节解压到 ${formatMiB(produced)} 以上）`,
            `inflates more than ${limits.maxRatio}:1 (${entry.compressedSize.toLocaleString("en-US")} bytes to over ${formatMiB(produced)})`,
          ),
        );
      if (chunk.length > 0 && !stopped && onChunk(chunk) === false) stopped = true;
    };
    if (entry.method === 0) {
      for (let p = start; p < end && !stopped; p += 1 << 20) count(bytes.subarray(p, Math.min(end, p + (1 << 20))));
      return;
    }
    let done = false;
    const inflate = new Inflate((chunk, final) => {
      count(chunk);
      if (final) done = true;
    });
    const STEP = 16 * 1024; // at most ~16 MB out per push (DEFLATE's ratio is bounded by ~1,032:1)
    try {
      // The first pushes are small, so a reader that stops early (a marker in row 1 of a
      // 100,000-row sheet) inflates and parses a few KB, not the first 16 KB's ~300 KB of XML.
      let step = 1024;
      for (let p = start; p < end && !stopped; p += step, step = Math.min(STEP, step * 2)) {
        const last = p + step >= end;
        inflate.push(bytes.subarray(p, Math.min(end, p + step)), last);
      }
      if (stopped) return;
      if (start === end) inflate.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof PackageError) throw e;
      throw corrupt(`${name}: ${(e as Error).message}`);
    }
    if (!done) throw corrupt(`${name} is cut short`);
  };

  const read = (name: string): Uint8Array => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    stream(name, (c) => {
      // fflate may reuse its output buffer between pushes only for the async API; copy to be safe.
      chunks.push(c.slice());
      length += c.length;
    });
    const out = new Uint8Array(length);
    let o = 0;
    for (const c of chunks) out.set(c, (o += c.length) - c.length);
    return out;
  };

  return {
    entries,
    limits,
    has: (name) => byName.has(name),
    read,
    readText: (name) => {
      const b = read(name);
      return new TextDecoder("utf-8").decode(startsWith(b, [0xef, 0xbb, 0xbf]) ? b.subarray(3) : b);
    },
    stream,
    raw: (name) => {
      const { start, end } = dataOf(name);
      return bytes.subarray(start, end);
    },
    get bytesRead() {
      return total;
    },
  };
}

/** The workbook part's path inside a package (from the root relationships; xl/workbook.xml by default). */
function workbookPartOf(pkg: OpenPackage): string | null {
  if (pkg.has("_rels/.rels")) {
    const rels = pkg.readText("_rels/.rels");
    const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels);
    const target = m ? /Target="([^"]+)"/.exec(m[0])?.[1] : undefined;
    if (target) return target.replace(/^\//, "");
  }
  return pkg.has("xl/workbook.xml") ? "xl/workbook.xml" : null;
}

/**
 * Opens an .xlsx package: a zip whose main part is a transitional SpreadsheetML workbook.
 * Refuses, each with its own message: .xlsb, .ods, Strict Open XML, Word/PowerPoint files and
 * zips that are no workbook at all. Returns the package and its workbook part's path.
 */
export function openXlsxPackage(
  bytes: Uint8Array,
  limits: PackageLimits = DEFAULT_LIMITS,
): { pkg: OpenPackage; workbookPart: string } {
  const pkg = openZip(bytes, limits);
  if (pkg.has("mimetype") && new TextDecoder().decode(pkg.read("mimetype")).includes("opendocument")) {
    throw new PackageError(
      "ods",
      text(
        "这是 OpenDocument 表格（.ods）：请另存为 .xlsx（Excel 工作簿）再试",
        "this is an OpenDocument spreadsheet (.ods): save it as .xlsx (Excel Workbook) and try again",
      ),
    );
  }
  const part = workbookPartOf(pkg);
  if (part !== null && /\.bin$/i.test(part)) {
    throw new PackageError(
      "xlsb",
      text(
        "这是 Excel 二进制工作簿（.xlsb）：请另存为 .xlsx（Excel 工作簿）再试",
        "this is an Excel Binary Workbook (.xlsb): save it as .xlsx (Excel Workbook) and try again",
      ),
    );
  }
  if (part === null || !pkg.has(part)) {
    const word = pkg.has("word/document.xml") || pkg.has("ppt/presentation.xml");
    throw new PackageError(
      "notSpreadsheet",
      word
        ? text(
            "这是 Word 或 PowerPoint 文件，不是 Excel 工作簿",
            "this is a Word or PowerPoint file, not an Excel workbook",
          )
        : text("这个 zip 文件中没有 Excel 工作簿", "this zip file holds no Excel workbook"),
    );
  }
  const head = new TextDecoder().decode(pkg.read(part).subarray(0, 2048));
  if (head.includes("http://purl.oclc.org/ooxml/spreadsheetml/main")) {
    throw new PackageError(
      "strict",
      text(
        "工作簿保存为“Strict Open XML”格式：请另存为普通 .xlsx（Excel 工作簿）再试",
        "the workbook is saved as Strict Open XML: save it as a regular .xlsx (Excel Workbook) and try again",
      ),
    );
  }
  return { pkg, workbookPart: part };
}
