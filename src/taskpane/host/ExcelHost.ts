import { findPlans, readNames, readPlansAndNames, readRange, readRanges, readSelection, writePlans } from "../../excel";
import type { ReadOptions } from "../../excel/read";
import type { FoundPlan, RangeData, Scalar, WorkbookPlan, WriteReport } from "../../sheets/plan";
import type { ReadProgress, SelfCheckHost, WorkbookHost, WriteProgress } from "./types";

/** Runs a batch against the workbook; `Excel.run` in Office, injectable for tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Every batch waits while the user is editing a cell instead of failing: "When true, … if the
 * user is in cell edit mode the batch request is delayed until the user exits cell edit mode"
 * (Excel.RunOptions.delayForCellEdit, https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
 * A wait that outlasts the per-sync limit of src/excel/sync.ts is reported to the user.
 */
const excelRun: ExcelRunner = (batch) => Excel.run({ delayForCellEdit: true }, batch);

/**
 * Inside Excel: every call is one `Excel.run` over src/excel, which batches the work, rolls a
 * failed write back and throws a PlanWriteError with a bilingual message (shown by
 * problemFromError). `Excel` is only touched when a method is called, never at import.
 */
export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly run: ExcelRunner = excelRun,
    /** Chunking of reads (tests lift the limits to show what grows with the data). */
    private readonly readOptions: ReadOptions = {},
  ) {}

  async write(plan: WorkbookPlan, onProgress?: (p: WriteProgress) => void): Promise<WriteReport> {
    const report = await this.run((context) => writePlans(context, plan, { onProgress }));
    for (const l of [...this.listeners]) l();
    return report;
  }

  readSelection(onProgress?: (p: ReadProgress) => void): Promise<RangeData> {
    return this.run((context) =>
      readSelection(context, onProgress ? { ...this.readOptions, onProgress } : this.readOptions),
    );
  }

  findPlans(): Promise<FoundPlan[]> {
    return this.run(async (context) => [...(await findPlans(context))]);
  }

  readNames(names: readonly string[]): Promise<Record<string, Scalar[][] | undefined>> {
    return this.run((context) => readNames(context, names));
  }

  readRange(sheetName: string, address: string): Promise<RangeData> {
    return this.run((context) => readRange(context, sheetName, address, this.readOptions));
  }

  readRanges(requests: readonly { readonly sheetName: string; readonly address: string }[]): Promise<RangeData[]> {
    return this.run((context) => readRanges(context, requests, this.readOptions));
  }

  readPlansAndNames(
    names: readonly string[],
  ): Promise<{ plans: FoundPlan[]; names: Record<string, Scalar[][] | undefined> }> {
    return this.run((context) => readPlansAndNames(context, names));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readonly selfCheck: SelfCheckHost = {
    // The self-check's Excel side is loaded when it is used, not with the pane.
    run: async (check, options) => {
      const { runSelfCheck } = await import("../../excel/selfCheck");
      return this.run((context) => runSelfCheck(context, check, options));
    },
    saveReport: async (name, rows) => {
      const { writeReportSheet } = await import("../../excel/selfCheck");
      const sheet = await this.run((context) => writeReportSheet(context, name, rows));
      for (const l of [...this.listeners]) l();
      return sheet;
    },
    describeExcel: () => describeExcel(),
  };
}

/**
 * "Excel <platform> <version>" from Office.context.diagnostics (Office.ContextInformation:
 * host, platform, version; https://learn.microsoft.com/javascript/api/office/office.contextinformation),
 * or null outside Office.
 */
function describeExcel(): string | null {
  if (typeof Office === "undefined") return null;
  const d = (Office as unknown as { context?: { diagnostics?: { platform?: unknown; version?: unknown } } }).context
    ?.diagnostics;
  if (!d) return null;
  return ["Excel", d.platform, d.version].filter((x) => x !== undefined && x !== null && x !== "").join(" ");
}
