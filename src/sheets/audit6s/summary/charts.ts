/**
 * The charts beside the report (columns P–W): a radar of each area's six S, the totals per area,
 * the monthly trend. Returns each chart's cells, which print as pages of their own.
 */
import { a1, rangeA1 } from "../../common/address";
import type { ChartSpec } from "../../plan";
import type { SummarySheet } from "./context";
import { CHART_COLUMN } from "./layout";
import { TEXT } from "./strings";

export function writeCharts(sheet: SummarySheet): string[] {
  const { t, all, rows } = sheet;
  const printed: string[] = [];
  const chart = (spec: ChartSpec): void => {
    sheet.b.chart(spec);
    printed.push(`${spec.from}:${spec.to}`);
  };
  const { matrix, trend } = rows;
  const to = (row: number): string => a1(row, CHART_COLUMN + 7);
  const axis = { min: 0, max: 100 };
  if (all.matrix.length > 0) {
    chart({
      type: "radar",
      title: t(TEXT.radar),
      series: all.matrix.map((m, k) => ({
        name: m.name,
        values: rangeA1(matrix.first + k, 2, matrix.first + k, 7, true),
        categories: rangeA1(matrix.header, 2, matrix.header, 7, true),
      })),
      from: a1(matrix.top, CHART_COLUMN),
      to: to(matrix.top + 15),
      yAxis: axis,
    });
    const areas = { first: matrix.first, last: matrix.overall - 1 };
    chart({
      type: "column",
      title: t(TEXT.totals),
      series: [
        {
          name: t(TEXT.total),
          values: rangeA1(areas.first, 8, areas.last, 8, true),
          categories: rangeA1(areas.first, 1, areas.last, 1, true),
        },
      ],
      from: a1(matrix.top + 17, CHART_COLUMN),
      to: to(matrix.top + 32),
      yAxis: axis,
    });
  }
  if (all.trend.length > 0 && all.months.length > 0) {
    const lastMonthColumn = 1 + all.months.length;
    chart({
      type: "line",
      title: t(TEXT.trendChart),
      series: all.trend.map((area, k) => ({
        name: area.name,
        values: rangeA1(trend.first + k, 2, trend.first + k, lastMonthColumn, true),
        categories: rangeA1(trend.header, 2, trend.header, lastMonthColumn, true),
      })),
      from: a1(matrix.top + 34, CHART_COLUMN),
      to: to(matrix.top + 49),
      yAxis: axis,
    });
  }
  return printed;
}
