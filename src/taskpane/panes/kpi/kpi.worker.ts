/**
 * The KPI pane's Web Worker (browser mode): reading the uploaded file, parsing the orders, the
 * engine's report and the .xlsx writing all run here, so the page keeps answering input while a
 * 100,000-order register is made. Started by createKpiWorker.ts; the pane's Cancel terminates it.
 */
/// <reference lib="webworker" />
import { xlsxFiles as files } from "./kpiFiles";
import { KpiSession } from "./kpiSession";
import { answerKpiRequest, type KpiMessage, type KpiRequest } from "./kpiWorkerProtocol";

declare const self: DedicatedWorkerGlobalScope;

const session = new KpiSession();

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
