/**
 * What main() needs to know of every command before running one — its name, help text and
 * options — and nothing else, so starting the CLI loads no generator, exceljs or mathjs: a
 * command's own modules load when it runs (commands/index.ts). Each command file spreads its
 * spec into its Command.
 */
import { text } from "../../core/i18n/text";
import type { CommandSpec, OptionSpec } from "../command";

/** `service-appraisal appraisal` (./appraisal.ts). */
export const APPRAISAL: CommandSpec = {
  name: "appraisal",
  summary: text(
    "生成考核表（售后服务人员、部门负责人或员工模板；可附 360 度评价表）",
    "generate an appraisal form (service staff, department head or employee template; optionally with a 360° rater sheet)",
  ),
  usage: [
    'appraisal --template staff|head|employee --people FILE(.xlsx|.csv) --period 2026-Q3 --out FILE.xlsx [--scale five|hundred] [--targets "A<=20%,D>=5%"|none] [--raters] [--sheet NAME] [--in BOOK.xlsx [--kpi-from auto|SHEET|2026-10]] [--force]',
  ],
  options: {
    template: { type: "string" },
    people: { type: "string" },
    period: { type: "string" },
    scale: { type: "string" },
    targets: { type: "string" },
    raters: { type: "boolean" },
    sheet: { type: "string" },
    in: { type: "string" },
    "kpi-from": { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
  },
};

/** `service-appraisal audit6s` (./audit6s.ts). */
export const AUDIT6S: CommandSpec = {
  name: "audit6s",
  summary: text("生成 6S 现场检查表（每个区域一页 A4）", "generate a 6S audit sheet (one A4 page per area)"),
  usage: [
    'audit6s --areas "维修车间,备件库" [--date 2026-11-20] [--inspector NAME] [--unit NAME] [--scale 0-5|0-4|0-10|pass/fail] [--weights settings|equal|safety|1,1,1,1,1,2] [--checklist FILE.csv] [--critical 16,20] [--demo] [--in BOOK.xlsx] --out FILE.xlsx [--force]',
  ],
  options: {
    areas: { type: "string" },
    date: { type: "string" },
    inspector: { type: "string" },
    unit: { type: "string" },
    scale: { type: "string" },
    weights: { type: "string" },
    checklist: { type: "string" },
    critical: { type: "string" },
    demo: { type: "boolean" },
    in: { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
  },
};

/** `service-appraisal audit6s-summary` (./audit6s-summary.ts). */
export const AUDIT6S_SUMMARY: CommandSpec = {
  name: "audit6s-summary",
  summary: text(
    "从工作簿中的 6S 检查表生成月度 6S 汇总",
    "generate the monthly 6S summary from the audit sheets of a workbook",
  ),
  usage: ["audit6s-summary --in FILE.xlsx --month 2026-11 [--as-of 2026-11-30] --out FILE.xlsx [--force]"],
  options: {
    in: { type: "string" },
    month: { type: "string" },
    "as-of": { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
  },
};

/**
 * The flags that say what an ambiguous column is (./kpiColumns.ts maps each to its field and
 * decides with them); here, not there, so --help loads nothing of the work-order code.
 */
export const COLUMN_FLAGS = [
  "distance-column",
  "mileage-column",
  "signature-column",
  "part-name-column",
  "part-quantity-column",
  "part-reason-column",
  "old-part-column",
  "ignore-column",
] as const;
export type ColumnFlag = (typeof COLUMN_FLAGS)[number];

export const COLUMN_OPTIONS: OptionSpec = Object.fromEntries(
  COLUMN_FLAGS.map((option) => [option, { type: "string", multiple: true }]),
) as OptionSpec;

/** The usage line's part for the column flags. */
export const COLUMN_USAGE = COLUMN_FLAGS.map((option) => `[--${option} HEADER]`).join(" ");

/** `service-appraisal kpi` (./kpi.ts). */
export const KPI: CommandSpec = {
  name: "kpi",
  summary: text(
    "从工单数据生成工单登记表、数据问题表和月度 KPI 表（可另存 JSON）",
    "build the work-order register, data-problems and monthly KPI sheets from work orders (optionally as JSON)",
  ),
  usage: [
    `kpi --orders FILE(.xlsx|.csv) --month 2026-10 [--as-of 2026-11-01T00:00] [--sheet NAME] --out FILE.xlsx [--json FILE.json] [--parts FILE.csv] [--call-log FILE.xlsx] [--freeze] [--force] ${COLUMN_USAGE}`,
  ],
  options: {
    orders: { type: "string" },
    month: { type: "string" },
    "as-of": { type: "string" },
    sheet: { type: "string" },
    out: { type: "string" },
    json: { type: "string" },
    parts: { type: "string" },
    "call-log": { type: "string" },
    freeze: { type: "boolean" },
    force: { type: "boolean" },
    ...COLUMN_OPTIONS,
  },
};

/** `service-appraisal bonus` (./bonus.ts). */
export const BONUS: CommandSpec = {
  name: "bonus",
  summary: text(
    "生成季度奖金表（第 4 季度含年终奖），可用财务自定义公式和预算总额（可另存 JSON）",
    "build the quarterly bonus sheet (Q4 with the year-end bonus), with finance's own formulas and a budget pool (optionally as JSON)",
  ),
  usage: [
    "bonus --input FILE(.xlsx|.csv) --year 2026 --quarter 4 --out FILE.xlsx [--json FILE.json] [--quarter-formula EXPR] [--year-end-formula EXPR] [--pool AMOUNT] [--sheet NAME] [--force]",
  ],
  options: {
    input: { type: "string" },
    year: { type: "string" },
    quarter: { type: "string" },
    out: { type: "string" },
    json: { type: "string" },
    "quarter-formula": { type: "string" },
    "year-end-formula": { type: "string" },
    pool: { type: "string" },
    sheet: { type: "string" },
    force: { type: "boolean" },
  },
};

/** `service-appraisal demo` (./demo.ts). */
export const DEMO: CommandSpec = {
  name: "demo",
  summary: text(
    "用内置示例数据生成一个包含全部表格的工作簿",
    "write a workbook with every sheet the add-in generates, on bundled sample data",
  ),
  usage: ["demo --out FILE.xlsx [--force]"],
  options: {
    out: { type: "string" },
    force: { type: "boolean" },
  },
};

/** The file options every record command has: --in, --sheet, --out, --json, --force (and --blank-rows). */
export const RECORD_FILE_OPTIONS = {
  in: { type: "string" },
  sheet: { type: "string" },
  out: { type: "string" },
  "blank-rows": { type: "string" },
  json: { type: "string" },
  force: { type: "boolean" },
} as const;

/** `service-appraisal call-log` (./call-log.ts). */
export const CALL_LOG: CommandSpec = {
  name: "call-log",
  summary: text(
    "生成来电来函处理记录（按时间顺序，含答复、存档位置和底盘发动机故障的书面联系核查）",
    "build the call/letter log (in time order, with answers, archive and the chassis-engine written-contact check)",
  ),
  usage: [
    'call-log [--in FILE(.xlsx|.csv)] [--sheet NAME] --out FILE.xlsx [--as-of "2026-10-28 09:00"] [--blank-rows 30] [--json FILE.json] [--force]',
  ],
  options: { ...RECORD_FILE_OPTIONS, "as-of": { type: "string" } },
};

/** `service-appraisal conduct-log` (./conduct-log.ts). */
export const CONDUCT_LOG: CommandSpec = {
  name: "conduct-log",
  summary: text(
    "生成违规与黄红牌记录（每张牌的日期、人员、条款和审批人；奖金表据此统计）",
    "build the conduct log of yellow and red cards (date, person, rule, approver; the bonus sheet counts from it)",
  ),
  usage: [
    "conduct-log [--in FILE(.xlsx|.csv)] [--sheet NAME] --out FILE.xlsx [--blank-rows 30] [--json FILE.json] [--force]",
  ],
  options: RECORD_FILE_OPTIONS,
};

/** `service-appraisal parts-ledger` (./parts-ledger.ts). */
export const PARTS_LEDGER: CommandSpec = {
  name: "parts-ledger",
  summary: text(
    "生成服务站备用件台账、出入库流水和盘点表（可另存 JSON）",
    "build a service station's spare-parts ledger, movements and stock-take sheets (optionally as JSON)",
  ),
  usage: [
    "parts-ledger --station NAME (--items ITEMS.csv|.xlsx [--moves MOVES.csv|.xlsx] | --demo) [--blank-rows 200] --out BOOK.xlsx [--json FILE.json] [--force]",
  ],
  options: {
    station: { type: "string" },
    items: { type: "string" },
    moves: { type: "string" },
    demo: { type: "boolean" },
    "blank-rows": { type: "string" },
    out: { type: "string" },
    json: { type: "string" },
    force: { type: "boolean" },
  },
};

/** `service-appraisal warranty-parts` (./warranty-parts.ts). */
export const WARRANTY_PARTS: CommandSpec = {
  name: "warranty-parts",
  summary: text(
    "生成三包件登记表：三包判定、流程状态和销帐检查（可另存 JSON）",
    "build the warranty-parts register: coverage, state and write-off checks (optionally as JSON)",
  ),
  usage: [
    "warranty-parts [--station NAME] (--lines FILE.csv|.xlsx | --demo) [--months 24] [--km 100000] [--blank-rows 100] --out FILE.xlsx [--json FILE.json] [--force]",
  ],
  options: {
    station: { type: "string" },
    lines: { type: "string" },
    demo: { type: "boolean" },
    months: { type: "string" },
    km: { type: "string" },
    "blank-rows": { type: "string" },
    out: { type: "string" },
    json: { type: "string" },
    force: { type: "boolean" },
  },
};

/** `service-appraisal claims` (./claims.ts). */
export const CLAIMS: CommandSpec = {
  name: "claims",
  summary: text(
    "生成二次索赔登记表和供应商汇总：已回收、未回收（可另存 JSON）",
    "build the secondary-claims register and per-supplier totals recovered and outstanding (optionally as JSON)",
  ),
  usage: [
    "claims [--station NAME] (--claims FILE.csv|.xlsx | --demo) [--as-of 2026-12-01] [--blank-rows 100] --out FILE.xlsx [--json FILE.json] [--force]",
  ],
  options: {
    station: { type: "string" },
    claims: { type: "string" },
    demo: { type: "boolean" },
    "as-of": { type: "string" },
    "blank-rows": { type: "string" },
    out: { type: "string" },
    json: { type: "string" },
    force: { type: "boolean" },
  },
};

/** `service-appraisal return-visits` (./return-visits.ts). */
export const RETURN_VISITS: CommandSpec = {
  name: "return-visits",
  summary: text(
    "从本月已完成工单随机抽取回访样本，生成回访记录（满意度调查表）、按服务人员的回访汇总和跟进清单（可另存 JSON）",
    "draw a random sample of the month's completed orders for return visits: the survey form, the per-technician summary and the follow-up list (optionally as JSON)",
  ),
  usage: [
    `return-visits (--orders FILE(.xlsx|.csv) --month 2026-10 | --demo) [--seed N] [--share 30%|--count N] [--threshold 8] [--station NAME] [--blank-rows 10] [--sheet NAME] --out FILE.xlsx [--json FILE.json] [--force] ${COLUMN_USAGE}`,
  ],
  options: {
    orders: { type: "string" },
    month: { type: "string" },
    demo: { type: "boolean" },
    seed: { type: "string" },
    share: { type: "string" },
    count: { type: "string" },
    threshold: { type: "string" },
    station: { type: "string" },
    "blank-rows": { type: "string" },
    sheet: { type: "string" },
    out: { type: "string" },
    json: { type: "string" },
    force: { type: "boolean" },
    ...COLUMN_OPTIONS,
  },
};
