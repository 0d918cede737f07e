/**
 * File work every command shares: reading an input workbook and writing new output files. What a
 * command takes from an input workbook (its settings, a sheet) is in ./workbook.ts.
 *
 * The promises (issue 15), each kept here for every command:
 * - an input (or --in) file is never modified: an output that is the same file — by path, by
 *   real path through a symlink, or by inode through a hard link — is refused, --force or not;
 * - an existing output is replaced only with --force, and is byte-identical after a refusal;
 * - a missing folder, an unreadable or hostile input each give one line, before any work;
 * - every output is written to a temporary name in its own folder and renamed into place, so
 *   a kill during the write never leaves a half file under the output's name; several outputs
 *   of one command (--out and --json) are all renamed or none is.
 */
import {
  createWriteStream,
  existsSync,
  lstatSync,
  realpathSync,
  statSync,
  unlinkSync,
  type WriteStream,
} from "node:fs";
import { open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { parentPort } from "node:worker_threads";
import type { Writable } from "node:stream";
import { text, type Text } from "../core/i18n/text";
import { parseDateTime } from "../core/dates";
import { ProblemError } from "../core/problem";
import type { WorkbookPlan, WriteReport } from "../sheets/plan";
import { openXlsx, PackageError, type XlsxBook } from "../xlsx";
import { graftPlans, openOriginal, type OriginalWorkbook } from "../xlsx/graft";
import { writableSink, zlibDeflate } from "../xlsx/node";
import { writeXlsx } from "../xlsx/writeXlsx";
import { CliError, type CommandContext } from "./command";

/** An absolute path for a path option (relative to the command's working directory). */
export function resolvePath(ctx: CommandContext, path: string): string {
  return resolve(ctx.cwd, path);
}

/** The file a path names in the end: through symlinks (of the file or of its folders). */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Whether two paths are one file: same real path, or (hard links) the same device and inode. */
export function sameFile(a: string, b: string): boolean {
  if (realTarget(a) === realTarget(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export interface OutputCheck {
  readonly force: boolean;
  /** Input files (--orders, --input, --in, --people …): never to be replaced. */
  readonly inputs?: readonly (string | undefined)[];
  /** Other outputs of the same command: must be other files. */
  readonly others?: readonly string[];
  /** The option's name in messages (default "--out"). */
  readonly option?: string;
  /** The extension the output must have, or one of several (default .xlsx; null for any). */
  readonly extension?: string | readonly string[] | null;
}

/**
 * The extensions an output of sheets added to an --in workbook may have: the workbook's own kind
 * decides which one (an .xlsm stays an .xlsm), checked when the workbook is opened.
 */
export const WORKBOOK_EXTENSIONS: readonly string[] = [".xlsx", ".xlsm", ".xltx", ".xltm"];

/** The extension option of checkOutput for a command's --out: any workbook kind with --in, else .xlsx. */
export function outExtension(inPath: string | undefined): string | readonly string[] {
  return inPath === undefined ? ".xlsx" : WORKBOOK_EXTENSIONS;
}

/**
 * Checks an output path before any work: its extension, its folder, that it is no input and no
 * other output (through symlinks and hard links too), and not an existing file without --force.
 */
export function checkOutput(out: string, o: OutputCheck): void {
  const option = o.option ?? "--out";
  const ext = o.extension === undefined ? ".xlsx" : o.extension;
  const allowed = ext === null ? null : typeof ext === "string" ? [ext] : ext;
  if (allowed !== null && !allowed.some((e) => out.toLowerCase().endsWith(e))) {
    const list = allowed.join(" / ");
    throw new CliError(text(`${option} 必须是 ${list} 文件：${out}`, `${option} must be an ${list} file: ${out}`), 2);
  }
  const folder = dirname(out);
  let folderOk = false;
  try {
    folderOk = statSync(folder).isDirectory();
  } catch {
    folderOk = false;
  }
  if (!folderOk)
    throw new CliError(
      text(
        `${option} 所在的文件夹不存在：${folder}（请先创建它）`,
        `the folder of ${option} does not exist: ${folder} (create it first)`,
      ),
      1,
    );
  for (const input of o.inputs ?? []) {
    if (input !== undefined && sameFile(input, out)) {
      throw new CliError(
        text(
          `${option} 指向输入文件 ${input}：输入文件从不修改（即使加 --force），请另取一个文件名`,
          `${option} is the input file ${input}: inputs are never modified (not even with --force); choose another file name`,
        ),
        2,
      );
    }
  }
  for (const other of o.others ?? []) {
    if (sameFile(other, out))
      throw new CliError(
        text(`${option} 与另一个输出是同一个文件：${out}`, `${option} is the same file as another output: ${out}`),
        2,
      );
  }
  let exists = false;
  try {
    lstatSync(out);
    exists = true;
  } catch {
    exists = false;
  }
  if (exists && statSafe(out)?.isDirectory())
    throw new CliError(text(`${out} 是文件夹，不是文件`, `${out} is a folder, not a file`), 2);
  if (exists && !o.force) {
    throw new CliError(
      text(`${out} 已存在；要覆盖请加 --force`, `${out} already exists; add --force to overwrite it`),
      1,
    );
  }
}

function statSafe(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Checks --out before any work: an .xlsx path (with `inWorkbook`, the sheets go into that
 * workbook: any workbook kind), not the input, and not an existing file without --force.
 */
export function checkOut(out: string, options: { force: boolean; input?: string; inWorkbook?: string }): void {
  checkOutput(out, {
    force: options.force,
    inputs: [options.input, options.inWorkbook],
    extension: outExtension(options.inWorkbook),
  });
}

/** One output of a command: where it goes and how to write its bytes into a stream. */
export interface OutputFile {
  readonly path: string;
  /** Writes the whole content into `sink`; the file is renamed into place only after it resolves. */
  write(sink: Writable): Promise<void>;
}

/** An output whose content is already in memory (a JSON body, a small file). */
export function bytesOutput(path: string, content: Uint8Array | string): OutputFile {
  return {
    path,
    write: (sink) =>
      new Promise<void>((done, fail) => {
        sink.write(content, (e) => (e ? fail(e) : done()));
      }),
  };
}

/**
 * Temporary files being written now: removed if the process is interrupted (SIGINT/SIGTERM).
 * In the command line's worker thread (bin/service-appraisal.js) signals reach the main
 * thread only, so each name is also reported there, which removes it when the worker is
 * stopped (interrupted, or out of memory).
 */
const pending = {
  names: new Set<string>(),
  add(tmp: string): void {
    this.names.add(tmp);
    parentPort?.postMessage({ tempCreated: tmp });
  },
  delete(tmp: string): void {
    this.names.delete(tmp);
    parentPort?.postMessage({ tempDone: tmp });
  },
};
let signalsHooked = false;
function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const tmp of pending.names) {
        try {
          unlinkSync(tmp);
        } catch {
          // already gone
        }
      }
      process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
    });
  }
}

/** Why an output was not written: a ProblemError as it is (a refused plan, a CliError), else the file error. */
function writeFailure(path: string, e: unknown): ProblemError {
  if (e instanceof ProblemError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new CliError(text(`无法写入 ${path}（${code}）`, `cannot write ${path} (${code})`), 1);
}

/** A write stream on a new file (refused if the name exists), once it is open. */
function openExclusive(path: string): Promise<WriteStream> {
  return new Promise((done, fail) => {
    const stream = createWriteStream(path, { flags: "wx", mode: 0o666 });
    stream.once("error", fail);
    stream.once("open", () => {
      stream.off("error", fail);
      done(stream);
    });
  });
}

/**
 * Writes every output to a temporary file beside it, then renames them all into place — or,
 * if any write or rename fails, removes what it wrote and restores what it replaced, so the
 * command leaves either all its outputs or none. (The streaming .xlsx writer writes into the
 * `sink` each output's `write` receives.)
 */
export async function writeOutputs(outputs: readonly OutputFile[]): Promise<void> {
  hookSignals();
  const temps: { out: OutputFile; tmp: string }[] = [];
  const cleanup = async (): Promise<void> => {
    for (const { tmp } of temps) {
      await unlink(tmp).catch(() => undefined);
      pending.delete(tmp);
    }
  };
  try {
    for (const out of outputs) {
      const tmp = join(
        dirname(out.path),
        `.${basename(out.path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`,
      );
      let sink: WriteStream;
      try {
        sink = await openExclusive(tmp);
      } catch (e) {
        throw writeFailure(out.path, e);
      }
      pending.add(tmp);
      temps.push({ out, tmp });
      try {
        await out.write(sink);
        await new Promise<void>((done, fail) => {
          sink.once("error", fail);
          sink.once("close", () => done());
          sink.end();
        });
        // On disk before the rename, so a crash never leaves an empty file under the output's name.
        const handle = await open(tmp, "r+");
        await handle.sync().finally(() => handle.close());
      } catch (e) {
        sink.destroy();
        throw writeFailure(out.path, e);
      }
    }
  } catch (e) {
    await cleanup();
    throw e;
  }
  // All written: move them into place; on a failure, put everything back as it was.
  const done: { path: string; backup: string | null }[] = [];
  try {
    for (const { out, tmp } of temps) {
      let backup: string | null = null;
      if (existsSync(out.path)) {
        backup = `${tmp}.old`;
        await rename(out.path, backup);
      }
      done.push({ path: out.path, backup });
      await rename(tmp, out.path);
      pending.delete(tmp);
    }
  } catch (e) {
    for (const { path, backup } of done.reverse()) {
      if (backup) await rename(backup, path).catch(() => undefined);
      else await unlink(path).catch(() => undefined);
    }
    await cleanup();
    throw writeFailure(temps[done.length - 1]?.out.path ?? outputs[0]!.path, e);
  }
  for (const { backup } of done) if (backup) await unlink(backup).catch(() => undefined);
}

/** Writes one output through a temporary file (see {@link writeOutputs}). */
export function atomicWrite(path: string, write: (sink: Writable) => Promise<void>): Promise<void> {
  return writeOutputs([{ path, write }]);
}

/** Reads a whole input file, with a one-line message when it cannot be read. */
async function readInputBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    const why =
      code === "ENOENT"
        ? text("文件不存在", "no such file")
        : code === "EISDIR"
          ? text("这是文件夹", "it is a folder")
          : code === "EACCES"
            ? text("没有读取权限", "permission denied")
            : text(code, code);
    throw new CliError(text(`无法打开 ${path}（${why.zh}）`, `cannot open ${path} (${why.en})`), 1);
  }
}

/**
 * Opens an input .xlsx with the safe reader (limits, hostile and damaged files refused with one
 * line). Nothing is written back: the reader has no way to.
 */
export async function loadInputBook(path: string): Promise<XlsxBook> {
  return loadBookFrom(path, await readInputBytes(path));
}

/** The safe reader over bytes already read, each refusal one line naming `path`. */
async function loadBookFrom(path: string, bytes: Uint8Array): Promise<XlsxBook> {
  const refuse = <T>(read: () => T): T => {
    try {
      return read();
    } catch (e) {
      throw refusedInput(path, e);
    }
  };
  const book = refuse(() => openXlsx(bytes));
  // Sheets are parsed when first read: a damaged sheet is refused then, with the same one line.
  return {
    ...book,
    defaultSheet: () => book.defaultSheet(),
    sheet: (name) => book.sheet(name),
    readUsedRange: (name, options) => refuse(() => book.readUsedRange(name, options)),
    readRange: (name, address) => refuse(() => book.readRange(name, address)),
    readNames: (names) => refuse(() => book.readNames(names)),
    findPlans: () => refuse(() => book.findPlans()),
    checkAllSheets: () => refuse(() => book.checkAllSheets()),
  };
}

/** What a reader should be told about a sheet it read: a hidden first sheet passed over, merges, hidden rows. */
export function notesOf(book: XlsxBook, sheetName: string, chosenByDefault: boolean, notes: readonly Text[]): Text[] {
  const index = book.sheets.findIndex((s) => s.name === sheetName);
  const skipped = chosenByDefault ? book.sheets.slice(0, Math.max(0, index)) : [];
  if (skipped.length === 0) return [...notes];
  return [
    text(
      `读取的是第一个可见的工作表“${sheetName}”（隐藏的工作表 ${skipped.map((x) => `“${x.name}”`).join("、")} 未读取）`,
      `read the first visible sheet "${sheetName}" (hidden sheet ${skipped.map((x) => `"${x.name}"`).join(", ")} not read)`,
    ),
    ...notes,
  ];
}

/**
 * A workbook given with --in: the sheets are added to a copy of it at the package level
 * (xlsx/graft.ts), every other part copied as it was. `book` reads it (settings, earlier sheets).
 */
export interface InputWorkbook {
  readonly path: string;
  readonly book: XlsxBook;
  readonly original: OriginalWorkbook;
}

/** A PackageError as the command's one line, naming the file. */
function refusedInput(path: string, e: unknown): unknown {
  return e instanceof PackageError ? new CliError(text(`${path}：${e.text.zh}`, `${path}: ${e.text.en}`), 1) : e;
}

/**
 * Opens an --in workbook: checked for adding sheets (every part inflated once and checked; a
 * workbook that cannot be extended safely — encrypted, Strict, .xlsb, damaged, protected
 * structure, signed, shared — refused with one line before any work) and read by the safe reader.
 */
export async function loadWorkbook(path: string): Promise<InputWorkbook> {
  const bytes = await readInputBytes(path);
  let original: OriginalWorkbook;
  try {
    original = openOriginal(bytes);
  } catch (e) {
    throw refusedInput(path, e);
  }
  const book = await loadBookFrom(path, bytes);
  return { path, book, original };
}

/** Whether a workbook a command holds is an --in workbook (not an input file opened only to be read). */
export function isInputWorkbook(wb: InputWorkbook | XlsxBook): wb is InputWorkbook {
  return "original" in wb;
}

/**
 * Writes the plan to `out`, together with any `extra` outputs (e.g. --json): all or none,
 * through temporary files (see {@link writeOutputs}). A new file (`wb` null) is streamed by the
 * .xlsx writer; otherwise the plan's sheets are grafted into a copy of the input workbook `wb`,
 * whose kind (.xlsx, .xlsm …) `out` must have. Returns the sheet names actually used.
 */
export async function writeWorkbook(
  wb: InputWorkbook | null,
  plan: WorkbookPlan | readonly WorkbookPlan[],
  out: string,
  extra: readonly OutputFile[] = [],
): Promise<string[]> {
  // A refused plan is a ProblemError (main() prints it with its place); anything else is wrapped.
  const refused = (e: unknown): ProblemError => {
    if (e instanceof ProblemError) return e;
    return new CliError(
      text(`无法生成工作表：${(e as Error).message}`, `cannot generate the sheets: ${(e as Error).message}`),
      1,
    );
  };
  if (wb !== null && !out.toLowerCase().endsWith(wb.original.extension)) {
    const ext = wb.original.extension;
    throw new CliError(
      text(
        `${wb.path} 是 ${ext} 工作簿${ext === ".xlsm" ? "（含宏）" : ""}：--out 必须同样以 ${ext} 结尾：${out}`,
        `${wb.path} is an ${ext} workbook${ext === ".xlsm" ? " (with macros)" : ""}: --out must end in ${ext} too: ${out}`,
      ),
      2,
    );
  }
  let report: WriteReport | undefined;
  const file: OutputFile = {
    path: out,
    write: async (sink) => {
      report =
        wb === null
          ? await writeXlsx(plan, writableSink(sink), { deflate: zlibDeflate })
          : (await graftPlans(wb.original, plan, writableSink(sink), { deflate: zlibDeflate })).report;
    },
  };
  try {
    await writeOutputs([file, ...extra]);
  } catch (e) {
    throw refused(e);
  }
  return report!.sheets.map((s) => s.actual);
}

/** A JSON body as an output file (pretty-printed, UTF-8, a final newline). */
export function jsonOutput(path: string, body: unknown): OutputFile {
  return bytesOutput(path, `${JSON.stringify(body, null, 2)}\n`);
}

/** A date option (2026-11-20, 2026/11/20, 2026年11月20日) as a whole-day serial. */
export function dateOption(value: string, option: string): number {
  const d = parseDateTime(value, text(`--${option}`, `--${option}`));
  if (!d.ok || d.value === null) {
    throw new CliError(
      text(
        `--${option} 不是日期：“${value}”（例如 2026-11-20）`,
        `--${option} is not a date: "${value}" (e.g. 2026-11-20)`,
      ),
      2,
    );
  }
  return Math.floor(d.value);
}

/** Today as a whole-day serial (the command's clock). */
export function todaySerial(ctx: CommandContext): number {
  const now = ctx.now();
  return dateOption(`${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`, "date");
}
