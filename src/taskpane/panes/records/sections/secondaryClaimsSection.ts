/** The 二次索赔 section's words and generation (RULES.md#secondary-claims). */
import { text } from "../../../../core/i18n/text";
import { SAMPLE_CLAIMS } from "../../../../core/records/claims";
import { claimsPlan, type ClaimsBook } from "../../../../sheets/records/claims";
import { recordPlan, writtenMessage, type RecordSectionSpec } from "./recordForm";

export const SECONDARY_CLAIMS_STRINGS = {
  title: text("二次索赔", "Secondary claims"),
  intro: text(
    "生成二次索赔登记表（向供应商索赔的金额、状态、账龄）和按供应商汇总的已回收、未回收金额，供财务跟踪。",
    "Generates the secondary-claims register (amount, state and age of each claim against a supplier) and the totals recovered and outstanding per supplier, for finance to follow up.",
  ),
  station: text("服务站", "Service station"),
  stationHint: text("留空表示售后服务部", "Leave blank for the department"),
  blankRows: text("空白行", "Blank rows"),
  sample: text("填入示例数据", "Fill in sample records"),
  generate: text("生成二次索赔登记表", "Generate secondary-claims register"),
  generating: text("正在生成二次索赔登记表…", "Generating the secondary-claims register…"),
};

export const SECONDARY_CLAIMS_SECTION: RecordSectionSpec<ClaimsBook> = {
  id: "records-secondary-claims",
  strings: SECONDARY_CLAIMS_STRINGS,
  defaultBlankRows: 100,
  generation: (o) => ({
    build: () =>
      claimsPlan({
        station: o.station,
        claims: o.sample ? SAMPLE_CLAIMS : [],
        asOf: o.today,
        locale: o.locale,
        blankRows: o.blankRows,
      }),
    plan: recordPlan,
    messages: (_book, report) => [{ intent: "success", body: writtenMessage(report.sheets.map((s) => s.actual)) }],
    settingsAdded: text("", ""),
  }),
};
