/**
 * The appraisal form (考核表): one row per person, indicator columns grouped under their group,
 * a weights row, score entry validated against the scale, and native formulas for the weighted
 * score (SPEC 1.2: blank = not assessed, weights renormalised), the grade (against the
 * 考核参数 bands, never rounded first), the rank (ties share a rank), and a grade distribution
 * with a chart. Formulas reference the settings names, so editing 考核参数 regrades the form.
 */
import { pick, text, type Locale, type Text } from "../../core/i18n/text";
import { fail, ok, type Result } from "../../core/problem";
import { SETTING_NAMES, type GradeScheme, type Settings } from "../../core/settings";
import {
  formColumns,
  validateTemplate,
  periodKey,
  periodLabel,
  type AppraisalTemplate,
  type Period,
  type Person,
} from "../../core/appraisal";
import { applyWeights, gradeDistribution, type ShareTarget } from "../../core/scoring";
import { gradeOf } from "../../core/grading";
import { formatNumber } from "../../core/values/describe";
import { SheetBuilder } from "../common/builder";
import { a1, columnLetter, rangeA1 } from "../common/address";
import { CONDITIONAL, FORMATS, STYLES } from "../common/styles";
import type { ConditionalStyle, Expected, SheetPlan } from "../plan";
import { rankWithTolerance } from "./rank";
import { APPRAISAL_MARKER_VERSION, type AppraisalMarker, type AppraisalMeta, type Scale } from "./marker";

export interface AppraisalOptions {
  readonly template: AppraisalTemplate;
  readonly period: Period;
  readonly people: readonly Person[];
  readonly scale: Scale;
  readonly locale: Locale;
  readonly settings: Settings;
  /** Scores already known (demo data, tests): one row per person, one entry per indicator column; null = blank. */
  readonly scores?: readonly (readonly (number | null)[])[];
  /** Optional share targets per grade code, e.g. { A: { atMost: 0.2 } }. */
  readonly targets?: Readonly<Record<string, ShareTarget>>;
}

const HEADER_TOP = 4;
const FIRST_ROW = 8;
const FIXED = 4; // 序号, 工号, 姓名, 部门

const T = {
  no: text("序号", "No."),
  id: text("工号", "ID"),
  name: text("姓名", "Name"),
  department: text("部门", "Department"),
  weights: text("权重", "Weights"),
  score: text("加权得分", "Weighted score"),
  grade: text("等级", "Grade"),
  rank: text("排名", "Rank"),
  remarks: text("备注", "Remarks"),
  distribution: text("等级分布", "Grade distribution"),
  label: text("说明", "Meaning"),
  count: text("人数", "People"),
  share: text("占比", "Share"),
  targetMax: text("目标上限", "Target (max)"),
  targetMin: text("目标下限", "Target (min)"),
  total: text("合计", "Total"),
  weightCheck: text("权重合计", "Weights total"),
  five: text("五分制（0–5）", "five-point (0–5)"),
  hundred: text("百分制（0–100）", "hundred-point (0–100)"),
  note: text(
    "填写黄色单元格。空白表示该项不适用：不计入得分，其余权重按比例折算。等级按未四舍五入的得分评定（显示 4.9 而实为 4.96 时仍为 B），等级标准见“考核参数”。",
    "Fill in the yellow cells. A blank score means not assessed: it is left out and the other weights are renormalised. Grades use the unrounded score (a 4.96 shown as 5.0 is still B); bands are on the Settings sheet.",
  ),
};

/**
 * Builds the form. Fails (never throws) when the template is invalid, there is nobody to
 * appraise, or a given score is outside the scale.
 */
export function appraisalPlan(options: AppraisalOptions): Result<SheetPlan<AppraisalMarker>> {
  const { template, period, people, scale, locale, settings } = options;
  const t = (x: Text): string => pick(x, locale);
  const valid = validateTemplate(template);
  if (!valid.ok) return valid;
  if (people.length === 0)
    return fail(
      "na",
      text("没有需要考核的人员：请输入或选择人员名单", "nobody to appraise: type, paste or select the list of people"),
    );

  const scheme: GradeScheme = scale === "five" ? settings.fivePoint : settings.hundredPoint;
  const names =
    scale === "five"
      ? { bounds: SETTING_NAMES.grades5Bounds, codes: SETTING_NAMES.grades5Codes, all: SETTING_NAMES.grades5 }
      : { bounds: SETTING_NAMES.grades100Bounds, codes: SETTING_NAMES.grades100Codes, all: SETTING_NAMES.grades100 };
  const cols = formColumns(template);
  const weights = cols.map((c) => c.weight);

  // The engine's results for the scores we already know (all blank for a fresh form).
  const scoreRows = people.map((_, i) => options.scores?.[i] ?? cols.map(() => null));
  const scaleRange = { min: scheme.min, max: scheme.max };
  const computed: (number | null)[] = [];
  const grades: (string | null)[] = [];
  for (const [i, row] of scoreRows.entries()) {
    if (row.length !== cols.length) {
      return fail(
        "value",
        text(
          `第 ${i + 1} 人的分数有 ${row.length} 项，考核表有 ${cols.length} 个指标`,
          `person ${i + 1} has ${row.length} scores for ${cols.length} indicators`,
        ),
      );
    }
    const r = applyWeights(row, weights, scaleRange);
    if (!r.ok && r.problem.kind !== "na") {
      return fail(
        r.problem.kind,
        text(`${people[i].name}：${r.problem.message.zh}`, `${people[i].name}: ${r.problem.message.en}`),
      );
    }
    const score = r.ok ? r.value.score : null;
    computed.push(score);
    const g = score === null ? null : gradeOf(score, scheme);
    grades.push(g && g.ok ? g.value.code : null);
  }
  const ranks = rankWithTolerance(computed);
  const distribution = gradeDistribution(grades, scheme, options.targets);

  // Columns.
  const firstInd = FIXED + 1;
  const lastInd = FIXED + cols.length;
  const scoreCol = lastInd + 1;
  const gradeCol = scoreCol + 1;
  const rankCol = gradeCol + 1;
  const remarksCol = rankCol + 1;
  const markerCol = remarksCol + 1;
  const distCol = markerCol + 1;
  const lastRow = FIRST_ROW + people.length - 1;
  const L = (c: number): string => columnLetter(c);
  const meta: AppraisalMeta = {
    template: template.id,
    scale,
    period: periodKey(period),
    firstRow: FIRST_ROW,
    lastRow,
    columns: { id: L(2), name: L(3), department: L(4), score: L(scoreCol), grade: L(gradeCol), rank: L(rankCol) },
  };
  const title = `${t(template.title)} — ${t(periodLabel(period))}`;
  const sheetName = `${t(text("考核表", "Appraisal"))} ${periodKey(period)}`;
  const b = new SheetBuilder<AppraisalMarker>(
    sheetName,
    { kind: "appraisal", version: APPRAISAL_MARKER_VERSION, meta },
    a1(1, markerCol),
  );

  // Title block.
  b.set(1, 1, title, STYLES.title);
  b.set(2, 1, t(T.note), STYLES.note);
  b.merge(rangeA1(2, 1, 2, remarksCol));
  b.height(2, 30);
  const info = `${t(text("考核期间", "Period"))}: ${t(periodLabel(period))}    ${t(text("评分制", "Scale"))}: ${t(scale === "five" ? T.five : T.hundred)}    ${t(text("人数", "People"))}: ${people.length}`;
  b.set(3, 1, info, STYLES.subtitle);

  // Header: fixed columns span rows 4–7.
  [T.no, T.id, T.name, T.department].forEach((label, i) => {
    b.set(HEADER_TOP, i + 1, t(label));
    b.merge(rangeA1(HEADER_TOP, i + 1, FIRST_ROW - 1, i + 1));
  });
  [T.score, T.grade, T.rank, T.remarks].forEach((label, i) => {
    b.set(HEADER_TOP, scoreCol + i, t(label));
    b.merge(rangeA1(HEADER_TOP, scoreCol + i, FIRST_ROW - 2, scoreCol + i));
  });
  b.format(rangeA1(HEADER_TOP, 1, FIRST_ROW - 1, remarksCol), STYLES.header);

  // Group names (row 4), group weights (row 5, = sum of its indicator weights), indicator names (row 6), weights (row 7).
  let col = firstInd;
  template.groups.forEach((g, gi) => {
    const span = cols.filter((c) => c.group === gi).length;
    const from = col;
    const to = col + span - 1;
    b.set(HEADER_TOP, from, t(g.name), { ...STYLES.group, wrap: true });
    b.set(
      HEADER_TOP + 1,
      from,
      {
        f: `=SUM(${rangeA1(FIRST_ROW - 1, from, FIRST_ROW - 1, to)})`,
        expect: sum(weights.slice(from - firstInd, to - firstInd + 1)),
      },
      { ...STYLES.group, numberFormat: FORMATS.percent0 },
    );
    if (span > 1) {
      b.merge(rangeA1(HEADER_TOP, from, HEADER_TOP, to));
      b.merge(rangeA1(HEADER_TOP + 1, from, HEADER_TOP + 1, to));
    }
    col = to + 1;
  });
  cols.forEach((c, i) => b.set(HEADER_TOP + 2, firstInd + i, t(c.name)));
  b.format(rangeA1(HEADER_TOP + 2, firstInd, HEADER_TOP + 2, lastInd), { ...STYLES.header, fontSize: 9 });
  b.height(1, 26);
  b.height(HEADER_TOP, 32);
  b.height(HEADER_TOP + 2, 66);
  b.setRow(FIRST_ROW - 1, firstInd, weights, { ...STYLES.input, numberFormat: FORMATS.percent1, horizontal: "center" });
  const weightsRange = rangeA1(FIRST_ROW - 1, firstInd, FIRST_ROW - 1, lastInd, true);
  b.set(
    FIRST_ROW - 1,
    scoreCol,
    { f: `=SUM(${weightsRange})`, expect: sum(weights) },
    { ...STYLES.computed, numberFormat: FORMATS.percent1, bold: true, horizontal: "center" },
  );
  b.set(FIRST_ROW - 1, gradeCol, `← ${t(T.weightCheck)}`, { ...STYLES.note, vertical: "middle" });
  b.merge(rangeA1(FIRST_ROW - 1, gradeCol, FIRST_ROW - 1, remarksCol));
  b.conditional({
    range: a1(FIRST_ROW - 1, scoreCol),
    rule: { type: "expression", formula: `=ABS(${a1(FIRST_ROW - 1, scoreCol)}-1)>0.0005` },
    style: CONDITIONAL.bad,
  });
  b.validate({
    range: rangeA1(FIRST_ROW - 1, firstInd, FIRST_ROW - 1, lastInd),
    rule: { type: "decimal", min: 0, max: 1 },
    allowBlank: false,
    error: {
      title: t(text("权重无效", "Invalid weight")),
      message: t(
        text(
          "权重是 0 到 100% 之间的比例，各项合计应为 100%。",
          "A weight is a share between 0 and 100%; all weights total 100%.",
        ),
      ),
    },
  });

  // People rows.
  b.block(
    FIRST_ROW,
    1,
    people.map((p, i) => [i + 1, p.id ?? null, p.name, p.department ?? null, ...scoreRows[i]]),
  );
  const body = (c1: number, c2: number): string => rangeA1(FIRST_ROW, c1, lastRow, c2);
  b.format(body(1, remarksCol), { border: "thin", vertical: "middle" });
  b.format(body(1, 1), { horizontal: "center" });
  b.format(body(2, 4), { numberFormat: FORMATS.text });
  b.format(body(firstInd, lastInd), {
    ...STYLES.input,
    numberFormat: scale === "five" ? "0.0#" : "0.#",
    horizontal: "center",
  });
  b.format(body(remarksCol, remarksCol), { ...STYLES.input, wrap: true, numberFormat: FORMATS.text });
  b.format(body(scoreCol, rankCol), { ...STYLES.computed, horizontal: "center" });
  b.format(body(scoreCol, scoreCol), { numberFormat: scale === "five" ? FORMATS.score2 : FORMATS.number1, bold: true });
  b.format(body(rankCol, rankCol), { numberFormat: FORMATS.integer });
  b.validate({
    range: body(firstInd, lastInd),
    rule: { type: "decimal", min: scheme.min, max: scheme.max },
    allowBlank: true,
    prompt: {
      title: t(text("评分", "Score")),
      message: t(
        text(
          `${formatNumber(scheme.min)}–${formatNumber(scheme.max)} 分；不适用请留空`,
          `${formatNumber(scheme.min)}–${formatNumber(scheme.max)}; leave blank if not assessed`,
        ),
      ),
    },
    error: {
      title: t(text("分数超出范围", "Score out of range")),
      message: t(
        text(
          `请输入 ${formatNumber(scheme.min)} 到 ${formatNumber(scheme.max)} 之间的分数，不适用请留空。`,
          `Enter a score from ${formatNumber(scheme.min)} to ${formatNumber(scheme.max)}, or leave it blank.`,
        ),
      ),
    },
  });

  // Formulas, filled down: weighted score, grade, rank.
  const scores = rangeA1(FIRST_ROW, firstInd, FIRST_ROW, lastInd);
  const assessedWeight = `SUMPRODUCT(--ISNUMBER(${scores}),${weightsRange})`;
  const sc = a1(FIRST_ROW, scoreCol);
  const scoreColumn = rangeA1(FIRST_ROW, scoreCol, lastRow, scoreCol, true);
  const column = <V>(values: readonly V[], f: (v: V) => Expected): Expected[][] => values.map((v) => [f(v)]);
  b.fill({
    range: body(scoreCol, scoreCol),
    formula: `=IF(${assessedWeight}=0,"",SUMPRODUCT(${scores},${weightsRange})/${assessedWeight})`,
    expect: column(computed, (v) => v ?? ""),
  });
  b.fill({
    range: body(gradeCol, gradeCol),
    // Count the bounds above the score (1e-9 forgives float noise, SPEC 1.1): that many bands are out of reach.
    formula: `=IF(${sc}="","",INDEX(${names.codes},SUMPRODUCT(--(${names.bounds}>${sc}+1E-9))+1))`,
    expect: column(grades, (g) => g ?? ""),
  });
  b.fill({
    range: body(rankCol, rankCol),
    // Ties within 1e-9 share a rank (1, 2, 2, 4); unscored rows get none and take no place.
    formula: `=IF(${sc}="","",SUMPRODUCT(ISNUMBER(${scoreColumn})*(${scoreColumn}>${sc}+1E-9))+1)`,
    expect: column(ranks, (r) => r ?? ""),
  });

  // Conditional formatting per grade: first band green, last red, the rest amber.
  const gradeRange = body(gradeCol, gradeCol);
  scheme.bands.forEach((_, i) => {
    const style: ConditionalStyle =
      i === 0 ? CONDITIONAL.good : i === scheme.bands.length - 1 ? CONDITIONAL.bad : CONDITIONAL.neutral;
    b.conditional({
      range: gradeRange,
      rule: {
        type: "expression",
        formula: `=AND(${a1(FIRST_ROW, gradeCol)}<>"",${a1(FIRST_ROW, gradeCol)}=INDEX(${names.codes},${i + 1}))`,
      },
      style,
    });
  });

  // Grade distribution block, right of the form, level with the weights row so its rows keep
  // the normal height (rows 4–6 are tall header rows).
  const dTop = FIRST_ROW - 1;
  const hasTargets = options.targets !== undefined && Object.keys(options.targets).length > 0;
  const dHeaders = [T.grade, T.label, T.count, T.share, ...(hasTargets ? [T.targetMax, T.targetMin] : [])];
  b.set(dTop - 1, distCol, t(T.distribution), STYLES.section);
  b.setRow(dTop, distCol, dHeaders.map(t), STYLES.header);
  const gradeColumn = rangeA1(FIRST_ROW, gradeCol, lastRow, gradeCol, true);
  const countFirst = dTop + 1;
  const countLast = dTop + scheme.bands.length;
  const totalRow = countLast + 1;
  const countRange = rangeA1(countFirst, distCol + 2, countLast, distCol + 2, true);
  const labelColumn = locale === "zh-CN" ? 3 : 4;
  distribution.grades.forEach((g, i) => {
    const r = countFirst + i;
    b.set(r, distCol, { f: `=INDEX(${names.codes},${i + 1})`, expect: g.code });
    b.set(r, distCol + 1, {
      f: `=INDEX(${names.all},${i + 1},${labelColumn})`,
      expect: locale === "zh-CN" ? g.zh : g.en,
    });
    b.set(r, distCol + 2, { f: `=COUNTIF(${gradeColumn},${a1(r, distCol)})`, expect: g.count });
    b.set(r, distCol + 3, {
      f: `=IF(${a1(totalRow, distCol + 2, true)}=0,"",${a1(r, distCol + 2)}/${a1(totalRow, distCol + 2, true)})`,
      expect: g.share ?? "",
    });
    if (hasTargets) {
      b.set(r, distCol + 4, g.target?.atMost ?? null);
      b.set(r, distCol + 5, g.target?.atLeast ?? null);
    }
  });
  b.set(totalRow, distCol, t(T.total), { bold: true });
  b.set(totalRow, distCol + 2, { f: `=SUM(${countRange})`, expect: distribution.graded }, { bold: true });
  const dLastCol = distCol + dHeaders.length - 1;
  b.format(rangeA1(countFirst, distCol, totalRow, dLastCol), { border: "thin", horizontal: "center" });
  b.format(rangeA1(countFirst, distCol + 3, countLast, distCol + 3), { numberFormat: FORMATS.percent1 });
  if (hasTargets) {
    b.format(rangeA1(countFirst, distCol + 4, countLast, distCol + 5), {
      ...STYLES.input,
      numberFormat: FORMATS.percent0,
    });
    const share = a1(countFirst, distCol + 3);
    const max = a1(countFirst, distCol + 4);
    const min = a1(countFirst, distCol + 5);
    b.conditional({
      range: rangeA1(countFirst, distCol + 3, countLast, distCol + 3),
      rule: {
        type: "expression",
        formula: `=AND(${share}<>"",OR(AND(${max}<>"",${share}>${max}+1E-9),AND(${min}<>"",${share}<${min}-1E-9)))`,
      },
      style: CONDITIONAL.bad,
    });
  }
  b.width(distCol, 8)
    .width(distCol + 1, 18)
    .width(distCol + 2, 8)
    .width(distCol + 3, 9);
  if (hasTargets) b.width(distCol + 4, 10).width(distCol + 5, 10);
  b.chart({
    type: "column",
    title: t(T.distribution),
    series: [
      { name: t(T.count), values: countRange, categories: rangeA1(countFirst, distCol, countLast, distCol, true) },
    ],
    from: a1(totalRow + 2, distCol),
    to: a1(totalRow + 18, distCol + 5),
  });

  // Sheet setup.
  b.width(1, 5).width(2, 10).width(3, 10).width(4, 12);
  for (let c = firstInd; c <= lastInd; c++) b.width(c, cols.length > 10 ? 6.5 : 12);
  b.width(scoreCol, 10).width(gradeCol, 8).width(rankCol, 6).width(remarksCol, 24);
  b.hideColumn(markerCol);
  b.freeze(FIRST_ROW - 1, 3);
  b.tabColor("2E75B6");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${HEADER_TOP}:${FIRST_ROW - 1}`,
    printArea: rangeA1(1, 1, lastRow, remarksCol),
    header: title,
    footer: "&P / &N",
    margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4 },
    centerHorizontally: true,
  });
  return ok(b.build());
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
