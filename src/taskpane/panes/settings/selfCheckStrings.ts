import { text } from "../../../core/i18n/text";

/** Everything the self-check section of the 设置 pane shows, in both languages. */
export const SC = {
  title: text("自检", "Self-check"),
  intro: text(
    "用内置示例数据在本工作簿中临时生成每种表格，由 Excel 计算后与本加载项的结果逐格比较，并用 Excel 计算 SVC 函数。完成后删除全部临时工作表，不改动任何已有工作表。",
    "Generates every kind of sheet from bundled sample data into temporary sheets of this workbook, lets Excel calculate, compares every formula cell with the add-in's own result, and has Excel evaluate the SVC functions. Every temporary sheet is removed afterwards; no existing sheet is touched.",
  ),
  run: text("运行自检", "Run self-check"),
  running: text("正在自检…", "Checking…"),
  cancel: text("取消", "Cancel"),
  cancelling: text("正在取消，删除临时工作表…", "Cancelling, removing the temporary sheets…"),
  summaryTitle: text("各类表格", "Per sheet kind"),
  colKind: text("类型", "Kind"),
  colCell: text("单元格与公式", "Cell and formula"),
  colSheets: text("表数", "Sheets"),
  colCells: text("公式", "Formulas"),
  colMismatches: text("不一致", "Mismatches"),
  mismatchesTitle: text("不一致的单元格（{n}）", "Mismatching cells ({n})"),
  mismatchesMore: text("另有 {n} 处，见下方报告文本。", "{n} more in the report text below."),
  excel: text("Excel", "Excel"),
  ours: text("本加载项", "Ours"),
  functionsTitle: text("SVC 函数", "SVC functions"),
  functionsOk: text("{ok}/{n} 个一致", "{ok} of {n} equal"),
  functionsNotRegistered: text(
    "Excel 不认识 SVC 函数（#NAME?）：自定义函数未在此 Excel 中注册，无法检查。",
    "Excel does not know the SVC functions (#NAME?): the custom functions are not registered in this Excel, so they could not be checked.",
  ),
  copy: text("复制报告", "Copy report"),
  copied: text("报告已复制到剪贴板。", "The report was copied to the clipboard."),
  copyBlocked: text(
    "浏览器不允许写入剪贴板：报告文本已选中，请按 Ctrl+C（Mac：⌘C）复制。",
    "The browser does not allow writing to the clipboard: the report text is selected; press Ctrl+C (Mac: ⌘C).",
  ),
  save: text("保存为工作表", "Save as a sheet"),
  saving: text("正在保存…", "Saving…"),
  saved: text("报告已保存为工作表“{sheet}”。", 'The report was saved as the sheet "{sheet}".'),
  reportSheet: text("自检报告", "Self-check report"),
  reportText: text("报告文本（可复制）", "Report text (to copy)"),
  // Where the report goes: the support address the add-in was built with (version.ts), if any.
  sendTo: text(
    "请把报告（复制的文本或保存的工作表）和所用的 Excel 版本发送到：",
    "Please send the report (the copied text or the saved sheet) with the Excel version you use to:",
  ),
  sendToInstaller: text(
    "请把报告（复制的文本或保存的工作表）和所用的 Excel 版本发给为您安装本加载项的人（例如公司的 IT 部门）。",
    "Please send the report (the copied text or the saved sheet) with the Excel version you use to whoever installed the add-in for you (for example your IT department).",
  ),
  needsExcel: text(
    "自检需要 Excel：浏览器模式下没有 Excel 可检查。请在 Excel（桌面版或网页版）中打开本加载项。",
    "The self-check needs Excel: in browser mode there is no Excel to check. Open the add-in in Excel (desktop or on the web).",
  ),
};
