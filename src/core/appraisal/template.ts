/**
 * Appraisal templates (RULES.md#appraisal-templates): indicator groups with weights, and indicators inside each
 * group. A template's effective indicator weights are group weight × the indicator's share of
 * its group; the weighted score then follows RULES.md#weighted-score (blank = N/A, weights renormalised).
 */
import { text, type Text } from "../i18n/text";
import { fail, ok, type Result } from "../problem";
import { formatNumber } from "../values/describe";

export interface Indicator {
  readonly name: Text;
  /** Weight inside its group; only the ratio to its siblings matters. */
  readonly weight: number;
  /** The KPI the work-order register measures for this indicator (default: by its name, {@link kpiOfIndicator}). */
  readonly kpi?: FormKpi;
}

/**
 * Indicators the work-order register measures (issue 12 point 8): the form can fill them from
 * the month's KPI table by formula instead of having them re-typed. `departmentComposite` is the
 * department row's composite score (a department head's 部门量化指标).
 */
export type FormKpi =
  "onTime" | "firstTimeFix" | "returnVisit" | "satisfaction" | "csat" | "recordAccuracy" | "departmentComposite";

/** The policy's indicator names the KPI table measures (第四条(1), 员工考评's 客户满意率, the head's 部门量化指标). */
const KPI_BY_NAME: Readonly<Record<string, FormKpi>> = {
  服务受理及时率: "onTime",
  售后服务一次成功率: "firstTimeFix",
  售后服务回访率: "returnVisit",
  客户满意度: "satisfaction",
  表单记录准确率: "recordAccuracy",
  客户满意率: "csat",
  "本职工作质量：客户满意率": "csat",
  部门量化指标: "departmentComposite",
};

/**
 * The KPI an indicator is measured by: its own `kpi`, else by its Chinese name (so a custom
 * template that uses the policy's names is filled too); undefined for an indicator people score.
 *
 * @example
 * kpiOfIndicator({ name: text("服务受理及时率", "Timely acceptance"), weight: 1 }) // → "onTime"
 */
export function kpiOfIndicator(indicator: Indicator): FormKpi | undefined {
  return indicator.kpi ?? KPI_BY_NAME[indicator.name.zh.trim()];
}

export interface IndicatorGroup {
  readonly name: Text;
  /** Share of the whole appraisal, as a fraction (0.6 = 60%). Group weights total 1. */
  readonly weight: number;
  readonly indicators: readonly Indicator[];
}

export type TemplateId = "staff" | "head" | "employee" | "custom";

export interface AppraisalTemplate {
  readonly id: TemplateId;
  readonly title: Text;
  readonly groups: readonly IndicatorGroup[];
}

const equal = (names: readonly [string, string][]): Indicator[] =>
  names.map(([zh, en]) => ({ name: text(zh, en), weight: 1 }));

/** 售后服务人员 (第四条): 工作业绩 60% · 工作态度 20% · 工作能力 20%, equal weights inside a group. */
export const STAFF_TEMPLATE: AppraisalTemplate = {
  id: "staff",
  title: text("售后服务人员绩效考核表", "After-sales service staff appraisal"),
  groups: [
    {
      name: text("工作业绩", "Performance"),
      weight: 0.6,
      indicators: equal([
        ["售后服务计划完成率", "Service plan completion"],
        ["服务受理及时率", "Timely acceptance"],
        ["售后服务一次成功率", "First-time success"],
        ["服务流程改进目标达成率", "Process improvement goals"],
        ["售后服务回访率", "Return-visit rate"],
        ["客户满意度", "Customer satisfaction"],
        ["服务项目全面性", "Service completeness"],
        ["产品设计新颖度", "Design novelty"],
        ["表单记录准确率", "Record accuracy"],
        ["售后服务费用控制程度", "Service cost control"],
        ["售后服务账款回收率", "Receivables recovery"],
      ]),
    },
    {
      name: text("工作态度", "Attitude"),
      weight: 0.2,
      indicators: equal([
        ["积极性", "Initiative"],
        ["纪律性", "Discipline"],
        ["协作性", "Cooperation"],
        ["诚信意识", "Integrity"],
      ]),
    },
    {
      name: text("工作能力", "Ability"),
      weight: 0.2,
      indicators: equal([
        ["创新能力", "Innovation"],
        ["协调能力", "Coordination"],
        ["应急处理能力", "Emergency handling"],
        ["自控能力", "Self-control"],
        ["亲和力", "Approachability"],
      ]),
    },
  ],
};

/**
 * 部门负责人 (绩效管理制度 篇1): 40 / 15 / 15 / 10 / 20. The policy names no indicators inside
 * these groups, so each group is scored as one indicator.
 */
export const HEAD_TEMPLATE: AppraisalTemplate = {
  id: "head",
  title: text("部门负责人绩效考核表", "Department head appraisal"),
  groups: (
    [
      ["部门量化指标", "Quantified department targets", 0.4],
      ["部门非量化指标", "Non-quantified department targets", 0.15],
      ["追加目标和任务", "Additional goals and tasks", 0.15],
      ["部门管理与改进", "Department management and improvement", 0.1],
      ["培训管理", "Training management", 0.2],
    ] as const
  ).map(([zh, en, weight]) => ({ name: text(zh, en), weight, indicators: [{ name: text(zh, en), weight: 1 }] })),
};

/**
 * 员工考评 (售后服务部员工考评管理办法, 考核内容: 工作任务 and 管理工作). 工作任务's four elements —
 * 本职工作质量 (measured by 常规工作合格率, 客户满意率 and 责任行为到位率, which share its quarter),
 * 本职工作数量, 本职责任事故, 额外工作任务 — weigh alike; so do the five 管理工作 behaviours. The
 * policy gives no split between the two groups: 70% / 30% **(default)**, editable as a custom
 * template.
 */
export const EMPLOYEE_TEMPLATE: AppraisalTemplate = {
  id: "employee",
  title: text("售后服务部员工考评表", "After-sales employee evaluation"),
  groups: [
    {
      name: text("工作任务", "Work tasks"),
      weight: 0.7,
      indicators: [
        { name: text("本职工作质量：常规工作合格率", "Work quality: routine work pass rate"), weight: 1 },
        { name: text("本职工作质量：客户满意率", "Work quality: customer satisfaction rate"), weight: 1 },
        { name: text("本职工作质量：责任行为到位率", "Work quality: duties carried out"), weight: 1 },
        { name: text("本职工作数量", "Work quantity"), weight: 3 },
        { name: text("本职责任事故", "Accidents in own duties"), weight: 3 },
        { name: text("额外工作任务", "Additional tasks"), weight: 3 },
      ],
    },
    {
      name: text("管理工作", "Management conduct"),
      weight: 0.3,
      indicators: equal([
        ["纪律性", "Discipline"],
        ["组织意识", "Organisational awareness"],
        ["团队建设", "Team building"],
        ["忠诚性", "Loyalty"],
        ["工作创新", "Innovation"],
      ]),
    },
  ],
};

export const TEMPLATES: Readonly<Record<Exclude<TemplateId, "custom">, AppraisalTemplate>> = {
  staff: STAFF_TEMPLATE,
  head: HEAD_TEMPLATE,
  employee: EMPLOYEE_TEMPLATE,
};

/** Weights are compared with 100% within this tolerance (percent typing like 33.33 ×3). */
const TOTAL_TOLERANCE = 0.0005;

const pct = (x: number): string => `${formatNumber(Math.round(x * 10000) / 100)}%`;

/**
 * Checks a template: at least one group, every group named with at least one indicator,
 * no negative weights, group weights totalling 100%, and inside each group indicator weights
 * that are not all zero. The message names the group that is off and by how much.
 *
 * @example
 * validateTemplate({ ...STAFF_TEMPLATE, groups: [{ ...g1, weight: 0.5 }, g2, g3] })
 *   // → problem "value": "group weights total 90%, not 100% (Performance 50%, Attitude 20%, Ability 20%)"
 */
export function validateTemplate(template: AppraisalTemplate): Result<AppraisalTemplate> {
  const groups = template.groups;
  if (groups.length === 0)
    return fail("value", text("考核表至少需要一个指标组", "the form needs at least one indicator group"));
  for (const [i, g] of groups.entries()) {
    const label = g.name.zh.trim() || g.name.en.trim();
    if (!label) return fail("value", text(`第 ${i + 1} 个指标组没有名称`, `indicator group ${i + 1} has no name`));
    if (!Number.isFinite(g.weight) || g.weight < 0) {
      return fail(
        "value",
        text(
          `指标组“${g.name.zh}”的权重无效（${String(g.weight)}）`,
          `group "${g.name.en}" has an invalid weight (${String(g.weight)})`,
        ),
      );
    }
    if (g.indicators.length === 0)
      return fail("value", text(`指标组“${g.name.zh}”没有指标`, `group "${g.name.en}" has no indicators`));
    for (const [j, ind] of g.indicators.entries()) {
      if (!(ind.name.zh.trim() || ind.name.en.trim())) {
        return fail(
          "value",
          text(
            `指标组“${g.name.zh}”的第 ${j + 1} 个指标没有名称`,
            `indicator ${j + 1} of group "${g.name.en}" has no name`,
          ),
        );
      }
      if (!Number.isFinite(ind.weight) || ind.weight < 0) {
        return fail(
          "value",
          text(
            `指标“${ind.name.zh}”的权重无效（${String(ind.weight)}）`,
            `indicator "${ind.name.en}" has an invalid weight (${String(ind.weight)})`,
          ),
        );
      }
    }
    if (!(g.indicators.reduce((s, ind) => s + ind.weight, 0) > 0)) {
      return fail(
        "value",
        text(`指标组“${g.name.zh}”的指标权重全部为 0`, `the indicator weights of group "${g.name.en}" are all zero`),
      );
    }
  }
  const total = groups.reduce((s, g) => s + g.weight, 0);
  if (Math.abs(total - 1) > TOTAL_TOLERANCE) {
    const listZh = groups.map((g) => `${g.name.zh} ${pct(g.weight)}`).join("，");
    const listEn = groups.map((g) => `${g.name.en} ${pct(g.weight)}`).join(", ");
    const diff = total - 1;
    return fail(
      "value",
      text(
        `各指标组权重合计 ${pct(total)}，应为 100%（${listZh}），${diff > 0 ? "多" : "少"} ${pct(Math.abs(diff))}`,
        `group weights total ${pct(total)}, not 100% (${listEn}): ${pct(Math.abs(diff))} too ${diff > 0 ? "much" : "little"}`,
      ),
    );
  }
  return ok(template);
}

/** A flat indicator column of the form: its group, its name and its share of the whole. */
export interface FormColumn {
  readonly group: number;
  readonly name: Text;
  readonly weight: number;
  /** The KPI that measures it, if the register does. */
  readonly kpi?: FormKpi;
}

/**
 * The form's indicator columns with effective weights: group weight × the indicator's share of
 * its group. `formColumns(STAFF_TEMPLATE)[0].weight` → 0.6 / 11.
 */
export function formColumns(template: AppraisalTemplate): FormColumn[] {
  return template.groups.flatMap((g, group) => {
    const inside = g.indicators.reduce((s, ind) => s + ind.weight, 0);
    return g.indicators.map((ind) => {
      const kpi = kpiOfIndicator(ind);
      return {
        group,
        name: ind.name,
        weight: inside > 0 ? (g.weight * ind.weight) / inside : 0,
        ...(kpi ? { kpi } : {}),
      };
    });
  });
}
