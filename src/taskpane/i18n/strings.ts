import { text, type Text } from "../../core/i18n/text";

/**
 * Every string the task pane shows, in both languages. Keys are grouped by where they appear.
 * `{name}` placeholders are filled by `useT()`; both languages must use the same placeholders
 * (strings.test.ts checks this and that no language is missing).
 */
export const STRINGS = {
  // ── shell ────────────────────────────────────────────────────────────────────────────────
  appName: text("售后考核助手", "Service Appraisal"),
  appSubtitle: text("售后服务考核、KPI、6S 与奖金", "After-sales appraisal, KPI, 6S and bonus"),
  languageGroup: text("界面语言", "Display language"),
  languageZh: text("中文", "中文"),
  languageEn: text("English", "English"),
  panesNav: text("功能", "Tools"),
  connecting: text("正在连接 Excel…", "Connecting to Excel…"),
  loadingPane: text("正在加载…", "Loading…"),

  // ── browser mode ─────────────────────────────────────────────────────────────────────────
  browserModeTitle: text("浏览器模式", "Browser mode"),
  browserModeBody: text(
    "这里没有打开的 Excel 工作簿：生成的工作表会下载为 .xlsx 文件，可用 Excel、WPS 或 LibreOffice 打开。要在已有表格的基础上生成（如 6S 汇总、奖金），请先打开该 .xlsx 文件。",
    "No Excel workbook is open here: generated sheets download as an .xlsx file that opens in Excel, WPS or LibreOffice. To build on earlier sheets (6S summary, bonus), open that .xlsx file first.",
  ),
  browserOpenFile: text("打开 .xlsx 文件…", "Open .xlsx file…"),
  browserOpening: text("正在打开 {file}…", "Opening {file}…"),
  browserOpened: text(
    "已打开 {file}（{sheets} 个工作表）。新生成的工作表会加入其中，下载时一并保存。",
    "Opened {file} ({sheets} sheets). New sheets are added to it and saved with it when downloaded.",
  ),
  browserOpenedOne: text(
    "已打开 {file}（1 个工作表）。新生成的工作表会加入其中，下载时一并保存。",
    "Opened {file} (1 sheet). New sheets are added to it and saved with it when downloaded.",
  ),
  browserDownloadAgain: text("再次下载", "Download again"),
  browserDownloaded: text("已下载 {file}。", "Downloaded {file}."),
  browserCloseFile: text("关闭工作簿", "Close workbook"),
  browserEmpty: text("尚未打开或生成工作簿。", "No workbook opened or generated yet."),
  browserNoSelection: text(
    "浏览器模式下没有可读取的 Excel 选区。请在 Excel 中打开加载项并选择区域，或者把数据粘贴到文本框中。",
    "Browser mode has no Excel selection to read. Open the add-in in Excel and select the range, or paste the data into the text box instead.",
  ),
  browserNoSheet: text(
    "工作簿中没有工作表“{sheet}”。如果它在另一个文件里，请先打开那个 .xlsx 文件。",
    "The workbook has no sheet “{sheet}”. If it is in another file, open that .xlsx file first.",
  ),
  browserWrongFileType: text(
    "“{file}”不是 .xlsx 文件。请在 Excel、WPS 或 LibreOffice 中把它另存为 .xlsx（Excel 工作簿）后再打开。",
    "“{file}” is not an .xlsx file. Save it as .xlsx (Excel Workbook) in Excel, WPS or LibreOffice, then open it here.",
  ),
  browserOpenFailed: text(
    "无法把“{file}”作为 .xlsx 工作簿打开（{reason}）。文件可能已损坏或受密码保护；请在 Excel、WPS 或 LibreOffice 中打开并另存为 .xlsx 后重试。",
    "“{file}” could not be opened as an .xlsx workbook ({reason}). It may be damaged or password-protected; open it in Excel, WPS or LibreOffice, save it as .xlsx and try again.",
  ),
  browserWriteFailed: text(
    "生成的工作表未能写入：{reason}。工作簿保持原样，没有下载任何文件。请更正后重试；如果问题持续，请把这条消息告诉管理员。",
    "The generated sheets could not be written: {reason}. The workbook was left as it was and nothing was downloaded. Correct this and try again; if it keeps happening, pass this message on to your administrator.",
  ),

  // ── shared components ────────────────────────────────────────────────────────────────────
  dismiss: text("关闭消息", "Dismiss message"),
  working: text("正在处理…", "Working…"),
  progressCount: text("已完成 {done} / {total}", "{done} of {total} done"),
  rowsReadCount: text("已读取 {done} / {total} 行", "{done} of {total} rows read"),
  rowsWrittenCount: text("已写入 {done} / {total} 行", "{done} of {total} rows written"),
  errorTitle: text("未能完成", "Could not finish"),
  successTitle: text("已完成", "Done"),
  warningTitle: text("请注意", "Please note"),
  infoTitle: text("提示", "Note"),
  unexpectedError: text(
    "出现意外错误：{message}。请重试；如果问题持续，请关闭并重新打开加载项，并把这条消息告诉管理员。",
    "Something unexpected went wrong: {message}. Try again; if it keeps happening, close and reopen the add-in and pass this message on to your administrator.",
  ),
  excelError: text(
    "Excel 报告了错误：{message}（{code}）。请确认没有正在编辑的单元格、工作簿未受保护，然后重试。",
    "Excel reported an error: {message} ({code}). Make sure no cell is being edited and the workbook is not protected, then try again.",
  ),

  // ── settings pane ────────────────────────────────────────────────────────────────────────
  settingsTab: text("设置", "Settings"),
  settingsIntro: text(
    "这些参数决定评级、服务时限、KPI、奖金和 6S 的计算方式。核对后创建“考核参数”表：生成的表格都引用其中的数值，以后只需在该表中修改。",
    "These values decide how grades, response times, KPIs, bonuses and 6S audits are computed. Check them, then create the Settings sheet: generated sheets reference its values, so later changes are made there.",
  ),
  settingsReading: text("正在读取工作簿中的参数…", "Reading the workbook's settings…"),
  settingsExistsTitle: text("工作簿已有考核参数表", "This workbook already has its settings sheet"),
  settingsExistsBody: text(
    "参数保存在工作表“{sheet}”中。请直接在该表中修改数值，所有生成的表格都会随之更新；加载项不会覆盖这张表。下面显示的是它当前的数值。",
    "The values live in the sheet “{sheet}”. Edit them there and every generated sheet follows; the add-in never overwrites that sheet. Below are its current values.",
  ),
  settingsReadProblems: text(
    "“{sheet}”中有些参数无法读取，下面对这些项显示默认值：",
    "Some values in “{sheet}” could not be read; the defaults are shown for them below:",
  ),
  settingsReload: text("重新读取", "Read again"),
  settingsCreate: text("创建考核参数表", "Create settings sheet"),
  settingsCreating: text("正在创建考核参数表…", "Creating the settings sheet…"),
  settingsCreated: text(
    "已创建工作表“{sheet}”。以后请在该表中修改参数。",
    "Created the sheet “{sheet}”. Make later changes in that sheet.",
  ),
  settingsReset: text("恢复默认值", "Restore defaults"),
  settingsInvalid: text(
    "有 {n} 处需要修改（{sections}）。请按字段下方的说明更正后再创建。",
    "{n} values need fixing ({sections}). Correct them as described under each field, then create the sheet.",
  ),
  settingsFixFirst: text("请先更正标出的数值。", "Correct the marked values first."),

  sectionFivePoint: text("五分制等级", "Five-point grades"),
  sectionHundredPoint: text("百分制等级", "Hundred-point grades"),
  sectionRaters: text("评价人权重", "Rater weights"),
  sectionSla: text("服务时限", "Response times (SLA)"),
  sectionWarranty: text("三包期限", "Warranty terms"),
  warrantyHelp: text(
    "三包件登记表按此判定三包：故障日期在销售日期后的月数以内，且运行里程不超过公里数（办法未规定期限，此为默认值）。",
    "The warranty-parts register decides coverage with these: a fault within the months after the sale date and within the mileage (the policy names no terms; these are defaults).",
  ),
  warrantyMonths: text("三包期（月）", "Warranty period (months)"),
  warrantyKm: text("三包里程（公里，含）", "Warranty mileage (km, inclusive)"),
  sectionKpi: text("KPI 目标与权重", "KPI targets and weights"),
  sectionBonus: text("奖金", "Bonus"),
  sectionAudit6s: text("6S 检查", "6S audits"),
  sectionHasErrors: text("（有需要修改的值）", "(has values to fix)"),

  bandsHelp: text(
    "分数达到某档下限即得该档等级。下限须从上到下严格递减，最后一档从 {min} 开始；量程 {min}–{max}。",
    "A score at or above a band's lower bound gets its grade. Bounds must strictly decrease from top to bottom and the last band starts at {min}; the scale is {min}–{max}.",
  ),
  band: text("第 {n} 档", "Band {n}"),
  bandLower: text("下限", "Lower bound"),
  bandCode: text("等级代码", "Grade code"),
  bandZh: text("中文名称", "Chinese label"),
  bandEn: text("英文名称", "English label"),
  bandAdd: text("添加一档", "Add band"),
  bandRemove: text("删除第 {n} 档", "Remove band {n}"),

  weightsHelp: text(
    "只看比例：0.5 / 0.2 与 50 / 20 效果相同。",
    "Only the ratio matters: 0.5 / 0.2 works the same as 50 / 20.",
  ),
  raterSupervisor: text("上级", "Supervisor"),
  raterPeers: text("同事", "Peers"),
  raterSubordinates: text("下属", "Subordinates"),
  raterCustomers: text("客户", "Customers"),

  slaBodyOnSite: text("车身故障（半径内）：到场时限，小时", "Body fault within the radius: on site within, hours"),
  slaBodyReply: text(
    "车身故障（半径外或需供应商）：答复时限，小时",
    "Body fault beyond the radius or needing the supplier: reply within, hours",
  ),
  slaChassisReply: text("底盘/发动机故障：书面联系时限，小时", "Chassis/engine fault: written contact within, hours"),
  slaOtherReply: text("其他故障：答复时限，小时", "Other faults: reply within, hours"),
  slaRadius: text("服务半径，公里（恰好等于半径算半径内）", "Service radius, km (exactly the radius counts as within)"),
  slaChassisWrittenOnly: text(
    "底盘/发动机故障只认书面联系（电话答复不算达标，3.2.3）",
    "Chassis/engine faults: written contact only (a phone reply does not count, 3.2.3)",
  ),

  kpiTargets: text("目标与比较", "Targets and comparisons"),
  kpiTargetsHelp: text(
    "按政策写法比较：≥ 不低于，> 高于，≤ 不超过，< 严格低于（恰好 3% 不算“< 3%”）。维修质量与满意度的目标可留空：得分 = 均分 ÷ 10 × 满分。",
    'Compared as the policy writes them: ≥ at least, > above, ≤ at most, < strictly below (exactly 3% is not "< 3%"). Quality and satisfaction targets may be left blank: score = mean ÷ 10 × full score.',
  ),
  kpiComparison: text("{kpi} 的比较", "Comparison for {kpi}"),
  kpiWeights: text("综合得分权重", "Composite score weights"),
  kpiWeightsHelp: text(
    "默认按政策“三、售后服务考核指标”的四项各 25%；其他指标权重为 0（只显示，不计分）。只看比例。",
    "By default the policy's four KPIs (response time, completion on time, repair quality, satisfaction) at 25% each; the others weigh 0 (shown, not scored). Only the ratio matters.",
  ),
  kpiResponseTime: text("维修响应时间，小时（越低越好）", "Response time, hours (lower is better)"),
  kpiCompletionOnTime: text("维修及时率", "Completed on time after dispatch"),
  kpiQuality: text("维修质量评分（1–10 均分）", "Repair quality (mean 1–10)"),
  kpiSatisfaction: text("客户满意度（1–10 均分）", "Customer satisfaction (mean 1–10)"),
  kpiCompletionLimit: text("维修完成时限：派工后，小时", "Completion limit after dispatch, hours"),
  kpiOnTime: text("及时率", "On-time rate"),
  kpiCsat: text("客户满意度", "Customer satisfaction (CSAT)"),
  kpiFirstTimeFix: text("一次修复率", "First-time fix rate"),
  kpiComplaintRate: text("投诉率（越低越好）", "Complaint rate (lower is better)"),
  kpiCsatThreshold: text("满意评分线（1–10 分，达到即算满意）", "Satisfied from rating (1–10, at or above counts)"),
  kpiFullScore: text("综合得分满分", "Composite full score"),

  bonusQuarterRate: text("季度奖金比例", "Quarterly bonus rate"),
  bonusYearEndRate: text("年终奖金比例", "Year-end bonus rate"),
  bonusRateCheck: text(
    "4 × 季度比例 + 年终比例 = {total}（制度规定为 100%）",
    "4 × quarterly + year-end = {total} (the policy's total is 100%)",
  ),
  bonusCoefficients: text("季度系数（按五分制等级）", "Quarter coefficient by five-point grade"),
  bonusCoefficientFor: text("等级 {code} 的系数", "Coefficient for grade {code}"),
  bonusFailedGrade: text("视为不合格季度的等级", "Grade that counts as a failed quarter"),
  bonusLevels: text("百分制等级对应四级（第九条）", "Hundred-point grades as the four levels (Article 9)"),
  bonusLevelsHelp: text(
    "考核表用百分制时，其等级按此计入奖金：优秀/良好 → A，一般 → B，合格 → C，差/不合格 → D。",
    "When a form uses the hundred-point scale, its grades count for the bonus as: excellent/good → A, fair → B, pass → C, poor/fail → D.",
  ),
  bonusLevelWord: text("等级用语", "Grade word"),
  bonusLevelAs: text("计为", "Counts as"),
  bonusLevelAdd: text("添加一行", "Add a row"),
  bonusLevelRemove: text("删除第 {n} 行", "Remove row {n}"),
  bandShareMax: text("人数占比上限 %", "Share at most, %"),
  bandShareMin: text("人数占比下限 %", "Share at least, %"),
  bandsShareHelp: text(
    "强制分布（可选）：每档人数占比的上限/下限，留空表示不限；考核表上超出时标红。",
    "Forced distribution (optional): the share of people per band at most / at least, blank for no limit; the form shows departures in red.",
  ),
  bonusForfeitHelp: text(
    "出现以下任一情况即取消年终奖：",
    "The year-end bonus is forfeited when any of these is reached:",
  ),
  bonusForfeitFailedQuarters: text("不合格季度数达到", "Failed quarters reach"),
  bonusForfeitYellowCards: text("黄牌数达到", "Yellow cards reach"),
  bonusForfeitRedCards: text("红牌数达到", "Red cards reach"),
  bonusRoundTo: text("金额舍入单位，元", "Round money to, yuan"),

  audit6sRating: text("评级（得分率，百分制）", "Rating (percent of full marks)"),
  audit6sWeights: text("六项权重", "Weights of the six S"),
  s1: text("整理", "Sort (整理)"),
  s2: text("整顿", "Set in order (整顿)"),
  s3: text("清扫", "Shine (清扫)"),
  s4: text("清洁", "Standardise (清洁)"),
  s5: text("素养", "Sustain (素养)"),
  s6: text("安全", "Safety (安全)"),

  // ── validation ───────────────────────────────────────────────────────────────────────────
  vRequired: text("请填写数值。", "Enter a value."),
  vNotNumber: text("“{value}”不是数字。", "“{value}” is not a number."),
  vPositive: text("必须大于 0。", "Must be greater than 0."),
  vWeightNegative: text("权重不能为负数。", "A weight cannot be negative."),
  vNegative: text("不能为负数。", "Cannot be negative."),
  vWeightsAllZero: text("权重不能全部为 0。", "The weights cannot all be 0."),
  vBetween: text("必须在 {min} 到 {max} 之间。", "Must be between {min} and {max}."),
  vPercentBetween: text("必须在 0% 到 100% 之间。", "Must be between 0% and 100%."),
  vWhole: text("必须是不小于 {min} 的整数。", "Must be a whole number of at least {min}."),
  vBandsDecreasing: text(
    "必须小于上一档的下限 {prev}：各档下限须严格递减。",
    "Must be below the band above ({prev}): lower bounds must strictly decrease.",
  ),
  vLastBand: text(
    "最后一档的下限必须是 {min}，这样每个分数都有等级。",
    "The last band must start at {min} so that every score gets a grade.",
  ),
  vCodeRequired: text("请填写等级代码。", "Enter a grade code."),
  vCodeDuplicate: text("等级代码“{code}”重复出现。", "The grade code “{code}” is used more than once."),
  vLabelRequired: text("请填写名称。", "Enter a label."),
  vTooFewBands: text("至少需要两档。", "At least two bands are needed."),
  vFailedGrade: text(
    "“{code}”不是五分制的等级代码（{codes}）。",
    "“{code}” is not one of the five-point grade codes ({codes}).",
  ),
} as const satisfies Record<string, Text>;

export type StringKey = keyof typeof STRINGS;
