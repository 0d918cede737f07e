/** The return-visit sheets' words: sheet names, titles, headers, notes, the parameters row. */
import { text } from "../../../core/i18n/text";

export const SHEET_NAMES = {
  survey: text("回访记录", "Return visits"),
  summary: text("回访汇总", "Visit summary"),
  followUps: text("跟进清单", "Follow-ups"),
};

export const TEXT = {
  surveyTitle: (month: string) =>
    text(`${month} 回访记录 / 满意度调查表`, `Return visits / satisfaction survey, ${month}`),
  summaryTitle: (month: string) =>
    text(`${month} 回访汇总（按服务人员）`, `Return-visit summary by technician, ${month}`),
  followUpsTitle: (month: string) => text(`${month} 回访跟进清单`, `Return-visit follow-ups, ${month}`),
  surveyNote: text(
    "按抽样种子从本月已完成工单中随机抽取（每位服务人员至少一单）。黄色列由回访人填写：填写回访日期即为已回访；满意度、维修质量为 1–10 分。满意度低于低分阈值或问题未解决的，自动列入跟进清单；跟进措施和结果在本表填写。",
    "Drawn at random with the seed from the month's completed orders (at least one per technician). The visitor fills the yellow columns: a visit date marks the order visited; satisfaction and repair quality are 1–10. A score below the low-score threshold or an unresolved problem puts the order on the follow-up list; enter the follow-up action and result on this sheet.",
  ),
  summaryNote: text(
    "完成工单数来自工单数据；其余各列由回访记录按公式统计。回访率 = 已回访 ÷ 完成工单数。",
    "Completed orders come from the work orders; every other column is counted from the return visits by formula. Visit rate = visited ÷ completed.",
  ),
  followUpsNote: text(
    "由公式从回访记录生成：满意度低于低分阈值或问题未解决的回访，按回访记录中的顺序列出。请在回访记录中填写跟进措施和结果。",
    "Built by formula from the return visits: each visit scored below the low-score threshold or not resolved, in survey order. Enter the action and result on the return-visit sheet.",
  ),
  month: text("月份", "Month"),
  seed: text("抽样种子", "Seed"),
  sampleSize: text("抽样", "Sample"),
  threshold: text("低分阈值", "Low score below"),
  thresholdPrompt: text(
    "满意度低于此分（1–10）的回访列入跟进清单；默认取考核参数的客户满意率阈值。",
    "Visits scored below this (1–10) go on the follow-up list; the default is the CSAT threshold of the settings.",
  ),
  share: (percent: string) => text(`完成工单的 ${percent}`, `${percent} of completed orders`),
  count: (n: number) => text(`共 ${n} 单`, `${n} orders`),
  total: text("合计", "Total"),
  notDrawn: text("未抽样（手工填写）", "not drawn (entered by hand)"),
  yes: text("是", "Yes"),
  no: text("否", "No"),
  ratingError: text("请输入 1 到 10 的整数分。", "Enter a whole score from 1 to 10."),
};

export const HEADERS = {
  orderId: text("工单号", "Order ID"),
  customer: text("客户", "Customer"),
  contact: text("联系电话", "Contact"),
  technician: text("服务人员", "Technician"),
  completedOn: text("完成日期", "Completed"),
  visitDate: text("回访日期", "Visit date"),
  visitor: text("回访人", "Visitor"),
  satisfaction: text("满意度(1-10)", "Satisfaction (1-10)"),
  quality: text("维修质量(1-10)", "Repair quality (1-10)"),
  attitude: text("服务态度", "Attitude"),
  resolved: text("问题已解决", "Resolved"),
  comments: text("客户意见", "Comments"),
  visited: text("已回访", "Visited"),
  followUp: text("需跟进", "Follow up"),
  followUpNo: text("跟进序号", "Follow-up no."),
  action: text("跟进措施", "Follow-up action"),
  result: text("跟进结果", "Follow-up result"),
  completed: text("完成工单数", "Completed"),
  sampled: text("抽样数", "Sampled"),
  visitedCount: text("已回访", "Visited"),
  visitRate: text("回访率", "Visit rate"),
  meanSatisfaction: text("满意度均分", "Mean satisfaction"),
  meanQuality: text("维修质量均分", "Mean quality"),
  lowScores: text("低分数", "Low scores"),
  unresolved: text("未解决数", "Unresolved"),
  followUps: text("需跟进数", "Follow-ups"),
  no: text("序号", "No."),
  reason: text("跟进原因", "Reason"),
};
