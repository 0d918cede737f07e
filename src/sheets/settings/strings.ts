/** The settings sheet's words: title, note, section titles, the label (and note) of every value, validation messages. */
import { text, type Text } from "../../core/i18n/text";
import type { KpiKey, SETTING_NAMES } from "../../core/settings";
import type { Kind } from "./kinds";

export const SETTINGS_SHEET_NAME: Text = text("考核参数", "Settings");

export const TEXT = {
  title: text("考核参数", "Settings (考核参数)"),
  note: text(
    "黄色单元格可以修改；每个数值都是一个工作簿名称（如 SVC_KPI_Target_OnTime），所有生成的表都通过名称引用它们。请勿删除行或名称。",
    "Edit the yellow cells. Each value is a workbook name (e.g. SVC_KPI_Target_OnTime) that every generated sheet references. Do not delete rows or names.",
  ),
  invalidValue: text("数值无效", "Invalid value"),
  gradeHeaders: [
    text("下限（含）", "Lower bound (incl.)"),
    text("等级", "Grade"),
    text("中文说明", "Chinese label"),
    text("英文说明", "English label"),
  ],
  shareHeaders: [text("人数占比上限", "Share at most"), text("人数占比下限", "Share at least")],
  levelHeaders: [text("等级用语", "Grade word"), text("对应等级", "Counts as")],
  levelNote: text(
    "第九条：A 级（优秀或良好）、B 级（一般）、C 级（合格）、D 级（差、需改进）。百分制表的等级按此计入奖金；计为不合格等级的季度不发季度奖金。",
    "Article 9: A (excellent or good), B (fair), C (pass), D (poor). Hundred-point grades count for the bonus as this level; a quarter counted as the failing grade pays no quarterly bonus.",
  ),
  shareNote: text(
    "强制分布（可选）：每个等级人数占比的上限/下限，空白 = 不限。考核表的等级分布超出时标红。",
    "Forced distribution (optional): the share of people per grade at most / at least; blank = no limit. The form's distribution is red where it departs.",
  ),
  kpiHeaders: [text("目标", "Target"), text("比较", "Comparison"), text("权重", "Weight")],
  check: text("检查", "Check"),
  boundsOk: text("✓ 下限严格递减", "✓ bounds strictly decreasing"),
  boundsBad: text("✗ 下限必须严格递减", "✗ bounds must be strictly decreasing"),
  grade: text("等级", "Grade"),
  coefficient: text("系数", "Coefficient"),
};

export const SECTION = {
  fivePoint: text("五分制等级（第九条）", "Five-point grades"),
  hundredPoint: text("百分制等级", "Hundred-point grades"),
  raters: text("考核人权重（360 度）", "Rater weights (360°)"),
  sla: text("服务时限（SLA）", "Service deadlines (SLA)"),
  kpi: text("月度 KPI 目标与权重", "Monthly KPI targets and weights"),
  levels: text("百分制等级对应四级（第九条）", "Hundred-point grades as the four levels (Article 9)"),
  bonus: text("绩效奖金（第五、八条）", "Performance bonus"),
  coefficients: text("季度系数（按五分制等级）", "Quarter coefficient by grade"),
  rating6s: text("6S 评级（百分比）", "6S rating (percent)"),
  weights6s: text("6S 各项权重", "6S weights"),
  warranty: text("三包期限（三包件登记表）", "Warranty terms (warranty-parts register)"),
};

/** A value's row on the sheet, by its key in SETTING_NAMES. */
export type LineKey = keyof typeof SETTING_NAMES;

/** The label of each single value. */
export const LABEL: Partial<Readonly<Record<LineKey, Text>>> = {
  raterSupervisor: text("上级", "Supervisor"),
  raterPeers: text("同事", "Peers"),
  raterSubordinates: text("下属", "Subordinates"),
  raterCustomers: text("客户", "Customers"),
  slaBodyOnSiteHours: text(
    "车身故障·半径内·无需配套厂家：到达现场（小时）",
    "Body fault, within radius, no supplier: on site (h)",
  ),
  slaBodyReplyHours: text(
    "车身故障·超出半径或需配套厂家：答复（小时）",
    "Body fault, beyond radius or supplier: reply (h)",
  ),
  slaChassisReplyHours: text("底盘发动机故障：书面联系（小时）", "Chassis/engine fault: written contact (h)"),
  slaOtherReplyHours: text("其他故障：答复（小时）", "Other fault: reply (h)"),
  slaRadiusKm: text("服务半径（公里，含）", "Service radius (km, inclusive)"),
  warrantyMonths: text("三包期（月，自销售日期）", "Warranty period (months from the sale date)"),
  warrantyKm: text("三包里程（公里，含）", "Warranty mileage (km, inclusive)"),
  slaChassisWrittenOnly: text(
    "底盘发动机故障只认书面联系（1 = 是，0 = 否）",
    "Chassis/engine fault: written contact only (1 = yes, 0 = no)",
  ),
  kpiCompletionLimitHours: text("维修完成时限（派工后，小时）", "Completion limit after dispatch (h)"),
  kpiCsatThreshold: text("满意评分线（1–10，含）", "Satisfied rating threshold (1–10, incl.)"),
  kpiFullScore: text("综合得分满分", "Composite full score"),
  bonusQuarterRate: text("季度奖金比例", "Quarterly bonus rate"),
  bonusYearEndRate: text("年终奖金比例", "Year-end bonus rate"),
  bonusFailedGrade: text("不合格等级（不发季度奖金）", "Failing grade (no quarterly bonus)"),
  bonusForfeitFailedQuarters: text("取消年终奖：不合格季度数（≥）", "Year-end forfeited: failed quarters (≥)"),
  bonusForfeitYellowCards: text("取消年终奖：黄牌数（≥）", "Year-end forfeited: yellow cards (≥)"),
  bonusForfeitRedCards: text("取消年终奖：红牌数（≥）", "Year-end forfeited: red cards (≥)"),
  bonusRoundTo: text("金额取整单位（元，四舍五入）", "Money rounding step (yuan, half up)"),
};

/** The note beside some values (in the note column). */
export const NOTE: Partial<Readonly<Record<LineKey, Text>>> = {
  raterCustomers: text(
    "空白的考核人不计入，其余权重按比例折算。",
    "Blank raters are left out; the other weights are renormalised.",
  ),
  slaRadiusKm: text("按日历小时计算。", "Calendar hours."),
  slaChassisWrittenOnly: text(
    "3.2.3“应在12小时内以文字形式联系处理”：答复方式为电话的答复不算达标。",
    "3.2.3 requires contact in writing within 12 h: a reply by phone does not meet it.",
  ),
  kpiCompletionLimitHours: text(
    "维修及时率：派工后在此时限内完成维修的工单占比（政策未给出时限，默认 48 小时）。",
    "Completion on time: the share of orders completed within this limit after dispatch (the policy gives no number; default 48 h).",
  ),
  kpiFullScore: text(
    "无数据的 KPI 不计入综合得分，其余权重按比例折算。",
    "A KPI with no data is left out of the composite; the other weights are renormalised.",
  ),
};

/** The KPI table's rows: what each KPI is, in its unit. */
export const KPI_LABEL: Readonly<Record<KpiKey, Text>> = {
  responseTime: text("维修响应时间（小时，报修到到达的平均）", "Response time (h, report to arrival, mean)"),
  completionOnTime: text("维修及时率（派工后按时完成）", "Completed on time after dispatch"),
  quality: text("维修质量评分（1–10 均分）", "Repair quality (mean 1–10)"),
  satisfaction: text("客户满意度（1–10 均分）", "Customer satisfaction (mean 1–10)"),
  onTime: text("服务及时率（SLA）", "On-time rate (SLA)"),
  csat: text("客户满意率", "CSAT"),
  firstTimeFix: text("一次修复率", "First-time fix rate"),
  complaintRate: text("用户抱怨率（确属服务责任）", "Complaint rate (service at fault)"),
};

/** The note beside a KPI's row. */
export const KPI_NOTE: Partial<Readonly<Record<KpiKey, Text>>> = {
  responseTime: text(
    "三、售后服务考核指标的四项为默认综合得分（各 25%）；越低越好。",
    "The policy's four KPIs (三、售后服务考核指标) make the default composite (25% each); lower is better.",
  ),
  quality: text(
    "目标空白：得分 = 均分 ÷ 10 × 满分；填写目标后按目标计分。",
    "Target blank: score = mean ÷ 10 × full score; with a target, scored against it.",
  ),
  satisfaction: text("同上。", "As above."),
  onTime: text(
    "3.2.1 的目标：显示在 KPI 表上，权重默认 0（不计入综合得分）。",
    "The 3.2.1 targets: shown on the KPI sheet, weight 0 by default (not in the composite).",
  ),
  complaintRate: text("“< 3%”为严格小于：恰好 3% 未达标。", '"< 3%" is strictly below: exactly 3% misses it.'),
};

/** What a refused entry of each kind is told. */
export const RULE_TEXT: Readonly<Record<Kind, Text>> = {
  rate: text("请输入 0 到 100% 之间的比例。", "Enter a rate between 0 and 100%."),
  hours: text("请输入不小于 0 的小时数。", "Enter a number of hours, 0 or more."),
  km: text("请输入不小于 0 的公里数。", "Enter a distance in km, 0 or more."),
  weight: text("权重不能为负数（只看比例）。", "Weights cannot be negative (only their ratio matters)."),
  count: text("请输入不小于 0 的整数。", "Enter a whole number, 0 or more."),
  rating: text("请输入 1 到 10 之间的评分。", "Enter a rating between 1 and 10."),
  money: text("请输入大于 0 的金额单位。", "Enter a rounding step above 0."),
  score: text("请输入不小于 0 的分值。", "Enter a score, 0 or more."),
  grade: text("", ""),
  comparison: text("请选择 ≥、>、≤ 或 <。", "Choose ≥, >, ≤ or <."),
  switch: text("请输入 1（是）或 0（否）。", "Enter 1 (yes) or 0 (no)."),
};
