/** The words of the 来电来函 sheet, in both languages. */
import { text, type Text } from "../../../core/i18n/text";

/** The sheet's columns, in order: the input columns of the log, then the computed ones. */
export const CALL_COLUMNS = [
  "no",
  "at",
  "channel",
  "caller",
  "contact",
  "orderId",
  "vehicle",
  "category",
  "summary",
  "takenBy",
  "answer",
  "answeredBy",
  "answeredAt",
  "archive",
  "status",
  "hours",
  "firstWritten",
  "writtenCheck",
] as const;
export type CallColumn = (typeof CALL_COLUMNS)[number];

export const HEADERS: Readonly<Record<CallColumn, Text>> = {
  no: text("序号", "No."),
  at: text("来电来函时间", "Received at"),
  channel: text("方式", "Channel"),
  caller: text("单位/用户", "Customer"),
  contact: text("联系人及电话", "Contact"),
  orderId: text("工单号", "Order no"),
  vehicle: text("车号/车型", "Vehicle"),
  category: text("故障类别", "Fault category"),
  summary: text("内容摘要", "Summary"),
  takenBy: text("受理人", "Taken by"),
  answer: text("答复内容", "Answer"),
  answeredBy: text("答复方式", "Answered by"),
  answeredAt: text("答复时间", "Answered at"),
  archive: text("存档位置", "Archived at"),
  status: text("状态", "Status"),
  hours: text("答复用时(小时)", "Hours to answer"),
  firstWritten: text("此后首次书面答复", "First written answer since"),
  writtenCheck: text("书面联系时限", "Written contact in time"),
};

export const TEXT = {
  sheet: text("来电来函", "Calls and letters"),
  title: text("来电来函处理记录", "Call and letter log"),
  asOf: text("统计时点", "As of"),
  rule: (hours: string): Text =>
    text(
      `按来电来函的时间顺序登记（办法 3.5.1），写明答复并存档（3.5.2、3.5.4）；底盘发动机故障须在 ${hours} 小时内书面联系、结果存档（3.2.3）——书面答复的时间和存档位置即为证明。黄色单元格填写，灰色为公式。`,
      `Log calls and letters in the order they come in (procedure 3.5.1), with the answer and where it is archived (3.5.2, 3.5.4); a chassis-engine fault needs written contact within ${hours} hours, archived (3.2.3) — the written answer's time and archive prove it. Type in the yellow cells; grey cells are formulas.`,
    ),
  entries: text("条数", "Entries"),
  pending: text("待答复", "Awaiting answer"),
  notArchived: text("未存档", "Not archived"),
  writtenOnTime: text("书面联系按时", "Written on time"),
  writtenLate: text("超时", "Late"),
  writtenDue: text("待联系", "Due"),
  writtenMissed: text("未联系", "Missed"),
  note: (n: number): Text =>
    text(
      `来电来函：${n} 条记录，另留空行可继续登记`,
      `Calls and letters: ${n} entries, with blank rows to go on logging`,
    ),
};

export const VALIDATION = {
  answeredBy: text(
    "书面 = 复函、传真、邮件等可存档的文字答复；复电 = 电话答复",
    "Written = a letter, fax or e-mail that can be archived; Phone = answered by phone",
  ),
};
