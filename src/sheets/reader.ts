/**
 * The reader port: what a generator that builds on earlier sheets (the bonus sheet on the
 * appraisal forms, the 6S summary on the audits) and the settings decision need from a
 * workbook. Every host implements it — the open Excel workbook (taskpane/host/ExcelHost), the
 * browser's in-memory workbook (taskpane/host/BrowserHost) and an .xlsx file (xlsx/reader.ts,
 * for the command line) — so the decisions built on it live once, here in sheets/, and panes
 * and commands call the same functions (`readAudits`, `readForms`, `settingsForGeneration`).
 */
import { text } from "../core/i18n/text";
import { problem, ProblemError } from "../core/problem";
import type { FoundPlan, RangeData, Scalar } from "./plan";

export interface WorkbookReader {
  /** Generated sheets in the workbook, found by their markers (never by their names). */
  findPlans(): Promise<FoundPlan[]>;
  /**
   * The values of `address` (e.g. "A1:N120") on a sheet, as RangeData: one round trip however
   * large. Rejects (with a ProblemError) when the sheet is missing.
   */
  readRange(sheetName: string, address: string): Promise<RangeData>;
  /** Values of workbook names (e.g. the settings); a name that does not exist maps to undefined. */
  readNames(names: readonly string[]): Promise<Record<string, Scalar[][] | undefined>>;
  /**
   * Several ranges at once (every audit sheet, every form of a year), in request order: in Excel
   * one Excel.run whose syncs do not grow with the number of sheets. Rejects when a sheet is missing.
   */
  readRanges(requests: readonly RangeRequest[]): Promise<RangeData[]>;
  /** findPlans and readNames together (in Excel: one Excel.run, two syncs). */
  readPlansAndNames(names: readonly string[]): Promise<PlansAndNames>;
}

export interface RangeRequest {
  readonly sheetName: string;
  readonly address: string;
}

export interface PlansAndNames {
  readonly plans: FoundPlan[];
  readonly names: Record<string, Scalar[][] | undefined>;
}

/** Reads a rectangle of a sheet: a reader's `readRange`, passed on its own. */
export type RangeReader = WorkbookReader["readRange"];

/** Reads several rectangles at once: a reader's `readRanges`, passed on its own. */
export type RangesReader = WorkbookReader["readRanges"];

/**
 * The two batched reads for a reader whose single reads cost nothing extra (a workbook in
 * memory): one read after the other.
 */
export function sequentialBatches(
  reader: Pick<WorkbookReader, "findPlans" | "readRange" | "readNames">,
): Pick<WorkbookReader, "readRanges" | "readPlansAndNames"> {
  return {
    readRanges: async (requests) => {
      const out: RangeData[] = [];
      for (const r of requests) out.push(await reader.readRange(r.sheetName, r.address));
      return out;
    },
    readPlansAndNames: async (names) => ({ plans: await reader.findPlans(), names: await reader.readNames(names) }),
  };
}

const emptyReads: Pick<WorkbookReader, "findPlans" | "readRange" | "readNames"> = {
  findPlans: async () => [],
  readRange: async (sheetName) => {
    throw noSuchSheet(sheetName);
  },
  readNames: async (names) => Object.fromEntries(names.map((n) => [n, undefined])),
};

/** A workbook with nothing in it yet (a command without an input workbook, a browser before any file). */
export const EMPTY_WORKBOOK: WorkbookReader = { ...emptyReads, ...sequentialBatches(emptyReads) };

/** What a reader rejects with when asked for a sheet the workbook does not have. */
export function noSuchSheet(sheetName: string): ProblemError {
  return new ProblemError(problem("na", text(`找不到工作表“${sheetName}”`, `no worksheet "${sheetName}"`)));
}
