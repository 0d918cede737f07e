/**
 * A streaming zip over fflate: parts are added one after another, their text is deflated as it
 * comes, and the compressed bytes go to a `ByteSink` in order. The caller awaits `flush()` after
 * each chunk it pushes, so a slow sink (a file, a stream) holds the producer back and nothing
 * piles up in memory. No DOM and no Node APIs: the adapters (node.ts, blob.ts) provide sinks.
 */
import { Zip, ZipDeflate } from "fflate";

/** Where the bytes of a package go, in order. */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

export interface ZipOptions {
  /** Deflate level 0–9. 6 (zlib's default) unless told otherwise. */
  readonly level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

const encoder = new TextEncoder();

export class StreamingZip {
  private readonly zip: Zip;
  private readonly pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private finished = false;
  private current: ZipDeflate | null = null;

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
    const file = new ZipDeflate(path, { level: this.options.level ?? 6 });
    this.zip.add(file);
    this.current = file;
  }

  async push(text: string): Promise<void> {
    if (!this.current) throw new Error("push outside a part");
    if (text.length) this.current.push(encoder.encode(text));
    await this.flush();
  }

  async endPart(): Promise<void> {
    if (!this.current) throw new Error("endPart outside a part");
    this.current.push(new Uint8Array(0), true);
    this.current = null;
    await this.flush();
  }

  /** A whole part from one string. */
  async part(path: string, text: string): Promise<void> {
    this.beginPart(path);
    await this.push(text);
    await this.endPart();
  }

  /** Writes the central directory; the sink has every byte when this resolves. */
  async end(): Promise<void> {
    this.zip.end();
    await this.flush();
    if (!this.finished) throw new Error("zip did not finish");
  }
}
