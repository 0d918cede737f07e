/** The appraisal form's words: headers, the note, the distribution block, validation messages. */
import { text, type Text } from "../../core/i18n/text";
import { formatNumber } from "../../core/values/describe";

/** Every label, heading and note of the form. */
export const TEXT = {
  no: text("序号", "No."),
  id: text("工号", "ID"),
  name: text("姓名", "Name"),
  department: text("部门", "Department"),
  weights: text("权重", "Weights"),
  score: text("加权得分", "Weighted score"),
  grade: text("等级", "Grade"),
  rank: text("部门排名", "Dept. rank"),
  overallRank: text("总排名", "Overall rank"),
  remarks: text("备注", "Remarks"),
  distribution: text("等级分布", "Grade distribution"),
  label: text("说明", "Meaning"),
  count: text("人数", "People"),
  share: text("占比", "Share"),
  targetMax: text("目标上限", "Target (max)"),
  targetMin: text("目标下限", "Target (min)"),
  departure: text("偏离", "Departure"),
  aboveMax: text("超出上限", "above max"),
  belowMin: text("低于下限", "below min"),
  withinTarget: text("符合", "within"),
  total: text("合计", "Total"),
  weightCheck: text("权重合计", "Weights total"),
  fromRaters: text(
    "本表分数来自“360度评价”表的综合得分（上级、同事、下属、客户按“考核参数”的权重），请在该表评分。",
    "Scores here are the combined scores of the 360° ratings sheet (supervisor, peers, subordinates, customers, weighted as on the Settings sheet): score there.",
  ),
  five: text("五分制（0–5）", "five-point (0–5)"),
  hundred: text("百分制（0–100）", "hundred-point (0–100)"),
  note: text(
    "填写黄色单元格。空白表示该项不适用：不计入得分，其余权重按比例折算。等级按未四舍五入的得分评定（显示 4.9 而实为 4.96 时仍为 B），等级标准见“考核参数”。部门排名在本部门内排（按生成时的部门；新增部门请重新生成），总排名在全表内排；得分相同（精确到小数点后 6 位）排名相同。",
    "Fill in the yellow cells. A blank score means not assessed: it is left out and the other weights are renormalised. Grades use the unrounded score (a 4.96 shown as 5.0 is still B); bands are on the Settings sheet. Dept. rank ranks within the person's department (as generated; regenerate for a new department), overall rank within the form; equal scores (to six decimals) share a rank.",
  ),
};

/** The sheet's name: 考核表 2026-Q3. */
export const SHEET = text("考核表", "Appraisal");

/** Row 3: period, scale and head count. */
export function infoLine(period: Text, scale: Text, people: number): Text {
  return text(
    `考核期间: ${period.zh}    评分制: ${scale.zh}    人数: ${people}`,
    `Period: ${period.en}    Scale: ${scale.en}    People: ${people}`,
  );
}

/** Titles and messages of the weights' and scores' validation. */
export const VALIDATION = {
  invalidWeight: text("权重无效", "Invalid weight"),
  weight: text(
    "权重是 0 到 100% 之间的比例，各项合计应为 100%。",
    "A weight is a share between 0 and 100%; all weights total 100%.",
  ),
  scoreTitle: text("评分", "Score"),
  scorePrompt: (min: number, max: number) =>
    text(
      `${formatNumber(min)}–${formatNumber(max)} 分；不适用请留空`,
      `${formatNumber(min)}–${formatNumber(max)}; leave blank if not assessed`,
    ),
  outOfRange: text("分数超出范围", "Score out of range"),
  scoreRange: (min: number, max: number) =>
    text(
      `请输入 ${formatNumber(min)} 到 ${formatNumber(max)} 之间的分数，不适用请留空。`,
      `Enter a score from ${formatNumber(min)} to ${formatNumber(max)}, or leave it blank.`,
    ),
};

/** Row 3's addition when KPI indicators are looked up (issue 12 point 8). */
export function kpiLine(sheetName: string): Text {
  return text(
    `　KPI 指标（灰色）为公式，取自“${sheetName}”`,
    `   KPI indicators (grey) are formulas from "${sheetName}"`,
  );
}

export function joinText(a: Text, b: Text): Text {
  return text(a.zh + b.zh, a.en + b.en);
}
