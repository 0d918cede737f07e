/** The register's words: title, note, source line, validation messages. */
import { text, type Text } from "../../../core/i18n/text";
import type { SourceInfo } from "./registerPlan";

export const REGISTER_SHEET_NAME: Text = text("工单登记表", "Work orders");

export const TEXT = {
  title: text("售后服务工单登记表", "After-sales work-order register"),
  asOf: text("SLA 截至时间", "SLA as of"),
  note: text(
    "黄色列可填写；灰色列是公式：时限、截止时间、时限事件时间、SLA 状态、响应时长、完工期限（派工时间 + 维修完成时限）与维修及时，按“考核参数”中的时限与服务半径计算。未发生的事件在截至时间之前为“未到期”，之后为“超时”。底盘发动机故障须书面联系：答复方式为电话的答复不计（红色）。运行里程是车辆里程，不是服务半径。报告完整：已完成的工单客户已签字，且有换件时零件、数量、原因齐全并已返回旧件（表单记录准确率，红色为不完整）。",
    "Yellow columns are data; grey columns are formulas (SLA limit, deadline, SLA event time, SLA state, response hours, completion due = dispatch + the completion limit, completed on time) using the limits and radius on the Settings sheet. An event that has not happened is pending until the as-of time, then missed. A chassis-engine fault needs written contact: a reply by phone does not count (red). Vehicle mileage is the vehicle's, not the service distance. Report complete: a completed order signed by the customer and, when parts were replaced, with part, quantity and reason written and the old part returned (record accuracy; red = incomplete).",
  ),
  noOrders: text("没有可写入登记表的工单", "there are no orders to put in the register"),
};

/** Row 3: where the orders came from, how many, and how many problems the 数据问题 sheet lists. */
export function sourceLine(source: SourceInfo | undefined, orders: number, problems: number | undefined): Text {
  const where = source
    ? text(
        `来源：${source.name}${source.address ? `（${source.address}）` : ""}；共 ${orders} 张工单`,
        `Source: ${source.name}${source.address ? ` (${source.address})` : ""}; ${orders} orders`,
      )
    : text(`共 ${orders} 张工单`, `${orders} orders`);
  const listed = problems
    ? text(
        `；${problems} 个数据问题见“数据问题”表`,
        `; ${problems} data problems are listed on the Data problems sheet`,
      )
    : text("", "");
  return text(where.zh + listed.zh, where.en + listed.en);
}

/** The note shown after generation. */
export function asOfNote(asOf: string): Text {
  return text(`SLA 状态按截至时间 ${asOf} 计算，可在 C2 修改`, `SLA states are as of ${asOf}; change it in cell C2`);
}

/** What a refused entry in an input column is told. */
export const VALIDATION = {
  yesNo: (yes: string, no: string) =>
    text(`请选择“${yes}”或“${no}”；空白表示否。`, `Choose "${yes}" or "${no}"; blank means no.`),
  category: text("请从下拉列表选择故障类别。", "Choose the fault category from the list."),
  dateTimePrompt: text("日期时间，例如 2026-10-05 08:30", "A date and time, e.g. 2026-10-05 08:30"),
  dateTime: text("请输入日期时间，例如 2026-10-05 08:30。", "Enter a date and time, e.g. 2026-10-05 08:30."),
  distance: text("请输入不小于 0 的公里数。", "Enter a number of km, 0 or more."),
  contactMethod: (written: string, phone: string) =>
    text(
      `请选择“${written}”（短信、微信、邮件、传真等）或“${phone}”。`,
      `Choose "${written}" (SMS, WeChat, e-mail, fax …) or "${phone}".`,
    ),
  rating: text("评分为 1–10 分。", "Ratings are 1 to 10."),
  quantity: text("请输入换件数量（不小于 0 的数）。", "Enter the number of parts replaced (0 or more)."),
};
