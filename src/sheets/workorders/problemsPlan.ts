/**
 * 数据问题 (Data problems): every source row that was left out and every cell that was read as
 * blank, with the row number the user sees, the column header, the value as it was, the
 * reason and what was done about it — so nothing is dropped silently (SPEC 2.1). The values
 * are written as they were (text stays text, even "=…").
 */
import { pick, text, type Locale, type Text } from "../../core/i18n/text";
import type { OrderProblem } from "../../core/workorders";
import { SheetBuilder } from "../common/builder";
import { a1, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, STYLES } from "../common/styles";
import type { SheetPlan } from "../plan";
import type { SourceInfo } from "./registerPlan";
import { PROBLEMS_MARKER_VERSION, type ProblemsMarker, type ProblemsMeta } from "./marker";

export const PROBLEMS_SHEET_NAME: Text = text("数据问题", "Data problems");
export const PROBLEMS_TABLE_NAME = "SVC_DataProblems";
const HEADER_ROW = 4;

export interface ProblemsOptions {
  readonly problems: readonly OrderProblem[];
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly locale: Locale;
  readonly source?: SourceInfo;
}

const HEADERS: readonly Text[] = [
  text("序号", "No."),
  text("来源行", "Source row"),
  text("列", "Column"),
  text("原值", "Value"),
  text("问题", "Problem"),
  text("处理", "Action"),
];
const EFFECT: Readonly<Record<OrderProblem["effect"], Text>> = {
  rowLeftOut: text("该行未计入", "row left out"),
  treatedAsBlank: text("按空白处理", "treated as blank"),
};

export function problemsPlan(options: ProblemsOptions): SheetPlan<ProblemsMarker> {
  const { problems, locale } = options;
  const t = (x: Text) => pick(x, locale);
  const firstRow = HEADER_ROW + 1;
  const lastRow = HEADER_ROW + Math.max(problems.length, 1);
  const meta: ProblemsMeta = {
    headerRow: HEADER_ROW,
    firstRow,
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
  const leftOut = problems.filter((p) => p.effect === "rowLeftOut").length;
  b.set(1, 1, t(text("导入数据问题", "Problems found in the imported data")), STYLES.title);
  b.set(
    2,
    1,
    t(
      text(
        `读取 ${options.rowsRead} 行，使用 ${options.rowsUsed} 行；未计入 ${leftOut} 行，按空白处理的单元格 ${problems.length - leftOut} 个。行号与来源中看到的一致（标题行为第 1 行）。来源数据未被修改。`,
        `${options.rowsRead} rows read, ${options.rowsUsed} used; ${leftOut} rows left out, ${problems.length - leftOut} cells treated as blank. Row numbers are those of the source (header = row 1). The source was not modified.`,
      ),
    ),
    STYLES.subtitle,
  );
  if (options.source) {
    const s = options.source;
    b.set(
      3,
      1,
      t(
        text(
          `来源：${s.name}${s.address ? `（${s.address}）` : ""}`,
          `Source: ${s.name}${s.address ? ` (${s.address})` : ""}`,
        ),
      ),
      STYLES.subtitle,
    );
  }
  b.setRow(HEADER_ROW, 1, HEADERS.map(t));
  if (problems.length === 0) {
    b.setRow(firstRow, 1, [
      null,
      null,
      null,
      null,
      t(text("没有发现问题：每一行都已使用。", "No problems: every row was used.")),
      null,
    ]);
  } else {
    b.block(
      firstRow,
      1,
      problems.map((p, i) => [i + 1, p.row, p.column ?? null, p.value, t(p.message), t(EFFECT[p.effect])]),
    );
    const effectCell = a1(firstRow, 6);
    b.conditional({
      range: rangeA1(firstRow, 6, lastRow, 6),
      rule: { type: "expression", formula: `=${effectCell}="${t(EFFECT.rowLeftOut)}"` },
      style: CONDITIONAL.bad,
    });
  }
  b.table({ name: PROBLEMS_TABLE_NAME, range: rangeA1(HEADER_ROW, 1, lastRow, 6), style: "TableStyleLight11" });
  b.format(rangeA1(HEADER_ROW, 1, HEADER_ROW, 6), { bold: true, horizontal: "center" });
  b.format(rangeA1(firstRow, 1, lastRow, 2), { horizontal: "center", numberFormat: FORMATS.integer });
  b.format(rangeA1(firstRow, 3, lastRow, 4), { numberFormat: FORMATS.text });
  b.format(rangeA1(firstRow, 5, lastRow, 5), { wrap: true, vertical: "top" });
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
  return b.build();
}
