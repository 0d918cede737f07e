/**
 * An honest in-memory fake of the parts of the Excel JavaScript API the add-in uses.
 *
 *   const fake = createFakeExcel({ sheets: ["Sheet1"] });
 *   await writePlans(fake.context as unknown as Excel.RequestContext, plan);
 *   fake.syncCount; fake.largestRequestBytes; fake.state.snapshot();
 *   fake.failOnSync(3);           // the 3rd sync throws after applying half its operations
 *
 * What it enforces, as real Excel does: proxies whose scalar properties throw PropertyNotLoaded
 * unless loaded and synced; unknown members throw; operations run only at sync, in order, and
 * a failing one leaves the earlier ones applied; 2-D arrays must match the range's shape;
 * strings written to values/formulas are parsed like typing ("=…" makes a formula, "'…" stays
 * text, "007" becomes 7); request payloads over 5 MB are refused. Formulas are not computed.
 */
import { mustAddress as parseRange } from "./a1";
import { FakeContextCore, FakeNode, type FailureMode, type RunOptions, type SyncRecord, type TypeSpec } from "./node";
import { APPLICATION, workbookSpec, type FormulaValue, type Options } from "./model";
import { WorkbookState } from "./state";

export { FakeOfficeError } from "./errors";
export {
  WorkbookState,
  SheetState,
  cellAt,
  numberFormatAt,
  formatAt,
  key,
  keyRow,
  keyCol,
  nameReference,
} from "./state";
export type { FailureMode, SyncRecord, RunOptions } from "./node";
export type { FormulaValue } from "./model";

export interface FakeExcel {
  /** Pass as `Excel.RequestContext` (cast). */
  readonly context: unknown;
  readonly state: WorkbookState;
  readonly syncCount: number;
  readonly largestRequestBytes: number;
  readonly syncs: readonly SyncRecord[];
  failOnSync(n: number, mode?: FailureMode): void;
  /** Lowers Excel on the web's 5 MB request limit (for tests). */
  setPayloadLimit(bytes: number): void;
  /** Lowers Excel on the web's 5 MB response limit (for tests). */
  setResponseLimit(bytes: number): void;
  /** The user starts or stops editing a cell: batches fail, or wait with delayForCellEdit. */
  setCellEditMode(on: boolean): void;
  /** Every operation on this member ("PageLayout.zoom") fails, as a platform bug would. */
  failMember(member: string): void;
  /** The n-th sync never answers until releaseHung(). */
  hangOnSync(n: number): void;
  releaseHung(): void;
  /**
   * Excel.run over the fake: `batch` gets the context, and its syncs obey `options`
   * (delayForCellEdit). Runs do not nest.
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /**
   * What formula cells compute to from now on (the fake does not calculate): e.g. the values
   * LibreOffice computed for the same plan. Replaces the `formulaValue` given at creation.
   */
  setFormulaValues(values: FormulaValue | undefined): void;
  /**
   * The user's AutoFilter on `address`, with its criteria hiding `hiddenRows` (sheet row
   * numbers), as after Data > Filter and choosing values.
   */
  filter(sheet: string, address: string, hiddenRows: readonly number[]): void;
  /** Selects a range (what `workbook.getSelectedRange()` returns). */
  select(sheet: string, address: string): void;
}

export interface FakeSetup extends Options {
  /** The workbook's date system; 1904 makes DATE(1904,1,1) compute to 0. */
  readonly dateSystem?: 1900 | 1904;
  /** Model office-js #1830: charts.add reads its source range the other way round. */
  readonly chartsAddSwaps?: boolean;
  /** Unregistered custom functions: refused (default) or computed to #NAME? as in Excel. */
  readonly unknownFunctions?: "refuse" | "nameError";
  /** Syncs a new custom-function call shows #BUSY! before its value (default 0). */
  readonly customFunctionBusySyncs?: number;
  /** Sheets that exist before the test, in order. Default: ["Sheet1"]. */
  readonly sheets?: readonly string[];
}

class Core extends FakeContextCore {
  constructor(readonly book: WorkbookState) {
    super();
  }
}

export function createFakeExcel(setup: FakeSetup = {}): FakeExcel {
  const book = new WorkbookState();
  book.dateSystem = setup.dateSystem ?? 1900;
  book.formulaSettings = {
    ...(setup.customFunctions ? { customFunctions: setup.customFunctions } : {}),
    ...(setup.oldestExcel ? { oldestExcel: setup.oldestExcel } : {}),
    ...(setup.chartsAddSwaps ? { chartsAddSwaps: true } : {}),
    ...(setup.unknownFunctions ? { unknownFunctions: setup.unknownFunctions } : {}),
    ...(setup.customFunctionBusySyncs ? { customFunctionBusySyncs: setup.customFunctionBusySyncs } : {}),
  };
  for (const s of setup.sheets ?? ["Sheet1"]) book.addSheet(s);
  const core = new Core(book);
  // Calculation suspension lasts "until the next context.sync()".
  core.afterSync = () => {
    book.calculationSuspended = false;
    book.syncIndex += 1;
  };
  // Read by the object model at every read, so setFormulaValues can change it later.
  const opts: Options = setup.formulaValue ? { formulaValue: setup.formulaValue } : {};
  const contextSpec: TypeSpec<WorkbookState> = {
    typeName: "RequestContext",
    navs: {
      workbook: (n) => n.child(workbookSpec(opts), ".workbook", () => n.target()),
      application: (n) => n.child(APPLICATION, ".application", () => n.target()),
    },
    methods: { sync: () => core.sync() },
  };
  const root = new FakeNode<WorkbookState>(core, contextSpec, "ctx", () => book);
  root.bind(book);
  return {
    context: root.proxy,
    state: book,
    get syncCount() {
      return core.syncCount;
    },
    get largestRequestBytes() {
      return core.largestRequestBytes;
    },
    get syncs() {
      return core.syncs;
    },
    failOnSync: (n, mode) => core.failOnSync(n, mode),
    setPayloadLimit: (bytes) => {
      core.payloadLimit = bytes;
    },
    setResponseLimit: (bytes) => {
      core.responseLimit = bytes;
    },
    setCellEditMode: (on) => core.setCellEditMode(on),
    hangOnSync: (n) => core.hangOnSync(n),
    failMember: (m) => void core.failingMembers.add(m),
    setFormulaValues: (values) => {
      if (values) opts.formulaValue = values;
      else delete opts.formulaValue;
    },
    releaseHung: () => core.releaseHung(),
    run: async <T>(
      a: RunOptions | ((context: Excel.RequestContext) => Promise<T>),
      b?: (context: Excel.RequestContext) => Promise<T>,
    ): Promise<T> => {
      const options = typeof a === "function" ? {} : a;
      const batch = typeof a === "function" ? a : b!;
      core.runOptions = options;
      try {
        return await batch(root.proxy as Excel.RequestContext);
      } finally {
        core.runOptions = {};
      }
    },
    filter: (sheet, address, hiddenRows) => {
      const s = book.findSheet(sheet);
      if (!s) throw new Error(`No sheet ${sheet}`);
      s.autoFilter = { rect: parseRange(address), filteredRows: new Set(hiddenRows) };
      for (const r of hiddenRows) s.hiddenRows.add(r);
    },
    select: (sheet, address) => {
      const s = book.findSheet(sheet);
      if (!s) throw new Error(`No sheet ${sheet}`);
      book.selection = { sheet: s, rect: parseRange(address) };
      book.activeSheet = s;
    },
  };
}
