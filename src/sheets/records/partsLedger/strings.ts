/** The spare-parts ledger's words: sheet names, titles, headers of the calculated columns, notes. */
import { text } from "../../../core/i18n/text";

export const SHEET_NAMES = {
  ledger: text("备用件台账", "Parts ledger"),
  moves: text("出入库流水", "Parts movements"),
  stockTake: text("盘点表", "Stock take"),
};

export const TEXT = {
  ledgerTitle: text("备用件台账", "Spare-parts ledger"),
  movesTitle: text("备用件出入库流水", "Spare-parts movements"),
  stockTakeTitle: text("备用件盘点表", "Spare-parts stock take"),
  ledgerNote: text(
    "黄色列可填写，灰色列是公式。账面结存 = 期初 + 入库 + 退库 − 领用；待销帐 = 领用 − 退库 − 销帐（已领出、尚无服务报告和旧件销帐的数量）。",
    "Yellow columns are data, grey columns formulas. Book qty = opening + receipts + returns − issues; to write off = issues − returns − write-offs (parts out with technicians, not yet written off against a service report and the old part).",
  ),
  movesNote: text(
    "按时间顺序登记：入库凭接收单（一式二份），领用凭领料单，销帐凭服务报告并收回旧件。结存为该物料到本行为止的账面数量。",
    "Enter in time order: receipts against the receiving note (in duplicate), issues against a requisition, write-offs against the service report with the old part returned. Balance is the item's book quantity after the row.",
  ),
  stockTakeNote: text(
    "填写实盘数量；账面数量取自备用件台账。差异 = 实盘 − 账面，结果为帐物一致、盘盈或盘亏。",
    "Enter the counted quantity; book quantity comes from the parts ledger. Difference = counted − book; the result is matches, surplus or shortage.",
  ),
  counter: text("盘点人：", "Counted by:"),
  supervisor: text("监盘人：", "Supervised by:"),
  date: text("盘点日期：", "Date:"),
  counted: text("已盘", "Counted"),
  noItems: text(
    "备件目录是空的，也没有空白行可填写：请提供物料或留出空白行",
    "the item catalogue is empty and has no blank rows to type into: give items or leave blank rows",
  ),
};

export const COMPUTED_HEADERS = {
  received: text("入库", "Received"),
  issued: text("领用", "Issued"),
  returned: text("退库", "Returned"),
  writtenOff: text("销帐", "Written off"),
  book: text("账面结存", "Book qty"),
  outstanding: text("待销帐", "To write off"),
  itemName: text("物料名称", "Item name"),
  delta: text("库存变动", "Stock change"),
  balance: text("结存", "Balance"),
  check: text("检查", "Check"),
  bookQty: text("账面数量", "Book qty"),
  difference: text("差异", "Difference"),
  result: text("结果", "Result"),
  reason: text("差异原因", "Reason"),
};
