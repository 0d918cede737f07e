import { createFakeExcel, cellAt, numberFormatAt, type FakeExcel } from "../../test/fakes/excel";
import {
  APPRAISAL_SHEET,
  INJECTION_TEXTS,
  QUOTED_SHEET,
  SETTINGS_SHEET,
  appraisalPlan,
  registerPlan,
  richSamplePlan,
} from "../../test/fixtures/plans";
import { formatRange, parseRange } from "../sheets/formula/a1";
import { finalCells, keyColumn, keyRow, prepareWorkbookPlan } from "../sheets/formula/prepare";
import type { SheetPlan, WorkbookPlan } from "../sheets/plan";
import { EXCEL_API_REQUIREMENT } from "./requirements";
import {
  DEFAULT_MAX_REQUEST_BYTES,
  PlanWriteError,
  columnWidthToPoints,
  writePlans,
  type WriteOptions,
  type WriteProgressReport,
} from "./write";
import { lazyRows } from "../sheets/formula/lazyRows";

/** A workbook the user already has: their own sheets, names and a table, which must never change. */
function usersWorkbook(): FakeExcel {
  const fake = createFakeExcel({ sheets: ["Sheet1", SETTINGS_SHEET] });
  const s = fake.state.sheets[1]!;
  s.cells.set(1 * 16384, { value: "the user's own settings" });
  s.cells.set(2 * 16384 + 1, { formula: "=A2*2" });
  s.formats.push({ rect: parseRange("A1:B2"), prop: "numberFormat", value: "0.00" });
  fake.state.names.push({ name: "Users_Name", sheet: s, rect: parseRange("A1"), comment: "", visible: true });
  fake.state.tables.push({
    id: "t0",
    name: "SVC_Appraisal",
    sheet: fake.state.sheets[0]!,
    rect: parseRange("A1:B3"),
    style: "TableStyleLight1",
    showTotals: false,
    showHeaders: true,
  });
  fake.state.sheets[0]!.cells.set(1 * 16384, { value: "h1" });
  fake.state.sheets[0]!.cells.set(1 * 16384 + 1, { value: "h2" });
  return fake;
}

function write(fake: FakeExcel, plan: WorkbookPlan, options?: WriteOptions) {
  return writePlans(fake.context as Excel.RequestContext, plan, options);
}

async function failure(p: Promise<unknown>): Promise<PlanWriteError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PlanWriteError);
    return e as PlanWriteError;
  }
  throw new Error("expected a PlanWriteError");
}

describe("round trips and request size", () => {
  it("uses the same number of syncs for 10 rows as for 20,000 rows while the plan fits in a request", async () => {
    const small = createFakeExcel();
    const large = createFakeExcel();
    const a = await write(small, registerPlan(10));
    const b = await write(large, registerPlan(20_000));
    // Read, one data batch, the cosmetics, then recalculate/finish.
    expect(a.syncs).toBe(4);
    expect(b.syncs).toBe(4);
    expect([small.syncCount, large.syncCount]).toEqual([4, 4]);
    expect(large.largestRequestBytes).toBeLessThanOrEqual(DEFAULT_MAX_REQUEST_BYTES);
    expect(large.largestRequestBytes).toBeGreaterThan(1_000_000); // the values really are in the request
    expect(b.largestRequestBytes).toBeGreaterThanOrEqual(large.largestRequestBytes); // the report is an upper bound
  });

  it("splits a plan larger than a request and stays under the cap, with the same result", async () => {
    const cap = 150_000;
    const split = createFakeExcel();
    split.setPayloadLimit(cap); // the fake refuses anything larger, like Excel on the web refuses > 5 MB
    const whole = createFakeExcel();
    const report = await write(split, registerPlan(6_000), { maxRequestBytes: cap });
    await write(whole, registerPlan(6_000));
    expect(report.syncs).toBeGreaterThan(5);
    expect(split.syncs.every((s) => s.bytes <= cap)).toBe(true);
    expect(report.largestRequestBytes).toBeLessThanOrEqual(cap);
    // Same workbook either way (compared as JSON: a deep toEqual of 78,000 cells is slow).
    expect(JSON.stringify(split.state.snapshot())).toBe(JSON.stringify(whole.state.snapshot()));
  });

  it("splits even a single row that is larger than a request, by columns", async () => {
    const row = Array.from({ length: 60 }, (_, i) => `${i}:${"长".repeat(300)}`);
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Wide",
          marker: { kind: "kpi", version: 1, meta: {} },
          markerCell: "CZ1",
          cells: [{ at: "A1", rows: [row] }],
        },
      ],
    };
    const fake = createFakeExcel();
    fake.setPayloadLimit(20_000);
    await write(fake, plan, { maxRequestBytes: 20_000 });
    expect(fake.syncs.every((s) => s.bytes <= 20_000)).toBe(true);
    expect(cellAt(fake.state.findSheet("Wide")!, 1, 60)).toEqual({ value: row[59], quotePrefix: true });
  });

  it("sends a fill's formula once, whatever its length", async () => {
    const fill = (rows: number): WorkbookPlan => ({
      sheets: [
        {
          name: "F",
          marker: { kind: "kpi", version: 1, meta: {} },
          markerCell: "Z1",
          cells: [],
          fills: [{ range: `B2:D${rows + 1}`, formula: "=$A$1*A2+B$1" }],
        },
      ],
    });
    const a = createFakeExcel();
    const b = createFakeExcel();
    await write(a, fill(10));
    await write(b, fill(50_000));
    expect(Math.abs(a.syncs[1]!.bytes - b.syncs[1]!.bytes)).toBeLessThan(50); // only the addresses grow
    const s = b.state.findSheet("F")!;
    expect(cellAt(s, 2, 2)).toEqual({ formula: "=$A$1*A2+B$1" });
    expect(cellAt(s, 2, 4)).toEqual({ formula: "=$A$1*C2+D$1" });
    expect(cellAt(s, 50_001, 3)).toEqual({ formula: "=$A$1*B50001+C$1" });
  });

  it("suspends calculation in every write batch and reports progress", async () => {
    const fake = createFakeExcel();
    const progress: WriteProgressReport[] = [];
    const plan = registerPlan(5_000);
    const r = await write(fake, plan, { maxRequestBytes: 200_000, onProgress: (p) => progress.push(p) });
    // Every data batch suspends calculation; the cosmetics and the finishing sync do not.
    expect(fake.state.calculationSuspensions).toBe(r.syncs - 3);
    expect(fake.state.calculations).toEqual(["Full"]);
    const rows = plan.sheets.reduce((n, s) => n + s.cells.reduce((m, b) => m + b.rows.length, 0), 0);
    expect(progress[0]).toEqual({ done: 0, total: r.syncs - 1, rowsWritten: 0, rowsTotal: rows });
    expect(progress[progress.length - 1]).toEqual({
      done: r.syncs - 1,
      total: r.syncs - 1,
      rowsWritten: rows,
      rowsTotal: rows,
    });
    // Rows written grow batch by batch.
    const written = progress.map((p) => p.rowsWritten);
    expect(new Set(written).size).toBeGreaterThan(3);
    expect(written).toEqual([...written].sort((a, b) => a - b));
  });

  it("reads a lazy block a chunk at a time and builds each request's rows when it is sent", async () => {
    const fake = createFakeExcel();
    let built = 0;
    const count = 12_000;
    const block = lazyRows(
      count,
      (i) => {
        built += 1;
        return [`W${i}`, i, i % 3 === 0];
      },
      3,
    );
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "L",
          marker: { kind: "kpi", version: 1, meta: {} },
          markerCell: "Z1",
          cells: [{ at: "A2", rows: block }],
        },
      ],
    };
    await write(fake, plan, { maxRequestBytes: 120_000 });
    // Once when the plan is checked (prepare), once for the workbook names its formulas use
    // (missingNames), once to size the requests, once when each request is sent: four passes of
    // one row at a time, the block never held whole.
    expect(built).toBe(4 * count);
    const s = fake.state.findSheet("L")!;
    expect(cellAt(s, 2, 1)?.value).toBe("W0");
    expect(cellAt(s, count + 1, 2)?.value).toBe(count - 1);
    expect(fake.syncCount).toBeGreaterThan(4);
  });
});

describe("rollback", () => {
  it("leaves the workbook as it was when a data sync fails, and complete when a cosmetic one does", async () => {
    const plan = richSamplePlan();
    const probe = usersWorkbook();
    const ok = await write(probe, plan, { maxRequestBytes: 12_000 });
    expect(ok.syncs).toBeGreaterThan(6);
    // Object ids differ when a chart is made anew; everything else must be the same.
    const withoutIds = (f: typeof probe) => JSON.stringify(f.state.snapshot()).replace(/"id":"[a-z]+\d+"/g, "");
    const complete = withoutIds(probe);
    let cosmetic = 0;
    for (let n = 1; n <= ok.syncs; n++) {
      for (const mode of ["start", "middle", "end"] as const) {
        const fake = usersWorkbook();
        const before = fake.state.snapshot();
        fake.failOnSync(n, mode);
        let e: unknown;
        try {
          await write(fake, plan, { maxRequestBytes: 12_000 });
        } catch (x) {
          e = x;
        }
        if (e === undefined) {
          // A cosmetic batch failed: its steps were applied again one by one; nothing is missing.
          cosmetic += 1;
          expect(withoutIds(fake)).toBe(complete);
          continue;
        }
        expect(e).toBeInstanceOf(PlanWriteError);
        const err = e as PlanWriteError;
        expect(err.leftovers).toEqual([]);
        expect(fake.state.snapshot()).toEqual(before);
        expect(err.text.zh.length).toBeGreaterThan(0);
        expect(err.text.en).toMatch(
          n === 1
            ? /Reading the workbook failed/
            : /Generating the sheets failed in write batch \d+\/\d+ \(.+\)\. Cause: GeneralException/,
        );
      }
    }
    expect(cosmetic).toBeGreaterThan(0); // the cosmetic syncs × three failure points each
    expect(cosmetic % 3).toBe(0);
  });

  it("says which sheets are left when the rollback itself fails", async () => {
    const fake = usersWorkbook();
    fake.failOnSync(3, "end");
    fake.failOnSync(4, "start"); // the rollback's first sync
    const e = await failure(write(fake, richSamplePlan(), { maxRequestBytes: 50_000 }));
    expect(e.leftovers).toEqual([`${SETTINGS_SHEET} (2)`, APPRAISAL_SHEET, QUOTED_SHEET]);
    expect(e.text.en).toMatch(/delete these sheets by hand/);
    expect(e.text.zh).toMatch(/手动删除/);
  });

  it("creates tables before the formulas that reference them, also from another sheet", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Data",
          marker: { kind: "register", version: 1, meta: {} },
          markerCell: "Z1",
          cells: [
            {
              at: "A1",
              rows: [
                ["名称", "数"],
                ["a", 1],
                ["b", 2],
              ],
            },
          ],
          tables: [{ name: "SVC_Data", range: "A1:B3" }],
        },
        {
          name: "Sum",
          marker: { kind: "kpi", version: 1, meta: {} },
          markerCell: "Z1",
          cells: [{ at: "A1", rows: [[{ f: "=SUM(SVC_Data[数])" }]] }],
          fills: [{ range: "B1:B2", formula: "=COUNTA(SVC_Data[名称])+ROW()" }],
        },
      ],
    };
    const fake = createFakeExcel();
    await write(fake, plan);
    const sum = fake.state.sheets.find((s) => s.name === "Sum")!;
    expect(cellAt(sum, 1, 1)?.formula).toBe("=SUM(SVC_Data[数])");
    expect(cellAt(sum, 2, 2)?.formula).toBe("=COUNTA(SVC_Data[名称])+ROW()");
  });

  it("names the failing step's batch and Excel's cause", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Bad",
          marker: { kind: "kpi", version: 1, meta: {} },
          markerCell: "Z1",
          cells: [
            {
              at: "A1",
              rows: [
                ["h1", "h2"],
                [1, 2],
              ],
            },
          ],
          merges: ["A1:B1"],
          tables: [{ name: "T", range: "A1:B2" }], // Excel: a table can't contain merged cells
        },
      ],
    };
    const fake = createFakeExcel();
    const before = fake.state.snapshot();
    const e = await failure(write(fake, plan));
    // Tables come first (formulas may reference them), so the merge is what Excel refuses.
    expect(e.text.en).toMatch(/Cannot merge cells inside a table/);
    expect(e.text.en).toMatch(/Range\.merge/);
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("refuses a plan name that already exists before writing anything", async () => {
    const fake = usersWorkbook();
    fake.state.names.push({ name: "SVC_Grades", formula: "=1", comment: "", visible: true });
    const before = fake.state.snapshot();
    const e = await failure(write(fake, richSamplePlan()));
    expect(e.text.zh).toContain("SVC_Grades");
    expect(fake.syncCount).toBe(1);
    expect(fake.state.snapshot()).toEqual(before);
  });
});

describe("what is written", () => {
  it("never touches sheets, names or tables that existed before", async () => {
    const fake = usersWorkbook();
    const before = fake.state.snapshot() as { sheets: unknown[]; names: unknown[]; tables: unknown[] };
    const report = await write(fake, richSamplePlan());
    const after = fake.state.snapshot() as typeof before;
    expect(after.sheets.slice(0, 2)).toEqual(before.sheets);
    expect(after.names.slice(0, 1)).toEqual(before.names);
    expect(after.tables.slice(0, 1)).toEqual(before.tables);
    expect(report.sheets).toEqual([
      { planned: SETTINGS_SHEET, actual: `${SETTINGS_SHEET} (2)`, kind: "settings" },
      { planned: APPRAISAL_SHEET, actual: APPRAISAL_SHEET, kind: "appraisal" },
      { planned: QUOTED_SHEET, actual: QUOTED_SHEET, kind: "problems" },
    ]);
  });

  it("gives the table a unique name and rewrites the formulas that use it", async () => {
    const fake = usersWorkbook(); // already has a table SVC_Appraisal
    await write(fake, richSamplePlan());
    expect(fake.state.tables.map((t) => t.name)).toEqual(["SVC_Appraisal", "SVC_Appraisal_2"]);
    const sheet = fake.state.findSheet(APPRAISAL_SHEET)!;
    expect(cellAt(sheet, 25, 2)).toEqual({ formula: "=SUM(SVC_Appraisal_2[业绩])" });
    // the settings sheet became "考核参数 (2)": the plan's cross-sheet formula follows it, not the user's sheet
    expect(cellAt(sheet, 28, 2)).toEqual({ formula: `='${SETTINGS_SHEET} (2)'!B9*100` });
  });

  it("writes every plan string as text — no injection — and only { f } cells as formulas", async () => {
    const texts = [...INJECTION_TEXTS, "'", "''", " leading space", "0012", "1e5", "TRUE", "FALSE"];
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Injection",
          marker: { kind: "problems", version: 1, meta: { note: "=not a formula" } },
          markerCell: "Z1",
          cells: [{ at: "A1", rows: texts.map((t) => [t, { f: "=1+1" }]) }],
        },
      ],
    };
    const fake = createFakeExcel();
    await write(fake, plan);
    const s = fake.state.findSheet("Injection")!;
    texts.forEach((t, i) => {
      expect(cellAt(s, i + 1, 1)).toEqual({ value: t, quotePrefix: true });
      expect(cellAt(s, i + 1, 2)).toEqual({ formula: "=1+1" });
    });
    expect(cellAt(s, 1, 26)).toEqual({ value: JSON.stringify(plan.sheets[0]!.marker), quotePrefix: true });
  });

  it("leaves exactly the plan's cells, formulas where the plan has formulas", async () => {
    for (const plan of [richSamplePlan(), appraisalPlan(300)]) {
      const fake = createFakeExcel();
      await write(fake, plan);
      const prepared = prepareWorkbookPlan(plan, { sheetNames: ["Sheet1"], definedNames: [], tableNames: [] });
      for (const p of prepared.sheets) {
        const s = fake.state.findSheet(p.actualName)!;
        const expected = finalCells(p);
        expect(s.cells.size).toBe(expected.size);
        for (const [k, cell] of expected) {
          const got = cellAt(s, keyRow(k), keyColumn(k));
          if ("f" in cell) expect(got).toEqual({ formula: cell.f });
          else if (typeof cell.value === "string") expect(got).toEqual({ value: cell.value, quotePrefix: true });
          else expect(got).toEqual({ value: cell.value });
        }
      }
    }
  });

  it("renders every plan feature into the workbook", async () => {
    const fake = createFakeExcel();
    await write(fake, richSamplePlan());
    const book = fake.state;
    const s = book.findSheet(APPRAISAL_SHEET)!;
    const settings = book.findSheet(SETTINGS_SHEET)!;
    expect(book.activeSheet).toBe(s);
    // formats
    expect(numberFormatAt(s, 4, 4)).toBe("0.00");
    expect(numberFormatAt(s, 27, 2)).toBe("yyyy-mm-dd");
    expect(s.formats).toEqual(
      expect.arrayContaining([
        { rect: parseRange("A3:P3"), prop: "font.bold", value: true },
        { rect: parseRange("A3:P3"), prop: "fill.color", value: "#DDEBF7" },
        { rect: parseRange("A3:P3"), prop: "border.InsideVertical.weight", value: "Thin" },
        { rect: parseRange("A4:P13"), prop: "border.EdgeLeft.weight", value: "Medium" },
        { rect: parseRange("A1:P1"), prop: "verticalAlignment", value: "Center" },
        { rect: parseRange("B27"), prop: "font.underline", value: "Single" },
        { rect: parseRange("B27"), prop: "indentLevel", value: 1 },
      ]),
    );
    expect(settings.formats).toEqual(
      expect.arrayContaining([{ rect: parseRange("E4:G4"), prop: "protection.locked", value: false }]),
    );
    // merges, columns, rows, freeze
    expect(s.merges).toEqual([parseRange("A1:P1")]);
    expect(s.columnWidths.get(1)).toBe(columnWidthToPoints(10));
    expect([...s.hiddenColumns].sort((a, b) => a - b)).toEqual([17, 26]);
    expect(s.rowHeights.get(1)).toBe(28);
    expect([...s.hiddenRows]).toEqual([16]);
    expect(s.freeze).toEqual({ rows: 3, columns: 2 });
    // validation
    const rules = Object.fromEntries(s.validations.map((v) => [`${v.rect.left}`, v.rule]));
    expect(rules["3"]).toEqual({ list: { inCellDropDown: true, source: "维修,接待,备件" } });
    expect(rules["15"]).toEqual({ list: { inCellDropDown: true, source: "=SVC_Grades" } });
    expect(rules["16"]).toEqual({ date: { operator: "GreaterThanOrEqualTo", formula1: "2026-01-01" } });
    expect(rules["14"]).toEqual({ wholeNumber: { operator: "Between", formula1: 0, formula2: 100 } });
    expect(rules["1"]).toEqual({ textLength: { operator: "LessThanOrEqualTo", formula1: 10 } });
    expect(s.validations.find((v) => v.rect.left === 4)!.prompt).toEqual({
      showPrompt: true,
      title: "评分",
      message: "0–5，空白表示不适用",
    });
    // conditional formats, in evaluation order
    expect(s.conditionalFormats.map((c) => [c.type, c.rule, c.format, c.stopIfTrue])).toEqual([
      ["Custom", { formula: '=$H4="A"' }, { fill: "#C6EFCE" }, true],
      ["CellValue", { operator: "LessThan", formula1: "=3" }, { fontColor: "#C00000", bold: true }, undefined],
      ["CellValue", { operator: "Between", formula1: "=3", formula2: "=4" }, { fill: "#FFF2CC" }, undefined],
    ]);
    // table with totals row
    expect(book.tables.map((t) => [t.name, t.sheet.name, t.rect, t.style, t.showTotals])).toEqual([
      ["SVC_Appraisal", APPRAISAL_SHEET, parseRange("A3:P13"), "TableStyleLight9", true],
    ]);
    expect(cellAt(s, 14, 1)).toEqual({ value: "Total", quotePrefix: true });
    expect(cellAt(s, 14, 16)).toBeUndefined();
    // names
    expect(book.names.map((n) => [n.name, n.sheet?.name, n.rect, n.comment])).toEqual([
      ["SVC_Bounds", SETTINGS_SHEET, parseRange("A4:A7"), "等级下限 grade lower bounds"],
      ["SVC_Grades", SETTINGS_SHEET, parseRange("B4:B7"), ""],
      ["SVC_Weights", SETTINGS_SHEET, parseRange("E4:G4"), ""],
      ["SVC_Target", SETTINGS_SHEET, parseRange("B9"), ""],
      ["SVC_PLAN_settings_1", SETTINGS_SHEET, parseRange("Z1"), ""],
      ["SVC_AppraisalScores", APPRAISAL_SHEET, parseRange("G4:G13"), "加权得分"],
      ["SVC_PLAN_appraisal_1", APPRAISAL_SHEET, parseRange("Z1"), ""],
      ["SVC_Quoted", QUOTED_SHEET, parseRange("B2:B3"), ""],
      ["SVC_PLAN_problems_1", QUOTED_SHEET, parseRange("H1"), ""],
    ]);
    // charts
    const range = (a: string) => ({ sheet: APPRAISAL_SHEET, rect: parseRange(a) });
    expect(
      s.charts.map((c) => ({
        type: c.type,
        title: c.title,
        from: c.from,
        to: c.to,
        series: c.series,
        axis: c.valueAxis,
      })),
    ).toEqual([
      {
        type: "ColumnClustered",
        title: "等级分布",
        from: "R3",
        to: "X18",
        series: [{ name: "人数", values: range("E19:E22"), xValues: range("D19:D22") }],
        axis: {},
      },
      {
        type: "ColumnClustered",
        title: "等级分布与目标",
        from: "R20",
        to: "X35",
        series: [
          { name: "人数", values: range("E19:E22"), xValues: range("D19:D22") },
          { name: "目标线", values: range("F19:F22"), xValues: range("D19:D22"), chartType: "Line" },
        ],
        axis: { minimum: 0, maximum: 10, numberFormat: "0" },
      },
    ]);
    // print
    expect(s.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "1:3",
      printArea: "A1:P30",
      headers: { "default.centerHeader": "售后服务人员考核表 &P / &N", "default.centerFooter": "售后考核助手" },
      margins: { top: 54, bottom: 54, left: 36, right: 36 },
      centerHorizontally: true,
    });
    expect(s.pageBreaks).toEqual([18]);
    // tab colour, protection
    expect(s.tabColor).toBe("#1F4E79");
    expect(settings.tabColor).toBe("#C00000");
    expect(settings.protection.protected).toBe(true);
    expect(s.protection.protected).toBe(false);
  });

  it("declares ExcelApi 1.9 as the highest requirement set", () => {
    expect(EXCEL_API_REQUIREMENT).toBe("1.9");
  });

  it("converts file column widths to points", () => {
    // Excel's default column: 8.43 characters in the UI, stored as 9.140625 in files, 64 px = 48 pt.
    expect(columnWidthToPoints(9.140625)).toBe(48);
  });
});

export type { SheetPlan };

describe("Excel's documented behaviour (issue 9)", () => {
  const one = (sheet: Partial<SheetPlan>): WorkbookPlan => ({
    sheets: [{ name: "T", marker: { kind: "kpi", version: 1, meta: {} }, markerCell: "Z1", cells: [], ...sheet }],
  });

  it("strips _xlfn. from formulas set through Office.js (not inside strings)", async () => {
    const fake = createFakeExcel();
    await write(
      fake,
      one({
        cells: [
          { at: "A1", rows: [[{ f: '=_xlfn.AGGREGATE(16,6,B1:B3,0.5)&"_xlfn.X"' }, { f: "=_xlfn.STDEV.S(B1:B3)" }]] },
        ],
        fills: [{ range: "C1:C3", formula: "=_xlfn.STDEV.S($B$1:B1)" }],
      }),
    );
    const s = fake.state.findSheet("T")!;
    expect(cellAt(s, 1, 1)?.formula).toBe('=AGGREGATE(16,6,B1:B3,0.5)&"_xlfn.X"');
    expect(cellAt(s, 1, 2)?.formula).toBe("=STDEV.S(B1:B3)");
    expect(cellAt(s, 3, 3)?.formula).toBe("=STDEV.S($B$1:B3)");
  });

  it("sends date validation bounds Excel has", async () => {
    const fake = createFakeExcel();
    await write(
      fake,
      one({
        validations: [
          { range: "A1:A9", rule: { type: "date", min: 1 }, error: { title: "t", message: "m" } },
          { range: "B1:B9", rule: { type: "date" }, error: { title: "t", message: "m" } },
        ],
      }),
    );
    const v = fake.state.findSheet("T")!.validations.map((x) => x.rule);
    expect(v).toEqual([
      { date: { operator: "GreaterThanOrEqualTo", formula1: "1900-01-01" } },
      { date: { operator: "Between", formula1: "1900-01-01", formula2: "9999-12-31" } },
    ]);
  });

  it("recalculates after a write split over several batches with calculation suspended", async () => {
    const fake = createFakeExcel({ formulaValue: () => 7 });
    await write(fake, registerPlan(3_000), { maxRequestBytes: 150_000 });
    const s = fake.state.sheets.find((x) => [...x.cells.values()].some((c) => c.formula))!;
    expect([...s.cells.values()].filter((c) => c.stale)).toEqual([]);
    expect(fake.state.calculations).toEqual(["Full"]);
  });

  it("sets every chart series explicitly, even where Excel reads the source the other way (#1830)", async () => {
    const fake = createFakeExcel({ chartsAddSwaps: true });
    await write(
      fake,
      one({
        cells: [
          {
            at: "A1",
            rows: [
              ["", "a", "b"],
              ["x", 1, 2],
              ["y", 3, 4],
            ],
          },
        ],
        charts: [
          {
            type: "column",
            title: "c",
            from: "E1",
            to: "J9",
            series: [
              { name: "a", values: "B2:C2", categories: "B1:C1" },
              { name: "b", values: "B3:C3", categories: "B1:C1" },
            ],
          },
        ],
      }),
    );
    const series = fake.state.findSheet("T")!.charts[0]!.series;
    expect(series.map((x) => [x.name, formatRange(x.values!.rect), formatRange(x.xValues!.rect)])).toEqual([
      ["a", "B2:C2", "B1:C1"],
      ["b", "B3:C3", "B1:C1"],
    ]);
    expect(fake.state.findSheet("T")!.charts[0]!.name).toBe("SVC_Chart_1");
  });

  it("refuses a workbook that uses the 1904 date system, changing nothing", async () => {
    const fake = createFakeExcel({ dateSystem: 1904 });
    const before = fake.state.snapshot();
    const e = await failure(write(fake, registerPlan(5)));
    expect(e.text.en).toMatch(/1904 date system/);
    expect(e.text.zh).toMatch(/1904 日期系统/);
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("reports a sync that does not answer instead of waiting for ever", async () => {
    const fake = createFakeExcel();
    fake.hangOnSync(2);
    const e = await failure(write(fake, registerPlan(5), { syncLimitMs: 20 }));
    expect(e.text.en).toMatch(/Excel did not answer within 0 s/);
    expect(e.text.zh).toMatch(/没有响应/);
    fake.releaseHung();
  });

  it("waits while the user edits a cell when run with delayForCellEdit, and fails without it", async () => {
    const fake = createFakeExcel();
    fake.setCellEditMode(true);
    await expect(fake.run((ctx) => writePlans(ctx, registerPlan(5)))).rejects.toBeInstanceOf(PlanWriteError);
    const waiting = fake.run({ delayForCellEdit: true }, (ctx) => writePlans(ctx, registerPlan(5)));
    fake.setCellEditMode(false);
    const r = await waiting;
    expect(r.sheets).toHaveLength(1);
  });
});
