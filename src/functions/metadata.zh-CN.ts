/**
 * zh-CN descriptions of the SVC functions for functions.zh-CN.json (see localizeMetadata.ts).
 * Function NAMES stay in English so a workbook works in every Excel language; only the
 * descriptions a user reads are translated. A test fails when a function or parameter of
 * functions.ts has no entry here, or an entry has nothing to translate.
 */
import type { MetadataTranslations } from "./localizeMetadata";

export const ZH_CN_METADATA: MetadataTranslations = {
  WEIGHTED: {
    description:
      "加权得分：已评分指标的 Σ权重×分数 ÷ Σ权重。空白分数表示未考核，其余权重自动归一。若分数为“人员×指标”区域、权重为一行，则每人一个结果。",
    parameters: {
      scores: "各指标的分数：一个人的一组分数，或每人一行的区域。空白 = 未考核。",
      weights: "各指标的权重（百分比或分值均可，只看比例），个数与指标相同。",
      scaleMax: "分制的满分（5 或 100）；超出 0–满分 的分数报错。默认 0–100。",
    },
  },
  GRADE: {
    description: "分数的等级：默认按制度五分制 A ≥ 5、B ≥ 4、C ≥ 3、其余为 D，也可用自定义等级表。评级前不做四舍五入。",
    parameters: {
      score: "要评级的分数。",
      bands: "两列：下限、等级，下限严格递减（如 90 优秀 / 80 良好 / 60 合格 / 0 不合格）。默认五分制 A/B/C/D（0–5）。",
    },
  },
  GRADELABEL: {
    description: "百分制分数的评价：优秀 ≥ 90、良好 ≥ 80、合格 ≥ 60，其余为不合格（英文为 Excellent/Good/Pass/Fail）。",
    parameters: {
      score: "百分制分数（0–100）。",
      language: '"zh" 或 "en"。默认跟随 Office 的显示语言。',
    },
  },
  KPISCORE: {
    description:
      "KPI 得分：达到目标（按比较方式）得满分；未达到时，越高越好为 min(实际/目标, 1)×满分，越低越好为 满分×目标/实际，且总低于满分。",
    parameters: {
      actual: "KPI 的实际值（如服务及时率 92%）。",
      target: "目标值（如 90%）。",
      comparison: '目标的比较方式：">="（默认）、">"、"<="、"<"（严格小于：3% 不满足“< 3%”）；TRUE 表示 "<="。',
      fullScore: "达到目标时的得分。默认 5。",
    },
  },
  SLAHOURS: {
    description:
      "工单的服务时限（小时）：车身故障 100 公里内且无需配套厂家 → 24 小时内到达现场；车身超过 100 公里或需配套厂家 → 12 小时内答复；底盘发动机 → 12 小时；其他 → 24 小时。",
    parameters: {
      category: "故障类别：车身、底盘发动机 或 其他。",
      distanceKm: "服务半径（公里），未知则留空。",
      supplierNeeded: "是否需配套厂家处理（是/否、TRUE/FALSE；空白 = 否）。",
    },
  },
  SLADEADLINE: {
    description: "工单的截止时间：报修时间加上该情形的时限，返回 Excel 日期时间。",
    parameters: {
      reportedAt: "报修时间：日期时间，或如 2026-10-05 08:30 的文本。",
      category: "故障类别：车身、底盘发动机 或 其他。",
      distanceKm: "服务半径（公里），未知则留空。",
      supplierNeeded: "是否需配套厂家处理（是/否、TRUE/FALSE；空白 = 否）。",
    },
  },
  SLAMET: {
    description:
      "工单是否在时限内完成：TRUE 为达标（含恰好到时限），FALSE 为超时；尚在进行中或数据不足以判断时返回 #N/A。",
    parameters: {
      reportedAt: "报修时间。",
      category: "故障类别：车身、底盘发动机 或 其他。",
      distanceKm: "服务半径（公里），未知则留空。",
      supplierNeeded: "是否需配套厂家处理（空白 = 否）。",
      repliedAt: "首次答复时间，尚未答复则留空。",
      arrivedAt: "到达现场时间，尚未到达则留空。",
      asOf: "以此时间为准进行判断。默认为当前时间。",
      replyMethod: "答复方式（书面 / 电话）：底盘发动机故障须书面联系，电话答复不算达标。空白表示未记录。",
    },
  },
  QUARTERBONUS: {
    description: "季度绩效：全年绩效 × 比例（23.5%）× 季度等级系数；D 级不发。保留两位小数（四舍五入）。",
    parameters: {
      annualBonus: "全年绩效金额。",
      grade: "季度等级（A、B、C、D；百分制等级按第九条计：优秀/良好 A、一般 B、合格 C、差/不合格 D）。",
      coefficients: "两列：等级、系数（如 A 1.2 / B 1 / C 0.8 / D 0）。默认 A、B、C 为 1，D 为 0。",
      rate: "每季度发放的比例。默认 23.5%。",
    },
  },
  YEARENDBONUS: {
    description:
      "年终绩效：全年绩效 × 6%；有 2 个及以上不合格季度、2 张及以上黄牌或 1 张红牌时取消（为 0）。保留两位小数。",
    parameters: {
      annualBonus: "全年绩效金额。",
      failedQuarters: "不合格季度数，或全年各季度的等级（D 为不合格）。",
      yellowCards: "黄牌数；空白 = 0。",
      redCards: "红牌数；空白 = 0。",
      rate: "年终发放的比例。默认 6%。",
    },
  },
  AUDITSCORE: {
    description:
      "6S 得分（百分比）：适用检查项的 Σ得分 ÷ Σ满分 × 100。空白、N/A、不适用的项不计；合格/不合格按满分/0 分计。",
    parameters: {
      scores: "各检查项的得分。",
      maxScore: "每项满分（如 5），或与得分区域同样大小的各项满分。",
    },
  },
};
