/**
 * The real-engine check: recalculate .xlsx files in headless LibreOffice and compare every
 * formula result with what the plan expects.
 *
 *   const summary = await verifyPlanInLibreOffice(plan);
 *   expect(summary.problems).toEqual([]);          // lists every mismatch and unexpected error
 *   console.log(summary.describe());
 *
 * LibreOffice keeps cached results in a file unless told to recalculate on load, so each run
 * uses a fresh temporary profile whose registrymodifications.xcu sets
 * /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode (and ODFRecalcMode) to 0 = always.
 * The writer also stores `expect` as each formula's cached result — without forced
 * recalculation the comparison would pass vacuously; `test/e2e/libreoffice-harness.test.ts`
 * proves it does not.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { formatCell } from "../../src/sheets/formula/a1";
import {
  finalCells,
  keyColumn,
  keyRow,
  prepareWorkbookPlan,
  type ExistingNames,
} from "../../src/sheets/formula/prepare";
import { isFormulaCell, type Expected, type PlanCell, type WorkbookPlan } from "../../src/sheets/plan";
import { isComputedError, matchesExpected, type Computed } from "../../src/sheets/selfcheck/compare";
import { xlsxBytes } from "../../src/xlsx/writeXlsx";

// The comparison lives in src/ so the add-in's self-check in Excel judges cells by the same rule.
export { matchesExpected, type Computed };

export class LibreOfficeMissingError extends Error {
  constructor() {
    super(
      "LibreOffice (soffice) was not found. Install it with `apt-get install -y --no-install-recommends libreoffice-calc`, " +
        "or set SOFFICE_PATH to the soffice binary.",
    );
    this.name = "LibreOfficeMissingError";
  }
}

/** Path of the soffice binary, or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  const fromEnv = process.env.SOFFICE_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ["soffice", "libreoffice"]) {
    try {
      const p = execFileSync("which", [name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
      if (p && existsSync(p)) return p;
    } catch {
      /* not on PATH */
    }
  }
  for (const p of [
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  ]) {
    if (existsSync(p)) return p;
  }
  return undefined;
}

export function requireSoffice(): string {
  const p = findSoffice();
  if (!p) throw new LibreOfficeMissingError();
  return p;
}

const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface RecalcResult {
  /** The workbook as LibreOffice saved it after recalculating. */
  readonly workbook: ExcelJS.Workbook;
  readonly bytes: Uint8Array;
  /** Wall time of the soffice run (load, recalculate, save). */
  readonly elapsedMs: number;
  /** CPU time (user + system) of the soffice run, with `cpuTime` where /usr/bin/time exists. */
  readonly cpuMs?: number;
}

export interface RecalcOptions {
  readonly timeoutMs?: number;
  /** Forced recalculation on load (default true). `false` keeps cached results — for the harness's own test. */
  readonly recalculate?: boolean;
  /**
   * Also measure the CPU time LibreOffice spent (benchmarks on a shared machine: CPU time is far
   * less disturbed by other processes than wall time). Needs /usr/bin/time.
   */
  readonly cpuTime?: boolean;
}

function run(file: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stdout, stderr }));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** GNU time, for the CPU time of a benchmark's soffice run. */
const TIME = "/usr/bin/time";

/** Recalculates .xlsx bytes in headless LibreOffice (fresh profile) and reads the result back with exceljs. */
export async function recalculateXlsx(input: Uint8Array, options: RecalcOptions = {}): Promise<RecalcResult> {
  const soffice = requireSoffice();
  const dir = await mkdtemp(join(tmpdir(), "svc-lo-"));
  try {
    const profile = join(dir, "profile");
    await mkdir(join(profile, "user"), { recursive: true });
    if (options.recalculate !== false)
      await writeFile(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS_XCU);
    const inDir = join(dir, "in");
    const outDir = join(dir, "out");
    await mkdir(inDir);
    await mkdir(outDir);
    const inFile = join(inDir, "book.xlsx");
    await writeFile(inFile, input);
    const started = Date.now();
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--nodefault",
      "--nolockcheck",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      inFile,
    ];
    const timed = options.cpuTime === true && existsSync(TIME);
    let cpuMs: number | undefined;
    try {
      const r = timed
        ? await run(TIME, ["-f", "SVC_CPU %U %S", soffice, ...args], options.timeoutMs ?? 240_000)
        : await run(soffice, args, options.timeoutMs ?? 240_000);
      const m = /SVC_CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
      if (timed && m) cpuMs = Math.round((Number(m[1]) + Number(m[2])) * 1000);
    } catch (e) {
      const err = e as Error & { stderr?: string };
      throw new Error(`LibreOffice failed to convert the workbook: ${err.message}\n${err.stderr ?? ""}`);
    }
    const elapsedMs = Date.now() - started;
    const outFile = join(outDir, "book.xlsx");
    if (!existsSync(outFile))
      throw new Error("LibreOffice produced no output file (is another soffice using the profile?)");
    const bytes = new Uint8Array(await readFile(outFile));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return { workbook, bytes, elapsedMs, ...(cpuMs !== undefined ? { cpuMs } : {}) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads a cell's computed value from a recalculated workbook. */
export function computedValue(cell: ExcelJS.Cell | undefined): Computed {
  if (!cell) return null;
  // exceljs's `value` getter drops falsy formula results (0, false, ""); `result` keeps them.
  const v = (
    cell.type === ExcelJS.ValueType.Formula
      ? { formula: cell.formula, result: (cell as unknown as { result: unknown }).result }
      : cell.value
  ) as unknown;
  const fromValue = (x: unknown): Computed => {
    if (x === null || x === undefined) return null;
    if (typeof x === "number" || typeof x === "boolean") return x;
    if (typeof x === "string") return /^Err:\d+$/.test(x) ? { error: x } : x;
    if (x instanceof Date) return (x.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
    if (typeof x === "object") {
      const o = x as Record<string, unknown>;
      if (typeof o.error === "string") return { error: o.error };
      if ("formula" in o || "sharedFormula" in o) return fromValue(o.result);
      if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    }
    return String(x);
  };
  return fromValue(v);
}

const isError = isComputedError;

export interface FormulaProblem {
  readonly sheet: string;
  readonly cell: string;
  readonly formula: string;
  readonly expected?: Expected;
  readonly actual: Computed;
  readonly reason: "mismatch" | "unexpected-error" | "missing";
}

export interface VerifySummary {
  readonly ok: boolean;
  readonly sheets: number;
  /** Formula cells in the plan (cells and fills). */
  readonly formulaCells: number;
  /** Formula cells that had an `expect` and were compared. */
  readonly cellsCompared: number;
  readonly mismatches: readonly FormulaProblem[];
  /** Formulas that came back as an error nobody expected (#NAME?, Err:…, #VALUE! …). */
  readonly unexpectedErrors: readonly FormulaProblem[];
  readonly problems: readonly FormulaProblem[];
  readonly recalcMs: number;
  describe(limit?: number): string;
}

function show(v: Expected | Computed | undefined): string {
  if (v === undefined) return "(none)";
  return typeof v === "object" && v !== null ? v.error : JSON.stringify(v);
}

/**
 * Compares a recalculated workbook with the plan's formulas and expectations. `existing`: the
 * names the workbook held before the plan was added to it (sheets grafted into a user's workbook).
 */
export function compareWithPlan(
  plan: WorkbookPlan,
  recalculated: ExcelJS.Workbook,
  recalcMs = 0,
  existing: ExistingNames = { sheetNames: [], definedNames: [], tableNames: [] },
  /** Adjusts a computed value before it is compared (e.g. a 1904 workbook's dates). */
  adjust: (cell: ExcelJS.Cell | undefined, actual: Computed) => Computed = (_cell, actual) => actual,
): VerifySummary {
  const prepared = prepareWorkbookPlan(plan, existing);
  let formulaCells = 0;
  let cellsCompared = 0;
  const mismatches: FormulaProblem[] = [];
  const unexpectedErrors: FormulaProblem[] = [];
  for (const sheet of prepared.sheets) {
    const ws = recalculated.worksheets.find((w) => w.name === sheet.actualName);
    for (const [key, cell] of finalCells(sheet)) {
      if (!isFormulaCell(cell as PlanCell)) continue;
      const { f, expect } = cell as { f: string; expect?: Expected };
      formulaCells += 1;
      const address = formatCell(keyRow(key), keyColumn(key));
      const wsCell = ws?.findRow(keyRow(key))?.findCell(keyColumn(key));
      const actual = adjust(wsCell, computedValue(wsCell));
      const base = { sheet: sheet.actualName, cell: address, formula: f, actual };
      if (!ws) {
        mismatches.push({ ...base, expected: expect, reason: "missing" });
        continue;
      }
      if (expect !== undefined) {
        cellsCompared += 1;
        if (!matchesExpected(expect, actual)) {
          (isError(actual) ? unexpectedErrors : mismatches).push({
            ...base,
            expected: expect,
            reason: isError(actual) ? "unexpected-error" : "mismatch",
          });
        }
      } else if (isError(actual)) {
        // No expectation: it must at least compute. #NAME? / Err:… mean LibreOffice cannot.
        unexpectedErrors.push({ ...base, reason: "unexpected-error" });
      }
    }
  }
  const problems = [...unexpectedErrors, ...mismatches];
  return {
    ok: problems.length === 0,
    sheets: prepared.sheets.length,
    formulaCells,
    cellsCompared,
    mismatches,
    unexpectedErrors,
    problems,
    recalcMs,
    describe(limit = 20) {
      const head = `LibreOffice: ${prepared.sheets.length} sheet(s), ${formulaCells} formula cells, ${cellsCompared} compared with expect, ${mismatches.length} mismatches, ${unexpectedErrors.length} unexpected errors (recalc ${recalcMs} ms)`;
      const lines = problems
        .slice(0, limit)
        .map(
          (p) =>
            `  ${p.sheet}!${p.cell} ${p.formula} → ${show(p.actual)}${p.expected !== undefined ? ` (expected ${show(p.expected)})` : ""} [${p.reason}]`,
        );
      if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
      return [head, ...lines].join("\n");
    },
  };
}

/** Writes the plan with the .xlsx writer, recalculates it in LibreOffice and compares every formula. */
export async function verifyPlanInLibreOffice(plan: WorkbookPlan, options: RecalcOptions = {}): Promise<VerifySummary> {
  const { bytes } = await xlsxBytes(plan);
  const { workbook, elapsedMs } = await recalculateXlsx(bytes, options);
  return compareWithPlan(plan, workbook, elapsedMs);
}

/**
 * For tests of a file the add-in produced (a pane's download, a command's output): recalculates
 * `bytes` in LibreOffice and expects every formula cell of `plan`, the engine's plan for the same
 * choices, to be compared and to match. Logs the summary and returns it for further checks.
 */
export async function expectXlsxComputesPlan(bytes: Uint8Array, plan: WorkbookPlan): Promise<VerifySummary> {
  const { workbook, elapsedMs } = await recalculateXlsx(bytes);
  const summary = compareWithPlan(plan, workbook, elapsedMs);
  console.log(summary.describe());
  expect(summary.problems).toEqual([]);
  expect(summary.cellsCompared).toBe(summary.formulaCells);
  return summary;
}
