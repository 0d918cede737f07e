import type { FoundPlan, RangeData, Scalar, WorkbookPlan, WriteReport } from "../../sheets/plan";
import type { SelfCheckRun } from "../../sheets/selfcheck/report";
import type { SelfCheckPlan } from "../../sheets/selfcheck/selfCheckPlan";
import type { RunSelfCheckOptions } from "../../excel";
import type { HostKind } from "../environment";

export interface WriteProgress {
  readonly done: number;
  readonly total: number;
}

/**
 * The workbook a pane works on: the open Excel workbook (ExcelHost) or, outside Office, an
 * in-memory workbook that downloads as .xlsx after each write (BrowserHost). Panes talk only
 * to this interface, so every pane runs in both. Failures reject with a `HostProblemError`
 * (or a writer's error); show them with `problemFromError` / the task runner.
 */
export interface WorkbookHost {
  readonly kind: HostKind;
  /** Writes the sheets as one unit: all of them, or (after a failure) none. */
  write(plan: WorkbookPlan, onProgress?: (p: WriteProgress) => void): Promise<WriteReport>;
  /** The user's current selection. Browser mode rejects: there is no selection to read. */
  readSelection(): Promise<RangeData>;
  /** Generated sheets in the workbook, found by their markers. */
  findPlans(): Promise<FoundPlan[]>;
  /**
   * The values of `address` (e.g. "A1:N120") on a sheet, as RangeData: one round trip however
   * large (a generated sheet found by `findPlans`, read back). Rejects when the sheet is missing.
   */
  readRange(sheetName: string, address: string): Promise<RangeData>;
  /** Values of workbook names (e.g. the settings); a name that does not exist maps to undefined. */
  readNames(names: readonly string[]): Promise<Record<string, Scalar[][] | undefined>>;
  /**
   * Several ranges at once (every audit sheet, every form of a year): in Excel one Excel.run
   * whose syncs do not grow with the number of sheets. Rejects when a sheet is missing.
   */
  readRanges(requests: readonly { readonly sheetName: string; readonly address: string }[]): Promise<RangeData[]>;
  /** findPlans and readNames together (in Excel: one Excel.run, two syncs). */
  readPlansAndNames(
    names: readonly string[],
  ): Promise<{ plans: FoundPlan[]; names: Record<string, Scalar[][] | undefined> }>;
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
