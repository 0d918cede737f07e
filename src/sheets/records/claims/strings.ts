/** The secondary-claims sheets' words. */
import { text } from "../../../core/i18n/text";

export const CLAIM_SHEET_NAMES = {
  claims: text("二次索赔登记表", "Secondary claims"),
  suppliers: text("索赔供应商汇总", "Claims by supplier"),
};

export const TEXT = {
  claimsTitle: text("二次索赔登记表", "Secondary-claims register"),
  suppliersTitle: text("二次索赔供应商汇总", "Secondary claims by supplier"),
  claimsNote: text(
    "每行一笔向供应商的二次索赔。未回收 = 索赔金额 − 回款金额 − 拒赔金额；账龄按 C3 的统计日期计算（已提交且未结清的索赔）。",
    "One line per claim against a supplier. Outstanding = claimed − recovered − refused; age counts days to the date in C3 (claims submitted and not settled).",
  ),
  suppliersNote: text(
    "每个供应商的索赔笔数、金额、已回款、拒赔、未回收和回收率（已回款 ÷ 索赔金额），取自二次索赔登记表；可在空白行添加供应商。",
    "Per supplier: claims, amount, recovered, refused, outstanding and recovery rate (recovered ÷ claimed), from the claims register; add suppliers in the blank rows.",
  ),
  asOf: text("统计日期", "As of"),
  total: text("合计", "Total"),
  outstanding: text("未回收", "Outstanding"),
  status: text("状态", "Status"),
  age: text("账龄(天)", "Age (days)"),
  claims: text("索赔笔数", "Claims"),
  amount: text("索赔金额", "Claimed"),
  recovered: text("已回款", "Recovered"),
  refused: text("拒赔", "Refused"),
  rate: text("回收率", "Recovery rate"),
  noRows: text(
    "二次索赔登记表没有行可填写：请提供记录或留出空白行",
    "the claims register has no rows: give claims or leave blank rows",
  ),
};
