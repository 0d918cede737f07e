/**
 * 月度KPI (RULES.md#monthly-kpis): one row per technician plus the department row, the KPIs with a targets
 * row and a weights row from 考核参数, misses flagged red, the RULES.md#kpi-scores scores, the composite
 * (weights renormalised over the KPIs that have data) and its grade, the change against the
 * previous month where that month has data, and charts of on-time rate and CSAT against the
 * target line.
 *
 * By default every number is a native formula over the register table (COUNTIFS /
 * AVERAGEIFS bounded by the month, `_xlfn.AGGREGATE(16,6,…)` for the median) — auditable, and
 * updated when a data error is corrected in the register. A rate with a zero denominator is
 * blank, never #DIV/0!. With `frozenAt` the same cells hold the engine's values instead,
 * stamped with the time ("freeze as values", for the pay record).
 *
 * Every formula cell carries the engine's value as `expect` (the LibreOffice round trip
 * compares them all).
 *
 * The sheet from top to bottom: titleRows (title, note, parameters, header, targets, weights),
 * currentMonth (the KPI rows, helper counts, misses), previousMonth (the change against last
 * month), charts, pageSetup. They share a KpiSheet (context.ts); columns.ts says where
 * everything is, registerFormulas.ts builds the COUNTIFS over the register, strings.ts holds the words.
 */
import { pick, type Locale, type Text } from "../../../core/i18n/text";
import type { Settings } from "../../../core/settings";
import { KPI_VALUE_KEYS, monthKey, type KpiReport } from "../../../core/workorders";
import { SheetBuilder } from "../../common/builder";
import { a1, columnLetter } from "../../common/address";
import { STYLES } from "../../common/styles";
import type { SheetPlan } from "../../plan";
import { REGISTER_TABLE_NAME } from "../register/registerPlan";
import { vocabulary } from "../vocabulary";
import { KPI_MARKER_VERSION, type KpiMarker, type KpiMeta } from "../marker";
import { writeCharts } from "./charts";
import { FIRST_ROW, HEADER_ROW, MAIN_COLUMN, MARKER_COLUMN, SCORE_COLUMN, type MainKey } from "./columns";
import { rowName, type KpiSheet } from "./context";
import { formatKpiRows, highlightKpis, writeKpiRows } from "./currentMonth";
import { setUpPage } from "./pageSetup";
import { formatPreviousMonth, writePreviousMonth } from "./previousMonth";
import { KPI_SHEET_NAME } from "./strings";
import { writeParameters, writeTargetsAndWeights, writeTitle } from "./titleRows";

export interface KpiSheetOptions {
  /** The engine's KPIs (current and previous month) for the same register data. */
  readonly report: KpiReport;
  readonly locale: Locale;
  readonly settings: Settings;
  /** Name of the register table the formulas read (default SVC_WorkOrders). */
  readonly registerTable?: string;
  /** Language of the register's headers and words, when it differs from `locale`. */
  readonly registerLocale?: Locale;
  /** Freeze as values: the serial of the moment, stamped on the sheet. */
  readonly frozenAt?: number;
}

/** The KPI sheet for the report's month. Pure: the same options give the same plan. */
export function kpiPlan(options: KpiSheetOptions): SheetPlan<KpiMarker> {
  const sheet = startSheet(options);
  writeTitle(sheet);
  writeParameters(sheet);
  writeTargetsAndWeights(sheet);
  writeKpiRows(sheet);
  formatKpiRows(sheet);
  highlightKpis(sheet);
  const previous = writePreviousMonth(sheet, sheet.departmentRow + 2);
  formatPreviousMonth(sheet, previous);
  if (sheet.technicians.length > 0) {
    const chartsTop = previous.department + 2;
    setUpPage(sheet, writeCharts(sheet, chartsTop), chartsTop);
  } else setUpPage(sheet, previous.department);
  return sheet.b.build();
}

/** The builder with its marker, and everything the sections share. */
function startSheet(options: KpiSheetOptions): KpiSheet {
  const { report, locale } = options;
  const t = (x: Text): string => pick(x, locale);
  const table = options.registerTable ?? REGISTER_TABLE_NAME;
  const current = report.current;
  const departmentRow = FIRST_ROW + current.technicians.length;
  const partial = {
    t,
    locale,
    settings: options.settings,
    report,
    words: vocabulary(options.registerLocale ?? locale),
    table,
    frozenAt: options.frozenAt ?? null,
    technicians: current.technicians,
    departmentRow,
    // English headers are longer: a smaller font and wider columns (set at the end) keep them readable.
    headerStyle: locale === "en-US" ? { ...STYLES.header, fontSize: 9 } : STYLES.header,
  };
  const meta: KpiMeta = {
    month: monthKey(current.month),
    asOf: current.asOf,
    registerTable: table,
    headerRow: HEADER_ROW,
    firstRow: FIRST_ROW,
    departmentRow,
    technicians: current.technicians.map((row) => rowName(partial, row)),
    frozenAt: options.frozenAt ?? null,
    // The KPIs that have a column (the completion counts are helper counts and JSON values only),
    // and each KPI's score column (sOnTime …): the appraisal form looks its indicators up by them.
    columns: Object.fromEntries([
      ...KPI_VALUE_KEYS.filter((key) => key in MAIN_COLUMN).map((key) => [
        key,
        columnLetter(MAIN_COLUMN[key as MainKey]),
      ]),
      ...Object.values(SCORE_COLUMN).map((key) => [key, columnLetter(MAIN_COLUMN[key])]),
    ]),
  };
  const b = new SheetBuilder<KpiMarker>(
    `${t(KPI_SHEET_NAME)} ${monthKey(current.month)}`,
    { kind: "kpi", version: KPI_MARKER_VERSION, meta },
    a1(1, MARKER_COLUMN),
  );
  return { b, ...partial };
}

export { KPI_SHEET_NAME } from "./strings";
export { escapeCriterion } from "./registerFormulas";
