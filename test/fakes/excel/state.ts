/**
 * The workbook behind the fake Excel object model: plain data the proxies operate on during
 * context.sync(). Tests inspect it directly (`fake.state`) and compare snapshots.
 */
import {
  cellName as formatCell,
  mustAddress as parseRange,
  overlaps as rectsOverlap,
  rectName as formatRange,
  sheetPrefix as quoteSheetName,
  type Rect,
} from "./a1";
import { fail } from "./errors";

export type CellScalar = string | number | boolean;

export interface CellState {
  /** Constant value (text, number, boolean) or an error literal for error cells. */
  readonly value?: CellScalar;
  readonly error?: string;
  /** Formula text including "=". */
  readonly formula?: string;
  /** The text was entered with a leading apostrophe (Excel's quote prefix). */
  readonly quotePrefix?: boolean;
  /** Written while calculation was suspended and not recalculated since: its value is stale. */
  readonly stale?: boolean;
}

/** A format property applied to a rectangle; a later record wins. `matrix` holds per-cell values (null = unchanged). */
export interface FormatRecord {
  readonly rect: Rect;
  readonly prop: string;
  readonly value?: unknown;
  readonly matrix?: readonly (readonly unknown[])[];
}

export interface ValidationState {
  rect: Rect;
  rule?: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export interface ConditionalFormatState {
  readonly type: string;
  rect: Rect;
  rule?: unknown;
  format: { fontColor?: string; bold?: boolean; fill?: string };
  stopIfTrue?: boolean;
}

export interface TableState {
  readonly id: string;
  name: string;
  sheet: SheetState;
  /** Header and data rows (the totals row, when shown, is the row below). */
  rect: Rect;
  style: string;
  showTotals: boolean;
  showHeaders: boolean;
}

export interface SeriesState {
  name: string;
  chartType?: string;
  values?: { sheet: string; rect: Rect };
  xValues?: { sheet: string; rect: Rect };
}

export interface ChartState {
  readonly id: string;
  name: string;
  type: string;
  title?: string;
  series: SeriesState[];
  from?: string;
  to?: string;
  valueAxis: { minimum?: number; maximum?: number; numberFormat?: string };
  legend: { visible?: boolean; position?: string };
}

export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: unknown;
  centerHorizontally?: boolean;
  margins: Record<string, number>;
  printTitleRows?: string;
  printArea?: string;
  headers: Record<string, string>;
}

export class SheetState {
  readonly cells = new Map<number, CellState>();
  readonly formats: FormatRecord[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly merges: Rect[] = [];
  freeze?: { rows: number; columns: number };
  readonly validations: ValidationState[] = [];
  /** Top priority first. */
  readonly conditionalFormats: ConditionalFormatState[] = [];
  readonly charts: ChartState[] = [];
  readonly pageLayout: PageLayoutState = { margins: {}, headers: {} };
  readonly pageBreaks: number[] = [];
  protection: { protected: boolean; options?: unknown } = { protected: false };
  /** The sheet's AutoFilter: its range, and the rows its criteria hide (also in hiddenRows). */
  autoFilter?: { rect: Rect; filteredRows: Set<number> };
  tabColor = "";
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  constructor(
    readonly id: string,
    public name: string,
  ) {}
}

export interface NameState {
  name: string;
  /** Range names: the sheet object (so renames follow) and rectangle; null sheet = #REF!. */
  sheet?: SheetState | null;
  rect?: Rect;
  /** Non-range names: the formula ("=0.9"). */
  formula?: string;
  comment: string;
  visible: boolean;
}

export const KEY_STRIDE = 16_384;
export const key = (row: number, column: number) => row * KEY_STRIDE + (column - 1);
export const keyRow = (k: number) => Math.floor(k / KEY_STRIDE);
export const keyCol = (k: number) => (k % KEY_STRIDE) + 1;

/** What formulas may use: custom functions registered by add-ins, the oldest Excel to support. */
export interface FormulaSettings {
  readonly customFunctions?: readonly string[];
  readonly oldestExcel?: "2007" | "2010" | "2013" | "2016" | "2019" | "2021" | "365";
  /** charts.add reads its source the other way round (office-js #1830, Excel on the web). */
  readonly chartsAddSwaps?: boolean;
  /**
   * Functions Excel does not know (custom functions not registered): "refuse" (default) makes
   * the write fail so a test notices; "nameError" accepts them and computes #NAME?, as Excel does.
   */
  readonly unknownFunctions?: "refuse" | "nameError";
  /** Syncs during which a new call of a registered custom function still shows #BUSY! (default 0). */
  readonly customFunctionBusySyncs?: number;
}

export class WorkbookState {
  formulaSettings: FormulaSettings = {};
  /** The workbook's date system (File > Options > Advanced > "Use 1904 date system"). */
  dateSystem: 1900 | 1904 = 1900;
  /** Review > Protect Workbook: the structure (sheets added, deleted, renamed, hidden) is locked. */
  structureProtected = false;
  readonly sheets: SheetState[] = [];
  readonly names: NameState[] = [];
  readonly tables: TableState[] = [];
  activeSheet?: SheetState;
  selection?: { sheet: SheetState; rect: Rect };
  calculationSuspensions = 0;
  /** The sync being run started with suspendApiCalculationUntilNextSync. */
  calculationSuspended = false;
  /** application.calculate calls, by type. */
  readonly calculations: string[] = [];
  /** Syncs made so far (the fake's clock, for custom functions that answer later). */
  syncIndex = 0;
  /** Cells calling a registered custom function, with the sync they were written in. */
  readonly customFunctionCells = new WeakMap<CellState, number>();
  private seq = 0;

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq}`;
  }

  findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === name);
  }

  findName(name: string): NameState | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  findTable(name: string): TableState | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower || t.id === name);
  }

  /** Adds a sheet directly (test setup, not through the API). */
  addSheet(name: string): SheetState {
    const s = new SheetState(this.nextId("sheet"), name);
    this.sheets.push(s);
    this.activeSheet ??= s;
    return s;
  }

  /** application.calculate: every formula cell gets its current value again. */
  recalculate(): void {
    for (const sh of this.sheets) for (const [k, c] of sh.cells) if (c.stale) sh.cells.set(k, { formula: c.formula! });
  }

  /**
   * Refuses a change to the workbook's structure while it is protected: "prevent other users
   * from viewing hidden worksheets, adding, moving, deleting, or hiding worksheets, and renaming
   * worksheets" ("Protect a workbook", https://support.microsoft.com/office/protect-a-workbook-7e365a4d-3e89-4616-84ca-1931257c1517;
   * Excel.WorkbookProtection, ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection).
   * The error code is the fake's choice; Excel's message differs by platform.
   */
  guardStructure(what: string): void {
    if (this.structureProtected)
      fail("AccessDenied", `The workbook's structure is protected (Review > Protect Workbook): cannot ${what}.`);
  }

  /** Deletes a sheet as Excel does: its tables go, names pointing at it become #REF!. */
  deleteSheet(sheet: SheetState): void {
    this.guardStructure(`delete the sheet "${sheet.name}"`);
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet)
      fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    const i = this.sheets.indexOf(sheet);
    if (i < 0) fail("ItemNotFound", `Sheet ${sheet.name} does not exist`);
    this.sheets.splice(i, 1);
    for (let t = this.tables.length - 1; t >= 0; t--) if (this.tables[t]!.sheet === sheet) this.tables.splice(t, 1);
    for (const n of this.names) if (n.sheet === sheet) n.sheet = null;
    if (this.activeSheet === sheet) this.activeSheet = this.sheets.find((s) => s.visibility === "Visible");
    if (this.selection?.sheet === sheet) this.selection = undefined;
  }

  /** Plain-data picture of everything, for equality checks in tests (e.g. after a rollback). */
  snapshot(): unknown {
    const rect = (r: Rect | undefined) => (r ? formatRange(r) : undefined);
    return {
      active: this.activeSheet?.name,
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        tabColor: s.tabColor,
        cells: [...s.cells.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([k, c]) => [formatCell(keyRow(k), keyCol(k)), c]),
        formats: s.formats.map((f) => ({ ...f, rect: rect(f.rect) })),
        columnWidths: [...s.columnWidths.entries()].sort(),
        rowHeights: [...s.rowHeights.entries()].sort(),
        hiddenColumns: [...s.hiddenColumns].sort(),
        hiddenRows: [...s.hiddenRows].sort(),
        merges: s.merges.map((m) => rect(m)),
        freeze: s.freeze,
        validations: s.validations.map((v) => ({ ...v, rect: rect(v.rect) })),
        conditionalFormats: s.conditionalFormats.map((c) => ({ ...c, rect: rect(c.rect) })),
        charts: s.charts.map((c) => JSON.parse(JSON.stringify(c))),
        pageLayout: JSON.parse(JSON.stringify(s.pageLayout)),
        pageBreaks: [...s.pageBreaks],
        protection: s.protection,
        autoFilter: s.autoFilter
          ? { range: rect(s.autoFilter.rect), rows: [...s.autoFilter.filteredRows].sort() }
          : undefined,
      })),
      structureProtected: this.structureProtected,
      names: this.names.map((n) => ({ name: n.name, ref: nameReference(n), comment: n.comment, visible: n.visible })),
      tables: this.tables.map((t) => ({
        id: t.id,
        name: t.name,
        sheet: t.sheet.name,
        rect: rect(t.rect),
        style: t.style,
        showTotals: t.showTotals,
      })),
    };
  }
}

/** "=Sheet1!$A$1:$B$2" for a range name, "=#REF!" when its sheet was deleted, else the formula. */
export function nameReference(n: NameState): string {
  if (n.sheet === null) return "=#REF!";
  if (n.sheet && n.rect) return `=${quoteSheetName(n.sheet.name)}!${formatRange(n.rect, true)}`;
  return n.formula ?? "";
}

export function cellAt(sheet: SheetState, row: number, column: number): CellState | undefined {
  return sheet.cells.get(key(row, column));
}

/** The latest value of a format property at a cell (records are scanned newest first). */
export function formatAt(sheet: SheetState, row: number, column: number, prop: string): unknown {
  for (let i = sheet.formats.length - 1; i >= 0; i--) {
    const f = sheet.formats[i]!;
    if (f.prop !== prop) continue;
    const r = f.rect;
    if (row < r.top || row > r.bottom || column < r.left || column > r.right) continue;
    if (f.matrix) {
      const v = f.matrix[row - r.top]?.[column - r.left];
      if (v === null || v === undefined) continue;
      return v;
    }
    return f.value;
  }
  return undefined;
}

export function numberFormatAt(sheet: SheetState, row: number, column: number): string {
  return (formatAt(sheet, row, column, "numberFormat") as string | undefined) ?? "General";
}

export function isLocked(sheet: SheetState, row: number, column: number): boolean {
  return (formatAt(sheet, row, column, "protection.locked") as boolean | undefined) ?? true;
}

export function mergeAt(sheet: SheetState, row: number, column: number): Rect | undefined {
  return sheet.merges.find((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right);
}

export function tableOverlapping(book: WorkbookState, sheet: SheetState, rect: Rect): TableState | undefined {
  return book.tables.find((t) => t.sheet === sheet && rectsOverlap(t.rect, rect));
}

export function rangeAddress(sheet: SheetState, rect: Rect): string {
  return `${quoteSheetName(sheet.name)}!${formatRange(rect)}`;
}

export { parseRange };
