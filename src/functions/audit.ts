import { text } from "../core/i18n/text";
import { sScore, type AuditItem } from "../core/audit6s/scoring";
import { AUDIT_6S_DEFAULT_ITEM_MAX } from "../core/settings";
import { toNumber } from "../core/values/toNumber";
import { asMatrix, colsOf, rowsOf } from "./grid";
import { currentLocale, inputError, problemError, toError, within, type Grid } from "./runtime";

const MAX = text("满分", "maxScore");

/**
 * SVC.AUDITSCORE — RULES.md#6s-scoring: Σ scores ÷ Σ maxima × 100 over the applicable items of a range
 * (blank, N/A, 不适用 are left out; 合格/不合格 count as full/zero). maxScore is one number
 * for every item, or a range of the same shape (one maximum per item); blank = the default
 * 0–5 scale. One result for the whole range.
 */
export function auditScore(scoresArg: unknown, maxArg?: unknown): Grid<number> {
  const locale = currentLocale();
  const S = asMatrix(scoresArg);
  if (S === null || rowsOf(S) === 0 || colsOf(S) === 0)
    return [[toError("na", text("没有检查项", "there are no items"), locale)]];
  const M = asMatrix(maxArg) ?? [[null]];
  const single = rowsOf(M) === 1 && colsOf(M) === 1;
  if (!single && (rowsOf(M) !== rowsOf(S) || colsOf(M) !== colsOf(S))) {
    return [
      [
        toError(
          "value",
          text(
            `满分须为单个数值或与得分区域同样大小：得分为 ${rowsOf(S)}×${colsOf(S)}，满分为 ${rowsOf(M)}×${colsOf(M)}`,
            `maxScore must be one number or match the scores range: scores are ${rowsOf(S)}×${colsOf(S)}, maxScore is ${rowsOf(M)}×${colsOf(M)}`,
          ),
          locale,
        ),
      ],
    ];
  }
  const items: AuditItem[] = [];
  const cols = colsOf(S);
  for (let r = 0; r < S.length; r++) {
    for (let c = 0; c < cols; c++) {
      const v = S[r][c] ?? null;
      const mv = single ? M[0][0] : (M[r][c] ?? null);
      const e = inputError(v, locale) ?? inputError(mv, locale);
      if (e) return [[e]];
      const max = toNumber(mv, MAX);
      if (!max.ok) return [[problemError(within(MAX, max.problem), locale)]];
      const m = max.value ?? AUDIT_6S_DEFAULT_ITEM_MAX;
      if (!(m > 0))
        return [[toError("num", text(`满分必须大于 0（现为 ${m}）`, `maxScore must be above 0 (got ${m})`), locale)]];
      items.push({ value: v, scale: { kind: "points", max: m } });
    }
  }
  const s = sScore(items);
  if (!s.ok) return [[problemError(s.problem, locale)]];
  if (s.value.percent === null)
    return [
      [toError("na", text("没有适用的检查项（全部为空或不适用）", "no applicable item (all blank or N/A)"), locale)],
    ];
  return [[s.value.percent]];
}
