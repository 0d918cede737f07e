/** The words of the 违规与黄红牌 sheet, in both languages. */
import { text, type Text } from "../../../core/i18n/text";

export const CONDUCT_COLUMNS = [
  "no",
  "date",
  "person",
  "id",
  "department",
  "card",
  "rule",
  "facts",
  "issuedBy",
  "approvedBy",
  "approvedOn",
  "status",
  "quarter",
  "counted",
] as const;
export type ConductColumn = (typeof CONDUCT_COLUMNS)[number];

export const HEADERS: Readonly<Record<ConductColumn, Text>> = {
  no: text("序号", "No."),
  date: text("日期", "Date"),
  person: text("姓名", "Name"),
  id: text("工号", "ID"),
  department: text("部门", "Department"),
  card: text("牌别", "Card"),
  rule: text("违反条款", "Rule broken"),
  facts: text("事实经过", "Facts"),
  issuedBy: text("开具人", "Issued by"),
  approvedBy: text("审批人", "Approved by"),
  approvedOn: text("审批日期", "Approved on"),
  status: text("状态", "Status"),
  quarter: text("季度", "Quarter"),
  counted: text("计入", "Counts"),
};

export const TEXT = {
  sheet: text("违规与黄红牌", "Conduct log"),
  title: text("违规与黄红牌记录", "Conduct log: yellow and red cards"),
  rule: text(
    "每张黄牌、红牌一行：日期、姓名、牌别、违反条款、开具人和审批人。经审批且未撤销的计入（计入 = 是）；季度奖金表按姓名和期间从本表统计（第八条：两张黄牌或一张红牌取消年终绩效考评，张数见“考核参数”）。黄色单元格填写，灰色为公式。",
    "One row per yellow or red card: date, name, card, rule broken, who issued and approved it. Approved cards not revoked count (Counts = Yes); the quarterly bonus sheet counts them by name and period from this log (art. 8: two yellow or one red card forfeit the year-end appraisal; the counts are on the Settings sheet). Type in the yellow cells; grey cells are formulas.",
  ),
  yellow: text("黄牌（计入）", "Yellow (counted)"),
  red: text("红牌（计入）", "Red (counted)"),
  awaiting: text("待审批", "Awaiting approval"),
  revoked: text("已撤销", "Revoked"),
};
