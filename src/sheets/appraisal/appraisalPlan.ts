/**
 * The appraisal form (考核表): one row per person, indicator columns grouped under their group,
 * a weights row, score entry validated against the scale, and native formulas for the weighted
 * score (RULES.md#weighted-score: blank = not assessed, weights renormalised), the grade (against the
 * 考核参数 bands, never rounded first), the rank (ties share a rank), and a grade distribution
 * with a chart. Formulas reference the settings names, so editing 考核参数 regrades the form.
 *
 * This file scores the given rows with the engine; the sections write the form: headerRows
 * (title, grouped header, weights row), peopleRows (inputs, formulas, grade colours),
 * distribution, then the page setup here. They share an AppraisalSheet (context.ts).
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
  type FormColumn,
  type Period,
  type Person,
} from "../../core/appraisal";
import { applyWeights, combineRaters, gradeDistribution, type RaterScores, type ShareTarget } from "../../core/scoring";
import { gradeOf } from "../../core/grading";
import { SheetBuilder } from "../common/builder";
import { a1, columnLetter, rangeA1 } from "../common/address";
import type { PlanCell, SheetPlan } from "../plan";
import { kpiFormCell, type KpiValues } from "./kpiSource";
import { FIRST_ROW, HEADER_TOP, formLayout, type AppraisalSheet, type FormLayout } from "./context";
import { writeDistribution } from "./distribution";
import { writeHeader, writeTitle, writeWeightsRow } from "./headerRows";
import { APPRAISAL_MARKER_VERSION, type AppraisalMarker, type AppraisalMeta, type Scale } from "./marker";
import { highlightGrades, writePeople, writePeopleFormulas } from "./peopleRows";
import { MAX_DEPARTMENTS, departmentList, formRanks } from "./rank";
import { writeRanks } from "./rankRows";
import { raterSheetPlan } from "./raterSheet";
import { SHEET } from "./strings";

export interface AppraisalOptions {
  readonly template: AppraisalTemplate;
  readonly period: Period;
  readonly people: readonly Person[];
  readonly scale: Scale;
  readonly locale: Locale;
  readonly settings: Settings;
  /** Scores already known (demo data, tests): one row per person, one entry per indicator column; null = blank. */
  readonly scores?: readonly (readonly (number | null)[])[];
  /**
   * 360° collection (RULES.md#appraisal-templates): the form's scores come from a rater sheet (appraisalPlans writes
   * it beside the form) where 上级, 同事, 下属 and 客户 score each indicator, combined with
   * 考核参数's rater weights. `scores` here are the raters' (demo data, tests): per person, per
   * indicator, per rater; absent = a blank rater sheet. Replaces `scores`.
   */
  readonly raters?: { readonly scores?: readonly (readonly RaterScores[])[] };
  /**
   * Forced distribution: target shares per grade code, e.g. { A: { atMost: 0.2 } }. Default: the
   * settings' targets for the form's scale (考核参数); {} for none.
   */
  readonly targets?: Readonly<Record<string, ShareTarget>>;
  /**
   * A KPI table read from the workbook (kpiSource.ts): the indicators the register measures are
   * then lookup formulas into it instead of cells to type (issue 12 point 8).
   */
  readonly kpiSource?: KpiValues;
}

/**
 * The sheets of one appraisal: the form, and with `raters` the 360° rater sheet first (the form's
 * scores read its combined column). Fails like appraisalPlan.
 */
export function appraisalPlans(options: AppraisalOptions): Result<SheetPlan[]> {
  const form = appraisalPlan(options);
  if (!form.ok || !options.raters) return form.ok ? ok([form.value]) : form;
  const scheme = options.scale === "five" ? options.settings.fivePoint : options.settings.hundredPoint;
  const combined = combinedScores(options, formColumns(options.template), scheme);
  if (!combined.ok) return combined;
  const raters = raterSheetPlan(options, scheme, combined.value);
  return raters.ok ? ok([raters.value, form.value]) : raters;
}

/** The raters' scores combined per person and indicator (RULES.md#appraisal-templates), or the first out of the scale. */
function combinedScores(
  options: AppraisalOptions,
  columns: readonly FormColumn[],
  scheme: GradeScheme,
): Result<(number | null)[][]> {
  const given = options.raters?.scores;
  const rows = options.people.map((_, i) => given?.[i] ?? columns.map(() => ({})));
  return combineRaters(rows, options.settings.raters, { min: scheme.min, max: scheme.max });
}

/**
 * Builds the form. Fails (never throws) when the template is invalid, there is nobody to
 * appraise, or a given score is outside the scale.
 */
export function appraisalPlan(options: AppraisalOptions): Result<SheetPlan<AppraisalMarker>> {
  const valid = validateTemplate(options.template);
  if (!valid.ok) return valid;
  if (options.people.length === 0)
    return fail(
      "na",
      text("没有需要考核的人员：请输入或选择人员名单", "nobody to appraise: type, paste or select the list of people"),
    );
  const scheme: GradeScheme = options.scale === "five" ? options.settings.fivePoint : options.settings.hundredPoint;
  const columns = formColumns(options.template);
  const kpiCells = kpiFormCells(options, columns, scheme);
  const scored = scorePeople(options, columns, scheme, kpiCells);
  if (!scored.ok) return scored;
  const departments = departmentList(options.people.map((p) => p.department));
  if (departments.length > MAX_DEPARTMENTS)
    return fail(
      "value",
      text(
        `人员来自 ${departments.length} 个部门，一张考核表最多 ${MAX_DEPARTMENTS} 个：请按部门分别生成`,
        `the people come from ${departments.length} departments; a form takes at most ${MAX_DEPARTMENTS}: generate one per department`,
      ),
    );
  const sheet = startSheet(options, columns, scheme, scored.value, kpiCells);
  writeTitle(sheet);
  writeHeader(sheet);
  writeWeightsRow(sheet);
  writePeople(sheet);
  writePeopleFormulas(sheet);
  writeRanks(sheet);
  highlightGrades(sheet);
  const distributionArea = writeDistribution(sheet);
  setUpPage(sheet, distributionArea);
  return ok(sheet.b.build());
}

/** The engine's results for the scores already known (all blank for a fresh form). */
function scorePeople(
  options: AppraisalOptions,
  columns: readonly FormColumn[],
  scheme: GradeScheme,
  kpiCells: KpiCells,
): Result<{ scoreRows: (readonly (number | null)[])[]; scores: (number | null)[]; grades: (string | null)[] }> {
  const weights = columns.map((c) => c.weight);
  let given = options.scores;
  if (options.raters) {
    const combined = combinedScores(options, columns, scheme);
    if (!combined.ok) return combined;
    given = combined.value;
  }
  // A looked-up KPI replaces whatever score was given (or rated) for its column.
  const scoreRows = options.people.map((_, i) => {
    const row = given?.[i] ?? columns.map(() => null);
    const looked = kpiCells[i];
    return looked ? row.map((v, j) => (looked[j] ? looked[j].value : v)) : row;
  });
  const scores: (number | null)[] = [];
  const grades: (string | null)[] = [];
  for (const [i, row] of scoreRows.entries()) {
    if (row.length !== columns.length) {
      return fail(
        "value",
        text(
          `第 ${i + 1} 人的分数有 ${row.length} 项，考核表有 ${columns.length} 个指标`,
          `person ${i + 1} has ${row.length} scores for ${columns.length} indicators`,
        ),
      );
    }
    const r = applyWeights(row, weights, { min: scheme.min, max: scheme.max });
    if (!r.ok && r.problem.kind !== "na") {
      const name = options.people[i].name;
      return fail(r.problem.kind, text(`${name}：${r.problem.message.zh}`, `${name}: ${r.problem.message.en}`));
    }
    const score = r.ok ? r.value.score : null;
    scores.push(score);
    const g = score === null ? null : gradeOf(score, scheme);
    grades.push(g && g.ok ? g.value.code : null);
  }
  return ok({ scoreRows, scores, grades });
}

/** Per person, per indicator column: the KPI lookup cell and its value, where the column is a KPI the table has. */
type KpiCells = readonly (readonly ({ readonly cell: PlanCell; readonly value: number | null } | null)[] | null)[];

function kpiFormCells(options: AppraisalOptions, columns: readonly FormColumn[], scheme: GradeScheme): KpiCells {
  const source = options.kpiSource;
  if (!source || !columns.some((c) => c.kpi)) return options.people.map(() => null);
  return options.people.map((p, i) =>
    columns.map((c) =>
      c.kpi
        ? kpiFormCell(source, c.kpi, p.name, `$C${FIRST_ROW + i}`, scheme.max, options.settings.kpi.fullScore)
        : null,
    ),
  );
}

/** Where the people and columns are, for the marker: the bonus sheet reads the form back by it. */
function appraisalMeta(options: AppraisalOptions, layout: FormLayout): AppraisalMeta {
  const letter = (c: number): string => columnLetter(c);
  return {
    template: options.template.id,
    scale: options.scale,
    period: periodKey(options.period),
    firstRow: FIRST_ROW,
    lastRow: layout.lastRow,
    columns: {
      id: letter(2),
      name: letter(3),
      department: letter(4),
      score: letter(layout.score),
      grade: letter(layout.grade),
      rank: letter(layout.overallRank),
      departmentRank: letter(layout.rank),
    },
  };
}

/** The layout, the marker and the builder, and everything the sections share. */
function startSheet(
  options: AppraisalOptions,
  columns: readonly FormColumn[],
  scheme: GradeScheme,
  scored: { scoreRows: (readonly (number | null)[])[]; scores: (number | null)[]; grades: (string | null)[] },
  kpiCells: KpiCells,
): AppraisalSheet {
  const t = (x: Text): string => pick(x, options.locale);
  const layout = formLayout(columns.length, options.people.length);
  const b = new SheetBuilder<AppraisalMarker>(
    `${t(SHEET)} ${periodKey(options.period)}`,
    { kind: "appraisal", version: APPRAISAL_MARKER_VERSION, meta: appraisalMeta(options, layout) },
    a1(1, layout.marker),
  );
  const five = options.scale === "five";
  return {
    b,
    t,
    locale: options.locale,
    options,
    scheme,
    names: five
      ? { bounds: SETTING_NAMES.grades5Bounds, codes: SETTING_NAMES.grades5Codes, all: SETTING_NAMES.grades5 }
      : { bounds: SETTING_NAMES.grades100Bounds, codes: SETTING_NAMES.grades100Codes, all: SETTING_NAMES.grades100 },
    columns,
    weights: columns.map((c) => c.weight),
    layout,
    title: `${t(options.template.title)} — ${t(periodLabel(options.period))}`,
    ...scored,
    scoreCells: scored.scoreRows.map((row, i) => row.map((v, j) => kpiCells[i]?.[j]?.cell ?? v)),
    ...((): { ranks: (number | null)[]; overallRanks: (number | null)[] } => {
      const r = formRanks(
        scored.scores,
        options.people.map((p) => p.department),
      );
      return { ranks: r.department, overallRanks: r.overall };
    })(),
    distribution: gradeDistribution(scored.grades, scheme, formTargets(options)),
  };
}

/** The form's share targets: as given, else 考核参数's for its scale. */
export function formTargets(options: AppraisalOptions): Readonly<Record<string, ShareTarget>> {
  return (
    options.targets ??
    (options.scale === "five" ? options.settings.distribution.fivePoint : options.settings.distribution.hundredPoint)
  );
}

/**
 * Widths (narrow indicator columns when there are many), panes frozen at the weights row and names,
 * A4 landscape: the form, then the grade distribution and its chart on a page of their own.
 */
function setUpPage(sheet: AppraisalSheet, distributionArea: string): void {
  const { b, layout } = sheet;
  b.width(1, 5).width(2, 10).width(3, 10).width(4, 12);
  for (let c = layout.firstIndicator; c <= layout.lastIndicator; c++) b.width(c, sheet.columns.length > 10 ? 6.5 : 12);
  b.width(layout.score, 10).width(layout.grade, 8).width(layout.rank, 7).width(layout.overallRank, 7);
  b.width(layout.remarks, 24);
  b.hideColumn(layout.marker);
  b.freeze(FIRST_ROW - 1, 3);
  b.tabColor("2E75B6");
  b.print({
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows: `${HEADER_TOP}:${FIRST_ROW - 1}`,
    printArea: [rangeA1(1, 1, layout.lastRow, layout.remarks), distributionArea],
    header: sheet.title,
    footer: "&P / &N",
    margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4 },
    centerHorizontally: true,
  });
}
