import { strToU8, zipSync } from "fflate";
import Papa from "papaparse";
import { DEFAULT_SETTINGS } from "../../../core/settings";
import { sampleWorkOrders } from "../../../core/workorders";
import { BrowserHost } from "../../host/BrowserHost";
import { xlsxFiles } from "./kpiFiles";
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
      const file = await xlsxFiles.newFile(plan, onRows);
      await gate; // the test cancels while the file is being made
      return file;
    },
    addTo: (base, plan, onRows) => xlsxFiles.addTo(base, plan, onRows),
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

/** A workbook of the user's own (another program's, no markers): one sheet, 42 in A1. */
function theirWorkbook(): Uint8Array {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const parts: Record<string, string> = {
    "[Content_Types].xml": `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    "_rels/.rels": `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="我的表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `${xml}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
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

  test("a workbook the user opened: the worker grafts the sheets into its bytes (its own sheet kept, read back by the safe reader), rows written reported", async () => {
    const { work, saved, host } = setUp();
    await host.openFile({ name: "mine.xlsx", bytes: theirWorkbook() });
    const source = await work.open(csvFile(120));
    await work.check(source.proposal.mapping);
    const written: number[] = [];
    let total = 0;
    const r = await work.write(OPTIONS, (p) => {
      if (p.rowsWritten !== undefined) written.push(p.rowsWritten);
      total = p.rowsTotal ?? total;
    });
    if (!r.ok) throw new Error(r.problem.message.en);
    expect(saved).toHaveLength(1);
    expect(host.getState().sheetNames).toEqual(["我的表", ...r.value.report.sheets.map((s) => s.actual)]);
    expect(written.at(-1)).toBe(total);
    expect(total).toBeGreaterThan(120);
    expect((await host.findPlans()).map((p) => p.marker.kind)).toEqual(["settings", "register", "problems", "kpi"]);
    expect(host.getState().sheetNames[0]).toBe("我的表");
    expect((await host.readRange("我的表", "A1")).values).toEqual([[42]]);

    // A second write grafts into the first download: both sets of sheets, the user's first.
    const again = await work.write({ ...OPTIONS, includeSettings: false }, () => undefined);
    if (!again.ok) throw new Error(again.problem.message.en);
    expect(saved).toHaveLength(2);
    expect(host.getState().sheetNames).toHaveLength(
      1 + r.value.report.sheets.length + again.value.report.sheets.length,
    );
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
