/** The bonus sheet's words: labels, notes, validation messages, the forfeiture text pieces. */
import { text, type Locale, type Text } from "../../core/i18n/text";

/** Every label, heading and note of the sheet. */
export const TEXT = {
  sheet: text("季度奖金", "Bonus"),
  title: text("季度绩效奖金", "Quarterly performance bonus"),
  no: text("序号", "No."),
  id: text("工号", "ID"),
  name: text("姓名", "Name"),
  department: text("部门", "Department"),
  standardPay: text("岗位标准绩效", "Standard pay"),
  ratio: text("考核奖金比例", "Bonus ratio"),
  annual: text("全年绩效", "Annual bonus"),
  yellow: text("黄牌", "Yellow cards"),
  red: text("红牌", "Red cards"),
  failed: text("不合格季度数", "Failed quarters"),
  coefficient: text("本季系数", "Coefficient"),
  quarterExact: text("季度奖金（计算值）", "Quarter bonus (exact)"),
  quarterPaid: text("季度奖金（应发）", "Quarter bonus (paid)"),
  quarterRounded: text("季度奖金（取整）", "Quarter bonus (rounded)"),
  pooled: text("按预算调整（应发）", "Scaled to pool (paid)"),
  eligible: text("年终奖资格", "Year-end bonus"),
  reason: text("取消原因", "Forfeited because"),
  yearEndExact: text("年终奖（计算值）", "Year-end bonus (exact)"),
  yearEndPaid: text("年终奖（应发）", "Year-end bonus (paid)"),
  payable: text("应发合计", "Total paid"),
  remarks: text("备注", "Remarks"),
  paid: text("发放", "paid"),
  forfeited: text("取消", "forfeited"),
  none: text("—", "—"),
  year: text("年度", "Year"),
  quarter: text("季度", "Quarter"),
  people: text("人数", "People"),
  source: text("人员来源", "People from"),
  pool: text("预算总额（季度奖金）", "Budget pool (quarter bonuses)"),
  factor: text("调整系数", "Scale factor"),
  totalRounded: text("合计（各人应发相加）", "Total (sum of rounded amounts)"),
  totalOnce: text("合计（先相加后取整）", "Total (rounded once)"),
  difference: text("取整差额", "Rounding difference"),
  check: text(
    "核对（制度第五条）：每季度合格、系数为 1 时，4 × 季度比例 + 年终比例 = 100% 全年绩效",
    "Check (policy §5): for someone who passed every quarter at coefficient 1, 4 × quarter rate + year-end rate = 100% of the annual bonus",
  ),
  fourQuarters: text("4 × 季度比例", "4 × quarter rate"),
  yearEndRate: text("年终比例", "Year-end rate"),
  sum: text("合计", "Total"),
  verdict: text("结论", "Result"),
  rates: text("比例", "Rates"),
  amounts: text("金额（全年绩效合计）", "Amounts (all annual bonuses)"),
  share: text("占全年绩效", "Share of annual"),
  checkOk: text("✓ 合计为 100%", "✓ totals 100%"),
  checkBad: text("✗ 合计不是 100%，请检查考核参数", "✗ does not total 100%: check the Settings sheet"),
  departments: text("部门合计", "Totals by department"),
  noDepartment: text("（未填部门）", "(no department)"),
  quarterRule: text("季度奖金", "Quarter bonus"),
  yearEndRule: text("年终奖", "Year-end bonus"),
  policyQuarter: text(
    "制度公式：全年绩效 × 季度比例 × 系数（不合格等级为 0）",
    "Policy: annual bonus × quarter rate × coefficient (0 for the failing grade)",
  ),
  policyYearEnd: text(
    "制度公式：全年绩效 × 年终比例；取消条件见“取消原因”",
    "Policy: annual bonus × year-end rate; forfeited as the Forfeited column says",
  ),
  custom: text("自定义公式", "Finance's formula"),
  excelFor: text("第 1 人的单元格公式", "Cell formula of the first person"),
  note: text(
    "黄色单元格可以填写或修改，其余为公式。全年绩效 = 岗位标准绩效 × 考核奖金比例；不合格等级的季度不发季度奖金（不扣工资）；第 4 季度另计年终奖，不合格季度、黄牌或红牌达到考核参数中的次数即取消。金额只在最后按“金额取整单位”四舍五入，取整造成的差额在合计下方列出。",
    "Fill in or correct the yellow cells; the rest are formulas. Annual bonus = standard pay × bonus ratio; a quarter with the failing grade pays no quarter bonus (pay is not docked); Q4 adds the year-end bonus, forfeited when failed quarters, yellow or red cards reach the counts on the Settings sheet. Money is rounded half up to the Settings' step only at the end; the rounding difference is listed under the totals.",
  ),
};

/** The pieces of the 取消原因 text, exactly as its formula builds it. */
export function forfeitPieces(locale: Locale): {
  sep: string;
  failed: (n: string, t: string) => string;
  yellow: (n: string, t: string) => string;
  red: (n: string, t: string) => string;
} {
  return locale === "zh-CN"
    ? {
        sep: "；",
        failed: (n, t) => `不合格季度 ${n} 个（≥${t}）`,
        yellow: (n, t) => `黄牌 ${n} 张（≥${t}）`,
        red: (n, t) => `红牌 ${n} 张（≥${t}）`,
      }
    : {
        sep: "; ",
        failed: (n, t) => `failed quarters: ${n} (≥${t})`,
        yellow: (n, t) => `yellow cards: ${n} (≥${t})`,
        red: (n, t) => `red cards: ${n} (≥${t})`,
      };
}

/** 2026年第4季度 / Q4 2026, after the title. */
export function periodText(year: number, quarter: number): Text {
  return text(`${year}年第${quarter}季度`, `Q${quarter} ${year}`);
}

/** The header of the grade column of quarter `q` (1–4). */
export function gradeHeader(q: number): Text {
  return text(`第${q}季度等级`, `Q${q} grade`);
}

/** Titles and messages of the input cells' validation. */
export const VALIDATION = {
  amountTitle: text("金额无效", "Invalid amount"),
  standardPay: text("岗位标准绩效必须是不小于 0 的金额。", "Standard pay must be an amount of 0 or more."),
  pool: text("预算总额必须是不小于 0 的金额。", "The budget pool must be an amount of 0 or more."),
  ratioTitle: text("比例无效", "Invalid ratio"),
  ratioPrompt: text("例如 30%", "e.g. 30%"),
  ratio: text(
    "考核奖金比例是 0 到 1000% 之间的比例，如 30%。",
    "The bonus ratio is a ratio between 0 and 1000%, e.g. 30%.",
  ),
  gradeTitle: text("等级无效", "Invalid grade"),
  grade: text(
    "请从考核参数的季度系数表中选择等级。",
    "Pick a grade from the quarter coefficient table on the Settings sheet.",
  ),
  countTitle: text("数量无效", "Invalid count"),
  count: text("请输入不小于 0 的整数。", "Enter a whole number, 0 or more."),
};
