/**
 * What one import produces, as one unit the writers apply all-or-nothing: the register, the
 * 数据问题 sheet and the 月度KPI sheet for the chosen month (plus the 考核参数 sheet when the
 * workbook has none, so the formulas' names exist). Also returns the engine's report, which
 * the pane shows as a preview and the CLI writes as JSON.
 */
import { text, type Locale } from "../../core/i18n/text";
import { fail, ok, type Result } from "../../core/problem";
import type { Settings } from "../../core/settings";
import { monthlyKpiReport, type KpiReport, type Month, type ParsedOrders } from "../../core/workorders";
import { settingsPlan } from "../settings";
import type { SheetPlan, WorkbookPlan } from "../plan";
import { kpiPlan } from "./kpi/kpiPlan";
import { problemsPlan } from "./problems/problemsPlan";
import { registerPlan, type SourceInfo } from "./register/registerPlan";
import type { RegisterCallLog } from "./register/writtenContact";

export interface KpiWorkbookOptions {
  readonly parsed: ParsedOrders;
  readonly month: Month;
  /** Serial; see core/workorders defaultAsOf. */
  readonly asOf: number;
  readonly locale: Locale;
  readonly settings: Settings;
  readonly source?: SourceInfo;
  /** Freeze the KPI sheet as values, stamped with this serial. */
  readonly frozenAt?: number;
  /** Add the 考核参数 sheet (the workbook has none yet). */
  readonly includeSettings: boolean;
  /** The call log the register proves written contact from (it is in the workbook, or added with it). */
  readonly callLog?: RegisterCallLog;
}

export interface KpiWorkbook {
  readonly plan: WorkbookPlan;
  readonly report: KpiReport;
}

export function kpiWorkbookPlan(options: KpiWorkbookOptions): Result<KpiWorkbook> {
  const { parsed, month, asOf, locale, settings } = options;
  if (parsed.orders.length === 0) {
    return fail(
      "na",
      text(
        `没有可用的工单：读取的 ${parsed.rowsRead} 行都未能使用（原因见问题列表）`,
        `no usable orders: none of the ${parsed.rowsRead} rows read could be used (see the problems)`,
      ),
    );
  }
  const report = monthlyKpiReport(parsed.orders, { month, asOf, settings });
  if (!report.ok) return report;
  const register = registerPlan({
    orders: parsed.orders,
    locale,
    settings,
    asOf,
    source: options.source,
    problems: parsed.problems.length,
    ...(options.callLog ? { callLog: options.callLog } : {}),
  });
  if (!register.ok) return register;
  const problems = problemsPlan({
    problems: parsed.problems,
    rowsRead: parsed.rowsRead,
    rowsUsed: parsed.rowsUsed,
    locale,
    source: options.source,
  });
  const kpi = kpiPlan({ report: report.value, locale, settings, frozenAt: options.frozenAt });
  const sheets: SheetPlan[] = [
    ...(options.includeSettings ? [settingsPlan(settings, locale)] : []),
    register.value,
    problems,
    kpi,
  ];
  return ok({ plan: { sheets, activate: sheets.length - 1 }, report: report.value });
}
