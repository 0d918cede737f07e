/**
 * The SVC custom functions. This file is the input of custom-functions-metadata(-plugin):
 * the JSDoc of each function below IS its English metadata (description, parameters,
 * result type), and the plugin appends the `CustomFunctions.associate` calls to this module.
 * The zh-CN descriptions live in metadata.zh-CN.ts (a test keeps the two in step).
 *
 * Every parameter is a matrix so one call handles a whole range; a single value arrives as
 * [[v]]. Results keep the input's shape, with per-cell Excel errors. Result cells that are
 * errors are `CustomFunctions.Error` objects inside the `number[][]`/`string[][]`/`boolean[][]`
 * — the pattern Excel documents for errors in arrays; the declared type tells Excel what the
 * other cells are.
 *
 * Names and argument orders are a contract (finance's workbooks depend on them): add optional
 * arguments only at the end, never rename or reorder.
 */
import { auditScore } from "./audit";
import { quarterBonusFn, yearEndBonusFn } from "./bonus";
import { grade, gradeLabel } from "./grade";
import { kpiScoreFn } from "./kpi";
import { slaDeadlineFn, slaHours, slaMet } from "./sla";
import { weighted } from "./weighted";

/**
 * Weighted score: Σ weight×score ÷ Σ weight over the assessed indicators. Blank scores are not assessed and the other weights are renormalised. A people×indicators block with one row of weights gives one result per person.
 * @customfunction WEIGHTED WEIGHTED
 * @param scores Scores of the indicators: one person's list, or a block with one row per person. Blank = not assessed.
 * @param weights Weights of the indicators (percent or points, only their ratio matters), as many as indicators.
 * @param [scaleMax] Highest score of the scale (5 or 100); scores outside 0–scaleMax are errors. Default: 0–100.
 * @returns {number[][]} The weighted score per person.
 */
export function svcWeighted(scores: unknown[][], weights: unknown[][], scaleMax?: unknown[][]): number[][] {
  return weighted(scores, weights, scaleMax) as number[][];
}

/**
 * Grade of a score: the policy's five-point grades A ≥ 5, B ≥ 4, C ≥ 3, otherwise D, or your own bands. The score is never rounded before grading.
 * @customfunction GRADE GRADE
 * @param score Score(s) to grade.
 * @param [bands] Two columns: lower bound, grade, bounds strictly decreasing (e.g. 90 优秀 / 80 良好 / 60 合格 / 0 不合格). Default: five-point A/B/C/D on 0–5.
 * @returns {string[][]} The grade of each score.
 */
export function svcGrade(score: unknown[][], bands?: unknown[][]): string[][] {
  return grade(score, bands) as string[][];
}

/**
 * Label of a hundred-point score: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, otherwise 不合格 (Excellent/Good/Pass/Fail in English).
 * @customfunction GRADELABEL GRADELABEL
 * @param score Hundred-point score(s), 0–100.
 * @param [language] "zh" or "en". Default: the language of Office.
 * @returns {string[][]} The label of each score.
 */
export function svcGradeLabel(score: unknown[][], language?: unknown[][]): string[][] {
  return gradeLabel(score, language) as string[][];
}

/**
 * Score of a KPI against its target and comparison: meeting it scores fullScore; a miss scores min(actual/target, 1)×fullScore (higher is better) or fullScore×target/actual (lower is better), always below fullScore.
 * @customfunction KPISCORE KPISCORE
 * @param actual The KPI's actual result (e.g. 92% on-time rate).
 * @param target The target (e.g. 90%).
 * @param [comparison] How the target is compared: ">=" (default), ">", "<=", "<" ("<" is strictly below: 3% misses "< 3%"); TRUE means "<=".
 * @param [fullScore] The score for meeting the target. Default 5.
 * @returns {number[][]} The KPI score.
 */
export function svcKpiScore(
  actual: unknown[][],
  target: unknown[][],
  comparison?: unknown[][],
  fullScore?: unknown[][],
): number[][] {
  return kpiScoreFn(actual, target, comparison, fullScore) as number[][];
}

/**
 * Hours allowed for a work order: body fault within 100 km and no supplier → on site in 24 h; body beyond 100 km or supplier needed → reply in 12 h; chassis-engine → 12 h; other → 24 h.
 * @customfunction SLAHOURS SLAHOURS
 * @param category Fault category: 车身 (body), 底盘发动机 (chassis-engine) or 其他 (other).
 * @param distanceKm Service distance in km (blank if unknown).
 * @param supplierNeeded Whether the supplier must handle it (是/否, TRUE/FALSE; blank = no).
 * @returns {number[][]} The limit in hours.
 */
export function svcSlaHours(category: unknown[][], distanceKm: unknown[][], supplierNeeded: unknown[][]): number[][] {
  return slaHours(category, distanceKm, supplierNeeded) as number[][];
}

/**
 * Deadline of a work order: report time plus the hours allowed for its case, as an Excel date-time.
 * @customfunction SLADEADLINE SLADEADLINE
 * @param reportedAt Report time (报修时间): a date-time or text such as 2026-10-05 08:30.
 * @param category Fault category: 车身 (body), 底盘发动机 (chassis-engine) or 其他 (other).
 * @param distanceKm Service distance in km (blank if unknown).
 * @param supplierNeeded Whether the supplier must handle it (是/否, TRUE/FALSE; blank = no).
 * @returns {number[][]} The deadline (format the cell as a date-time).
 */
export function svcSlaDeadline(
  reportedAt: unknown[][],
  category: unknown[][],
  distanceKm: unknown[][],
  supplierNeeded: unknown[][],
): number[][] {
  return slaDeadlineFn(reportedAt, category, distanceKm, supplierNeeded) as number[][];
}

/**
 * Whether a work order met its deadline: TRUE met (the limit itself included), FALSE missed; #N/A when still pending or when the data cannot decide.
 * @customfunction SLAMET SLAMET
 * @volatile
 * @param reportedAt Report time (报修时间).
 * @param category Fault category: 车身, 底盘发动机 or 其他.
 * @param distanceKm Service distance in km (blank if unknown).
 * @param supplierNeeded Whether the supplier must handle it (blank = no).
 * @param repliedAt First reply time (首次答复时间), blank if none yet.
 * @param arrivedAt Arrival on site (到达现场时间), blank if none yet.
 * @param [asOf] Judge as of this time. Default: now.
 * @param [replyMethod] How the reply was made (书面 / 电话): a chassis-engine fault needs written contact, so a phone reply does not count. Blank = not recorded.
 * @returns {boolean[][]} TRUE if met, FALSE if missed.
 */
export function svcSlaMet(
  reportedAt: unknown[][],
  category: unknown[][],
  distanceKm: unknown[][],
  supplierNeeded: unknown[][],
  repliedAt: unknown[][],
  arrivedAt: unknown[][],
  asOf?: unknown[][],
  replyMethod?: unknown[][],
): boolean[][] {
  return slaMet(
    reportedAt,
    category,
    distanceKm,
    supplierNeeded,
    repliedAt,
    arrivedAt,
    asOf,
    replyMethod,
  ) as boolean[][];
}

/**
 * Quarterly bonus: annual performance bonus × rate (23.5%) × the coefficient of the quarter's grade; grade D pays 0. Rounded to 0.01.
 * @customfunction QUARTERBONUS QUARTERBONUS
 * @param annualBonus Annual performance bonus (全年绩效).
 * @param grade The quarter's grade (A, B, C, D; a hundred-point grade counts as its level: 优秀/良好 A, 一般 B, 合格 C, 差/不合格 D).
 * @param [coefficients] Two columns: grade, coefficient (e.g. A 1.2 / B 1 / C 0.8 / D 0). Default: A, B, C 1 and D 0.
 * @param [rate] Share of the annual bonus paid per quarter. Default 23.5%.
 * @returns {number[][]} The quarterly bonus.
 */
export function svcQuarterBonus(
  annualBonus: unknown[][],
  grade: unknown[][],
  coefficients?: unknown[][],
  rate?: unknown[][],
): number[][] {
  return quarterBonusFn(annualBonus, grade, coefficients, rate) as number[][];
}

/**
 * Year-end bonus: annual performance bonus × 6%, or 0 when forfeited (2 or more failed quarters, 2 or more yellow cards, or a red card). Rounded to 0.01.
 * @customfunction YEARENDBONUS YEARENDBONUS
 * @param annualBonus Annual performance bonus (全年绩效).
 * @param failedQuarters Number of failed quarters, or the year's quarter grades (D counts as failed).
 * @param yellowCards Number of yellow cards (黄牌); blank = 0.
 * @param redCards Number of red cards (红牌); blank = 0.
 * @param [rate] Share of the annual bonus paid at year end. Default 6%.
 * @returns {number[][]} The year-end bonus.
 */
export function svcYearEndBonus(
  annualBonus: unknown[][],
  failedQuarters: unknown[][],
  yellowCards: unknown[][],
  redCards: unknown[][],
  rate?: unknown[][],
): number[][] {
  return yearEndBonusFn(annualBonus, failedQuarters, yellowCards, redCards, rate) as number[][];
}

/**
 * 6S score in percent: Σ item scores ÷ Σ item maxima × 100 over the applicable items. Blank, N/A and 不适用 items are left out; 合格/不合格 count as full/zero.
 * @customfunction AUDITSCORE AUDITSCORE
 * @param scores The check items' scores.
 * @param maxScore The most an item can score (e.g. 5), or a range of maxima, one per item.
 * @returns {number[][]} The score in percent (0–100).
 */
export function svcAuditScore(scores: unknown[][], maxScore: unknown[][]): number[][] {
  return auditScore(scores, maxScore) as number[][];
}
