/**
 * 数据问题 (Data problems): every source row that was left out and every cell that was read as
 * blank, with the row number the user sees, the column header, the value as it was, the
 * reason and what was done about it — so nothing is dropped silently (RULES.md#work-order-register). The values
 * are written as they were (text stays text, even "=…").
 */
import { pick, type Locale, type Text } from "../../../core/i18n/text";
import type { OrderProblem } from "../../../core/workorders";
import { SheetBuilder } from "../../common/builder";
import { a1, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, STYLES } from "../../common/styles";
import type { SheetPlan } from "../../plan";
import type { SourceInfo } from "../register/registerPlan";
import { PROBLEMS_MARKER_VERSION, type ProblemsMarker, type ProblemsMeta } from "../marker";
import { EFFECT, HEADERS, PROBLEMS_SHEET_NAME, TEXT, sourceText, summaryLine } from "./strings";

export { PROBLEMS_SHEET_NAME } from "./strings";
export const PROBLEMS_TABLE_NAME = "SVC_DataProblems";
const HEADER_ROW = 4;
const FIRST_ROW = HEADER_ROW + 1;

export interface ProblemsOptions {
  readonly problems: readonly OrderProblem[];
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly locale: Locale;
  readonly source?: SourceInfo;
}

export function problemsPlan(options: ProblemsOptions): SheetPlan<ProblemsMarker> {
  const { problems, locale } = options;
  const t = (x: Text): string => pick(x, locale);
  const lastRow = HEADER_ROW + Math.max(problems.length, 1);
  const meta: ProblemsMeta = {
    headerRow: HEADER_ROW,
    firstRow: FIRST_ROW,
    lastRow,
    rowsRead: options.rowsRead,
    rowsUsed: options.rowsUsed,
    problems: problems.length,
  };
  const b = new SheetBuilder<ProblemsMarker>(
    t(PROBLEMS_SHEET_NAME),
    { kind: "problems", version: PROBLEMS_MARKER_VERSION, meta },
    a1(1, 8),
  );
  writeSummary(b, t, options);
  writeProblems(b, t, problems, lastRow);
  setUpPage(b);
  return b.build();
}

/** Title, what was read and used, where from. */
function writeSummary(b: SheetBuilder<ProblemsMarker>, t: (x: Text) => string, options: ProblemsOptions): void {
  const { problems } = options;
  const leftOut = problems.filter((p) => p.effect === "rowLeftOut").length;
  b.set(1, 1, t(TEXT.title), STYLES.title);
  b.set(2, 1, t(summaryLine(options.rowsRead, options.rowsUsed, leftOut, problems.length - leftOut)), STYLES.subtitle);
  if (options.source) b.set(3, 1, t(sourceText(options.source)), STYLES.subtitle);
}

/** The table: one row per problem (values as they were, text stays text), a row left out in red. */
function writeProblems(
  b: SheetBuilder<ProblemsMarker>,
  t: (x: Text) => string,
  problems: readonly OrderProblem[],
  lastRow: number,
): void {
  b.setRow(HEADER_ROW, 1, HEADERS.map(t));
  if (problems.length === 0) {
    b.setRow(FIRST_ROW, 1, [null, null, null, null, t(TEXT.none), null]);
  } else {
    b.block(
      FIRST_ROW,
      1,
      problems.map((p, i) => [i + 1, p.row, p.column ?? null, p.value, t(p.message), t(EFFECT[p.effect])]),
    );
    b.conditional({
      range: rangeA1(FIRST_ROW, 6, lastRow, 6),
      rule: { type: "expression", formula: `=${a1(FIRST_ROW, 6)}="${t(EFFECT.rowLeftOut)}"` },
      style: CONDITIONAL.bad,
    });
  }
  b.table({ name: PROBLEMS_TABLE_NAME, range: rangeA1(HEADER_ROW, 1, lastRow, 6), style: "TableStyleLight11" });
  b.format(rangeA1(HEADER_ROW, 1, HEADER_ROW, 6), { bold: true, horizontal: "center" });
  b.format(rangeA1(FIRST_ROW, 1, lastRow, 2), { horizontal: "center", numberFormat: FORMATS.integer });
  b.format(rangeA1(FIRST_ROW, 3, lastRow, 4), { numberFormat: FORMATS.text });
  b.format(rangeA1(FIRST_ROW, 5, lastRow, 5), { wrap: true, vertical: "top" });
}

/** Widths, panes frozen under the header, A4 landscape. */
function setUpPage(b: SheetBuilder<ProblemsMarker>): void {
  b.width(1, 6).width(2, 8).width(3, 14).width(4, 18).width(5, 70).width(6, 12);
  b.freeze(HEADER_ROW, 0);
  b.tabColor("C00000");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    footer: "&P / &N",
  });
}
