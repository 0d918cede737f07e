/**
 * The KPI pane's Web Worker (browser mode): reading the uploaded file, parsing the orders, the
 * engine's report and the .xlsx writing all run here, so the page keeps answering input while a
 * 100,000-order register is made. Started by createKpiWorker.ts; the pane's Cancel terminates it.
 */
/// <reference lib="webworker" />
import { xlsxBytes } from "../../../xlsx/writeXlsx";
import { loadXlsxEngine } from "../../host/BrowserHost";
import { KpiSession } from "./kpiSession";
import { answerKpiRequest, type KpiFileMaker, type KpiMessage, type KpiRequest } from "./kpiWorkerProtocol";

declare const self: DedicatedWorkerGlobalScope;

const session = new KpiSession();

const files: KpiFileMaker = {
  async newFile(plan, onRows) {
    const file = await xlsxBytes(plan, { onRows });
    return { bytes: file.bytes, report: file.report, sheetNames: file.report.sheets.map((s) => s.actual) };
  },
  // The same engine BrowserHost adds sheets to an opened workbook with.
  async addTo(base, plan) {
    const engine = await loadXlsxEngine();
    const workbook = await engine.loadWorkbook(base);
    const report = engine.addPlansToWorkbook(workbook, plan);
    const bytes = await engine.workbookToBuffer(workbook);
    return { bytes, report, sheetNames: workbook.worksheets.map((ws) => ws.name) };
  },
};

// One request at a time, in order (the pane sends one and waits; a queue keeps it so anyway).
let queue: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<{ id: number; request: KpiRequest }>) => {
  const { id, request } = e.data;
  queue = queue.then(() =>
    answerKpiRequest(session, files, id, request, (message: KpiMessage, transfer?: ArrayBuffer[]) =>
      self.postMessage(message, transfer ?? []),
    ),
  );
};
