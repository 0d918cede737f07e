/**
 * The grade distribution block right of the form, level with the weights row so its rows keep
 * the normal height (rows 4–6 are tall header rows): per grade its code and label from
 * 考核参数, the count and share, the forced distribution's target shares when there are any
 * (from 考核参数 or given for this form; editable here) with each departure named and in red,
 * a total, and a chart.
 */
import { a1, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, STYLES } from "../common/styles";
import { BOUND_TOLERANCE } from "../../core/grading";
import type { GradeCount } from "../../core/scoring";
import { FIRST_ROW, WEIGHTS_ROW, type AppraisalSheet } from "./context";
import { TEXT } from "./strings";

/** Where the block is: its first column, the rows of the grades and of the total. */
interface Block {
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalRow: number;
  readonly hasTargets: boolean;
}

/** The chart's height in rows under the total, and its width in columns from the block's first. */
const CHART_ROWS = 16;
const CHART_COLUMNS = 6;

/**
 * Writes the block and its chart; returns the cells to print as a page of their own, the grade
 * rows to the chart's foot (the section title and headers are in the form's print title rows,
 * which repeat above every page).
 */
export function writeDistribution(sheet: AppraisalSheet): string {
  const { b, t, layout, scheme } = sheet;
  const hasTargets = sheet.distribution.grades.some((g) => g.target !== undefined);
  const top = WEIGHTS_ROW;
  const block: Block = {
    column: layout.distribution,
    firstRow: top + 1,
    lastRow: top + scheme.bands.length,
    totalRow: top + scheme.bands.length + 1,
    hasTargets,
  };
  const headers = [
    TEXT.grade,
    TEXT.label,
    TEXT.count,
    TEXT.share,
    ...(hasTargets ? [TEXT.targetMax, TEXT.targetMin, TEXT.departure] : []),
  ];
  b.set(top - 1, block.column, t(TEXT.distribution), STYLES.section);
  b.setRow(top, block.column, headers.map(t), STYLES.header);
  writeGradeRows(sheet, block);
  const lastColumn = block.column + headers.length - 1;
  formatDistribution(sheet, block, lastColumn);
  addDistributionChart(sheet, block);
  return rangeA1(
    block.firstRow,
    block.column,
    chartBottom(block),
    Math.max(lastColumn, block.column + CHART_COLUMNS - 1),
  );
}

function chartBottom(block: Block): number {
  return block.totalRow + 2 + CHART_ROWS;
}

/** Per grade: code and label (from 考核参数), count, share, the targets as given; then the total. */
function writeGradeRows(sheet: AppraisalSheet, block: Block): void {
  const { b, t, locale, layout, names, distribution } = sheet;
  const { column, firstRow, totalRow } = block;
  const grades = rangeA1(FIRST_ROW, layout.grade, layout.lastRow, layout.grade, true);
  const labelColumn = locale === "zh-CN" ? 3 : 4;
  const total = a1(totalRow, column + 2, true);
  distribution.grades.forEach((g, i) => {
    const r = firstRow + i;
    b.set(r, column, { f: `=INDEX(${names.codes},${i + 1})`, expect: g.code });
    b.set(r, column + 1, {
      f: `=INDEX(${names.all},${i + 1},${labelColumn})`,
      expect: locale === "zh-CN" ? g.zh : g.en,
    });
    b.set(r, column + 2, { f: `=COUNTIF(${grades},${a1(r, column)})`, expect: g.count });
    b.set(r, column + 3, { f: `=IF(${total}=0,"",${a1(r, column + 2)}/${total})`, expect: g.share ?? "" });
    if (block.hasTargets) {
      b.set(r, column + 4, g.target?.atMost ?? null);
      b.set(r, column + 5, g.target?.atLeast ?? null);
      const [share, max, min] = [a1(r, column + 3), a1(r, column + 4), a1(r, column + 5)];
      const [above, below, within] = [t(TEXT.aboveMax), t(TEXT.belowMin), t(TEXT.withinTarget)];
      b.set(r, column + 6, {
        f:
          `=IF(OR(${share}="",AND(${max}="",${min}="")),"",IF(AND(${max}<>"",${share}>${max}+1E-9),"${above}",` +
          `IF(AND(${min}<>"",${share}<${min}-1E-9),"${below}","${within}")))`,
        expect: departure(g, { above, below, within }),
      });
    }
  });
  b.set(totalRow, column, t(TEXT.total), { bold: true });
  const counts = rangeA1(firstRow, column + 2, block.lastRow, column + 2, true);
  b.set(totalRow, column + 2, { f: `=SUM(${counts})`, expect: distribution.graded }, { bold: true });
}

/** What the departure cell says for a grade: above the maximum, below the minimum, within, or nothing. */
function departure(
  g: GradeCount,
  words: { readonly above: string; readonly below: string; readonly within: string },
): string {
  if (g.share === null || !g.target || (g.target.atMost === undefined && g.target.atLeast === undefined)) return "";
  if (g.target.atMost !== undefined && g.share > g.target.atMost + BOUND_TOLERANCE) return words.above;
  if (g.target.atLeast !== undefined && g.share < g.target.atLeast - BOUND_TOLERANCE) return words.below;
  return words.within;
}

/** Borders and percents; the targets yellow and a share outside them red; the block's widths. */
function formatDistribution(sheet: AppraisalSheet, block: Block, lastColumn: number): void {
  const { b } = sheet;
  const { column, firstRow, lastRow, totalRow } = block;
  b.format(rangeA1(firstRow, column, totalRow, lastColumn), { border: "thin", horizontal: "center" });
  b.format(rangeA1(firstRow, column + 3, lastRow, column + 3), { numberFormat: FORMATS.percent1 });
  if (block.hasTargets) {
    b.format(rangeA1(firstRow, column + 4, lastRow, column + 5), { ...STYLES.input, numberFormat: FORMATS.percent0 });
    const [share, max, min] = [a1(firstRow, column + 3), a1(firstRow, column + 4), a1(firstRow, column + 5)];
    b.conditional({
      range: rangeA1(firstRow, column + 3, lastRow, column + 3),
      rule: {
        type: "expression",
        formula: `=AND(${share}<>"",OR(AND(${max}<>"",${share}>${max}+1E-9),AND(${min}<>"",${share}<${min}-1E-9)))`,
      },
      style: CONDITIONAL.bad,
    });
    const departs = a1(firstRow, column + 6);
    b.conditional({
      range: rangeA1(firstRow, column + 6, lastRow, column + 6),
      rule: { type: "expression", formula: `=AND(${departs}<>"",${departs}<>"${sheet.t(TEXT.withinTarget)}")` },
      style: CONDITIONAL.bad,
    });
  }
  b.width(column, 8)
    .width(column + 1, 18)
    .width(column + 2, 8)
    .width(column + 3, 9);
  if (block.hasTargets)
    b.width(column + 4, 10)
      .width(column + 5, 10)
      .width(column + 6, 10);
}

/** A column chart of the counts per grade, under the block. */
function addDistributionChart(sheet: AppraisalSheet, block: Block): void {
  const { column, firstRow, lastRow, totalRow } = block;
  sheet.b.chart({
    type: "column",
    title: sheet.t(TEXT.distribution),
    series: [
      {
        name: sheet.t(TEXT.count),
        values: rangeA1(firstRow, column + 2, lastRow, column + 2, true),
        categories: rangeA1(firstRow, column, lastRow, column, true),
      },
    ],
    from: a1(totalRow + 2, column),
    to: a1(chartBottom(block), column + CHART_COLUMNS - 1),
  });
}
