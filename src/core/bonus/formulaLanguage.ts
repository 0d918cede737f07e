/**
 * The variables finance may use in their own quarter or year-end bonus formula (RULES.md#finance-formulas,
 * issue 6), by Chinese name or English alias. Each is one cell of the person's row on the
 * bonus sheet (or a 考核参数 setting), so the formula translates to native Excel.
 *
 * | name        | alias           | meaning                                                   |
 * |-------------|-----------------|-----------------------------------------------------------|
 * | 全年绩效     | annual          | 岗位标准绩效 × 考核奖金比例                                  |
 * | 岗位标准绩效 | standardPay     | the person's standard performance pay                     |
 * | 考核奖金比例 | bonusRatio      | the person's bonus ratio                                  |
 * | 系数         | coefficient     | the quarter coefficient of this quarter's grade           |
 * | 等级         | grade           | this quarter's grade (text: compare with == "D" / != "D") |
 * | 季度         | quarter         | the quarter, 1–4                                          |
 * | 黄牌         | yellowCards     | yellow cards this year                                    |
 * | 红牌         | redCards        | red cards this year                                       |
 * | 不合格季度数 | failedQuarters  | failed quarters this year so far                          |
 * | 季度比例     | quarterRate     | SVC_Bonus_QuarterRate (23.5%)                             |
 * | 年终比例     | yearEndRate     | SVC_Bonus_YearEndRate (6%)                                |
 */
import { text } from "../i18n/text";
import type { FormulaLanguage, FormulaVariable } from "../formula/language";

export type BonusVariableId =
  | "annual"
  | "standardPay"
  | "bonusRatio"
  | "coefficient"
  | "grade"
  | "quarter"
  | "yellowCards"
  | "redCards"
  | "failedQuarters"
  | "quarterRate"
  | "yearEndRate";

interface BonusVariable extends FormulaVariable {
  readonly id: BonusVariableId;
}

const v = (
  id: BonusVariableId,
  name: string,
  alias: string,
  zh: string,
  en: string,
  type: "number" | "text" = "number",
): BonusVariable => ({
  id,
  name,
  aliases: [alias],
  type,
  description: text(zh, en),
});

export const BONUS_VARIABLES: readonly BonusVariable[] = [
  v("annual", "全年绩效", "annual", "岗位标准绩效 × 考核奖金比例", "standard pay × bonus ratio"),
  v("standardPay", "岗位标准绩效", "standardPay", "岗位标准绩效", "standard performance pay"),
  v("bonusRatio", "考核奖金比例", "bonusRatio", "考核奖金比例", "bonus ratio"),
  v("coefficient", "系数", "coefficient", "本季度等级的季度系数", "the quarter coefficient of this quarter's grade"),
  v(
    "grade",
    "等级",
    "grade",
    '本季度等级（文本，只能写 等级 == "D" 或 等级 != "D"）',
    'this quarter\'s grade (text: only 等级 == "D" or 等级 != "D")',
    "text",
  ),
  v("quarter", "季度", "quarter", "季度（1–4）", "the quarter (1–4)"),
  v("yellowCards", "黄牌", "yellowCards", "本年黄牌数", "yellow cards this year"),
  v("redCards", "红牌", "redCards", "本年红牌数", "red cards this year"),
  v("failedQuarters", "不合格季度数", "failedQuarters", "本年至今不合格季度数", "failed quarters this year so far"),
  v("quarterRate", "季度比例", "quarterRate", "季度奖金比例（考核参数）", "quarterly bonus rate (Settings)"),
  v("yearEndRate", "年终比例", "yearEndRate", "年终奖金比例（考核参数）", "year-end bonus rate (Settings)"),
];

export const BONUS_FORMULA_LANGUAGE: FormulaLanguage = { variables: BONUS_VARIABLES };
