/** The data-problems sheet's words. */
import { text, type Text } from "../../../core/i18n/text";
import type { OrderProblem } from "../../../core/workorders";
import type { SourceInfo } from "../register/registerPlan";

export const PROBLEMS_SHEET_NAME: Text = text("数据问题", "Data problems");

export const TEXT = {
  title: text("导入数据问题", "Problems found in the imported data"),
  none: text("没有发现问题：每一行都已使用。", "No problems: every row was used."),
};

export const HEADERS: readonly Text[] = [
  text("序号", "No."),
  text("来源行", "Source row"),
  text("列", "Column"),
  text("原值", "Value"),
  text("问题", "Problem"),
  text("处理", "Action"),
];

/** What was done about a problem. */
export const EFFECT: Readonly<Record<OrderProblem["effect"], Text>> = {
  rowLeftOut: text("该行未计入", "row left out"),
  treatedAsBlank: text("按空白处理", "treated as blank"),
};

/** Row 2: rows read and used, rows left out, cells read as blank. */
export function summaryLine(rowsRead: number, rowsUsed: number, leftOut: number, blank: number): Text {
  return text(
    `读取 ${rowsRead} 行，使用 ${rowsUsed} 行；未计入 ${leftOut} 行，按空白处理的单元格 ${blank} 个。行号与来源中看到的一致（标题行为第 1 行）。来源数据未被修改。`,
    `${rowsRead} rows read, ${rowsUsed} used; ${leftOut} rows left out, ${blank} cells treated as blank. Row numbers are those of the source (header = row 1). The source was not modified.`,
  );
}

/** Row 3: where the rows came from. */
export function sourceText(s: SourceInfo): Text {
  return text(
    `来源：${s.name}${s.address ? `（${s.address}）` : ""}`,
    `Source: ${s.name}${s.address ? ` (${s.address})` : ""}`,
  );
}
