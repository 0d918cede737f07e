/**
 * The KPI pane's work on its data, without React or the DOM: the table read (a selection or an
 * uploaded file), the orders checked against the user's mapping, the preview report and the
 * workbook plan. The pane runs it on the main thread inside Excel (the rows come from Excel in
 * chunks) and in a Web Worker in browser mode (kpiWorker.ts), where a 100,000-order file is read,
 * parsed, aggregated and written without freezing the page. What crosses to the pane is small:
 * headers and counts, the first problems, the months, the preview report.
 */
import type { Locale } from "../../../core/i18n/text";
import { fail, ok, ProblemError, type Result } from "../../../core/problem";
import type { Settings } from "../../../core/settings";
import {
  monthlyKpiReport,
  type ColumnMapping,
  type KpiReport,
  type MappingProposal,
  type Month,
  type OrderProblem,
  type ParsedOrders,
} from "../../../core/workorders";
import { text } from "../../../core/i18n/text";
import type { RangeData, WorkbookPlan } from "../../../sheets/plan";
import {
  kpiWorkbookPlan,
  proposeFor,
  readOrders,
  sourceTable,
  type RegisterCallLog,
  type SourceTable,
} from "../../../sheets/workorders";
import { monthChoices, type MonthChoice } from "./kpiModel";

/** Problems the pane lists (the 数据问题 sheet holds all of them). */
export const PROBLEMS_SHOWN = 100;

/** The table read, as the pane shows it (the rows stay where the session is). */
export interface KpiSource {
  /** What the user knows the data as: "orders.csv" or "Sheet1!A1:S3121". */
  readonly label: string;
  readonly address: string;
  readonly firstColumn: number;
  readonly headers: RangeData["values"][number];
  readonly headerRow: number;
  readonly rows: number;
  readonly proposal: MappingProposal;
}

/** The orders checked against a mapping, as the pane shows them. */
export interface KpiChecked {
  readonly rowsRead: number;
  readonly rowsUsed: number;
  /** Rows left out (a problem with effect "rowLeftOut"). */
  readonly leftOut: number;
  /** All the problems found; `shown` are the first PROBLEMS_SHOWN of them. */
  readonly problemCount: number;
  readonly shown: readonly OrderProblem[];
  /** Months with orders, newest first. */
  readonly months: readonly MonthChoice[];
}

/** What the plan of the register + 数据问题 + 月度KPI sheets is built from, besides the orders. */
export interface KpiPlanOptions {
  readonly month: Month;
  readonly asOf: number;
  readonly locale: Locale;
  readonly settings: Settings;
  readonly includeSettings: boolean;
  readonly frozenAt?: number;
  /** The workbook's call log, found by marker: the register proves written contact from it (issue 12 point 5). */
  readonly callLog?: RegisterCallLog;
}

const NOTHING_READ = text("还没有读取工单数据", "No work orders have been read yet");
const NOT_CHECKED = text("请先检查数据", "Check the data first");

export class KpiSession {
  private table: { readonly source: SourceTable; readonly label: string; readonly address: string } | null = null;
  private parsed: ParsedOrders | null = null;

  /** A newly read range: header row found, mapping proposed, the earlier check forgotten. */
  load(range: RangeData, label: string): KpiSource {
    const table = sourceTable(range);
    if (!table.ok) throw new ProblemError(table.problem);
    this.table = { source: table.value, label, address: range.address };
    this.parsed = null;
    return {
      label,
      address: range.address,
      firstColumn: range.firstColumn,
      headers: table.value.headers,
      headerRow: table.value.headerRow,
      rows: table.value.rows.length,
      proposal: proposeFor(table.value),
    };
  }

  /** An uploaded .csv/.xlsx file, read with the same reader as the command line. */
  async open(file: { readonly name: string; readonly bytes: Uint8Array }): Promise<KpiSource> {
    const xlsx = await import("../../../xlsx");
    const range = await xlsx.readTableData(file.bytes, {
      csvName: file.name,
      ...(/\.csv$/i.test(file.name) ? { kind: "csv" as const } : {}),
    });
    return this.load(range, file.name);
  }

  /** Reads the orders with the user's mapping; a mapping that cannot work is a problem, not a throw. */
  check(mapping: ColumnMapping): Result<KpiChecked> {
    if (!this.table) return fail("na", NOTHING_READ);
    this.parsed = null;
    const r = readOrders(this.table.source, mapping);
    if (!r.ok) return r;
    this.parsed = r.value;
    const problems = r.value.problems;
    return ok({
      rowsRead: r.value.rowsRead,
      rowsUsed: r.value.rowsUsed,
      leftOut: problems.filter((p) => p.effect === "rowLeftOut").length,
      problemCount: problems.length,
      shown: problems.slice(0, PROBLEMS_SHOWN),
      months: monthChoices(r.value.orders),
    });
  }

  /** The engine's numbers for the month (the pane's preview); null when they cannot be computed. */
  preview(month: Month, asOf: number, settings: Settings): KpiReport | null {
    if (!this.parsed) return null;
    const r = monthlyKpiReport(this.parsed.orders, { month, asOf, settings });
    return r.ok ? r.value : null;
  }

  /** The sheets to write: settings (when asked), register, 数据问题, 月度KPI. */
  plan(options: KpiPlanOptions): Result<{ plan: WorkbookPlan; problems: number }> {
    if (!this.table || !this.parsed) return fail("na", this.table ? NOT_CHECKED : NOTHING_READ);
    const built = kpiWorkbookPlan({
      parsed: this.parsed,
      month: options.month,
      asOf: options.asOf,
      locale: options.locale,
      settings: options.settings,
      source: { name: this.table.label, address: this.table.address },
      // The KPI workbook plan places the settings sheet itself (before the register).
      includeSettings: options.includeSettings,
      ...(options.frozenAt === undefined ? {} : { frozenAt: options.frozenAt }),
      ...(options.callLog === undefined ? {} : { callLog: options.callLog }),
    });
    if (!built.ok) return built;
    return ok({ plan: built.value.plan, problems: this.parsed.problems.length });
  }
}
