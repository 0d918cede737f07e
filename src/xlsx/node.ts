/**
 * The Node adapter of the .xlsx writer: a `ByteSink` over a Node writable stream (with
 * backpressure: the writer waits for "drain"), and a file writer. The only module of src/xlsx's
 * writer that uses Node APIs; the CLI calls it (it decides where the file goes, e.g. a temporary
 * file renamed into place).
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { constants, deflateRawSync } from "node:zlib";
import type { WorkbookPlan, WriteReport } from "../sheets/plan";
import type { DeflateLevel, RawDeflateStream } from "./package/zip";
import { writeXlsx, type ByteSink, type XlsxOptions } from "./writeXlsx";

/**
 * Node's zlib as the package's compressor (native, several times faster than JavaScript). Each
 * chunk is compressed on its own and ended with a sync flush (an empty stored block, not final),
 * so the pieces join into one valid DEFLATE stream; the last piece is finished. A chunk cannot
 * refer back into the previous one, which costs a little compression at 64 KB boundaries.
 */
export function zlibDeflate(level: DeflateLevel): RawDeflateStream {
  return {
    push(chunk, final) {
      return [deflateRawSync(chunk, { level, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH })];
    },
  };
}

const NODE_OPTIONS: XlsxOptions = { deflate: zlibDeflate };

/** A sink writing to `stream`; it waits whenever the stream's buffer is full. */
export function writableSink(stream: Writable): ByteSink {
  return {
    async write(chunk) {
      if (!stream.write(chunk)) await once(stream, "drain");
    },
  };
}

/** Writes the plans as a new .xlsx to `stream` and ends it. */
export async function writeXlsxToStream(
  plans: WorkbookPlan | readonly WorkbookPlan[],
  stream: Writable,
  options: XlsxOptions = {},
): Promise<WriteReport> {
  const report = await writeXlsx(plans, writableSink(stream), { ...NODE_OPTIONS, ...options });
  stream.end();
  await once(stream, "finish");
  return report;
}

/**
 * Writes the plans as a new .xlsx file at `path` (created or replaced: the caller decides whether
 * that is allowed). On failure the partial file is left for the caller to remove.
 */
export async function writeXlsxFile(
  plans: WorkbookPlan | readonly WorkbookPlan[],
  path: string,
  options: XlsxOptions = {},
): Promise<WriteReport> {
  const stream = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => stream.once("error", reject));
  return Promise.race([writeXlsxToStream(plans, stream, options), failed]).finally(() => {
    if (!stream.writableFinished) stream.destroy();
  });
}
