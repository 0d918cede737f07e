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
    `kpi --orders FILE(.xlsx|.csv) --month 2026-10 [--as-of 2026-11-01T00:00] [--sheet NAME] --out FILE.xlsx [--json FILE.json] [--parts FILE.csv] [--freeze] [--force] ${COLUMN_USAGE}`,
  ],
  options: {
    orders: { type: "string" },
    month: { type: "string" },
    "as-of": { type: "string" },
    sheet: { type: "string" },
    out: { type: "string" },
    json: { type: "string" },
    parts: { type: "string" },
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
