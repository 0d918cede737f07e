/** The 三包件登记表's words. */
import { text } from "../../../core/i18n/text";

export const WARRANTY_SHEET_NAME = text("三包件登记表", "Warranty parts");

export const TEXT = {
  title: text("三包件登记表", "Warranty-parts register"),
  note: text(
    "每行一个三包件：领料申请 → 领导批准 → 更换（服务报告、用户签字）→ 销帐（旧件、邮运费由经手人和领导双签）。三包判定按购车日期、故障日期、运行里程和上方的三包期限计算。",
    "One line per warranty part: requisition → leader's approval → replacement (service report signed by the customer) → write-off (old part; postage and freight signed by handler and leader). Coverage uses the purchase date, fault date, mileage and the terms above.",
  ),
  months: text("三包期（月）", "Warranty (months)"),
  km: text("三包里程（km）", "Warranty (km)"),
  termsNote: text("默认值，可按产品三包规定修改", "Defaults: change them to your product's warranty terms"),
  outside: text("超出三包", "Outside"),
  postage: text("已销帐邮运费", "Postage written off"),
  termsError: text("请输入不小于 0 的整数。", "Enter a whole number, 0 or more."),
  coverage: text("三包判定", "Coverage"),
  status: text("状态", "Status"),
  check: text("检查", "Check"),
  noRows: text(
    "三包件登记表没有行可填写：请提供记录或留出空白行",
    "the warranty-parts register has no rows: give records or leave blank rows",
  ),
};
