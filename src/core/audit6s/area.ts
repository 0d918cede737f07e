/**
 * One audited area (RULES.md#6s-scoring): its six S scores, the weighted total, the rating and the items
 * that need corrective action — exactly what the 6S检查表 sheet computes with native formulas
 * for that area, so the generator can give every formula cell the engine's value and the
 * summary can recompute an audit from the cells it reads back.
 */
import { text } from "../i18n/text";
import { fail, ok, type Result } from "../problem";
import { isBlank, isNotApplicableMark } from "../values/blank";
import { describeValue, formatNumber } from "../values/describe";
import { DEFAULT_SETTINGS, type GradeScheme } from "../settings";
import { auditTotal, needsCorrectiveAction, rateAudit, sScore, type ItemScale } from "./scoring";
import { scaleMax, S_INDEXES, type SIndex } from "./checklist";

/** The words of the pass/fail dropdown, in both languages (the sheet accepts either). */
export const PASS_WORDS = ["合格", "Pass"] as const;
export const FAIL_WORDS = ["不合格", "Fail"] as const;
/** The N/A choice of the score dropdown. */
export const NA_WORDS = ["不适用", "N/A"] as const;

/**
 * A score cell read the way the sheet's formula reads it, so the engine and the sheet never
 * disagree about what a cell means:
 * - points scale: a number from 0 to the maximum is the score (`ISNUMBER`, bounds inclusive);
 * - pass/fail: 合格/Pass → 1 and 不合格/Fail → 0 (case-insensitive, untrimmed: Excel's `=`);
 * - blank, 不适用 or N/A → `null`: not scored, out of numerator and denominator (RULES.md#6s-scoring);
 * - anything else (a 7 on 0–5, text, a number on a pass/fail sheet) → a problem; the sheet
 *   treats such a cell as not scored, and callers that read sheets report it and use `null`.
 *
 * @example
 * readScoreCell(4, { kind: "points", max: 5 })    // → ok(4)
 * readScoreCell("不适用", { kind: "points", max: 5 }) // → ok(null)
 * readScoreCell("pass", { kind: "passFail" })      // → ok(1)
 * readScoreCell(7, { kind: "points", max: 5 })    // → problem "num"
 */
export function readScoreCell(raw: unknown, scale: ItemScale): Result<number | null> {
  if (isBlank(raw) || isNotApplicableMark(raw)) return ok(null);
  if (scale.kind === "passFail") {
    if (typeof raw === "string") {
      const k = raw.toLowerCase();
      if (PASS_WORDS.some((w) => w.toLowerCase() === k)) return ok(1);
      if (FAIL_WORDS.some((w) => w.toLowerCase() === k)) return ok(0);
    }
    const d = describeValue(raw);
    return fail(
      "value",
      text(
        `合格/不合格项应选 合格、不合格 或 不适用，而不是${d.zh}`,
        `a pass/fail item takes Pass, Fail or N/A, not ${d.en}`,
      ),
    );
  }
  if (typeof raw === "number" && Number.isFinite(raw)) {
    if (raw >= 0 && raw <= scale.max) return ok(raw);
    return fail(
      "num",
      text(
        `评分 ${formatNumber(raw)} 超出 0–${formatNumber(scale.max)}`,
        `the score ${formatNumber(raw)} is outside 0–${formatNumber(scale.max)}`,
      ),
    );
  }
  const d = describeValue(raw);
  return fail(
    "value",
    text(
      `评分应为 0–${formatNumber(scale.max)} 的数字或“不适用”，而不是${d.zh}`,
      `a score is a number from 0 to ${formatNumber(scale.max)} or N/A, not ${d.en}`,
    ),
  );
}

/** An item of an area, its score already read (`null` = not scored / N/A). */
export interface AreaItem {
  readonly s: SIndex;
  readonly critical: boolean;
  readonly score: number | null;
}

/** One S of an area, as the sheet's S table shows it. */
export interface SResult {
  /** Σ scores ÷ Σ maxima × 100 over scored items; 0 when a critical item scored 0; null when none scored. */
  readonly percent: number | null;
  /** Σ scores and Σ maxima of the scored items (0 when none). */
  readonly score: number;
  readonly max: number;
  readonly applicable: number;
  /** Critical items scored 0 (any makes the S 0). */
  readonly criticalZeros: number;
}

export interface AreaResult {
  /** The six S in order 整理 … 安全. */
  readonly s: readonly SResult[];
  /** Weighted mean of the S percents that exist (weights renormalised); null when none does. */
  readonly total: number | null;
  /** The rating code of the total (SVC_6S_Rating), null without a total. */
  readonly rating: string | null;
  /** Items with a score. */
  readonly scored: number;
  /** Per item: scored below the scale's middle, so a finding and corrective action are required. */
  readonly needsAction: readonly boolean[];
}

/**
 * Scores one area's items with the S weights and the rating scheme: each S by `sScore`
 * (critical rule included), the total by `auditTotal`, the rating by `rateAudit`.
 * Weights must be six; invalid weights or an invalid scheme are problems.
 *
 * @example
 * scoreArea([{ s: 0, critical: false, score: 4 }, { s: 5, critical: true, score: 0 }], { kind: "points", max: 5 }, [1, 1, 1, 1, 1, 1])
 *   // → ok({ s: [80%, null, null, null, null, 0%], total: 40, rating: "不合格", … })
 */
export function scoreArea(
  items: readonly AreaItem[],
  scale: ItemScale,
  weights: readonly number[],
  rating: GradeScheme = DEFAULT_SETTINGS.audit6s.rating,
): Result<AreaResult> {
  const max = scaleMax(scale);
  const sResults: SResult[] = [];
  for (const s of S_INDEXES) {
    const mine = items.filter((it) => it.s === s);
    const r = sScore(mine.map((it) => ({ value: it.score, scale, critical: it.critical })));
    if (!r.ok) return r;
    let score = 0;
    let maxSum = 0;
    let criticalZeros = 0;
    for (const it of mine) {
      if (it.score === null) continue;
      score += it.score;
      maxSum += max;
      if (it.critical && it.score === 0) criticalZeros += 1;
    }
    sResults.push({ percent: r.value.percent, score, max: maxSum, applicable: r.value.applicable, criticalZeros });
  }
  const t = auditTotal(
    sResults.map((x) => x.percent),
    weights,
  );
  if (!t.ok && t.problem.kind !== "na") return t;
  const total = t.ok ? t.value : null;
  let code: string | null = null;
  if (total !== null) {
    const band = rateAudit(total, rating);
    if (!band.ok) return band;
    code = band.value.code;
  }
  return ok({
    s: sResults,
    total,
    rating: code,
    scored: items.filter((it) => it.score !== null).length,
    needsAction: items.map((it) => it.score !== null && needsCorrectiveAction({ score: it.score, max })),
  });
}
