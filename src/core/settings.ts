/**
 * The department's scheme: every number docs/RULES.md marks **default** lives here, never as a
 * constant buried in a generator or a function. The workbook copy of these settings is the
 * visible sheet 考核参数 (Settings), each value a workbook name listed in SETTING_NAMES, so
 * generated formulas reference the names and a department edits its rules in one place.
 */

export interface GradeBand {
  /** Inclusive lower bound on the scheme's scale. */
  readonly lower: number;
  /** What cells show and formulas return: "A", "优秀", "S"… */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** Bands ordered by strictly decreasing `lower` (validated by core/grading). */
export interface GradeScheme {
  readonly bands: readonly GradeBand[];
  /** Smallest and largest score the scale allows; scores outside are an error. */
  readonly min: number;
  readonly max: number;
}

export type GradeCode = string;

export interface SlaSettings {
  /** 车身 fault, within the radius, no supplier needed: technician on site within (h). */
  readonly bodyOnSiteHours: number;
  /** 车身 fault beyond the radius or needing the supplier: reply within (h). */
  readonly bodyReplyHours: number;
  /** 底盘发动机 fault: written contact within (h). */
  readonly chassisReplyHours: number;
  /** 其他: reply within (h). */
  readonly otherReplyHours: number;
  /** The service radius (km); exactly the radius counts as within. */
  readonly radiusKm: number;
  /**
   * 3.2.3: a 底盘发动机 fault needs contact 以文字形式 (in writing) within the limit, so a reply
   * recorded as by phone does not meet it. false relaxes the rule (any reply counts).
   */
  readonly chassisWrittenOnly: boolean;
}

/**
 * The KPIs a composite can score (RULES.md#monthly-kpis), in the KPI sheet's order: the policy's four
 * (三、售后服务考核指标: 维修响应时间, 维修及时率, 维修质量评分, 客户满意度), then the 3.2.1 targets
 * (服务及时率, 客户满意率, 一次修复率, 用户抱怨率), which are shown and may be given a weight.
 */
export type KpiKey =
  | "responseTime"
  | "completionOnTime"
  | "quality"
  | "satisfaction"
  | "onTime"
  | "csat"
  | "firstTimeFix"
  | "complaintRate";

export const KPI_KEYS: readonly KpiKey[] = [
  "responseTime",
  "completionOnTime",
  "quality",
  "satisfaction",
  "onTime",
  "csat",
  "firstTimeFix",
  "complaintRate",
];

/** What a KPI's target is measured in: hours, a fraction 0–1, or a mean 1–10 rating. */
export type KpiUnit = "hours" | "rate" | "rating";

export const KPI_UNIT: Readonly<Record<KpiKey, KpiUnit>> = {
  responseTime: "hours",
  completionOnTime: "rate",
  quality: "rating",
  satisfaction: "rating",
  onTime: "rate",
  csat: "rate",
  firstTimeFix: "rate",
  complaintRate: "rate",
};

/** ≥ > ≤ < (core/scoring/comparison.ts). */
export type TargetComparison = ">=" | ">" | "<=" | "<";

export interface KpiSettings {
  /**
   * Targets: hours, fractions, or mean ratings (KPI_UNIT). `null` only for the two ratings:
   * no target, scored as mean ÷ 10 × fullScore (RULES.md#monthly-kpis).
   */
  readonly targets: Readonly<Record<KpiKey, number | null>>;
  /** How each target is compared, as the policy wrote it (用户抱怨率 < 3%: strictly below). */
  readonly comparisons: Readonly<Record<KpiKey, TargetComparison>>;
  /** Composite weights; only their ratio matters. */
  readonly weights: Readonly<Record<KpiKey, number>>;
  /** 维修及时率: an order is completed in time within this many hours after 派工时间. */
  readonly completionLimitHours: number;
  /** A satisfaction rating at or above this (1–10) counts as satisfied for CSAT. */
  readonly csatThreshold: number;
  /** Full score of the composite (five-point scale). */
  readonly fullScore: number;
}

/** A hundred-point (or department) grade word and the policy's level it counts as (第九条). */
export interface GradeLevel {
  readonly word: string;
  /** A code of the five-point scheme (A–D). */
  readonly level: string;
}

/** A target share of people per grade code (RULES.md#ranking-and-distribution forced distribution), e.g. A at most 20%. */
export interface GradeShareTarget {
  readonly atMost?: number;
  readonly atLeast?: number;
}

export interface DistributionSettings {
  /** Per five-point grade code; a grade without an entry has no target. */
  readonly fivePoint: Readonly<Record<string, GradeShareTarget>>;
  /** Per hundred-point grade code. */
  readonly hundredPoint: Readonly<Record<string, GradeShareTarget>>;
}

export interface BonusSettings {
  readonly quarterRate: number;
  readonly yearEndRate: number;
  /** Quarter coefficient per grade code of the five-point scheme. */
  readonly coefficients: Readonly<Record<string, number>>;
  /** The grade that counts as a failed quarter. */
  readonly failedGrade: string;
  /**
   * 第九条 pairs the hundred-point words with the four levels: 优秀/良好 → A, 一般 → B, 合格 → C,
   * 差/不合格 → D. A grade read from a hundred-point form counts as its level (a 不合格 quarter
   * is a failed quarter).
   */
  readonly levels: readonly GradeLevel[];
  readonly forfeitFailedQuarters: number;
  readonly forfeitYellowCards: number;
  readonly forfeitRedCards: number;
  /** Money is rounded to this step at the end (0.01 yuan). */
  readonly roundTo: number;
}

export interface RaterWeights {
  readonly supervisor: number;
  readonly peers: number;
  readonly subordinates: number;
  readonly customers: number;
}

/**
 * 三包 terms (RULES.md#warranty-parts, **default** 24 months / 100,000 km: the policy says 三包
 * without the terms): a fault within both, counted from the sale date, is covered.
 */
export interface WarrantySettings {
  readonly months: number;
  readonly km: number;
}

export interface Audit6sSettings {
  /** Rating of an audit total in percent. */
  readonly rating: GradeScheme;
  /** Weights of the six S in the order 整理, 整顿, 清扫, 清洁, 素养, 安全. */
  readonly sWeights: readonly [number, number, number, number, number, number];
}

export interface Settings {
  readonly fivePoint: GradeScheme;
  readonly hundredPoint: GradeScheme;
  readonly raters: RaterWeights;
  /** Target shares per grade for the appraisal forms' distribution (default: none). */
  readonly distribution: DistributionSettings;
  readonly sla: SlaSettings;
  readonly kpi: KpiSettings;
  readonly bonus: BonusSettings;
  readonly audit6s: Audit6sSettings;
  readonly warranty: WarrantySettings;
}

/** RULES.md#grade-bands: A ≥ 5, B ≥ 4, C ≥ 3, otherwise D, on 0–5. */
export const FIVE_POINT: GradeScheme = {
  min: 0,
  max: 5,
  bands: [
    { lower: 5, code: "A", zh: "优秀/良好", en: "Exceeds / meets standard" },
    { lower: 4, code: "B", zh: "一般", en: "Largely meets" },
    { lower: 3, code: "C", zh: "合格", en: "Near standard" },
    { lower: 0, code: "D", zh: "差、需改进", en: "Far below, must improve" },
  ],
};

/** RULES.md#grade-bands (default): 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below, on 0–100. */
export const HUNDRED_POINT: GradeScheme = {
  min: 0,
  max: 100,
  bands: [
    { lower: 90, code: "优秀", zh: "优秀", en: "Excellent" },
    { lower: 80, code: "良好", zh: "良好", en: "Good" },
    { lower: 60, code: "合格", zh: "合格", en: "Pass" },
    { lower: 0, code: "不合格", zh: "不合格", en: "Fail" },
  ],
};

export const DEFAULT_SETTINGS: Settings = {
  fivePoint: FIVE_POINT,
  hundredPoint: HUNDRED_POINT,
  raters: { supervisor: 0.5, peers: 0.2, subordinates: 0.1, customers: 0.2 },
  distribution: { fivePoint: {}, hundredPoint: {} },
  sla: {
    bodyOnSiteHours: 24,
    bodyReplyHours: 12,
    chassisReplyHours: 12,
    otherReplyHours: 24,
    radiusKm: 100,
    chassisWrittenOnly: true,
  },
  kpi: {
    // The policy's four (default equal weights, RULES.md#monthly-kpis); the 3.2.1 targets shown with weight 0.
    // 24 h response and a 48 h completion limit are (default)s: the policy names no number.
    targets: {
      responseTime: 24,
      completionOnTime: 0.9,
      quality: null,
      satisfaction: null,
      onTime: 0.9,
      csat: 0.85,
      firstTimeFix: 0.85,
      complaintRate: 0.03,
    },
    comparisons: {
      responseTime: "<=",
      completionOnTime: ">=",
      quality: ">=",
      satisfaction: ">=",
      onTime: ">=",
      csat: ">=",
      firstTimeFix: ">=",
      complaintRate: "<",
    },
    weights: {
      responseTime: 0.25,
      completionOnTime: 0.25,
      quality: 0.25,
      satisfaction: 0.25,
      onTime: 0,
      csat: 0,
      firstTimeFix: 0,
      complaintRate: 0,
    },
    completionLimitHours: 48,
    csatThreshold: 8,
    fullScore: 5,
  },
  bonus: {
    quarterRate: 0.235,
    yearEndRate: 0.06,
    coefficients: { A: 1, B: 1, C: 1, D: 0 },
    failedGrade: "D",
    levels: [
      { word: "优秀", level: "A" },
      { word: "良好", level: "A" },
      { word: "一般", level: "B" },
      { word: "合格", level: "C" },
      { word: "差", level: "D" },
      { word: "不合格", level: "D" },
    ],
    forfeitFailedQuarters: 2,
    forfeitYellowCards: 2,
    forfeitRedCards: 1,
    roundTo: 0.01,
  },
  audit6s: { rating: HUNDRED_POINT, sWeights: [1, 1, 1, 1, 1, 1] },
  warranty: { months: 24, km: 100_000 },
};

/**
 * Workbook names of the settings (ASCII: they must mean the same in Excel, WPS and LibreOffice
 * whatever the UI language). Grade tables are two columns: lower bound, code — ordered as in
 * the scheme (strictly decreasing bounds).
 */
export const SETTING_NAMES = {
  grades5: "SVC_Grades5",
  grades5Bounds: "SVC_Grades5_Bounds",
  grades5Codes: "SVC_Grades5_Codes",
  grades5ShareMax: "SVC_Grades5_ShareMax",
  grades5ShareMin: "SVC_Grades5_ShareMin",
  grades100: "SVC_Grades100",
  grades100Bounds: "SVC_Grades100_Bounds",
  grades100Codes: "SVC_Grades100_Codes",
  grades100ShareMax: "SVC_Grades100_ShareMax",
  grades100ShareMin: "SVC_Grades100_ShareMin",
  gradeLevels: "SVC_Grade_Levels",
  raterSupervisor: "SVC_Rater_Supervisor",
  raterPeers: "SVC_Rater_Peers",
  raterSubordinates: "SVC_Rater_Subordinates",
  raterCustomers: "SVC_Rater_Customers",
  slaBodyOnSiteHours: "SVC_SLA_BodyOnSiteHours",
  slaBodyReplyHours: "SVC_SLA_BodyReplyHours",
  slaChassisReplyHours: "SVC_SLA_ChassisReplyHours",
  slaOtherReplyHours: "SVC_SLA_OtherReplyHours",
  slaRadiusKm: "SVC_SLA_RadiusKm",
  slaChassisWrittenOnly: "SVC_SLA_ChassisWrittenOnly",
  kpiTargetResponseTime: "SVC_KPI_Target_ResponseHours",
  kpiTargetCompletionOnTime: "SVC_KPI_Target_CompletionOnTime",
  kpiTargetQuality: "SVC_KPI_Target_Quality",
  kpiTargetSatisfaction: "SVC_KPI_Target_Satisfaction",
  kpiTargetOnTime: "SVC_KPI_Target_OnTime",
  kpiTargetCsat: "SVC_KPI_Target_CSAT",
  kpiTargetFirstTimeFix: "SVC_KPI_Target_FirstTimeFix",
  kpiTargetComplaintRate: "SVC_KPI_Target_ComplaintRate",
  kpiCompareResponseTime: "SVC_KPI_Compare_ResponseHours",
  kpiCompareCompletionOnTime: "SVC_KPI_Compare_CompletionOnTime",
  kpiCompareQuality: "SVC_KPI_Compare_Quality",
  kpiCompareSatisfaction: "SVC_KPI_Compare_Satisfaction",
  kpiCompareOnTime: "SVC_KPI_Compare_OnTime",
  kpiCompareCsat: "SVC_KPI_Compare_CSAT",
  kpiCompareFirstTimeFix: "SVC_KPI_Compare_FirstTimeFix",
  kpiCompareComplaintRate: "SVC_KPI_Compare_ComplaintRate",
  kpiWeightResponseTime: "SVC_KPI_Weight_ResponseHours",
  kpiWeightCompletionOnTime: "SVC_KPI_Weight_CompletionOnTime",
  kpiWeightQuality: "SVC_KPI_Weight_Quality",
  kpiWeightSatisfaction: "SVC_KPI_Weight_Satisfaction",
  kpiWeightOnTime: "SVC_KPI_Weight_OnTime",
  kpiWeightCsat: "SVC_KPI_Weight_CSAT",
  kpiWeightFirstTimeFix: "SVC_KPI_Weight_FirstTimeFix",
  kpiWeightComplaintRate: "SVC_KPI_Weight_ComplaintRate",
  kpiCompletionLimitHours: "SVC_KPI_CompletionLimitHours",
  kpiCsatThreshold: "SVC_KPI_CSATThreshold",
  kpiFullScore: "SVC_KPI_FullScore",
  bonusQuarterRate: "SVC_Bonus_QuarterRate",
  bonusYearEndRate: "SVC_Bonus_YearEndRate",
  bonusCoefficients: "SVC_Bonus_Coefficients",
  bonusCoefficientGrades: "SVC_Bonus_Coefficient_Grades",
  bonusCoefficientValues: "SVC_Bonus_Coefficient_Values",
  bonusFailedGrade: "SVC_Bonus_FailedGrade",
  bonusForfeitFailedQuarters: "SVC_Bonus_Forfeit_FailedQuarters",
  bonusForfeitYellowCards: "SVC_Bonus_Forfeit_YellowCards",
  bonusForfeitRedCards: "SVC_Bonus_Forfeit_RedCards",
  bonusRoundTo: "SVC_Bonus_RoundTo",
  audit6sRating: "SVC_6S_Rating",
  audit6sRatingBounds: "SVC_6S_Rating_Bounds",
  audit6sRatingCodes: "SVC_6S_Rating_Codes",
  audit6sWeights: "SVC_6S_Weights",
  warrantyMonths: "SVC_Warranty_Months",
  warrantyKm: "SVC_Warranty_Km",
} as const;

export type SettingName = (typeof SETTING_NAMES)[keyof typeof SETTING_NAMES];

type Capitalized<K extends string> = K extends `${infer F}${infer R}` ? `${Uppercase<F>}${R}` : K;

/** The SETTING_NAMES keys of a KPI's target, comparison and weight. */
export function kpiSettingKeys(key: KpiKey): {
  readonly target: `kpiTarget${Capitalized<KpiKey>}`;
  readonly compare: `kpiCompare${Capitalized<KpiKey>}`;
  readonly weight: `kpiWeight${Capitalized<KpiKey>}`;
} {
  const k = `${key[0].toUpperCase()}${key.slice(1)}` as Capitalized<KpiKey>;
  return { target: `kpiTarget${k}`, compare: `kpiCompare${k}`, weight: `kpiWeight${k}` };
}

/**
 * RULES.md#6s-scoring (default): a 6S check item is scored 0–5 (5 = fully meets); the alternatives a
 * checklist may use instead are 0–4, 0–10 and pass/fail. Added with core/audit6s.
 */
export const AUDIT_6S_DEFAULT_ITEM_MAX = 5;
