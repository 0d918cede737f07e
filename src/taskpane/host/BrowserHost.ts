import { problem } from "../../core/problem";
import type { FoundPlan, RangeData, Scalar, WorkbookPlan, WriteReport } from "../../sheets/plan";
import type { XlsxBook } from "../../xlsx/readXlsx";
import { formatText, interpolate } from "../i18n/format";
import { STRINGS } from "../i18n/strings";
import { downloadFileName, saveBytesAsFile } from "./download";
import { HostProblemError, reasonText } from "./errors";
import type { WorkbookHost, WriteProgress } from "./types";

/**
 * The .xlsx side (src/xlsx), loaded on first use so the first paint stays light. Nothing here
 * touches the DOM: a Web Worker can run the same calls (newFile, graft, check, read) on bytes.
 */
export interface XlsxEngine {
  /**
   * A new file holding the plans one after another (the streaming writer, charts included); the
   * report lists every sheet of every plan, in order.
   */
  newFile(plans: readonly WorkbookPlan[]): Promise<{ bytes: Uint8Array; report: WriteReport }>;
  /**
   * The opened workbook `original` with the plan's sheets grafted in (xlsx/graft.ts: every other
   * part copied as it was); `sheetNames` are all the sheets of the result.
   */
  graft(
    original: Uint8Array,
    plan: WorkbookPlan,
  ): Promise<{ bytes: Uint8Array; report: WriteReport; sheetNames: readonly string[] }>;
  /**
   * Checks that sheets can be added to the bytes (throws a PackageError saying why not) and
   * returns its sheet names and the extension its kind needs (.xlsx, .xlsm …).
   */
  check(bytes: Uint8Array): { sheetNames: readonly string[]; extension: string };
  /** The safe reader over the bytes (markers, names, ranges; 1904 dates moved). */
  read(bytes: Uint8Array): XlsxBook;
}

/** The default engine: `src/xlsx` as a separate chunk, fetched when first needed. */
export async function loadXlsxEngine(): Promise<XlsxEngine> {
  const [xlsx, graft] = await Promise.all([import("../../xlsx"), import("../../xlsx/graft")]);
  return {
    newFile: (plans) => xlsx.xlsxBytes(plans),
    graft: async (original, plan) => {
      const r = await graft.graftBytes(original, plan);
      return { bytes: r.bytes, report: r.report, sheetNames: r.sheetNames };
    },
    check: (bytes) => {
      const o = graft.openOriginal(bytes);
      return { sheetNames: o.sheets.map((s) => s.name), extension: o.extension };
    },
    read: (bytes) => xlsx.openXlsx(bytes),
  };
}

/** A finished file made elsewhere (the browser-mode worker): the whole download, its report, every sheet it holds. */
export interface MadeFile {
  readonly bytes: Uint8Array;
  readonly report: WriteReport;
  readonly sheetNames: readonly string[];
}

/** What the browser-mode bar shows. Immutable; a new object after every change. */
export interface BrowserWorkbookState {
  /** File name of the .xlsx the user opened, if any. */
  readonly openedFile: string | null;
  /** Sheets in the in-memory workbook, in order. Empty before anything was opened or written. */
  readonly sheetNames: readonly string[];
  /** Name of the last download (after a write or "download again"). */
  readonly lastDownload: string | null;
}

export interface BrowserHostOptions {
  readonly loadEngine?: () => Promise<XlsxEngine>;
  readonly saveFile?: (bytes: Uint8Array, fileName: string) => void;
  readonly now?: () => Date;
}

const EMPTY: BrowserWorkbookState = { openedFile: null, sheetNames: [], lastDownload: null };

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}

/** Lets the progress bar repaint before a long synchronous step. */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Browser mode (no Office: WPS users, people who cannot install the add-in). Every write
 * downloads the whole workbook. Without an opened file the workbook is the plans written so far:
 * each write renders all of them as a new file with the streaming writer (charts included). The
 * user can open an existing .xlsx/.xlsm first so generators that read earlier sheets work; each
 * write then grafts the new sheets into the bytes of the workbook as it last was (the opened
 * file, then the last download): every part of the user's workbook is carried over as it was,
 * and the download keeps the file's kind (.xlsm stays .xlsm). Reads go to the safe .xlsx reader
 * over the last good bytes. A failed write leaves the workbook as it was and downloads nothing.
 * Operations run one at a time.
 */
export class BrowserHost implements WorkbookHost {
  readonly kind = "browser" as const;

  private readonly loadEngine: () => Promise<XlsxEngine>;
  private readonly saveFile: (bytes: Uint8Array, fileName: string) => void;
  private readonly now: () => Date;
  private engine: Promise<XlsxEngine> | null = null;
  /** The reader over `lastGood`, made when first read. */
  private book: XlsxBook | null = null;
  /** Plans written since the session began or the workbook was closed, when no file was opened. */
  private written: WorkbookPlan[] = [];
  /** Bytes of the workbook as it was after the last successful open/write: the rollback point. */
  private lastGood: Uint8Array | null = null;
  /**
   * The workbook is `lastGood` itself, not the plans written (a file was opened, or a file was
   * made elsewhere, see writeFile): later writes add their sheets to those bytes.
   */
  private onBytes = false;
  /** The extension of the opened workbook's kind (".xlsm" for a workbook with macros). */
  private extension = ".xlsx";
  private state: BrowserWorkbookState = EMPTY;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(options: BrowserHostOptions = {}) {
    this.loadEngine = options.loadEngine ?? loadXlsxEngine;
    this.saveFile = options.saveFile ?? saveBytesAsFile;
    this.now = options.now ?? (() => new Date());
  }

  // ── observable state (useSyncExternalStore) ─────────────────────────────────────────────
  getState = (): BrowserWorkbookState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(next: Partial<BrowserWorkbookState>): void {
    this.state = { ...this.state, ...next };
    for (const l of [...this.listeners]) l();
  }

  private xlsx(): Promise<XlsxEngine> {
    if (!this.engine) {
      this.engine = this.loadEngine().catch((err: unknown) => {
        this.engine = null; // let a later attempt retry (e.g. the chunk failed to download)
        throw err;
      });
    }
    return this.engine;
  }

  /** Runs operations one after another so two writes never interleave. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  // ── WorkbookHost ────────────────────────────────────────────────────────────────────────
  write(plan: WorkbookPlan, onProgress?: (p: WriteProgress) => void): Promise<WriteReport> {
    return this.serial(async () => {
      const total = plan.sheets.length + 1;
      onProgress?.({ done: 0, total });
      const engine = await this.xlsx();
      const opened = this.onBytes;
      let report: WriteReport;
      let bytes: Uint8Array;
      let sheetNames: readonly string[];
      try {
        await nextTick();
        if (opened) {
          const file = await engine.graft(this.lastGood!, plan);
          ({ bytes, report, sheetNames } = file);
        } else {
          const file = await engine.newFile([...this.written, plan]);
          bytes = file.bytes;
          report = { ...file.report, sheets: file.report.sheets.slice(-plan.sheets.length) };
          sheetNames = file.report.sheets.map((s) => s.actual);
        }
      } catch (err) {
        // Nothing changed: the last good bytes are still the workbook.
        const reason = reasonText(err);
        throw new HostProblemError(
          problem("value", {
            zh: interpolate(STRINGS.browserWriteFailed.zh, { reason: reason.zh }),
            en: interpolate(STRINGS.browserWriteFailed.en, { reason: reason.en }),
          }),
        );
      }
      if (!opened) this.written.push(plan);
      this.lastGood = bytes;
      this.book = null; // read from `bytes` when something reads it
      const fileName = downloadFileName(
        report.sheets.map((s) => s.actual),
        this.now(),
        this.state.openedFile,
        this.extension,
      );
      this.saveFile(bytes, fileName);
      onProgress?.({ done: total, total });
      this.setState({ sheetNames: [...sheetNames], lastDownload: fileName });
      return report;
    });
  }

  /**
   * Downloads a file made elsewhere — the browser-mode worker adds sheets to `base` (the
   * workbook's bytes now, null before anything was opened or written) off the page's thread —
   * and makes it the workbook, as `write` would. `make` resolving null (the work refused, its
   * reason told by the caller) or rejecting (e.g. cancelled) leaves the workbook as it was and
   * downloads nothing. Runs in turn with the other operations.
   */
  writeFile(make: (base: Uint8Array | null) => Promise<MadeFile | null>): Promise<WriteReport | null> {
    return this.serial(async () => {
      const file = await make(this.lastGood);
      if (!file) return null;
      this.written = [];
      this.book = null; // read from the bytes when something reads
      this.lastGood = file.bytes;
      this.onBytes = true;
      // The file keeps its base's kind: an opened .xlsm grafted into stays .xlsm.
      const fileName = downloadFileName(
        file.report.sheets.map((s) => s.actual),
        this.now(),
        this.state.openedFile,
        this.extension,
      );
      this.saveFile(file.bytes, fileName);
      this.setState({ sheetNames: [...file.sheetNames], lastDownload: fileName });
      return file.report;
    });
  }

  readSelection(): Promise<RangeData> {
    return Promise.reject(new HostProblemError(problem("na", STRINGS.browserNoSelection)));
  }

  /** The reader over the current workbook, made from the last good bytes when first read; null before any. */
  private async reader(): Promise<XlsxBook | null> {
    if (this.book) return this.book;
    if (!this.lastGood) return null;
    this.book = (await this.xlsx()).read(this.lastGood);
    return this.book;
  }

  findPlans(): Promise<FoundPlan[]> {
    return this.serial(async () => {
      const book = await this.reader();
      return book ? book.findPlans() : [];
    });
  }

  readNames(names: readonly string[]): Promise<Record<string, Scalar[][] | undefined>> {
    return this.serial(async () => {
      const book = await this.reader();
      if (!book) return Object.fromEntries(names.map((n) => [n, undefined]));
      return book.readNames(names);
    });
  }

  readRange(sheetName: string, address: string): Promise<RangeData> {
    return this.serial(async () => {
      const book = await this.reader();
      if (!book?.sheet(sheetName))
        throw new HostProblemError(problem("na", formatText(STRINGS.browserNoSheet, { sheet: sheetName })));
      return book.readRange(sheetName, address);
    });
  }

  async readRanges(
    requests: readonly { readonly sheetName: string; readonly address: string }[],
  ): Promise<RangeData[]> {
    const out: RangeData[] = [];
    for (const r of requests) out.push(await this.readRange(r.sheetName, r.address));
    return out;
  }

  async readPlansAndNames(
    names: readonly string[],
  ): Promise<{ plans: FoundPlan[]; names: Record<string, Scalar[][] | undefined> }> {
    return { plans: await this.findPlans(), names: await this.readNames(names) };
  }

  // ── browser-only ────────────────────────────────────────────────────────────────────────
  /**
   * Makes the .xlsx the user picked the workbook to build on. Rejects with a Problem that says
   * what to do when the file is not an .xlsx or cannot be read; the previous workbook stays.
   */
  openFile(file: { readonly name: string; readonly bytes: Uint8Array }): Promise<BrowserWorkbookState> {
    return this.serial(async () => {
      if (!/\.xlsx$|\.xlsm$/i.test(file.name)) {
        throw new HostProblemError(problem("value", formatText(STRINGS.browserWrongFileType, { file: file.name })));
      }
      const engine = await this.xlsx();
      let checked: { sheetNames: readonly string[]; extension: string };
      try {
        // Refused here, before any work, when sheets cannot be added to it safely.
        checked = engine.check(file.bytes);
      } catch (err) {
        throw new HostProblemError(
          problem("value", formatText(STRINGS.browserOpenFailed, { file: file.name, reason: reasonOf(err) })),
        );
      }
      this.book = null;
      this.written = [];
      this.lastGood = file.bytes;
      this.onBytes = true;
      this.extension = checked.extension;
      this.setState({ openedFile: file.name, sheetNames: [...checked.sheetNames], lastDownload: null });
      return this.state;
    });
  }

  /** Downloads the current workbook again (the user lost or closed the first download). */
  downloadAgain(): Promise<string | null> {
    return this.serial(async () => {
      if (!this.lastGood) return null;
      const name =
        this.state.lastDownload ??
        downloadFileName(this.state.sheetNames, this.now(), this.state.openedFile, this.extension);
      this.saveFile(this.lastGood, name);
      this.setState({ lastDownload: name });
      return name;
    });
  }

  /** Forgets the in-memory workbook; the next write starts a new one. */
  closeWorkbook(): Promise<void> {
    return this.serial(async () => {
      this.book = null;
      this.written = [];
      this.lastGood = null;
      this.onBytes = false;
      this.extension = ".xlsx";
      this.setState(EMPTY);
    });
  }
}
