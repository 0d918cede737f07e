/**
 * What the self-check writes into the open workbook and what it expects back, as data:
 * every kind of generated sheet built from the bundled sample data (../sample), renamed to
 * temporary names ("自检 考核表 2026-Q1" / "Check Appraisal 2026-Q1") so nobody takes them for
 * their own and an interrupted run can be recognised, and for every formula cell its address,
 * formula and the engine's value. Pure: the Office.js side is src/excel/selfCheck.ts.
 */
import { pick, type Locale } from "../../core/i18n/text";
import { FUNCTIONS_SHEET, TEMP_PREFIX } from "./names";
import type { Settings } from "../../core/settings";
import { formatCell, formatRange, type Rect } from "../formula/a1";
import { sanitizeSheetName } from "../formula/names";
import { finalCells, keyColumn, keyRow, prepareWorkbookPlan, rewriteFormulas } from "../formula/prepare";
import { renameSheetInFormula } from "../formula/shift";
import { isFormulaCell, type Expected, type PlanCell, type PlanKind, type WorkbookPlan } from "../plan";
import { buildSampleWorkbook } from "../sample/sampleWorkbook";
import { planWorkbook } from "../sample/planWorkbook";
import { functionChecks, type FunctionCheck } from "./functionChecks";

export { TEMP_PREFIX, FUNCTIONS_SHEET, isTemporaryName } from "./names";

export interface CellExpectation {
  readonly address: string;
  readonly formula: string;
  /** Absent: the generator gave no value; the cell must at least not be an error. */
  readonly expect?: Expected;
}

export interface SheetExpectations {
  /** The temporary sheet's name in the plan (the writer may still make it unique). */
  readonly name: string;
  readonly kind: PlanKind;
  readonly cells: readonly CellExpectation[];
  /** The rectangle holding every formula cell (null: the sheet has none). */
  readonly readAddress: string | null;
}

export interface SelfCheckPlan {
  /** Every temporary sheet, written as one unit (all or none). */
  readonly plan: WorkbookPlan;
  /** Per sheet of `plan`, in the same order. */
  readonly sheets: readonly SheetExpectations[];
  readonly functions: readonly FunctionCheck[];
  readonly functionsSheet: string;
  /** The 考核参数 sheet was generated with the check (the workbook had none). */
  readonly settingsGenerated: boolean;
}

export interface SelfCheckOptions {
  readonly locale: Locale;
  /** The scheme: the workbook's own when it has a 考核参数 sheet, else the defaults. */
  readonly settings: Settings;
  /** The workbook has no 考核参数 sheet: generate one (temporary, like the others). */
  readonly includeSettingsSheet: boolean;
  /** Whether 考核参数 has the 三包 terms' names (default true; false for an older sheet). */
  readonly warrantyNames?: boolean;
}

/** The temporary name of a sample sheet: the prefix in front, cut to Excel's 31 characters. */
export function temporaryName(name: string, locale: Locale): string {
  return sanitizeSheetName(`${pick(TEMP_PREFIX, locale)}${name}`);
}

export async function selfCheckPlan(options: SelfCheckOptions): Promise<SelfCheckPlan> {
  const { locale } = options;
  // Built the way the panes build them, later sheets from the engine's values of earlier ones.
  // The record books too (issue 12): every kind the add-in generates is checked.
  const plans = await buildSampleWorkbook(planWorkbook(), { ...options, records: true });
  const sheets = plans.flatMap((p) => p.sheets);
  const renames = sheets.map((s) => ({ from: s.name, to: temporaryName(s.name, locale) }));
  const rename = (f: string) => renames.reduce((acc, r) => renameSheetInFormula(acc, r.from, r.to), f);
  const plan: WorkbookPlan = {
    sheets: sheets.map((s, i) => ({ ...rewriteFormulas(s, rename), name: renames[i]!.to })),
  };
  // Addresses, formulas and expectations as both writers will lay the cells out.
  const prepared = prepareWorkbookPlan(plan, { sheetNames: [], definedNames: [], tableNames: [] });
  return {
    plan,
    sheets: prepared.sheets.map((s) => {
      const cells: CellExpectation[] = [];
      let rect: Rect | null = null;
      for (const [key, cell] of finalCells(s)) {
        if (!isFormulaCell(cell as PlanCell)) continue;
        const { f, expect } = cell as { f: string; expect?: Expected };
        const row = keyRow(key);
        const column = keyColumn(key);
        cells.push({ address: formatCell(row, column), formula: f, ...(expect !== undefined ? { expect } : {}) });
        rect = rect
          ? {
              top: Math.min(rect.top, row),
              left: Math.min(rect.left, column),
              bottom: Math.max(rect.bottom, row),
              right: Math.max(rect.right, column),
            }
          : { top: row, left: column, bottom: row, right: column };
      }
      return { name: s.actualName, kind: s.plan.marker.kind, cells, readAddress: rect ? formatRange(rect) : null };
    }),
    functions: functionChecks(),
    functionsSheet: pick(FUNCTIONS_SHEET, locale),
    settingsGenerated: options.includeSettingsSheet,
  };
}
