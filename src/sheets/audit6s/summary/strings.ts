/** The 6S summary's words: title, note, section headings, column headers, the as-of date's validation. */
import { text } from "../../../core/i18n/text";

/** Every label, heading and note of the sheet. */
export const TEXT = {
  sheet: text("6S汇总", "6S summary"),
  title: (m: string) => text(`6S 检查汇总 — ${m}`, `6S audit summary — ${m}`),
  note: text(
    "本表用公式引用各 6S 检查表的单元格：检查表中的评分、整改措施或状态改动后，汇总自动更新。新增检查表或区域后请重新生成汇总。矩阵为该月各次检查的平均得分率（%），趋势为各月平均总分；逾期按右侧截止日期判断，可修改。",
    "This sheet references the cells of the 6S audit sheets: change a score, action or status there and the summary follows. Generate it again after adding audit sheets or areas. The matrix averages the month's audits per area (%); the trend shows each month's mean total; overdue is judged against the date on the right, which you can change.",
  ),
  month: text("统计月份", "Month"),
  asOf: text("截止日期（判断逾期）", "As of (for overdue)"),
  sheets: text("检查表数", "Audit sheets"),
  matrix: (m: string) => text(`区域 × 6S 得分率（%）— ${m}`, `Area × 6S score (%) — ${m}`),
  area: text("区域", "Area"),
  total: text("总分", "Total"),
  rating: text("评级", "Rating"),
  audits: text("检查次数", "Audits"),
  all: text("全部区域", "All areas"),
  trend: text("各区域月度趋势（平均总分，%）", "Monthly trend per area (mean total, %)"),
  lowest: (m: string) => text(`得分最低的 10 项 — ${m}`, `The 10 lowest-scoring items — ${m}`),
  open: text("未完成的整改", "Open corrective actions"),
  s: text("6S", "6S"),
  item: text("检查项目", "Check item"),
  score: text("得分", "Score"),
  max: text("满分", "Out of"),
  percent: text("得分率%", "Score %"),
  date: text("检查日期", "Audit date"),
  source: text("检查表", "Audit sheet"),
  finding: text("问题描述", "Finding"),
  action: text("整改措施", "Corrective action"),
  owner: text("责任人", "Owner"),
  due: text("整改期限", "Due date"),
  status: text("状态", "Status"),
  overdue: text("逾期天数", "Days overdue"),
  overflow: text("未列出的未完成整改（请重新生成汇总）", "Open actions not listed (generate the summary again)"),
  sources: text(
    "数据来源：引用各检查表的单元格（请勿修改）",
    "Source rows: references to the audit sheets' cells (do not edit)",
  ),
  srcAreas: text("各次检查的区域得分", "Area scores per audit"),
  srcItems: text("检查项目（本月及以前）", "Check items (this month and earlier)"),
  no: text("区域号", "Area no."),
  monthCode: text("月份", "Month"),
  inMonth: text("本月", "In month"),
  needs: text("需整改", "Needs action"),
  monthPct: text("本月得分率%", "Score % (month)"),
  isOpen: text("未结", "Open"),
  radar: text("各区域 6S 雷达图", "6S radar per area"),
  totals: text("各区域总分", "Total per area"),
  trendChart: text("月度趋势", "Monthly trend"),
  undated: (n: number) =>
    text(`${n} 个区域的检查日期为空或不是日期，未计入汇总`, `${n} audited area(s) have no valid date and are left out`),
};

/** The as-of date's validation. */
export const VALIDATION = {
  invalidDate: text("日期无效", "Invalid date"),
  enterDate: text("请输入日期，例如 2026-11-30。", "Enter a date, e.g. 2026-11-30."),
};
