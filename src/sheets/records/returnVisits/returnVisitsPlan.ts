/**
 * The return visits of one month (回访与满意度调查, issue 12 point 7; RULES.md#return-visits): three sheets written as one
 * unit —
 * - 回访记录 (the survey form): one row per drawn order, the visitor's answers in yellow columns
 *   with dropdowns and 1–10 validation, and formulas for 已回访 (a visit date is filled), 需跟进
 *   (a score below the low-score threshold on row 3, or 问题已解决 = 否) and the follow-ups'
 *   running number;
 * - 回访汇总: per technician the completed orders (from the work orders: the 回访率 denominator,
 *   RULES.md#monthly-kpis), and by formula the visits sampled and done, 回访率, mean satisfaction and quality,
 *   low scores, unresolved cases and follow-ups, with a total row;
 * - 跟进清单: the follow-ups, pulled from the survey by formula, so the list grows as the survey
 *   is filled in.
 *
 * Why the follow-up list is INDEX/MATCH on a running number and not FILTER: FILTER is a dynamic
 * array, which RULES.md#portable-formulas rules out (older Excel and WPS do not compute it; LibreOffice 7.4 lacks
 * it). A running count of the flagged rows (SUMPRODUCT over the rows so far) numbers them 1, 2, …;
 * row k of the list finds number k with MATCH — plain formulas every spreadsheet computes. The
 * list is therefore a view: the follow-up action and result are typed on the survey, where they
 * stay with their order whatever is flagged later.
 *
 * Technicians are matched with `--(range=cell)` inside SUMPRODUCT, never with COUNTIFS/AVERAGEIFS
 * criteria: a name such as "张*" or "=王" must not become a wildcard or a comparison (the ledger's
 * rule, ledgerPlan.ts). Excel's "=" ignores case, as technicianKey does in the engine.
 */
import { pick, type Locale, type Text } from "../../../core/i18n/text";
import { ok, type Result } from "../../../core/problem";
import { UNASSIGNED } from "../../../core/workorders/fields";
import {
  ATTITUDES,
  ATTITUDE_LABELS,
  FOLLOW_UP_LABELS,
  completedByTechnician,
  surveyFigures,
  type FollowUpReason,
  type ReturnVisitSample,
  type SurveyFigures,
  type SurveyLine,
  type TechnicianFigures,
} from "../../../core/records/returnVisits";
import { a1, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { DataValidation, Expected, SheetPlan, WorkbookPlan } from "../../plan";
import {
  finishRecordSheet,
  orBlank,
  otherSheetColumn,
  recordBuilder,
  recordSheetName,
  recordTitle,
  type RecordBook,
  type RecordBuilder,
} from "../common/recordSheet";
import { literal, matches, recordLayout, writeRecordTable, type RecordLayout } from "../common/recordTable";
import { HEADERS as H, SHEET_NAMES, TEXT } from "./strings";

export interface ReturnVisitsOptions {
  /** The service station ("" = the department). */
  readonly station: string;
  /** "2026-10", shown in the titles and on the parameters row. */
  readonly month: string;
  /** null for a survey typed by hand (no sample drawn): shown as "—". */
  readonly seed: number | null;
  /** How the sample was sized, as shown on the parameters row: a share (0–1) or a count; null = not drawn. */
  readonly size: { readonly share: number } | { readonly count: number } | null;
  /** The drawn orders with the answers so far (blank answers for a new survey). */
  readonly lines: readonly SurveyLine[];
  /** Each technician's completed orders of the month, in summary order. */
  readonly completed: readonly { readonly technician: string | null; readonly completed: number }[];
  /** Scores below this (1–10) need a follow-up. */
  readonly threshold: number;
  readonly locale: Locale;
  /** Blank survey rows under the sample, for visits added by hand. Default 10. */
  readonly blankRows?: number;
  /** Blank summary rows under the technicians, for a survey typed by hand. Default 0. */
  readonly blankSummaryRows?: number;
}

/** The plan's options that come from a drawn sample: its seed and size, the survey lines, the technicians. */
export function drawnSurvey(drawn: {
  readonly sample: ReturnVisitSample;
  readonly lines: readonly SurveyLine[];
}): Pick<ReturnVisitsOptions, "seed" | "size" | "lines" | "completed"> {
  const { sample, lines } = drawn;
  return { seed: sample.seed, size: sample.size, lines, completed: completedByTechnician(sample) };
}

export interface ReturnVisitsBook {
  readonly plan: WorkbookPlan;
  readonly figures: SurveyFigures;
}

export const RETURN_VISIT_TABLES = {
  survey: "SVC_ReturnVisits",
  summary: "SVC_ReturnVisitSummary",
  followUps: "SVC_ReturnFollowUps",
};

type SurveyId =
  | "orderId"
  | "customer"
  | "contact"
  | "technician"
  | "completedOn"
  | "visitDate"
  | "visitor"
  | "satisfaction"
  | "quality"
  | "attitude"
  | "resolved"
  | "comments"
  | "visited"
  | "followUp"
  | "followUpNo"
  | "action"
  | "result";
const SURVEY_ORDER: readonly SurveyId[] = [
  "orderId",
  "customer",
  "contact",
  "technician",
  "completedOn",
  "visitDate",
  "visitor",
  "satisfaction",
  "quality",
  "attitude",
  "resolved",
  "comments",
  "visited",
  "followUp",
  "followUpNo",
  "action",
  "result",
];
type SummaryId =
  | "technician"
  | "completed"
  | "sampled"
  | "visited"
  | "visitRate"
  | "meanSatisfaction"
  | "meanQuality"
  | "lowScores"
  | "unresolved"
  | "followUps";
const SUMMARY_ORDER: readonly SummaryId[] = [
  "technician",
  "completed",
  "sampled",
  "visited",
  "visitRate",
  "meanSatisfaction",
  "meanQuality",
  "lowScores",
  "unresolved",
  "followUps",
];
type FollowId =
  | "no"
  | "orderId"
  | "customer"
  | "contact"
  | "technician"
  | "satisfaction"
  | "resolved"
  | "reason"
  | "comments"
  | "action"
  | "result";
const FOLLOW_ORDER: readonly FollowId[] = [
  "no",
  "orderId",
  "customer",
  "contact",
  "technician",
  "satisfaction",
  "resolved",
  "reason",
  "comments",
  "action",
  "result",
];

const HEADER_ROW = 4;
/** The low-score threshold's cell on the survey (row 3, the parameters row). */
const THRESHOLD_COLUMN = 8;

interface Ctx extends RecordBook {
  readonly o: ReturnVisitsOptions;
  readonly names: { readonly survey: string; readonly summary: string; readonly followUps: string };
  readonly figures: SurveyFigures;
  readonly S: RecordLayout<SurveyId>;
  /** The threshold cell, absolute, on the survey ("$H$3"). */
  readonly threshold: string;
  readonly yes: string;
  readonly no: string;
}

/** The three sheets of one month's return visits. */
export function returnVisitsPlan(options: ReturnVisitsOptions): Result<ReturnVisitsBook> {
  const { locale } = options;
  const t = (x: Text) => pick(x, locale);
  const station = options.station.trim();
  const names = {
    survey: recordSheetName(t(SHEET_NAMES.survey), station),
    summary: recordSheetName(t(SHEET_NAMES.summary), station),
    followUps: recordSheetName(t(SHEET_NAMES.followUps), station),
  };
  const figures = surveyFigures(options.lines, options.completed, options.threshold);
  const S = recordLayout(SURVEY_ORDER, HEADER_ROW, options.lines.length + (options.blankRows ?? 10));
  const ctx: Ctx = {
    t,
    locale,
    station,
    o: options,
    names,
    figures,
    S,
    threshold: a1(3, THRESHOLD_COLUMN, true),
    yes: t(TEXT.yes),
    no: t(TEXT.no),
  };
  const sheets = [surveySheet(ctx), summarySheet(ctx), followUpsSheet(ctx)];
  return ok({ plan: { sheets, activate: 0 }, figures });
}

/** The technician as the survey and the summary write it: 未指派 for none. */
function technicianWord(ctx: Ctx, technician: string | null): string {
  return technician ?? ctx.t(UNASSIGNED);
}

function reasonWord(ctx: Ctx, reason: FollowUpReason | null): string {
  return reason === null ? "" : ctx.t(FOLLOW_UP_LABELS[reason]);
}

/** Row 3: month, seed, sample size, and the threshold (an input the formulas read). */
function parametersRow<K extends "returnVisits" | "returnVisitSummary" | "returnFollowUps">(
  b: RecordBuilder<K>,
  ctx: Ctx,
  withThreshold: boolean,
): void {
  const { t, o } = ctx;
  const size =
    o.size === null
      ? TEXT.notDrawn
      : "share" in o.size
        ? TEXT.share(`${Math.round(o.size.share * 1000) / 10}%`)
        : TEXT.count(o.size.count);
  const label = { bold: true, horizontal: "right" } as const;
  b.set(3, 1, t(TEXT.month), label);
  b.set(3, 2, o.month, { horizontal: "left" });
  b.set(3, 3, t(TEXT.seed), label);
  b.set(3, 4, o.seed ?? "—", { horizontal: "left", numberFormat: FORMATS.integer });
  b.set(3, 5, t(TEXT.sampleSize), label);
  b.set(3, 6, t(size), { horizontal: "left" });
  if (!withThreshold) return;
  b.set(3, THRESHOLD_COLUMN - 1, t(TEXT.threshold), label);
  b.set(3, THRESHOLD_COLUMN, o.threshold, { ...STYLES.input, horizontal: "center", numberFormat: FORMATS.integer });
  const title = t(TEXT.threshold);
  b.validate({
    range: a1(3, THRESHOLD_COLUMN),
    rule: { type: "whole", min: 1, max: 10 },
    allowBlank: false,
    prompt: { title, message: t(TEXT.thresholdPrompt) },
    error: { title, message: t(TEXT.ratingError) },
  });
}

function surveySheet(ctx: Ctx): SheetPlan {
  const { t, o, S, figures, yes, no, names } = ctx;
  const b = recordBuilder(ctx, "returnVisits", names.survey, S, RETURN_VISIT_TABLES.survey, SURVEY_ORDER.length);
  const title = TEXT.surveyTitle(o.month);
  recordTitle(b, ctx, title, TEXT.surveyNote, SURVEY_ORDER.length);
  parametersRow(b, ctx, true);
  const n = o.lines.length;
  const at = (id: SurveyId) => S.at(id);
  const word = (r: FollowUpReason) => literal(t(FOLLOW_UP_LABELS[r]));
  const unresolved = `${at("resolved")}=${literal(no)}`;
  writeRecordTable(b, {
    layout: S,
    order: SURVEY_ORDER,
    tableName: RETURN_VISIT_TABLES.survey,
    t,
    records: n,
    values: (i) => {
      const l = o.lines[i]!;
      const a = l.answers;
      return {
        orderId: l.orderId,
        customer: l.customer,
        contact: a.contact,
        technician: technicianWord(ctx, l.technician),
        completedOn: l.completedOn,
        visitDate: a.visitDate,
        visitor: a.visitor,
        satisfaction: a.satisfaction,
        quality: a.quality,
        attitude: a.attitude === null ? null : t(ATTITUDE_LABELS[a.attitude]),
        resolved: a.resolved === null ? null : a.resolved ? yes : no,
        comments: a.comments,
      };
    },
    inputs: [
      { id: "orderId", header: t(H.orderId), width: 14, kind: "text" },
      { id: "customer", header: t(H.customer), width: 14, kind: "text" },
      { id: "contact", header: t(H.contact), width: 14, kind: "text" },
      { id: "technician", header: t(H.technician), width: 10, kind: "text" },
      { id: "completedOn", header: t(H.completedOn), width: 11, kind: "date" },
      { id: "visitDate", header: t(H.visitDate), width: 11, kind: "date" },
      { id: "visitor", header: t(H.visitor), width: 12, kind: "text" },
      { id: "satisfaction", header: t(H.satisfaction), width: 9, kind: "number" },
      { id: "quality", header: t(H.quality), width: 9, kind: "number" },
      {
        id: "attitude",
        header: t(H.attitude),
        width: 9,
        kind: "list",
        list: ATTITUDES.map((x) => t(ATTITUDE_LABELS[x])),
      },
      { id: "resolved", header: t(H.resolved), width: 9, kind: "list", list: [yes, no] },
      { id: "comments", header: t(H.comments), width: 20, kind: "text" },
      { id: "action", header: t(H.action), width: 18, kind: "text" },
      { id: "result", header: t(H.result), width: 14, kind: "text" },
    ],
    computed: [
      {
        id: "visited",
        header: t(H.visited),
        width: 7,
        formula: `=IF(${at("orderId")}="","",IF(${at("visitDate")}="",${literal(no)},${literal(yes)}))`,
        expect: (i) => orBlank(i, n, (j) => (figures.rows[j]!.visited ? yes : no)),
      },
      {
        id: "followUp",
        header: t(H.followUp),
        width: 13,
        formula:
          `=IF(${at("orderId")}="","",IF(AND(ISNUMBER(${at("satisfaction")}),${at("satisfaction")}<${ctx.threshold}),` +
          `IF(${unresolved},${word("both")},${word("lowScore")}),IF(${unresolved},${word("unresolved")},"")))`,
        expect: (i) => orBlank(i, n, (j) => reasonWord(ctx, figures.rows[j]!.followUp)),
      },
      {
        id: "followUpNo",
        header: t(H.followUpNo),
        width: 7,
        formula: `=IF(${at("followUp")}="","",SUMPRODUCT(--(${S.upTo("followUp")}<>"")))`,
        expect: (i) => orBlank(i, n, (j) => figures.rows[j]!.followUpNo ?? ""),
        numberFormat: FORMATS.integer,
      },
    ],
  });
  const column = (id: SurveyId) => rangeA1(S.firstRow, S.column[id], S.lastRow, S.column[id]);
  b.conditional({
    range: column("satisfaction"),
    rule: {
      type: "expression",
      formula: `=AND(ISNUMBER(${at("satisfaction")}),${at("satisfaction")}<${ctx.threshold})`,
    },
    style: CONDITIONAL.bad,
  });
  b.conditional({
    range: column("followUp"),
    rule: { type: "expression", formula: `=${at("followUp")}<>""` },
    style: CONDITIONAL.bad,
  });
  b.conditional({
    range: column("visited"),
    rule: { type: "expression", formula: `=${at("visited")}=${literal(no)}` },
    style: CONDITIONAL.neutral,
  });
  const plan = finishRecordSheet(b, ctx, S.headerRow, title, SURVEY_ORDER.length);
  // The two ratings are the policy's 1–10 scale: whole scores, not the table's "number ≥ 0".
  return withRatingScale(plan, [column("satisfaction"), column("quality")], t(TEXT.ratingError));
}

/** `plan` with the validation of each of `ranges` replaced by a whole number from 1 to 10. */
function withRatingScale(plan: SheetPlan, ranges: readonly string[], message: string): SheetPlan {
  const rated = new Set(ranges);
  const validations = (plan.validations ?? []).map((v): DataValidation =>
    rated.has(v.range) ? { ...v, rule: { type: "whole", min: 1, max: 10 }, error: { ...v.error, message } } : v,
  );
  return { ...plan, validations };
}

function summarySheet(ctx: Ctx): SheetPlan {
  const { t, o, S, figures, names, yes, no } = ctx;
  const rows = o.completed.length;
  const L = recordLayout(SUMMARY_ORDER, HEADER_ROW, rows + (o.blankSummaryRows ?? 0));
  const b = recordBuilder(
    ctx,
    "returnVisitSummary",
    names.summary,
    L,
    RETURN_VISIT_TABLES.summary,
    SUMMARY_ORDER.length,
  );
  const title = TEXT.summaryTitle(o.month);
  recordTitle(b, ctx, title, TEXT.summaryNote, SUMMARY_ORDER.length);
  parametersRow(b, ctx, false);
  const col = (id: SurveyId) => otherSheetColumn(names.survey, S, id);
  const threshold = `${otherSheetColumn(names.survey, S, "orderId").split("!")[0]}!${ctx.threshold}`;
  const tech = L.at("technician");
  // The survey rows of this row's technician.
  const mine = `${matches(col("technician"), tech)},--(${col("orderId")}<>"")`;
  const isRated = (id: "satisfaction" | "quality") => `--ISNUMBER(${col(id)})`;
  const mean = (id: "satisfaction" | "quality", rowsOf: string) =>
    `IF(SUMPRODUCT(${rowsOf},${isRated(id)})=0,"",SUMPRODUCT(${rowsOf},${col(id)})/SUMPRODUCT(${rowsOf},${isRated(id)}))`;
  const counts = {
    sampled: "",
    visited: `,--(${col("visited")}=${literal(yes)})`,
    lowScores: `,${isRated("satisfaction")},--(${col("satisfaction")}<${threshold})`,
    unresolved: `,--(${col("resolved")}=${literal(no)})`,
    followUps: `,--(${col("followUp")}<>"")`,
  } as const;
  const n = rows;
  const fig = (key: keyof TechnicianFigures) => (i: number) =>
    orBlank(i, n, (j) => (figures.technicians[j]![key] ?? "") as Expected);
  const guard = (body: string) => `=IF(${tech}="","",${body})`;
  const counted = (key: keyof typeof counts) => ({
    id: key,
    header: t(key === "visited" ? H.visitedCount : H[key]),
    width: 9,
    formula: guard(`SUMPRODUCT(${mine}${counts[key]})`),
    expect: fig(key),
    numberFormat: FORMATS.integer,
  });
  writeRecordTable(b, {
    layout: L,
    order: SUMMARY_ORDER,
    tableName: RETURN_VISIT_TABLES.summary,
    t,
    records: n,
    values: (i) => ({
      technician: technicianWord(ctx, o.completed[i]!.technician),
      completed: o.completed[i]!.completed,
    }),
    inputs: [
      { id: "technician", header: t(H.technician), width: 12, kind: "text" },
      { id: "completed", header: t(H.completed), width: 10, kind: "number" },
    ],
    computed: [
      counted("sampled"),
      counted("visited"),
      {
        id: "visitRate",
        header: t(H.visitRate),
        width: 9,
        formula: `=IF(OR(${tech}="",N(${L.at("completed")})=0),"",${L.at("visited")}/${L.at("completed")})`,
        expect: fig("visitRate"),
        numberFormat: FORMATS.percent1,
      },
      {
        id: "meanSatisfaction",
        header: t(H.meanSatisfaction),
        width: 10,
        formula: guard(mean("satisfaction", mine)),
        expect: fig("meanSatisfaction"),
        numberFormat: FORMATS.score2,
      },
      {
        id: "meanQuality",
        header: t(H.meanQuality),
        width: 10,
        formula: guard(mean("quality", mine)),
        expect: fig("meanQuality"),
        numberFormat: FORMATS.score2,
      },
      counted("lowScores"),
      counted("unresolved"),
      counted("followUps"),
    ],
  });
  // A technician whose mean satisfaction is below the low-score threshold stands out.
  const meanAt = L.at("meanSatisfaction");
  b.conditional({
    range: rangeA1(L.firstRow, L.column.meanSatisfaction, L.lastRow + 1, L.column.meanSatisfaction),
    rule: { type: "expression", formula: `=AND(ISNUMBER(${meanAt}),${meanAt}<${threshold})` },
    style: CONDITIONAL.bad,
  });
  // The total row under the table: every survey row, the technicians' completed orders summed.
  const total = L.lastRow + 1;
  const all = `--(${col("orderId")}<>"")`;
  const T = figures.total;
  const cell = (id: SummaryId) => a1(total, L.column[id]);
  const totals: Record<Exclude<SummaryId, "technician">, { f: string; expect: Expected; format: string }> = {
    completed: {
      f: `=SUM(${rangeA1(L.firstRow, L.column.completed, L.lastRow, L.column.completed)})`,
      expect: T.completed,
      format: FORMATS.integer,
    },
    sampled: { f: `=SUMPRODUCT(${all})`, expect: T.sampled, format: FORMATS.integer },
    visited: { f: `=SUMPRODUCT(${all}${counts.visited})`, expect: T.visited, format: FORMATS.integer },
    visitRate: {
      f: `=IF(N(${cell("completed")})=0,"",${cell("visited")}/${cell("completed")})`,
      expect: T.visitRate ?? "",
      format: FORMATS.percent1,
    },
    meanSatisfaction: { f: `=${mean("satisfaction", all)}`, expect: T.meanSatisfaction ?? "", format: FORMATS.score2 },
    meanQuality: { f: `=${mean("quality", all)}`, expect: T.meanQuality ?? "", format: FORMATS.score2 },
    lowScores: { f: `=SUMPRODUCT(${all}${counts.lowScores})`, expect: T.lowScores, format: FORMATS.integer },
    unresolved: { f: `=SUMPRODUCT(${all}${counts.unresolved})`, expect: T.unresolved, format: FORMATS.integer },
    followUps: { f: `=SUMPRODUCT(${all}${counts.followUps})`, expect: T.followUps, format: FORMATS.integer },
  };
  b.set(total, 1, t(TEXT.total), { ...STYLES.computed, bold: true, horizontal: "center" });
  for (const [id, v] of Object.entries(totals) as [Exclude<SummaryId, "technician">, (typeof totals)["completed"]][])
    b.set(
      total,
      L.column[id],
      { f: v.f, expect: v.expect },
      { ...STYLES.computed, bold: true, horizontal: "center", numberFormat: v.format },
    );
  b.format(rangeA1(total, 1, total, SUMMARY_ORDER.length), { border: "thin" });
  return finishRecordSheet(b, ctx, L.headerRow, title, SUMMARY_ORDER.length);
}

function followUpsSheet(ctx: Ctx): SheetPlan {
  const { t, o, S, figures, names, yes, no } = ctx;
  const L = recordLayout(FOLLOW_ORDER, HEADER_ROW, S.rows);
  const b = recordBuilder(
    ctx,
    "returnFollowUps",
    names.followUps,
    L,
    RETURN_VISIT_TABLES.followUps,
    FOLLOW_ORDER.length,
  );
  const title = TEXT.followUpsTitle(o.month);
  recordTitle(b, ctx, title, TEXT.followUpsNote, FOLLOW_ORDER.length);
  parametersRow(b, ctx, false);
  const seq = otherSheetColumn(names.survey, S, "followUpNo");
  const no_ = L.at("no");
  const row = (id: SurveyId) => `INDEX(${otherSheetColumn(names.survey, S, id)},MATCH($${no_},${seq},0))`;
  const asText = (id: SurveyId) => `=IF($${no_}="","",${row(id)}&"")`;
  const count = figures.followUps.length;
  const line = (i: number) => o.lines[figures.followUps[i]!]!;
  const textOf = (value: (l: SurveyLine, i: number) => string) => (i: number) => (i < count ? value(line(i), i) : "");
  const computed = (
    id: FollowId,
    header: Text,
    width: number,
    formula: string,
    expect: (i: number) => Expected,
    numberFormat?: string,
  ) => ({
    id,
    header: t(header),
    width,
    formula,
    expect,
    ...(numberFormat ? { numberFormat } : {}),
  });
  writeRecordTable(b, {
    layout: L,
    order: FOLLOW_ORDER,
    tableName: RETURN_VISIT_TABLES.followUps,
    t,
    records: 0,
    values: () => ({}),
    inputs: [],
    computed: [
      computed(
        "no",
        H.no,
        6,
        `=IF(ROW()-${L.headerRow}<=MAX(${seq}),ROW()-${L.headerRow},"")`,
        (i) => (i < count ? i + 1 : ""),
        FORMATS.integer,
      ),
      computed(
        "orderId",
        H.orderId,
        14,
        asText("orderId"),
        textOf((l) => l.orderId),
      ),
      computed(
        "customer",
        H.customer,
        14,
        asText("customer"),
        textOf((l) => l.customer),
      ),
      computed(
        "contact",
        H.contact,
        14,
        asText("contact"),
        textOf((l) => l.answers.contact),
      ),
      computed(
        "technician",
        H.technician,
        10,
        asText("technician"),
        textOf((l) => technicianWord(ctx, l.technician)),
      ),
      computed(
        "satisfaction",
        H.satisfaction,
        9,
        `=IF($${no_}="","",IF(${row("satisfaction")}="","",${row("satisfaction")}))`,
        (i) => (i < count ? (line(i).answers.satisfaction ?? "") : ""),
      ),
      computed(
        "resolved",
        H.resolved,
        9,
        asText("resolved"),
        textOf((l) => (l.answers.resolved === null ? "" : l.answers.resolved ? yes : no)),
      ),
      computed(
        "reason",
        H.reason,
        13,
        asText("followUp"),
        textOf((_l, i) => reasonWord(ctx, figures.rows[figures.followUps[i]!]!.followUp)),
      ),
      computed(
        "comments",
        H.comments,
        20,
        asText("comments"),
        textOf((l) => l.answers.comments),
      ),
      computed(
        "action",
        H.action,
        18,
        asText("action"),
        textOf(() => ""),
      ),
      computed(
        "result",
        H.result,
        14,
        asText("result"),
        textOf(() => ""),
      ),
    ],
  });
  b.format(rangeA1(L.firstRow, 1, L.lastRow, FOLLOW_ORDER.length), { fill: PALETTE.computedFill, horizontal: "left" });
  return finishRecordSheet(b, ctx, L.headerRow, title, FOLLOW_ORDER.length);
}
