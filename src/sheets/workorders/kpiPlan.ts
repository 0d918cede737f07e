/**
 * 月度KPI (SPEC 2.3): one row per technician plus the department row, the KPIs with a targets
 * row and a weights row from 考核参数, misses flagged red, the SPEC 1.4 scores, the composite
 * (weights renormalised over the KPIs that have data) and its grade, the change against the
 * previous month where that month has data, and charts of on-time rate and CSAT against the
 * target line.
 *
 * By default every number is a native formula over the register table (COUNTIFS /
 * AVERAGEIFS bounded by the month, `_xlfn.AGGREGATE(16,6,…)` for the median) — auditable, and
 * updated when a data error is corrected in the register. A rate with a zero denominator is
 * blank, never #DIV/0!. With `frozenAt` the same cells hold the engine's values instead,
 * stamped with the time ("freeze as values", for the pay record).
 *
 * Every formula cell carries the engine's value as `expect` (the LibreOffice round trip
 * compares them all).
 */
import { pick, text, type Locale, type Text } from "../../core/i18n/text";
import { SETTING_NAMES, type Settings } from "../../core/settings";
import { formatSerial } from "../../core/dates/serial";
import { KPI_VALUE_KEYS, monthKey, type KpiReport, type KpiRow, type Month } from "../../core/workorders";
import { periodLabel } from "../../core/appraisal";
import { SheetBuilder } from "../common/builder";
import { a1, columnLetter, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../common/styles";
import type { CellStyle, ConditionalStyle, Expected, PlanCell, SheetPlan } from "../plan";
import { REGISTER_TABLE_NAME } from "./registerPlan";
import { literal, vocabulary, type RegisterColumn } from "./vocabulary";
import { tableColumnRef } from "../formula/structuredRef";
import { KPI_MARKER_VERSION, type KpiMarker, type KpiMeta } from "./marker";

export const KPI_SHEET_NAME: Text = text("月度KPI", "Monthly KPI");

export interface KpiSheetOptions {
  /** The engine's KPIs (current and previous month) for the same register data. */
  readonly report: KpiReport;
  readonly locale: Locale;
  readonly settings: Settings;
  /** Name of the register table the formulas read (default SVC_WorkOrders). */
  readonly registerTable?: string;
  /** Language of the register's headers and words, when it differs from `locale`. */
  readonly registerLocale?: Locale;
  /** Freeze as values: the serial of the moment, stamped on the sheet. */
  readonly frozenAt?: number;
}

type MainKey =
  | "name"
  | "orders"
  | "completed"
  | "completionRate"
  | "avgResponseHours"
  | "medianResponseHours"
  | "slaMet"
  | "slaMissed"
  | "slaPending"
  | "slaUnknown"
  | "onTimeRate"
  | "firstTimeFixRate"
  | "returnVisitRate"
  | "avgQuality"
  | "avgSatisfaction"
  | "csat"
  | "complaintRate"
  | "complaintHandlingRate"
  | "sOnTime"
  | "sCsat"
  | "sFtf"
  | "sComplaint"
  | "compositeScore"
  | "grade";
type HelperKey =
  | "crit"
  | "nFtf"
  | "nReturn"
  | "nQuality"
  | "nSatisfaction"
  | "nSatisfied"
  | "nServiceComplaints"
  | "nComplaints"
  | "nHandled"
  | "nResponses";
type PrevKey =
  | "name"
  | "pOrders"
  | "pCompleted"
  | "pMet"
  | "pMissed"
  | "pOnTime"
  | "dOnTime"
  | "pCsat"
  | "dCsat"
  | "pFtf"
  | "dFtf"
  | "pComplaint"
  | "dComplaint"
  | "pComposite"
  | "dComposite"
  | "pGrade";
type PrevHelperKey = "crit" | "nFtf" | "nSatisfaction" | "nSatisfied" | "nServiceComplaints";

const MAIN: readonly { key: MainKey; label: Text; format?: string; width: number }[] = [
  { key: "name", label: text("服务人员", "Technician"), width: 12 },
  { key: "orders", label: text("工单数", "Orders"), format: FORMATS.integer, width: 7 },
  { key: "completed", label: text("完成数", "Completed"), format: FORMATS.integer, width: 7 },
  { key: "completionRate", label: text("工单完成率", "Completion rate"), format: FORMATS.percent1, width: 8 },
  { key: "avgResponseHours", label: text("平均响应时长(h)", "Avg response (h)"), format: FORMATS.hours1, width: 9 },
  {
    key: "medianResponseHours",
    label: text("响应时长中位数(h)", "Median response (h)"),
    format: FORMATS.hours1,
    width: 9,
  },
  { key: "slaMet", label: text("达标", "Met"), format: FORMATS.integer, width: 8 },
  { key: "slaMissed", label: text("超时", "Missed"), format: FORMATS.integer, width: 8 },
  { key: "slaPending", label: text("未到期", "Pending"), format: FORMATS.integer, width: 8 },
  { key: "slaUnknown", label: text("数据不全", "No data"), format: FORMATS.integer, width: 8 },
  { key: "onTimeRate", label: text("服务及时率", "On-time rate"), format: FORMATS.percent1, width: 8 },
  { key: "firstTimeFixRate", label: text("一次修复率", "First-time fix"), format: FORMATS.percent1, width: 8 },
  { key: "returnVisitRate", label: text("回访率", "Return visits"), format: FORMATS.percent1, width: 8 },
  { key: "avgQuality", label: text("维修质量均分", "Avg quality"), format: FORMATS.score2, width: 8 },
  { key: "avgSatisfaction", label: text("满意度均分", "Avg satisfaction"), format: FORMATS.score2, width: 8 },
  { key: "csat", label: text("客户满意率", "CSAT"), format: FORMATS.percent1, width: 8 },
  { key: "complaintRate", label: text("用户抱怨率", "Complaint rate"), format: FORMATS.percent1, width: 8 },
  { key: "complaintHandlingRate", label: text("投诉处理率", "Complaints handled"), format: FORMATS.percent1, width: 8 },
  { key: "sOnTime", label: text("及时率得分", "On-time score"), format: FORMATS.score2, width: 7 },
  { key: "sCsat", label: text("满意率得分", "CSAT score"), format: FORMATS.score2, width: 7 },
  { key: "sFtf", label: text("一次修复得分", "FTF score"), format: FORMATS.score2, width: 7 },
  { key: "sComplaint", label: text("抱怨率得分", "Complaint score"), format: FORMATS.score2, width: 7 },
  { key: "compositeScore", label: text("综合得分", "Composite"), format: FORMATS.score2, width: 8 },
  { key: "grade", label: text("等级", "Grade"), width: 6 },
];
const HELPERS: readonly { key: HelperKey; label: Text }[] = [
  { key: "crit", label: text("条件", "Criterion") },
  { key: "nFtf", label: text("一次修复数", "FTF count") },
  { key: "nReturn", label: text("回访数", "Return visits") },
  { key: "nQuality", label: text("质量评分数", "Quality ratings") },
  { key: "nSatisfaction", label: text("满意度评分数", "Satisfaction ratings") },
  { key: "nSatisfied", label: text("满意数", "Satisfied") },
  { key: "nServiceComplaints", label: text("服务责任投诉数", "Service complaints") },
  { key: "nComplaints", label: text("投诉数", "Complaints") },
  { key: "nHandled", label: text("已处理投诉数", "Complaints handled") },
  { key: "nResponses", label: text("有到达时间数", "With arrival") },
];
const PREV: readonly { key: PrevKey; label: Text; format?: string }[] = [
  { key: "name", label: text("服务人员", "Technician") },
  { key: "pOrders", label: text("上月工单数", "Orders (prev.)"), format: FORMATS.integer },
  { key: "pCompleted", label: text("上月完成数", "Completed (prev.)"), format: FORMATS.integer },
  { key: "pMet", label: text("上月达标", "Met (prev.)"), format: FORMATS.integer },
  { key: "pMissed", label: text("上月超时", "Missed (prev.)"), format: FORMATS.integer },
  { key: "pOnTime", label: text("上月服务及时率", "On-time (prev.)"), format: FORMATS.percent1 },
  { key: "dOnTime", label: text("及时率变化", "On-time change"), format: "+0.0%;-0.0%;0.0%" },
  { key: "pCsat", label: text("上月客户满意率", "CSAT (prev.)"), format: FORMATS.percent1 },
  { key: "dCsat", label: text("满意率变化", "CSAT change"), format: "+0.0%;-0.0%;0.0%" },
  { key: "pFtf", label: text("上月一次修复率", "FTF (prev.)"), format: FORMATS.percent1 },
  { key: "dFtf", label: text("一次修复率变化", "FTF change"), format: "+0.0%;-0.0%;0.0%" },
  { key: "pComplaint", label: text("上月用户抱怨率", "Complaints (prev.)"), format: FORMATS.percent1 },
  { key: "dComplaint", label: text("抱怨率变化", "Complaint change"), format: "+0.0%;-0.0%;0.0%" },
  { key: "pComposite", label: text("上月综合得分", "Composite (prev.)"), format: FORMATS.score2 },
  { key: "dComposite", label: text("综合得分变化", "Composite change"), format: "+0.00;-0.00;0.00" },
  { key: "pGrade", label: text("上月等级", "Grade (prev.)") },
];
const PREV_HELPERS: readonly PrevHelperKey[] = ["crit", "nFtf", "nSatisfaction", "nSatisfied", "nServiceComplaints"];

const HEADER_ROW = 5;
const TARGET_ROW = 6;
const WEIGHT_ROW = 7;
const FIRST_ROW = 8;
const HELPER_COL = MAIN.length + 2;
const MARKER_COL = HELPER_COL + HELPERS.length + 1;

const C = Object.fromEntries(MAIN.map((m, i) => [m.key, i + 1])) as Record<MainKey, number>;
const HC = Object.fromEntries(HELPERS.map((h, i) => [h.key, HELPER_COL + i])) as Record<HelperKey, number>;
const PC = Object.fromEntries(PREV.map((p, i) => [p.key, i + 1])) as Record<PrevKey, number>;
const L = (c: number) => columnLetter(c);

/** Parameter cells (row 3): month start, next month's start, as of, previous month start, its as of. */
const P = { start: "$B$3", end: "$E$3", asOf: "$H$3", prevStart: "$L$3", prevAsOf: "$O$3" } as const;

const T = {
  title: (m: Month) => text(`月度服务 KPI — ${periodLabel(m).zh}`, `Monthly service KPIs — ${periodLabel(m).en}`),
  live: (table: string) =>
    text(
      `公式按登记表（表 ${table}）计算：更正登记表中的数据后自动更新。分母为 0 的比率显示为空白（无数据）。目标、权重、满意阈值来自“考核参数”；红色为未达目标。`,
      `Formulas over the register (table ${table}): they update when register data is corrected. A rate with a zero denominator is blank (no data). Targets, weights and the CSAT threshold come from the Settings sheet; red = target missed.`,
    ),
  frozen: (at: string) =>
    text(
      `数值已于 ${at} 冻结（用于薪酬记录），不再随登记表更新。`,
      `Values frozen at ${at} for the pay record; they no longer follow the register.`,
    ),
  month: text("统计月份", "Month"),
  to: text("至", "to"),
  asOf: text("截至", "As of"),
  prev: text("上月", "Prev."),
  prevAsOf: text("上月截至", "As of"),
  threshold: text("满意阈值", "CSAT ≥"),
  full: text("满分", "Max"),
  targets: text("目标", "Target"),
  weights: text("权重", "Weight"),
  department: text("全部门", "Department"),
  helpers: text("计数（用于核对）", "Counts (for checking)"),
  prevTitle: (m: Month) =>
    text(`与上月对比（${periodLabel(m).zh}）`, `Change against the previous month (${periodLabel(m).en})`),
  chartData: text("图表数据", "Chart data"),
  onTimeChart: text("服务及时率与目标", "On-time rate against target"),
  csatChart: text("客户满意率与目标", "CSAT against target"),
};

/** The KPI sheet for the report's month. Pure: the same options give the same plan. */
export function kpiPlan(options: KpiSheetOptions): SheetPlan<KpiMarker> {
  const { report, locale, settings } = options;
  const t = (x: Text) => pick(x, locale);
  const v = vocabulary(options.registerLocale ?? locale);
  const table = options.registerTable ?? REGISTER_TABLE_NAME;
  const frozen = options.frozenAt !== undefined;
  const cur = report.current;
  const techs = cur.technicians;
  const n = techs.length;
  const deptRow = FIRST_ROW + n;
  const name = (row: KpiRow) => (row.key === null ? t(T.department) : (row.technician ?? v.unassigned));
  const meta: KpiMeta = {
    month: monthKey(cur.month),
    asOf: cur.asOf,
    registerTable: table,
    headerRow: HEADER_ROW,
    firstRow: FIRST_ROW,
    departmentRow: deptRow,
    technicians: techs.map(name),
    frozenAt: options.frozenAt ?? null,
    columns: Object.fromEntries(KPI_VALUE_KEYS.map((key) => [key, L(C[key as MainKey])])),
  };
  const sheetName = `${t(KPI_SHEET_NAME)} ${monthKey(cur.month)}`;
  const b = new SheetBuilder<KpiMarker>(
    sheetName,
    { kind: "kpi", version: KPI_MARKER_VERSION, meta },
    a1(1, MARKER_COL),
  );

  /** A formula cell, or its value when frozen ("" = blank). */
  const cell = (f: string, expect: Expected): PlanCell =>
    frozen ? (expect === "" ? null : (expect as PlanCell)) : { f, expect };
  /** One column over the technician rows: a fill, or the values when frozen. */
  const column = (col: number, firstFormula: string, expects: readonly Expected[], top = FIRST_ROW): void => {
    if (expects.length === 0) return;
    if (frozen)
      b.block(
        top,
        col,
        expects.map((e) => [e === "" ? null : (e as PlanCell)]),
      );
    else
      b.fill({
        range: rangeA1(top, col, top + expects.length - 1, col),
        formula: firstFormula,
        expect: expects.map((e) => [e]),
      });
  };

  // ── title, note, parameters ────────────────────────────────────────────────────────────
  const lastMainCol = MAIN.length;
  b.set(1, 1, t(T.title(cur.month)), STYLES.title);
  b.set(2, 1, t(frozen ? T.frozen(formatSerial(options.frozenAt as number)) : T.live(table)), {
    ...STYLES.note,
    vertical: "middle",
    ...(frozen ? { bold: true, fontColor: PALETTE.badFont } : {}),
  });
  b.merge(rangeA1(2, 1, 2, lastMainCol));
  b.height(2, 30);
  // Parameters, each value in a merged cell wide enough for its date format.
  const label: CellStyle = { bold: true, horizontal: "right" };
  const param = (
    labelCol: number,
    what: Text,
    valueCol: number,
    span: number,
    value: PlanCell,
    style: CellStyle,
  ): void => {
    b.set(3, labelCol, t(what), label);
    b.set(3, valueCol, value, { horizontal: "center", ...style });
    if (span > 1) b.merge(rangeA1(3, valueCol, 3, valueCol + span - 1));
  };
  param(1, T.month, 2, 2, cell(`=DATE(${cur.month.year},${cur.month.month},1)`, cur.start), {
    numberFormat: "yyyy-mm",
    bold: true,
  });
  param(4, T.to, 5, 2, cell("=DATE(YEAR(B3),MONTH(B3)+1,1)", cur.end), { numberFormat: FORMATS.date });
  param(7, T.asOf, 8, 3, cur.asOf, { ...STYLES.input, numberFormat: FORMATS.dateTime });
  param(11, T.prev, 12, 2, cell("=DATE(YEAR(B3),MONTH(B3)-1,1)", report.previous.start), { numberFormat: "yyyy-mm" });
  param(14, T.prevAsOf, 15, 3, cell("=MIN(B3,H3)", report.previous.asOf), { numberFormat: FORMATS.dateTime });
  param(18, T.threshold, 19, 1, cell(`=${SETTING_NAMES.kpiCsatThreshold}`, settings.kpi.csatThreshold), {});
  param(20, T.full, 21, 1, cell(`=${SETTING_NAMES.kpiFullScore}`, settings.kpi.fullScore), {});
  b.format(rangeA1(3, 1, 3, 21), { fontSize: 10 });

  // ── header, targets, weights ───────────────────────────────────────────────────────────
  // English headers are longer: a smaller font and wider columns (set at the end) keep them readable.
  const headerStyle: CellStyle = locale === "en-US" ? { ...STYLES.header, fontSize: 9 } : STYLES.header;
  b.setRow(
    HEADER_ROW,
    1,
    MAIN.map((m) => t(m.label)),
    headerStyle,
  );
  b.height(HEADER_ROW, 44);
  b.set(TARGET_ROW, 1, t(T.targets), { ...STYLES.label, bold: true });
  b.set(WEIGHT_ROW, 1, t(T.weights), { ...STYLES.label, bold: true });
  const k = settings.kpi;
  b.set(TARGET_ROW, C.onTimeRate, cell(`=${SETTING_NAMES.kpiTargetOnTime}`, k.targets.onTime));
  b.set(TARGET_ROW, C.firstTimeFixRate, cell(`=${SETTING_NAMES.kpiTargetFirstTimeFix}`, k.targets.firstTimeFix));
  b.set(TARGET_ROW, C.csat, cell(`=${SETTING_NAMES.kpiTargetCsat}`, k.targets.csat));
  b.set(TARGET_ROW, C.complaintRate, cell(`=${SETTING_NAMES.kpiTargetComplaintRate}`, k.targets.complaintRate));
  b.set(WEIGHT_ROW, C.sOnTime, cell(`=${SETTING_NAMES.kpiWeightOnTime}`, k.weights.onTime));
  b.set(WEIGHT_ROW, C.sCsat, cell(`=${SETTING_NAMES.kpiWeightCsat}`, k.weights.csat));
  b.set(WEIGHT_ROW, C.sFtf, cell(`=${SETTING_NAMES.kpiWeightFirstTimeFix}`, k.weights.firstTimeFix));
  b.set(WEIGHT_ROW, C.sComplaint, cell(`=${SETTING_NAMES.kpiWeightComplaintRate}`, k.weights.complaintRate));
  const weightSum = k.weights.onTime + k.weights.csat + k.weights.firstTimeFix + k.weights.complaintRate;
  b.set(
    WEIGHT_ROW,
    C.compositeScore,
    cell(`=SUM(${rangeA1(WEIGHT_ROW, C.sOnTime, WEIGHT_ROW, C.sComplaint)})`, weightSum),
  );
  b.format(rangeA1(TARGET_ROW, 2, WEIGHT_ROW, lastMainCol), { ...STYLES.computed, horizontal: "center", italic: true });
  b.format(rangeA1(TARGET_ROW, 1, WEIGHT_ROW, 1), { fill: PALETTE.computedFill });
  for (const key of ["onTimeRate", "firstTimeFixRate", "csat", "complaintRate"] as const)
    b.format(a1(TARGET_ROW, C[key]), { numberFormat: FORMATS.percent0 });
  b.format(rangeA1(WEIGHT_ROW, C.sOnTime, WEIGHT_ROW, C.compositeScore), { numberFormat: FORMATS.percent0 });

  // ── the KPI rows ───────────────────────────────────────────────────────────────────────
  const R = (c: RegisterColumn) => tableColumnRef(table, v.header[c]);
  const countifs = (
    start: string,
    end: string,
    who: string | null,
    extra: readonly (readonly [RegisterColumn, string])[],
  ): string =>
    `COUNTIFS(${[`${R("reportedAt")},">="&${start}`, `${R("reportedAt")},"<"&${end}`, ...(who ? [`${R("technician")},${who}`] : []), ...extra.map(([c, crit]) => `${R(c)},${crit}`)].join(",")})`;
  const averageifs = (target: RegisterColumn, start: string, end: string, who: string | null, crit: string): string =>
    `AVERAGEIFS(${R(target)},${[`${R("reportedAt")},">="&${start}`, `${R("reportedAt")},"<"&${end}`, ...(who ? [`${R("technician")},${who}`] : []), `${R(target)},${crit}`].join(",")})`;
  const yes = literal(v.yes);
  // Half a millisecond below "as of": deadlines are whole milliseconds, so "< as of" is exact
  // whatever digits the criterion text keeps (see the register's SLA formula).
  const beforeAsOf = (asOf: string) => `"<"&(${asOf}-0.5/86400000)`;
  const notBeforeAsOf = (asOf: string) => `">="&(${asOf}-0.5/86400000)`;
  const missedFormula = (start: string, end: string, asOf: string, who: string | null) =>
    `${countifs(start, end, who, [
      ["slaState", literal(v.state.missed)],
      ["slaEventAt", '">0"'],
    ])}+${countifs(start, end, who, [["deadline", beforeAsOf(asOf)]])}-${countifs(start, end, who, [
      ["deadline", beforeAsOf(asOf)],
      ["slaEventAt", '">0"'],
    ])}`;
  const gradeFormula = (score: string) =>
    `IF(${score}="","",IF(${score}<MIN(${SETTING_NAMES.grades5Bounds})-1E-9,"",INDEX(${SETTING_NAMES.grades5Codes},SUMPRODUCT(--(${SETTING_NAMES.grades5Bounds}>${score}+1E-9))+1)))`;

  /** Formulas of one KPI row written at sheet row `r`; `who` = criterion cell or null (department). */
  const mainFormulas = (
    r: number,
    who: string | null,
    nameCell: string | null,
  ): Record<MainKey | HelperKey, string> => {
    const at = (key: MainKey) => `${L(C[key])}${r}`;
    const h = (key: HelperKey) => `${L(HC[key])}${r}`;
    const cnt = (extra: readonly (readonly [RegisterColumn, string])[]) => countifs(P.start, P.end, who, extra);
    const inMonth = `(${R("reportedAt")}>=${P.start})*(${R("reportedAt")}<${P.end})${nameCell ? `*(${R("technician")}=${nameCell})` : ""}`;
    const target = (key: MainKey) => `${L(C[key])}$${TARGET_ROW}`;
    const full = SETTING_NAMES.kpiFullScore;
    const scores = rangeA1(r, C.sOnTime, r, C.sComplaint);
    const weights = rangeA1(WEIGHT_ROW, C.sOnTime, WEIGHT_ROW, C.sComplaint, true);
    const used = `SUMPRODUCT(--ISNUMBER(${scores}),${weights})`;
    return {
      name: "",
      orders: `=${cnt([])}`,
      completed: `=${cnt([["completedAt", '">0"']])}`,
      completionRate: `=IF(${at("orders")}=0,"",${at("completed")}/${at("orders")})`,
      avgResponseHours: `=IF(${h("nResponses")}=0,"",${averageifs("responseHours", P.start, P.end, who, '">=0"')})`,
      medianResponseHours: `=IF(${h("nResponses")}=0,"",_xlfn.AGGREGATE(16,6,${R("responseHours")}/(${inMonth}),0.5))`,
      slaMet: `=${cnt([["slaState", literal(v.state.met)]])}`,
      slaMissed: `=${missedFormula(P.start, P.end, P.asOf, who)}`,
      slaPending: `=${cnt([["deadline", notBeforeAsOf(P.asOf)]])}-${cnt([
        ["deadline", notBeforeAsOf(P.asOf)],
        ["slaEventAt", '">0"'],
      ])}`,
      slaUnknown: `=${cnt([["slaState", literal(v.state.unknown)]])}`,
      onTimeRate: `=IF(${at("slaMet")}+${at("slaMissed")}=0,"",${at("slaMet")}/(${at("slaMet")}+${at("slaMissed")}))`,
      firstTimeFixRate: `=IF(${at("completed")}=0,"",${h("nFtf")}/${at("completed")})`,
      returnVisitRate: `=IF(${at("completed")}=0,"",${h("nReturn")}/${at("completed")})`,
      avgQuality: `=IF(${h("nQuality")}=0,"",${averageifs("quality", P.start, P.end, who, '">0"')})`,
      avgSatisfaction: `=IF(${h("nSatisfaction")}=0,"",${averageifs("satisfaction", P.start, P.end, who, '">0"')})`,
      csat: `=IF(${h("nSatisfaction")}=0,"",${h("nSatisfied")}/${h("nSatisfaction")})`,
      complaintRate: `=IF(${at("orders")}=0,"",${h("nServiceComplaints")}/${at("orders")})`,
      complaintHandlingRate: `=IF(${h("nComplaints")}=0,"",${h("nHandled")}/${h("nComplaints")})`,
      sOnTime: `=IF(${at("onTimeRate")}="","",MIN(${at("onTimeRate")}/${target("onTimeRate")},1)*${full})`,
      sCsat: `=IF(${at("csat")}="","",MIN(${at("csat")}/${target("csat")},1)*${full})`,
      sFtf: `=IF(${at("firstTimeFixRate")}="","",MIN(${at("firstTimeFixRate")}/${target("firstTimeFixRate")},1)*${full})`,
      sComplaint: `=IF(${at("complaintRate")}="","",IF(${at("complaintRate")}<=${target("complaintRate")}+1E-9,${full},${full}*${target("complaintRate")}/${at("complaintRate")}))`,
      compositeScore: `=IF(${used}=0,"",SUMPRODUCT(${scores},${weights})/${used})`,
      grade: `=${gradeFormula(at("compositeScore"))}`,
      crit: `="="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A${r},"~","~~"),"*","~*"),"?","~?")`,
      nFtf: `=${cnt([
        ["completedAt", '">0"'],
        ["firstTimeFix", yes],
      ])}`,
      nReturn: `=${cnt([
        ["completedAt", '">0"'],
        ["returnVisit", yes],
      ])}`,
      nQuality: `=${cnt([["quality", '">0"']])}`,
      nSatisfaction: `=${cnt([["satisfaction", '">0"']])}`,
      nSatisfied: `=${cnt([["satisfaction", `">="&${SETTING_NAMES.kpiCsatThreshold}`]])}`,
      nServiceComplaints: `=${cnt([
        ["complaint", yes],
        ["serviceCaused", yes],
      ])}`,
      nComplaints: `=${cnt([["complaint", yes]])}`,
      nHandled: `=${cnt([
        ["complaint", yes],
        ["complaintHandled", yes],
      ])}`,
      nResponses: `=${cnt([["responseHours", '">=0"']])}`,
    };
  };
  const mainExpects = (row: KpiRow): Record<MainKey | HelperKey, Expected> => {
    const x = row.values;
    const c = row.counts;
    const e = (value: number | string | null): Expected => value ?? "";
    return {
      name: name(row),
      orders: x.orders,
      completed: x.completed,
      completionRate: e(x.completionRate),
      avgResponseHours: e(x.avgResponseHours),
      medianResponseHours: e(x.medianResponseHours),
      slaMet: x.slaMet,
      slaMissed: x.slaMissed,
      slaPending: x.slaPending,
      slaUnknown: x.slaUnknown,
      onTimeRate: e(x.onTimeRate),
      firstTimeFixRate: e(x.firstTimeFixRate),
      returnVisitRate: e(x.returnVisitRate),
      avgQuality: e(x.avgQuality),
      avgSatisfaction: e(x.avgSatisfaction),
      csat: e(x.csat),
      complaintRate: e(x.complaintRate),
      complaintHandlingRate: e(x.complaintHandlingRate),
      sOnTime: e(row.scores.onTime),
      sCsat: e(row.scores.csat),
      sFtf: e(row.scores.firstTimeFix),
      sComplaint: e(row.scores.complaintRate),
      compositeScore: e(x.compositeScore),
      grade: e(x.grade),
      crit: `=${escapeCriterion(name(row))}`,
      nFtf: c.firstTimeFixes,
      nReturn: c.returnVisits,
      nQuality: c.qualityRatings,
      nSatisfaction: c.satisfactionRatings,
      nSatisfied: c.satisfied,
      nServiceComplaints: c.serviceComplaints,
      nComplaints: c.complaints,
      nHandled: c.complaintsHandled,
      nResponses: c.responses,
    };
  };

  // Technicians: names as text, every other column one fill.
  if (n > 0) {
    b.block(
      FIRST_ROW,
      1,
      techs.map((row) => [name(row)]),
    );
    const f = mainFormulas(FIRST_ROW, `$${L(HC.crit)}${FIRST_ROW}`, `$A${FIRST_ROW}`);
    const ex = techs.map(mainExpects);
    for (const m of MAIN)
      if (m.key !== "name")
        column(
          C[m.key],
          f[m.key],
          ex.map((e) => e[m.key]),
        );
    for (const h of HELPERS)
      column(
        HC[h.key],
        f[h.key],
        ex.map((e) => e[h.key]),
      );
  }
  // Department row: the same KPIs without a technician criterion.
  {
    const f = mainFormulas(deptRow, null, null);
    const ex = mainExpects(cur.department);
    b.set(deptRow, 1, name(cur.department));
    for (const m of MAIN) if (m.key !== "name") b.set(deptRow, C[m.key], cell(f[m.key], ex[m.key]));
    for (const h of HELPERS) if (h.key !== "crit") b.set(deptRow, HC[h.key], cell(f[h.key], ex[h.key]));
  }
  const body = (c1: number, c2: number) => rangeA1(FIRST_ROW, c1, deptRow, c2);
  b.format(body(1, lastMainCol), { border: "thin", vertical: "middle" });
  b.format(body(2, lastMainCol), { horizontal: "center" });
  for (const m of MAIN) if (m.format) b.format(body(C[m.key], C[m.key]), { numberFormat: m.format });
  b.format(body(C.sOnTime, C.grade), { fill: PALETTE.computedFill });
  b.format(body(C.compositeScore, C.grade), { bold: true });
  b.format(body(1, 1), { numberFormat: FORMATS.text });
  b.format(rangeA1(deptRow, 1, deptRow, lastMainCol), { bold: true, fill: PALETTE.headerFill, outline: "medium" });

  // Helper counts (right of the table): for checking, not for printing.
  b.set(HEADER_ROW - 1, HELPER_COL, t(T.helpers), { ...STYLES.note, bold: true });
  b.setRow(
    HEADER_ROW,
    HELPER_COL,
    HELPERS.map((h) => t(h.label)),
    { ...STYLES.header, fontSize: 9, fill: PALETTE.computedFill },
  );
  b.format(rangeA1(FIRST_ROW, HELPER_COL, deptRow, HELPER_COL + HELPERS.length - 1), {
    fontColor: PALETTE.note,
    horizontal: "center",
    border: "thin",
    numberFormat: FORMATS.integer,
  });
  b.format(rangeA1(FIRST_ROW, HC.crit, deptRow, HC.crit), { numberFormat: FORMATS.text });

  // Misses in red (SPEC 2.3); grades coloured like the appraisal form.
  const miss = (key: MainKey, lowerIsBetter: boolean) => {
    const c = `${L(C[key])}${FIRST_ROW}`;
    const tgt = `${L(C[key])}$${TARGET_ROW}`;
    const formula = lowerIsBetter ? `=AND(ISNUMBER(${c}),${c}>${tgt}+1E-9)` : `=AND(ISNUMBER(${c}),${c}<${tgt}-1E-9)`;
    b.conditional({ range: body(C[key], C[key]), rule: { type: "expression", formula }, style: CONDITIONAL.bad });
  };
  miss("onTimeRate", false);
  miss("firstTimeFixRate", false);
  miss("csat", false);
  miss("complaintRate", true);
  const bands = settings.fivePoint.bands;
  bands.forEach((_, i) => {
    const style: ConditionalStyle =
      i === 0 ? CONDITIONAL.good : i === bands.length - 1 ? CONDITIONAL.bad : CONDITIONAL.neutral;
    const g = `${L(C.grade)}${FIRST_ROW}`;
    b.conditional({
      range: body(C.grade, C.grade),
      rule: { type: "expression", formula: `=AND(${g}<>"",${g}=INDEX(${SETTING_NAMES.grades5Codes},${i + 1}))` },
      style,
    });
  });

  // ── change against the previous month ──────────────────────────────────────────────────
  const pTitle = deptRow + 2;
  const pHeader = pTitle + 1;
  const pFirst = pHeader + 1;
  const pDept = pFirst + n;
  const offset = pFirst - FIRST_ROW;
  b.set(pTitle, 1, t(T.prevTitle(report.previous.month)), STYLES.section);
  b.setRow(
    pHeader,
    1,
    PREV.map((p) => t(p.label)),
    headerStyle,
  );
  b.height(pHeader, 44);
  const prevByKey = new Map(report.previous.technicians.map((r) => [r.key, r]));
  const prevRows = techs.map((r) => prevByKey.get(r.key));
  const prevFormulas = (r: number, who: string | null): Record<PrevKey | `h_${PrevHelperKey}`, string> => {
    const at = (key: PrevKey) => `${L(PC[key])}${r}`;
    const h = (key: PrevHelperKey) => `${L(HC[key])}${r}`;
    const curAt = (key: MainKey) => `${L(C[key])}${r - offset}`;
    const cnt = (extra: readonly (readonly [RegisterColumn, string])[]) => countifs(P.prevStart, P.start, who, extra);
    const tg = (key: MainKey) => `$${L(C[key])}$${TARGET_ROW}`;
    const wt = (key: MainKey) => `$${L(C[key])}$${WEIGHT_ROW}`;
    const full = SETTING_NAMES.kpiFullScore;
    const term = (rateCell: string, score: string, weight: string) => `IF(${rateCell}="",0,${weight}*${score})`;
    const wterm = (rateCell: string, weight: string) => `IF(${rateCell}="",0,${weight})`;
    const sHigher = (rateCell: string, key: MainKey) => `MIN(${rateCell}/${tg(key)},1)*${full}`;
    const sLower = (rateCell: string) =>
      `IF(${rateCell}<=${tg("complaintRate")}+1E-9,${full},${full}*${tg("complaintRate")}/${rateCell})`;
    const wsum = [
      wterm(at("pOnTime"), wt("sOnTime")),
      wterm(at("pCsat"), wt("sCsat")),
      wterm(at("pFtf"), wt("sFtf")),
      wterm(at("pComplaint"), wt("sComplaint")),
    ].join("+");
    const ssum = [
      term(at("pOnTime"), sHigher(at("pOnTime"), "onTimeRate"), wt("sOnTime")),
      term(at("pCsat"), sHigher(at("pCsat"), "csat"), wt("sCsat")),
      term(at("pFtf"), sHigher(at("pFtf"), "firstTimeFixRate"), wt("sFtf")),
      term(at("pComplaint"), sLower(at("pComplaint")), wt("sComplaint")),
    ].join("+");
    const delta = (curKey: MainKey, prevKey: PrevKey) =>
      `=IF(OR(${curAt(curKey)}="",${at(prevKey)}=""),"",${curAt(curKey)}-${at(prevKey)})`;
    return {
      name: "",
      pOrders: `=${cnt([])}`,
      pCompleted: `=${cnt([["completedAt", '">0"']])}`,
      pMet: `=${cnt([["slaState", literal(v.state.met)]])}`,
      pMissed: `=${missedFormula(P.prevStart, P.start, P.prevAsOf, who)}`,
      pOnTime: `=IF(${at("pMet")}+${at("pMissed")}=0,"",${at("pMet")}/(${at("pMet")}+${at("pMissed")}))`,
      dOnTime: delta("onTimeRate", "pOnTime"),
      pCsat: `=IF(${h("nSatisfaction")}=0,"",${h("nSatisfied")}/${h("nSatisfaction")})`,
      dCsat: delta("csat", "pCsat"),
      pFtf: `=IF(${at("pCompleted")}=0,"",${h("nFtf")}/${at("pCompleted")})`,
      dFtf: delta("firstTimeFixRate", "pFtf"),
      pComplaint: `=IF(${at("pOrders")}=0,"",${h("nServiceComplaints")}/${at("pOrders")})`,
      dComplaint: delta("complaintRate", "pComplaint"),
      pComposite: `=IF(${wsum}=0,"",(${ssum})/(${wsum}))`,
      dComposite: delta("compositeScore", "pComposite"),
      pGrade: `=${gradeFormula(at("pComposite"))}`,
      h_crit: `="="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($A${r},"~","~~"),"*","~*"),"?","~?")`,
      h_nFtf: `=${cnt([
        ["completedAt", '">0"'],
        ["firstTimeFix", yes],
      ])}`,
      h_nSatisfaction: `=${cnt([["satisfaction", '">0"']])}`,
      h_nSatisfied: `=${cnt([["satisfaction", `">="&${SETTING_NAMES.kpiCsatThreshold}`]])}`,
      h_nServiceComplaints: `=${cnt([
        ["complaint", yes],
        ["serviceCaused", yes],
      ])}`,
    };
  };
  const diff = (a: number | null, p: number | null): Expected => (a === null || p === null ? "" : a - p);
  const prevExpects = (
    current: KpiRow,
    prev: KpiRow | undefined,
    label: string,
  ): Record<PrevKey | `h_${PrevHelperKey}`, Expected> => {
    const x = prev?.values;
    const c = prev?.counts;
    const e = (value: number | string | null | undefined): Expected => value ?? "";
    return {
      name: label,
      pOrders: c?.orders ?? 0,
      pCompleted: c?.completed ?? 0,
      pMet: c?.met ?? 0,
      pMissed: c?.missed ?? 0,
      pOnTime: e(x?.onTimeRate),
      dOnTime: diff(current.values.onTimeRate, x?.onTimeRate ?? null),
      pCsat: e(x?.csat),
      dCsat: diff(current.values.csat, x?.csat ?? null),
      pFtf: e(x?.firstTimeFixRate),
      dFtf: diff(current.values.firstTimeFixRate, x?.firstTimeFixRate ?? null),
      pComplaint: e(x?.complaintRate),
      dComplaint: diff(current.values.complaintRate, x?.complaintRate ?? null),
      pComposite: e(x?.compositeScore),
      dComposite: diff(current.values.compositeScore, x?.compositeScore ?? null),
      pGrade: e(x?.grade),
      h_crit: `=${escapeCriterion(label)}`,
      h_nFtf: c?.firstTimeFixes ?? 0,
      h_nSatisfaction: c?.satisfactionRatings ?? 0,
      h_nSatisfied: c?.satisfied ?? 0,
      h_nServiceComplaints: c?.serviceComplaints ?? 0,
    };
  };
  if (n > 0) {
    b.block(
      pFirst,
      1,
      techs.map((row) => [name(row)]),
    );
    const f = prevFormulas(pFirst, `$${L(HC.crit)}${pFirst}`);
    const ex = techs.map((row, i) => prevExpects(row, prevRows[i], name(row)));
    for (const p of PREV)
      if (p.key !== "name")
        column(
          PC[p.key],
          f[p.key],
          ex.map((e) => e[p.key]),
          pFirst,
        );
    for (const h of PREV_HELPERS)
      column(
        HC[h],
        f[`h_${h}`],
        ex.map((e) => e[`h_${h}`]),
        pFirst,
      );
  }
  {
    const f = prevFormulas(pDept, null);
    const ex = prevExpects(cur.department, report.previous.department, name(cur.department));
    b.set(pDept, 1, name(cur.department));
    for (const p of PREV) if (p.key !== "name") b.set(pDept, PC[p.key], cell(f[p.key], ex[p.key]));
    for (const h of PREV_HELPERS) if (h !== "crit") b.set(pDept, HC[h], cell(f[`h_${h}`], ex[`h_${h}`]));
  }
  const pBody = (c1: number, c2: number) => rangeA1(pFirst, c1, pDept, c2);
  b.format(pBody(1, PREV.length), { border: "thin", vertical: "middle" });
  b.format(pBody(2, PREV.length), { horizontal: "center" });
  for (const p of PREV) if (p.format) b.format(pBody(PC[p.key], PC[p.key]), { numberFormat: p.format });
  b.format(pBody(1, 1), { numberFormat: FORMATS.text });
  b.format(rangeA1(pDept, 1, pDept, PREV.length), { bold: true, fill: PALETTE.headerFill, outline: "medium" });
  b.format(rangeA1(pFirst, HELPER_COL, pDept, HELPER_COL + HELPERS.length - 1), {
    fontColor: PALETTE.note,
    horizontal: "center",
    numberFormat: FORMATS.integer,
  });
  b.format(rangeA1(pFirst, HC.crit, pDept, HC.crit), { numberFormat: FORMATS.text });
  // Better is green, worse is red (for the complaint rate, lower is better).
  for (const [key, up] of [
    ["dOnTime", true],
    ["dCsat", true],
    ["dFtf", true],
    ["dComplaint", false],
    ["dComposite", true],
  ] as const) {
    const c = `${L(PC[key])}${pFirst}`;
    const range = pBody(PC[key], PC[key]);
    b.conditional({
      range,
      rule: { type: "expression", formula: `=AND(ISNUMBER(${c}),${c}${up ? "<" : ">"}-1E-9)` },
      style: CONDITIONAL.bad,
    });
    b.conditional({
      range,
      rule: { type: "expression", formula: `=AND(ISNUMBER(${c}),${c}${up ? ">" : "<"}1E-9)` },
      style: CONDITIONAL.good,
    });
  }

  // ── chart data and charts ──────────────────────────────────────────────────────────────
  let lastRow = pDept;
  if (n > 0) {
    const cTitle = pDept + 2;
    const cHeader = cTitle + 1;
    const cFirst = cHeader + 1;
    const cLast = cFirst + n - 1;
    const cOffset = cFirst - FIRST_ROW;
    b.set(cTitle, 1, t(T.chartData), STYLES.section);
    const chartLabels = [
      text("服务人员", "Technician"),
      text("服务及时率", "On-time rate"),
      text("及时率目标", "On-time target"),
      text("客户满意率", "CSAT"),
      text("满意率目标", "CSAT target"),
    ];
    b.setRow(cHeader, 1, chartLabels.map(t), headerStyle);
    b.height(cHeader, 32);
    b.block(
      cFirst,
      1,
      techs.map((row) => [name(row)]),
    );
    const ref = (key: MainKey) => `${L(C[key])}${cFirst - cOffset}`;
    const cats = rangeA1(cFirst, 1, cLast, 1, true);
    const chartTop = cLast + 2;
    // One chart per KPI: its values per technician as columns, the target as a line.
    const charts = [
      { key: "onTimeRate" as const, target: k.targets.onTime, title: T.onTimeChart, col: 2, at: 1 },
      { key: "csat" as const, target: k.targets.csat, title: T.csatChart, col: 4, at: 11 },
    ];
    for (const c of charts) {
      column(
        c.col,
        `=IF(${ref(c.key)}="","",${ref(c.key)})`,
        techs.map((r) => r.values[c.key] ?? ""),
        cFirst,
      );
      column(
        c.col + 1,
        `=${L(C[c.key])}$${TARGET_ROW}`,
        techs.map(() => c.target),
        cFirst,
      );
      b.chart({
        type: "columnLine",
        title: t(c.title),
        series: [
          { name: t(chartLabels[c.col - 1]), values: rangeA1(cFirst, c.col, cLast, c.col, true), categories: cats },
          {
            name: t(chartLabels[c.col]),
            values: rangeA1(cFirst, c.col + 1, cLast, c.col + 1, true),
            categories: cats,
            asLine: true,
          },
        ],
        from: a1(chartTop, c.at),
        to: a1(chartTop + 16, c.at + 8),
        yAxis: { min: 0, max: 1, numberFormat: FORMATS.percent0 },
      });
    }
    b.format(rangeA1(cFirst, 1, cLast, 5), { border: "thin" });
    b.format(rangeA1(cFirst, 2, cLast, 5), { numberFormat: FORMATS.percent1, horizontal: "center" });
    lastRow = cLast;
  }

  // ── sheet setup ────────────────────────────────────────────────────────────────────────
  for (const m of MAIN)
    b.width(C[m.key], locale === "en-US" ? Math.max(m.width, m.key === "name" ? 14 : 10.5) : m.width);
  for (const h of HELPERS) b.width(HC[h.key], 9);
  b.width(HC.crit, 12);
  b.hideColumn(HC.crit);
  b.hideColumn(MARKER_COL);
  b.freeze(WEIGHT_ROW, 1);
  b.tabColor("548235");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    printArea: rangeA1(1, 1, lastRow, lastMainCol),
    header: t(T.title(cur.month)),
    footer: "&P / &N",
    margins: { top: 0.5, bottom: 0.5, left: 0.3, right: 0.3 },
    centerHorizontally: true,
  });
  return b.build();
}

/** The COUNTIFS criterion text for an exact name: wildcards (~ * ?) escaped. */
export function escapeCriterion(name: string): string {
  return name.replace(/~/g, "~~").replace(/\*/g, "~*").replace(/\?/g, "~?");
}
