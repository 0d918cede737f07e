/**
 * Parity: the Office.js writer (into the fake Excel) and the .xlsx writer (read back with exceljs)
 * must leave the same workbook — cell by cell (value, formula, number format) and in structure
 * (merges, hidden columns, frozen panes, names, tables, validation, conditional formats, print
 * titles, page breaks, tab colour, protection). Charts are not compared: .xlsx files have none.
 */
import ExcelJS from "exceljs";
import { cellAt, createFakeExcel, numberFormatAt, nameReference, type WorkbookState } from "../../test/fakes/excel";
import { appraisalPlan, registerPlan, richSamplePlan } from "../../test/fixtures/plans";
import { formatCell, formatRange, parseRange, parseSheetRangeRef } from "../sheets/formula/a1";
import type { WorkbookPlan } from "../sheets/plan";
import { definedNamesOf } from "../../test/support/exceljs/definedNames";
import { dateToSerial } from "../../test/support/exceljs/read";
import { xlsxBytes } from "../xlsx/writeXlsx";
import { writePlans } from "./write";
import { sampleReturnVisits } from "../core/records/returnVisits";
import { drawnSurvey, returnVisitsPlan } from "../sheets/records/returnVisits";

interface CellView {
  value?: string | number | boolean;
  formula?: string;
  numberFormat: string;
}

function fakeCells(book: WorkbookState, sheetName: string, extraKeys: Iterable<string>): Map<string, CellView> {
  const s = book.findSheet(sheetName)!;
  const out = new Map<string, CellView>();
  const visit = (row: number, col: number) => {
    const c = cellAt(s, row, col);
    const v: CellView = { numberFormat: numberFormatAt(s, row, col) };
    if (c?.formula !== undefined) v.formula = c.formula;
    else if (c?.value !== undefined) v.value = c.value;
    else if (c?.error !== undefined) v.value = c.error;
    out.set(formatCell(row, col), v);
  };
  for (const k of s.cells.keys()) visit(Math.floor(k / 16384), (k % 16384) + 1);
  for (const a of extraKeys) {
    const p = parseRange(a);
    if (!out.has(a)) visit(p.top, p.left);
  }
  return out;
}

function xlsxCells(ws: ExcelJS.Worksheet): Map<string, CellView> {
  const out = new Map<string, CellView>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const v: CellView = { numberFormat: cell.numFmt || "General" };
      if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) {
        /* merged-away cell: empty */
      } else if (cell.type === ExcelJS.ValueType.Formula) v.formula = `=${cell.formula}`;
      else if (cell.value instanceof Date) v.value = dateToSerial(cell.value);
      else if (cell.value !== null && cell.value !== undefined) v.value = cell.value as string | number | boolean;
      out.set(cell.address, v);
    }),
  );
  return out;
}

function near(a: CellView, b: CellView): boolean {
  if (typeof a.value === "number" && typeof b.value === "number") {
    // dates go through exceljs's Date conversion (millisecond resolution)
    return Math.abs(a.value - b.value) < 1e-8 && a.formula === b.formula && a.numberFormat === b.numberFormat;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function structureOfFake(book: WorkbookState, sheetName: string) {
  const s = book.findSheet(sheetName)!;
  const validations = new Map<string, string>();
  const kind: Record<string, string> = {
    list: "list",
    decimal: "decimal",
    wholeNumber: "whole",
    date: "date",
    textLength: "textLength",
  };
  for (const v of s.validations) {
    const type = kind[Object.keys(v.rule as object)[0]!]!;
    for (let r = v.rect.top; r <= v.rect.bottom; r++)
      for (let c = v.rect.left; c <= v.rect.right; c++) validations.set(formatCell(r, c), type);
  }
  return {
    merges: s.merges.map((m) => formatRange(m)).sort(),
    hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
    hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
    freeze: s.freeze ?? null,
    names: book.names
      .filter((n) => n.sheet === s)
      .map((n) => `${n.name}=${nameReference(n).replace(/^=/, "")}`)
      .sort(),
    tables: book.tables
      .filter((t) => t.sheet === s)
      .map((t) => `${t.name}:${formatRange({ ...t.rect, bottom: t.rect.bottom + (t.showTotals ? 1 : 0) })}:${t.style}`),
    validations: [...validations.entries()].sort().join(";"),
    conditionalFormats: s.conditionalFormats.map(
      (c) => `${formatRange(c.rect)}:${c.type === "Custom" ? "expression" : "cellIs"}`,
    ),
    printTitleRows: s.pageLayout.printTitleRows ?? null,
    orientation: (s.pageLayout.orientation ?? "Portrait").toLowerCase(),
    pageBreaks: [...s.pageBreaks].sort((a, b) => a - b),
    tabColor: s.tabColor ? s.tabColor.slice(1).toUpperCase() : null,
    protected: s.protection.protected,
  };
}

/** exceljs does not read row breaks back: take them from the sheet's XML. */
async function rowBreaksFromXml(bytes: Uint8Array, sheetIndex: number): Promise<number[]> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(`xl/worksheets/sheet${sheetIndex + 1}.xml`)!.async("string");
  // <brk id="n"> is a break below row n, i.e. before row n + 1.
  return [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
}

function structureOfXlsx(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, pageBreaks: number[]) {
  const validations = new Map<string, string>();
  const model = (ws as unknown as { dataValidations: { model: Record<string, { type: string } | undefined> } })
    .dataValidations.model;
  for (const [address, v] of Object.entries(model)) {
    if (!v) continue;
    const r = parseRange(address);
    for (let row = r.top; row <= r.bottom; row++)
      for (let c = r.left; c <= r.right; c++) validations.set(formatCell(row, c), v.type);
  }
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= ws.columnCount + 30; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c);
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => row.hidden && hiddenRows.push(n));
  const view = (ws.views ?? [])[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const cfs = (
    (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings as {
      ref: string;
      rules: { type: string; priority: number }[];
    }[]
  )
    .flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, type: r.type, priority: r.priority })))
    .sort((a, b) => a.priority - b.priority);
  return {
    merges: [...((ws.model as unknown as { merges: string[] }).merges ?? [])].sort(),
    hiddenColumns,
    hiddenRows,
    freeze: view?.state === "frozen" ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : null,
    names: definedNamesOf(wb)
      .filter((n) => parseSheetRangeRef(n.ranges[0]!).sheetName.replace(/''/g, "'") === ws.name)
      .map((n) => `${n.name}=${n.ranges[0]}`)
      .sort(),
    tables: ws.getTables().map((t) => {
      const m = (t as unknown as { table: { name: string; tableRef: string; style: { theme: string } } }).table;
      return `${m.name}:${m.tableRef}:${m.style.theme}`;
    }),
    validations: [...validations.entries()].sort().join(";"),
    conditionalFormats: cfs.map((c) => `${c.ref}:${c.type}`),
    printTitleRows: ws.pageSetup.printTitlesRow ?? null,
    orientation: ws.pageSetup.orientation ?? null,
    pageBreaks: [...pageBreaks].sort((a, b) => a - b),
    tabColor: (ws.properties.tabColor as { argb?: string } | undefined)?.argb?.slice(2) ?? null,
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
  };
}

async function compare(plan: WorkbookPlan): Promise<{ cells: number }> {
  const fake = createFakeExcel();
  const report = await writePlans(fake.context as Excel.RequestContext, plan);
  const { bytes } = await xlsxBytes(plan);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let cells = 0;
  for (const { actual } of report.sheets) {
    const ws = wb.getWorksheet(actual)!;
    expect(ws).toBeDefined();
    const x = xlsxCells(ws);
    const f = fakeCells(fake.state, actual, x.keys());
    const mismatches: string[] = [];
    for (const address of new Set([...x.keys(), ...f.keys()])) {
      const a = x.get(address) ?? { numberFormat: "General" };
      const b = f.get(address) ?? { numberFormat: "General" };
      if (!near(a, b)) mismatches.push(`${actual}!${address}: xlsx ${JSON.stringify(a)} vs Excel ${JSON.stringify(b)}`);
      cells += 1;
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    const breaks = await rowBreaksFromXml(bytes, wb.worksheets.indexOf(ws));
    expect(structureOfXlsx(wb, ws, breaks)).toEqual(structureOfFake(fake.state, actual));
  }
  return { cells };
}

describe("parity of the two writers", () => {
  it("the rich sample plan (every feature)", async () => {
    const { cells } = await compare(richSamplePlan());
    expect(cells).toBeGreaterThan(300);
  });

  it("a generated 2,000-row register", async () => {
    const { cells } = await compare(registerPlan(2_000));
    expect(cells).toBeGreaterThan(2_000 * 13);
  }, 60_000);

  it("a generated 2,000-person appraisal form", async () => {
    const { cells } = await compare(appraisalPlan(2_000));
    expect(cells).toBeGreaterThan(2_000 * 9);
  }, 60_000);

  it("the return visits (survey, summary, follow-ups; post-processed 1–10 validation)", async () => {
    const drawn = sampleReturnVisits();
    const r = returnVisitsPlan({ station: "", month: "2026-10", ...drawnSurvey(drawn), threshold: 8, locale: "zh-CN" });
    if (!r.ok) throw new Error(r.problem.message.en);
    const { cells } = await compare(r.value.plan);
    expect(cells).toBeGreaterThan(drawn.lines.length * 17);
  }, 60_000);

  it("would notice a difference (the comparison is not vacuous)", async () => {
    const plan = registerPlan(20);
    const fake = createFakeExcel();
    await writePlans(fake.context as Excel.RequestContext, plan);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxBytes(plan)).bytes as unknown as ArrayBuffer);
    fake.state.findSheet("工单登记表")!.cells.set(5 * 16384 + 10, { formula: "=E5+J5/12" }); // K5 tampered
    const x = xlsxCells(wb.getWorksheet("工单登记表")!);
    const f = fakeCells(fake.state, "工单登记表", x.keys());
    expect(near(x.get("K5")!, f.get("K5")!)).toBe(false);
  });
});
