/**
 * Filling the appraisal form's KPI indicators from a monthly KPI table (issue 12 point 8): HR
 * no longer re-types 受理及时率, 一次成功率, 回访率, 满意度, 表单记录准确率 … The KPI sheets are found
 * by their marker (kind "kpi", never by sheet name); the form's cell is a native formula that
 * looks the person up on that sheet by name and takes the indicator's column —
 *
 *   =IFERROR(INDEX('月度KPI 2026-10'!$Y$9:$Y$20,MATCH(<name, wildcards escaped>,'月度KPI 2026-10'!$A$9:$A$20,0))*5/SVC_KPI_FullScore,"")
 *
 * — so a corrected register flows through the KPI table into the form. A KPI's score (0 to
 * 考核参数's full score, RULES.md#kpi-scores against its target) is rescaled to the form's scale; a rate the
 * KPI table does not score (回访率, 表单记录准确率) counts as rate × the scale's maximum. A person
 * without a row on the KPI table, or a KPI without data, gives a blank: not assessed (RULES.md#weighted-score).
 *
 * Like the bonus sheet reading forms: a host reads one rectangle per KPI table.
 */
import { text, type Text } from "../../core/i18n/text";
import { fail, ok, problem, type Problem, type Result } from "../../core/problem";
import { SETTING_NAMES } from "../../core/settings";
import { periodKey, type FormKpi, type Period } from "../../core/appraisal";
import { parseMonth } from "../../core/workorders";
import { columnToNumber, formatRange, quoteSheetName, sheetRangeRef } from "../formula/a1";
import type { FoundPlan, PlanCell, RangeData } from "../plan";
import { kpiMarkerOf } from "../workorders/marker";
import type { WorkbookReader } from "../reader";

/** Where each form KPI is on the KPI table: the marker's column key, a score or a rate, whose row. */
export const FORM_KPI_SOURCE: Readonly<
  Record<FormKpi, { readonly column: string; readonly kind: "score" | "rate"; readonly row: "person" | "department" }>
> = {
  onTime: { column: "sOnTime", kind: "score", row: "person" },
  firstTimeFix: { column: "sFirstTimeFix", kind: "score", row: "person" },
  satisfaction: { column: "sSatisfaction", kind: "score", row: "person" },
  csat: { column: "sCsat", kind: "score", row: "person" },
  returnVisit: { column: "returnVisitRate", kind: "rate", row: "person" },
  recordAccuracy: { column: "recordAccuracyRate", kind: "rate", row: "person" },
  departmentComposite: { column: "compositeScore", kind: "score", row: "department" },
};

/** A monthly KPI table in the workbook and what to read from it. */
export interface KpiTable {
  readonly sheetName: string;
  /** "2026-10". */
  readonly month: string;
  readonly firstRow: number;
  readonly departmentRow: number;
  /** Column letters by the marker's keys (orders, sOnTime, recordAccuracyRate, compositeScore …). */
  readonly columns: Readonly<Record<string, string>>;
  /** The rectangle to read: column A to the last column any form KPI uses, technicians and department. */
  readonly address: string;
}

/** The KPI tables among the plans a host found; a marker that cannot be read is reported and skipped. */
export function kpiTables(plans: readonly FoundPlan[]): { tables: KpiTable[]; problems: Problem[] } {
  const tables: KpiTable[] = [];
  const problems: Problem[] = [];
  for (const p of plans) {
    if (p.marker.kind !== "kpi") continue;
    const marker = kpiMarkerOf(p);
    if (!marker.ok) {
      const why = marker.problem.message;
      problems.push(problem("value", text(`${why.zh}，已跳过`, `${why.en}; it was skipped`)));
      continue;
    }
    const m = marker.value.meta;
    const used = Object.values(FORM_KPI_SOURCE)
      .map((s) => m.columns[s.column])
      .filter((c): c is string => c !== undefined);
    const right = Math.max(1, ...used.map(columnToNumber));
    tables.push({
      sheetName: p.sheetName,
      month: m.month,
      firstRow: m.firstRow,
      departmentRow: m.departmentRow,
      columns: m.columns,
      address: formatRange({ top: m.firstRow, left: 1, bottom: m.departmentRow, right }),
    });
  }
  return { tables, problems };
}

/**
 * The KPI table a form of `period` is filled from. `choice` (the pane's pick, `--kpi-from`) is a
 * sheet name or a month ("2026-10"); without it, a month's form takes that month's table. A
 * quarter has no KPI table of its own (the tables are monthly), so a quarter's form is filled
 * only from a table chosen for it. null: nothing to fill from — the cells stay for typing, and
 * {@link noKpiTable} says why. Of several tables of one month the last found is taken.
 */
export function kpiTableFor(tables: readonly KpiTable[], period: Period, choice?: string): Result<KpiTable | null> {
  if (choice !== undefined && choice.trim() !== "") {
    const byName = tables.find((t) => t.sheetName === choice.trim());
    if (byName) return ok(byName);
    const month = parseMonth(choice.trim());
    const key = month.ok ? `${month.value.year}-${String(month.value.month).padStart(2, "0")}` : null;
    const byMonth = key === null ? undefined : [...tables].reverse().find((t) => t.month === key);
    if (byMonth) return ok(byMonth);
    const found = tables.map((t) => t.sheetName).join("、") || "—";
    return fail(
      "na",
      text(
        `没有名为或月份为“${choice}”的月度 KPI 表（工作簿中的 KPI 表：${found}）`,
        `no monthly KPI table is named or dated "${choice}" (KPI tables in the workbook: ${found})`,
      ),
    );
  }
  if (!("month" in period)) return ok(null);
  const key = periodKey(period);
  return ok([...tables].reverse().find((t) => t.month === key) ?? null);
}

/** What the pane and the command line say when a form's KPI indicators stay for typing. */
export function noKpiTable(period: Period): Text {
  const key = periodKey(period);
  return "month" in period
    ? text(
        `工作簿中没有 ${key} 的月度 KPI 表：KPI 指标（受理及时率、一次成功率、回访率、满意度、表单记录准确率…）留待填写`,
        `the workbook has no monthly KPI table for ${key}: the KPI indicators (timely acceptance, first-time success, return visits, satisfaction, record accuracy …) stay for typing`,
      )
    : text(
        `KPI 表按月生成，${key} 没有自己的 KPI 表：KPI 指标留待填写，或选择一张月度 KPI 表`,
        `KPI tables are monthly and ${key} has none of its own: the KPI indicators stay for typing, or choose a monthly KPI table`,
      );
}

/** A KPI table as read: each row's cells by technician name (case-insensitive, as MATCH compares), and the department row. */
export interface KpiValues {
  readonly table: KpiTable;
  readonly byName: ReadonlyMap<string, readonly unknown[]>;
  readonly department: readonly unknown[];
  /** Technicians' rows exist (the lookup range is firstRow … departmentRow − 1). */
  readonly hasTechnicians: boolean;
}

/** The rectangle a host read at `table.address`, keyed for lookups. The first name wins, as MATCH finds it. */
export function kpiValues(table: KpiTable, range: RangeData): KpiValues {
  const byName = new Map<string, readonly unknown[]>();
  const rows = range.values;
  for (let i = 0; i < rows.length; i++) {
    const row = range.firstRow + i;
    if (row >= table.departmentRow) break;
    const name = rows[i][0];
    if (typeof name !== "string" || name === "") continue;
    const key = name.toLowerCase();
    if (!byName.has(key)) byName.set(key, rows[i]);
  }
  return {
    table,
    byName,
    department: rows[table.departmentRow - range.firstRow] ?? [],
    hasTechnicians: table.departmentRow > table.firstRow,
  };
}

/** The number the KPI table shows for a form KPI of `person` (null: no row, or no data). */
function kpiNumber(source: KpiValues, kpi: FormKpi, person: string): number | null {
  const s = FORM_KPI_SOURCE[kpi];
  const letter = source.table.columns[s.column];
  if (letter === undefined) return null;
  const row = s.row === "department" ? source.department : source.byName.get(person.toLowerCase());
  const v = row?.[columnToNumber(letter) - 1];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * The form cell of a KPI indicator: the lookup formula for the person in `nameCell` (row of the
 * form), and the value it computes — the KPI table's number rescaled to the form's `scaleMax`, as
 * the formula does it (score × max ÷ full score; rate × max), or "" (not assessed). null when
 * the indicator cannot be looked up on this table (its column is missing, or no technician row).
 */
export function kpiFormCell(
  source: KpiValues,
  kpi: FormKpi,
  person: string,
  nameCell: string,
  scaleMax: number,
  fullScore: number,
): { readonly cell: PlanCell; readonly value: number | null } | null {
  const s = FORM_KPI_SOURCE[kpi];
  const { table } = source;
  const letter = table.columns[s.column];
  if (letter === undefined || (s.row === "person" && !source.hasTechnicians)) return null;
  const col = columnToNumber(letter);
  const scale = s.kind === "score" ? `*${scaleMax}/${SETTING_NAMES.kpiFullScore}` : `*${scaleMax}`;
  let lookup: string;
  if (s.row === "department") {
    lookup = `${quoteSheetName(table.sheetName)}!$${letter}$${table.departmentRow}`;
  } else {
    const rect = (c: number) => ({ top: table.firstRow, left: c, bottom: table.departmentRow - 1, right: c });
    const escaped = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${nameCell},"~","~~"),"*","~*"),"?","~?")`;
    lookup = `INDEX(${sheetRangeRef(table.sheetName, rect(col))},MATCH(${escaped},${sheetRangeRef(table.sheetName, rect(1))},0))`;
  }
  const n = kpiNumber(source, kpi, person);
  const value = n === null ? null : s.kind === "score" ? (n * scaleMax) / fullScore : n * scaleMax;
  return { cell: { f: `=IFERROR(${lookup}${scale},"")`, expect: value ?? "" }, value };
}

/** Which table fills a form, read; and what to tell the user (the pane shows it, the command line prints it). */
export interface KpiSource {
  /** The table read, when there is one for the form. */
  readonly source?: KpiValues;
  /** Info when filled; a warning when the KPI indicators stay for typing. */
  readonly intent: "info" | "warning";
  readonly message: Text;
}

/**
 * The KPI source of a form of `period` through the reader port (one findPlans, one readRange,
 * however many people): `choice` is a sheet name or a month ("" = the form's month). A missing or
 * unknown table is a warning, never a failure: the form is still generated, with cells to type.
 */
export async function readKpiSource(
  reader: Pick<WorkbookReader, "findPlans" | "readRange">,
  period: Period,
  choice: string,
): Promise<KpiSource> {
  const { tables } = kpiTables(await reader.findPlans());
  const table = kpiTableFor(tables, period, choice.trim() === "" ? undefined : choice);
  if (!table.ok)
    return {
      intent: "warning",
      message: text(
        `${table.problem.message.zh}：KPI 指标留待填写`,
        `${table.problem.message.en}: the KPI indicators stay for typing`,
      ),
    };
  if (table.value === null) return { intent: "warning", message: noKpiTable(period) };
  const t = table.value;
  const source = kpiValues(t, await reader.readRange(t.sheetName, t.address));
  return {
    source,
    intent: "info",
    message: text(
      `KPI 指标（灰色）为公式，取自“${t.sheetName}”：登记表更正后随之更新；不在该表上的人员留空（不计入得分）。`,
      `KPI indicators (grey) are formulas from "${t.sheetName}": they follow corrections of the register; people not on that table are left blank (not assessed).`,
    ),
  };
}
