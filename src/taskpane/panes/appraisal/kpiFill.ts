/**
 * The appraisal pane's KPI option (issue 12 point 8): which monthly KPI table of the workbook
 * fills the form's KPI indicators, read through the host port (one findPlans, one readRange,
 * however many people), and what the pane tells the user — the table used, or why the KPI
 * indicators stay for typing. Pure apart from the port, so it is tested in Node.
 */
import { text, type Text } from "../../../core/i18n/text";
import type { Period } from "../../../core/appraisal";
import { kpiTableFor, kpiTables, kpiValues, noKpiTable, type KpiValues } from "../../../sheets/appraisal";
import type { WorkbookHost } from "../../host/types";

export interface KpiFill {
  /** The table read, when there is one for the form. */
  readonly source?: KpiValues;
  /** What the pane shows: info when filled, warning when the cells stay for typing. */
  readonly intent: "info" | "warning";
  readonly message: Text;
}

/**
 * The KPI source of a form of `period`: `choice` is a sheet name or a month ("" = the form's
 * month). Rejects never for a missing table — that is a warning, the form is still generated.
 */
export async function kpiFill(
  host: Pick<WorkbookHost, "findPlans" | "readRange">,
  period: Period,
  choice: string,
): Promise<KpiFill> {
  const { tables } = kpiTables(await host.findPlans());
  const table = kpiTableFor(tables, period, choice.trim() === "" ? undefined : choice);
  if (!table.ok) return { intent: "warning", message: stayForTyping(table.problem.message) };
  if (table.value === null) return { intent: "warning", message: noKpiTable(period) };
  const t = table.value;
  const source = kpiValues(t, await host.readRange(t.sheetName, t.address));
  return {
    source,
    intent: "info",
    message: text(
      `KPI 指标（灰色）为公式，取自“${t.sheetName}”：登记表更正后随之更新；不在该表上的人员留空（不计入得分）。`,
      `KPI indicators (grey) are formulas from "${t.sheetName}": they follow corrections of the register; people not on that table are left blank (not assessed).`,
    ),
  };
}

function stayForTyping(why: Text): Text {
  return text(`${why.zh}：KPI 指标留待填写`, `${why.en}: the KPI indicators stay for typing`);
}
