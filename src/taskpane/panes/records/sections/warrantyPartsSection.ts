/** The 三包件 section's words and generation (RULES.md#warranty-parts). */
import { text } from "../../../../core/i18n/text";
import { SAMPLE_WARRANTY_LINES } from "../../../../core/records/warrantyParts";
import { warrantyPartsPlan, type WarrantyBook } from "../../../../sheets/records/warrantyParts";
import { settingsHaveNames, WARRANTY_NAMES } from "../../../../sheets/settings";
import { writtenMessage, type RecordSectionSpec } from "./recordForm";

export const WARRANTY_PARTS_STRINGS = {
  title: text("三包件", "Warranty parts"),
  intro: text(
    "生成三包件登记表：领料申请 → 批准 → 更换 → 销帐，每行关联工单号和车辆的购车日期、运行里程，自动判定是否在三包期内，并检查服务报告、用户签字、旧件和邮运费双签。",
    "Generates the warranty-parts register: requisition → approval → replacement → write-off, each line linked to its work order and the vehicle's purchase date and mileage; coverage is decided and the service report, customer signature, old part and two signatures on postage are checked.",
  ),
  station: text("服务站", "Service station"),
  stationHint: text("留空表示售后服务部", "Leave blank for the department"),
  blankRows: text("空白行", "Blank rows"),
  sample: text("填入示例数据", "Fill in sample records"),
  generate: text("生成三包件登记表", "Generate warranty-parts register"),
  generating: text("正在生成三包件登记表…", "Generating the warranty-parts register…"),
};

export const WARRANTY_PARTS_SECTION: RecordSectionSpec<WarrantyBook> = {
  id: "records-warranty-parts",
  strings: WARRANTY_PARTS_STRINGS,
  defaultBlankRows: 100,
  generation: (o, host) => ({
    build: async ({ settings, add }) =>
      warrantyPartsPlan({
        station: o.station,
        lines: o.sample ? SAMPLE_WARRANTY_LINES : [],
        locale: o.locale,
        blankRows: o.blankRows,
        settings,
        // The terms are read from 考核参数 by name, unless the workbook's sheet is older than them.
        namedTerms: add.length > 0 || (await settingsHaveNames(host, WARRANTY_NAMES)),
      }),
    // With the 考核参数 sheet first when the workbook has none yet (the terms are its names).
    plan: (book, workbook) => ({ sheets: [...workbook.add, ...book.plan.sheets], activate: workbook.add.length }),
    messages: (_book, report) => [{ intent: "success", body: writtenMessage(report.sheets.map((s) => s.actual)) }],
    settingsAdded: text("", ""),
  }),
};
