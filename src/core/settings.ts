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
}

export type KpiKey = "onTime" | "csat" | "firstTimeFix" | "complaintRate";

export interface KpiSettings {
  /** Targets as fractions; complaintRate is lower-is-better. */
  readonly targets: Readonly<Record<KpiKey, number>>;
  /** Composite weights; only their ratio matters. */
  readonly weights: Readonly<Record<KpiKey, number>>;
  /** A satisfaction rating at or above this (1–10) counts as satisfied for CSAT. */
  readonly csatThreshold: number;
  /** Full score of the composite (five-point scale). */
  readonly fullScore: number;
}

export interface BonusSettings {
  readonly quarterRate: number;
  readonly yearEndRate: number;
  /** Quarter coefficient per grade code of the five-point scheme. */
  readonly coefficients: Readonly<Record<string, number>>;
  /** The grade that counts as a failed quarter. */
  readonly failedGrade: string;
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
  readonly sla: SlaSettings;
  readonly kpi: KpiSettings;
  readonly bonus: BonusSettings;
  readonly audit6s: Audit6sSettings;
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
  sla: { bodyOnSiteHours: 24, bodyReplyHours: 12, chassisReplyHours: 12, otherReplyHours: 24, radiusKm: 100 },
  kpi: {
    targets: { onTime: 0.9, csat: 0.85, firstTimeFix: 0.85, complaintRate: 0.03 },
    weights: { onTime: 0.3, csat: 0.3, firstTimeFix: 0.2, complaintRate: 0.2 },
    csatThreshold: 8,
    fullScore: 5,
  },
  bonus: {
    quarterRate: 0.235,
    yearEndRate: 0.06,
    coefficients: { A: 1, B: 1, C: 1, D: 0 },
    failedGrade: "D",
    forfeitFailedQuarters: 2,
    forfeitYellowCards: 2,
    forfeitRedCards: 1,
    roundTo: 0.01,
  },
  audit6s: { rating: HUNDRED_POINT, sWeights: [1, 1, 1, 1, 1, 1] },
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
  grades100: "SVC_Grades100",
  grades100Bounds: "SVC_Grades100_Bounds",
  grades100Codes: "SVC_Grades100_Codes",
  raterSupervisor: "SVC_Rater_Supervisor",
  raterPeers: "SVC_Rater_Peers",
  raterSubordinates: "SVC_Rater_Subordinates",
  raterCustomers: "SVC_Rater_Customers",
  slaBodyOnSiteHours: "SVC_SLA_BodyOnSiteHours",
  slaBodyReplyHours: "SVC_SLA_BodyReplyHours",
  slaChassisReplyHours: "SVC_SLA_ChassisReplyHours",
  slaOtherReplyHours: "SVC_SLA_OtherReplyHours",
  slaRadiusKm: "SVC_SLA_RadiusKm",
  kpiTargetOnTime: "SVC_KPI_Target_OnTime",
  kpiTargetCsat: "SVC_KPI_Target_CSAT",
  kpiTargetFirstTimeFix: "SVC_KPI_Target_FirstTimeFix",
  kpiTargetComplaintRate: "SVC_KPI_Target_ComplaintRate",
  kpiWeightOnTime: "SVC_KPI_Weight_OnTime",
  kpiWeightCsat: "SVC_KPI_Weight_CSAT",
  kpiWeightFirstTimeFix: "SVC_KPI_Weight_FirstTimeFix",
  kpiWeightComplaintRate: "SVC_KPI_Weight_ComplaintRate",
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
} as const;

export type SettingName = (typeof SETTING_NAMES)[keyof typeof SETTING_NAMES];

/**
 * RULES.md#6s-scoring (default): a 6S check item is scored 0–5 (5 = fully meets); the alternatives a
 * checklist may use instead are 0–4, 0–10 and pass/fail. Added with core/audit6s.
 */
export const AUDIT_6S_DEFAULT_ITEM_MAX = 5;
