/**
 * SheetBuilder: the small mutable helper generators use to assemble a SheetPlan with 1-based
 * (row, column) coordinates instead of hand-written A1 strings. It only collects data; `build()`
 * returns the immutable plan. Cells set one by one are packed into row runs (one CellBlock per
 * run of adjacent cells); large tables go in whole with `block()`.
 */
import type {
  CellBlock,
  CellStyle,
  ChartSpec,
  ColumnSpec,
  ConditionalFormat,
  DataValidation,
  FormulaFill,
  MarkerEnvelope,
  NamedRange,
  PlanCell,
  PrintSetup,
  RangeFormat,
  RowSpec,
  SheetPlan,
  TableSpec,
} from "../plan";
import type { Text } from "../../core/i18n/text";
import { a1, columnLetter, rangeA1 } from "./address";

/** `M` is the sheet's marker type, so the plan built says which kind (and meta) it carries. */
export class SheetBuilder<M extends MarkerEnvelope = MarkerEnvelope> {
  private readonly sparse = new Map<number, Map<number, PlanCell>>();
  private readonly blocks: CellBlock[] = [];
  private readonly fills: FormulaFill[] = [];
  private readonly formats: RangeFormat[] = [];
  private readonly merges: string[] = [];
  private readonly columns = new Map<string, ColumnSpec>();
  private readonly rows = new Map<number, RowSpec>();
  private readonly validations: DataValidation[] = [];
  private readonly conditionalFormats: ConditionalFormat[] = [];
  private readonly tables: TableSpec[] = [];
  private readonly names: NamedRange[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly notes: Text[] = [];
  private freezePanes?: { rows: number; columns: number };
  private printSetup?: PrintSetup;
  private tab?: string;
  private protectSheet = false;

  constructor(
    private readonly name: string,
    private readonly marker: M,
    private readonly markerCell: string,
  ) {}

  /** Sets one cell (1-based); `style`, when given, is added as a format of that cell. */
  set(row: number, column: number, cell: PlanCell, style?: CellStyle): this {
    let line = this.sparse.get(row);
    if (!line) {
      line = new Map();
      this.sparse.set(row, line);
    }
    line.set(column, cell);
    if (style) this.format(a1(row, column), style);
    return this;
  }

  /** Sets cells left to right starting at (row, column). */
  setRow(row: number, column: number, cells: readonly PlanCell[], style?: CellStyle): this {
    cells.forEach((cell, i) => this.set(row, column + i, cell));
    if (style && cells.length > 0) this.format(rangeA1(row, column, row, column + cells.length - 1), style);
    return this;
  }

  /** A whole rectangle at once (large tables): rows of cells anchored at (row, column). */
  block(row: number, column: number, rows: readonly (readonly PlanCell[])[]): this {
    if (rows.length > 0) this.blocks.push({ at: a1(row, column), rows });
    return this;
  }

  fill(fill: FormulaFill): this {
    this.fills.push(fill);
    return this;
  }

  format(range: string, style: CellStyle): this {
    this.formats.push({ range, style });
    return this;
  }

  merge(range: string): this {
    this.merges.push(range);
    return this;
  }

  /** Column width in characters; `column` is 1-based or a letter. */
  width(column: number | string, width: number): this {
    const letter = typeof column === "number" ? columnLetter(column) : column;
    this.columns.set(letter, { ...this.columns.get(letter), column: letter, width });
    return this;
  }

  hideColumn(column: number | string): this {
    const letter = typeof column === "number" ? columnLetter(column) : column;
    this.columns.set(letter, { ...this.columns.get(letter), column: letter, hidden: true });
    return this;
  }

  height(row: number, height: number): this {
    this.rows.set(row, { ...this.rows.get(row), row, height });
    return this;
  }

  freeze(rows: number, columns: number): this {
    this.freezePanes = { rows, columns };
    return this;
  }

  validate(validation: DataValidation): this {
    this.validations.push(validation);
    return this;
  }

  conditional(format: ConditionalFormat): this {
    this.conditionalFormats.push(format);
    return this;
  }

  table(table: TableSpec): this {
    this.tables.push(table);
    return this;
  }

  defineName(name: string, range: string, comment?: string): this {
    this.names.push(comment === undefined ? { name, range } : { name, range, comment });
    return this;
  }

  chart(chart: ChartSpec): this {
    this.charts.push(chart);
    return this;
  }

  print(setup: PrintSetup): this {
    this.printSetup = setup;
    return this;
  }

  tabColor(hex: string): this {
    this.tab = hex;
    return this;
  }

  protect(on = true): this {
    this.protectSheet = on;
    return this;
  }

  note(message: Text): this {
    this.notes.push(message);
    return this;
  }

  build(): SheetPlan<M> {
    return {
      name: this.name,
      marker: this.marker,
      markerCell: this.markerCell,
      cells: [...this.packSparseCells(), ...this.blocks],
      fills: this.fills,
      formats: this.formats,
      merges: this.merges,
      columns: [...this.columns.values()],
      rows: [...this.rows.values()].sort((a, b) => a.row - b.row),
      ...(this.freezePanes ? { freeze: this.freezePanes } : {}),
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      tables: this.tables,
      names: this.names,
      charts: this.charts,
      ...(this.printSetup ? { print: this.printSetup } : {}),
      ...(this.tab ? { tabColor: this.tab } : {}),
      ...(this.protectSheet ? { protect: true } : {}),
      notes: this.notes,
    };
  }

  /** One block per run of horizontally adjacent cells, rows in order. */
  private packSparseCells(): CellBlock[] {
    const out: CellBlock[] = [];
    for (const row of [...this.sparse.keys()].sort((a, b) => a - b)) {
      const line = this.sparse.get(row)!;
      const cols = [...line.keys()].sort((a, b) => a - b);
      let start = 0;
      for (let i = 1; i <= cols.length; i++) {
        if (i === cols.length || cols[i] !== cols[i - 1] + 1) {
          const run = cols.slice(start, i).map((c) => line.get(c) as PlanCell);
          out.push({ at: a1(row, cols[start]), rows: [run] });
          start = i;
        }
      }
    }
    return out;
  }
}
