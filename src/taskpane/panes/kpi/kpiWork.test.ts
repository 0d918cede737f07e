import Papa from "papaparse";
import { DEFAULT_SETTINGS } from "../../../core/settings";
import { sampleWorkOrders } from "../../../core/workorders";
import { xlsxBytes } from "../../../xlsx/writeXlsx";
import { BrowserHost } from "../../host/BrowserHost";
import { KpiSession, type KpiPlanOptions } from "./kpiSession";
import { CancelledError, KpiWorkerClient, workerKpiWork } from "./kpiWork";
import { answerKpiRequest, type KpiFileMaker, type KpiMessage, type KpiRequest } from "./kpiWorkerProtocol";

/** A Worker that runs the worker's side in this process (structured clones made as a real one would). */
class InProcessWorker {
  onmessage: ((e: MessageEvent<KpiMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  private readonly session = new KpiSession();
  constructor(private readonly files: KpiFileMaker) {}
  postMessage(data: { id: number; request: KpiRequest }): void {
    const { id, request } = structuredClone(data);
    void answerKpiRequest(this.session, this.files, id, request, (message) => {
      if (!this.terminated) this.onmessage?.({ data: structuredClone(message) } as MessageEvent<KpiMessage>);
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

function csvFile(count: number) {
  const s = sampleWorkOrders({ seed: 3, count, month: { year: 2026, month: 10 }, headers: "zh", mistakes: 0 });
  const text = Papa.unparse([s.headers, ...s.rows.map((r) => r.map((c) => (c === null ? "" : c)))]);
  return { name: "orders.csv", bytes: new TextEncoder().encode(text) };
}

const OPTIONS: KpiPlanOptions = {
  month: { year: 2026, month: 10 },
  asOf: 46327, // 2026-11-01
  locale: "zh-CN",
  settings: DEFAULT_SETTINGS,
  includeSettings: true,
};

function setUp(gate?: Promise<void>) {
  const workers: InProcessWorker[] = [];
  const files: KpiFileMaker = {
    async newFile(plan, onRows) {
      const file = await xlsxBytes(plan, { onRows });
      await gate; // the test cancels while the file is being made
      return { bytes: file.bytes, report: file.report, sheetNames: file.report.sheets.map((s) => s.actual) };
    },
    addTo: () => Promise.reject(new Error("not used here")),
  };
  const client = new KpiWorkerClient(() => {
    const w = new InProcessWorker(files);
    workers.push(w);
    return w as unknown as Worker;
  });
  const saved: string[] = [];
  const host = new BrowserHost({ saveFile: (_b, name) => saved.push(name), now: () => new Date(2026, 10, 2) });
  return { work: workerKpiWork(host, client), host, workers, saved };
}

describe("the KPI work in a worker (browser mode)", () => {
  test("open, check, preview and write: the download holds the register, problems and KPI sheets; rows written reported", async () => {
    const { work, saved, host } = setUp();
    const source = await work.open(csvFile(300));
    expect(source.rows).toBe(300);
    const checked = await work.check(source.proposal.mapping);
    if (!checked.ok) throw new Error(checked.problem.message.en);
    expect(checked.value.rowsRead).toBe(300);
    expect(checked.value.rowsUsed).toBe(300 - checked.value.leftOut);
    expect(checked.value.months.map((m) => m.key)).toContain("2026-10");
    const preview = await work.preview(OPTIONS.month, OPTIONS.asOf, DEFAULT_SETTINGS);
    expect(preview?.current.department.values.orders).toBeGreaterThan(0);
    const progress: number[] = [];
    const r = await work.write(OPTIONS, (p) => p.rowsWritten !== undefined && progress.push(p.rowsWritten));
    if (!r.ok) throw new Error(r.problem.message.en);
    expect(saved).toHaveLength(1);
    expect(host.getState().sheetNames).toEqual(r.value.report.sheets.map((s) => s.actual));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The host reads the downloaded workbook back.
    expect((await host.findPlans()).map((p) => p.marker.kind)).toEqual(["settings", "register", "problems", "kpi"]);
  });

  test("Cancel while writing: rejects with CancelledError, nothing downloaded, the workbook as it was; the next write starts a new worker and succeeds", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { work, saved, host, workers } = setUp(gate);
    const source = await work.open(csvFile(200));
    await work.check(source.proposal.mapping);
    const before = host.getState();
    const writing = work.write(OPTIONS, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    work.cancel!();
    await expect(writing).rejects.toBeInstanceOf(CancelledError);
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(workers[0]!.terminated).toBe(true);
    expect(saved).toEqual([]);
    expect(host.getState()).toBe(before);

    // A new worker is given the file and the mapping again, then writes.
    const again = await work.write(OPTIONS, () => undefined);
    expect(again.ok).toBe(true);
    expect(workers).toHaveLength(2);
    expect(saved).toHaveLength(1);
  });

  test("a plan the session refuses (nothing checked yet) is a problem, and nothing is downloaded", async () => {
    const { work, saved } = setUp();
    await work.open(csvFile(10));
    const r = await work.write(OPTIONS, () => undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message.en).toBe("Check the data first");
    expect(saved).toEqual([]);
  });
});
