/**
 * A streaming zip over fflate: parts are added one after another, their text is deflated as it
 * comes, and the compressed bytes go to a `ByteSink` in order. The caller awaits `flush()` after
 * each chunk it pushes, so a slow sink (a file, a stream) holds the producer back and nothing
 * piles up in memory. No DOM and no Node APIs: the adapters (node.ts, blob.ts) provide sinks.
 */
import { Deflate, Zip, ZipPassThrough } from "fflate";

/** Where the bytes of a package go, in order. */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

export type DeflateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * A raw DEFLATE compressor for one part: `push` returns the compressed bytes available so far;
 * after `final` the stream is complete.
 */
export interface RawDeflateStream {
  push(chunk: Uint8Array, final: boolean): Uint8Array[];
}

export interface ZipOptions {
  /** Deflate level 0–9. 6 (zlib's default) unless told otherwise. */
  readonly level?: DeflateLevel;
  /**
   * Makes the compressor of each part. Default: fflate's (pure JavaScript, runs anywhere); the
   * Node adapter passes Node's zlib, which is several times faster (native code).
   */
  readonly deflate?: (level: DeflateLevel) => RawDeflateStream;
}

/** fflate's streaming deflate as a RawDeflateStream. */
export function fflateDeflate(level: DeflateLevel): RawDeflateStream {
  let out: Uint8Array[] = [];
  const d = new Deflate({ level }, (data) => void out.push(data));
  return {
    push(chunk, final) {
      d.push(chunk, final);
      const ready = out;
      out = [];
      return ready;
    },
  };
}

/**
 * A zip entry whose bytes are compressed outside fflate: fflate's pass-through file computes the
 * CRC and size of what is pushed; the compressed bytes are handed to the zip by `emit`.
 */
class DeflatedEntry extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }
  override process(): void {
    /* the uncompressed bytes only feed the CRC and size; `emit` passes the compressed ones */
  }
  emit(chunk: Uint8Array, final: boolean): void {
    this.ondata!(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
}

/**
 * An entry copied from another archive as it was stored there: the stored (compressed) bytes
 * pass through untouched, and the CRC and size are the ones the other archive declared (checked
 * beforehand by whoever copies, by inflating the entry once).
 */
class CopiedEntry extends ZipPassThrough {
  constructor(filename: string, from: CopiedEntryInfo) {
    super(filename);
    this.compression = from.method;
    this.crc = from.crc;
    this.size = from.size;
    this.mtime = dosTimeToDate(from.dosTime);
  }
  copy(stored: Uint8Array): void {
    this.ondata!(null, stored as Uint8Array<ArrayBuffer>, true);
  }
}

/** What a copied entry keeps of the original's metadata. */
export interface CopiedEntryInfo {
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly crc: number;
  /** Inflated size. */
  readonly size: number;
  /** MS-DOS date and time (date << 16 | time) as the original stored it. */
  readonly dosTime: number;
}

/** An MS-DOS timestamp as the local time fflate writes back to the same fields (1980 when invalid). */
function dosTimeToDate(dos: number): Date {
  const date = dos >>> 16;
  const time = dos & 0xffff;
  const d = new Date(
    1980 + (date >>> 9),
    ((date >>> 5) & 0xf) - 1,
    date & 0x1f,
    time >>> 11,
    (time >>> 5) & 0x3f,
    (time & 0x1f) * 2,
  );
  return Number.isNaN(d.getTime()) || d.getFullYear() < 1980 || d.getFullYear() > 2099 ? new Date(1980, 0, 1) : d;
}

const encoder = new TextEncoder();

/**
 * A part's text is encoded into one reused buffer of this size and compressed a buffer at a
 * time. The text arrives in small pieces (sheetPart.ts keeps each under V8's large-object size,
 * so the pieces die young instead of piling up in the old generation until a full GC), while the
 * compressor still sees 64 KB at a time (Node's zlib compresses each piece on its own).
 */
const STAGING_BYTES = 1 << 16;

export class StreamingZip {
  private readonly zip: Zip;
  private readonly pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private finished = false;
  private current: { entry: DeflatedEntry; deflate: RawDeflateStream } | null = null;
  private readonly staging = new Uint8Array(STAGING_BYTES);
  /** Bytes of the current part's text waiting in `staging`. */
  private staged = 0;

  constructor(
    private readonly sink: ByteSink,
    private readonly options: ZipOptions = {},
  ) {
    this.zip = new Zip((err, data, final) => {
      if (err) this.failure = err;
      else {
        this.pending.push(data);
        if (final) this.finished = true;
      }
    });
  }

  /** Passes what the zip has produced so far to the sink. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.pending.length) {
      const chunk = this.pending.shift()!;
      await this.sink.write(chunk);
    }
  }

  /** Starts a part; push its text with `push`, then `endPart`. */
  beginPart(path: string): void {
    if (this.current) throw new Error(`part ${path} begun before the previous one ended`);
    const entry = new DeflatedEntry(path);
    this.zip.add(entry);
    this.current = { entry, deflate: (this.options.deflate ?? fflateDeflate)(this.options.level ?? 6) };
  }

  async push(text: string): Promise<void> {
    if (!this.current) throw new Error("push outside a part");
    let rest = text;
    while (rest.length) {
      const { read, written } = encoder.encodeInto(rest, this.staging.subarray(this.staged));
      this.staged += written;
      rest = read === rest.length ? "" : rest.slice(read);
      if (this.staged > STAGING_BYTES - 4) this.deflateStaged(false);
    }
    await this.flush();
  }

  /**
   * Compresses the staged bytes of the current part (all of them: the staging buffer is free
   * again when this returns; both compressors copy or consume their input synchronously).
   */
  private deflateStaged(final: boolean): void {
    const { entry, deflate } = this.current!;
    const bytes = this.staging.subarray(0, this.staged);
    this.staged = 0;
    entry.push(bytes, final);
    const out = deflate.push(bytes, final);
    if (!final) for (const c of out) entry.emit(c, false);
    else {
      out.forEach((c, i) => entry.emit(c, i === out.length - 1));
      if (out.length === 0) entry.emit(new Uint8Array(0), true);
    }
  }

  async endPart(): Promise<void> {
    if (!this.current) throw new Error("endPart outside a part");
    this.deflateStaged(true);
    this.current = null;
    await this.flush();
  }

  /** A whole part from one string. */
  async part(path: string, text: string): Promise<void> {
    this.beginPart(path);
    await this.push(text);
    await this.endPart();
  }

  /**
   * Copies an entry of another archive without inflating it: `stored` is its data as stored
   * there (see OpenPackage.raw), `info` its method, CRC, size and time.
   */
  async copy(path: string, stored: Uint8Array, info: CopiedEntryInfo): Promise<void> {
    if (this.current) throw new Error(`part ${path} copied before the previous one ended`);
    const entry = new CopiedEntry(path, info);
    this.zip.add(entry);
    entry.copy(stored);
    await this.flush();
  }

  /** Writes the central directory; the sink has every byte when this resolves. */
  async end(): Promise<void> {
    this.zip.end();
    await this.flush();
    if (!this.finished) throw new Error("zip did not finish");
  }
}

/** Runs a writer into memory: what it returns, and every byte it wrote to its sink, joined. */
export async function collectBytes<T>(
  write: (sink: ByteSink) => Promise<T>,
): Promise<{ result: T; bytes: Uint8Array }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const result = await write({
    write(chunk) {
      chunks.push(chunk);
      size += chunk.length;
    },
  });
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { result, bytes };
}
