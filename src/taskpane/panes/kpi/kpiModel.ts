/**
 * The KPI pane's decisions as pure functions (tested without a DOM): the rows of the mapping
 * table, what changing one dropdown does, the months to offer, the as-of default, and the
 * preview's numbers as text.
 */
import { pick, type Locale, type Text } from "../../../core/i18n/text";
import { dateToSerial, formatSerial, parseDateTime } from "../../../core/dates";
import { isBlank } from "../../../core/values/blank";
import {
  ORDER_FIELDS,
  defaultAsOf,
  monthBounds,
  fieldDef,
  monthKey,
  monthOfSerial,
  type AmbiguousColumn,
  type ColumnMapping,
  type FieldDef,
  type KpiReport,
  type KpiRow,
  type MappingProposal,
  type Month,
  type OrderField,
  type WorkOrder,
} from "../../../core/workorders";
import { columnLetter } from "../../../sheets/common/address";
import type { Scalar } from "../../../sheets/plan";
import { formatText } from "../../i18n/format";
import { K } from "./strings";

export type MatchStatus = "exact" | "guess" | "none";

export interface MappingRow {
  readonly field: OrderField;
  readonly def: FieldDef;
  /** 0-based column in the source, or null when not used. */
  readonly column: number | null;
  /** How the column was found; "exact" also for a choice the user made. */
  readonly status: MatchStatus;
}

/** One row per register field, with the column chosen now and how sure the proposal was. */
export function mappingRows(proposal: MappingProposal, mapping: ColumnMapping): MappingRow[] {
  return ORDER_FIELDS.map((def) => {
    const column = mapping[def.id] ?? null;
    const proposed = proposal.matches.find((m) => m.field === def.id);
    const status: MatchStatus =
      column === null
        ? "none"
        : proposed && proposed.column === column && proposed.confidence < 0.9
          ? "guess"
          : "exact";
    return { field: def.id, def, column, status };
  });
}

export interface ColumnOption {
  readonly value: string;
  readonly label: string;
}

/** Dropdown options: "(not used)" then "B · 工单编号" for every column of the source. */
export function columnOptions(headers: readonly Scalar[], firstColumn: number, locale: Locale): ColumnOption[] {
  return [
    { value: "", label: pick(K.notUsed, locale) },
    ...headers.map((h, i) => ({
      value: String(i),
      label: `${columnLetter(firstColumn + i)} · ${isBlank(h) ? "—" : String(h)}`,
    })),
  ];
}

/**
 * Assigns `column` (or nothing) to `field`. A column serves one field only: if another field
 * had it, that field becomes unused, and the returned note says so.
 */
export function setFieldColumn(
  mapping: ColumnMapping,
  field: OrderField,
  column: number | null,
  headers: readonly Scalar[],
): { mapping: ColumnMapping; note: Text | null } {
  const next: Partial<Record<OrderField, number>> = { ...mapping };
  let note: Text | null = null;
  if (column === null) delete next[field];
  else {
    for (const f of ORDER_FIELDS) {
      if (f.id !== field && next[f.id] === column) {
        delete next[f.id];
        note = {
          zh: formatText(K.columnMoved, { column: String(headers[column] ?? ""), field: f.label.zh }).zh,
          en: formatText(K.columnMoved, { column: String(headers[column] ?? ""), field: f.label.en }).en,
        };
      }
    }
    next[field] = column;
  }
  return { mapping: next, note };
}

/**
 * The columns whose header could mean more than one field ("公里数": service radius or vehicle
 * mileage, issue 14) that the user has not decided yet: not assigned to a field, not set aside.
 * Generation waits until there are none — such a column is never guessed.
 */
export function undecidedColumns(
  proposal: MappingProposal,
  mapping: ColumnMapping,
  setAside: ReadonlySet<number>,
): AmbiguousColumn[] {
  const used = new Set(Object.values(mapping));
  return proposal.ambiguous.filter((a) => !used.has(a.column) && !setAside.has(a.column));
}

/** What an ambiguous column's dropdown shows: its current decision as the option value. */
export function ambiguousChoice(a: AmbiguousColumn, mapping: ColumnMapping, setAside: ReadonlySet<number>): string {
  const field = a.fields.find((f) => mapping[f] === a.column);
  return field ?? (setAside.has(a.column) ? "none" : "");
}

/** The question for an ambiguous column: “公里数”（C 列）是服务半径还是运行里程？ */
export function ambiguousQuestion(a: AmbiguousColumn, firstColumn: number): Text {
  const labels = (l: Locale) => a.fields.map((f) => pick(fieldDef(f).label, l));
  const column = columnLetter(firstColumn + a.column);
  return {
    zh: formatText(K.ambiguousQuestion, { header: a.header, column, fields: labels("zh-CN").join("、") }).zh,
    en: formatText(K.ambiguousQuestion, { header: a.header, column, fields: labels("en-US").join(", ") }).en,
  };
}

/** Headers of columns no field uses (shown so nothing is hidden from the user). */
export function unusedColumns(
  headers: readonly Scalar[],
  mapping: ColumnMapping,
  ambiguous: readonly AmbiguousColumn[] = [],
): string[] {
  const used = new Set([...Object.values(mapping), ...ambiguous.map((a) => a.column)]);
  return headers.map((h, i) => (used.has(i) || isBlank(h) ? null : String(h))).filter((h): h is string => h !== null);
}

export interface MonthChoice {
  readonly month: Month;
  readonly key: string;
  readonly orders: number;
}

/** Months with orders, newest first, with their order counts. */
export function monthChoices(orders: readonly WorkOrder[]): MonthChoice[] {
  const counts = new Map<string, { month: Month; orders: number }>();
  for (const o of orders) {
    const m = monthOfSerial(o.reportedAt);
    if (!m) continue;
    const key = monthKey(m);
    const c = counts.get(key);
    if (c) c.orders++;
    else counts.set(key, { month: m, orders: 1 });
  }
  return [...counts.entries()]
    .sort((a, b) => (a[0] < b[0] ? 1 : -1))
    .map(([key, c]) => ({ key, month: c.month, orders: c.orders }));
}

/**
 * The month to offer first: the newest month that has ended (the usual monthly appraisal is of
 * the month just closed), or the newest month with data when none has ended yet.
 */
export function defaultMonth(choices: readonly MonthChoice[], now: Date): MonthChoice | undefined {
  const n = nowSerial(now);
  return choices.find((c) => monthBounds(c.month).end <= n) ?? choices[0];
}

/** The serial of `now` on the user's clock. */
export function nowSerial(now: Date): number {
  const r = dateToSerial(now, "local");
  return r.ok ? r.value : 0;
}

/** The as-of text the field starts with for a month: "2026-11-01 00:00". */
export function defaultAsOfText(month: Month, now: Date): string {
  return formatSerial(defaultAsOf(month, nowSerial(now)));
}

/** Reads the as-of field; null when it is not a date-time. */
export function readAsOf(value: string): number | null {
  const r = parseDateTime(value);
  return r.ok ? r.value : null;
}

export interface PreviewLine {
  readonly name: string;
  readonly department: boolean;
  readonly cells: readonly string[];
}

const pct = (x: number | null): string => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, digits: number): string => (x === null ? "—" : x.toFixed(digits));

/**
 * The preview's columns after the name: orders, the policy's four composite KPIs (维修响应时间,
 * 维修及时率, 维修质量评分, 客户满意度), the complaint rate ("< 3%") and the composite with its grade.
 */
export const PREVIEW_HEADERS: readonly Text[] = [
  K.pTechnician,
  K.pOrders,
  K.pResponse,
  K.pCompletion,
  K.pQuality,
  K.pSatisfaction,
  K.pComplaint,
  K.pComposite,
  K.pGrade,
];

/** The preview table: technicians, then the department, as text. */
export function previewLines(report: KpiReport, locale: Locale): PreviewLine[] {
  const line = (row: KpiRow, department: boolean): PreviewLine => {
    const v = row.values;
    return {
      name: department ? pick(K.department, locale) : (row.technician ?? pick(K.unassigned, locale)),
      department,
      cells: [
        String(v.orders),
        num(v.avgResponseHours, 1),
        pct(v.completionOnTimeRate),
        num(v.avgQuality, 1),
        num(v.avgSatisfaction, 1),
        pct(v.complaintRate),
        num(v.compositeScore, 2),
        v.grade ?? "—",
      ],
    };
  };
  return [...report.current.technicians.map((r) => line(r, false)), line(report.current.department, true)];
}

/** The label of a field in the mapping table ("报修时间 *" for a required one). */
export function fieldLabel(field: OrderField, locale: Locale): string {
  const def = fieldDef(field);
  return `${pick(def.label, locale)}${def.required ? " *" : ""}`;
}
