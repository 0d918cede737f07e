import { text } from "../../../core/i18n/text";

/** The Records pane's own words (each section keeps its words beside it in sections/). */
export const R = {
  tab: text("记录", "Records"),
  intro: text(
    "售后服务管理办法要求保存的记录：每一类生成一张带下拉列表、校验和公式的 Excel 表，可继续在表中登记。",
    "The records the service procedure asks the department to keep: each generates an Excel table with dropdowns, validation and formulas, to go on logging in.",
  ),
};
