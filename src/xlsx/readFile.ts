/**
 * Node-only: `readTableFile(path | bytes)` for the command line and tests. The task pane uses
 * `readTableData` (./read.ts), which takes bytes and needs no file system.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { text } from "../core/i18n/text";
import { csvTable, readTableData, TableReadError, type ReadTableOptions, type TableRead } from "./read";

export async function readTableFile(
  pathOrBuffer: string | Uint8Array,
  options: ReadTableOptions = {},
): Promise<TableRead> {
  if (typeof pathOrBuffer !== "string") return readTableData(pathOrBuffer, options);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(pathOrBuffer);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new TableReadError(
      text(`无法打开文件 ${pathOrBuffer}（${code}）`, `Cannot open ${pathOrBuffer} (${code || (e as Error).message})`),
    );
  }
  const ext = extname(pathOrBuffer).toLowerCase();
  const kind =
    options.kind ??
    (ext === ".csv" || ext === ".txt" ? "csv" : ext === ".xlsx" || ext === ".xlsm" ? "xlsx" : undefined);
  const csvName = options.csvName ?? basename(pathOrBuffer, ext);
  // A CSV's table reads its rows from the file's bytes (UTF-8 files are not copied or decoded whole).
  if (kind === "csv") return csvTable(bytes, csvName);
  return readTableData(bytes, { ...options, ...(kind ? { kind } : {}), csvName });
}
