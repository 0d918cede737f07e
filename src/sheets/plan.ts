/**
 * A SheetPlan is plain data describing one generated sheet. Generators (src/sheets/<job>/)
 * are pure functions (options, core results) → SheetPlan; two writers render a plan:
 * src/excel (Office.js, into the open workbook) and src/xlsx (a streaming .xlsx writer, into a file).
 * Everything that decides *what* a sheet contains is therefore testable as data in Node;
 * the writers decide only *how* it is written, and a parity test holds them to one result.
 *
 * Conventions
 * - Addresses are A1 strings on the plan's own sheet ("B3", "B3:F20"), absolute or not.
 * - Formulas are English-locale Excel formulas with a leading "=", comma separators, and
 *   only functions that Excel 2010+, WPS and LibreOffice all compute (RULES.md#portable-formulas). Functions
 *   newer than Excel 2007 carry their `_xlfn.` prefix, as Excel writes them in files.
 * - Dates and times are Excel serial numbers with a date number format.
 * - A string value is ALWAYS text, whatever it starts with ("=", "+", "-", "@"): writers must
 *   make sure it never becomes a formula (RULES.md#text-stays-text). Only `{ f }` cells are formulas.
 */

import type { Text } from "../core/i18n/text";
import type { AppraisalMarker, RatersMarker } from "./appraisal/marker";
import type { AuditMarker, AuditSummaryMarker } from "./audit6s/marker";
import type { BonusMarker } from "./bonus/marker";
import type { SettingsMarker } from "./settings/marker";
import type { KpiMarker, ProblemsMarker, RegisterMarker } from "./workorders/marker";
import type { RecordKind, RecordMarker } from "./records/marker";

export type Scalar = string | number | boolean | null;

/** Excel error values a formula may legitimately produce (e.g. #N/A for "no score"). */
export type ExcelErrorValue = "#N/A" | "#VALUE!" | "#NUM!" | "#DIV/0!" | "#REF!" | "#NAME?" | "#NULL!";

/**
 * What the TypeScript engine says a formula cell must compute to. The LibreOffice round trip
 * compares every formula cell that has one. Numbers compare with a relative tolerance of 1e-9;
 * `""` means the formula yields an empty string (shown blank); `{ error }` an Excel error.
 */
export type Expected = Scalar | { readonly error: ExcelErrorValue };

/** A formula cell. `f` includes the leading "=". */
export interface FormulaCell {
  readonly f: string;
  readonly expect?: Expected;
}

/** A literal (string = text, always) or a formula. `null` leaves the cell empty. */
export type PlanCell = Scalar | FormulaCell;

export function isFormulaCell(cell: PlanCell | undefined): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && typeof (cell as FormulaCell).f === "string";
}

/**
 * A rectangle of cells anchored at `at` (its top-left cell). Rows may be ragged; missing = empty.
 * `rows` may be lazy (`lazyRows` in formula/lazyRows.ts: each row built when read), so a writer
 * reads rows by index or in chunks (`rowChunks`) rather than keeping them.
 */
export interface CellBlock {
  readonly at: string;
  readonly rows: readonly (readonly PlanCell[])[];
}

/**
 * One formula filled over a rectangular range, the way Excel's fill-down (Ctrl+D) does it:
 * `formula` is the formula of the range's top-left cell; every other cell gets it with its
 * relative references shifted (absolute `$` parts and names stay). Writers may render this
 * without sending one formula per cell (constant payload for 100,000 rows).
 * `expect`, when given, has one entry per cell of the range, row-major, same shape.
 */
export interface FormulaFill {
  readonly range: string;
  readonly formula: string;
  readonly expect?: readonly (readonly Expected[])[];
}

export type HorizontalAlignment = "left" | "center" | "right";
export type VerticalAlignment = "top" | "middle" | "bottom";
export type BorderWeight = "thin" | "medium" | "thick";

/** Colours are 6-digit hex without "#", e.g. "1F4E79". */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly horizontal?: HorizontalAlignment;
  readonly vertical?: VerticalAlignment;
  readonly wrap?: boolean;
  readonly indent?: number;
  readonly numberFormat?: string;
  /** Border on every edge of every cell in the range (grid). */
  readonly border?: BorderWeight;
  /** Border on the outside of the range only (box). */
  readonly outline?: BorderWeight;
  /** Cell protection flag; meaningful only when the plan protects the sheet. Default true. */
  readonly locked?: boolean;
}

/** A style applied to a range. Later entries win over earlier ones for the same property. */
export interface RangeFormat {
  readonly range: string;
  readonly style: CellStyle;
}

export interface ColumnSpec {
  /** Column letter(s), e.g. "A" or "AB". */
  readonly column: string;
  /** Width in characters (Excel's unit in files); the Office.js writer converts to points. */
  readonly width?: number;
  readonly hidden?: boolean;
}

export interface RowSpec {
  readonly row: number;
  /** Height in points. */
  readonly height?: number;
  readonly hidden?: boolean;
}

export type ValidationRule =
  | { readonly type: "list"; readonly values: readonly string[] }
  /** A list whose items come from a range or a name, e.g. "=SVC_Grades". */
  | { readonly type: "listSource"; readonly source: string }
  | { readonly type: "decimal" | "whole"; readonly min?: number; readonly max?: number }
  | { readonly type: "date"; readonly min?: number; readonly max?: number }
  | { readonly type: "textLength"; readonly max: number };

export interface DataValidation {
  readonly range: string;
  readonly rule: ValidationRule;
  readonly allowBlank?: boolean;
  /** Shown when the cell is selected. */
  readonly prompt?: { readonly title: string; readonly message: string };
  /** Shown when an invalid entry is refused. */
  readonly error: { readonly title: string; readonly message: string };
}

export type ComparisonOperator =
  | "between"
  | "notBetween"
  | "equal"
  | "notEqual"
  | "greaterThan"
  | "lessThan"
  | "greaterThanOrEqual"
  | "lessThanOrEqual";

export interface ConditionalStyle {
  readonly fontColor?: string;
  readonly fill?: string;
  readonly bold?: boolean;
}

export type ConditionalRule =
  | {
      readonly type: "cellValue";
      readonly operator: ComparisonOperator;
      readonly formula1: string;
      readonly formula2?: string;
    }
  /** True/false formula written for the range's top-left cell, relative like fill-down. */
  | { readonly type: "expression"; readonly formula: string };

export interface ConditionalFormat {
  readonly range: string;
  readonly rule: ConditionalRule;
  readonly style: ConditionalStyle;
  /** Evaluation order; lower first. Writers keep plan order when absent. */
  readonly priority?: number;
  readonly stopIfTrue?: boolean;
}

export interface TableSpec {
  /** Workbook-unique table name (letters, digits, "_"), made unique by the writer if taken. */
  readonly name: string;
  /** Header row included. */
  readonly range: string;
  readonly style?: string;
  readonly showTotals?: boolean;
}

/** A workbook-scoped defined name pointing at a range of this sheet. */
export interface NamedRange {
  readonly name: string;
  readonly range: string;
  readonly comment?: string;
}

export type ChartType = "column" | "bar" | "line" | "pie" | "radar" | "columnLine";

export interface ChartSeries {
  readonly name: string;
  /** Range of this sheet holding the values. */
  readonly values: string;
  /** Range of this sheet holding the category labels. */
  readonly categories: string;
  /** For "columnLine": draw this series as a line (e.g. a target). */
  readonly asLine?: boolean;
}

export interface ChartSpec {
  readonly type: ChartType;
  readonly title: string;
  readonly series: readonly ChartSeries[];
  /** Cells the chart covers: top-left and bottom-right. */
  readonly from: string;
  readonly to: string;
  readonly yAxis?: { readonly min?: number; readonly max?: number; readonly numberFormat?: string };
}

export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  readonly paper: "A4";
  /** Fit all columns on one page width. */
  readonly fitToWidth: boolean;
  /** Pages tall when fitting; 0 or absent = as many as needed. */
  readonly fitToHeight?: number;
  /** Rows repeated at the top of each printed page, e.g. "1:4". */
  readonly titleRows?: string;
  /**
   * The cells printed: one range, or several — Excel and LibreOffice print each area of a
   * multi-area print range from a page of its own (a form's table, then the chart beside it).
   */
  readonly printArea?: string | readonly string[];
  /** Rows before which a manual page break is inserted (one area per page). */
  readonly pageBreaksBefore?: readonly number[];
  /** Centre header/footer text; "&P"/"&N" page codes allowed. */
  readonly header?: string;
  readonly footer?: string;
  /** Page margins in inches (the .xlsx unit; the Office.js writer converts to points). */
  readonly margins?: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly centerHorizontally?: boolean;
}

/**
 * What kind of generated sheet this is, so later features find it by marker, never by
 * guessing its name. Writers store it as a workbook name `SVC_PLAN_<kind>_<n>` pointing at a
 * cell that holds `JSON.stringify(marker)` (in a hidden column, see `markerCell`).
 */
export type PlanKind =
  | "settings"
  | "appraisal"
  | "raters"
  | "register"
  | "kpi"
  | "problems"
  | "audit6s"
  | "audit6sSummary"
  | "bonus"
  | "callLog"
  | "conductLog"
  | RecordKind;

/** A marker of one kind: the kind, the format version of `meta`, and the kind's layout facts. */
export interface MarkerOf<K extends PlanKind, M extends object> {
  readonly kind: K;
  /** Format version of `meta`, bumped when a generator changes its layout (see each kind's `marker.ts`). */
  readonly version: number;
  /** Layout facts another generator needs to read this sheet back (rows, columns, period…). */
  readonly meta: M;
}

/**
 * The marker a generator writes, one member per kind, each with its own `meta` type. Read back
 * from a workbook a marker is only a `MarkerEnvelope` until its kind's validator (`<kind>MarkerOf`
 * in `sheets/<job>/marker.ts`) has checked its version and meta.
 */
export type PlanMarker =
  | SettingsMarker
  | AppraisalMarker
  | RatersMarker
  | RegisterMarker
  | KpiMarker
  | ProblemsMarker
  | AuditMarker
  | AuditSummaryMarker
  | BonusMarker
  | RecordMarker;

/**
 * A marker whose meta is not typed: what the writers need (the kind, for the workbook name, and
 * JSON to store; every `PlanMarker` is one, so is a test's hand-made marker) and what a marker
 * read back from a workbook is until its kind's validator has checked it.
 */
export type MarkerEnvelope = MarkerOf<PlanKind, object>;

/** One sheet. Generators return `SheetPlan<TheirMarker>`, so `plan.marker.meta` is typed. */
export interface SheetPlan<M extends MarkerEnvelope = MarkerEnvelope> {
  /** Preferred sheet name; the writer picks "Name (2)" when it is taken. At most 31 characters. */
  readonly name: string;
  readonly marker: M;
  /** Where the marker JSON is written; its column is hidden by the writers. */
  readonly markerCell: string;
  readonly cells: readonly CellBlock[];
  readonly fills?: readonly FormulaFill[];
  readonly formats?: readonly RangeFormat[];
  readonly merges?: readonly string[];
  readonly columns?: readonly ColumnSpec[];
  readonly rows?: readonly RowSpec[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly validations?: readonly DataValidation[];
  readonly conditionalFormats?: readonly ConditionalFormat[];
  readonly tables?: readonly TableSpec[];
  readonly names?: readonly NamedRange[];
  readonly charts?: readonly ChartSpec[];
  readonly print?: PrintSetup;
  /** Tab colour, hex. */
  readonly tabColor?: string;
  /** Protect the sheet (locked cells read-only, no password); unlocked input cells stay editable. */
  readonly protect?: boolean;
  /** Shown to the user after generation, e.g. how many rows were left out and why. */
  readonly notes?: readonly Text[];
}

/** Several sheets generated together (e.g. register + problems + KPI) and written as one unit. */
export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  /** The sheet to activate afterwards (index into `sheets`). */
  readonly activate?: number;
}

/** A generated sheet found in a workbook by its marker (never by its name). */
export interface FoundPlan {
  readonly sheetName: string;
  /** As read: check it with the kind's validator (`<kind>MarkerOf`) before using its meta. */
  readonly marker: MarkerEnvelope;
}

/** What a writer reports after writing a WorkbookPlan. */
export interface WriteReport {
  /** One entry per plan sheet: the name asked for and the unique name actually used. */
  readonly sheets: readonly { readonly planned: string; readonly actual: string; readonly kind: PlanKind }[];
  /** context.sync() round trips used (0 for the xlsx writer). */
  readonly syncs: number;
  /** Largest single request payload in bytes (0 for the xlsx writer). */
  readonly largestRequestBytes: number;
  /**
   * Cosmetics (print setup, freeze panes, tab colour, charts) the host refused after the data was
   * committed: the sheets are complete, these parts are missing. Panes show them as warnings.
   */
  readonly warnings?: readonly Text[];
}

/**
 * A block of cells read from a workbook or a file, as the user has it: the raw values (numbers,
 * strings, booleans; blanks as null; dates as serial numbers when the cell is a date) and, where
 * known, the number formats. Row/column numbers are 1-based as the user sees them.
 */
export interface RangeData {
  readonly sheetName: string;
  readonly address: string;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly values: readonly (readonly Scalar[])[];
  readonly numberFormats?: readonly (readonly string[])[];
  /**
   * Rows of the range a filter hides in the workbook (they are in `values` all the same), when
   * the host knows; a pane says so, since the user does not see those rows.
   */
  readonly hiddenRows?: number;
}
