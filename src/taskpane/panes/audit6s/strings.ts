import { text } from "../../../core/i18n/text";

/** Everything the 6S pane shows, in both languages (`useT()` accepts these Texts directly). */
export const S6 = {
  tab: text("6S 检查", "6S audit"),
  intro: text(
    "选择区域、日期和检查人，生成 6S 现场检查表：每个区域一页 A4，评分用下拉框选择，低于中值的项目须填写整改措施。",
    "Pick the areas, date and inspector to generate a 6S audit sheet: one A4 page per area, scores picked from a dropdown, and a corrective action required for every item below the scale's middle.",
  ),
  auditSection: text("6S 检查表", "6S audit sheet"),
  areas: text("检查区域", "Areas"),
  areasHint: text(
    "勾选常用区域，或输入自己的区域后点“添加”。",
    "Tick the usual areas, or type your own and press Add.",
  ),
  otherArea: text("其他区域", "Other area"),
  addArea: text("添加", "Add"),
  removeArea: text("删除区域 {name}", "Remove area {name}"),
  date: text("检查日期", "Audit date"),
  inspector: text("检查人", "Inspector"),
  unit: text("被检查单位", "Audited unit"),
  scale: text("评分制", "Item scale"),
  weights: text("6S 权重", "6S weights"),
  weightsSettings: text("按“考核参数”（默认各项相等）", "From Settings (equal by default)"),
  weightsSafety: text("安全加权（安全 ×2）", "Safety weighted (Safety ×2)"),
  weightsCustom: text("自定义", "Custom"),
  weightsHint: text("只看比例：可以写 1、2 或 20%。", "Only the ratio matters: write 1, 2 or 20%."),
  checklist: text("检查项目（{n} 项，关键项 {k} 项）", "Check items ({n}, {k} critical)"),
  checklistHint: text(
    "可修改文字、增删项目；★ 关键项得 0 分（不合格）时，该 S 计 0 分。",
    "Edit the wording, add or remove items; a ★ critical item scored 0 (fail) sets its S to 0.",
  ),
  itemLabel: text("{s} 第 {n} 项", "{s} item {n}"),
  critical: text("关键项", "Critical"),
  removeItem: text("删除 {s} 第 {n} 项", "Remove {s} item {n}"),
  addItem: text("添加{s}检查项", "Add a {s} item"),
  resetChecklist: text("恢复默认检查项", "Restore the default items"),
  generate: text("生成 6S 检查表", "Generate 6S audit sheet"),
  generating: text("正在生成 6S 检查表…", "Generating the 6S audit sheet…"),
  generated: text(
    "已生成“{sheet}”：{n} 个区域，每个区域一页 A4。",
    "Created “{sheet}”: {n} area(s), one A4 page each.",
  ),
  settingsAdded: text(
    "工作簿中还没有“考核参数”表，已一并创建（6S 权重和评级引用其中的数值）。",
    "The workbook had no Settings sheet, so it was created too (the 6S weights and rating reference it).",
  ),
  fixFirst: text("请先更正", "Please correct first"),
  summarySection: text("6S 汇总", "6S summary"),
  summaryIntro: text(
    "从工作簿中已有的 6S 检查表（按标记查找）生成某月的汇总：区域 × 6S 矩阵、月度趋势、得分最低的 10 项和未完成的整改。",
    "Summarise a month from the 6S audit sheets already in the workbook (found by their markers): area × 6S matrix, monthly trend, the 10 lowest items and the open corrective actions.",
  ),
  summaryFound: text(
    "工作簿中有 {n} 张 6S 检查表（月份：{months}）。",
    "The workbook holds {n} 6S audit sheet(s) (months: {months}).",
  ),
  summaryNone: text("工作簿中还没有 6S 检查表。", "The workbook holds no 6S audit sheet yet."),
  summaryNoneBrowser: text(
    "工作簿中还没有 6S 检查表：请先生成检查表，或用上方的“打开 .xlsx 文件”打开含检查表的工作簿。",
    "No 6S audit sheet yet: generate one first, or open a workbook that has them with “Open .xlsx file” above.",
  ),
  month: text("统计月份", "Month"),
  monthHint: text("例如 2026-11", "e.g. 2026-11"),
  asOf: text("截止日期（判断逾期）", "As of (for overdue)"),
  summarize: text("生成 6S 汇总", "Generate 6S summary"),
  summarizing: text("正在读取检查表并生成汇总…", "Reading the audits and generating the summary…"),
  summarized: text(
    "已生成“{sheet}”：{areas} 个区域，未完成整改 {open} 项（逾期 {overdue} 项）。",
    "Created “{sheet}”: {areas} area(s), {open} open corrective action(s) ({overdue} overdue).",
  ),
  readProblems: text(
    "读取检查表时发现 {n} 个问题（相关单元格按未评分/无日期处理）：",
    "{n} problem(s) while reading the audits (those cells count as not scored / undated):",
  ),
  reload: text("重新读取", "Read again"),
  errors: {
    date: text("请填写有效的检查日期", "Enter a valid audit date"),
    asOf: text("请填写有效的截止日期", "Enter a valid as-of date"),
    month: text("请填写月份，例如 2026-11", "Enter a month such as 2026-11"),
    areaBlank: text("请输入区域名称", "Type an area name"),
  },
} as const;
