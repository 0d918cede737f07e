/**
 * The register's calculated columns, one O(1) formula per row referencing the 考核参数 names
 * (never literal hours or kilometres), each with the engine's values (core slaClassifier):
 * the SLA limit in hours, the deadline, the time of the event the rule waits for, the SLA
 * state as of the C2 cell, the response time. No per-row formula looks at other rows (per-row
 * COUNTIFS made LibreOffice take minutes).
 */
import { SETTING_NAMES } from "../../../core/settings";
import { completionState, serviceReportComplete, slaClassifier } from "../../../core/workorders";
import type { Expected } from "../../plan";
import { literal, type RegisterColumn } from "../vocabulary";
import { AS_OF_CELL, FIRST_ROW, columnRange, type RegisterSheet } from "./context";
import { lazyRows } from "../../formula/lazyRows";
import { phoneReplyToChassis } from "./inputColumns";

const NAMES = SETTING_NAMES;

export function writeCalculatedColumns(sheet: RegisterSheet): void {
  const { b, words, orders } = sheet;
  const classify = slaClassifier(sheet.settings.sla);
  const slas = orders.map((o) => classify(o, sheet.asOf));
  /** A column of the first order's row (filled down). */
  const at = (c: RegisterColumn): string => `${sheet.letter[c]}${FIRST_ROW}`;
  const column = (values: readonly Expected[]): readonly Expected[][] => lazyRows(values.length, (i) => [values[i]!]);
  const yes = literal(words.yes);
  const body = literal(words.category.body);
  const withinRadius = `${at("distanceKm")}<=${NAMES.slaRadiusKm}+1E-9`;
  b.fill({
    range: columnRange(sheet, "slaHours"),
    formula:
      `=IF(${at("reportedAt")}="","",IF(${at("category")}=${body},IF(${at("supplierNeeded")}=${yes},${NAMES.slaBodyReplyHours},` +
      `IF(${at("distanceKm")}="","",IF(${withinRadius},${NAMES.slaBodyOnSiteHours},${NAMES.slaBodyReplyHours}))),` +
      `IF(${at("category")}=${literal(words.category.chassisEngine)},${NAMES.slaChassisReplyHours},` +
      `IF(${at("category")}=${literal(words.category.other)},${NAMES.slaOtherReplyHours},""))))`,
    expect: column(slas.map((s) => s.hours ?? "")),
  });
  b.fill({
    range: columnRange(sheet, "deadline"),
    formula: `=IF(${at("slaHours")}="","",${at("reportedAt")}+${at("slaHours")}/24)`,
    expect: column(slas.map((s) => s.deadline ?? "")),
  });
  // The reply a rule waits for; a phone reply to a chassis-engine fault is none when 考核参数 asks for writing (3.2.3).
  b.fill({
    range: columnRange(sheet, "slaEventAt"),
    formula:
      `=IF(${at("slaHours")}="","",IF(AND(${at("category")}=${body},${at("supplierNeeded")}<>${yes},${withinRadius}),` +
      `IF(${at("arrivedAt")}="","",${at("arrivedAt")}),IF(OR(${at("repliedAt")}="",${phoneReplyToChassis(sheet)}),"",${at("repliedAt")})))`,
    expect: column(slas.map((s) => s.eventAt ?? "")),
  });
  // Times compare in whole milliseconds, exactly as the engine does (no float noise at "exactly 24 h").
  const deadlineMs = `ROUND(${at("reportedAt")}*86400000,0)+ROUND(${at("slaHours")}*3600000,0)`;
  const state = words.state;
  b.fill({
    range: columnRange(sheet, "slaState"),
    formula:
      `=IF(${at("slaHours")}="",${literal(state.unknown)},IF(${at("slaEventAt")}<>"",` +
      `IF(ROUND(${at("slaEventAt")}*86400000,0)<=${deadlineMs},${literal(state.met)},${literal(state.missed)}),` +
      `IF(${deadlineMs}<ROUND(${AS_OF_CELL}*86400000,0),${literal(state.missed)},${literal(state.pending)})))`,
    expect: column(slas.map((s) => state[s.state])),
  });
  b.fill({
    range: columnRange(sheet, "responseHours"),
    formula: `=IF(OR(${at("reportedAt")}="",${at("arrivedAt")}=""),"",(${at("arrivedAt")}-${at("reportedAt")})*24)`,
    expect: column(orders.map((o) => (o.arrivedAt === null ? "" : (o.arrivedAt - o.reportedAt) * 24))),
  });
  writeCompletionColumns(sheet);
  writeReportColumn(sheet);
}

/**
 * 报告完整 per order (core/workorders/serviceReport.ts, RULES.md#service-report-and-record-accuracy): blank until the order is
 * completed; 是 when the customer signed and, if anything was replaced, part, quantity (> 0) and
 * reason are written and the old part is back.
 */
function writeReportColumn(sheet: RegisterSheet): void {
  const { b, orders, words } = sheet;
  const at = (c: RegisterColumn): string => `${sheet.letter[c]}${FIRST_ROW}`;
  const yes = literal(words.yes);
  const [name, qty, reason, old] = [at("partName"), at("partQuantity"), at("partReason"), at("oldPartReturned")];
  const nothingReplaced = `AND(${name}="",${qty}="",${reason}="",${old}<>${yes})`;
  const replacementWritten = `AND(${name}<>"",ISNUMBER(${qty}),${qty}>0,${reason}<>"",${old}=${yes})`;
  b.fill({
    range: columnRange(sheet, "reportComplete"),
    formula:
      `=IF(${at("completedAt")}="","",IF(AND(${at("signatureObtained")}=${yes},` +
      `OR(${nothingReplaced},${replacementWritten})),${yes},${literal(words.no)}))`,
    expect: lazyRows(orders.length, (i) => {
      const complete = serviceReportComplete(orders[i]!);
      return [complete === null ? "" : complete ? words.yes : words.no];
    }),
  });
}

/**
 * 维修及时率 per order (core/workorders/completion.ts): the completion deadline (派工时间 + the
 * completion limit of 考核参数) and whether the order was completed by it, as of C2 — the same
 * words and millisecond comparisons as the SLA state.
 */
function writeCompletionColumns(sheet: RegisterSheet): void {
  const { b, orders, words } = sheet;
  const limit = sheet.settings.kpi.completionLimitHours;
  const at = (c: RegisterColumn): string => `${sheet.letter[c]}${FIRST_ROW}`;
  // Built per row when a writer reads it (lazyRows), like the other columns' expectations.
  const column = (value: (s: ReturnType<typeof completionState>) => Expected): readonly Expected[][] =>
    lazyRows(orders.length, (i) => [value(completionState(orders[i]!, limit, sheet.asOf))]);
  const state = words.state;
  const dueMs = `ROUND(${at("dispatchedAt")}*86400000,0)+ROUND(${NAMES.kpiCompletionLimitHours}*3600000,0)`;
  b.fill({
    range: columnRange(sheet, "completionDeadline"),
    formula: `=IF(${at("dispatchedAt")}="","",${at("dispatchedAt")}+${NAMES.kpiCompletionLimitHours}/24)`,
    expect: column((s) => s.deadline ?? ""),
  });
  b.fill({
    range: columnRange(sheet, "completionState"),
    formula:
      `=IF(${at("dispatchedAt")}="",${literal(state.unknown)},IF(${at("completedAt")}<>"",` +
      `IF(ROUND(${at("completedAt")}*86400000,0)<=${dueMs},${literal(state.met)},${literal(state.missed)}),` +
      `IF(${dueMs}<ROUND(${AS_OF_CELL}*86400000,0),${literal(state.missed)},${literal(state.pending)})))`,
    expect: column((s) => state[s.state]),
  });
}
