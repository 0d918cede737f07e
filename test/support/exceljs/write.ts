/**
 * Adds a WorkbookPlan's sheets to a workbook the user opened (CLI `--in`, browser mode after
 * opening a file): the workbook is loaded and re-saved by exceljs. New files are written by the
 * streaming writer (writeXlsx.ts) instead; this module stays until sheets are grafted into the
 * user's package directly (issue 11), and takes every shared decision from writeDecisions.ts.
 *
 * - Fills are written one formula per cell, each shifted with the plan's shifter.
 * - Formula cells carry the plan's `expect` as the cached result.
 * - Strings are always exceljs string cells (never formulas): a plan string "=1+1" stays text.
 * - Charts are not written: exceljs cannot write charts (see XLSX_LIMITATIONS).
 */
import ExcelJS from "exceljs";
import { text, type Text } from "../../../src/core/i18n/text";
import {
  MAX_ROWS,
  MAX_COLUMNS,
  columnToNumber,
  formatCell,
  formatRange,
  parseCell,
  parseRange,
  type Rect,
} from "../../../src/sheets/formula/a1";
import { serialToUtcDate } from "../../../src/core/dates";
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
} from "../../../src/sheets/formula/writeDecisions";
import {
  TABLE_TOTALS_LABEL,
  cellKey,
  finalCells,
  keyColumn,
  keyRow,
  prepareWorkbookPlan,
  type FinalCell,
  type PreparedSheet,
} from "../../../src/sheets/formula/prepare";
import {
  isFormulaCell,
  type ComparisonOperator,
  type ConditionalFormat,
  type DataValidation,
  type Expected,
  type PlanCell,
  type WorkbookPlan,
  type WriteReport,
} from "../../../src/sheets/plan";
import { addDefinedName, definedNamesOf } from "./definedNames";
import { applyFormats, type ResolvedFormat } from "./styles";

/**
 * What .xlsx files leave out, for the README, the CLI and the pane. `where` says which files:
 * "new" files (the streaming writer, writeXlsx.ts) or sheets "added" to a user's workbook, which
 * is still re-saved through exceljs (this module) until the package-level graft of issue 11.
 */
export const XLSX_LIMITATIONS: readonly {
  readonly feature: string;
  readonly where: "new" | "added";
  readonly note: Text;
}[] = [
  {
    feature: "charts",
    where: "added",
    note: text(
      "添加到已有工作簿时不写入图表（该副本仍经 exceljs 另存，exceljs 无法写图表）；新建的 .xlsx 文件含图表。",
      "Charts are left out when sheets are added to an existing workbook (that copy is still re-saved through exceljs, which cannot write charts); new .xlsx files have them.",
    ),
  },
  {
    feature: "conditionalFormat.stopIfTrue",
    where: "added",
    note: text(
      "添加到已有工作簿时，条件格式的“如果为真则停止”不会写入（exceljs 不支持）。",
      "When sheets are added to an existing workbook, conditional formats' stopIfTrue is not written (exceljs does not support it).",
    ),
  },
  {
    feature: "names.comment",
    where: "added",
    note: text(
      "添加到已有工作簿时，名称的备注不会写入（exceljs 不支持）。",
      "When sheets are added to an existing workbook, comments on defined names are not written (exceljs does not support them).",
    ),
  },
  {
    feature: "formats.wholeColumns",
    where: "new",
    note: text(
      "整列/整行的格式在 .xlsx 中只写到有内容的最后一行/列。",
      "Formats on whole columns or rows reach only as far as the sheet's content in .xlsx files.",
    ),
  },
];

/** True when `feature` (e.g. "charts") is left out of .xlsx files of that kind. */
export function xlsxOmits(feature: string, where: "new" | "added" = "new"): boolean {
  return XLSX_LIMITATIONS.some((l) => l.feature === feature && (l.where === where || l.where === "new"));
}

type CellValue = ExcelJS.CellValue;

function expectedToResult(e: Expected | undefined): ExcelJS.CellFormulaValue["result"] {
  if (e === undefined || e === null) return undefined;
  if (typeof e === "object") return { error: e.error as ExcelJS.CellErrorValue["error"] };
  return e;
}

function formulaValue(f: string, expect: Expected | undefined): CellValue {
  const result = expectedToResult(expect);
  const v: ExcelJS.CellFormulaValue = { formula: f.slice(1), date1904: false };
  if (result !== undefined) v.result = result;
  return v;
}

function toCellValue(cell: FinalCell): CellValue {
  if (isFormulaCell(cell as PlanCell)) {
    const fc = cell as { f: string; expect?: Expected };
    return formulaValue(fc.f, fc.expect);
  }
  const v = (cell as { value: string | number | boolean }).value;
  return typeof v === "string" ? escapeXstring(v) : v;
}

/**
 * A string as OOXML stores it (ST_Xstring, ECMA-376 Part 1, 22.9.2.19): characters XML cannot
 * carry or would normalise (control characters, CR — a CR in XML text reads back as LF) are
 * written `_xHHHH_`, and a literal `_xHHHH_` in the user's text is protected as `_x005F_xHHHH_`,
 * so "\r=1" or "a_x000D_b" read back exactly in Excel, LibreOffice and exceljs. exceljs writes
 * text as given, so the escaping happens here.
 */
export function escapeXstring(s: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/.test(s)) return s;
  return s
    .replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1")
    .replace(
      /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

/** OOXML cellIs operators (exceljs renders the string as given; its typings list only four). */
const OPERATORS: Record<ComparisonOperator, string> = {
  between: "between",
  notBetween: "notBetween",
  equal: "equal",
  notEqual: "notEqual",
  greaterThan: "greaterThan",
  lessThan: "lessThan",
  greaterThanOrEqual: "greaterThanOrEqual",
  lessThanOrEqual: "lessThanOrEqual",
};

function stripEq(f: string): string {
  return f.startsWith("=") ? f.slice(1) : f;
}

function validationModel(v: DataValidation): ExcelJS.DataValidation {
  const base = {
    allowBlank: v.allowBlank ?? true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: v.error.title,
    error: v.error.message,
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
  };
  const r = v.rule;
  switch (r.type) {
    case "list":
      return { ...base, type: "list", formulae: [`"${listValidationSource(r.values)}"`] };
    case "listSource":
      return { ...base, type: "list", formulae: [stripEq(r.source)] };
    case "textLength":
      return { ...base, type: "textLength", operator: TEXT_LENGTH_OPERATOR, formulae: [r.max] };
    case "decimal":
    case "whole":
    case "date": {
      const b = validationBounds(r);
      // exceljs writes date formulae through new Date(x): hand it the UTC instant of the serial.
      const conv = (x: number): number | Date => (r.type === "date" ? serialToUtcInstant(x) : x);
      return {
        ...base,
        type: r.type,
        operator: b.operator,
        formulae: b.formula2 === undefined ? [conv(b.formula1)] : [conv(b.formula1), conv(b.formula2)],
      };
    }
  }
}

/** The instant whose UTC fields are the serial's wall-clock date (what exceljs writes back as the serial). */
function serialToUtcInstant(serial: number): Date {
  const d = serialToUtcDate(serial);
  if (!d.ok) throw new RangeError(d.problem.message.en);
  return d.value;
}

function cfStyle(cf: ConditionalFormat): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = {};
  if (cf.style.fontColor !== undefined || cf.style.bold !== undefined) {
    s.font = {};
    if (cf.style.fontColor !== undefined) s.font.color = { argb: `FF${cf.style.fontColor.toUpperCase()}` };
    if (cf.style.bold !== undefined) s.font.bold = cf.style.bold;
  }
  if (cf.style.fill !== undefined) {
    s.fill = { type: "pattern", pattern: "solid", bgColor: { argb: `FF${cf.style.fill.toUpperCase()}` } };
  }
  return s;
}

/** Existing names in a workbook: sheets, defined names, tables. */
export function existingNamesOf(wb: ExcelJS.Workbook): {
  sheetNames: string[];
  definedNames: string[];
  tableNames: string[];
} {
  const tableNames: string[] = [];
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as { table?: { name?: string }; name?: string }[]) {
      const n = t.table?.name ?? t.name;
      if (n) tableNames.push(n);
    }
  }
  return {
    sheetNames: wb.worksheets.map((w) => w.name),
    definedNames: definedNamesOf(wb).map((n) => n.name),
    tableNames,
  };
}

function clampToContent(rect: Rect, extent: { rows: number; columns: number }): Rect {
  const bottom = rect.bottom === MAX_ROWS && rect.top === 1 ? Math.max(1, extent.rows) : rect.bottom;
  const right = rect.right === MAX_COLUMNS && rect.left === 1 ? Math.max(1, extent.columns) : rect.right;
  return { ...rect, bottom, right };
}

function renderSheet(wb: ExcelJS.Workbook, prepared: PreparedSheet): ExcelJS.Worksheet {
  const plan = prepared.plan;
  const ws = wb.addWorksheet(prepared.actualName);
  const cells = finalCells(prepared);

  // Values and formulas.
  let maxRow = 1;
  let maxCol = 1;
  const tableRects = (plan.tables ?? []).map((t) => parseRange(t.range));
  for (const [key, cell] of cells) {
    const r = keyRow(key);
    const c = keyColumn(key);
    if (r > maxRow) maxRow = r;
    if (c > maxCol) maxCol = c;
    ws.getRow(r).getCell(c).value = toCellValue(cell);
  }
  for (const t of tableRects) {
    maxRow = Math.max(maxRow, t.bottom + 1);
    maxCol = Math.max(maxCol, t.right);
  }

  // Merges (after values: only the top-left value survives, see finalCells).
  for (const m of plan.merges ?? []) ws.mergeCells(formatRange(parseRange(m)));

  // Formats, in order.
  const formats: ResolvedFormat[] = (plan.formats ?? []).map((f) => ({
    rect: clampToContent(parseRange(f.range), { rows: maxRow, columns: maxCol }),
    style: f.style,
  }));
  applyFormats(ws, formats);

  // Columns and rows.
  for (const col of plan.columns ?? []) {
    const c = ws.getColumn(columnToNumber(col.column));
    if (col.width !== undefined) c.width = col.width;
    if (col.hidden !== undefined) c.hidden = col.hidden;
  }
  for (const row of plan.rows ?? []) {
    const r = ws.getRow(row.row);
    if (row.height !== undefined) r.height = row.height;
    if (row.hidden !== undefined) r.hidden = row.hidden;
    // exceljs drops a row with neither cells nor a height, hidden flag included.
    // (exceljs objects, not Office.js proxies: the office-addins load rules do not apply.)
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    if (row.hidden && r.height === undefined && r.cellCount === 0) r.height = ws.properties.defaultRowHeight ?? 15;
  }
  const marker = parseCell(plan.markerCell);
  ws.getColumn(markerColumn(plan)).hidden = true;

  // Frozen panes.
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    ws.views = [
      {
        state: "frozen",
        xSplit: plan.freeze.columns,
        ySplit: plan.freeze.rows,
        topLeftCell: formatCell(plan.freeze.rows + 1, plan.freeze.columns + 1),
      },
    ];
  }

  // Data validation.
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of plan.validations ?? []) dv.add(formatRange(parseRange(v.range)), validationModel(v));

  // Conditional formats: priorities 1..n in evaluation order.
  conditionalFormatOrder(plan.conditionalFormats ?? []).forEach((cf, i) => {
    const ref = formatRange(parseRange(cf.range));
    const rule: ExcelJS.ConditionalFormattingRule =
      cf.rule.type === "expression"
        ? { type: "expression", priority: i + 1, formulae: [stripEq(cf.rule.formula)], style: cfStyle(cf) }
        : {
            type: "cellIs",
            priority: i + 1,
            operator: OPERATORS[cf.rule.operator] as ExcelJS.CellIsOperators,
            formulae: [
              stripEq(cf.rule.formula1),
              ...(cf.rule.formula2 !== undefined ? [stripEq(cf.rule.formula2)] : []),
            ],
            style: cfStyle(cf),
          };
    ws.addConditionalFormatting({ ref, rules: [rule] });
  });

  // Tables: exceljs writes header and rows into the cells itself, so hand it what is there.
  (plan.tables ?? []).forEach((t, ti) => {
    const rect = parseRange(t.range);
    const columns: ExcelJS.TableColumnProperties[] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      const v = cells.get(cellKey(rect.top, c));
      columns.push({ name: String((v as { value: unknown }).value), filterButton: true });
    }
    const rows: CellValue[][] = [];
    for (let r = rect.top + 1; r <= rect.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const v = cells.get(cellKey(r, c));
        row.push(v ? toCellValue(v) : null);
      }
      rows.push(row);
    }
    if (t.showTotals)
      columns[0] = { ...columns[0]!, totalsRowLabel: TABLE_TOTALS_LABEL } as ExcelJS.TableColumnProperties;
    ws.addTable({
      name: prepared.tableNames[ti]!,
      displayName: prepared.tableNames[ti]!,
      ref: formatCell(rect.top, rect.left),
      headerRow: true,
      totalsRow: t.showTotals ?? false,
      style: { theme: (t.style ?? DEFAULT_TABLE_STYLE) as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns,
      rows,
    });
  });

  // Defined names: the plan's, then the marker.
  for (const n of plan.names ?? []) addDefinedName(wb, { name: n.name, sheet: ws, rect: parseRange(n.range) });
  addDefinedName(wb, {
    name: prepared.markerName,
    sheet: ws,
    rect: { top: marker.row, left: marker.column, bottom: marker.row, right: marker.column },
  });

  // Print setup.
  const p = plan.print;
  if (p) {
    ws.pageSetup.paperSize = 9; // A4
    ws.pageSetup.orientation = p.orientation;
    if (p.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = p.fitToHeight ?? 0;
    }
    if (p.margins) ws.pageSetup.margins = { ...p.margins, header: 0.3, footer: 0.3 };
    if (p.centerHorizontally !== undefined) ws.pageSetup.horizontalCentered = p.centerHorizontally;
    if (p.header !== undefined) ws.headerFooter.oddHeader = `&C${p.header}`;
    if (p.footer !== undefined) ws.headerFooter.oddFooter = `&C${p.footer}`;
    const titles = printTitleRows(p);
    if (titles)
      addDefinedName(wb, { name: "_xlnm.Print_Titles", sheet: ws, raw: printTitleRowsRef(titles), local: true });
    const areas = printAreas(p);
    if (areas.length > 0)
      addDefinedName(wb, { name: "_xlnm.Print_Area", sheet: ws, rect: areas.map(parseRange), local: true });
    for (const before of pageBreakRows(p)) ws.getRow(before - 1).addPageBreak();
  }

  if (plan.tabColor) ws.properties.tabColor = { argb: `FF${plan.tabColor.toUpperCase()}` };
  if (plan.protect) {
    // exceljs's protect() is synchronous without a password (the promise only wraps it).
    // Same allowances as the Office.js writer: columns and rows may still be resized.
    void ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, ...SHEET_PROTECTION_ALLOWS });
  }
  return ws;
}

/**
 * Adds the plan's sheets to an in-memory workbook. Existing sheets are never touched; each new
 * sheet gets a unique name ("Name (2)"); names and tables are made unique as in
 * `prepareWorkbookPlan`. Throws PlanError (bilingual) when the plan cannot be written.
 */
export function addPlansToWorkbook(workbook: ExcelJS.Workbook, plan: WorkbookPlan): WriteReport {
  const prepared = prepareWorkbookPlan(plan, existingNamesOf(workbook));
  const sheets = prepared.sheets.map((s) => renderSheet(workbook, s));
  if (plan.activate !== undefined && sheets[plan.activate]) {
    const index = workbook.worksheets.indexOf(sheets[plan.activate]!);
    workbook.views = [
      { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: "visible" },
    ];
  }
  return writeReport(prepared);
}

export interface BufferOptions {
  /**
   * Deflate level 1–9 (exceljs's default when absent). Level 1 writes a 100,000-row register
   * about 40 % faster for a file about 30 % larger (exceljs compresses in JavaScript).
   */
  readonly compressionLevel?: number;
}

/** Serialises a workbook to .xlsx bytes. */
export async function workbookToBuffer(wb: ExcelJS.Workbook, options: BufferOptions = {}): Promise<Uint8Array> {
  const zip =
    options.compressionLevel === undefined
      ? undefined
      : { compression: "DEFLATE", compressionOptions: { level: options.compressionLevel } };
  const out = await wb.xlsx.writeBuffer(zip ? ({ zip } as unknown as ExcelJS.XlsxWriteOptions) : undefined);
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
