import type { RangeData, WorkbookPlan, WriteReport } from "../../sheets/plan";
import type { WorkbookReader } from "../../sheets/reader";
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
}
