/**
 * The 考核参数 (Settings) sheet: the department's scheme as editable yellow cells, each value a
 * workbook name from SETTING_NAMES. Generated sheets reference the names, so changing a target
 * here changes every KPI table; the task pane reads the names back (settingsFromNames).
 */
import { pick, type Locale, type Text, text } from "../../core/i18n/text";
import { SETTING_NAMES, type GradeScheme, type Settings } from "../../core/settings";
import { S_NAMES } from "../../core/audit6s/checklist";
import { SheetBuilder } from "../common/builder";
import { a1, rangeA1 } from "../common/address";
import { FORMATS, STYLES } from "../common/styles";
import type { DataValidation, SheetPlan, ValidationRule } from "../plan";
import { SETTINGS_MARKER_VERSION, type SettingsMarker } from "./marker";

export const SETTINGS_SHEET_NAME: Text = text("考核参数", "Settings");

const COL = { label: 1, value: 2, second: 3, third: 4, fourth: 5, note: 6, marker: 8 } as const;

type Kind = "rate" | "hours" | "km" | "weight" | "count" | "rating" | "money" | "score" | "grade";

interface Line {
  label: Text;
  name: string;
  value: number | string;
  kind: Kind;
  note?: Text;
}

const NUMBER_FORMAT: Record<Kind, string> = {
  rate: FORMATS.percent1,
  hours: "0.##",
  km: "0.##",
  weight: "0.##",
  count: FORMATS.integer,
  rating: "0.##",
  money: "0.00",
  score: "0.##",
  grade: FORMATS.text,
};

function ruleFor(kind: Kind): ValidationRule | undefined {
  switch (kind) {
    case "rate":
      return { type: "decimal", min: 0, max: 1 };
    case "hours":
    case "km":
    case "weight":
    case "money":
    case "score":
      return { type: "decimal", min: 0 };
    case "count":
      return { type: "whole", min: 0 };
    case "rating":
      return { type: "decimal", min: 1, max: 10 };
    case "grade":
      return undefined;
  }
}

const RULE_TEXT: Record<Kind, Text> = {
  rate: text("请输入 0 到 100% 之间的比例。", "Enter a rate between 0 and 100%."),
  hours: text("请输入不小于 0 的小时数。", "Enter a number of hours, 0 or more."),
  km: text("请输入不小于 0 的公里数。", "Enter a distance in km, 0 or more."),
  weight: text("权重不能为负数（只看比例）。", "Weights cannot be negative (only their ratio matters)."),
  count: text("请输入不小于 0 的整数。", "Enter a whole number, 0 or more."),
  rating: text("请输入 1 到 10 之间的评分。", "Enter a rating between 1 and 10."),
  money: text("请输入大于 0 的金额单位。", "Enter a rounding step above 0."),
  score: text("请输入不小于 0 的分值。", "Enter a score, 0 or more."),
  grade: text("", ""),
};

/** Builds the settings sheet for `settings`, with labels in `locale`. */
export function settingsPlan(settings: Settings, locale: Locale): SheetPlan<SettingsMarker> {
  const t = (x: Text): string => pick(x, locale);
  const b = new SheetBuilder<SettingsMarker>(
    t(SETTINGS_SHEET_NAME),
    { kind: "settings", version: SETTINGS_MARKER_VERSION, meta: {} },
    a1(1, COL.marker),
  );
  b.width(COL.label, 50)
    .width(COL.value, 12)
    .width(COL.second, 12)
    .width(COL.third, 16)
    .width(COL.fourth, 26)
    .width(COL.note, 48);
  b.set(1, 1, t(text("考核参数", "Settings (考核参数)")), STYLES.title);
  b.set(
    2,
    1,
    t(
      text(
        "黄色单元格可以修改；每个数值都是一个工作簿名称（如 SVC_KPI_Target_OnTime），所有生成的表都通过名称引用它们。请勿删除行或名称。",
        "Edit the yellow cells. Each value is a workbook name (e.g. SVC_KPI_Target_OnTime) that every generated sheet references. Do not delete rows or names.",
      ),
    ),
    STYLES.subtitle,
  );
  b.merge(rangeA1(2, 1, 2, COL.note));
  b.height(2, 30);
  b.format(a1(2, 1), { wrap: true, vertical: "top" });

  let row = 4;
  const validations: DataValidation[] = [];
  const validate = (range: string, kind: Kind): void => {
    const rule = ruleFor(kind);
    if (!rule) return;
    validations.push({
      range,
      rule,
      allowBlank: false,
      error: { title: t(text("数值无效", "Invalid value")), message: t(RULE_TEXT[kind]) },
    });
  };

  const section = (title: Text): void => {
    b.set(row, 1, t(title), STYLES.section);
    row += 1;
  };

  const lines = (items: readonly Line[]): void => {
    for (const item of items) {
      b.set(row, COL.label, t(item.label), STYLES.label);
      b.set(row, COL.value, item.value, { ...STYLES.input, numberFormat: NUMBER_FORMAT[item.kind] });
      if (item.note) b.set(row, COL.note, t(item.note), STYLES.note);
      b.defineName(item.name, a1(row, COL.value, true));
      validate(a1(row, COL.value), item.kind);
      row += 1;
    }
    row += 1;
  };

  const gradeTable = (
    title: Text,
    scheme: GradeScheme,
    names: { all: string; bounds: string; codes: string },
    kind: Kind,
  ): void => {
    section(title);
    const header = [
      text("下限（含）", "Lower bound (incl.)"),
      text("等级", "Grade"),
      text("中文说明", "Chinese label"),
      text("英文说明", "English label"),
    ];
    b.setRow(row, COL.value, header.map(t), STYLES.header);
    b.set(row, COL.note, t(text("检查", "Check")), STYLES.header);
    row += 1;
    const first = row;
    for (const band of scheme.bands) {
      b.setRow(
        row,
        COL.value,
        [band.lower === -Infinity ? null : band.lower, band.code, band.zh, band.en],
        STYLES.input,
      );
      b.format(a1(row, COL.value), { numberFormat: NUMBER_FORMAT[kind] });
      b.format(a1(row, COL.second), { numberFormat: FORMATS.text });
      row += 1;
    }
    const last = row - 1;
    b.defineName(names.all, rangeA1(first, COL.value, last, COL.fourth, true));
    b.defineName(names.bounds, rangeA1(first, COL.value, last, COL.value, true));
    b.defineName(names.codes, rangeA1(first, COL.second, last, COL.second, true));
    validate(rangeA1(first, COL.value, last, COL.value), kind);
    const okText = t(text("✓ 下限严格递减", "✓ bounds strictly decreasing"));
    const badText = t(text("✗ 下限必须严格递减", "✗ bounds must be strictly decreasing"));
    // Each bound must exceed the one below it; a single-band scheme is trivially fine.
    const check =
      last > first
        ? `=IF(SUMPRODUCT(--(${rangeA1(first, COL.value, last - 1, COL.value)}<=${rangeA1(first + 1, COL.value, last, COL.value)}))=0,"${okText}","${badText}")`
        : `="${okText}"`;
    b.set(first, COL.note, { f: check, expect: okText }, STYLES.computed);
    row += 1;
  };

  gradeTable(
    text("五分制等级（第九条）", "Five-point grades"),
    settings.fivePoint,
    { all: SETTING_NAMES.grades5, bounds: SETTING_NAMES.grades5Bounds, codes: SETTING_NAMES.grades5Codes },
    "score",
  );
  gradeTable(
    text("百分制等级", "Hundred-point grades"),
    settings.hundredPoint,
    { all: SETTING_NAMES.grades100, bounds: SETTING_NAMES.grades100Bounds, codes: SETTING_NAMES.grades100Codes },
    "score",
  );

  section(text("考核人权重（360 度）", "Rater weights (360°)"));
  lines([
    {
      label: text("上级", "Supervisor"),
      name: SETTING_NAMES.raterSupervisor,
      value: settings.raters.supervisor,
      kind: "weight",
    },
    { label: text("同事", "Peers"), name: SETTING_NAMES.raterPeers, value: settings.raters.peers, kind: "weight" },
    {
      label: text("下属", "Subordinates"),
      name: SETTING_NAMES.raterSubordinates,
      value: settings.raters.subordinates,
      kind: "weight",
    },
    {
      label: text("客户", "Customers"),
      name: SETTING_NAMES.raterCustomers,
      value: settings.raters.customers,
      kind: "weight",
      note: text(
        "空白的考核人不计入，其余权重按比例折算。",
        "Blank raters are left out; the other weights are renormalised.",
      ),
    },
  ]);

  section(text("服务时限（SLA）", "Service deadlines (SLA)"));
  lines([
    {
      label: text(
        "车身故障·半径内·无需配套厂家：到达现场（小时）",
        "Body fault, within radius, no supplier: on site (h)",
      ),
      name: SETTING_NAMES.slaBodyOnSiteHours,
      value: settings.sla.bodyOnSiteHours,
      kind: "hours",
    },
    {
      label: text("车身故障·超出半径或需配套厂家：答复（小时）", "Body fault, beyond radius or supplier: reply (h)"),
      name: SETTING_NAMES.slaBodyReplyHours,
      value: settings.sla.bodyReplyHours,
      kind: "hours",
    },
    {
      label: text("底盘发动机故障：书面联系（小时）", "Chassis/engine fault: written contact (h)"),
      name: SETTING_NAMES.slaChassisReplyHours,
      value: settings.sla.chassisReplyHours,
      kind: "hours",
    },
    {
      label: text("其他故障：答复（小时）", "Other fault: reply (h)"),
      name: SETTING_NAMES.slaOtherReplyHours,
      value: settings.sla.otherReplyHours,
      kind: "hours",
    },
    {
      label: text("服务半径（公里，含）", "Service radius (km, inclusive)"),
      name: SETTING_NAMES.slaRadiusKm,
      value: settings.sla.radiusKm,
      kind: "km",
      note: text("按日历小时计算。", "Calendar hours."),
    },
  ]);

  section(text("月度 KPI 目标与权重", "Monthly KPI targets and weights"));
  const k = settings.kpi;
  lines([
    {
      label: text("服务及时率目标（≥）", "On-time rate target (≥)"),
      name: SETTING_NAMES.kpiTargetOnTime,
      value: k.targets.onTime,
      kind: "rate",
    },
    {
      label: text("客户满意率目标（≥）", "CSAT target (≥)"),
      name: SETTING_NAMES.kpiTargetCsat,
      value: k.targets.csat,
      kind: "rate",
    },
    {
      label: text("一次修复率目标（≥）", "First-time fix target (≥)"),
      name: SETTING_NAMES.kpiTargetFirstTimeFix,
      value: k.targets.firstTimeFix,
      kind: "rate",
    },
    {
      label: text("用户抱怨率目标（<，越低越好）", "Complaint rate target (<, lower is better)"),
      name: SETTING_NAMES.kpiTargetComplaintRate,
      value: k.targets.complaintRate,
      kind: "rate",
    },
    {
      label: text("综合得分权重：服务及时率", "Composite weight: on-time rate"),
      name: SETTING_NAMES.kpiWeightOnTime,
      value: k.weights.onTime,
      kind: "weight",
    },
    {
      label: text("综合得分权重：客户满意率", "Composite weight: CSAT"),
      name: SETTING_NAMES.kpiWeightCsat,
      value: k.weights.csat,
      kind: "weight",
    },
    {
      label: text("综合得分权重：一次修复率", "Composite weight: first-time fix"),
      name: SETTING_NAMES.kpiWeightFirstTimeFix,
      value: k.weights.firstTimeFix,
      kind: "weight",
    },
    {
      label: text("综合得分权重：用户抱怨率", "Composite weight: complaint rate"),
      name: SETTING_NAMES.kpiWeightComplaintRate,
      value: k.weights.complaintRate,
      kind: "weight",
    },
    {
      label: text("满意评分线（1–10，含）", "Satisfied rating threshold (1–10, incl.)"),
      name: SETTING_NAMES.kpiCsatThreshold,
      value: k.csatThreshold,
      kind: "rating",
    },
    {
      label: text("综合得分满分", "Composite full score"),
      name: SETTING_NAMES.kpiFullScore,
      value: k.fullScore,
      kind: "score",
      note: text(
        "无数据的 KPI 不计入综合得分，其余权重按比例折算。",
        "A KPI with no data is left out of the composite; the other weights are renormalised.",
      ),
    },
  ]);

  section(text("绩效奖金（第五、八条）", "Performance bonus"));
  const bo = settings.bonus;
  lines([
    {
      label: text("季度奖金比例", "Quarterly bonus rate"),
      name: SETTING_NAMES.bonusQuarterRate,
      value: bo.quarterRate,
      kind: "rate",
    },
    {
      label: text("年终奖金比例", "Year-end bonus rate"),
      name: SETTING_NAMES.bonusYearEndRate,
      value: bo.yearEndRate,
      kind: "rate",
    },
    {
      label: text("不合格等级（不发季度奖金）", "Failing grade (no quarterly bonus)"),
      name: SETTING_NAMES.bonusFailedGrade,
      value: bo.failedGrade,
      kind: "grade",
    },
    {
      label: text("取消年终奖：不合格季度数（≥）", "Year-end forfeited: failed quarters (≥)"),
      name: SETTING_NAMES.bonusForfeitFailedQuarters,
      value: bo.forfeitFailedQuarters,
      kind: "count",
    },
    {
      label: text("取消年终奖：黄牌数（≥）", "Year-end forfeited: yellow cards (≥)"),
      name: SETTING_NAMES.bonusForfeitYellowCards,
      value: bo.forfeitYellowCards,
      kind: "count",
    },
    {
      label: text("取消年终奖：红牌数（≥）", "Year-end forfeited: red cards (≥)"),
      name: SETTING_NAMES.bonusForfeitRedCards,
      value: bo.forfeitRedCards,
      kind: "count",
    },
    {
      label: text("金额取整单位（元，四舍五入）", "Money rounding step (yuan, half up)"),
      name: SETTING_NAMES.bonusRoundTo,
      value: bo.roundTo,
      kind: "money",
    },
  ]);
  section(text("季度系数（按五分制等级）", "Quarter coefficient by grade"));
  b.setRow(row, COL.value, [t(text("等级", "Grade")), t(text("系数", "Coefficient"))], STYLES.header);
  row += 1;
  const coefFirst = row;
  for (const band of settings.fivePoint.bands) {
    b.set(row, COL.value, band.code, { ...STYLES.input, numberFormat: FORMATS.text });
    b.set(row, COL.second, bo.coefficients[band.code] ?? 0, { ...STYLES.input, numberFormat: "0.00" });
    row += 1;
  }
  const coefLast = row - 1;
  b.defineName(SETTING_NAMES.bonusCoefficients, rangeA1(coefFirst, COL.value, coefLast, COL.second, true));
  b.defineName(SETTING_NAMES.bonusCoefficientGrades, rangeA1(coefFirst, COL.value, coefLast, COL.value, true));
  b.defineName(SETTING_NAMES.bonusCoefficientValues, rangeA1(coefFirst, COL.second, coefLast, COL.second, true));
  validate(rangeA1(coefFirst, COL.second, coefLast, COL.second), "weight");
  row += 1;

  gradeTable(
    text("6S 评级（百分比）", "6S rating (percent)"),
    settings.audit6s.rating,
    {
      all: SETTING_NAMES.audit6sRating,
      bounds: SETTING_NAMES.audit6sRatingBounds,
      codes: SETTING_NAMES.audit6sRatingCodes,
    },
    "score",
  );
  section(text("6S 各项权重", "6S weights"));
  const wFirst = row;
  S_NAMES.forEach((label, i) => {
    b.set(row, COL.label, t(label), STYLES.label);
    b.set(row, COL.value, settings.audit6s.sWeights[i], { ...STYLES.input, numberFormat: NUMBER_FORMAT.weight });
    row += 1;
  });
  b.defineName(SETTING_NAMES.audit6sWeights, rangeA1(wFirst, COL.value, row - 1, COL.value, true));
  validate(rangeA1(wFirst, COL.value, row - 1, COL.value), "weight");

  for (const v of validations) b.validate(v);
  b.hideColumn(COL.marker);
  b.freeze(3, 0);
  b.tabColor("0F5257");
  b.print({
    orientation: "portrait",
    paper: "A4",
    fitToWidth: true,
    printArea: rangeA1(1, 1, row, COL.note),
    footer: "&P / &N",
  });
  return b.build();
}
