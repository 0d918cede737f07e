/**
 * The work-order register (售后服务工单登记表, SPEC 2.1) as an Excel table: the 19 input
 * columns (dropdowns for yes/no and the fault category, date-time formats, validation), then
 * calculated columns with one O(1) formula per row — the SLA limit in hours, the deadline, the
 * time of the event the rule waits for, the SLA state (达标 / 超时 / 未到期 / 数据不全) and the
 * response time in hours — referencing the 考核参数 names, never literal hours or kilometres.
 * No per-row formula looks at other rows (per-row COUNTIFS made LibreOffice take minutes).
 *
 * The rows are the engine's cleaned orders: dates as serials, yes/no as 是/否, categories in
 * the register's words, unreadable cells blank (they are listed on the 数据问题 sheet).
 */
import { pick, text, type Locale, type Text } from "../../core/i18n/text";
import { fail, ok, type Result } from "../../core/problem";
import { SETTING_NAMES, type Settings } from "../../core/settings";
import { formatSerial } from "../../core/dates/serial";
import { ORDER_FIELDS, slaClassifier, type OrderField, type WorkOrder } from "../../core/workorders";
import { SheetBuilder } from "../common/builder";
import { a1, columnLetter, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../common/styles";
import type { Expected, PlanCell, SheetPlan } from "../plan";
import { REGISTER_COLUMNS, literal, vocabulary, type RegisterColumn, type Vocabulary } from "./vocabulary";
import { REGISTER_MARKER_VERSION, type RegisterMarker, type RegisterMeta } from "./marker";

export const REGISTER_TABLE_NAME = "SVC_WorkOrders";
export const REGISTER_SHEET_NAME: Text = text("工单登记表", "Work orders");
const HEADER_ROW = 4;
const FIRST_ROW = HEADER_ROW + 1;
const AS_OF_CELL = "$C$2";

/** Where the source rows came from, for the subtitle. */
export interface SourceInfo {
  /** File name or sheet name as the user knows it. */
  readonly name: string;
  /** Range address in the source, e.g. "A1:S3121". */
  readonly address?: string;
}

export interface RegisterOptions {
  readonly orders: readonly WorkOrder[];
  readonly locale: Locale;
  readonly settings: Settings;
  /** The "as of" time of the register's SLA state column (an editable cell). */
  readonly asOf: number;
  readonly source?: SourceInfo;
  /** How many problems the 数据问题 sheet lists (for the subtitle). */
  readonly problems?: number;
  readonly tableName?: string;
}

const T = {
  title: text("售后服务工单登记表", "After-sales work-order register"),
  asOf: text("SLA 截至时间", "SLA as of"),
  note: text(
    "黄色列可填写；灰色列是公式：时限、截止时间、时限事件时间、SLA 状态、响应时长，按“考核参数”中的时限与服务半径计算。未发生的事件在截至时间之前为“未到期”，之后为“超时”。",
    "Yellow columns are data; grey columns are formulas (SLA limit, deadline, SLA event time, SLA state, response hours) using the limits and radius on the Settings sheet. An event that has not happened is pending until the as-of time, then missed.",
  ),
  noOrders: text("没有可写入登记表的工单", "there are no orders to put in the register"),
};

/** The register sheet. Fails (never throws) when there is nothing to register. */
export function registerPlan(options: RegisterOptions): Result<SheetPlan<RegisterMarker>> {
  const { orders, locale, settings, asOf } = options;
  if (orders.length === 0) return fail("na", T.noOrders);
  const t = (x: Text) => pick(x, locale);
  const v = vocabulary(locale);
  const tableName = options.tableName ?? REGISTER_TABLE_NAME;
  const lastRow = FIRST_ROW + orders.length - 1;
  const col = Object.fromEntries(REGISTER_COLUMNS.map((c, i) => [c, i + 1])) as Record<RegisterColumn, number>;
  const letters = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, columnLetter(col[c])])) as Record<
    RegisterColumn,
    string
  >;
  const lastCol = REGISTER_COLUMNS.length;
  const markerCol = lastCol + 2;
  const meta: RegisterMeta = {
    locale,
    tableName,
    headerRow: HEADER_ROW,
    firstRow: FIRST_ROW,
    lastRow,
    asOfCell: AS_OF_CELL,
    columns: letters,
    headers: v.header,
  };
  const b = new SheetBuilder<RegisterMarker>(
    t(REGISTER_SHEET_NAME),
    { kind: "register", version: REGISTER_MARKER_VERSION, meta },
    a1(1, markerCol),
  );

  // Title, as-of cell, note, source line.
  b.set(1, 1, t(T.title), STYLES.title);
  b.set(2, 1, t(T.asOf), { bold: true, vertical: "middle" });
  b.merge(rangeA1(2, 1, 2, 2));
  b.set(2, 3, asOf, { ...STYLES.input, numberFormat: FORMATS.dateTime, horizontal: "center", vertical: "middle" });
  b.merge(rangeA1(2, 3, 2, 4));
  b.set(2, 5, t(T.note), { ...STYLES.note, vertical: "middle" });
  b.merge(rangeA1(2, 5, 2, lastCol));
  b.height(2, 32);
  const source = options.source;
  const sourceLine = source
    ? t(
        text(
          `来源：${source.name}${source.address ? `（${source.address}）` : ""}；共 ${orders.length} 张工单`,
          `Source: ${source.name}${source.address ? ` (${source.address})` : ""}; ${orders.length} orders`,
        ),
      )
    : t(text(`共 ${orders.length} 张工单`, `${orders.length} orders`));
  const problemsLine = options.problems
    ? t(
        text(
          `；${options.problems} 个数据问题见“数据问题”表`,
          `; ${options.problems} data problems are listed on the Data problems sheet`,
        ),
      )
    : "";
  b.set(3, 1, sourceLine + problemsLine, STYLES.subtitle);

  // Header and data (one block; calculated columns are fills).
  b.setRow(
    HEADER_ROW,
    1,
    REGISTER_COLUMNS.map((c) => v.header[c]),
  );
  b.block(
    FIRST_ROW,
    1,
    orders.map((o) => dataRow(o, v)),
  );
  b.table({ name: tableName, range: rangeA1(HEADER_ROW, 1, lastRow, lastCol), style: "TableStyleLight9" });

  // Calculated columns.
  const classify = slaClassifier(settings.sla);
  const slas = orders.map((o) => classify(o, asOf));
  const L = (c: RegisterColumn) => `${letters[c]}${FIRST_ROW}`;
  const yes = literal(v.yes);
  const body = literal(v.category.body);
  const withinRadius = `${L("distanceKm")}<=${SETTING_NAMES.slaRadiusKm}+1E-9`;
  const column = (c: RegisterColumn) => rangeA1(FIRST_ROW, col[c], lastRow, col[c]);
  const expectOf = (values: readonly Expected[]): Expected[][] => values.map((x) => [x]);
  b.fill({
    range: column("slaHours"),
    formula:
      `=IF(${L("reportedAt")}="","",IF(${L("category")}=${body},IF(${L("supplierNeeded")}=${yes},${SETTING_NAMES.slaBodyReplyHours},` +
      `IF(${L("distanceKm")}="","",IF(${withinRadius},${SETTING_NAMES.slaBodyOnSiteHours},${SETTING_NAMES.slaBodyReplyHours}))),` +
      `IF(${L("category")}=${literal(v.category.chassisEngine)},${SETTING_NAMES.slaChassisReplyHours},` +
      `IF(${L("category")}=${literal(v.category.other)},${SETTING_NAMES.slaOtherReplyHours},""))))`,
    expect: expectOf(slas.map((s) => s.hours ?? "")),
  });
  b.fill({
    range: column("deadline"),
    formula: `=IF(${L("slaHours")}="","",${L("reportedAt")}+${L("slaHours")}/24)`,
    expect: expectOf(slas.map((s) => s.deadline ?? "")),
  });
  b.fill({
    range: column("slaEventAt"),
    formula:
      `=IF(${L("slaHours")}="","",IF(AND(${L("category")}=${body},${L("supplierNeeded")}<>${yes},${withinRadius}),` +
      `IF(${L("arrivedAt")}="","",${L("arrivedAt")}),IF(${L("repliedAt")}="","",${L("repliedAt")})))`,
    expect: expectOf(slas.map((s) => s.eventAt ?? "")),
  });
  // Times compare in whole milliseconds, exactly as the engine does (no float noise at "exactly 24 h").
  const deadlineMs = `ROUND(${L("reportedAt")}*86400000,0)+ROUND(${L("slaHours")}*3600000,0)`;
  b.fill({
    range: column("slaState"),
    formula:
      `=IF(${L("slaHours")}="",${literal(v.state.unknown)},IF(${L("slaEventAt")}<>"",` +
      `IF(ROUND(${L("slaEventAt")}*86400000,0)<=${deadlineMs},${literal(v.state.met)},${literal(v.state.missed)}),` +
      `IF(${deadlineMs}<ROUND(${AS_OF_CELL}*86400000,0),${literal(v.state.missed)},${literal(v.state.pending)})))`,
    expect: expectOf(slas.map((s) => v.state[s.state])),
  });
  b.fill({
    range: column("responseHours"),
    formula: `=IF(OR(${L("reportedAt")}="",${L("arrivedAt")}=""),"",(${L("arrivedAt")}-${L("reportedAt")})*24)`,
    expect: expectOf(orders.map((o) => (o.arrivedAt === null ? "" : (o.arrivedAt - o.reportedAt) * 24))),
  });

  // Formats: input columns yellow, calculated grey; dates, hours, text.
  const kindOf = new Map(ORDER_FIELDS.map((f) => [f.id as RegisterColumn, f.kind]));
  b.format(rangeA1(HEADER_ROW, 1, HEADER_ROW, lastCol), {
    bold: true,
    wrap: true,
    vertical: "middle",
    horizontal: "center",
  });
  b.format(rangeA1(FIRST_ROW, 1, lastRow, col.complaintHandled), { fill: PALETTE.inputFill, locked: false });
  b.format(rangeA1(FIRST_ROW, col.slaHours, lastRow, col.responseHours), { fill: PALETTE.computedFill });
  for (const c of REGISTER_COLUMNS) {
    const kind = kindOf.get(c);
    const range = column(c);
    if (kind === "text" || kind === "technician") b.format(range, { numberFormat: FORMATS.text });
    else if (kind === "dateTime") b.format(range, { numberFormat: FORMATS.dateTime, horizontal: "center" });
    else if (kind === "yesNo" || kind === "category") b.format(range, { horizontal: "center" });
    else if (kind === "rating") b.format(range, { numberFormat: "0.#", horizontal: "center" });
    else if (kind === "distance") b.format(range, { numberFormat: "0.#" });
  }
  b.format(column("slaHours"), { numberFormat: "0.##", horizontal: "center" });
  b.format(column("deadline"), { numberFormat: FORMATS.dateTime, horizontal: "center" });
  b.format(column("slaEventAt"), { numberFormat: FORMATS.dateTime, horizontal: "center" });
  b.format(column("slaState"), { horizontal: "center" });
  b.format(column("responseHours"), { numberFormat: FORMATS.hours1, horizontal: "center" });
  b.format(column("sourceRow"), { numberFormat: FORMATS.integer, horizontal: "center", fontColor: PALETTE.note });
  const stateCell = `${letters.slaState}${FIRST_ROW}`;
  const stateStyles = [
    [v.state.missed, CONDITIONAL.bad],
    [v.state.met, CONDITIONAL.good],
    [v.state.pending, CONDITIONAL.neutral],
  ] as const;
  for (const [word, style] of stateStyles) {
    b.conditional({
      range: column("slaState"),
      rule: { type: "expression", formula: `=${stateCell}=${literal(word)}` },
      style,
    });
  }

  // Validation: what a person may type into the input columns.
  const msg = (zh: string, en: string) => t(text(zh, en));
  const yesNoList = [v.yes, v.no];
  for (const f of ORDER_FIELDS) {
    const range = column(f.id);
    const label = t(f.label);
    switch (f.kind) {
      case "yesNo":
        b.validate({
          range,
          rule: { type: "list", values: yesNoList },
          allowBlank: true,
          error: {
            title: label,
            message: msg(
              `请选择“${v.yes}”或“${v.no}”；空白表示否。`,
              `Choose "${v.yes}" or "${v.no}"; blank means no.`,
            ),
          },
        });
        break;
      case "category":
        b.validate({
          range,
          rule: { type: "list", values: [v.category.body, v.category.chassisEngine, v.category.other] },
          allowBlank: true,
          error: {
            title: label,
            message: msg("请从下拉列表选择故障类别。", "Choose the fault category from the list."),
          },
        });
        break;
      case "dateTime":
        b.validate({
          range,
          rule: { type: "date" },
          allowBlank: !f.required,
          prompt: {
            title: label,
            message: msg("日期时间，例如 2026-10-05 08:30", "A date and time, e.g. 2026-10-05 08:30"),
          },
          error: {
            title: label,
            message: msg("请输入日期时间，例如 2026-10-05 08:30。", "Enter a date and time, e.g. 2026-10-05 08:30."),
          },
        });
        break;
      case "distance":
        b.validate({
          range,
          rule: { type: "decimal", min: 0 },
          allowBlank: true,
          error: {
            title: label,
            message: msg("服务半径是不小于 0 的公里数。", "The distance is a number of km, 0 or more."),
          },
        });
        break;
      case "rating":
        b.validate({
          range,
          rule: { type: "decimal", min: 1, max: 10 },
          allowBlank: true,
          error: { title: label, message: msg("评分为 1–10 分。", "Ratings are 1 to 10.") },
        });
        break;
      default:
        break;
    }
  }

  // Sheet setup.
  const widths: Partial<Record<RegisterColumn, number>> = {
    orderId: 16,
    customer: 14,
    technician: 10,
    product: 16,
    category: 11,
    reportedAt: 16,
    repliedAt: 16,
    arrivedAt: 16,
    completedAt: 16,
    distanceKm: 9,
    quality: 8,
    satisfaction: 8,
    slaHours: 8,
    deadline: 16,
    slaEventAt: 16,
    slaState: 9,
    responseHours: 9,
    sourceRow: 7,
  };
  for (const c of REGISTER_COLUMNS) b.width(col[c], widths[c] ?? 8);
  b.width(1, Math.max(widths.orderId ?? 16, 16));
  b.height(HEADER_ROW, 32);
  b.hideColumn(markerCol);
  b.freeze(HEADER_ROW, 1);
  b.tabColor("2E75B6");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    header: t(T.title),
    footer: "&P / &N",
    margins: { top: 0.5, bottom: 0.5, left: 0.3, right: 0.3 },
  });
  b.note(
    text(
      `SLA 状态按截至时间 ${formatSerial(asOf)} 计算，可在 C2 修改`,
      `SLA states are as of ${formatSerial(asOf)}; change it in cell C2`,
    ),
  );
  return ok(b.build());
}

function dataRow(o: WorkOrder, v: Vocabulary): PlanCell[] {
  const yn = (x: boolean) => (x ? v.yes : v.no);
  const values: Record<OrderField, PlanCell> = {
    orderId: o.orderId,
    customer: o.customer,
    technician: o.technician ?? v.unassigned,
    product: o.product,
    category: o.category === null ? null : v.category[o.category],
    reportedAt: o.reportedAt,
    repliedAt: o.repliedAt,
    arrivedAt: o.arrivedAt,
    completedAt: o.completedAt,
    distanceKm: o.distanceKm,
    supplierNeeded: yn(o.supplierNeeded),
    warranty: yn(o.warranty),
    firstTimeFix: yn(o.firstTimeFix),
    quality: o.quality,
    satisfaction: o.satisfaction,
    returnVisit: yn(o.returnVisit),
    complaint: yn(o.complaint),
    serviceCaused: yn(o.serviceCaused),
    complaintHandled: yn(o.complaintHandled),
  };
  return REGISTER_COLUMNS.map((c) => (c === "sourceRow" ? o.row : c in values ? values[c as OrderField] : null));
}
