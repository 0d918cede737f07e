import { text } from "../../../../core/i18n/text";

/** What the 违规与黄红牌 section shows, in both languages. */
export const CD = {
  title: text("违规与黄红牌记录", "Conduct log (yellow and red cards)"),
  summary: text(
    "每张黄牌、红牌的日期、人员、违反条款和审批人；季度奖金表从本记录按人按期统计张数（第八条：两张黄牌或一张红牌取消年终绩效考评）。",
    "Each yellow or red card with date, person, rule broken and approver; the bonus sheet counts them per person and period from this log (art. 8: two yellow or one red card forfeit the year-end appraisal).",
  ),
  source: text("内容", "Contents"),
  sourceBlank: text("空白记录表", "An empty log"),
  sourceSelection: text("所选区域中的已有记录（含标题行）", "The cards in the selected range (with its header row)"),
  sourceSample: text("示例记录（培训用）", "Example cards (for training)"),
  readSelection: text("读取所选区域", "Read the selection"),
  reading: text("正在读取所选区域…", "Reading the selection…"),
  selectionRead: text("{address}：{n} 张牌", "{address}: {n} cards"),
  blankRows: text("留空行数", "Blank rows"),
  blankRowsHint: text("记录下方留出的空行，0–1000", "Rows left blank under the cards, 0–1000"),
  generate: text("生成黄红牌记录", "Generate the conduct log"),
  generating: text("正在生成黄红牌记录…", "Generating the conduct log…"),
  generated: text(
    "已生成“{sheet}”：{n} 张牌，计入黄牌 {yellow}、红牌 {red}，待审批 {awaiting}。生成季度奖金表时将按本记录统计黄红牌。",
    "Generated “{sheet}”: {n} cards, {yellow} yellow and {red} red counted, {awaiting} awaiting approval. The bonus sheet will count cards from this log.",
  ),
  settingsAdded: text("已同时创建“考核参数”表。", "Created the Settings sheet too."),
  fixFirst: text("请先更正：", "Please correct first:"),
  badBlankRows: text("留空行数应为 0 到 1000 的整数", "Blank rows must be a whole number from 0 to 1000"),
  noSelection: text("请先读取所选区域", "Read the selection first"),
  unreadable: text("所选区域无法作为黄红牌记录读取", "The selection cannot be read as a conduct log"),
};
