/**
 * The chart data under the previous month (each technician's on-time rate and CSAT, each with
 * its target) and one chart per KPI: the values as columns, the target as a line. Only with
 * technicians.
 */
import type { Text } from "../../../core/i18n/text";
import { a1, columnLetter, rangeA1 } from "../../common/address";
import { FORMATS, STYLES } from "../../common/styles";
import { FIRST_ROW, MAIN_COLUMN, TARGET_ROW } from "./columns";
import { fillColumn, rowName, type KpiSheet } from "./context";
import { CHART_HEADERS, TEXT } from "./strings";

/** A chart's size in cells: rows tall and columns wide (both charts fit within the KPI table's 24 columns). */
const CHART_ROWS = 17;
const CHART_COLUMNS = 9;

/** One charted KPI: where its values go and where its chart is drawn. */
interface ChartedKpi {
  readonly key: "onTimeRate" | "csat";
  readonly target: number;
  readonly title: Text;
  /** The data column of the values; the target's is the next one. */
  readonly column: number;
  /** The chart's first column. */
  readonly at: number;
}

/**
 * Writes the chart data from row `top` and the charts under it; returns the last row the charts
 * cover, so that the print area (pageSetup.ts) ends under them and the printed page has them.
 */
export function writeCharts(sheet: KpiSheet, top: number): number {
  const { b, t, technicians, settings } = sheet;
  const header = top + 1;
  const first = header + 1;
  const last = first + technicians.length - 1;
  b.set(top, 1, t(TEXT.chartData), STYLES.section);
  b.setRow(header, 1, CHART_HEADERS.map(t), sheet.headerStyle);
  b.height(header, 32);
  b.block(
    first,
    1,
    technicians.map((row) => [rowName(sheet, row)]),
  );
  const targets = settings.kpi.targets;
  const charts: ChartedKpi[] = [
    // Rate targets are never blank (only a rating's may be).
    { key: "onTimeRate", target: targets.onTime ?? 0, title: TEXT.onTimeChart, column: 2, at: 1 },
    { key: "csat", target: targets.csat ?? 0, title: TEXT.csatChart, column: 4, at: 11 },
  ];
  const bottoms = charts.map((c) => writeChart(sheet, c, first, last));
  b.format(rangeA1(first, 1, last, 5), { border: "thin" });
  b.format(rangeA1(first, 2, last, 5), { numberFormat: FORMATS.percent1, horizontal: "center" });
  return Math.max(last, ...bottoms);
}

/**
 * A KPI's values per technician (rows `first`–`last`) and its target, and the chart: columns and
 * a target line. Returns the chart's last row.
 */
function writeChart(sheet: KpiSheet, c: ChartedKpi, first: number, last: number): number {
  const { b, t, technicians } = sheet;
  const kpi = `${columnLetter(MAIN_COLUMN[c.key])}${FIRST_ROW}`;
  fillColumn(
    sheet,
    c.column,
    `=IF(${kpi}="","",${kpi})`,
    technicians.map((r) => r.values[c.key] ?? ""),
    first,
  );
  const target = `=${columnLetter(MAIN_COLUMN[c.key])}$${TARGET_ROW}`;
  fillColumn(
    sheet,
    c.column + 1,
    target,
    technicians.map(() => c.target),
    first,
  );
  const categories = rangeA1(first, 1, last, 1, true);
  const chartTop = last + 2;
  const chartBottom = chartTop + CHART_ROWS - 1;
  b.chart({
    type: "columnLine",
    title: t(c.title),
    series: [
      { name: t(CHART_HEADERS[c.column - 1]), values: rangeA1(first, c.column, last, c.column, true), categories },
      {
        name: t(CHART_HEADERS[c.column]),
        values: rangeA1(first, c.column + 1, last, c.column + 1, true),
        categories,
        asLine: true,
      },
    ],
    from: a1(chartTop, c.at),
    to: a1(chartBottom, c.at + CHART_COLUMNS - 1),
    yAxis: { min: 0, max: 1, numberFormat: FORMATS.percent0 },
  });
  return chartBottom;
}
