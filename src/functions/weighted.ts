import { text } from "../core/i18n/text";
import { fail, ok, type Result } from "../core/problem";
import { applyWeights, checkWeights, defaultScoreScale, type ScoreScale } from "../core/scoring/weightedScore";
import { toNumber } from "../core/values/toNumber";
import { asMatrix, colsOf, flatten, isOmitted, rowsOf, type Matrix } from "./grid";
import { currentLocale, inputError, problemError, toError, within, type Grid } from "./runtime";

const WEIGHTS = text("权重", "weights");
const SCALE_MAX = text("满分", "scaleMax");

/**
 * SVC.WEIGHTED — RULES.md#weighted-score. Either one list of indicators (scores and weights of the same
 * size, any orientation) → one result; or a block of people × indicators with a one-row
 * weights range (as many weights as columns) → one result per row.
 */
export function weighted(scoresArg: unknown, weightsArg: unknown, scaleMaxArg?: unknown): Grid<number> {
  const locale = currentLocale();
  const S = asMatrix(scoresArg);
  const W = asMatrix(weightsArg);
  if (S === null || W === null || rowsOf(S) === 0 || colsOf(S) === 0 || rowsOf(W) === 0 || colsOf(W) === 0) {
    return [
      [toError("value", text("需要分数和权重两个区域", "both a scores range and a weights range are needed"), locale)],
    ];
  }
  const scale = readScale(asMatrix(scaleMaxArg));
  if (!scale.ok) return [[problemError(scale.problem, locale)]];

  const sRows = rowsOf(S);
  const sCols = colsOf(S);
  const wRows = rowsOf(W);
  const wCols = colsOf(W);
  const perRow = sRows > 1 && wRows === 1 && wCols === sCols;
  const sameShape = sRows === wRows && sCols === wCols;
  const bothVectors = (sRows === 1 || sCols === 1) && (wRows === 1 || wCols === 1);
  if (!perRow && !sameShape && !(bothVectors && sRows * sCols === wRows * wCols)) {
    const message =
      sRows > 1 && sCols > 1 && wRows === 1
        ? text(
            `权重与分数个数不一致：每行 ${sCols} 个分数，${wCols} 个权重`,
            `weights and scores differ in size: ${sCols} scores per row, ${wCols} weights`,
          )
        : text(
            `权重与分数个数不一致：${sRows * sCols} 个分数，${wRows * wCols} 个权重`,
            `weights and scores differ in size: ${sRows * sCols} scores, ${wRows * wCols} weights`,
          );
    return [[toError("value", message, locale)]];
  }

  const flatW = flatten(W);
  for (const w of flatW) {
    const e = inputError(w, locale);
    if (e) return perRow ? S.map(() => [e]) : [[e]];
  }
  const checked = checkWeights(flatW);
  if (!checked.ok) {
    const e = problemError(within(WEIGHTS, checked.problem), locale);
    return perRow ? S.map(() => [e]) : [[e]];
  }
  const rowScores = perRow ? S.map((r) => padRow(r, sCols)) : [flatten(S)];
  const out: Grid<number> = new Array(rowScores.length);
  for (let i = 0; i < rowScores.length; i++) {
    const row = rowScores[i];
    let err: CustomFunctions.Error | null = null;
    for (let j = 0; j < row.length && err === null; j++) err = inputError(row[j], locale);
    if (err) {
      out[i] = [err];
      continue;
    }
    const r = applyWeights(row, checked.value, scale.value);
    out[i] = [r.ok ? r.value.score : problemError(r.problem, locale)];
  }
  return out;
}

function padRow(row: readonly unknown[], cols: number): unknown[] {
  const out = new Array<unknown>(cols);
  for (let c = 0; c < cols; c++) out[c] = row[c] === undefined ? null : row[c];
  return out;
}

function readScale(m: Matrix | null): Result<ScoreScale> {
  if (isOmitted(m)) return ok(defaultScoreScale());
  const M = m as Matrix;
  if (rowsOf(M) !== 1 || colsOf(M) !== 1)
    return fail("value", text("满分必须是单个数值", "scaleMax must be a single number"));
  const n = toNumber(M[0][0], SCALE_MAX);
  if (!n.ok) return n;
  const max = n.value as number;
  if (!(max > 0)) return fail("num", text("满分必须大于 0", "scaleMax must be above 0"));
  return ok({ min: 0, max });
}
