/**
 * The fake Excel as the task pane's host, in a real browser: a test-only bundle (built by
 * buildFakeHost in ./fakeHostBuild.ts) served *instead of office.js*, so the pane boots as it
 * does inside Excel — `Office.onReady` answers host Excel, `Excel.run` runs batches on the
 * in-memory fake (test/fakes/excel), `CustomFunctions.associate` records the SVC functions that
 * functions.js registers. A custom-function cell computes by calling the registered function
 * with Excel's argument matrices, as Excel does; every other formula cell reports the value the
 * test loaded with `__fakeExcel.setComputed` (LibreOffice's, for the self-check).
 *
 * The page gets `window.__fakeExcel` for the test: setComputed, the sheet names and a snapshot.
 */
import { createFakeExcel } from "../../fakes/excel";
import { parseCustomCall } from "../../support/customCall";
import { createCustomFunctionsGlobal, isCfError } from "../../support/customFunctionsGlobal";

type Matrix = unknown[][];
type CustomFunction = (...args: Matrix[]) => Matrix;

// CustomFunctions as Excel's runtime provides it (Error, ErrorCode, associate): the same test
// double the Node tests of the functions use.
const runtime = createCustomFunctionsGlobal();

const registered = new Map<string, CustomFunction>();
const NAMESPACE = "SVC";

interface Settings {
  /** The language Office reports (Office.context.displayLanguage). */
  language: string;
}
const settings: Settings = {
  language: new URLSearchParams(location.search).get("officeLanguage") ?? navigator.language ?? "zh-CN",
};

/** Values of formula cells by sheet name, then A1 address. */
let computed: Record<string, Record<string, unknown>> = {};

const fake = createFakeExcel({
  sheets: ["Sheet1"],
  customFunctionBusySyncs: 1,
  formulaValue: (sheet, row, column, formula) => {
    const address = a1(row, column);
    if (formula.toUpperCase().startsWith(`=${NAMESPACE}.`)) return callCustom(formula);
    const v = computed[sheet.name]?.[address];
    if (v === undefined) throw new Error(`fake host: no computed value for ${sheet.name}!${address} (${formula})`);
    return v as never;
  },
});

function a1(row: number, column: number): string {
  let s = "";
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
}

/** Excel calls the add-in's function with one matrix per argument and shows the result's first cell. */
function callCustom(formula: string): string | number | boolean | { error: string } {
  const call = parseCustomCall(formula);
  const fn = registered.get(call.name);
  if (!fn) return { error: "#NAME?" };
  const v = fn(...call.args)[0]?.[0];
  if (isCfError(v)) return { error: v.code };
  return v as string | number | boolean;
}

const g = globalThis as Record<string, unknown>;

g.CustomFunctions = {
  ...runtime,
  associate(id: string, fn: CustomFunction) {
    runtime.associate(id, fn as (...args: unknown[]) => unknown);
    registered.set(`${NAMESPACE}.${id}`.toUpperCase(), fn);
    // The functions are Excel's from now on: formulas may call them.
    fake.state.formulaSettings = { ...fake.state.formulaSettings, customFunctions: [...registered.keys()] };
  },
};

g.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { PC: "PC" },
  onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
  context: {
    get displayLanguage() {
      return settings.language;
    },
    officeTheme: null,
    diagnostics: { host: "Excel", platform: "PC", version: "fake Excel (test/fakes/excel)" },
  },
};

g.Excel = {
  run: (a: unknown, b?: unknown) => (fake.run as (x: unknown, y?: unknown) => Promise<unknown>)(a, b),
};

g.__fakeExcel = {
  setComputed(values: Record<string, Record<string, unknown>>) {
    computed = values;
  },
  sheetNames: () => fake.state.sheets.map((s) => s.name),
  definedNames: () => fake.state.names.map((n) => n.name),
  snapshot: () => JSON.stringify(fake.state.snapshot()).replace(/"id":"[a-z]+\d+"/g, ""),
  syncCount: () => fake.syncCount,
  registered: () => [...registered.keys()],
};
