/**
 * What both writers agree a WorkbookPlan means before either writes a byte: plan checks with
 * bilingual messages, unique sheet/table/marker names against what the workbook already holds,
 * formulas rewritten for renamed tables, and the final content of every cell (blocks, then
 * fills, then the marker; merges keep only their top-left cell; table headers become text).
 */
import { text, type Text } from "../../core/i18n/text";
import { problem, ProblemError } from "../../core/problem";
import {
  isFormulaCell,
  type Expected,
  type FormulaCell,
  type PlanCell,
  type SheetPlan,
  type WorkbookPlan,
} from "../plan";
import { AddressError, formatCell, parseCell, parseRange, rectsOverlap, type Rect } from "./a1";
import { isValidDefinedName, markerName, sanitizeTableName, uniqueName, uniqueSheetName } from "./names";
import { makeShifter, renameSheetInFormula, renameTableInFormula } from "./shift";
import { printAreas } from "./writeDecisions";

/** A plan that cannot be written as it stands (a generator bug or a name clash). */
export class PlanError extends ProblemError {
  constructor(text: Text) {
    super(problem("value", text));
    this.name = "PlanError";
  }

  /** The same as `problem.message` (kept for existing callers). */
  get text(): Text {
    return this.problem.message;
  }
}

/** Label both writers put in the first cell of a table's totals row (the other cells stay empty). */
export const TABLE_TOTALS_LABEL = "Total";

/** Longest text a cell holds (Excel). */
export const MAX_CELL_TEXT = 32_767;

export interface ExistingNames {
  readonly sheetNames: readonly string[];
  /** Workbook-scoped defined names. */
  readonly definedNames: readonly string[];
  readonly tableNames: readonly string[];
}

export interface PreparedSheet {
  /** The plan with formulas rewritten for renamed tables. */
  readonly plan: SheetPlan;
  readonly planned: string;
  readonly actualName: string;
  readonly markerName: string;
  readonly markerJson: string;
  /** Actual table names, in plan order. */
  readonly tableNames: readonly string[];
}

export interface PreparedWorkbook {
  readonly sheets: readonly PreparedSheet[];
  /** Every workbook-scoped name this plan adds (plan names and marker names). */
  readonly newDefinedNames: readonly string[];
}

function where(plan: SheetPlan, what: string): Text {
  return text(`工作表“${plan.name}”的${what}`, `${what} of sheet "${plan.name}"`);
}

function rangeOrThrow(address: string, what: Text): Rect {
  try {
    return parseRange(address);
  } catch (e) {
    const msg = e instanceof AddressError ? e.message : String(e);
    throw new PlanError(
      text(`${what.zh}地址无效：“${address}”（${msg}）`, `Invalid address "${address}" in ${what.en} (${msg})`),
    );
  }
}

function checkNumber(plan: SheetPlan, v: number, at: string): void {
  if (!Number.isFinite(v)) {
    throw new PlanError(
      text(
        `工作表“${plan.name}”单元格 ${at} 的数值无效（${v}）`,
        `Cell ${at} of sheet "${plan.name}" holds a non-finite number (${v})`,
      ),
    );
  }
}

/** Longest formula Excel accepts. */
export const MAX_FORMULA_LENGTH = 8_192;

function checkFormula(plan: SheetPlan, f: string, at: string): void {
  if (!f.startsWith("=") || f.length < 2) {
    throw new PlanError(
      text(
        `工作表“${plan.name}”单元格 ${at} 的公式必须以“=”开头：${f}`,
        `The formula of cell ${at} on sheet "${plan.name}" must start with "=": ${f}`,
      ),
    );
  }
  if (f.length > MAX_FORMULA_LENGTH) {
    throw new PlanError(
      text(
        `工作表“${plan.name}”单元格 ${at} 的公式超过 8192 字符`,
        `The formula of cell ${at} on sheet "${plan.name}" is longer than Excel's 8,192 characters`,
      ),
    );
  }
}

/** Checks one sheet plan; throws PlanError naming the first problem. */
export function validateSheetPlan(plan: SheetPlan): void {
  if (typeof plan.name !== "string" || plan.name.trim() === "") {
    throw new PlanError(text("工作表名称为空", "A sheet plan has an empty name"));
  }
  try {
    parseCell(plan.markerCell);
  } catch {
    throw new PlanError(
      text(
        `工作表“${plan.name}”的标记单元格无效：${plan.markerCell}`,
        `Invalid marker cell "${plan.markerCell}" on sheet "${plan.name}"`,
      ),
    );
  }
  const json = JSON.stringify(plan.marker);
  if (json.length > MAX_CELL_TEXT) {
    throw new PlanError(
      text(
        `工作表“${plan.name}”的标记过长（${json.length} 字符）`,
        `The marker of sheet "${plan.name}" is too long (${json.length} characters)`,
      ),
    );
  }
  for (const block of plan.cells) {
    const at = rangeOrThrow(block.at, where(plan, "单元格块"));
    block.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const a = () => formatCell(at.top + r, at.left + c);
        if (typeof cell === "number") checkNumber(plan, cell, a());
        else if (typeof cell === "string" && cell.length > MAX_CELL_TEXT) {
          throw new PlanError(
            text(
              `工作表“${plan.name}”单元格 ${a()} 的文字超过 32767 字符`,
              `Cell ${a()} of sheet "${plan.name}" holds more than 32767 characters`,
            ),
          );
        } else if (isFormulaCell(cell)) checkFormula(plan, cell.f, a());
      }),
    );
  }
  for (const fill of plan.fills ?? []) {
    const rect = rangeOrThrow(fill.range, where(plan, "公式填充"));
    checkFormula(plan, fill.formula, fill.range);
    if (fill.expect) {
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (fill.expect.length !== rows || fill.expect.some((r) => r.length !== cols)) {
        throw new PlanError(
          text(
            `工作表“${plan.name}”填充 ${fill.range} 的 expect 形状与区域不符`,
            `The expect array of fill ${fill.range} on sheet "${plan.name}" does not match the range's shape`,
          ),
        );
      }
    }
  }
  for (const f of plan.formats ?? []) rangeOrThrow(f.range, where(plan, "格式"));
  const merges = (plan.merges ?? []).map((m) => ({ m, r: rangeOrThrow(m, where(plan, "合并区域")) }));
  for (let i = 0; i < merges.length; i++) {
    for (let j = i + 1; j < merges.length; j++) {
      if (rectsOverlap(merges[i]!.r, merges[j]!.r)) {
        throw new PlanError(
          text(
            `工作表“${plan.name}”的合并区域重叠：${merges[i]!.m} 与 ${merges[j]!.m}`,
            `Merged ranges overlap on sheet "${plan.name}": ${merges[i]!.m} and ${merges[j]!.m}`,
          ),
        );
      }
    }
  }
  for (const col of plan.columns ?? []) {
    if (!/^[A-Za-z]{1,3}$/.test(col.column))
      throw new PlanError(
        text(`工作表“${plan.name}”的列无效：${col.column}`, `Invalid column "${col.column}" on sheet "${plan.name}"`),
      );
    rangeOrThrow(`${col.column}1`, where(plan, "列"));
  }
  for (const v of plan.validations ?? []) {
    rangeOrThrow(v.range, where(plan, "数据验证"));
    for (const box of [v.error, v.prompt]) {
      if (box && (box.title.length > 32 || box.message.length > 255)) {
        throw new PlanError(
          text(
            `工作表“${plan.name}”${v.range} 的数据验证提示过长（标题 ≤ 32、内容 ≤ 255 字符）`,
            `The validation message on ${v.range} (sheet "${plan.name}") is too long (title ≤ 32, message ≤ 255 characters; Excel's limits)`,
          ),
        );
      }
    }
    if (v.rule.type === "list") {
      const joined = v.rule.values.join(",");
      if (v.rule.values.some((x) => x.includes(",") || x.includes('"')) || joined.length > 255) {
        throw new PlanError(
          text(
            `工作表“${plan.name}”${v.range} 的下拉列表项不能含逗号或引号，总长不超过 255`,
            `List items of the validation on ${v.range} (sheet "${plan.name}") may not contain commas or quotes and must total at most 255 characters`,
          ),
        );
      }
    }
  }
  for (const cf of plan.conditionalFormats ?? []) rangeOrThrow(cf.range, where(plan, "条件格式"));
  for (const t of plan.tables ?? []) rangeOrThrow(t.range, where(plan, "表格"));
  for (const n of plan.names ?? []) {
    rangeOrThrow(n.range, where(plan, "名称"));
    if (!isValidDefinedName(n.name)) {
      throw new PlanError(
        text(`工作表“${plan.name}”的名称无效：${n.name}`, `Invalid defined name "${n.name}" on sheet "${plan.name}"`),
      );
    }
  }
  for (const ch of plan.charts ?? []) {
    rangeOrThrow(ch.from, where(plan, "图表位置"));
    rangeOrThrow(ch.to, where(plan, "图表位置"));
    for (const s of ch.series) {
      rangeOrThrow(s.values, where(plan, "图表数据"));
      rangeOrThrow(s.categories, where(plan, "图表类别"));
    }
  }
  for (const area of plan.print ? printAreas(plan.print) : []) rangeOrThrow(area, where(plan, "打印区域"));
  if (plan.print?.titleRows && !/^\$?\d+:\$?\d+$/.test(plan.print.titleRows)) {
    throw new PlanError(
      text(
        `工作表“${plan.name}”的打印标题行无效：${plan.print.titleRows}`,
        `Invalid print title rows "${plan.print.titleRows}" on sheet "${plan.name}"`,
      ),
    );
  }
  for (const c of [plan.tabColor, ...(plan.formats ?? []).flatMap((f) => [f.style.fill, f.style.fontColor])]) {
    if (c !== undefined && !/^[0-9A-Fa-f]{6}$/.test(c)) {
      throw new PlanError(
        text(
          `工作表“${plan.name}”的颜色无效：${c}`,
          `Invalid colour "${c}" on sheet "${plan.name}" (6 hex digits expected)`,
        ),
      );
    }
  }
}

/** The plan with `f` applied to every formula it holds (cells, fills, conditional formats, list sources). */
export function rewriteFormulas(plan: SheetPlan, f: (formula: string) => string): SheetPlan {
  const cell = (c: PlanCell): PlanCell => (isFormulaCell(c) ? { ...c, f: f(c.f) } : c);
  const maybe = (s: string | undefined) => (s === undefined ? undefined : s.startsWith("=") ? f(s) : s);
  return {
    ...plan,
    cells: plan.cells.map((b) => ({ ...b, rows: b.rows.map((r) => r.map(cell)) })),
    fills: plan.fills?.map((x) => ({ ...x, formula: f(x.formula) })),
    conditionalFormats: plan.conditionalFormats?.map((cf) => ({
      ...cf,
      rule:
        cf.rule.type === "expression"
          ? { ...cf.rule, formula: f(cf.rule.formula) }
          : { ...cf.rule, formula1: maybe(cf.rule.formula1)!, formula2: maybe(cf.rule.formula2) },
    })),
    validations: plan.validations?.map((v) =>
      v.rule.type === "listSource" ? { ...v, rule: { ...v.rule, source: maybe(v.rule.source)! } } : v,
    ),
  };
}

/**
 * Validates the plan and decides every name against what the workbook holds. Sheet and table
 * names are made unique; marker names take the first free number; a plan name (e.g.
 * `SVC_Grades`) that already exists is an error, because the plan's formulas mean *this*
 * plan's range and the user's existing name must not be repointed.
 */
export function prepareWorkbookPlan(plan: WorkbookPlan, existing: ExistingNames): PreparedWorkbook {
  if (plan.sheets.length === 0) throw new PlanError(text("没有要生成的工作表", "The plan has no sheets"));
  plan.sheets.forEach(validateSheetPlan);
  const sheetNames = [...existing.sheetNames];
  const taken = [...existing.definedNames, ...existing.tableNames];
  const takenLower = new Set(taken.map((n) => n.toLowerCase()));
  const newDefinedNames: string[] = [];
  for (const s of plan.sheets) {
    for (const n of s.names ?? []) {
      if (takenLower.has(n.name.toLowerCase())) {
        throw new PlanError(
          text(
            `工作簿中已有名称“${n.name}”，生成会改变它的含义，已停止（未做任何修改）。`,
            `The workbook already has a name "${n.name}"; writing this plan would repoint it, so nothing was changed.`,
          ),
        );
      }
      takenLower.add(n.name.toLowerCase());
      taken.push(n.name);
      newDefinedNames.push(n.name);
    }
  }
  // Table names: unique across tables and defined names; remember renames for formulas.
  const renames: { from: string; to: string }[] = [];
  const tableNamesPerSheet: string[][] = plan.sheets.map((s) =>
    (s.tables ?? []).map((t) => {
      const wanted = sanitizeTableName(t.name);
      const actual = uniqueName(wanted, taken);
      taken.push(actual);
      if (actual !== t.name) renames.push({ from: t.name, to: actual });
      return actual;
    }),
  );
  const actualNames = plan.sheets.map((s) => {
    const actual = uniqueSheetName(s.name, sheetNames);
    sheetNames.push(actual);
    return actual;
  });
  // A plan sheet that had to be renamed: the plan's formulas that name it must follow.
  const sheetRenames = plan.sheets
    .map((s, i) => ({ from: s.name, to: actualNames[i]! }))
    .filter((r) => r.from !== r.to);
  const rewrite = (f: string) =>
    sheetRenames.reduce(
      (acc, r) => renameSheetInFormula(acc, r.from, r.to),
      renames.reduce((acc, r) => renameTableInFormula(acc, r.from, r.to), f),
    );
  const sheets: PreparedSheet[] = plan.sheets.map((s, i) => {
    const actualName = actualNames[i]!;
    const mName = markerName(s.marker.kind, taken);
    taken.push(mName);
    newDefinedNames.push(mName);
    return {
      plan: renames.length || sheetRenames.length ? rewriteFormulas(s, rewrite) : s,
      planned: s.name,
      actualName,
      markerName: mName,
      markerJson: JSON.stringify(s.marker),
      tableNames: tableNamesPerSheet[i]!,
    };
  });
  return { sheets, newDefinedNames };
}

/** Visits the non-null cells of a block with their absolute position. */
export function forEachBlockCell(
  block: SheetPlan["cells"][number],
  visit: (row: number, column: number, cell: Exclude<PlanCell, null>) => void,
): void {
  const at = parseRange(block.at);
  block.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== null && cell !== undefined) visit(at.top + r, at.left + c, cell);
    }),
  );
}

/** Visits every cell of a fill with its shifted formula and its expected value. */
export function forEachFillCell(
  fill: NonNullable<SheetPlan["fills"]>[number],
  visit: (row: number, column: number, formula: string, expect: Expected | undefined) => void,
): void {
  const rect = parseRange(fill.range);
  const shift = makeShifter(fill.formula);
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      visit(r, c, shift(r - rect.top, c - rect.left), fill.expect?.[r - rect.top]?.[c - rect.left]);
    }
  }
}

/** Final content of one cell: a literal (strings are text) or a formula with its expectation. */
export type FinalCell = { readonly value: string | number | boolean } | FormulaCell;

/** Key of a cell in maps: row * 16384 + column. */
export function cellKey(row: number, column: number): number {
  return row * 16_384 + (column - 1);
}

export function keyRow(key: number): number {
  return Math.floor(key / 16_384);
}

export function keyColumn(key: number): number {
  return (key % 16_384) + 1;
}

/**
 * Table header cells become text (Excel converts them) and must be unique and non-empty; this
 * returns the header names a table will show, Excel's way: blanks → "Column<n>", repeats get
 * a number ("Name2").
 */
export function tableHeaderNames(values: readonly (string | number | boolean | null | undefined)[]): string[] {
  const seen = new Set<string>();
  return values.map((v, i) => {
    let base = v === null || v === undefined || v === "" ? `Column${i + 1}` : String(v);
    if (typeof v === "boolean") base = v ? "TRUE" : "FALSE";
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * The content every writer must leave in the sheet, cell by cell: blocks in order (later
 * blocks win, null leaves a cell alone), then fills, then the marker JSON; merged ranges keep
 * only their top-left cell; table header cells become their (text) header names and a table
 * with a totals row gets TABLE_TOTALS_LABEL in its first cell.
 * Empty strings are treated as empty cells.
 */
export function finalCells(prepared: PreparedSheet): Map<number, FinalCell> {
  const plan = prepared.plan;
  const cells = new Map<number, FinalCell>();
  for (const block of plan.cells) {
    forEachBlockCell(block, (r, c, cell) => {
      if (isFormulaCell(cell)) cells.set(cellKey(r, c), cell);
      else if (cell === "") cells.delete(cellKey(r, c));
      else cells.set(cellKey(r, c), { value: cell as string | number | boolean });
    });
  }
  for (const fill of plan.fills ?? []) {
    forEachFillCell(fill, (r, c, f, expect) => cells.set(cellKey(r, c), expect === undefined ? { f } : { f, expect }));
  }
  const m = parseCell(plan.markerCell);
  cells.set(cellKey(m.row, m.column), { value: prepared.markerJson });
  for (const merge of plan.merges ?? []) {
    const rect = parseRange(merge);
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) if (r !== rect.top || c !== rect.left) cells.delete(cellKey(r, c));
    }
  }
  for (const t of plan.tables ?? []) {
    const rect = parseRange(t.range);
    const headers: (string | number | boolean | null)[] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = cells.get(cellKey(rect.top, c));
      if (cell && isFormulaCell(cell as PlanCell)) {
        throw new PlanError(
          text(`表格 ${t.name} 的标题行不能是公式`, `The header row of table ${t.name} may not hold formulas`),
        );
      }
      headers.push(cell ? (cell as { value: string | number | boolean }).value : null);
    }
    tableHeaderNames(headers).forEach((name, i) => cells.set(cellKey(rect.top, rect.left + i), { value: name }));
    if (t.showTotals) {
      for (let c = rect.left; c <= rect.right; c++) cells.delete(cellKey(rect.bottom + 1, c));
      cells.set(cellKey(rect.bottom + 1, rect.left), { value: TABLE_TOTALS_LABEL });
    }
  }
  return cells;
}
