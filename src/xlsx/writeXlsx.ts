/**
 * The .xlsx writer for new files: renders WorkbookPlans (the same plans the Office.js writer
 * renders) as a streaming package — see package/writePackage.ts for the design. It emits bytes
 * to a `ByteSink`; the adapters give it a Node file or stream (node.ts) or collect a Blob in the
 * browser (blob.ts). This module uses neither DOM nor Node APIs, so it also runs in a Web Worker.
 */
import { prepareWorkbookPlan, type ExistingNames, type PreparedSheet } from "../sheets/formula/prepare";
import { writeReport } from "../sheets/formula/writeDecisions";
import type { WorkbookPlan, WriteReport } from "../sheets/plan";
import { writePackage, type PackageOptions } from "./package/writePackage";
import { collectBytes, type ByteSink, type ZipOptions } from "./package/zip";

export type { ByteSink } from "./package/zip";

export type XlsxOptions = ZipOptions & Pick<PackageOptions, "onRows">;

export interface PreparedFile {
  readonly sheets: readonly PreparedSheet[];
  /** Index into `sheets` of the sheet shown first. */
  readonly activeSheet: number;
  /** One report per plan, in order. */
  readonly reports: readonly WriteReport[];
}

/**
 * Decides every name of a new file holding `plans` one after another, the way adding them to a
 * workbook one at a time would (the second plan sees the first's sheets, names and tables).
 * `existing`: what the workbook the sheets go into already holds (graft.ts). Throws PlanError
 * (bilingual) when a plan cannot be written.
 */
export function prepareNewFile(
  plans: readonly WorkbookPlan[],
  existing: ExistingNames = { sheetNames: [], definedNames: [], tableNames: [] },
): PreparedFile {
  const sheetNames: string[] = [...existing.sheetNames];
  const definedNames: string[] = [...existing.definedNames];
  const tableNames: string[] = [...existing.tableNames];
  const sheets: PreparedSheet[] = [];
  const reports: WriteReport[] = [];
  let activeSheet = 0;
  for (const plan of plans) {
    const prepared = prepareWorkbookPlan(plan, { sheetNames, definedNames, tableNames });
    if (plan.activate !== undefined && prepared.sheets[plan.activate]) activeSheet = sheets.length + plan.activate;
    sheets.push(...prepared.sheets);
    sheetNames.push(...prepared.sheets.map((s) => s.actualName));
    definedNames.push(...prepared.newDefinedNames);
    tableNames.push(...prepared.sheets.flatMap((s) => s.tableNames));
    reports.push(writeReport(prepared));
  }
  return { sheets, activeSheet, reports };
}

export function asList(plans: WorkbookPlan | readonly WorkbookPlan[]): readonly WorkbookPlan[] {
  return "sheets" in plans ? [plans as WorkbookPlan] : (plans as readonly WorkbookPlan[]);
}

/**
 * Writes a new .xlsx holding the plans' sheets to `sink`. Returns the report of the (last) plan
 * (the sheet names actually used); nothing is written when the plan is refused (PlanError).
 */
export async function writeXlsx(
  plans: WorkbookPlan | readonly WorkbookPlan[],
  sink: ByteSink,
  options: XlsxOptions = {},
): Promise<WriteReport> {
  const file = prepareNewFile(asList(plans));
  await writePackage(file.sheets, sink, { ...options, activeSheet: file.activeSheet });
  return mergeReports(file.reports);
}

/** The reports of several plans as one: every sheet, in order. */
export function mergeReports(reports: readonly WriteReport[]): WriteReport {
  return { sheets: reports.flatMap((r) => r.sheets), syncs: 0, largestRequestBytes: 0 };
}

/** The whole file in memory (tests, small files, the browser adapter). */
export async function xlsxBytes(
  plans: WorkbookPlan | readonly WorkbookPlan[],
  options: XlsxOptions = {},
): Promise<{ bytes: Uint8Array; report: WriteReport }> {
  const { result: report, bytes } = await collectBytes((sink) => writeXlsx(plans, sink, options));
  return { bytes, report };
}
