/** The spare-parts section's words and generation (RULES.md#spare-parts-ledger). */
import { text } from "../../../../core/i18n/text";
import { SAMPLE_COUNTS, SAMPLE_ITEMS, SAMPLE_MOVES } from "../../../../core/records/partsLedger";
import { partsLedgerPlan, type PartsLedgerBook } from "../../../../sheets/records/partsLedger";
import { recordPlan, writtenMessage, type RecordSectionSpec } from "./recordForm";

export const PARTS_LEDGER_STRINGS = {
  title: text("备用件台账", "Spare-parts ledger"),
  intro: text(
    "生成一个服务站的备用件台账、出入库流水（入库、领用、退库、销帐）和盘点表。每个服务站单独建帐。",
    "Generates a service station's spare-parts ledger, its movements (receipts, issues, returns, write-offs) and a stock-take sheet. Each station keeps a book of its own.",
  ),
  station: text("服务站", "Service station"),
  stationHint: text("留空表示售后服务部本部", "Leave blank for the department's own store"),
  blankRows: text("流水空白行", "Blank movement rows"),
  sample: text("填入示例数据", "Fill in sample records"),
  generate: text("生成备用件台账", "Generate parts ledger"),
  generating: text("正在生成备用件台账…", "Generating the parts ledger…"),
};

export const PARTS_LEDGER_SECTION: RecordSectionSpec<PartsLedgerBook> = {
  id: "records-parts-ledger",
  strings: PARTS_LEDGER_STRINGS,
  defaultBlankRows: 200,
  generation: (o) => ({
    build: () =>
      partsLedgerPlan({
        station: o.station,
        items: o.sample ? SAMPLE_ITEMS : [],
        moves: o.sample ? SAMPLE_MOVES : [],
        counts: o.sample ? SAMPLE_COUNTS : [],
        locale: o.locale,
        blankItemRows: 30,
        blankMoveRows: o.blankRows,
      }),
    plan: recordPlan,
    messages: (_book, report) => [{ intent: "success", body: writtenMessage(report.sheets.map((s) => s.actual)) }],
    settingsAdded: text("", ""),
  }),
};
