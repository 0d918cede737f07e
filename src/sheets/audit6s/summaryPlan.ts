/**
 * The 6S汇总 (6S summary) sheet for a month, built from the audit sheets found in the workbook
 * by their markers (SPEC 3.3): the area × S matrix with totals and ratings, the trend of each
 * area's total over the months present, the ten lowest-scoring items of the month, the open
 * corrective actions with owners and due dates (overdue ones flagged, as of a date the user can
 * change), and charts.
 *
 * How it reads the audits, and why: with formulas. Two source blocks at the bottom of the sheet
 * hold one row per audited area and one row per check item, each cell a reference to the audit
 * sheet's own cell (S percent, total, score, finding, owner, due date, status…). The report
 * tables above compute from those rows with AVERAGEIFS/COUNTIFS and INDEX/MATCH on ordinal
 * helper columns (the k-th lowest item, the k-th open action; ties keep reading order). So the
 * summary stays live — a supervisor who marks an action 已完成 or corrects a score on the audit
 * sheet sees the summary follow, in Excel, WPS or LibreOffice, without the add-in. What is fixed
 * at generation is the *set* of rows: which audits, areas, months and items exist (regenerate
 * after adding audits). The engine (core/audit6s summarizeAudits) computes the same numbers
 * from the values read back, and they are every formula's `expect`.
 *
 * Criteria are numbers only (an area number, a yyyymm month code): a user's area name such as
 * ">5" or "*" must never become a COUNTIFS wildcard or comparison.
 */
import { pick, text, type Locale, type Text } from "../../core/i18n/text";
import { fail, ok, type Result } from "../../core/problem";
import { SETTING_NAMES, type Settings } from "../../core/settings";
import { formatSerial } from "../../core/dates/serial";
import {
  S_NAMES,
  areaKey,
  monthLabel,
  summarizeAudits,
  type AreaAuditRecord,
  type AuditItemRecord,
  type AuditSummary,
  type MonthCode,
} from "../../core/audit6s/engine";
import { SheetBuilder } from "../common/builder";
import { a1, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../common/styles";
import { quoteSheetName } from "../formula/a1";
import type { Expected, PlanCell, SheetPlan } from "../plan";
import { COL, HEADER, S_COL } from "./layout";
import type { AuditSheetReading } from "./read";
import { SUMMARY_MARKER_VERSION, type AuditSummaryMarker, type SummaryMeta } from "./marker";

export interface Audit6sSummaryOptions {
  /** The audit sheets read back (readAuditSheet), in workbook order. */
  readonly audits: readonly AuditSheetReading[];
  /** The month summarised, as yyyymm (e.g. 202611). */
  readonly month: MonthCode;
  /** Overdue = 整改期限 before this date serial (a cell on the sheet the user can change). */
  readonly asOf: number;
  readonly locale: Locale;
  readonly settings: Settings;
}

const LOWEST = 10;
const SPARE_OPEN_ROWS = 5;
const CHART_COL = 16; // P

const T = {
  sheet: text("6S汇总", "6S summary"),
  title: (m: string) => text(`6S 检查汇总 — ${m}`, `6S audit summary — ${m}`),
  note: text(
    "本表用公式引用各 6S 检查表的单元格：检查表中的评分、整改措施或状态改动后，汇总自动更新。新增检查表或区域后请重新生成汇总。矩阵为该月各次检查的平均得分率（%），趋势为各月平均总分；逾期按右侧截止日期判断，可修改。",
    "This sheet references the cells of the 6S audit sheets: change a score, action or status there and the summary follows. Generate it again after adding audit sheets or areas. The matrix averages the month's audits per area (%); the trend shows each month's mean total; overdue is judged against the date on the right, which you can change.",
  ),
  month: text("统计月份", "Month"),
  asOf: text("截止日期（判断逾期）", "As of (for overdue)"),
  sheets: text("检查表数", "Audit sheets"),
  matrix: (m: string) => text(`区域 × 6S 得分率（%）— ${m}`, `Area × 6S score (%) — ${m}`),
  area: text("区域", "Area"),
  total: text("总分", "Total"),
  rating: text("评级", "Rating"),
  audits: text("检查次数", "Audits"),
  all: text("全部区域", "All areas"),
  trend: text("各区域月度趋势（平均总分，%）", "Monthly trend per area (mean total, %)"),
  lowest: (m: string) => text(`得分最低的 10 项 — ${m}`, `The 10 lowest-scoring items — ${m}`),
  open: text("未完成的整改", "Open corrective actions"),
  s: text("6S", "6S"),
  item: text("检查项目", "Check item"),
  score: text("得分", "Score"),
  max: text("满分", "Out of"),
  percent: text("得分率%", "Score %"),
  date: text("检查日期", "Audit date"),
  source: text("检查表", "Audit sheet"),
  finding: text("问题描述", "Finding"),
  action: text("整改措施", "Corrective action"),
  owner: text("责任人", "Owner"),
  due: text("整改期限", "Due date"),
  status: text("状态", "Status"),
  overdue: text("逾期天数", "Days overdue"),
  overflow: text("未列出的未完成整改（请重新生成汇总）", "Open actions not listed (generate the summary again)"),
  sources: text(
    "数据来源：引用各检查表的单元格（请勿修改）",
    "Source rows: references to the audit sheets' cells (do not edit)",
  ),
  srcAreas: text("各次检查的区域得分", "Area scores per audit"),
  srcItems: text("检查项目（本月及以前）", "Check items (this month and earlier)"),
  no: text("区域号", "Area no."),
  monthCode: text("月份", "Month"),
  inMonth: text("本月", "In month"),
  needs: text("需整改", "Needs action"),
  lowOrder: text("最低序", "Low rank"),
  isOpen: text("未结", "Open"),
  openOrder: text("未结序", "Open rank"),
  radar: text("各区域 6S 雷达图", "6S radar per area"),
  totals: text("各区域总分", "Total per area"),
  trendChart: text("月度趋势", "Monthly trend"),
  undated: (n: number) =>
    text(`${n} 个区域的检查日期为空或不是日期，未计入汇总`, `${n} audited area(s) have no valid date and are left out`),
};

function expectOf(v: unknown): Expected {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return "";
}

interface Entry {
  readonly sheet: string;
  readonly record: AreaAuditRecord;
  readonly meta: AuditSheetReading["areas"][number]["meta"];
}

/** Builds the summary. Fails (never throws) when no audit sheet was read or the month has no audit. */
export function audit6sSummaryPlan(
  options: Audit6sSummaryOptions,
): Result<{ plan: SheetPlan<AuditSummaryMarker>; summary: AuditSummary }> {
  const { locale, settings, month, asOf } = options;
  const t = (x: Text): string => pick(x, locale);
  const entries: Entry[] = options.audits.flatMap((a) =>
    a.areas.map((x) => ({ sheet: a.sheetName, record: x.record, meta: x.meta })),
  );
  if (entries.length === 0) {
    return fail(
      "na",
      text(
        "工作簿中没有可读取的 6S 检查表：请先生成 6S 检查表",
        "the workbook holds no 6S audit sheet that can be read: generate an audit sheet first",
      ),
    );
  }
  if (!Number.isFinite(asOf) || asOf < 1)
    return fail("value", text("截止日期无效", "the as-of date is not a valid date"));
  const records = entries.map((e) => e.record);
  const full = summarizeAudits(records, {
    month,
    asOf,
    rating: settings.audit6s.rating,
    lowestCount: Number.MAX_SAFE_INTEGER,
  });
  if (!full.ok) return full;
  const all = full.value;
  const summary: AuditSummary = { ...all, lowest: all.lowest.slice(0, LOWEST) };
  const mLabel = monthLabel(month);
  const ref = (sheet: string, row: number, column: number): string =>
    `${quoteSheetName(sheet)}!${a1(row, column, true)}`;
  const areaNo = new Map(all.trend.map((a, i) => [a.key, i + 1]));
  const keyOf = (r: AreaAuditRecord): string => areaKey(r.area);

  // Which rows go into the source blocks.
  const dated = entries
    .map((e, i) => ({ e, i, m: all.recordMonths[i] }))
    .filter((x): x is { e: Entry; i: number; m: MonthCode } => x.m !== null);
  const itemRows = dated.filter((x) => x.m <= month).flatMap((x) => x.e.record.items.map((it, k) => ({ ...x, it, k })));

  // Row positions.
  const matrixTop = 5;
  const matrixHeader = matrixTop + 1;
  const matrixFirst = matrixHeader + 1;
  const overallRow = matrixFirst + all.matrix.length;
  const trendTop = overallRow + 2;
  const trendHeader = trendTop + 1;
  const trendFirst = trendHeader + 1;
  const lowTop = trendFirst + all.trend.length + 1;
  const lowHeader = lowTop + 1;
  const lowFirst = lowHeader + 1;
  const openTop = lowFirst + LOWEST + 1;
  const openHeader = openTop + 1;
  const openFirst = openHeader + 1;
  const openRows = all.open.length + SPARE_OPEN_ROWS;
  const overflowRow = openFirst + openRows;
  // Below the report and below the charts beside it (rows 5–54, columns P–W).
  const srcTop = Math.max(overflowRow + 3, 57);
  const aHeader = srcTop + 2;
  const aFirst = aHeader + 1;
  const aLast = aFirst + Math.max(dated.length, 1) - 1;
  const bTop = aLast + 2;
  const bHeader = bTop + 1;
  const bFirst = bHeader + 1;
  const bLast = bFirst + Math.max(itemRows.length, 1) - 1;

  const meta: SummaryMeta = { month: mLabel, asOf, sources: options.audits.map((a) => a.sheetName) };
  const b = new SheetBuilder<AuditSummaryMarker>(
    `${t(T.sheet)} ${mLabel}`,
    { kind: "audit6sSummary", version: SUMMARY_MARKER_VERSION, meta },
    a1(1, 30),
  );
  const lastCol = 14; // N
  b.set(1, 1, t(T.title(mLabel)), STYLES.title)
    .merge(rangeA1(1, 1, 1, lastCol))
    .height(1, 26);
  b.set(2, 1, t(T.note), { ...STYLES.note, vertical: "middle" })
    .merge(rangeA1(2, 1, 2, lastCol))
    .height(2, 34);
  const labelStyle = {
    bold: true,
    fill: PALETTE.headerFill,
    border: "thin" as const,
    horizontal: "center" as const,
    vertical: "middle" as const,
  };
  b.set(3, 1, t(T.month), labelStyle);
  b.set(3, 2, mLabel, { bold: true, border: "thin", horizontal: "center", numberFormat: FORMATS.text }).merge(
    rangeA1(3, 2, 3, 3),
  );
  b.set(3, 4, t(T.asOf), labelStyle).merge(rangeA1(3, 4, 3, 6));
  b.set(3, 7, asOf, { ...STYLES.input, numberFormat: FORMATS.date, horizontal: "center" }).merge(rangeA1(3, 7, 3, 8));
  b.set(3, 9, t(T.sheets), labelStyle).merge(rangeA1(3, 9, 3, 10));
  b.set(3, 11, options.audits.length, { border: "thin", horizontal: "center" });
  b.height(3, 22);
  const asOfCell = a1(3, 7, true);
  b.validate({
    range: a1(3, 7),
    rule: { type: "date", min: 1 },
    allowBlank: false,
    error: {
      title: t(text("日期无效", "Invalid date")),
      message: t(text("请输入日期，例如 2026-11-30。", "Enter a date, e.g. 2026-11-30.")),
    },
  });

  // Source block A: one row per dated area-audit.
  const A = { sheet: 1, area: 2, no: 3, date: 4, month: 5, s1: 6, total: 12 } as const;
  const aRange = (c: number): string => rangeA1(aFirst, c, aLast, c, true);
  b.set(srcTop, 1, t(T.sources), STYLES.section);
  b.set(aHeader - 1, 1, t(T.srcAreas), { bold: true });
  b.setRow(aHeader, 1, [T.source, T.area, T.no, T.date, T.monthCode, ...S_NAMES, T.total].map(t), STYLES.header);
  dated.forEach(({ e, m }, k) => {
    const r = aFirst + k;
    const res = e.record.result;
    const dateCell = ref(e.sheet, e.meta.top + HEADER.date.row, HEADER.date.col);
    b.setRow(r, 1, [
      e.sheet,
      e.record.area,
      areaNo.get(keyOf(e.record)) ?? 0,
      { f: `=IF(ISNUMBER(${dateCell}),${dateCell},"")`, expect: e.record.date ?? "" },
      m,
    ]);
    for (let s = 0; s < 6; s++)
      b.set(r, A.s1 + s, { f: `=${ref(e.sheet, e.meta.sRows[s], S_COL.percent)}`, expect: res.s[s].percent ?? "" });
    b.set(r, A.total, { f: `=${ref(e.sheet, e.meta.totalRow, S_COL.percent)}`, expect: res.total ?? "" });
  });
  b.format(rangeA1(aFirst, 1, aLast, A.total), { border: "thin", fontSize: 9 });
  b.format(rangeA1(aFirst, A.date, aLast, A.date), { numberFormat: FORMATS.date });
  b.format(rangeA1(aFirst, A.s1, aLast, A.total), { numberFormat: FORMATS.number1 });

  // Source block B: one row per check item of the audits up to the month.
  const B = {
    sheet: 1,
    area: 2,
    s: 3,
    item: 4,
    date: 5,
    inMonth: 6,
    score: 7,
    max: 8,
    pct: 9,
    needs: 10,
    finding: 11,
    action: 12,
    owner: 13,
    due: 14,
    status: 15,
    lowOrd: 16,
    open: 17,
    openOrd: 18,
  } as const;
  const bRange = (c: number): string => rangeA1(bFirst, c, bLast, c, true);
  b.set(bTop, 1, t(T.srcItems), { bold: true });
  b.setRow(
    bHeader,
    1,
    [
      T.source,
      T.area,
      T.s,
      T.item,
      T.date,
      T.inMonth,
      T.score,
      T.max,
      T.percent,
      T.needs,
      T.finding,
      T.action,
      T.owner,
      T.due,
      T.status,
      T.lowOrder,
      T.isOpen,
      T.openOrder,
    ].map(t),
    STYLES.header,
  );
  const lowOrdinal = new Map(all.lowest.map((l, i) => [`${l.record}:${l.item}`, i + 1]));
  const openOrdinal = new Map(all.open.map((o, i) => [`${o.record}:${o.item}`, i + 1]));
  const ordExpect: Expected[][] = [];
  const openExpect: Expected[][] = [];
  const openOrdExpect: Expected[][] = [];
  itemRows.forEach(({ e, i, m, it, k }, n) => {
    const r = bFirst + n;
    const row = e.meta.itemsFirst + k;
    const src = (c: number): string => ref(e.sheet, row, c);
    const text_ = (c: number, v: unknown): PlanCell => ({ f: `=IF(${src(c)}="","",${src(c)})`, expect: expectOf(v) });
    const dateCell = ref(e.sheet, e.meta.top + HEADER.date.row, HEADER.date.col);
    const cells: PlanCell[] = [
      e.sheet,
      e.record.area,
      t(S_NAMES[it.s]),
      it.text,
      { f: `=IF(ISNUMBER(${dateCell}),${dateCell},"")`, expect: e.record.date ?? "" },
      m === month ? 1 : 0,
      { f: `=${src(COL.value)}`, expect: it.score ?? "" },
      { f: `=${src(COL.max)}`, expect: it.score === null ? 0 : it.max },
      {
        f: `=IF(ISNUMBER(${a1(r, B.score)}),${a1(r, B.score)}/${a1(r, B.max)}*100,"")`,
        expect: it.score === null ? "" : (it.score / it.max) * 100,
      },
      { f: `=${src(COL.needs)}`, expect: it.needsAction ? 1 : 0 },
      text_(COL.finding, it.finding),
      text_(COL.action, it.action),
      text_(COL.owner, it.owner),
      { f: `=IF(ISNUMBER(${src(COL.due)}),${src(COL.due)},"")`, expect: it.due ?? "" },
      text_(COL.status, it.status),
    ];
    b.setRow(r, 1, cells);
    ordExpect.push([lowOrdinal.get(`${i}:${k}`) ?? ""]);
    const isOpen = openOrdinal.has(`${i}:${k}`);
    openExpect.push([isOpen ? 1 : 0]);
    openOrdExpect.push([openOrdinal.get(`${i}:${k}`) ?? ""]);
  });
  if (itemRows.length > 0) {
    const f = (c: number): string => a1(bFirst, c);
    const col = (c: number): string => rangeA1(bFirst, c, bLast, c, true);
    const upTo = (c: number): string => `${a1(bFirst, c, true)}:${a1(bFirst, c)}`;
    // k-th lowest: items of the month with a score, ordered by percent, ties in reading order.
    b.fill({
      range: rangeA1(bFirst, B.lowOrd, bLast, B.lowOrd),
      formula: `=IF(AND(${f(B.inMonth)}=1,ISNUMBER(${f(B.pct)})),SUMPRODUCT((${col(B.inMonth)}=1)*ISNUMBER(${col(B.pct)})*(${col(B.pct)}<${f(B.pct)}))+SUMPRODUCT((${upTo(B.inMonth)}=1)*ISNUMBER(${upTo(B.pct)})*(${upTo(B.pct)}=${f(B.pct)})),"")`,
      expect: ordExpect,
    });
    b.fill({
      range: rangeA1(bFirst, B.open, bLast, B.open),
      formula: `=IF(AND(OR(${f(B.needs)}=1,${f(B.action)}<>""),${f(B.status)}<>"已完成",${f(B.status)}<>"Done"),1,0)`,
      expect: openExpect,
    });
    b.fill({
      range: rangeA1(bFirst, B.openOrd, bLast, B.openOrd),
      formula: `=IF(${f(B.open)}=1,SUM(${upTo(B.open)}),"")`,
      expect: openOrdExpect,
    });
  }
  b.format(rangeA1(bFirst, 1, bLast, B.openOrd), { border: "thin", fontSize: 9 });
  b.format(rangeA1(bFirst, B.date, bLast, B.date), { numberFormat: FORMATS.date });
  b.format(rangeA1(bFirst, B.due, bLast, B.due), { numberFormat: FORMATS.date });
  b.format(rangeA1(bFirst, B.pct, bLast, B.pct), { numberFormat: FORMATS.number1 });

  // Section 1: area × S matrix of the month.
  b.set(matrixTop, 1, t(T.matrix(mLabel)), STYLES.section);
  b.setRow(matrixHeader, 1, [T.area, ...S_NAMES, T.total, T.rating, T.audits].map(t), STYLES.header);
  const avg = (valueCol: number, criteria: string): string =>
    `=IFERROR(AVERAGEIFS(${aRange(valueCol)},${criteria}),"")`;
  const monthCrit = `${aRange(A.month)},${month}`;
  const rows = [
    ...all.matrix.map((m) => ({
      m,
      crit: `${aRange(A.no)},${areaNo.get(m.key)},${monthCrit}`,
      count: `=COUNTIFS(${aRange(A.no)},${areaNo.get(m.key)},${monthCrit})`,
    })),
    { m: all.overall, crit: monthCrit, count: `=COUNTIF(${aRange(A.month)},${month})` },
  ];
  rows.forEach(({ m, crit, count }, k) => {
    const r = matrixFirst + k;
    b.set(r, 1, k < all.matrix.length ? m.name : t(T.all));
    for (let s = 0; s < 6; s++) b.set(r, 2 + s, { f: avg(A.s1 + s, crit), expect: m.s[s] ?? "" });
    b.set(r, 8, { f: avg(A.total, crit), expect: m.total ?? "" });
    const total = a1(r, 8);
    b.set(r, 9, {
      f: `=IF(${total}="","",INDEX(${SETTING_NAMES.audit6sRatingCodes},SUMPRODUCT(--(${SETTING_NAMES.audit6sRatingBounds}>${total}+1E-9))+1))`,
      expect: m.rating ?? "",
    });
    b.set(r, 10, { f: count, expect: m.audits });
  });
  b.format(rangeA1(matrixFirst, 1, overallRow, 10), { border: "thin", vertical: "middle" });
  b.format(rangeA1(matrixFirst, 1, overallRow, 1), { bold: true, numberFormat: FORMATS.text });
  b.format(rangeA1(matrixFirst, 2, overallRow, 8), { numberFormat: FORMATS.number1, horizontal: "center" });
  b.format(rangeA1(matrixFirst, 8, overallRow, 9), { bold: true, horizontal: "center", fill: PALETTE.computedFill });
  b.format(rangeA1(matrixFirst, 10, overallRow, 10), { horizontal: "center" });
  b.format(rangeA1(overallRow, 1, overallRow, 10), { bold: true, fill: PALETTE.headerFill });
  const values = rangeA1(matrixFirst, 2, overallRow, 8);
  const first = a1(matrixFirst, 2);
  const boundsCount = `ROWS(${SETTING_NAMES.audit6sRatingBounds})`;
  b.conditional({
    range: values,
    rule: {
      type: "expression",
      formula: `=AND(ISNUMBER(${first}),${first}<INDEX(${SETTING_NAMES.audit6sRatingBounds},${boundsCount}-1)-1E-9)`,
    },
    style: CONDITIONAL.bad,
  });
  b.conditional({
    range: values,
    rule: {
      type: "expression",
      formula: `=AND(ISNUMBER(${first}),${first}>=INDEX(${SETTING_NAMES.audit6sRatingBounds},1)-1E-9)`,
    },
    style: CONDITIONAL.good,
  });

  // Section 2: trend of each area's total over the months present.
  b.set(trendTop, 1, t(T.trend), STYLES.section);
  b.setRow(trendHeader, 1, [t(T.area), ...all.months.map(monthLabel)], STYLES.header);
  all.trend.forEach((a, k) => {
    const r = trendFirst + k;
    b.set(r, 1, a.name, { bold: true, numberFormat: FORMATS.text });
    all.months.forEach((m, j) =>
      b.set(r, 2 + j, {
        f: avg(A.total, `${aRange(A.no)},${k + 1},${aRange(A.month)},${m}`),
        expect: a.totals[j] ?? "",
      }),
    );
  });
  if (all.trend.length > 0) {
    b.format(rangeA1(trendFirst, 1, trendFirst + all.trend.length - 1, 1 + all.months.length), { border: "thin" });
    b.format(rangeA1(trendFirst, 2, trendFirst + all.trend.length - 1, 1 + all.months.length), {
      numberFormat: FORMATS.number1,
      horizontal: "center",
    });
  }

  // Section 3: the ten lowest items of the month.
  b.set(lowTop, 1, t(T.lowest(mLabel)), STYLES.section);
  b.setRow(
    lowHeader,
    1,
    [T.area, T.s, T.item, null, null, null, null, T.score, T.max, T.percent, T.date, T.source, null, null].map((x) =>
      x ? t(x) : null,
    ),
  );
  b.format(rangeA1(lowHeader, 1, lowHeader, lastCol), STYLES.header);
  b.merge(rangeA1(lowHeader, 3, lowHeader, 7)).merge(rangeA1(lowHeader, 12, lowHeader, 14));
  const pickFrom = (srcCol: number, k: number, ordCol: number): string =>
    `=IFERROR(INDEX(${bRange(srcCol)},MATCH(${k},${bRange(ordCol)},0)),"")`;
  type Column<P> = readonly [
    column: number,
    source: number,
    value: (rec: AreaAuditRecord, it: AuditItemRecord, picked: P) => unknown,
  ];
  /** A list whose k-th row shows the source row of ordinal k (the k-th lowest, the k-th open action). */
  const pickedRows = <P extends { record: number; item: number }>(
    first: number,
    count: number,
    ordCol: number,
    picked: readonly P[],
    columns: readonly Column<P>[],
    merges: readonly (readonly [number, number])[],
  ): void => {
    for (let k = 1; k <= count; k++) {
      const r = first + k - 1;
      const p = picked[k - 1];
      for (const [c, src, value] of columns) {
        b.set(r, c, {
          f: pickFrom(src, k, ordCol),
          expect: p ? expectOf(value(records[p.record], records[p.record].items[p.item], p)) : "",
        });
      }
      for (const [c1, c2] of merges) b.merge(rangeA1(r, c1, r, c2));
    }
  };
  const sName = (it: AuditItemRecord): string => t(S_NAMES[it.s]);
  pickedRows(
    lowFirst,
    LOWEST,
    B.lowOrd,
    summary.lowest,
    [
      [1, B.area, (rec) => rec.area],
      [2, B.s, (_rec, it) => sName(it)],
      [3, B.item, (_rec, it) => it.text],
      [8, B.score, (_rec, it) => it.score],
      [9, B.max, (_rec, it) => it.max],
      [10, B.pct, (_rec, _it, low) => low.percent],
      [11, B.date, (rec) => rec.date],
      [12, B.sheet, (rec) => rec.source],
    ],
    [
      [3, 7],
      [12, 14],
    ],
  );
  for (let r = lowFirst; r < lowFirst + LOWEST; r++) b.height(r, 18);
  b.format(rangeA1(lowFirst, 1, lowFirst + LOWEST - 1, lastCol), { border: "thin", vertical: "middle" });
  b.format(rangeA1(lowFirst, 3, lowFirst + LOWEST - 1, 3), { wrap: true });
  b.format(rangeA1(lowFirst, 8, lowFirst + LOWEST - 1, 10), { horizontal: "center", numberFormat: "General" });
  b.format(rangeA1(lowFirst, 10, lowFirst + LOWEST - 1, 10), { numberFormat: FORMATS.number1, bold: true });
  b.format(rangeA1(lowFirst, 11, lowFirst + LOWEST - 1, 11), { numberFormat: FORMATS.date, horizontal: "center" });

  // Section 4: open corrective actions, overdue flagged.
  b.set(openTop, 1, `${t(T.open)}（${t(T.asOf)}：${formatSerial(asOf, true)}）`, STYLES.section);
  b.setRow(
    openHeader,
    1,
    [
      T.area,
      T.s,
      T.item,
      null,
      null,
      T.finding,
      null,
      T.action,
      null,
      T.owner,
      T.due,
      T.status,
      T.overdue,
      T.source,
    ].map((x) => (x ? t(x) : null)),
  );
  b.format(rangeA1(openHeader, 1, openHeader, lastCol), STYLES.header);
  b.merge(rangeA1(openHeader, 3, openHeader, 5))
    .merge(rangeA1(openHeader, 6, openHeader, 7))
    .merge(rangeA1(openHeader, 8, openHeader, 9));
  pickedRows(
    openFirst,
    openRows,
    B.openOrd,
    all.open,
    [
      [1, B.area, (rec) => rec.area],
      [2, B.s, (_rec, it) => sName(it)],
      [3, B.item, (_rec, it) => it.text],
      [6, B.finding, (_rec, it) => it.finding],
      [8, B.action, (_rec, it) => it.action],
      [10, B.owner, (_rec, it) => it.owner],
      [11, B.due, (_rec, it) => it.due],
      [12, B.status, (_rec, it) => it.status],
      [14, B.sheet, (rec) => rec.source],
    ],
    [
      [3, 5],
      [6, 7],
      [8, 9],
    ],
  );
  for (let k = 1; k <= openRows; k++) {
    const r = openFirst + k - 1;
    const due = a1(r, 11);
    b.set(r, 13, {
      f: `=IF(AND(ISNUMBER(${due}),${due}<${asOfCell}),${asOfCell}-${due},"")`,
      expect: all.open[k - 1]?.overdueDays ?? "",
    });
  }
  const openLast = openFirst + openRows - 1;
  // Findings and actions wrap: room for two lines.
  for (let r = openFirst; r <= openLast; r++) b.height(r, 30);
  b.format(rangeA1(openFirst, 1, openLast, lastCol), { border: "thin", vertical: "middle" });
  b.format(rangeA1(openFirst, 3, openLast, 9), { wrap: true });
  b.format(rangeA1(openFirst, 11, openLast, 11), { numberFormat: FORMATS.date, horizontal: "center" });
  b.format(rangeA1(openFirst, 12, openLast, 13), { horizontal: "center", numberFormat: "General" });
  b.conditional({
    range: rangeA1(openFirst, 1, openLast, lastCol),
    rule: { type: "expression", formula: `=ISNUMBER($M${openFirst})` },
    style: CONDITIONAL.bad,
  });
  b.set(overflowRow, 1, t(T.overflow), { italic: true, fontColor: PALETTE.note });
  b.merge(rangeA1(overflowRow, 1, overflowRow, 6));
  b.set(
    overflowRow,
    7,
    {
      f: itemRows.length > 0 ? `=MAX(0,SUM(${bRange(B.open)})-${openRows})` : "=0",
      expect: Math.max(0, all.open.length - openRows),
    },
    { bold: true, horizontal: "center" },
  );
  b.conditional({
    range: a1(overflowRow, 7),
    rule: { type: "cellValue", operator: "greaterThan", formula1: "0" },
    style: CONDITIONAL.bad,
  });

  // Charts beside the tables.
  const chartTo = (row: number) => a1(row, CHART_COL + 7);
  if (all.matrix.length > 0) {
    b.chart({
      type: "radar",
      title: t(T.radar),
      series: all.matrix.map((m, k) => ({
        name: m.name,
        values: rangeA1(matrixFirst + k, 2, matrixFirst + k, 7, true),
        categories: rangeA1(matrixHeader, 2, matrixHeader, 7, true),
      })),
      from: a1(matrixTop, CHART_COL),
      to: chartTo(matrixTop + 15),
      yAxis: { min: 0, max: 100 },
    });
    b.chart({
      type: "column",
      title: t(T.totals),
      series: [
        {
          name: t(T.total),
          values: rangeA1(matrixFirst, 8, overallRow - 1, 8, true),
          categories: rangeA1(matrixFirst, 1, overallRow - 1, 1, true),
        },
      ],
      from: a1(matrixTop + 17, CHART_COL),
      to: chartTo(matrixTop + 32),
      yAxis: { min: 0, max: 100 },
    });
  }
  if (all.trend.length > 0 && all.months.length > 0) {
    b.chart({
      type: "line",
      title: t(T.trendChart),
      series: all.trend.map((a, k) => ({
        name: a.name,
        values: rangeA1(trendFirst + k, 2, trendFirst + k, 1 + all.months.length, true),
        categories: rangeA1(trendHeader, 2, trendHeader, 1 + all.months.length, true),
      })),
      from: a1(matrixTop + 34, CHART_COL),
      to: chartTo(matrixTop + 49),
      yAxis: { min: 0, max: 100 },
    });
  }

  const widths = [14, 10, 10, 10, 10, 10, 10, 10, 10, 10, 11, 9, 10, 20];
  widths.forEach((w, i) => b.width(i + 1, w));
  for (let c = 15; c <= 18; c++) b.width(c, 8);
  b.hideColumn(30);
  b.freeze(3, 1);
  b.tabColor("548235");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    fitToHeight: 0,
    printArea: rangeA1(1, 1, overflowRow, lastCol),
    // The report on one page, the open actions (a working list) from the top of the next.
    pageBreaksBefore: [openTop],
    footer: `${t(T.sheet)} ${mLabel} — &P / &N`,
    margins: { top: 0.5, bottom: 0.5, left: 0.4, right: 0.4 },
    centerHorizontally: true,
  });
  if (all.undated.length > 0) b.note(T.undated(all.undated.length));
  return ok({ plan: b.build(), summary });
}
