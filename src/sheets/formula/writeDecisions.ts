/**
 * Decisions both writers (Office.js in src/excel, .xlsx in src/xlsx) must take the same way, so
 * they are taken once, here, and each writer only maps the answer to its own vocabulary:
 *
 * - the evaluation order of conditional formats (`conditionalFormatOrder`);
 * - the bounds of a number/date validation, including the "any value" bounds when the plan
 *   gives none (`validationBounds`), and the text of an inline list (`listValidationSource`);
 * - date bounds within Excel's calendar, and a serial spelled as a date where an API wants one:
 *   `clampDateSerial` and `excelDateIso` of validationBounds.ts (one place for both writers);
 * - the rows repeated on printed pages (`printTitleRows`) and the manual page breaks
 *   (`pageBreakRows`);
 * - the column that holds the marker and is hidden (`markerColumn`);
 * - what a writer reports (`writeReport`).
 */
import type { Text } from "../../core/i18n/text";
import type { ConditionalFormat, PrintSetup, SheetPlan, ValidationRule, WriteReport } from "../plan";
import { parseCell } from "./a1";
import type { PreparedWorkbook } from "./prepare";
import { clampDateSerial, FIRST_DATE_SERIAL, LAST_DATE_SERIAL } from "./validationBounds";

/** Evaluation order of conditional formats: by `priority` (absent = plan order), stable. */
export function conditionalFormatOrder(cfs: readonly ConditionalFormat[]): ConditionalFormat[] {
  return cfs
    .map((cf, i) => ({ cf, i }))
    .sort(
      (a, b) => (a.cf.priority ?? Number.MAX_SAFE_INTEGER) - (b.cf.priority ?? Number.MAX_SAFE_INTEGER) || a.i - b.i,
    )
    .map((x) => x.cf);
}

/** The comparison a number/date validation makes, in OOXML's words (Office.js: see excel/write). */
export type BoundsOperator = "between" | "greaterThanOrEqual" | "lessThanOrEqual";

export interface ValidationBounds {
  readonly operator: BoundsOperator;
  /** A number for decimal/whole, a date serial for date. */
  readonly formula1: number;
  readonly formula2?: number;
}

/** The widest numbers a validation accepts when the plan sets no bound (Excel's own limits). */
export const ANY_NUMBER_BOUNDS = { min: -9.99e307, max: 9.99e307 } as const;
/** The first and last day Excel knows (1900-01-01, 9999-12-31): "any date". */
export const ANY_DATE_BOUNDS = { min: FIRST_DATE_SERIAL, max: LAST_DATE_SERIAL } as const;

/**
 * Bounds of a decimal, whole or date validation: both bounds → between; one → ≥ or ≤; none →
 * between the widest values of the type (Excel requires a formula, so "any" is spelled out).
 * Date bounds are clamped into Excel's calendar, so both writers store the same dates (the
 * Office.js writer spells them with `excelDateIso`).
 */
export function validationBounds(
  rule: Extract<ValidationRule, { type: "decimal" | "whole" | "date" }>,
): ValidationBounds {
  const clamp = (x: number | undefined) => (x === undefined || rule.type !== "date" ? x : clampDateSerial(x));
  const min = clamp(rule.min);
  const max = clamp(rule.max);
  if (min !== undefined && max !== undefined) return { operator: "between", formula1: min, formula2: max };
  if (min !== undefined) return { operator: "greaterThanOrEqual", formula1: min };
  if (max !== undefined) return { operator: "lessThanOrEqual", formula1: max };
  const any = rule.type === "date" ? ANY_DATE_BOUNDS : ANY_NUMBER_BOUNDS;
  return { operator: "between", formula1: any.min, formula2: any.max };
}

/** The comparison of a text-length validation: the plan's `max` is an upper bound. */
export const TEXT_LENGTH_OPERATOR: BoundsOperator = "lessThanOrEqual";

/** An inline list as Excel stores it: the items joined by commas (prepare refuses commas and quotes in items). */
export function listValidationSource(values: readonly string[]): string {
  return values.join(",");
}

/** The rows repeated at the top of printed pages, "1:4" or "$1:$4" → { first: 1, last: 4 }. */
export function printTitleRows(print: PrintSetup): { readonly first: number; readonly last: number } | undefined {
  if (!print.titleRows) return undefined;
  const m = /^\$?(\d+):\$?(\d+)$/.exec(print.titleRows);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return { first: Math.min(a, b), last: Math.max(a, b) };
}

/** The same rows as an absolute reference body, "$1:$4" (what both Excel and files store). */
export function printTitleRowsRef(rows: { readonly first: number; readonly last: number }): string {
  return `$${rows.first}:$${rows.last}`;
}

/** The print area's ranges, in order (none when the whole sheet prints). */
export function printAreas(print: PrintSetup): readonly string[] {
  const area = print.printArea;
  if (area === undefined) return [];
  return typeof area === "string" ? [area] : area;
}

/** Rows before which a manual page break goes; a break before row 1 means nothing and is dropped. */
export function pageBreakRows(print: PrintSetup): number[] {
  return [...new Set((print.pageBreaksBefore ?? []).filter((r) => r >= 2))].sort((a, b) => a - b);
}

/** The column holding the marker JSON; both writers hide it. */
export function markerColumn(plan: SheetPlan): number {
  return parseCell(plan.markerCell).column;
}

/** Table style when the plan names none. */
export const DEFAULT_TABLE_STYLE = "TableStyleMedium2";

/** What a protected generated sheet still lets the user do: resize columns and rows (and select cells). */
export const SHEET_PROTECTION_ALLOWS = { formatColumns: true, formatRows: true } as const;

/** The report of a write: the sheets (planned → actual name), the writer's round-trip figures and warnings. */
export function writeReport(
  prepared: PreparedWorkbook,
  figures: {
    readonly syncs: number;
    readonly largestRequestBytes: number;
    readonly warnings?: readonly Text[];
  } = { syncs: 0, largestRequestBytes: 0 },
): WriteReport {
  return {
    sheets: prepared.sheets.map((s) => ({ planned: s.planned, actual: s.actualName, kind: s.plan.marker.kind })),
    syncs: figures.syncs,
    largestRequestBytes: figures.largestRequestBytes,
    ...(figures.warnings?.length ? { warnings: figures.warnings } : {}),
  };
}
