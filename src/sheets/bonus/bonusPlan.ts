/**
 * The 季度奖金 (quarterly bonus) sheet of a year and quarter (SPEC 4, issue 6): one row per
 * person with native formulas for 全年绩效, the quarter's coefficient and bonus (D pays
 * nothing), the failed quarters, for Q4 the year-end eligibility with the rule that applied and
 * the year-end bonus, optionally the bonus scaled to a budget pool; money rounded to
 * SVC_Bonus_RoundTo half up at the end; totals with the rounding difference shown; a check row
 * for 4 × 季度比例 + 年终比例 = 100%; totals per department.
 *
 * Every formula references the 考核参数 names (SVC_Bonus_*), never the policy's numbers, and
 * every formula cell carries the engine's value (core/bonus computeBonuses) as `expect`.
 * Finance's own formula, when given, is written as its native Excel translation into the
 * bonus column of every row, so each cell can be audited.
 */
import { pick, text, type Locale, type Text } from "../../core/i18n/text";
import { fail, ok, type Problem, type Result } from "../../core/problem";
import { SETTING_NAMES, type Settings } from "../../core/settings";
import { toExcelFormula, type CheckedFormula, type FormulaVariable } from "../../core/formula";
import {
  computeBonuses,
  type BonusPerson,
  type BonusResult,
  type BonusVariableId,
  type PersonBonusResult,
  type Quarter,
} from "../../core/bonus";
import { roundMoney, type ForfeitReason } from "../../core/bonus";
import { formatNumber } from "../../core/values/describe";
import { SheetBuilder } from "../common/builder";
import { a1, columnLetter, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../common/styles";
import { roundToStepFormula } from "../formula/round";
import type { CellStyle, Expected, SheetPlan } from "../plan";
import { BONUS_MARKER_VERSION, type BonusMarker, type BonusMeta } from "./marker";

export interface BonusPlanOptions {
  readonly year: number;
  readonly quarter: Quarter;
  readonly people: readonly BonusPerson[];
  readonly locale: Locale;
  /** The workbook's settings (the 考核参数 sheet the formulas reference). */
  readonly settings: Settings;
  readonly quarterFormula?: CheckedFormula | null;
  readonly yearEndFormula?: CheckedFormula | null;
  /** Budget pool for the quarter bonuses; absent = no pool column. */
  readonly pool?: number | null;
  /** Where the people came from, shown under the title ("考核表 2026-Q1 … Q4", a file name). */
  readonly source?: Text;
  /** Problems found reading the input, listed as notes after generation. */
  readonly inputProblems?: readonly Problem[];
}

export interface BonusPlan {
  readonly plan: SheetPlan<BonusMarker>;
  readonly result: BonusResult;
  /** The Excel formulas of the first person's row, as shown on the sheet (with "="). */
  readonly excel: { readonly quarter: string; readonly yearEnd: string | null };
}

const T = {
  sheet: text("季度奖金", "Bonus"),
  title: text("季度绩效奖金", "Quarterly performance bonus"),
  no: text("序号", "No."),
  id: text("工号", "ID"),
  name: text("姓名", "Name"),
  department: text("部门", "Department"),
  standardPay: text("岗位标准绩效", "Standard pay"),
  ratio: text("考核奖金比例", "Bonus ratio"),
  annual: text("全年绩效", "Annual bonus"),
  yellow: text("黄牌", "Yellow cards"),
  red: text("红牌", "Red cards"),
  failed: text("不合格季度数", "Failed quarters"),
  coefficient: text("本季系数", "Coefficient"),
  quarterExact: text("季度奖金（计算值）", "Quarter bonus (exact)"),
  quarterPaid: text("季度奖金（应发）", "Quarter bonus (paid)"),
  quarterRounded: text("季度奖金（取整）", "Quarter bonus (rounded)"),
  pooled: text("按预算调整（应发）", "Scaled to pool (paid)"),
  eligible: text("年终奖资格", "Year-end bonus"),
  reason: text("取消原因", "Forfeited because"),
  yearEndExact: text("年终奖（计算值）", "Year-end bonus (exact)"),
  yearEndPaid: text("年终奖（应发）", "Year-end bonus (paid)"),
  payable: text("应发合计", "Total paid"),
  remarks: text("备注", "Remarks"),
  paid: text("发放", "paid"),
  forfeited: text("取消", "forfeited"),
  none: text("—", "—"),
  year: text("年度", "Year"),
  quarter: text("季度", "Quarter"),
  people: text("人数", "People"),
  source: text("人员来源", "People from"),
  pool: text("预算总额（季度奖金）", "Budget pool (quarter bonuses)"),
  factor: text("调整系数", "Scale factor"),
  totalRounded: text("合计（各人应发相加）", "Total (sum of rounded amounts)"),
  totalOnce: text("合计（先相加后取整）", "Total (rounded once)"),
  difference: text("取整差额", "Rounding difference"),
  check: text(
    "核对（制度第五条）：每季度合格、系数为 1 时，4 × 季度比例 + 年终比例 = 100% 全年绩效",
    "Check (policy §5): for someone who passed every quarter at coefficient 1, 4 × quarter rate + year-end rate = 100% of the annual bonus",
  ),
  fourQuarters: text("4 × 季度比例", "4 × quarter rate"),
  yearEndRate: text("年终比例", "Year-end rate"),
  sum: text("合计", "Total"),
  verdict: text("结论", "Result"),
  rates: text("比例", "Rates"),
  amounts: text("金额（全年绩效合计）", "Amounts (all annual bonuses)"),
  share: text("占全年绩效", "Share of annual"),
  checkOk: text("✓ 合计为 100%", "✓ totals 100%"),
  checkBad: text("✗ 合计不是 100%，请检查考核参数", "✗ does not total 100%: check the Settings sheet"),
  departments: text("部门合计", "Totals by department"),
  noDepartment: text("（未填部门）", "(no department)"),
  quarterRule: text("季度奖金", "Quarter bonus"),
  yearEndRule: text("年终奖", "Year-end bonus"),
  policyQuarter: text(
    "制度公式：全年绩效 × 季度比例 × 系数（不合格等级为 0）",
    "Policy: annual bonus × quarter rate × coefficient (0 for the failing grade)",
  ),
  policyYearEnd: text(
    "制度公式：全年绩效 × 年终比例；取消条件见“取消原因”",
    "Policy: annual bonus × year-end rate; forfeited as the Forfeited column says",
  ),
  custom: text("自定义公式", "Finance's formula"),
  excelFor: text("第 1 人的单元格公式", "Cell formula of the first person"),
  note: text(
    "黄色单元格可以填写或修改，其余为公式。全年绩效 = 岗位标准绩效 × 考核奖金比例；不合格等级的季度不发季度奖金（不扣工资）；第 4 季度另计年终奖，不合格季度、黄牌或红牌达到考核参数中的次数即取消。金额只在最后按“金额取整单位”四舍五入，取整造成的差额在合计下方列出。",
    "Fill in or correct the yellow cells; the rest are formulas. Annual bonus = standard pay × bonus ratio; a quarter with the failing grade pays no quarter bonus (pay is not docked); Q4 adds the year-end bonus, forfeited when failed quarters, yellow or red cards reach the counts on the Settings sheet. Money is rounded half up to the Settings' step only at the end; the rounding difference is listed under the totals.",
  ),
};

/** The sheet's forfeiture text, exactly as the formula builds it. */
function forfeitPieces(locale: Locale): {
  sep: string;
  failed: (n: string, t: string) => string;
  yellow: (n: string, t: string) => string;
  red: (n: string, t: string) => string;
} {
  return locale === "zh-CN"
    ? {
        sep: "；",
        failed: (n, t) => `不合格季度 ${n} 个（≥${t}）`,
        yellow: (n, t) => `黄牌 ${n} 张（≥${t}）`,
        red: (n, t) => `红牌 ${n} 张（≥${t}）`,
      }
    : {
        sep: "; ",
        failed: (n, t) => `failed quarters: ${n} (≥${t})`,
        yellow: (n, t) => `yellow cards: ${n} (≥${t})`,
        red: (n, t) => `red cards: ${n} (≥${t})`,
      };
}

/** What the 取消原因 cell shows for these reasons. */
export function forfeitText(reasons: readonly ForfeitReason[], locale: Locale): string {
  if (reasons.length === 0) return pick(T.none, locale);
  const p = forfeitPieces(locale);
  const piece = { failedQuarters: p.failed, yellowCards: p.yellow, redCards: p.red };
  return reasons.map((r) => piece[r.rule](formatNumber(r.count), formatNumber(r.threshold))).join(p.sep);
}

const N = SETTING_NAMES;
const FIRST_INFO_ROW = 3;

/** Where everything is on a bonus sheet: column numbers and the rows before the people. */
export interface BonusLayout {
  readonly quarter: Quarter;
  readonly C: {
    readonly no: number;
    readonly id: number;
    readonly name: number;
    readonly department: number;
    readonly standardPay: number;
    readonly ratio: number;
    readonly annual: number;
    readonly grades: readonly number[];
    readonly yellow: number;
    readonly red: number;
    readonly failed: number;
    readonly coefficient: number;
    readonly quarterExact: number;
    readonly quarterAmount: number;
    /** 0 when absent. */
    readonly pooled: number;
    readonly eligible: number;
    readonly reason: number;
    readonly yearEndExact: number;
    readonly yearEndAmount: number;
    readonly payable: number;
    readonly remarks: number;
    readonly marker: number;
  };
  readonly lastCol: number;
  readonly gradeCol: number;
  /** 0 when there is no pool. */
  readonly poolRow: number;
  readonly headerRow: number;
  /** The first person's row. */
  readonly first: number;
}

/** The layout for a quarter, with or without a pool and finance's formulas (each adds a line above the table). */
export function bonusLayout(o: {
  readonly quarter: Quarter;
  readonly pool: boolean;
  readonly quarterFormula: boolean;
  readonly yearEndFormula: boolean;
}): BonusLayout {
  const isQ4 = o.quarter === 4;
  let next = 1;
  const col = (): number => next++;
  const C = {
    no: col(),
    id: col(),
    name: col(),
    department: col(),
    standardPay: col(),
    ratio: col(),
    annual: col(),
    grades: Array.from({ length: o.quarter }, () => col()),
    yellow: col(),
    red: col(),
    failed: col(),
    coefficient: col(),
    quarterExact: col(),
    quarterAmount: col(),
    pooled: o.pool ? col() : 0,
    eligible: isQ4 ? col() : 0,
    reason: isQ4 ? col() : 0,
    yearEndExact: isQ4 ? col() : 0,
    yearEndAmount: isQ4 ? col() : 0,
    payable: isQ4 ? col() : 0,
    remarks: col(),
    marker: col(),
  };
  const formulaLines = 1 + (o.quarterFormula ? 1 : 0) + (isQ4 ? 1 + (o.yearEndFormula ? 1 : 0) : 0);
  const poolRow = o.pool ? FIRST_INFO_ROW + 1 + formulaLines : 0;
  const headerRow = FIRST_INFO_ROW + 1 + formulaLines + (o.pool ? 1 : 0) + 1;
  return {
    quarter: o.quarter,
    C,
    lastCol: C.remarks,
    gradeCol: C.grades[o.quarter - 1],
    poolRow,
    headerRow,
    first: headerRow + 1,
  };
}

/** A column of the first person's row, column fixed and row relative ($G9): fills shift it down. */
function rowRef(layout: BonusLayout, c: number): string {
  return `$${columnLetter(c)}${layout.first}`;
}

/** What each formula variable refers to on the sheet: the person's cells, the quarter cell, the 考核参数 names. */
export function variableRef(layout: BonusLayout, v: FormulaVariable): string {
  const { C } = layout;
  const R = (c: number): string => rowRef(layout, c);
  const map: Record<BonusVariableId, string> = {
    annual: R(C.annual),
    standardPay: R(C.standardPay),
    bonusRatio: R(C.ratio),
    coefficient: R(C.coefficient),
    grade: R(layout.gradeCol),
    quarter: a1(FIRST_INFO_ROW, 5, true),
    // N(): a blank card cell is 0 — referenced bare, LibreOffice would pass the blank on ("" = blank is TRUE there, FALSE in Excel).
    yellowCards: `N(${R(C.yellow)})`,
    redCards: `N(${R(C.red)})`,
    failedQuarters: R(C.failed),
    quarterRate: N.bonusQuarterRate,
    yearEndRate: N.bonusYearEndRate,
  };
  return map[v.id as BonusVariableId];
}

/**
 * The quarter-bonus cell of the first person: blank when 全年绩效 or the grade is blank, 0 for the
 * failing grade (policy §8, whatever the formula says), else the policy's product or finance's
 * formula translated to Excel.
 */
export function quarterCellFormula(layout: BonusLayout, formula: CheckedFormula | null): string {
  const R = (c: number): string => rowRef(layout, c);
  const { C, gradeCol } = layout;
  const body = formula
    ? toExcelFormula(formula, (v) => variableRef(layout, v))
    : `${R(C.annual)}*${N.bonusQuarterRate}*${R(C.coefficient)}`;
  return `=IF(OR(${R(C.annual)}="",${R(gradeCol)}=""),"",IF(${R(gradeCol)}=${N.bonusFailedGrade},0,${body}))`;
}

/** The year-end cell of the first person (Q4): 0 when forfeited (the 年终奖资格 column says so), else the rule or finance's formula. */
export function yearEndCellFormula(layout: BonusLayout, formula: CheckedFormula | null, locale: Locale): string {
  const R = (c: number): string => rowRef(layout, c);
  const { C, gradeCol } = layout;
  const usesGrade = formula?.variables.some((v) => v.id === "grade" || v.id === "coefficient") ?? false;
  const body = formula
    ? toExcelFormula(formula, (v) => variableRef(layout, v))
    : `${R(C.annual)}*${N.bonusYearEndRate}`;
  const gate = usesGrade ? `OR(${R(C.annual)}="",${R(gradeCol)}="")` : `${R(C.annual)}=""`;
  return `=IF(${gate},"",IF(${R(C.eligible)}="${pick(T.forfeited, locale)}",0,${body}))`;
}

/** A first-row formula as shown to people: the row's own references without "$" (G9, not $G9). */
export function displayFormula(layout: BonusLayout, f: string): string {
  return f.replace(/\$([A-Z]+)(\d+)/g, (m, c: string, r: string) =>
    Number(r) === layout.first ? `${c}${layout.first}` : m,
  );
}

/**
 * Builds the sheet and returns it with the engine's results. Fails (never throws) when there is
 * nobody to pay, the options are invalid, or a formula cannot be computed for someone.
 */
export function bonusPlan(options: BonusPlanOptions): Result<BonusPlan> {
  const { year, quarter, people, locale, settings } = options;
  const t = (x: Text): string => pick(x, locale);
  if (people.length === 0) return fail("na", text("没有需要计算奖金的人员", "nobody to compute a bonus for"));
  if (!Number.isInteger(year) || year < 1900 || year > 9999)
    return fail("value", text(`年度无效：${year}`, `invalid year: ${year}`));
  if (![1, 2, 3, 4].includes(quarter))
    return fail("value", text(`季度必须是 1–4（现为 ${quarter}）`, `the quarter must be 1–4 (got ${quarter})`));
  const isQ4 = quarter === 4;
  const hasPool = options.pool !== undefined && options.pool !== null;
  const computed = computeBonuses(people, {
    year,
    quarter,
    settings,
    quarterFormula: options.quarterFormula,
    yearEndFormula: options.yearEndFormula,
    pool: options.pool,
  });
  if (!computed.ok) return computed;
  const result = computed.value;
  const rows = result.people;

  const layout = bonusLayout({
    quarter,
    pool: hasPool,
    quarterFormula: Boolean(options.quarterFormula),
    yearEndFormula: Boolean(options.yearEndFormula),
  });
  const { C, lastCol, gradeCol, poolRow, headerRow, first } = layout;
  const last = first + rows.length - 1;
  const L = columnLetter;
  const R = (c: number): string => `$${L(c)}${first}`; // column fixed, row relative (fills shift it)
  const body = (c1: number, c2: number = c1): string => rangeA1(first, c1, last, c2);
  const colRange = (c: number): string => rangeA1(first, c, last, c, true);
  const factorCell = hasPool ? a1(poolRow, C.annual, true) : "";
  const poolCell = hasPool ? a1(poolRow, C.standardPay, true) : "";

  const meta: BonusMeta = {
    year,
    quarter,
    firstRow: first,
    lastRow: last,
    columns: Object.fromEntries(
      Object.entries({ ...C, grades: undefined })
        .filter((e): e is [string, number] => typeof e[1] === "number" && e[1] > 0)
        .map(([k, v]) => [k, L(v)]),
    ),
    gradeColumns: C.grades.map((c) => L(c)),
    pool: hasPool,
    quarterFormula: options.quarterFormula?.source ?? null,
    yearEndFormula: options.yearEndFormula?.source ?? null,
  };
  const sheetName = `${t(T.sheet)} ${year}-Q${quarter}`;
  const b = new SheetBuilder<BonusMarker>(
    sheetName,
    { kind: "bonus", version: BONUS_MARKER_VERSION, meta },
    a1(1, C.marker),
  );
  const title = `${t(T.title)} — ${t(text(`${year}年第${quarter}季度`, `Q${quarter} ${year}`))}`;

  // ── Title, note, period, formulas ───────────────────────────────────────────────────────
  b.set(1, 1, title, STYLES.title);
  b.set(2, 1, t(T.note), { ...STYLES.note, vertical: "top" });
  b.merge(rangeA1(2, 1, 2, lastCol));
  b.height(2, 42);
  // Year, quarter (the cell the variable 季度 refers to) and head count, labels in wide columns.
  b.set(FIRST_INFO_ROW, 1, t(T.year), { ...STYLES.label, bold: true });
  b.merge(rangeA1(FIRST_INFO_ROW, 1, FIRST_INFO_ROW, 2));
  b.set(FIRST_INFO_ROW, 3, year, { ...STYLES.label, horizontal: "left", numberFormat: "0" });
  b.set(FIRST_INFO_ROW, 4, t(T.quarter), { ...STYLES.label, bold: true });
  b.set(FIRST_INFO_ROW, 5, quarter, { ...STYLES.label, horizontal: "left", numberFormat: "0" });
  b.set(FIRST_INFO_ROW, 6, t(T.people), { ...STYLES.label, bold: true });
  b.set(FIRST_INFO_ROW, 7, rows.length, { ...STYLES.label, horizontal: "left", numberFormat: "0" });
  if (options.source) {
    b.set(FIRST_INFO_ROW, 8, `${t(T.source)}${locale === "zh-CN" ? "：" : ": "}${t(options.source)}`, STYLES.subtitle);
    b.merge(rangeA1(FIRST_INFO_ROW, 8, FIRST_INFO_ROW, lastCol));
  }

  // The formulas of the money columns, shown as text so finance can audit them.
  const quarterFormula = quarterCellFormula(layout, options.quarterFormula ?? null);
  const yearEndFormula = isQ4 ? yearEndCellFormula(layout, options.yearEndFormula ?? null, locale) : null;
  const firstRowFormula = (f: string): string => displayFormula(layout, f);

  let line = FIRST_INFO_ROW + 1;
  const formulaLine = (label: Text, value: string, style: CellStyle = STYLES.subtitle): void => {
    b.set(line, 1, t(label), { bold: true, fontSize: 10 });
    b.merge(rangeA1(line, 1, line, 3));
    b.set(line, 4, value, style);
    b.merge(rangeA1(line, 4, line, lastCol));
    line++;
  };
  const codeStyle: CellStyle = { fontSize: 10, fontColor: PALETTE.brand };
  if (options.quarterFormula) {
    formulaLine(T.quarterRule, `${t(T.custom)}：${options.quarterFormula.source}`);
    formulaLine(T.excelFor, firstRowFormula(quarterFormula), codeStyle);
  } else formulaLine(T.quarterRule, t(T.policyQuarter));
  if (isQ4) {
    if (options.yearEndFormula) {
      formulaLine(T.yearEndRule, `${t(T.custom)}：${options.yearEndFormula.source}`);
      formulaLine(T.excelFor, firstRowFormula(yearEndFormula as string), codeStyle);
    } else formulaLine(T.yearEndRule, t(T.policyYearEnd));
  }

  // Budget pool: the amount (editable) and the factor that scales the quarter bonuses to it.
  const sumExact = `SUM(${colRange(C.quarterExact)})`;
  if (hasPool) {
    b.set(poolRow, 1, t(T.pool), { bold: true });
    b.merge(rangeA1(poolRow, 1, poolRow, 4));
    b.set(poolRow, C.standardPay, options.pool as number, { ...STYLES.input, numberFormat: FORMATS.money });
    b.set(poolRow, C.ratio, t(T.factor), { bold: true, horizontal: "right" });
    b.set(
      poolRow,
      C.annual,
      { f: `=IF(OR(${poolCell}="",${sumExact}=0),"",${poolCell}/${sumExact})`, expect: result.pool?.factor ?? "" },
      { ...STYLES.computed, numberFormat: "0.000000" },
    );
    b.validate({
      range: poolCell.replace(/\$/g, ""),
      rule: { type: "decimal", min: 0 },
      allowBlank: true,
      error: {
        title: t(text("金额无效", "Invalid amount")),
        message: t(text("预算总额必须是不小于 0 的金额。", "The budget pool must be an amount of 0 or more.")),
      },
    });
  }

  // ── Header ──────────────────────────────────────────────────────────────────────────────
  const headers: [number, Text][] = [
    [C.no, T.no],
    [C.id, T.id],
    [C.name, T.name],
    [C.department, T.department],
    [C.standardPay, T.standardPay],
    [C.ratio, T.ratio],
    [C.annual, T.annual],
    ...C.grades.map((c, i): [number, Text] => [c, text(`第${i + 1}季度等级`, `Q${i + 1} grade`)]),
    [C.yellow, T.yellow],
    [C.red, T.red],
    [C.failed, T.failed],
    [C.coefficient, T.coefficient],
    [C.quarterExact, T.quarterExact],
    [C.quarterAmount, hasPool ? T.quarterRounded : T.quarterPaid],
    ...(hasPool ? [[C.pooled, T.pooled] as [number, Text]] : []),
    ...(isQ4
      ? ([
          [C.eligible, T.eligible],
          [C.reason, T.reason],
          [C.yearEndExact, T.yearEndExact],
          [C.yearEndAmount, T.yearEndPaid],
          [C.payable, T.payable],
        ] as [number, Text][])
      : []),
    [C.remarks, T.remarks],
  ];
  for (const [c, label] of headers) b.set(headerRow, c, t(label));
  b.format(rangeA1(headerRow, 1, headerRow, lastCol), STYLES.header);
  b.height(headerRow, locale === "zh-CN" ? 36 : 50);

  // ── People: inputs (literal cells) ──────────────────────────────────────────────────────
  b.block(
    first,
    1,
    rows.map((r, i) => [
      i + 1,
      r.person.id ?? null,
      r.person.name,
      r.person.department ?? null,
      r.person.standardPay,
      r.person.bonusRatio,
    ]),
  );
  b.block(
    first,
    C.grades[0],
    rows.map((r) => r.person.grades.slice(0, quarter)),
  );
  b.block(
    first,
    C.yellow,
    rows.map((r) => [r.person.yellowCards, r.person.redCards]),
  );
  const remarks = rows.map(
    (r) => [...r.person.remarks, ...r.warnings].map(t).join(locale === "zh-CN" ? "；" : "; ") || null,
  );
  b.block(
    first,
    C.remarks,
    remarks.map((x) => [x]),
  );

  // ── People: formulas, filled down ───────────────────────────────────────────────────────
  const column = (f: (r: PersonBonusResult) => Expected): Expected[][] => rows.map((r) => [f(r)]);
  const blankable = (v: number | null | undefined): Expected => (v === null || v === undefined ? "" : v);
  /** Money rounded half up to the settings' step, as core roundMoney does (see formula/round.ts). */
  const round = (x: string): string => roundToStepFormula(x, N.bonusRoundTo);
  b.fill({
    range: body(C.annual),
    formula: `=IF(OR(${R(C.standardPay)}="",${R(C.ratio)}=""),"",${R(C.standardPay)}*${R(C.ratio)})`,
    expect: column((r) => blankable(r.annual)),
  });
  b.fill({
    range: body(C.failed),
    formula: `=SUMPRODUCT(--(${R(C.grades[0])}:${R(gradeCol)}=${N.bonusFailedGrade}))`,
    expect: column((r) => r.failedQuarters),
  });
  b.fill({
    range: body(C.coefficient),
    formula: `=IF(${R(gradeCol)}="","",INDEX(${N.bonusCoefficientValues},MATCH(${R(gradeCol)},${N.bonusCoefficientGrades},0)))`,
    expect: column((r) => blankable(r.coefficient)),
  });
  b.fill({ range: body(C.quarterExact), formula: quarterFormula, expect: column((r) => blankable(r.quarterExact)) });
  b.fill({
    range: body(C.quarterAmount),
    formula: `=IF(${R(C.quarterExact)}="","",${round(R(C.quarterExact))})`,
    expect: column((r) => blankable(r.quarterAmount)),
  });
  if (hasPool) {
    b.fill({
      range: body(C.pooled),
      formula: `=IF(OR(${R(C.quarterExact)}="",${factorCell}=""),"",${round(`${R(C.quarterExact)}*${factorCell}`)})`,
      expect: column((r) => blankable(r.pooled)),
    });
  }
  if (isQ4) {
    const p = forfeitPieces(locale);
    const rule = (count: string, threshold: string, piece: (n: string, t: string) => string): string => {
      const [before, after] = piece("\u0000", "\u0001").split("\u0000");
      const [middle, end] = after.split("\u0001");
      return `IF(${count}>=${threshold},"${p.sep}${before}"&${count}&"${middle}"&${threshold}&"${end}","")`;
    };
    b.fill({
      range: body(C.eligible),
      formula: `=IF(OR(${R(C.failed)}>=${N.bonusForfeitFailedQuarters},${R(C.yellow)}>=${N.bonusForfeitYellowCards},${R(C.red)}>=${N.bonusForfeitRedCards}),"${t(T.forfeited)}","${t(T.paid)}")`,
      expect: column((r) => t(r.yearEnd?.forfeited ? T.forfeited : T.paid)),
    });
    b.fill({
      range: body(C.reason),
      formula:
        `=IF(${R(C.eligible)}="${t(T.paid)}","${t(T.none)}",MID(` +
        rule(R(C.failed), N.bonusForfeitFailedQuarters, p.failed) +
        "&" +
        rule(R(C.yellow), N.bonusForfeitYellowCards, p.yellow) +
        "&" +
        rule(R(C.red), N.bonusForfeitRedCards, p.red) +
        `,${p.sep.length + 1},300))`,
      expect: column((r) => forfeitText(r.yearEnd?.reasons ?? [], locale)),
    });
    b.fill({
      range: body(C.yearEndExact),
      formula: yearEndFormula as string,
      expect: column((r) => blankable(r.yearEnd?.exact)),
    });
    b.fill({
      range: body(C.yearEndAmount),
      formula: `=IF(${R(C.yearEndExact)}="","",${round(R(C.yearEndExact))})`,
      expect: column((r) => blankable(r.yearEnd?.amount)),
    });
    const base = hasPool ? C.pooled : C.quarterAmount;
    b.fill({
      range: body(C.payable),
      formula: `=IF(AND(${R(base)}="",${R(C.yearEndAmount)}=""),"",SUM(${R(base)},${R(C.yearEndAmount)}))`,
      expect: column((r) => blankable(r.payable)),
    });
  }

  // ── People: look, validation, conditional formats ───────────────────────────────────────
  b.format(body(1, lastCol), { border: "thin", vertical: "middle" });
  b.format(body(C.no), { horizontal: "center" });
  b.format(body(C.id, C.department), { numberFormat: FORMATS.text });
  b.format(body(C.standardPay), { ...STYLES.input, numberFormat: FORMATS.money });
  b.format(body(C.ratio), { ...STYLES.input, numberFormat: FORMATS.percent1 });
  b.format(body(C.grades[0], gradeCol), { ...STYLES.input, numberFormat: FORMATS.text, horizontal: "center" });
  b.format(body(C.yellow, C.red), { ...STYLES.input, numberFormat: FORMATS.integer, horizontal: "center" });
  b.format(body(C.annual), { ...STYLES.computed, numberFormat: FORMATS.money });
  b.format(body(C.failed, C.coefficient), { ...STYLES.computed, horizontal: "center" });
  b.format(body(C.failed), { numberFormat: FORMATS.integer });
  b.format(body(C.coefficient), { numberFormat: "0.00" });
  b.format(body(C.quarterExact), { ...STYLES.computed, numberFormat: "#,##0.0000", fontColor: PALETTE.note });
  b.format(body(C.quarterAmount), { ...STYLES.computed, numberFormat: FORMATS.money, bold: !hasPool });
  if (hasPool) b.format(body(C.pooled), { ...STYLES.computed, numberFormat: FORMATS.money, bold: true });
  if (isQ4) {
    b.format(body(C.eligible, C.reason), { ...STYLES.computed, horizontal: "center" });
    b.format(body(C.reason), { horizontal: "left", wrap: true });
    b.format(body(C.yearEndExact), { ...STYLES.computed, numberFormat: "#,##0.0000", fontColor: PALETTE.note });
    b.format(body(C.yearEndAmount), { ...STYLES.computed, numberFormat: FORMATS.money, bold: true });
    b.format(body(C.payable), { ...STYLES.computed, numberFormat: FORMATS.money, bold: true });
    b.conditional({
      range: body(C.eligible),
      rule: { type: "expression", formula: `=${a1(first, C.eligible)}="${t(T.forfeited)}"` },
      style: CONDITIONAL.bad,
    });
    b.conditional({
      range: body(C.eligible),
      rule: { type: "expression", formula: `=${a1(first, C.eligible)}="${t(T.paid)}"` },
      style: CONDITIONAL.good,
    });
  }
  b.format(body(C.remarks), { wrap: true, fontSize: 9, numberFormat: FORMATS.text });
  b.conditional({
    range: body(C.grades[0], gradeCol),
    rule: {
      type: "expression",
      formula: `=AND(${a1(first, C.grades[0])}<>"",${a1(first, C.grades[0])}=${N.bonusFailedGrade})`,
    },
    style: CONDITIONAL.bad,
  });
  const moneyColumns = [
    C.quarterExact,
    C.quarterAmount,
    ...(hasPool ? [C.pooled] : []),
    ...(isQ4 ? [C.yearEndExact, C.yearEndAmount, C.payable] : []),
  ];
  for (const c of moneyColumns) {
    b.conditional({
      range: body(c),
      rule: { type: "expression", formula: `=AND(ISNUMBER(${a1(first, c)}),${a1(first, c)}<0)` },
      style: CONDITIONAL.bad,
    });
  }
  b.validate({
    range: body(C.standardPay),
    rule: { type: "decimal", min: 0 },
    allowBlank: true,
    error: {
      title: t(text("金额无效", "Invalid amount")),
      message: t(text("岗位标准绩效必须是不小于 0 的金额。", "Standard pay must be an amount of 0 or more.")),
    },
  });
  b.validate({
    range: body(C.ratio),
    rule: { type: "decimal", min: 0, max: 10 },
    allowBlank: true,
    prompt: { title: t(T.ratio), message: t(text("例如 30%", "e.g. 30%")) },
    error: {
      title: t(text("比例无效", "Invalid ratio")),
      message: t(
        text(
          "考核奖金比例是 0 到 1000% 之间的比例，如 30%。",
          "The bonus ratio is a ratio between 0 and 1000%, e.g. 30%.",
        ),
      ),
    },
  });
  b.validate({
    range: body(C.grades[0], gradeCol),
    rule: { type: "listSource", source: `=${N.bonusCoefficientGrades}` },
    allowBlank: true,
    error: {
      title: t(text("等级无效", "Invalid grade")),
      message: t(
        text(
          "请从考核参数的季度系数表中选择等级。",
          "Pick a grade from the quarter coefficient table on the Settings sheet.",
        ),
      ),
    },
  });
  b.validate({
    range: body(C.yellow, C.red),
    rule: { type: "whole", min: 0 },
    allowBlank: true,
    error: {
      title: t(text("数量无效", "Invalid count")),
      message: t(text("请输入不小于 0 的整数。", "Enter a whole number, 0 or more.")),
    },
  });

  // ── Totals and rounding differences ─────────────────────────────────────────────────────
  const t1 = last + 1;
  const t2 = last + 2;
  const t3 = last + 3;
  for (const [r, label] of [
    [t1, T.totalRounded],
    [t2, T.totalOnce],
    [t3, T.difference],
  ] as const) {
    b.set(r, 1, t(label), { bold: true });
    b.merge(rangeA1(r, 1, r, C.department));
  }
  const sumOf = (c: number): string => `=SUM(${colRange(c)})`;
  b.set(t1, C.annual, { f: sumOf(C.annual), expect: result.annualTotal });
  b.set(t1, C.quarterExact, { f: sumOf(C.quarterExact), expect: sumExact0(rows.map((r) => r.quarterExact)) });
  /** Σ rounded amounts; the whole rounded once; the difference between them (SPEC 4: shown, never hidden). */
  const reconciled = (
    amountCol: number,
    rec: { sumOfRoundedParts: number; roundedWhole: number; difference: number },
    whole: string,
  ): void => {
    b.set(t1, amountCol, { f: sumOf(amountCol), expect: rec.sumOfRoundedParts });
    b.set(t2, amountCol, { f: `=${round(whole)}`, expect: rec.roundedWhole });
    b.set(t3, amountCol, { f: `=${round(`${a1(t2, amountCol)}-${a1(t1, amountCol)}`)}`, expect: rec.difference });
  };
  reconciled(C.quarterAmount, result.quarterTotals, `SUM(${colRange(C.quarterExact)})`);
  if (hasPool) {
    // Against the pool: Σ scaled amounts + difference = the pool, to the cent.
    const pool = result.pool?.pool ?? 0;
    const rec = result.pool?.totals ?? reconcileNothing(pool, settings);
    b.set(t1, C.pooled, { f: sumOf(C.pooled), expect: rec.sumOfRoundedParts });
    b.set(t2, C.pooled, { f: `=IF(${poolCell}="","",${round(poolCell)})`, expect: rec.roundedWhole });
    b.set(t3, C.pooled, {
      f: `=IF(${poolCell}="","",${round(`${a1(t2, C.pooled)}-${a1(t1, C.pooled)}`)})`,
      expect: rec.difference,
    });
  }
  if (isQ4) {
    b.set(t1, C.yearEndExact, {
      f: sumOf(C.yearEndExact),
      expect: sumExact0(rows.map((r) => r.yearEnd?.exact ?? null)),
    });
    reconciled(
      C.yearEndAmount,
      result.yearEndTotals as NonNullable<BonusResult["yearEndTotals"]>,
      `SUM(${colRange(C.yearEndExact)})`,
    );
    b.set(t1, C.payable, { f: sumOf(C.payable), expect: result.payableTotal ?? 0 });
  }
  b.format(rangeA1(t1, 1, t3, lastCol), { border: "thin", bold: true, fill: PALETTE.headerFill });
  b.format(rangeA1(t1, C.annual, t3, lastCol), { numberFormat: FORMATS.money });
  b.format(rangeA1(t1, C.quarterExact, t1, C.quarterExact), {
    numberFormat: "#,##0.0000",
    bold: false,
    fontColor: PALETTE.note,
  });
  if (isQ4)
    b.format(rangeA1(t1, C.yearEndExact, t1, C.yearEndExact), {
      numberFormat: "#,##0.0000",
      bold: false,
      fontColor: PALETTE.note,
    });
  b.conditional({
    range: rangeA1(t3, C.quarterAmount, t3, lastCol),
    rule: { type: "expression", formula: `=AND(ISNUMBER(${a1(t3, C.quarterAmount)}),${a1(t3, C.quarterAmount)}<>0)` },
    style: CONDITIONAL.neutral,
  });

  // ── Check row: 4 × 季度比例 + 年终比例 = 100% ───────────────────────────────────────────────
  // Values in the 岗位标准绩效 / 考核奖金比例 / 全年绩效 columns (wide enough for money), the verdict beside them.
  const c0 = t3 + 2;
  b.set(c0, 1, t(T.check), STYLES.section);
  b.merge(rangeA1(c0, 1, c0, lastCol));
  const ch = c0 + 1;
  const [cA, cB, cC, cD] = [C.standardPay, C.ratio, C.annual, C.annual + 1];
  const cEnd = C.annual + 4;
  b.setRow(ch, cA, [t(T.fourQuarters), t(T.yearEndRate), t(T.sum), t(T.verdict)]);
  b.height(ch, locale === "zh-CN" ? 18 : 44);
  b.merge(rangeA1(ch, cD, ch, cEnd));
  b.format(rangeA1(ch, cA, ch, cEnd), STYLES.header);
  const rateRow = ch + 1;
  const amountRow = ch + 2;
  const rc = result.rateCheck;
  b.set(rateRow, 1, t(T.rates), { bold: true });
  b.merge(rangeA1(rateRow, 1, rateRow, cA - 1));
  b.set(rateRow, cA, { f: `=4*${N.bonusQuarterRate}`, expect: rc.fourQuarters }, { numberFormat: FORMATS.percent1 });
  b.set(
    rateRow,
    cB,
    { f: `=${N.bonusYearEndRate}`, expect: settings.bonus.yearEndRate },
    { numberFormat: FORMATS.percent1 },
  );
  b.set(
    rateRow,
    cC,
    { f: `=${a1(rateRow, cA)}+${a1(rateRow, cB)}`, expect: rc.total },
    { numberFormat: FORMATS.percent1, bold: true },
  );
  b.set(rateRow, cD, {
    f: `=IF(ABS(${a1(rateRow, cC)}-1)<1E-9,"${t(T.checkOk)}","${t(T.checkBad)}")`,
    expect: t(rc.ok ? T.checkOk : T.checkBad),
  });
  b.merge(rangeA1(rateRow, cD, rateRow, cEnd));
  const annualTotal = a1(t1, C.annual, true);
  const S = result.annualTotal;
  const fourAmount = 4 * S * settings.bonus.quarterRate;
  const yearEndAmount = S * settings.bonus.yearEndRate;
  b.set(amountRow, 1, t(T.amounts), { bold: true });
  b.merge(rangeA1(amountRow, 1, amountRow, cA - 1));
  b.set(
    amountRow,
    cA,
    { f: `=4*${annualTotal}*${N.bonusQuarterRate}`, expect: fourAmount },
    { numberFormat: FORMATS.money },
  );
  b.set(
    amountRow,
    cB,
    { f: `=${annualTotal}*${N.bonusYearEndRate}`, expect: yearEndAmount },
    { numberFormat: FORMATS.money },
  );
  b.set(
    amountRow,
    cC,
    { f: `=${a1(amountRow, cA)}+${a1(amountRow, cB)}`, expect: fourAmount + yearEndAmount },
    { numberFormat: FORMATS.money, bold: true },
  );
  b.set(
    amountRow,
    cD,
    {
      f: `=IF(${annualTotal}=0,"",${a1(amountRow, cC)}/${annualTotal})`,
      expect: S === 0 ? "" : (fourAmount + yearEndAmount) / S,
    },
    { numberFormat: FORMATS.percent1, bold: true },
  );
  b.merge(rangeA1(amountRow, cD, amountRow, cD + 1));
  b.set(amountRow, cD + 2, t(T.share), { ...STYLES.note, vertical: "middle" });
  b.merge(rangeA1(amountRow, cD + 2, amountRow, cEnd));
  b.format(rangeA1(rateRow, 1, amountRow, cEnd), { border: "thin" });
  b.conditional({
    range: a1(rateRow, cD),
    rule: { type: "expression", formula: `=LEFT(${a1(rateRow, cD)},1)="✗"` },
    style: CONDITIONAL.bad,
  });
  b.conditional({
    range: a1(rateRow, cD),
    rule: { type: "expression", formula: `=LEFT(${a1(rateRow, cD)},1)="✓"` },
    style: CONDITIONAL.good,
  });

  // ── Totals by department: each total under the people table's column of the same name ──
  const d0 = amountRow + 2;
  b.set(d0, 1, t(T.departments), STYLES.section);
  const dh = d0 + 1;
  type Dept = BonusResult["departments"][number];
  const deptCols: [number, Text, string | null, (d: Dept) => number | null][] = [
    [C.standardPay, T.people, null, (d) => d.people],
    [C.annual, T.annual, colRange(C.annual), (d) => d.annual],
    [C.quarterAmount, hasPool ? T.quarterRounded : T.quarterPaid, colRange(C.quarterAmount), (d) => d.quarter],
    ...(hasPool
      ? [
          [C.pooled, T.pooled, colRange(C.pooled), (d: Dept) => d.pooled] as [
            number,
            Text,
            string,
            (d: Dept) => number | null,
          ],
        ]
      : []),
    ...(isQ4
      ? ([
          [C.yearEndAmount, T.yearEndPaid, colRange(C.yearEndAmount), (d: Dept) => d.yearEnd],
          [C.payable, T.payable, colRange(C.payable), (d: Dept) => d.payable],
        ] as [number, Text, string, (d: Dept) => number | null][])
      : []),
  ];
  const dLast = Math.max(...deptCols.map((d) => d[0]));
  const dLabel = 2;
  b.set(dh, dLabel, t(T.department));
  b.merge(rangeA1(dh, dLabel, dh, C.department));
  for (const [c, label] of deptCols) b.set(dh, c, t(label));
  b.format(rangeA1(dh, dLabel, dh, dLast), STYLES.header);
  b.height(dh, locale === "zh-CN" ? 30 : 44);
  const deptRange = colRange(C.department);
  result.departments.forEach((d, i) => {
    const r = dh + 1 + i;
    const crit = d.department === "" ? '""' : a1(r, dLabel, true);
    b.set(r, dLabel, d.department === "" ? t(T.noDepartment) : d.department);
    b.merge(rangeA1(r, dLabel, r, C.department));
    for (const [c, , values, v] of deptCols) {
      const f =
        values === null ? `=SUMPRODUCT(--(${deptRange}=${crit}))` : `=SUMPRODUCT(--(${deptRange}=${crit}),${values})`;
      b.set(r, c, { f, expect: v(d) ?? 0 });
    }
  });
  const dTotal = dh + 1 + result.departments.length;
  b.set(dTotal, dLabel, t(T.sum), { bold: true });
  b.merge(rangeA1(dTotal, dLabel, dTotal, C.department));
  for (const [c, , , v] of deptCols)
    b.set(dTotal, c, {
      f: `=SUM(${rangeA1(dh + 1, c, dTotal - 1, c)})`,
      expect: sum(result.departments.map((d) => v(d) ?? 0)),
    });
  b.format(rangeA1(dh + 1, dLabel, dTotal, dLast), { border: "thin" });
  for (const [c] of deptCols)
    b.format(rangeA1(dh + 1, c, dTotal, c), {
      numberFormat: c === C.standardPay ? FORMATS.integer : FORMATS.money,
      horizontal: c === C.standardPay ? "center" : "right",
    });
  b.format(rangeA1(dTotal, dLabel, dTotal, dLast), { fill: PALETTE.headerFill, bold: true });

  // ── Sheet setup ─────────────────────────────────────────────────────────────────────────
  const zh = locale === "zh-CN";
  b.width(C.no, 5)
    .width(C.id, 9)
    .width(C.name, 10)
    .width(C.department, zh ? 12 : 14)
    .width(C.standardPay, 13)
    .width(C.ratio, 12)
    .width(C.annual, 13);
  for (const c of C.grades) b.width(c, 7);
  b.width(C.yellow, zh ? 6 : 8)
    .width(C.red, zh ? 6 : 8)
    .width(C.failed, zh ? 8 : 10)
    .width(C.coefficient, zh ? 7 : 12)
    .width(C.quarterExact, 15)
    .width(C.quarterAmount, 13);
  if (hasPool) b.width(C.pooled, 13);
  if (isQ4)
    b.width(C.eligible, zh ? 8 : 10)
      .width(C.reason, zh ? 22 : 28)
      .width(C.yearEndExact, 15)
      .width(C.yearEndAmount, 13)
      .width(C.payable, 13);
  // Rows whose reasons or remarks need a second or third line (LibreOffice and WPS do not fit row heights on opening).
  const widthUnits = (x: string): number => [...x].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  rows.forEach((r, i) => {
    const lines = Math.max(isQ4 ? (r.yearEnd?.reasons.length ?? 0) : 0, Math.ceil(widthUnits(remarks[i] ?? "") / 34));
    if (lines > 1) b.height(first + i, Math.min(3, lines) * 14 + 2);
  });
  b.width(C.remarks, 30);
  b.hideColumn(C.marker);
  b.freeze(headerRow, C.name);
  b.tabColor("C55A11");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${headerRow}:${headerRow}`,
    printArea: rangeA1(1, 1, dTotal, lastCol),
    header: title,
    footer: "&P / &N",
    margins: { top: 0.6, bottom: 0.6, left: 0.3, right: 0.3 },
    centerHorizontally: true,
  });

  for (const p of options.inputProblems ?? []) b.note(located(p));
  for (const w of result.warnings) b.note(w);

  return ok({
    plan: b.build(),
    result,
    excel: {
      quarter: firstRowFormula(quarterFormula),
      yearEnd: yearEndFormula ? firstRowFormula(yearEndFormula) : null,
    },
  });
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Σ of the non-blank values in row order (what SUM computes over a column with "" cells). */
function sumExact0(xs: readonly (number | null)[]): number {
  return sum(xs.filter((x): x is number => x !== null));
}

/** No scaled amounts (nothing to scale): Σ is 0 and the whole pool is the difference. */
function reconcileNothing(
  pool: number,
  settings: Settings,
): { sumOfRoundedParts: number; roundedWhole: number; difference: number } {
  const r = roundMoney(pool, settings.bonus.roundTo);
  const whole = r.ok ? r.value : pool;
  return { sumOfRoundedParts: 0, roundedWhole: whole, difference: whole };
}

/** A problem with its row/column in front, as a note. */
function located(p: Problem): Text {
  if (p.row === undefined && p.column === undefined) return p.message;
  const zh = [p.row !== undefined ? `第 ${p.row} 行` : "", p.column !== undefined ? `“${p.column}”列` : ""].join("");
  const en = [p.row !== undefined ? `row ${p.row}` : "", p.column !== undefined ? `column “${p.column}”` : ""]
    .filter((s) => s !== "")
    .join(", ");
  return text(`${zh}：${p.message.zh}`, `${en}: ${p.message.en}`);
}
