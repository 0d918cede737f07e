import { fail, ok, type Result } from "../problem";
import { text } from "../i18n/text";
import { isBlank, isNotApplicableMark } from "../values/blank";
import { describeValue, formatNumber } from "../values/describe";
import { normalizeText } from "../values/text";
import { toNumber } from "../values/toNumber";
import { atLeast, atMost, BOUND_TOLERANCE } from "../grading/tolerance";
import { gradeOf } from "../grading/gradeOf";
import { weightedScore } from "../scoring/weightedScore";
import { AUDIT_6S_DEFAULT_ITEM_MAX, DEFAULT_SETTINGS, type GradeBand, type GradeScheme } from "../settings";

/** How a check item is scored (RULES.md#6s-scoring): points from 0 to `max`, or pass/fail. */
export type ItemScale = { readonly kind: "points"; readonly max: number } | { readonly kind: "passFail" };

/** The (default) 0–5 scale (settings: AUDIT_6S_DEFAULT_ITEM_MAX). */
export const DEFAULT_ITEM_SCALE: ItemScale = { kind: "points", max: AUDIT_6S_DEFAULT_ITEM_MAX };
/** Pass/fail counts as full/zero of one point. */
export const PASS_FAIL_SCALE: ItemScale = { kind: "passFail" };

/** An applicable item's score and the most it could have scored. */
export interface ItemScore {
  readonly score: number;
  readonly max: number;
}

const PASS = new Set(["合格", "通过", "达标", "pass", "passed", "ok", "符合"]);
const FAIL = new Set(["不合格", "不通过", "未达标", "fail", "failed", "ng", "不符合"]);
const YES = new Set(["是", "y", "yes", "true", "✓", "✔", "√", "对"]);
const NO = new Set(["否", "n", "no", "false", "✗", "✘", "×", "错"]);

function itemMax(scale: ItemScale): number {
  return scale.kind === "passFail" ? 1 : scale.max;
}

/**
 * Reads one check item's cell (RULES.md#6s-scoring): blank, "N/A" or "不适用" → `null` (not applicable:
 * out of numerator and denominator); 合格/不合格 (pass/fail, OK/NG) → full/zero on any scale;
 * on a points scale a number from 0 to max (half points allowed); on a pass/fail scale also
 * 是/否, ✓/✗, TRUE/FALSE, 1/0. A number outside the scale is a problem of kind "num", any
 * other value of kind "value".
 *
 * @example
 * parseAuditItem(4, DEFAULT_ITEM_SCALE)        // → ok({ score: 4, max: 5 })
 * parseAuditItem("不适用", DEFAULT_ITEM_SCALE) // → ok(null)
 * parseAuditItem("合格", PASS_FAIL_SCALE)      // → ok({ score: 1, max: 1 })
 * parseAuditItem(6, DEFAULT_ITEM_SCALE)        // → problem "num": item score 6 is above the maximum 5
 */
export function parseAuditItem(value: unknown, scale: ItemScale = DEFAULT_ITEM_SCALE): Result<ItemScore | null> {
  const max = itemMax(scale);
  if (!Number.isFinite(max) || !(max > 0)) {
    return fail(
      "num",
      text(
        `检查项满分必须大于 0（现为 ${formatNumber(max)}）`,
        `an item's maximum must be above 0 (got ${formatNumber(max)})`,
      ),
    );
  }
  if (isBlank(value) || isNotApplicableMark(value)) return ok(null);
  if (typeof value === "string") {
    const k = normalizeText(value).toLowerCase();
    if (PASS.has(k) || (scale.kind === "passFail" && YES.has(k))) return ok({ score: max, max });
    if (FAIL.has(k) || (scale.kind === "passFail" && NO.has(k))) return ok({ score: 0, max });
  }
  if (scale.kind === "passFail") {
    if (value === true || value === 1 || value === "1") return ok({ score: 1, max: 1 });
    if (value === false || value === 0 || value === "0") return ok({ score: 0, max: 1 });
    const d = describeValue(value);
    return fail(
      "value",
      text(
        `合格/不合格项应填 合格 或 不合格，而不是${d.zh}`,
        `a pass/fail item must be 合格/pass or 不合格/fail, not ${d.en}`,
      ),
    );
  }
  const n = toNumber(value, text("检查项得分", "the item score"));
  if (!n.ok) return n;
  const s = n.value as number;
  if (!atLeast(s, 0))
    return fail("num", text(`检查项得分 ${formatNumber(s)} 为负数`, `item score ${formatNumber(s)} is negative`));
  if (!atMost(s, max)) {
    return fail(
      "num",
      text(
        `检查项得分 ${formatNumber(s)} 高于满分 ${formatNumber(max)}`,
        `item score ${formatNumber(s)} is above the maximum ${formatNumber(max)}`,
      ),
    );
  }
  return ok({ score: Math.min(Math.max(s, 0), max), max });
}

/** One item of an S as it arrives from a checklist. */
export interface AuditItem {
  /** The cell as entered: a number, 合格/不合格, N/A, blank… */
  readonly value: unknown;
  readonly scale?: ItemScale;
  /** A critical item (一票否决) — see {@link sScore}. Default false. */
  readonly critical?: boolean;
}

export interface SScore {
  /** Σ scores ÷ Σ maxima × 100 over applicable items; `null` when no item applies. */
  readonly percent: number | null;
  readonly applicable: number;
  /** True when a critical item scored 0 and so the S scored 0. */
  readonly criticalFailed: boolean;
}

/**
 * RULES.md#6s-scoring: an S score in percent = Σ item scores ÷ Σ item maxima × 100 over the applicable
 * items (N/A items are out of both sums). No applicable item → `percent: null` (the S is
 * left out of the audit total, never counted as 0).
 *
 * Critical items (not in the policy text; off unless a checklist marks an item critical):
 * a critical item scored 0 sets the whole S to 0. Reason: some 6S checks are veto items
 * (一票否决) — a blocked fire exit or an uninspected lift under 安全 is not offset by tidy
 * workbenches, and an average would hide exactly the finding that matters most. The items
 * are still listed individually, so the sheet shows why the S is 0.
 *
 * @example
 * sScore([{ value: 5 }, { value: 3 }, { value: "N/A" }]) // → ok({ percent: 80, applicable: 2, criticalFailed: false })
 * sScore([{ value: 5 }, { value: 0, critical: true }])   // → ok({ percent: 0, applicable: 2, criticalFailed: true })
 */
export function sScore(items: readonly AuditItem[]): Result<SScore> {
  let sum = 0;
  let maxSum = 0;
  let applicable = 0;
  let criticalFailed = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const r = parseAuditItem(item.value, item.scale ?? DEFAULT_ITEM_SCALE);
    if (!r.ok) {
      return fail(
        r.problem.kind,
        text(`第 ${i + 1} 项：${r.problem.message.zh}`, `item ${i + 1}: ${r.problem.message.en}`),
      );
    }
    if (r.value === null) continue;
    applicable++;
    sum += r.value.score;
    maxSum += r.value.max;
    if (item.critical === true && r.value.score === 0) criticalFailed = true;
  }
  if (applicable === 0) return ok({ percent: null, applicable, criticalFailed });
  // Scores and maxima near 1.8e308 overflow the sums: Excel's SUM gives #NUM! there, and so do we
  // (Infinity ÷ Infinity would otherwise reach the cell as NaN).
  if (!Number.isFinite(sum) || !Number.isFinite(maxSum))
    return fail(
      "num",
      text("检查项得分或满分之和超出了数值范围", "the sum of the item scores or maxima is beyond the range of numbers"),
    );
  return ok({ percent: criticalFailed ? 0 : (sum / maxSum) * 100, applicable, criticalFailed });
}

/**
 * RULES.md#6s-scoring: the audit total in percent = weighted mean of the S scores with the settings'
 * S weights (default equal, order 整理 整顿 清扫 清洁 素养 安全). An S with no applicable item
 * (`null`) is left out and the weights renormalised; all left out → problem "na".
 * The weight list must have one weight per S score given.
 *
 * @example
 * auditTotal([80, 90, null, 100, 70, 60]) // → ok(80)
 */
export function auditTotal(
  sPercents: readonly (number | null)[],
  weights: readonly number[] = DEFAULT_SETTINGS.audit6s.sWeights,
): Result<number> {
  const r = weightedScore(sPercents, weights, { min: 0, max: 100 });
  if (!r.ok) return r;
  return ok(r.value.score);
}

/**
 * RULES.md#6s-scoring: the audit's rating (default 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below).
 *
 * @example
 * rateAudit(85) // → ok(band 良好)
 */
export function rateAudit(
  totalPercent: number,
  scheme: GradeScheme = DEFAULT_SETTINGS.audit6s.rating,
): Result<GradeBand> {
  return gradeOf(totalPercent, scheme);
}

/**
 * RULES.md#6s-scoring: an item scored below the scale's middle (below 2.5 on 0–5, below 2 on 0–4, below
 * 5 on 0–10; a fail on pass/fail) needs a finding, a corrective action, an owner and a due
 * date. A score exactly at the middle does not.
 *
 * @example
 * needsCorrectiveAction({ score: 2, max: 5 })   // → true
 * needsCorrectiveAction({ score: 2.5, max: 5 }) // → false
 */
export function needsCorrectiveAction(item: ItemScore): boolean {
  return item.score < item.max / 2 - BOUND_TOLERANCE;
}
