/**
 * Where the KPI pane's work runs. Inside Excel: a KpiSession on the main thread (the rows come
 * from Excel in chunks, and the sheets go to Excel through the host). In browser mode: the same
 * session in a Web Worker (kpi.worker.ts) — the page's thread only sends the file, shows counts
 * and downloads the finished bytes — with a Cancel that terminates the worker, so nothing is
 * downloaded and nothing of the half-made file stays.
 */
import { ProblemError, problem, type Result } from "../../../core/problem";
import type { Settings } from "../../../core/settings";
import type { ColumnMapping, KpiReport, Month } from "../../../core/workorders";
import type { RangeData, WriteReport } from "../../../sheets/plan";
import type { BrowserHost, MadeFile } from "../../host/BrowserHost";
import type { WorkbookHost, WriteProgress } from "../../host/types";
import { KpiSession, type KpiChecked, type KpiPlanOptions, type KpiSource } from "./kpiSession";
import type { KpiAnswers, KpiMessage, KpiRequest, RowsCount } from "./kpiWorkerProtocol";

export interface KpiWork {
  /** An uploaded file (browser mode). */
  open(
    file: { readonly name: string; readonly bytes: Uint8Array },
    onRows?: (p: RowsCount) => void,
  ): Promise<KpiSource>;
  /** A range read from the workbook (the selection, inside Excel). */
  load(range: RangeData, label: string): Promise<KpiSource>;
  check(mapping: ColumnMapping): Promise<Result<KpiChecked>>;
  preview(month: Month, asOf: number, settings: Settings): Promise<KpiReport | null>;
  /** Builds the sheets and writes them (inside Excel) or downloads them (browser mode). */
  write(
    options: KpiPlanOptions,
    progress: (p: WriteProgress) => void,
  ): Promise<Result<{ report: WriteReport; problems: number }>>;
  /** Stops the running work at once (browser mode); null where work cannot be stopped. */
  readonly cancel: (() => void) | null;
}

/** The work on the main thread, writing through the host (Excel). */
export function localKpiWork(host: WorkbookHost): KpiWork {
  const session = new KpiSession();
  return {
    open: (file) => session.open(file),
    load: async (range, label) => session.load(range, label),
    check: async (mapping) => session.check(mapping),
    preview: async (month, asOf, settings) => session.preview(month, asOf, settings),
    write: async (options, progress) => {
      const planned = session.plan(options);
      if (!planned.ok) return planned;
      const report = await host.write(planned.value.plan, progress);
      return { ok: true, value: { report, problems: planned.value.problems } };
    },
    cancel: null,
  };
}

/** The error a cancelled job ends with: the pane says so, and nothing was downloaded. */
export class CancelledError extends ProblemError {
  constructor() {
    super(
      problem("na", {
        zh: "已取消：没有下载任何文件，工作簿保持原样",
        en: "Cancelled: nothing was downloaded and the workbook is as it was",
      }),
    );
    this.name = "CancelledError";
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: unknown): void;
  onRows?: (p: RowsCount) => void;
}

/**
 * The pane's side of the worker. A worker that was cancelled is gone with everything it held;
 * the next request starts a new one and first gives it the file and mapping again (kept here),
 * so the user goes on where they were.
 */
export class KpiWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** What the worker's session was given, to give a new worker after a cancel. */
  private file: { readonly name: string; readonly bytes: Uint8Array } | null = null;
  private mapping: ColumnMapping | null = null;
  private replay: Promise<void> | null = null;

  constructor(private readonly makeWorker: () => Worker | Promise<Worker>) {}

  private async started(): Promise<Worker> {
    if (this.worker) return this.worker;
    const worker = await this.makeWorker();
    worker.onmessage = (e: MessageEvent<KpiMessage>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.failAll(
        new ProblemError(
          problem("value", { zh: `后台处理出错：${e.message}`, en: `The background work failed: ${e.message}` }),
        ),
      );
    };
    this.worker = worker;
    return worker;
  }

  private receive(message: KpiMessage): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    if ("progress" in message) {
      p.onRows?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.ok) p.resolve(message.value);
    else p.reject(new ProblemError(message.problem));
  }

  private failAll(err: unknown): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(err);
  }

  private async send<K extends KpiRequest["op"]>(
    request: Extract<KpiRequest, { op: K }>,
    onRows?: (p: RowsCount) => void,
  ): Promise<KpiAnswers[K]> {
    const fresh = this.worker === null;
    const worker = await this.started();
    if (fresh && request.op !== "open" && this.file) {
      // A new worker after a cancel: give it the file (and mapping) the pane is showing.
      const { file, mapping } = this;
      this.replay = (async () => {
        await this.post(worker, { op: "open", name: file.name, bytes: file.bytes });
        if (mapping) await this.post(worker, { op: "check", mapping });
      })();
    }
    if (this.replay && request.op !== "open") await this.replay;
    return this.post(worker, request, onRows) as Promise<KpiAnswers[K]>;
  }

  private post(worker: Worker, request: KpiRequest, onRows?: (p: RowsCount) => void): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onRows ? { onRows } : {}) });
      worker.postMessage({ id, request });
    });
  }

  async open(file: { readonly name: string; readonly bytes: Uint8Array }, onRows?: (p: RowsCount) => void) {
    this.file = null;
    this.mapping = null;
    this.replay = null;
    // The bytes are copied to the worker (not transferred): they are kept to start again after a cancel.
    const source = await this.send({ op: "open", name: file.name, bytes: file.bytes }, onRows);
    this.file = file;
    return source;
  }

  async check(mapping: ColumnMapping) {
    const r = await this.send({ op: "check", mapping });
    this.mapping = r.ok ? mapping : null;
    return r;
  }

  preview(month: Month, asOf: number, settings: Settings) {
    return this.send({ op: "preview", month, asOf, settings });
  }

  generate(options: KpiPlanOptions, base: Uint8Array | null, onRows: (p: RowsCount) => void) {
    return this.send({ op: "generate", options, base }, onRows);
  }

  /** Terminates the worker: its work stops now, and every open request ends with CancelledError. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.replay = null;
    this.failAll(new CancelledError());
  }
}

/** The work in a Web Worker, downloading through the browser host (browser mode). */
export function workerKpiWork(host: BrowserHost, client: KpiWorkerClient): KpiWork {
  return {
    open: (file, onRows) => client.open(file, onRows),
    load: () => Promise.reject(new Error("browser mode has no selection to load")),
    check: (mapping) => client.check(mapping),
    preview: (month, asOf, settings) => client.preview(month, asOf, settings),
    write: async (options, progress) => {
      let problems = 0;
      let refused: Result<never> | null = null;
      const report = await host.writeFile(async (base): Promise<MadeFile | null> => {
        const r = await client.generate(options, base, (p) =>
          progress({ done: 0, total: 1, rowsWritten: p.done, rowsTotal: p.total }),
        );
        if (!r.ok) {
          refused = r;
          return null;
        }
        problems = r.value.problems;
        return r.value;
      });
      if (refused) return refused;
      return { ok: true, value: { report: report!, problems } };
    },
    cancel: () => client.cancel(),
  };
}
