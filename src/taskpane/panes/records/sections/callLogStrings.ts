import { text } from "../../../../core/i18n/text";

/** What the 来电来函 section shows, in both languages. */
export const CL = {
  title: text("来电来函处理记录", "Call and letter log"),
  summary: text(
    "按时间顺序登记来电来函、答复和存档位置（办法 3.5）；底盘发动机故障 12 小时内书面联系由此证明（3.2.3）。",
    "Calls and letters in time order with the answer and where it is archived (procedure 3.5); proves the 12-hour written contact for chassis-engine faults (3.2.3).",
  ),
  source: text("内容", "Contents"),
  sourceBlank: text("空白记录表", "An empty log"),
  sourceSelection: text("所选区域中的已有记录（含标题行）", "The log in the selected range (with its header row)"),
  sourceSample: text("示例记录（培训用）", "Example entries (for training)"),
  readSelection: text("读取所选区域", "Read the selection"),
  reading: text("正在读取所选区域…", "Reading the selection…"),
  selectionRead: text("{address}：{n} 条记录", "{address}: {n} entries"),
  asOf: text("统计时点", "As of"),
  asOfHint: text(
    "例如 2026-10-28 09:00；书面联系“待联系/未联系”按此时点判断",
    "e.g. 2026-10-28 09:00; decides “due” vs “missed” written contact",
  ),
  blankRows: text("留空行数", "Blank rows"),
  blankRowsHint: text("记录下方留出的空行，0–1000", "Rows left blank under the entries, 0–1000"),
  generate: text("生成来电来函记录", "Generate the call log"),
  generating: text("正在生成来电来函记录…", "Generating the call log…"),
  generated: text(
    "已生成“{sheet}”：{n} 条记录；底盘发动机书面联系 按时 {onTime}、超时 {late}、待联系 {due}、未联系 {missed}。",
    "Generated “{sheet}”: {n} entries; chassis-engine written contact {onTime} on time, {late} late, {due} due, {missed} missed.",
  ),
  settingsAdded: text(
    "已同时创建“考核参数”表（书面联系时限等）。",
    "Created the Settings sheet too (written-contact hours and the rest).",
  ),
  fixFirst: text("请先更正：", "Please correct first:"),
  badAsOf: text("统计时点不是日期时间（例如 2026-10-28 09:00）", "As of is not a date-time (e.g. 2026-10-28 09:00)"),
  badBlankRows: text("留空行数应为 0 到 1000 的整数", "Blank rows must be a whole number from 0 to 1000"),
  noSelection: text("请先读取所选区域", "Read the selection first"),
  unreadable: text("所选区域无法作为来电来函记录读取", "The selection cannot be read as a call log"),
};
