/** The 6S audit sheet's words: labels, notes, signatures, the rule note, validation messages. */
import { text, type Text } from "../../../core/i18n/text";
import { SCALE_LABELS, type ScaleId } from "../../../core/audit6s/engine";

/** Every label, heading and note of the sheet. */
export const TEXT = {
  sheet: text("6S检查表", "6S audit"),
  title: text("售后服务现场 6S 检查表", "After-sales service 6S audit"),
  cols: [
    text("序号", "No."),
    text("6S", "6S"),
    text("检查项目", "Check item"),
    text("评分", "Score"),
    text("问题描述", "Finding"),
    text("整改措施", "Corrective action"),
    text("责任人", "Owner"),
    text("整改期限", "Due date"),
    text("状态", "Status"),
  ],
  area: text("检查区域", "Area"),
  date: text("检查日期", "Date"),
  inspector: text("检查人", "Inspector"),
  unit: text("被检查单位", "Audited unit"),
  scored: (n: number) => text(`已评分项（共 ${n}）`, `Items scored (of ${n})`),
  needs: text("待整改项", "Need action"),
  sHeader: [
    text("6S", "6S"),
    text("得分率图示", "Chart"),
    text("得分率%", "Score %"),
    text("得分", "Points"),
    text("满分", "Out of"),
    text("权重", "Weight"),
    text("已评项", "Scored"),
    text("关键项0分", "Critical 0s"),
  ],
  total: text("总分(%)", "Total (%)"),
  rating: text("评级", "Rating"),
  ratingNote: text(
    "按“考核参数”的 6S 评级（SVC_6S_Rating）",
    "per the 6S rating on the Settings sheet (SVC_6S_Rating)",
  ),
  weightsNote: (custom: boolean) =>
    custom
      ? text("权重为本次检查自定，可修改黄色单元格", "weights chosen for this audit: edit the yellow cells")
      : text("权重取自“考核参数”（SVC_6S_Weights）", "weights from the Settings sheet (SVC_6S_Weights)"),
  charts: text(
    "（此处为六项得分的雷达图和柱状图：在 Excel 中用加载项生成时显示；导出的 .xlsx 文件不含图表。）",
    "(Radar and bar charts of the six S appear here when the sheet is generated in Excel with the add-in; exported .xlsx files have no charts.)",
  ),
  radar: (area: string) => text(`${area}：6S 雷达图`, `${area}: 6S radar`),
  bars: (area: string) => text(`${area}：6S 得分率`, `${area}: 6S scores`),
  inspectorSign: text("检查人（签字）", "Inspector (signature)"),
  headSign: text("被检查部门负责人（签字）", "Head of audited unit (signature)"),
  signDate: text("日期", "Date"),
  critical: "★ ",
};

/** The note under the title: how items are scored and what needs corrective action. */
export function ruleNote(scale: ScaleId, max: number): Text {
  const mid = scale === "passFail" ? text("不合格", "a fail") : text(`低于 ${max / 2} 分`, `below ${max / 2}`);
  return text(
    `评分：${SCALE_LABELS[scale].zh}；不适用选“不适用”，空白表示未评分，二者都不计入得分和满分。S 得分率 = Σ得分 ÷ Σ满分 × 100；★ 为关键项：关键项得 0 分（不合格）时该 S 计 0 分。总分 = 各 S 得分率的加权平均（无评分的 S 不计入，其余权重按比例折算），评级见“考核参数”。${mid.zh}的项目须填写问题描述、整改措施、责任人、整改期限和状态，未填时标红。`,
    `Scores: ${SCALE_LABELS[scale].en}; choose N/A when an item does not apply. Blank = not scored; neither counts in points or maximum. S score = Σ points ÷ Σ maximum × 100. ★ marks a critical item: scored 0 (fail), it sets its S to 0. Total = weighted mean of the S scores (an S without scores is left out and the weights renormalised); rating per the Settings sheet. Items scored ${mid.en} need a finding, corrective action, owner, due date and status (red until filled).`,
  );
}

/** Titles and messages of the input cells' validation. */
export const VALIDATION = {
  scoreTitle: text("评分", "Score"),
  passFailPrompt: text("选择 合格、不合格 或 不适用", "Choose Pass, Fail or N/A"),
  scorePrompt: (max: number, mid: number) =>
    text(`0–${max} 分（低于 ${mid} 须整改），或“不适用”`, `0–${max} (below ${mid} needs action), or N/A`),
  invalidScore: text("评分无效", "Invalid score"),
  chooseScore: (choices: readonly string[]) =>
    text(`请从列表中选择：${choices.join("、")}`, `Choose from the list: ${choices.join(", ")}`),
  invalidDate: text("日期无效", "Invalid date"),
  enterDate: text("请输入日期，例如 2026-11-30。", "Enter a date, e.g. 2026-11-30."),
  invalidStatus: text("状态无效", "Invalid status"),
  chooseStatus: (words: readonly string[]) => text(`请选择：${words.join("、")}`, `Choose: ${words.join(", ")}`),
  invalidWeight: text("权重无效", "Invalid weight"),
  weight: text("权重不能为负数（只看比例）。", "Weights cannot be negative (only their ratio matters)."),
};

/** The note shown after generation. */
export function generatedNote(areas: number): Text {
  return text(
    `已生成 ${areas} 个区域的 6S 检查表，每个区域打印为一页 A4。`,
    `6S audit sheet for ${areas} area(s), one A4 page per area.`,
  );
}
