import type { RangeData, WorkbookPlan, WriteReport } from "../../sheets/plan";
import type { WorkbookReader } from "../../sheets/reader";
import type { SelfCheckRun } from "../../sheets/selfcheck/report";
import type { SelfCheckPlan } from "../../sheets/selfcheck/selfCheckPlan";
import type { RunSelfCheckOptions } from "../../excel";
import type { HostKind } from "../environment";

export interface WriteProgress {
  readonly done: number;
  readonly total: number;
  /** Rows of cell values written so far, of all the plan's (when the host counts them). */
  readonly rowsWritten?: number;
  readonly rowsTotal?: number;
}

/** Rows of a range read so far, of all its rows. */
export interface ReadProgress {
  readonly rowsRead: number;
  readonly rowsTotal: number;
}

/**
 * The workbook a pane works on: the open Excel workbook (ExcelHost) or, outside Office, an
 * in-memory workbook that downloads as .xlsx after each write (BrowserHost). Panes talk only
 * to this interface, so every pane runs in both. Reading is the `WorkbookReader` port of
 * sheets/reader.ts (findPlans, readRange, readNames, readRanges, readPlansAndNames), the same one the command line implements
 * over an .xlsx file (xlsx/reader.ts). Failures reject with a `ProblemError` (HostProblemError,
 * a writer's PlanWriteError…); show them with `problemFromError` / the task runner.
 */
export interface WorkbookHost extends WorkbookReader {
  readonly kind: HostKind;
  /** Writes the sheets as one unit: all of them, or (after a failure) none. */
  write(plan: WorkbookPlan, onProgress?: (p: WriteProgress) => void): Promise<WriteReport>;
  /** The user's current selection. Browser mode rejects: there is no selection to read. */
  readSelection(onProgress?: (p: ReadProgress) => void): Promise<RangeData>;
  /**
   * Calls `listener` after this host changed the workbook (a write; in browser mode also opening
   * or closing a file), so panes can re-read what they show. Returns the unsubscribe function.
   */
  subscribe(listener: () => void): () => void;
  /**
   * The self-check (设置 pane): only where there is an Excel to check. Browser mode has none,
   * so the pane says so instead of offering it.
   */
  readonly selfCheck?: SelfCheckHost;
}

/** What the self-check needs from Excel (src/excel/selfCheck.ts, each call one Excel.run). */
export interface SelfCheckHost {
  /** Writes the temporary sheets, reads back, evaluates the functions, removes everything. */
  run(check: SelfCheckPlan, options?: RunSelfCheckOptions): Promise<SelfCheckRun>;
  /** Saves the report as a new sheet (the one thing the check leaves, on request); its actual name. */
  saveReport(name: string, rows: readonly (readonly (string | number)[])[]): Promise<string>;
  /** Excel's platform and version as Office reports them ("Excel PC 16.0.18025.20000"), if known. */
  describeExcel(): string | null;
}
