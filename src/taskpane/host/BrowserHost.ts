import type { Workbook } from "exceljs";
import type { Text } from "../../core/i18n/text";
import { problem } from "../../core/problem";
import type { FoundPlan, RangeData, Scalar, WorkbookPlan, WriteReport } from "../../sheets/plan";
import { formatText, interpolate } from "../i18n/format";
import { STRINGS } from "../i18n/strings";
import { downloadFileName, saveBytesAsFile } from "./download";
import { HostProblemError, reasonText } from "./errors";
import type { WorkbookHost, WriteProgress } from "./types";

/** The .xlsx side (exceljs + src/xlsx), loaded on first use so the first paint stays light. */
export interface XlsxEngine {
  /**
   * A new file holding the plans one after another (the streaming writer, charts included); the
   * report lists every sheet of every plan, in order.
   */
  newFile(plans: readonly WorkbookPlan[]): Promise<{ bytes: Uint8Array; report: WriteReport }>;
  loadWorkbook(bytes: Uint8Array): Promise<Workbook>;
  /** Adds the plan to a workbook the user opened (re-saved through exceljs, without charts). */
  addPlansToWorkbook(workbook: Workbook, plan: WorkbookPlan): WriteReport;
  workbookToBuffer(workbook: Workbook): Promise<Uint8Array>;
  findPlansInWorkbook(workbook: Workbook): FoundPlan[] | Promise<FoundPlan[]>;
  readNamesFromWorkbook(
    workbook: Workbook,
    names: readonly string[],
  ): Record<string, Scalar[][] | undefined> | Promise<Record<string, Scalar[][] | undefined>>;
  /** What a file of this plan will lack compared with Excel (e.g. its charts when added to an opened file). */
  omissions(plan: WorkbookPlan, where: "new" | "added"): Text[];
  /** The values of a rectangle of a sheet; undefined when the sheet does not exist. */
  readRange(workbook: Workbook, sheetName: string, address: string): RangeData | undefined;
}

/** The default engine: `exceljs` and `src/xlsx` as a separate chunk, fetched when first needed. */
export async function loadXlsxEngine(): Promise<XlsxEngine> {
  const [exceljs, xlsx] = await Promise.all([import("exceljs"), import("../../xlsx")]);
  // exceljs is CommonJS: bundlers expose its exports directly or under `default`.
  const ExcelJS = (exceljs as unknown as { Workbook?: unknown }).Workbook
    ? exceljs
    : (exceljs as unknown as { default: typeof exceljs }).default;
  return {
    newFile: (plans) => xlsx.xlsxBytes(plans),
    loadWorkbook: async (bytes) => {
      const wb = new ExcelJS.Workbook();
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      await wb.xlsx.load(copy.buffer);
      return wb;
    },
    addPlansToWorkbook: xlsx.addPlansToWorkbook,
    workbookToBuffer: xlsx.workbookToBuffer,
    findPlansInWorkbook: xlsx.findPlansInWorkbook,
    readNamesFromWorkbook: xlsx.readNamesFromWorkbook,
    readRange: xlsx.readWorksheetRange,
    omissions: (plan, where) => {
      if (where === "new") return [];
      const note = (feature: string) => xlsx.XLSX_LIMITATIONS.find((l) => l.feature === feature)?.note;
      const used = [
        plan.sheets.some((s) => (s.charts?.length ?? 0) > 0) ? note("charts") : undefined,
        plan.sheets.some((s) => s.conditionalFormats?.some((c) => c.stopIfTrue))
          ? note("conditionalFormat.stopIfTrue")
          : undefined,
      ];
      return used.filter((t): t is Text => t !== undefined);
    },
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
  /** What the last downloaded file lacks compared with Excel (e.g. charts). */
  readonly omissions: readonly Text[];
}

export interface BrowserHostOptions {
  readonly loadEngine?: () => Promise<XlsxEngine>;
  readonly saveFile?: (bytes: Uint8Array, fileName: string) => void;
  readonly now?: () => Date;
}

const EMPTY: BrowserWorkbookState = { openedFile: null, sheetNames: [], lastDownload: null, omissions: [] };

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message || err.name : String(err);
}

/** Lets the progress bar repaint before a long synchronous step. */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Browser mode (no Office: WPS users, people who cannot install the add-in). Every write
 * downloads the whole workbook as .xlsx. Without an opened file the workbook is the plans written
 * so far: each write renders all of them as a new file with the streaming writer (charts
 * included). The user can open an existing .xlsx first so generators that read earlier sheets
 * work; sheets are then added to it through exceljs (until issue 11's package-level graft), which
 * leaves charts out. Reads go to an exceljs Workbook loaded from the last good bytes when first
 * needed. A failed write leaves the workbook as it was and downloads nothing. Operations run one
 * at a time.
 */
export class BrowserHost implements WorkbookHost {
  readonly kind = "browser" as const;

  private readonly loadEngine: () => Promise<XlsxEngine>;
  private readonly saveFile: (bytes: Uint8Array, fileName: string) => void;
  private readonly now: () => Date;
  private engine: Promise<XlsxEngine> | null = null;
  /** The exceljs view of the workbook (an opened file, or the last download loaded for reading). */
  private workbook: Workbook | null = null;
  /** Plans written since the session began or the workbook was closed, when no file was opened. */
  private written: WorkbookPlan[] = [];
  /** Bytes of the workbook as it was after the last successful open/write: the rollback point. */
  private lastGood: Uint8Array | null = null;
  /**
   * The workbook is `lastGood` itself, not the plans written (a file was opened, or a file was
   * made elsewhere, see writeFile): later writes add their sheets to those bytes.
   */
  private onBytes = false;
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
      let sheetNames: string[];
      try {
        await nextTick();
        if (opened) {
          const workbook = this.workbook ?? (await engine.loadWorkbook(this.lastGood!));
          this.workbook = workbook;
          report = engine.addPlansToWorkbook(workbook, plan);
          onProgress?.({ done: plan.sheets.length, total });
          await nextTick();
          bytes = await engine.workbookToBuffer(workbook);
          sheetNames = workbook.worksheets.map((ws) => ws.name);
        } else {
          const file = await engine.newFile([...this.written, plan]);
          bytes = file.bytes;
          report = { ...file.report, sheets: file.report.sheets.slice(-plan.sheets.length) };
          sheetNames = file.report.sheets.map((s) => s.actual);
        }
      } catch (err) {
        // Back to the last good state: the sheets this write added must not linger.
        this.workbook = opened && this.lastGood ? await engine.loadWorkbook(this.lastGood) : null;
        const reason = reasonText(err);
        throw new HostProblemError(
          problem("value", {
            zh: interpolate(STRINGS.browserWriteFailed.zh, { reason: reason.zh }),
            en: interpolate(STRINGS.browserWriteFailed.en, { reason: reason.en }),
          }),
        );
      }
      if (!opened) {
        this.written.push(plan);
        this.workbook = null; // loaded from `bytes` when something reads it
      }
      this.lastGood = bytes;
      const fileName = downloadFileName(
        report.sheets.map((s) => s.actual),
        this.now(),
        this.state.openedFile,
      );
      this.saveFile(bytes, fileName);
      onProgress?.({ done: total, total });
      this.setState({
        sheetNames,
        lastDownload: fileName,
        omissions: engine.omissions(plan, opened ? "added" : "new"),
      });
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
      this.workbook = null; // read from the bytes when something reads
      this.lastGood = file.bytes;
      this.onBytes = true;
      const fileName = downloadFileName(
        file.report.sheets.map((s) => s.actual),
        this.now(),
        this.state.openedFile,
      );
      this.saveFile(file.bytes, fileName);
      this.setState({ sheetNames: [...file.sheetNames], lastDownload: fileName, omissions: [] });
      return file.report;
    });
  }

  readSelection(): Promise<RangeData> {
    return Promise.reject(new HostProblemError(problem("na", STRINGS.browserNoSelection)));
  }

  /** The exceljs view of the current workbook, loaded from the last download when first read; null before any. */
  private async book(): Promise<Workbook | null> {
    if (this.workbook) return this.workbook;
    if (!this.lastGood) return null;
    this.workbook = await (await this.xlsx()).loadWorkbook(this.lastGood);
    return this.workbook;
  }

  findPlans(): Promise<FoundPlan[]> {
    return this.serial(async () => {
      const book = await this.book();
      if (!book) return [];
      const engine = await this.xlsx();
      return [...(await engine.findPlansInWorkbook(book))];
    });
  }

  readNames(names: readonly string[]): Promise<Record<string, Scalar[][] | undefined>> {
    return this.serial(async () => {
      const book = await this.book();
      if (!book) return Object.fromEntries(names.map((n) => [n, undefined]));
      const engine = await this.xlsx();
      return engine.readNamesFromWorkbook(book, names);
    });
  }

  readRange(sheetName: string, address: string): Promise<RangeData> {
    return this.serial(async () => {
      const book = await this.book();
      const data = book ? (await this.xlsx()).readRange(book, sheetName, address) : undefined;
      if (!data) throw new HostProblemError(problem("na", formatText(STRINGS.browserNoSheet, { sheet: sheetName })));
      return data;
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
      let workbook: Workbook;
      try {
        workbook = await engine.loadWorkbook(file.bytes);
      } catch (err) {
        throw new HostProblemError(
          problem("value", formatText(STRINGS.browserOpenFailed, { file: file.name, reason: reasonOf(err) })),
        );
      }
      this.workbook = workbook;
      this.written = [];
      this.lastGood = file.bytes;
      this.onBytes = true;
      this.setState({
        openedFile: file.name,
        sheetNames: workbook.worksheets.map((ws) => ws.name),
        lastDownload: null,
        omissions: [],
      });
      return this.state;
    });
  }

  /** Downloads the current workbook again (the user lost or closed the first download). */
  downloadAgain(): Promise<string | null> {
    return this.serial(async () => {
      if (!this.lastGood) return null;
      const name =
        this.state.lastDownload ?? downloadFileName(this.state.sheetNames, this.now(), this.state.openedFile);
      this.saveFile(this.lastGood, name);
      this.setState({ lastDownload: name });
      return name;
    });
  }

  /** Forgets the in-memory workbook; the next write starts a new one. */
  closeWorkbook(): Promise<void> {
    return this.serial(async () => {
      this.workbook = null;
      this.written = [];
      this.lastGood = null;
      this.onBytes = false;
      this.setState(EMPTY);
    });
  }
}
