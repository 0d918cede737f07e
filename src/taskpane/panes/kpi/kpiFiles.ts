/**
 * How the KPI pane's worker makes its download (kpi.worker.ts): a new file with the streaming
 * writer, or the plan's sheets grafted into the workbook's bytes (xlsx/graft.ts, the engine
 * BrowserHost uses: every part of the user's workbook carried over as it was). Both report rows
 * written as they go. Apart from the worker so it is tested without one.
 */
import { graftBytes } from "../../../xlsx/graft";
import { xlsxBytes } from "../../../xlsx/writeXlsx";
import type { KpiFileMaker } from "./kpiWorkerProtocol";

export const xlsxFiles: KpiFileMaker = {
  async newFile(plan, onRows) {
    const file = await xlsxBytes(plan, { onRows });
    return { bytes: file.bytes, report: file.report, sheetNames: file.report.sheets.map((s) => s.actual) };
  },
  async addTo(base, plan, onRows) {
    const file = await graftBytes(base, plan, { onRows });
    return { bytes: file.bytes, report: file.report, sheetNames: file.sheetNames };
  },
};
