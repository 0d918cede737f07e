/**
 * Writes a WorkbookPlan into the open workbook with Office.js — the only writer that talks to
 * Excel. Requirement sets per API: see ./requirements.ts (maximum ExcelApi 1.9).
 *
 * Round trips. One sync reads the workbook's sheet, name and table names; every write is then
 * queued as a list of steps that are packed into batches of at most `maxRequestBytes`
 * (default 4,000,000 — under Excel on the web's 5 MB request limit), one sync per batch, each
 * batch starting with `application.suspendApiCalculationUntilNextSync()`. A plan that fits in
 * one request therefore costs 2 syncs whatever its size; only the value/formula blocks of a
 * very large plan add batches. Value blocks are split by rows (by columns too when one row is
 * larger than a request).
 *
 * Fills. A FormulaFill sends its formula once: the top-left cell gets it through `formulas`,
 * the rest of the first row copies it with `range.copyFrom(topLeft, "Formulas")`, and the rest
 * of the range copies the first row the same way (ExcelApi 1.9; like paste, Excel shifts the
 * relative references and replicates the source over a destination that is a multiple of it).
 * copyFrom was preferred over autoFill (also 1.9): with copy type "Formulas" it copies no
 * formats and never extends numbers as a series, so it is exactly "fill down a formula".
 *
 * Injection safety (RULES.md#text-stays-text). Every plan string is written with a leading apostrophe, Excel's
 * quote prefix: "'=HYPERLINK(…)" stores the text =HYPERLINK(…), "'007" the text 007, "''x" the
 * text 'x. The apostrophe is not part of the cell's value (Excel reports the text without it),
 * it works in a cell of any number format, and it needs no number-format change, so the cells'
 * formats stay exactly as the plan says. Only `{ f }` cells are sent as formulas.
 *
 * Rollback. If any batch fails, one sync re-reads the sheet and name lists and a second deletes
 * every sheet and every name this call created (tables and charts go with their sheets), then a
 * PlanWriteError says, in both languages, what was being written and why it failed. Sheets that
 * existed before are never written to: every range this writer touches is on a sheet it added.
 */
import { text, type Text } from "../core/i18n/text";
import { problem, ProblemError } from "../core/problem";
import { formatCell, formatRange, parseRange, type Rect } from "../sheets/formula/a1";
import { tokenizeFormula } from "../sheets/formula/tokens";
import { excelDateIso } from "../sheets/formula/validationBounds";
import {
  DEFAULT_TABLE_STYLE,
  SHEET_PROTECTION_ALLOWS,
  TEXT_LENGTH_OPERATOR,
  conditionalFormatOrder,
  listValidationSource,
  markerColumn,
  pageBreakRows,
  printAreas,
  printTitleRows,
  printTitleRowsRef,
  validationBounds,
  writeReport,
  type BoundsOperator,
} from "../sheets/formula/writeDecisions";
import { rowChunks, rowsWidth } from "../sheets/formula/lazyRows";
import { syncWithin, DEFAULT_SYNC_LIMIT_MS, SyncTimeoutError } from "./sync";
import {
  PlanError,
  TABLE_TOTALS_LABEL,
  prepareWorkbookPlan,
  type PreparedSheet,
  type PreparedWorkbook,
} from "../sheets/formula/prepare";
import {
  isFormulaCell,
  type BorderWeight,
  type CellStyle,
  type ChartSpec,
  type ComparisonOperator,
  type DataValidation,
  type PlanCell,
  type WorkbookPlan,
  type WriteReport,
} from "../sheets/plan";

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

/** Progress of a write: batches synced of all batches, and the plan's value rows written so far. */
export interface WriteProgressReport {
  readonly done: number;
  readonly total: number;
  readonly rowsWritten: number;
  readonly rowsTotal: number;
}

export interface WriteOptions {
  onProgress?(p: WriteProgressReport): void;
  maxRequestBytes?: number;
  /** How long one sync may take before the write is reported as hung (default 90 s). */
  syncLimitMs?: number;
}

/** A failed write: what failed and why (both languages), after the rollback. */
export class PlanWriteError extends ProblemError {
  constructor(
    text: Text,
    override readonly cause: unknown,
    /** Sheets the rollback could not remove (empty when the workbook is as it was). */
    readonly leftovers: readonly string[] = [],
  ) {
    super(problem("value", text), { cause });
    this.name = "PlanWriteError";
  }

  /** The same as `problem.message` (kept for existing callers). */
  get text(): Text {
    return this.problem.message;
  }
}

// ------------------------------------------------------------------ helpers

/** UTF-8 length of a string, without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/** Estimated bytes of one queued operation: a generous fixed cost for its object path plus its arguments. */
const OP_OVERHEAD = 400;
function est(ops: number, ...args: unknown[]): number {
  return ops * OP_OVERHEAD + (args.length ? utf8Length(JSON.stringify(args)) : 0);
}

/**
 * A plan string as written to Excel: the quote prefix keeps it text whatever it starts with
 * ("=", "+", "-", "@", "'", digits, TRUE, dates…). Empty strings clear the cell.
 */
export function textEntry(s: string): string {
  return s === "" ? "" : `'${s}`;
}

type Entry = string | number | boolean | null;

/**
 * A plan formula as Office.js takes it: without the file format's `_xlfn.`/`_xlws.` prefixes.
 * `Range.formulas` takes what a user types; a typed `_xlfn.AGGREGATE(…)` is not a function name
 * and shows #NAME? ("Issue: An _xlfn. prefix is displayed in front of a formula",
 * https://support.microsoft.com/excel/issue-an-xlfn-prefix-is-displayed-in-front-of-a-formula). The
 * prefix marks functions newer than Excel 2007 in the file (MS-XLSX 2.2.2,
 * https://learn.microsoft.com/openspecs/office_standards/ms-xlsx/5d1b6d44-6fc1-4ecd-8fef-0b27406cc2bf),
 * so the .xlsx writer keeps it and this writer removes it. Only function-name tokens change:
 * "_xlfn." inside a string literal stays.
 */
export function apiFormula(formula: string): string {
  if (!/_xl(fn|ws)\./i.test(formula)) return formula;
  return tokenizeFormula(formula)
    .map((t) => (t.type === "function" ? t.text.replace(/^(_xlfn\.|_xlws\.)+/i, "") : t.text))
    .join("");
}

function entryOf(cell: PlanCell | undefined): Entry {
  if (cell === null || cell === undefined) return null;
  if (isFormulaCell(cell)) return apiFormula(cell.f);
  if (typeof cell === "string") return textEntry(cell);
  return cell as number | boolean;
}

/** Excel's column width unit (characters of the default font, as stored in files) → points. */
export function columnWidthToPoints(chars: number): number {
  const pixels = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}

const WEIGHT: Record<BorderWeight, Excel.BorderWeight> = { thin: "Thin", medium: "Medium", thick: "Thick" } as Record<
  BorderWeight,
  Excel.BorderWeight
>;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const CF_OPERATOR: Record<ComparisonOperator, string> = {
  between: "Between",
  notBetween: "NotBetween",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThanOrEqual: "LessThanOrEqual",
};
const CHART_TYPE: Record<ChartSpec["type"], string> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
  pie: "Pie",
  radar: "Radar",
  columnLine: "ColumnClustered",
};

function eq(f: string): string {
  return apiFormula(f.startsWith("=") ? f : `=${f}`);
}

// ------------------------------------------------------------------ steps

/**
 * Steps come in three phases. "data" (sheets, names, tables, cells, formats, validation,
 * conditional formats) is written first and rolled back if any of it fails. "cosmetic" (print
 * setup, freeze panes, tab colour, charts) follows in a best-effort batch: these APIs have known
 * platform bugs — fit-to-page not set (office-js #1860), freezeRows GeneralException (#2196),
 * chart axis min/max refused on Windows and iPad (#1729, #1688), charts.add reading a range the
 * wrong way round on the web (#1830), series.add plotting wrong values (#2927) — so a failure
 * there becomes a warning on complete data, never a rollback. "finish" (recalculation, sheet
 * protection, activation) comes last: protection after the cosmetics it would block.
 */
type Phase = "data" | "cosmetic" | "finish";

interface Step {
  readonly what: Text;
  readonly bytes: number;
  /** Plan rows of cell values this step writes (for progress). */
  readonly rows?: number;
  readonly phase?: Phase;
  /** For chart steps: the sheet and the chart's name, so a retry can remove a half-made chart. */
  readonly chart?: { readonly sheet: string; readonly name: string };
  run(): void;
}

interface Writer {
  readonly context: Excel.RequestContext;
  readonly sheets: Map<string, Excel.Worksheet>;
  readonly steps: Step[];
  readonly chunkLimit: number;
}

function sheetOf(w: Writer, name: string): Excel.Worksheet {
  const s = w.sheets.get(name);
  if (!s) throw new Error(`internal: sheet ${name} used before it was added`);
  return s;
}

function on(sheet: string, zh: string, en: string): Text {
  return text(`工作表“${sheet}”的${zh}`, `${en} on sheet "${sheet}"`);
}

/** Splits a block of entries into rectangles whose JSON stays under `limit` bytes. */
function chunkBlock(
  top: number,
  left: number,
  rows: readonly Entry[][],
  width: number,
  limit: number,
): { rect: Rect; values: Entry[][] }[] {
  const out: { rect: Rect; values: Entry[][] }[] = [];
  let start = 0;
  let acc: Entry[][] = [];
  let bytes = 2;
  const flush = (endExclusive: number) => {
    if (acc.length && acc.some((r) => r.some((v) => v !== null))) {
      out.push({
        rect: { top: top + start, left, bottom: top + endExclusive - 1, right: left + width - 1 },
        values: acc,
      });
    }
    acc = [];
    bytes = 2;
    start = endExclusive;
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const rowBytes = utf8Length(JSON.stringify(row)) + 1;
    if (rowBytes + 2 > limit) {
      // One row larger than a request: split it by columns.
      flush(i);
      let c0 = 0;
      let seg: Entry[] = [];
      let segBytes = 2;
      for (let c = 0; c < row.length; c++) {
        const b = utf8Length(JSON.stringify(row[c])) + 1;
        if (b + 4 > limit)
          throw new PlanError(text("单元格内容过大，无法写入", "A cell's content is larger than one request"));
        if (segBytes + b + 2 > limit) {
          if (seg.some((v) => v !== null))
            out.push({ rect: { top: top + i, left: left + c0, bottom: top + i, right: left + c - 1 }, values: [seg] });
          c0 = c;
          seg = [];
          segBytes = 2;
        }
        seg.push(row[c]!);
        segBytes += b;
      }
      if (seg.some((v) => v !== null))
        out.push({
          rect: { top: top + i, left: left + c0, bottom: top + i, right: left + row.length - 1 },
          values: [seg],
        });
      start = i + 1;
      continue;
    }
    if (bytes + rowBytes > limit) flush(i);
    acc.push(row);
    bytes += rowBytes;
  }
  flush(rows.length);
  return out;
}

/** Rows of a block read a chunk at a time, so a lazy 100,000-row block never exists whole (lazyRows.ts). */
const CELL_CHUNK_ROWS = 2_000;

/** The entries of one plan row, `width` wide. */
function entryRow(row: readonly PlanCell[] | undefined, width: number): Entry[] {
  return Array.from({ length: width }, (_, j) => entryOf(row?.[j]));
}

/**
 * Value blocks as payload-bounded steps. The block's rows are read in chunks (rowChunks) only
 * to size the requests; each step keeps just its rectangle and builds its entries again when it
 * runs, so what is held at once is one chunk, not the block (rows of a lazy block are pure
 * functions of their index: lazyRows.ts). Requests stay under Excel on the web's 5 MB payload
 * limit ("Excel add-ins… payload size limit for requests and responses of 5 MB",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
function addCellSteps(w: Writer, s: PreparedSheet): void {
  const plan = s.plan;
  for (const block of plan.cells) {
    const at = parseRange(block.at);
    const width = rowsWidth(block.rows);
    if (width === 0) continue;
    const valuesOf = (rect: Rect): Entry[][] => {
      const out: Entry[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++)
        out.push(entryRow(block.rows[r - at.top], width).slice(rect.left - at.left, rect.right - at.left + 1));
      return out;
    };
    for (const { start, rows } of rowChunks(block.rows, CELL_CHUNK_ROWS)) {
      const entries = rows.map((r) => entryRow(r, width));
      for (const chunk of chunkBlock(at.top + start, at.left, entries, width, w.chunkLimit)) {
        const rect = chunk.rect; // the step keeps the rectangle only, not the chunk's values
        const address = formatRange(rect);
        w.steps.push({
          what: on(s.actualName, `单元格 ${address}`, `cells ${address}`),
          bytes: est(1, address, chunk.values),
          // A row split by columns counts once, with its first piece.
          rows: rect.left === at.left ? rect.bottom - rect.top + 1 : 0,
          run: () => {
            sheetOf(w, s.actualName).getRange(address).formulas = valuesOf(rect) as unknown as string[][];
          },
        });
      }
    }
  }
  for (const fill of plan.fills ?? []) {
    const r = parseRange(fill.range);
    w.steps.push({
      what: on(s.actualName, `公式填充 ${fill.range}`, `formula fill ${fill.range}`),
      bytes: est(3, fill.formula, fill.range),
      run: () => {
        const sheet = sheetOf(w, s.actualName);
        const topLeft = sheet.getRange(formatCell(r.top, r.left));
        topLeft.formulas = [[apiFormula(fill.formula)]];
        if (r.right > r.left)
          sheet
            .getRange(formatRange({ top: r.top, bottom: r.top, left: r.left + 1, right: r.right }))
            .copyFrom(topLeft, "Formulas");
        if (r.bottom > r.top) {
          const firstRow = sheet.getRange(formatRange({ top: r.top, bottom: r.top, left: r.left, right: r.right }));
          sheet
            .getRange(formatRange({ top: r.top + 1, bottom: r.bottom, left: r.left, right: r.right }))
            .copyFrom(firstRow, "Formulas");
        }
      },
    });
  }
  w.steps.push({
    what: on(s.actualName, "标记", "marker"),
    bytes: est(1, s.markerJson),
    run: () => {
      sheetOf(w, s.actualName).getRange(plan.markerCell).formulas = [[textEntry(s.markerJson)]];
    },
  });
}

function applyStyle(range: Excel.Range, style: CellStyle, rect: Rect): void {
  if (style.numberFormat !== undefined) range.numberFormat = [[style.numberFormat]];
  const font = range.format.font;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.underline !== undefined) font.underline = style.underline ? "Single" : "None";
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor !== undefined) font.color = `#${style.fontColor}`;
  if (style.fill !== undefined) range.format.fill.color = `#${style.fill}`;
  if (style.horizontal !== undefined) range.format.horizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical !== undefined) range.format.verticalAlignment = V_ALIGN[style.vertical];
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.indent !== undefined) range.format.indentLevel = style.indent;
  const edges: Excel.BorderIndex[] = [];
  if (style.border !== undefined) {
    edges.push(
      "EdgeTop" as Excel.BorderIndex,
      "EdgeBottom" as Excel.BorderIndex,
      "EdgeLeft" as Excel.BorderIndex,
      "EdgeRight" as Excel.BorderIndex,
    );
    if (rect.right > rect.left) edges.push("InsideVertical" as Excel.BorderIndex);
    if (rect.bottom > rect.top) edges.push("InsideHorizontal" as Excel.BorderIndex);
    for (const e of edges) {
      const b = range.format.borders.getItem(e);
      b.style = "Continuous";
      b.weight = WEIGHT[style.border];
    }
  }
  if (style.outline !== undefined) {
    for (const e of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as Excel.BorderIndex[]) {
      const b = range.format.borders.getItem(e);
      b.style = "Continuous";
      b.weight = WEIGHT[style.outline];
    }
  }
  if (style.locked !== undefined) range.format.protection.locked = style.locked;
}

/**
 * The shared bounds operators (writeDecisions.ts, OOXML's words) as Office.js spells them
 * (Excel.DataValidationOperator, https://learn.microsoft.com/javascript/api/excel/excel.datavalidationoperator).
 */
const VALIDATION_OPERATOR: Record<BoundsOperator, Excel.DataValidationOperator> = {
  between: "Between" as Excel.DataValidationOperator,
  greaterThanOrEqual: "GreaterThanOrEqualTo" as Excel.DataValidationOperator,
  lessThanOrEqual: "LessThanOrEqualTo" as Excel.DataValidationOperator,
};

/**
 * A plan's validation rule as an Excel.DataValidationRule
 * (https://learn.microsoft.com/javascript/api/excel/excel.datavalidationrule): the decision (which
 * bounds, which operator, the list's text) is writeDecisions.ts's, shared with the .xlsx writer;
 * here only the spelling. A list's `source` is "a string that contains comma-separated" values or
 * a formula (Excel.ListDataValidation, https://learn.microsoft.com/javascript/api/excel/excel.listdatavalidation);
 * decimal, whole and text-length bounds are numbers (Excel.BasicDataValidation,
 * https://learn.microsoft.com/javascript/api/excel/excel.basicdatavalidation); date bounds are ISO
 * 8601 dates (Excel.DateTimeDataValidation, see validationBounds.ts).
 */
export function validationRule(v: DataValidation): Excel.DataValidationRule {
  const r = v.rule;
  switch (r.type) {
    case "list":
      return { list: { inCellDropDown: true, source: listValidationSource(r.values) } };
    case "listSource":
      return { list: { inCellDropDown: true, source: eq(r.source) } };
    case "textLength":
      return { textLength: { operator: VALIDATION_OPERATOR[TEXT_LENGTH_OPERATOR], formula1: r.max } };
    case "date": {
      const b = validationBounds(r);
      const date: Excel.DateTimeDataValidation = {
        operator: VALIDATION_OPERATOR[b.operator],
        formula1: excelDateIso(b.formula1),
        ...(b.formula2 === undefined ? {} : { formula2: excelDateIso(b.formula2) }),
      };
      return { date };
    }
    case "decimal":
    case "whole": {
      const b = validationBounds(r);
      const basic: Excel.BasicDataValidation = {
        operator: VALIDATION_OPERATOR[b.operator],
        formula1: b.formula1,
        ...(b.formula2 === undefined ? {} : { formula2: b.formula2 }),
      };
      return r.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
    }
  }
}

/**
 * Tables are created before any cell is written: formulas that reference a table
 * (`SVC_WorkOrders[报修时间]`, also from other sheets of the plan) are refused by Excel while
 * the table does not exist. The header row is still empty then (Excel names the columns
 * Column1…); writing the plan's header cells afterwards renames them.
 */
function addTableSteps(w: Writer, s: PreparedSheet): void {
  const plan = s.plan;
  const name = s.actualName;
  const sheet = (): Excel.Worksheet => sheetOf(w, name);
  (plan.tables ?? []).forEach((t, i) => {
    const rect = parseRange(t.range);
    const actual = s.tableNames[i]!;
    w.steps.push({
      what: on(name, `表格 ${actual}`, `table ${actual}`),
      bytes: est(6, t, actual),
      run: () => {
        const table = sheet().tables.add(sheet().getRange(formatRange(rect)), true);
        table.name = actual;
        // Table.style: a built-in style name such as "TableStyleMedium2"
        // (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-style-member).
        table.style = t.style ?? DEFAULT_TABLE_STYLE;
        if (t.showTotals) {
          table.showTotals = true;
          const width = rect.right - rect.left + 1;
          const row = [textEntry(TABLE_TOTALS_LABEL), ...new Array<string>(width - 1).fill("")];
          sheet().getRange(
            formatRange({ top: rect.bottom + 1, bottom: rect.bottom + 1, left: rect.left, right: rect.right }),
          ).values = [row];
        }
      },
    });
  });
}

function addLayoutSteps(w: Writer, s: PreparedSheet): void {
  const plan = s.plan;
  const name = s.actualName;
  const sheet = () => sheetOf(w, name);
  for (const m of plan.merges ?? []) {
    w.steps.push({
      what: on(name, `合并 ${m}`, `merge ${m}`),
      bytes: est(2, m),
      run: () =>
        sheet()
          .getRange(formatRange(parseRange(m)))
          .merge(false),
    });
  }
  for (const f of plan.formats ?? []) {
    const rect = parseRange(f.range);
    w.steps.push({
      what: on(name, `格式 ${f.range}`, `format ${f.range}`),
      bytes: est(14, f.style),
      run: () => applyStyle(sheet().getRange(formatRange(rect)), f.style, rect),
    });
  }
  const markerLetter = formatCell(1, markerColumn(plan)).replace(/\d+$/, "");
  const columns = [...(plan.columns ?? [])];
  w.steps.push({
    what: on(name, "列宽和行高", "column widths and row heights"),
    bytes: est(2 * (columns.length + (plan.rows?.length ?? 0)) + 2),
    run: () => {
      for (const c of columns) {
        const col = sheet().getRange(`${c.column}:${c.column}`);
        if (c.width !== undefined) col.format.columnWidth = columnWidthToPoints(c.width);
        if (c.hidden !== undefined) col.columnHidden = c.hidden;
      }
      for (const r of plan.rows ?? []) {
        const row = sheet().getRange(`${r.row}:${r.row}`);
        if (r.height !== undefined) row.format.rowHeight = r.height;
        if (r.hidden !== undefined) row.rowHidden = r.hidden;
      }
      // Range.columnHidden (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-columnhidden-member).
      sheet().getRange(`${markerLetter}:${markerLetter}`).columnHidden = true;
    },
  });
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    const fr = plan.freeze;
    w.steps.push({
      what: on(name, "冻结窗格", "frozen panes"),
      phase: "cosmetic",
      bytes: est(2),
      run: () => {
        if (fr.rows > 0 && fr.columns > 0)
          sheet().freezePanes.freezeAt(sheet().getRangeByIndexes(0, 0, fr.rows, fr.columns));
        else if (fr.rows > 0) sheet().freezePanes.freezeRows(fr.rows);
        else sheet().freezePanes.freezeColumns(fr.columns);
      },
    });
  }
  for (const v of plan.validations ?? []) {
    w.steps.push({
      what: on(name, `数据验证 ${v.range}`, `data validation ${v.range}`),
      bytes: est(5, v),
      run: () => {
        const dv = sheet().getRange(formatRange(parseRange(v.range))).dataValidation;
        dv.rule = validationRule(v);
        dv.ignoreBlanks = v.allowBlank ?? true;
        dv.errorAlert = {
          showAlert: true,
          style: "Stop",
          title: v.error.title,
          message: v.error.message,
        } as Excel.DataValidationErrorAlert;
        if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
      },
    });
  }
  // ConditionalFormatCollection.add "adds a new conditional format to the collection at the
  // first/top priority" (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1)),
  // so the shared evaluation order is added last-evaluated first.
  for (const cf of conditionalFormatOrder(plan.conditionalFormats ?? []).reverse()) {
    w.steps.push({
      what: on(name, `条件格式 ${cf.range}`, `conditional format ${cf.range}`),
      bytes: est(6, cf),
      run: () => {
        const range = sheet().getRange(formatRange(parseRange(cf.range)));
        let format: Excel.ConditionalRangeFormat;
        let added: Excel.ConditionalFormat;
        if (cf.rule.type === "expression") {
          added = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
          added.custom.rule.formula = eq(cf.rule.formula);
          format = added.custom.format;
        } else {
          added = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
          const rule: Excel.ConditionalCellValueRule = {
            operator: CF_OPERATOR[cf.rule.operator],
            formula1: eq(cf.rule.formula1),
          } as Excel.ConditionalCellValueRule;
          if (cf.rule.formula2 !== undefined) rule.formula2 = eq(cf.rule.formula2);
          added.cellValue.rule = rule;
          format = added.cellValue.format;
        }
        if (cf.style.fontColor !== undefined) format.font.color = `#${cf.style.fontColor}`;
        if (cf.style.bold !== undefined) format.font.bold = cf.style.bold;
        if (cf.style.fill !== undefined) format.fill.color = `#${cf.style.fill}`;
        if (cf.stopIfTrue !== undefined) added.stopIfTrue = cf.stopIfTrue;
      },
    });
  }
  const p = plan.print;
  if (p) {
    w.steps.push({
      what: on(name, "打印设置", "print setup"),
      phase: "cosmetic",
      bytes: est(14, p),
      run: () => {
        const layout = sheet().pageLayout;
        layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
        layout.paperSize = "A4";
        if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: p.fitToHeight ?? 0 };
        // PageLayout.setPrintTitleRows takes whole rows, "$1:$4" (ExcelApi 1.9,
        // https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprinttitlerows-member(1)).
        const titles = printTitleRows(p);
        if (titles) layout.setPrintTitleRows(printTitleRowsRef(titles));
        // setPrintArea takes "the range or ranges of the content to print" as a Range, RangeAreas or
        // an address string (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprintarea-member(1));
        // one area goes as a Range (as before), several as one comma-separated address, the form
        // Worksheet.getRanges takes.
        const areas = printAreas(p).map((a) => formatRange(parseRange(a)));
        if (areas.length === 1) layout.setPrintArea(sheet().getRange(areas[0]));
        else if (areas.length > 1) layout.setPrintArea(areas.join(","));
        if (p.header !== undefined) layout.headersFooters.defaultForAllPages.centerHeader = p.header;
        if (p.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = p.footer;
        if (p.margins) {
          layout.topMargin = p.margins.top * 72;
          layout.bottomMargin = p.margins.bottom * 72;
          layout.leftMargin = p.margins.left * 72;
          layout.rightMargin = p.margins.right * 72;
        }
        if (p.centerHorizontally !== undefined) layout.centerHorizontally = p.centerHorizontally;
        // PageBreakCollection.add "adds a page break before the top-left cell of the range specified"
        // (https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection#excel-excel-pagebreakcollection-add-member(1)).
        for (const before of pageBreakRows(p)) sheet().horizontalPageBreaks.add(sheet().getRange(`A${before}`));
      },
    });
  }
  if (plan.tabColor) {
    const color = `#${plan.tabColor}`;
    w.steps.push({
      what: on(name, "标签颜色", "tab colour"),
      phase: "cosmetic",
      bytes: est(1, color),
      run: () => (sheet().tabColor = color),
    });
  }
  (plan.charts ?? []).forEach((chart, i) => {
    const chartName = `${CHART_NAME_PREFIX}${i + 1}`;
    w.steps.push({
      what: on(name, `图表“${chart.title}”`, `chart "${chart.title}"`),
      phase: "cosmetic",
      chart: { sheet: name, name: chartName },
      bytes: est(7 + 5 * chart.series.length, chart),
      run: () => addChart(sheet(), chart, chartName),
    });
  });
}

/**
 * A chart whose every series is set explicitly: the chart is created from the first series'
 * values with an explicit orientation, and then the first series' values, name and categories
 * are set as well as the others'. Excel on the web has read a source range the other way round
 * (office-js #1830) and series.add has plotted wrong values until set (#2927), so nothing is
 * left to Excel's guess.
 */
function addChart(sheet: Excel.Worksheet, spec: ChartSpec, name: string): void {
  if (spec.series.length === 0) return;
  // The source is one cell: one series however Excel reads it; its real values are set below.
  const firstRect = parseRange(spec.series[0]!.values);
  const chart = sheet.charts.add(
    CHART_TYPE[spec.type] as Excel.ChartType,
    sheet.getRange(formatCell(firstRect.top, firstRect.left)),
    "Columns" as Excel.ChartSeriesBy,
  );
  chart.name = name;
  chart.title.text = spec.title;
  chart.setPosition(formatRange(parseRange(spec.from)), formatRange(parseRange(spec.to)));
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.setValues(sheet.getRange(formatRange(parseRange(s.values))));
    series.name = s.name;
    series.setXAxisValues(sheet.getRange(formatRange(parseRange(s.categories))));
    if (spec.type === "columnLine" && s.asLine) series.chartType = "Line";
  });
  if (spec.yAxis) {
    const axis = chart.axes.valueAxis;
    if (spec.yAxis.min !== undefined) axis.minimum = spec.yAxis.min;
    if (spec.yAxis.max !== undefined) axis.maximum = spec.yAxis.max;
    if (spec.yAxis.numberFormat !== undefined) axis.numberFormat = spec.yAxis.numberFormat;
  }
}

function buildSteps(w: Writer, prepared: PreparedWorkbook, activate: number | undefined): void {
  const wb = w.context.workbook;
  for (const s of prepared.sheets) {
    w.steps.push({
      what: text(`新建工作表“${s.actualName}”`, `adding sheet "${s.actualName}"`),
      bytes: est(1, s.actualName),
      run: () => {
        w.sheets.set(s.actualName, wb.worksheets.add(s.actualName));
      },
    });
  }
  for (const s of prepared.sheets) {
    const names = [
      ...(s.plan.names ?? []).map((n) => ({
        name: n.name,
        range: formatRange(parseRange(n.range)),
        comment: n.comment,
      })),
      { name: s.markerName, range: formatRange(parseRange(s.plan.markerCell)), comment: undefined },
    ];
    w.steps.push({
      what: on(s.actualName, "名称", "names"),
      bytes: est(2 * names.length, names),
      run: () => {
        for (const n of names) {
          const ref = sheetOf(w, s.actualName).getRange(n.range);
          if (n.comment !== undefined) wb.names.add(n.name, ref, n.comment);
          else wb.names.add(n.name, ref);
        }
      },
    });
  }
  for (const s of prepared.sheets) addTableSteps(w, s);
  for (const s of prepared.sheets) addCellSteps(w, s);
  for (const s of prepared.sheets) addLayoutSteps(w, s);
  for (const s of prepared.sheets) {
    if (s.plan.protect) {
      w.steps.push({
        what: on(s.actualName, "工作表保护", "sheet protection"),
        phase: "finish",
        bytes: est(1),
        // WorksheetProtectionOptions (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions).
        run: () =>
          sheetOf(w, s.actualName).protection.protect({
            allowFormatColumns: SHEET_PROTECTION_ALLOWS.formatColumns,
            allowFormatRows: SHEET_PROTECTION_ALLOWS.formatRows,
          }),
      });
    }
  }
  if (activate !== undefined && prepared.sheets[activate]) {
    const target = prepared.sheets[activate]!.actualName;
    w.steps.push({
      what: text(`激活工作表“${target}”`, `activating sheet "${target}"`),
      phase: "finish",
      bytes: est(1),
      run: () => sheetOf(w, target).activate(),
    });
  }
}

/** Plan rows of cell values a batch writes. */
function rowsOf(batch: readonly Step[]): number {
  return batch.reduce((n, s) => n + (s.rows ?? 0), 0);
}

/** Packs steps into batches of at most `cap` estimated bytes. */
function pack(steps: readonly Step[], cap: number): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let bytes = est(1);
  for (const s of steps) {
    if (s.bytes + est(1) > cap)
      throw new PlanError(
        text(`单个写入步骤超过请求上限：${s.what.zh}`, `One write step is larger than a request: ${s.what.en}`),
      );
    if (current.length && bytes + s.bytes > cap) {
      batches.push(current);
      current = [];
      bytes = est(1);
    }
    current.push(s);
    bytes += s.bytes;
  }
  if (current.length) batches.push(current);
  return batches;
}

function describeError(e: unknown): Text {
  const err = e as { message?: string; code?: string; debugInfo?: { errorLocation?: string } };
  const msg = [err.code, err.message, err.debugInfo?.errorLocation ? `@ ${err.debugInfo.errorLocation}` : undefined]
    .filter(Boolean)
    .join(" ");
  return text(msg || String(e), msg || String(e));
}

function describeBatch(batch: readonly Step[], index: number, total: number): Text {
  const first = batch[0]!.what;
  const last = batch[batch.length - 1]!.what;
  const range = batch.length > 1 ? text(`${first.zh} … ${last.zh}`, `${first.en} … ${last.en}`) : first;
  return text(`第 ${index}/${total} 批写入（${range.zh}）`, `write batch ${index}/${total} (${range.en})`);
}

const CHART_NAME_PREFIX = "SVC_Chart_";

/** Deletes the charts the given steps make, if a failed batch left them (two syncs). */
async function removeCharts(context: Excel.RequestContext, steps: readonly Step[], limit: number): Promise<void> {
  const bySheet = new Map<string, Set<string>>();
  for (const s of steps)
    if (s.chart) bySheet.set(s.chart.sheet, (bySheet.get(s.chart.sheet) ?? new Set()).add(s.chart.name));
  const collections = [...bySheet].map(([sheet, names]) => {
    const charts = context.workbook.worksheets.getItem(sheet).charts;
    charts.load("items/name");
    return { charts, names };
  });
  await syncWithin(context.sync(), limit, text("检查图表", "checking charts"));
  // The sheets are ours (new), so a chart without one of our names is one a failed step left
  // before naming it; a chart with a name of this batch may be half made.
  for (const { charts, names } of collections)
    for (const c of charts.items) if (names.has(c.name) || !c.name.startsWith(CHART_NAME_PREFIX)) c.delete();
  await syncWithin(context.sync(), limit, text("删除未完成的图表", "removing unfinished charts"));
}

interface Before {
  readonly sheetNames: Set<string>;
  readonly names: Set<string>;
}

/**
 * Removes every sheet and name this call created, in one batch. All or nothing: it resolves to
 * [] when the batch went through and rejects when it did not — the caller then names every
 * sheet of the plan as possibly left over.
 */
async function rollback(
  context: Excel.RequestContext,
  prepared: PreparedWorkbook,
  before: Before,
  limit: number,
): Promise<string[]> {
  const ours = new Set(prepared.sheets.map((s) => s.actualName.toLowerCase()));
  const ourNames = new Set(prepared.newDefinedNames.map((n) => n.toLowerCase()));
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  sheets.load("items/name");
  names.load("items/name");
  await syncWithin(context.sync(), limit, text("撤销：读取工作表", "undo: reading the sheets"));
  const doomedNames = names.items.filter(
    (n) => ourNames.has(n.name.toLowerCase()) && !before.names.has(n.name.toLowerCase()),
  );
  const doomedSheets = sheets.items.filter(
    (s) => ours.has(s.name.toLowerCase()) && !before.sheetNames.has(s.name.toLowerCase()),
  );
  for (const n of doomedNames) n.delete();
  for (const s of doomedSheets) s.delete();
  await syncWithin(context.sync(), limit, text("撤销：删除新建的工作表", "undo: deleting the new sheets"));
  return [];
}

/** Refusal of a workbook whose structure is protected (Review > Protect Workbook). */
export const PROTECTED_WORKBOOK_REFUSAL = text(
  "此工作簿的结构受保护（审阅 > 保护工作簿），无法新建工作表，因此未做任何修改。请先取消保护工作簿，再生成。",
  "This workbook's structure is protected (Review > Protect Workbook), so no sheet can be added; nothing was changed. Unprotect the workbook, then generate again.",
);

/**
 * Refusal of a plan whose formulas use workbook names that neither exist nor come with the plan
 * — typically a 考核参数 name someone deleted. Excel would take the formulas and show #NAME?
 * ("How to correct a #NAME? error": the formula "refers to a name that does not exist",
 * https://support.microsoft.com/office/how-to-correct-a-name-error-b6d54e31-a743-4d7d-9b61-40002a7b4286).
 */
export function missingNamesRefusal(missing: readonly string[]): Text {
  return text(
    `生成的公式要用到工作簿名称 ${missing.join("、")}，但工作簿中没有这些名称（可能在“考核参数”中被删除了），公式会显示 #NAME?，因此未做任何修改。请恢复这些名称（或删除“考核参数”工作表后重新生成它），然后再生成。`,
    `The generated formulas use the workbook name${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, which the workbook does not have (deleted from 考核参数?); they would show #NAME?, so nothing was changed. Restore the name${missing.length > 1 ? "s" : ""} (or delete the 考核参数 sheet and create it again), then generate again.`,
  );
}

/** Names (not functions, tables, TRUE/FALSE or sheet-qualified names) the plan's formulas use that `known` lacks. */
function missingNames(prepared: PreparedWorkbook, known: readonly string[]): string[] {
  const have = new Set(known.map((n) => n.toLowerCase()));
  const missing = new Map<string, string>();
  const visit = (formula: string | undefined) => {
    if (!formula || !formula.startsWith("=")) return;
    const tokens = tokenizeFormula(formula);
    tokens.forEach((t, i) => {
      if (t.type !== "name") return;
      if (tokens[i + 1]?.type === "bracket" || tokens[i - 1]?.type === "sheet") return;
      if (/^(TRUE|FALSE)$/i.test(t.text) || have.has(t.text.toLowerCase())) return;
      missing.set(t.text.toLowerCase(), t.text);
    });
  };
  for (const s of prepared.sheets) {
    for (const block of s.plan.cells)
      for (const row of block.rows) for (const c of row) if (isFormulaCell(c)) visit(c.f);
    for (const f of s.plan.fills ?? []) visit(f.formula);
    for (const cf of s.plan.conditionalFormats ?? []) {
      // As the writer sends them (eq): with a leading "=".
      if (cf.rule.type === "expression") visit(eq(cf.rule.formula));
      else {
        visit(eq(cf.rule.formula1));
        if (cf.rule.formula2 !== undefined) visit(eq(cf.rule.formula2));
      }
    }
    for (const v of s.plan.validations ?? []) if (v.rule.type === "listSource") visit(v.rule.source);
  }
  return [...missing.values()];
}

/** Refusal of a workbook that counts dates from 1904. */
export const DATE_1904_REFUSAL = text(
  "此工作簿使用 1904 日期系统（文件 > 选项 > 高级 > “使用 1904 日期系统”）。生成的表格按 1900 日期系统计算日期，写入会使所有日期偏差 4 年零 1 天，因此未做任何修改。请在一个使用 1900 日期系统的工作簿中生成。",
  'This workbook uses the 1904 date system (File > Options > Advanced > "Use 1904 date system"). The generated sheets count dates from 1900, so every date would be off by 4 years and 1 day; nothing was changed. Generate into a workbook that uses the 1900 date system.',
);

/** A name the first sync adds, reads and deletes again to learn the date system (unique per call). */
function dateProbeName(): string {
  return `SVC_DateProbe_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/**
 * Writes the plan into the workbook. Returns what was written (actual sheet names), the number
 * of syncs, the largest request in bytes (estimated as sent) and warnings for cosmetics Excel
 * refused. Throws PlanWriteError — after removing everything it created — if the data fails.
 *
 * Syncs: 1 to read the workbook, one per data batch (calculation suspended), at most 1 for the
 * cosmetics (one per cosmetic step only if that batch fails), and 1 to finish: recalculate —
 * "Once set [suspendApiCalculationUntilNextSync], it is the developer's responsibility to
 * re-calc the workbook" (https://learn.microsoft.com/javascript/api/excel/excel.application) —,
 * protect and activate.
 */
export async function writePlans(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: WriteOptions = {},
): Promise<WriteReport> {
  const cap = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const limit = options.syncLimitMs ?? DEFAULT_SYNC_LIMIT_MS;
  let syncs = 0;
  // 1. What exists (ExcelApi 1.1), and the date system. Office.js has no released property for
  // it, so a workbook-scoped name computes DATE(1904,1,1): 0 in a 1904 workbook, 1462 in a 1900
  // one (NamedItem.value: "the value computed by the name's formula", ExcelApi 1.1;
  // NamedItemCollection.add with a formula, ExcelApi 1.4). It is added, read and deleted in this
  // same request, so the workbook never keeps it.
  const sheets = context.workbook.worksheets;
  const names = context.workbook.names;
  const tables = context.workbook.tables;
  sheets.load("items/name");
  names.load("items/name");
  tables.load("items/name");
  const protection = context.workbook.protection;
  protection.load("protected");
  const probe = names.add(dateProbeName(), "=DATE(1904,1,1)");
  probe.load("value");
  probe.delete();
  const reading = text("读取工作簿", "reading the workbook");
  try {
    syncs += 1;
    await syncWithin(context.sync(), limit, reading);
  } catch (e) {
    const cause = describeError(e);
    throw new PlanWriteError(
      text(
        `读取工作簿失败，未做任何修改。原因：${cause.zh}`,
        `Reading the workbook failed; nothing was changed. Cause: ${cause.en}`,
      ),
      e,
    );
  }
  if (Number(probe.value) === 0) throw new PlanWriteError(DATE_1904_REFUSAL, null);
  // A protected structure refuses new sheets ("Protect a workbook": no adding, moving, deleting,
  // hiding or renaming sheets, https://support.microsoft.com/office/protect-a-workbook-7e365a4d-3e89-4616-84ca-1931257c1517;
  // WorkbookProtection.protected, ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection): say so
  // before writing anything, instead of failing in the first batch.
  if (protection.protected) throw new PlanWriteError(PROTECTED_WORKBOOK_REFUSAL, null);
  const before: Before = {
    sheetNames: new Set(sheets.items.map((s) => s.name.toLowerCase())),
    names: new Set(names.items.map((n) => n.name.toLowerCase())),
  };
  let prepared: PreparedWorkbook;
  let dataBatches: Step[][];
  let cosmetics: Step[];
  let finish: Step[];
  try {
    prepared = prepareWorkbookPlan(plan, {
      sheetNames: sheets.items.map((s) => s.name),
      definedNames: names.items.map((n) => n.name),
      tableNames: tables.items.map((t) => t.name),
    });
    const missing = missingNames(prepared, [
      ...names.items.map((n) => n.name),
      ...tables.items.map((t) => t.name),
      ...prepared.newDefinedNames,
    ]);
    if (missing.length > 0) throw new PlanWriteError(missingNamesRefusal(missing), null);
    const w: Writer = {
      context,
      sheets: new Map(),
      steps: [],
      chunkLimit: Math.max(1024, Math.floor(cap * 0.9) - 2 * OP_OVERHEAD),
    };
    buildSteps(w, prepared, plan.activate);
    dataBatches = pack(
      w.steps.filter((s) => (s.phase ?? "data") === "data"),
      cap,
    );
    cosmetics = w.steps.filter((s) => s.phase === "cosmetic");
    finish = w.steps.filter((s) => s.phase === "finish");
  } catch (e) {
    if (e instanceof PlanError)
      throw new PlanWriteError(text(`无法生成：${e.text.zh}`, `Cannot generate: ${e.text.en}`), e);
    throw e;
  }
  // 2. The data, one sync per payload-bounded batch, calculation suspended in each.
  const cosmeticBatches = pack(cosmetics, cap);
  const total = dataBatches.length + cosmeticBatches.length + 1;
  let largest = 0;
  let done = 0;
  const bytesOf = (batch: readonly Step[]) => est(1) + batch.reduce((n, s) => n + s.bytes, 0);
  const rowsTotal = dataBatches.reduce((n, b) => n + rowsOf(b), 0);
  let rowsWritten = 0;
  const progress = () => options.onProgress?.({ done, total, rowsWritten, rowsTotal });
  progress();
  const failData = async (failed: readonly Step[], index: number, e: unknown): Promise<never> => {
    const what = describeBatch(failed, index, total);
    const cause = describeError(e);
    if (e instanceof SyncTimeoutError) {
      // Excel did not answer: undoing would queue behind the hung request, so say what may be left.
      throw new PlanWriteError(
        text(
          `${e.text.zh}可能已写入部分工作表，请检查并删除：${prepared.sheets.map((x) => x.actualName).join("、")}。`,
          `${e.text.en} Part of the sheets may have been written; please check and delete: ${prepared.sheets.map((x) => x.actualName).join(", ")}.`,
        ),
        e,
        prepared.sheets.map((x) => x.actualName),
      );
    }
    let leftovers: string[] = [];
    let rolledBack = true;
    try {
      leftovers = await rollback(context, prepared, before, limit);
    } catch {
      rolledBack = false;
      leftovers = prepared.sheets.map((x) => x.actualName);
    }
    const tail = rolledBack
      ? text(
          "已撤销本次新建的工作表和名称，工作簿保持原样。",
          "Every sheet and name this generation created was removed; the workbook is as it was.",
        )
      : text(
          `撤销也失败了，请手动删除这些工作表：${leftovers.join("、")}。`,
          `Undoing also failed; please delete these sheets by hand: ${leftovers.join(", ")}.`,
        );
    throw new PlanWriteError(
      text(
        `生成工作表失败：${what.zh}出错。原因：${cause.zh}。${tail.zh}`,
        `Generating the sheets failed in ${what.en}. Cause: ${cause.en}. ${tail.en}`,
      ),
      e,
      rolledBack ? [] : leftovers,
    );
  };
  for (const batch of dataBatches) {
    try {
      context.application.suspendApiCalculationUntilNextSync();
      for (const step of batch) step.run();
      largest = Math.max(largest, bytesOf(batch));
      syncs += 1;
      // One round trip per payload-bounded batch is the point of batching (see the header).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await syncWithin(context.sync(), limit, describeBatch(batch, done + 1, total));
    } catch (e) {
      return failData(batch, done + 1, e);
    }
    done += 1;
    rowsWritten += rowsOf(batch);
    progress();
  }
  // 3. Cosmetics, best effort: the data is committed, so a failure here is a warning.
  const warnings: Text[] = [];
  for (const batch of cosmeticBatches) {
    try {
      for (const step of batch) step.run();
      largest = Math.max(largest, bytesOf(batch));
      syncs += 1;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await syncWithin(context.sync(), limit, describeBatch(batch, done + 1, total));
    } catch (first) {
      if (first instanceof SyncTimeoutError) {
        warnings.push(
          text(
            `${first.text.zh}（格式设置未完成，数据已完整写入）`,
            `${first.text.en} (layout not finished; the data is complete)`,
          ),
        );
        break;
      }
      // Which step failed is not known; the steps of the batch before it were applied. Remove
      // the charts it may have half made (one sync), then apply each step again on its own:
      // setting a layout twice is harmless, and each chart is made anew.
      try {
        await removeCharts(context, batch, limit);
        syncs += 2;
      } catch (e) {
        warnings.push(
          text(
            `格式设置未完成（${describeError(e).zh}）；数据已完整写入。`,
            `Layout not finished (${describeError(e).en}); the data is complete.`,
          ),
        );
        break;
      }
      for (const step of batch) {
        try {
          step.run();
          syncs += 1;
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await syncWithin(context.sync(), limit, step.what);
        } catch (e) {
          const cause = describeError(e);
          warnings.push(
            text(
              `${step.what.zh}未能设置（${cause.zh}）；数据已完整写入。`,
              `${step.what.en} could not be applied (${cause.en}); the data is complete.`,
            ),
          );
          if (e instanceof SyncTimeoutError) break;
        }
      }
    }
    done += 1;
    progress();
  }
  // 4. Recalculate what was written under suspended calculation, then protect and activate.
  try {
    context.application.calculate("Full" as Excel.CalculationType);
    for (const step of finish) step.run();
    syncs += 1;
    await syncWithin(context.sync(), limit, text("重新计算并完成", "recalculating and finishing"));
  } catch (e) {
    const last = finish.length ? finish : [{ what: text("重新计算", "recalculation"), bytes: 0, run: () => undefined }];
    return failData(last, total, e);
  }
  done += 1;
  progress();
  return writeReport(prepared, { syncs, largestRequestBytes: largest, warnings });
}
