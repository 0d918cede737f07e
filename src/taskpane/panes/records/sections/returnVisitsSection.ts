/**
 * The 回访与满意度调查 section's words and generation (issue 12 point 7). With the sample: the
 * bundled sample orders' October, 30% drawn with the sample seed, part-answered. Without: a
 * survey typed by hand (blank survey and summary rows) for the current month. Drawing from the
 * user's own orders (the selection) is returnVisitsSelection.ts, with the `return-visits` command's draw. The
 * low-score threshold is the workbook's 考核参数 CSAT threshold (RULES.md#monthly-kpis, default 8).
 */
import { text } from "../../../../core/i18n/text";
import { monthKey, monthOfSerial } from "../../../../core/workorders/month";
import { SAMPLE_RETURN_VISITS, sampleReturnVisits } from "../../../../core/records/returnVisits";
import { drawnSurvey, returnVisitsPlan, type ReturnVisitsBook } from "../../../../sheets/records/returnVisits";
import { recordPlan, writtenMessage, type RecordOptions, type RecordSectionSpec } from "./recordForm";

export const RETURN_VISITS_STRINGS = {
  title: text("回访与满意度调查", "Return visits and satisfaction survey"),
  intro: text(
    "从本月已完成工单中按抽样种子随机抽取回访（每位服务人员至少一单），生成回访记录（满意度调查表）、按服务人员的回访率和满意度汇总，以及低分和未解决问题的跟进清单。",
    "Draws the month's return visits at random from completed orders with a seed (at least one per technician) and generates the survey form, visit rate and satisfaction per technician, and the follow-up list of low scores and unresolved cases.",
  ),
  station: text("服务站", "Service station"),
  stationHint: text("留空表示售后服务部", "Leave blank for the department"),
  blankRows: text("回访空白行", "Blank survey rows"),
  sample: text("用示例工单抽样并填入示例回访", "Draw from sample orders with sample answers"),
  generate: text("生成回访记录", "Generate return visits"),
  generating: text("正在生成回访记录…", "Generating the return visits…"),
};

/** The plan's options for the pane's form (pure, tested). */
export function returnVisitsOptions(o: RecordOptions, threshold: number) {
  const common = { station: o.station, threshold, locale: o.locale, blankRows: o.blankRows };
  if (o.sample) {
    return { ...common, month: monthKey(SAMPLE_RETURN_VISITS.month), ...drawnSurvey(sampleReturnVisits()) };
  }
  const month = monthOfSerial(o.today);
  return {
    ...common,
    month: month === null ? "" : monthKey(month),
    seed: null,
    size: null,
    lines: [],
    completed: [],
    blankSummaryRows: 15,
  };
}

export const RETURN_VISITS_SECTION: RecordSectionSpec<ReturnVisitsBook> = {
  id: "records-return-visits",
  strings: RETURN_VISITS_STRINGS,
  defaultBlankRows: 10,
  generation: (o) => ({
    build: (workbook) => returnVisitsPlan(returnVisitsOptions(o, workbook.settings.kpi.csatThreshold)),
    plan: recordPlan,
    messages: (_book, report) => [{ intent: "success", body: writtenMessage(report.sheets.map((s) => s.actual)) }],
    settingsAdded: text("", ""),
  }),
};
