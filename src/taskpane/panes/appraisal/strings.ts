import { text } from "../../../core/i18n/text";

/** Everything the appraisal-form pane shows, in both languages (`useT()` accepts these Texts). */
export const A = {
  tab: text("考核表", "Appraisal"),
  intro: text(
    "选择模板、考核期间和人员，生成考核表：黄色单元格填分，加权得分、等级、排名和等级分布由公式自动计算，等级标准来自“考核参数”。",
    "Pick a template, the period and the people to generate an appraisal form: scores go in the yellow cells; the weighted score, grade, rank and grade distribution are formulas graded against the Settings sheet.",
  ),
  template: text("模板", "Template"),
  templateStaff: text(
    "售后服务人员（业绩 60% · 态度 20% · 能力 20%）",
    "Service staff (performance 60% · attitude 20% · ability 20%)",
  ),
  templateHead: text("部门负责人（40 / 15 / 15 / 10 / 20）", "Department head (40 / 15 / 15 / 10 / 20)"),
  templateEmployee: text(
    "员工考评（工作任务 70% · 管理工作 30%，员工考评管理办法）",
    "Employee evaluation (work tasks 70% · management conduct 30%)",
  ),
  kpiFrom: text("从月度 KPI 表填入 KPI 指标", "Fill KPI indicators from the monthly KPI table"),
  kpiFromHint: text(
    "受理及时率、一次成功率、回访率、满意度、表单记录准确率等由公式引用工作簿中的“月度KPI”表，不再手工录入；没有对应的 KPI 表时留待填写。",
    "Timely acceptance, first-time success, return visits, satisfaction, record accuracy … become formulas into the workbook's Monthly KPI table instead of typed scores; without a table for the period they stay for typing.",
  ),
  kpiTable: text(
    "KPI 表（工作表名或月份，留空 = 考核期间的月份）",
    "KPI table (sheet name or month; blank = the form's month)",
  ),
  raters: text(
    "同时生成 360 度评价表：上级、同事、下属、客户分别评分，按“考核参数”的权重汇总（未评分的不计入），汇总结果即考核表分数",
    "Also generate a 360° ratings sheet: supervisor, peers, subordinates and customers score, combined with the Settings sheet's weights (a rater who did not score is left out); the form's scores are the combined ones",
  ),
  generatedRaters: text(
    "评分请在“{sheet}”中填写，考核表“{form}”的分数随之计算。",
    'Score in "{sheet}"; the form "{form}" takes its scores from there.',
  ),
  targets: text("强制分布目标（可选）", "Forced distribution (optional)"),
  targetsHint: text(
    "每个等级人数占比的上限 / 下限（%），留空表示不限；默认取“考核参数”，只改本表。考核表上偏离的等级标红。",
    "The share of people per grade at most / at least (%), blank for no limit; defaults come from the Settings sheet, edits apply to this form only. Departures show in red on the form.",
  ),
  targetMax: text("{grade} 上限 %", "{grade} at most, %"),
  targetMin: text("{grade} 下限 %", "{grade} at least, %"),
  templateCustom: text("自定义", "Custom"),
  customHint: text(
    "指标组权重合计 100%；每组内各指标权重合计 100%。",
    "Group weights total 100%; inside each group the indicator weights total 100%.",
  ),
  group: text("指标组", "Group"),
  groupName: text("第 {n} 组名称", "Group {n} name"),
  groupWeight: text("第 {n} 组权重", "Group {n} weight"),
  indicatorName: text("{group} 第 {n} 个指标", "{group} indicator {n}"),
  indicatorWeight: text("{group} 第 {n} 个指标的权重", "Weight of {group} indicator {n}"),
  addGroup: text("添加指标组", "Add group"),
  removeGroup: text("删除第 {n} 组", "Remove group {n}"),
  addIndicator: text("添加指标", "Add indicator"),
  removeIndicator: text("删除 {group} 第 {n} 个指标", "Remove {group} indicator {n}"),
  startFromStaff: text("从“售后服务人员”开始", "Start from service staff"),
  period: text("考核期间", "Period"),
  periodHint: text("季度写 2026-Q3，月份写 2026-10", "2026-Q3 for a quarter, 2026-10 for a month"),
  scale: text("评分制", "Scale"),
  scaleFive: text("五分制 0–5", "Five-point 0–5"),
  scaleHundred: text("百分制 0–100", "Hundred-point 0–100"),
  people: text("人员名单", "People"),
  peopleHint: text(
    "每行一人：姓名，或 姓名、部门；可从 Excel 直接粘贴（可带表头：姓名 / 工号 / 部门 / 岗位）。",
    "One person per line: name, or name and department; paste from Excel (a header row Name / ID / Department / Position is recognised).",
  ),
  readSelection: text("从选区读取", "Read the selection"),
  readSelectionBrowser: text(
    "浏览器模式没有选区：请粘贴名单。",
    "Browser mode has no selection: paste the list instead.",
  ),
  fromSelection: text("已从选区 {address} 读取 {n} 人", "{n} people read from the selection {address}"),
  useTyped: text("改用输入的名单", "Use the typed list instead"),
  peopleCount: text("共 {n} 人", "{n} people"),
  peopleProblems: text("{n} 行未使用：", "{n} rows not used:"),
  rowProblem: text("第 {row} 行：{message}", "Row {row}: {message}"),
  generate: text("生成考核表", "Generate the form"),
  generating: text("正在生成考核表…", "Generating the form…"),
  generated: text("已生成“{sheet}”：{n} 人，{k} 个指标。", 'Generated "{sheet}": {n} people, {k} indicators.'),
  settingsAdded: text(
    "工作簿中还没有“考核参数”，已一并创建（默认标准）。",
    "The workbook had no Settings sheet, so one was created with the default scheme.",
  ),
  fixFirst: text("请先修改：", "Please fix first:"),
  errors: {
    noPeople: text("请输入、粘贴或从选区读取人员名单", "Type, paste or read the list of people from the selection"),
    weight: text("“{what}”的权重不是数字：{value}", 'The weight of "{what}" is not a number: {value}'),
    share: text(
      "等级 {grade} 的占比“{value}”应为 0–100 之间的百分数",
      'The share "{value}" of grade {grade} must be a percent from 0 to 100',
    ),
    shareOrder: text("等级 {grade} 的下限高于上限", "Grade {grade} has its minimum above its maximum"),
    groupTotal: text(
      "指标组“{group}”内的指标权重合计 {total}，应为 100%",
      'The indicator weights of group "{group}" total {total}, not 100%',
    ),
  },
} as const;
