/** The monthly KPI sheet's words: title, notes, parameter labels, column headers, chart titles. */
import { text, type Text } from "../../../core/i18n/text";
import type { Month } from "../../../core/workorders";
import { periodLabel } from "../../../core/appraisal";
import type { HelperKey, MainKey, PreviousKey } from "./columns";

export const KPI_SHEET_NAME: Text = text("月度KPI", "Monthly KPI");

export const TEXT = {
  title: (m: Month) => text(`月度服务 KPI — ${periodLabel(m).zh}`, `Monthly service KPIs — ${periodLabel(m).en}`),
  live: (table: string) =>
    text(
      `公式按登记表（表 ${table}）计算：更正登记表中的数据后自动更新。分母为 0 的比率显示为空白（无数据）。目标、比较（≥ > ≤ <，“<”为严格小于）、权重、满意阈值来自“考核参数”；红色为未达目标，未达目标的指标得分低于满分。综合得分默认按政策四项：维修响应时间、维修及时率、维修质量评分、客户满意度。`,
      `Formulas over the register (table ${table}): they update when register data is corrected. A rate with a zero denominator is blank (no data). Targets, comparisons (≥ > ≤ <; "<" is strictly below), weights and the CSAT threshold come from the Settings sheet; red = target missed, and a missed target scores below full marks. The composite is by default the policy's four: response time, completion on time, repair quality, satisfaction.`,
    ),
  frozen: (at: string) =>
    text(
      `数值已于 ${at} 冻结（用于薪酬记录），不再随登记表更新。`,
      `Values frozen at ${at} for the pay record; they no longer follow the register.`,
    ),
  month: text("统计月份", "Month"),
  to: text("至", "to"),
  asOf: text("截至", "As of"),
  prev: text("上月", "Prev."),
  prevAsOf: text("上月截至", "As of"),
  threshold: text("满意阈值", "CSAT ≥"),
  full: text("满分", "Max"),
  targets: text("目标", "Target"),
  comparisons: text("比较", "Comparison"),
  weights: text("权重", "Weight"),
  department: text("全部门", "Department"),
  helpers: text("计数（用于核对）", "Counts (for checking)"),
  prevTitle: (m: Month) =>
    text(`与上月对比（${periodLabel(m).zh}）`, `Change against the previous month (${periodLabel(m).en})`),
  chartData: text("图表数据", "Chart data"),
  onTimeChart: text("服务及时率与目标", "On-time rate against target"),
  csatChart: text("客户满意率与目标", "CSAT against target"),
};

/** Headers of the KPI table, one per column. */
export const MAIN_HEADERS: Readonly<Record<MainKey, Text>> = {
  name: text("服务人员", "Technician"),
  orders: text("工单数", "Orders"),
  completed: text("完成数", "Completed"),
  completionRate: text("工单完成率", "Completion rate"),
  avgResponseHours: text("平均响应时长(h)", "Avg response (h)"),
  medianResponseHours: text("响应时长中位数(h)", "Median response (h)"),
  completionOnTimeRate: text("维修及时率", "Completed on time"),
  slaMet: text("达标", "Met"),
  slaMissed: text("超时", "Missed"),
  slaPending: text("未到期", "Pending"),
  slaUnknown: text("数据不全", "No data"),
  onTimeRate: text("服务及时率", "On-time rate"),
  firstTimeFixRate: text("一次修复率", "First-time fix"),
  returnVisitRate: text("回访率", "Return visits"),
  avgQuality: text("维修质量均分", "Avg quality"),
  avgSatisfaction: text("满意度均分", "Avg satisfaction"),
  csat: text("客户满意率", "CSAT"),
  complaintRate: text("用户抱怨率", "Complaint rate"),
  complaintHandlingRate: text("投诉处理率", "Complaints handled"),
  recordAccuracyRate: text("表单记录准确率", "Record accuracy"),
  sResponseTime: text("响应时间得分", "Response score"),
  sCompletionOnTime: text("维修及时得分", "Completion score"),
  sQuality: text("维修质量得分", "Quality score"),
  sSatisfaction: text("满意度得分", "Satisfaction score"),
  sOnTime: text("服务及时率得分", "On-time score"),
  sCsat: text("满意率得分", "CSAT score"),
  sFirstTimeFix: text("一次修复得分", "FTF score"),
  sComplaintRate: text("抱怨率得分", "Complaint score"),
  compositeScore: text("综合得分", "Composite"),
  grade: text("等级", "Grade"),
};

/** Headers of the helper counts right of the table. */
export const HELPER_HEADERS: Readonly<Record<HelperKey, Text>> = {
  crit: text("条件", "Criterion"),
  nFtf: text("一次修复数", "FTF count"),
  nReturn: text("回访数", "Return visits"),
  nAccurate: text("报告完整数", "Complete reports"),
  nQuality: text("质量评分数", "Quality ratings"),
  nSatisfaction: text("满意度评分数", "Satisfaction ratings"),
  nSatisfied: text("满意数", "Satisfied"),
  nServiceComplaints: text("服务责任投诉数", "Service complaints"),
  nComplaints: text("投诉数", "Complaints"),
  nHandled: text("已处理投诉数", "Complaints handled"),
  nResponses: text("有到达时间数", "With arrival"),
  nCompletionMet: text("按时完成数", "Completed in time"),
  nCompletionMissed: text("未按时完成数", "Not completed in time"),
};

/** Headers of last month's score helper columns (right of the counts, on its rows). */
export const PREVIOUS_SCORE_HEADER: Text = text("上月得分", "Prev. score");

/** Headers of the table against the previous month. */
export const PREVIOUS_HEADERS: Readonly<Record<PreviousKey, Text>> = {
  name: text("服务人员", "Technician"),
  pOrders: text("上月工单数", "Orders (prev.)"),
  pCompleted: text("上月完成数", "Completed (prev.)"),
  pMet: text("上月达标", "Met (prev.)"),
  pMissed: text("上月超时", "Missed (prev.)"),
  pResponse: text("上月平均响应(h)", "Avg response (prev.)"),
  dResponse: text("响应时长变化", "Response change"),
  pCompletionOnTime: text("上月维修及时率", "Completed on time (prev.)"),
  dCompletionOnTime: text("维修及时率变化", "Completion change"),
  pQuality: text("上月维修质量均分", "Avg quality (prev.)"),
  dQuality: text("质量均分变化", "Quality change"),
  pSatisfaction: text("上月满意度均分", "Avg satisfaction (prev.)"),
  dSatisfaction: text("满意度均分变化", "Satisfaction change"),
  pOnTime: text("上月服务及时率", "On-time (prev.)"),
  dOnTime: text("及时率变化", "On-time change"),
  pCsat: text("上月客户满意率", "CSAT (prev.)"),
  dCsat: text("满意率变化", "CSAT change"),
  pFtf: text("上月一次修复率", "FTF (prev.)"),
  dFtf: text("一次修复率变化", "FTF change"),
  pComplaint: text("上月用户抱怨率", "Complaints (prev.)"),
  dComplaint: text("抱怨率变化", "Complaint change"),
  pComposite: text("上月综合得分", "Composite (prev.)"),
  dComposite: text("综合得分变化", "Composite change"),
  pGrade: text("上月等级", "Grade (prev.)"),
};

/** Headers of the chart data block: technician, then each charted KPI and its target. */
export const CHART_HEADERS: readonly Text[] = [
  text("服务人员", "Technician"),
  text("服务及时率", "On-time rate"),
  text("及时率目标", "On-time target"),
  text("客户满意率", "CSAT"),
  text("满意率目标", "CSAT target"),
];
