import { text } from "../core/i18n/text";
import { fail, ok, type Result } from "../core/problem";
import { kpiScore } from "../core/scoring/kpiScore";
import { parseComparison, type Comparison } from "../core/scoring/comparison";
import { DEFAULT_SETTINGS } from "../core/settings";
import { isBlank } from "../core/values/blank";
import { normalizeText } from "../core/values/text";
import { toNumber } from "../core/values/toNumber";
import { parseYesNo } from "../core/values/yesNo";
import { BLANK, broadcastMap } from "./broadcast";
import { asMatrix } from "./grid";
import { currentLocale, type Grid } from "./runtime";

const ACTUAL = text("实际值", "actual");
const TARGET = text("目标值", "target");
const LOWER = text("比较", "comparison");
const FULL = text("满分", "fullScore");

const LOWER_WORDS = new Set(["lower", "lower is better", "low", "越低越好", "越小越好", "低", "反向"]);
const HIGHER_WORDS = new Set(["higher", "higher is better", "high", "越高越好", "越大越好", "高", "正向"]);

/**
 * The third argument: the target's comparison (≥ > ≤ <, >= <=, as 考核参数 holds it — "< 3%" is
 * strictly below), or as before a direction: yes/no for lower-is-better (blank = no, ≥), the
 * words lower/higher, 越低越好/越高越好 (≤ and ≥).
 */
export function readComparison(v: unknown): Result<Comparison> {
  if (typeof v === "string") {
    const k = normalizeText(v).toLowerCase();
    if (LOWER_WORDS.has(k)) return ok("<=");
    if (HIGHER_WORDS.has(k)) return ok(">=");
    if (/^[<>≤≥=＜＞≦≧]/.test(k)) return parseComparison(v);
  }
  const yn = parseYesNo(v, "no", LOWER);
  return yn.ok ? ok(yn.value === true ? "<=" : ">=") : yn;
}

/**
 * SVC.KPISCORE — RULES.md#kpi-scores with the target's comparison (RULES.md#monthly-kpis): a KPI result against its
 * target as a score out of fullScore (default 5); a missed target scores below full marks.
 */
export function kpiScoreFn(
  actualArg: unknown,
  targetArg: unknown,
  lowerArg?: unknown,
  fullArg?: unknown,
): Grid<number> {
  const locale = currentLocale();
  return broadcastMap(
    [
      { name: ACTUAL, m: asMatrix(actualArg) ?? BLANK },
      { name: TARGET, m: asMatrix(targetArg) ?? BLANK },
      { name: LOWER, m: asMatrix(lowerArg) ?? BLANK },
      { name: FULL, m: asMatrix(fullArg) ?? BLANK },
    ],
    locale,
    (cells) => {
      if (isBlank(cells[0])) return fail("na", text("没有实际值（单元格为空）", "no actual value (the cell is blank)"));
      const actual = toNumber(cells[0], ACTUAL);
      if (!actual.ok) return actual;
      if (isBlank(cells[1])) return fail("value", text("缺少目标值", "the target is blank"));
      const target = toNumber(cells[1], TARGET);
      if (!target.ok) return target;
      const comparison = readComparison(cells[2]);
      if (!comparison.ok) return comparison;
      const full = toNumber(cells[3], FULL);
      if (!full.ok) return full;
      return kpiScore(actual.value as number, target.value as number, {
        comparison: comparison.value,
        fullScore: full.value ?? DEFAULT_SETTINGS.kpi.fullScore,
      });
    },
  );
}
