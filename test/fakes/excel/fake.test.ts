/**
 * The fake must behave like Excel where the writers could go wrong, or its green tests mean
 * nothing. Each test here pins one rule of the real object model — several deliberately break
 * the proxy rules (read before load/sync) to show the fake catches it, hence the lint opt-out.
 */
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/no-empty-load */
import { createFakeExcel, cellAt, numberFormatAt, FakeOfficeError } from ".";
import { parseRange } from "../../../src/sheets/formula/a1";

function setup(sheets: string[] = ["Sheet1"]) {
  const fake = createFakeExcel({ sheets });
  const ctx = fake.context as Excel.RequestContext;
  return { fake, ctx, book: fake.state };
}

async function rejects(p: Promise<unknown>, code: string): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    expect((e as FakeOfficeError).code).toBe(code);
    return e as FakeOfficeError;
  }
  throw new Error(`expected a ${code} error`);
}

describe("proxy rules", () => {
  it("throws PropertyNotLoaded before load + sync, and returns the value after", async () => {
    const { ctx } = setup();
    const sheet = ctx.workbook.worksheets.getItem("Sheet1");
    expect(() => sheet.name).toThrow(/not available/);
    sheet.load("name");
    expect(() => sheet.name).toThrow(/not available/); // loaded but not synced
    await ctx.sync();
    expect(sheet.name).toBe("Sheet1");
  });

  it("throws on unknown members, reading and writing", () => {
    const { ctx } = setup();
    const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
    expect(() => (range as any).valuez).toThrow(/unknown member/);
    expect(() => ((range as any).valuez = 1)).toThrow(/unknown member/);
    expect(() => (ctx as any).workbook.nope()).toThrow(/unknown member/);
    expect(() => range.load("nope" as any)).toThrow(/unknown/);
  });

  it("queues work until sync, counts syncs and measures each request", async () => {
    const { fake, ctx, book } = setup();
    const sheet = ctx.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B1").values = [["x", 1]];
    expect(book.sheets[0]!.cells.size).toBe(0);
    await ctx.sync();
    expect(cellAt(book.sheets[0]!, 1, 1)).toEqual({ value: "x" });
    expect(fake.syncCount).toBe(1);
    expect(fake.syncs[0]!.bytes).toBeGreaterThan(JSON.stringify([["x", 1]]).length);
    const big = Array.from({ length: 1000 }, (_, i) => [`row ${i} 数据`]);
    sheet.getRange("A1:A1000").values = big;
    await ctx.sync();
    expect(fake.syncs[1]!.bytes).toBeGreaterThan(Buffer.byteLength(JSON.stringify(big)));
  });

  it("refuses requests over the payload limit without applying anything", async () => {
    const { fake, ctx, book } = setup();
    fake.setPayloadLimit(10_000);
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2000").values = Array.from({ length: 2000 }, () => [
      "0123456789",
    ]);
    await rejects(ctx.sync(), "RequestPayloadSizeLimitExceeded");
    expect(book.sheets[0]!.cells.size).toBe(0);
  });

  it("failOnSync: the n-th sync applies part of its operations, then throws", async () => {
    const { fake, ctx, book } = setup();
    fake.failOnSync(1, "middle");
    const s = ctx.workbook.worksheets;
    s.add("A");
    s.add("B");
    s.add("C");
    s.add("D");
    await rejects(ctx.sync(), "GeneralException");
    expect(book.sheets.map((x) => x.name)).toEqual(["Sheet1", "A", "B"]);
    expect(fake.syncs[0]!.failed).toBe(true);
  });

  it("a failing operation leaves the earlier ones applied and names its location", async () => {
    const { ctx, book } = setup();
    ctx.workbook.worksheets.add("New");
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["only one"]];
    const e = await rejects(ctx.sync(), "InvalidArgument");
    expect(e.debugInfo.errorLocation).toBe("Range.values");
    expect(book.sheets.map((x) => x.name)).toEqual(["Sheet1", "New"]);
  });

  it("getItemOrNullObject: isNullObject after sync; using a null object fails", async () => {
    const { ctx } = setup();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("missing");
    const present = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
    expect(() => missing.isNullObject).toThrow();
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
    missing.getRange("A1").values = [[1]];
    await rejects(ctx.sync(), "InvalidObjectPath");
  });

  it("loads collections with items/…", async () => {
    const { ctx } = setup(["a", "b"]);
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow();
    sheets.load("items/name");
    await ctx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["a", "b"]);
    expect(() => sheets.items[0]!.position).toThrow(/not available/);
  });
});

describe("cell entry, as Excel parses it", () => {
  it.each([
    ["=1+1", { formula: "=1+1" }],
    ['=HYPERLINK("x")', { formula: '=HYPERLINK("x")' }],
    ["+1", { value: 1 }],
    ["-2", { value: -2 }],
    ["+A1", { formula: "=+A1" }],
    ["@SUM(A1)", { formula: "=SUM(A1)" }],
    ["007", { value: 7 }],
    ["1,200", { value: 1200 }],
    ["50%", { value: 0.5 }],
    ["TRUE", { value: true }],
    ["#N/A", { error: "#N/A" }],
    ["2026-10-05", { value: 46300 }],
    ["'=1+1", { value: "=1+1", quotePrefix: true }],
    ["''x", { value: "'x", quotePrefix: true }],
    ["plain", { value: "plain" }],
  ])("%s → %j", async (input, cell) => {
    const { ctx, book } = setup();
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[input]];
    await ctx.sync();
    expect(cellAt(book.sheets[0]!, 1, 1)).toEqual(cell);
  });

  it("keeps entries literally in a text-formatted cell", async () => {
    const { ctx, book } = setup();
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
    r.numberFormat = [["@"]];
    r.values = [["=1+1"]];
    await ctx.sync();
    expect(cellAt(book.sheets[0]!, 1, 1)).toEqual({ value: "=1+1" });
  });

  it("checks 2-D shapes; null leaves a cell alone; '' clears it", async () => {
    const { ctx, book } = setup();
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
    r.values = [
      [1, 2],
      [3, 4],
    ];
    await ctx.sync();
    r.values = [
      [null, ""],
      [5, null],
    ];
    await ctx.sync();
    const s = book.sheets[0]!;
    expect([cellAt(s, 1, 1), cellAt(s, 1, 2), cellAt(s, 2, 1), cellAt(s, 2, 2)]).toEqual([
      { value: 1 },
      undefined,
      { value: 5 },
      { value: 4 },
    ]);
    r.values = [[1, 2, 3]] as any;
    await rejects(ctx.sync(), "InvalidArgument");
    r.values = "x" as any;
    await rejects(ctx.sync(), "InvalidArgument");
  });

  it("broadcasts a 1×1 number format over a range, or takes one per cell", async () => {
    const { ctx, book } = setup();
    const sheet = ctx.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:C3").numberFormat = [["0.00"]];
    sheet.getRange("B2:C2").numberFormat = [[null, "0%"]];
    await ctx.sync();
    const s = book.sheets[0]!;
    expect([
      numberFormatAt(s, 1, 1),
      numberFormatAt(s, 2, 2),
      numberFormatAt(s, 2, 3),
      numberFormatAt(s, 4, 1),
    ]).toEqual(["0.00", "0.00", "0%", "General"]);
  });

  it("does not calculate formulas", async () => {
    const { ctx } = setup();
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
    r.formulas = [["=1+1"]];
    r.load("values");
    await rejects(ctx.sync(), "FakeLimitation");
  });
});

describe("copyFrom and autoFill", () => {
  it("replicates a formula over a multiple of the source, shifting relative references", async () => {
    const { ctx, book } = setup();
    const sheet = ctx.workbook.worksheets.getItem("Sheet1");
    const tl = sheet.getRange("C2");
    tl.formulas = [['=A2*$B$1+SUM(A$1:A2)&"A2"']];
    sheet.getRange("D2:E2").copyFrom(tl, "Formulas");
    sheet.getRange("C3:E5").copyFrom(sheet.getRange("C2:E2"), "Formulas");
    await ctx.sync();
    const s = book.sheets[0]!;
    expect(cellAt(s, 2, 4)).toEqual({ formula: '=B2*$B$1+SUM(B$1:B2)&"A2"' });
    expect(cellAt(s, 5, 5)).toEqual({ formula: '=C5*$B$1+SUM(C$1:C5)&"A2"' });
    expect(s.cells.size).toBe(12);
  });

  it("pastes once when the destination is not a multiple", async () => {
    const { ctx, book } = setup();
    const sheet = ctx.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:A2").values = [[1], [2]];
    sheet.getRange("B1:B3").copyFrom(sheet.getRange("A1:A2"), "Formulas");
    await ctx.sync();
    expect(cellAt(book.sheets[0]!, 3, 2)).toBeUndefined();
    expect(cellAt(book.sheets[0]!, 2, 2)).toEqual({ value: 2 });
  });

  it("autoFill copies formulas down and refuses to guess a number series", async () => {
    const { ctx, book } = setup();
    const sheet = ctx.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("B1").formulas = [["=A1*2"]];
    sheet.getRange("B1").autoFill("B1:B4", "FillDefault");
    await ctx.sync();
    expect(cellAt(book.sheets[0]!, 4, 2)).toEqual({ formula: "=A4*2" });
    sheet.getRange("C1").values = [[1]];
    sheet.getRange("C1").autoFill("C1:C3", "FillDefault");
    await rejects(ctx.sync(), "FakeLimitation");
  });
});

describe("workbook rules", () => {
  it("sheet names: unique ignoring case, ≤ 31 characters, no []:*?/\\", async () => {
    const { ctx } = setup(["Data"]);
    ctx.workbook.worksheets.add("data");
    await rejects(ctx.sync(), "ItemAlreadyExists");
    ctx.workbook.worksheets.add("x".repeat(32));
    await rejects(ctx.sync(), "InvalidArgument");
    ctx.workbook.worksheets.add("a/b");
    await rejects(ctx.sync(), "InvalidArgument");
  });

  it("deleting a sheet turns its names into #REF! and removes its tables; the last sheet stays", async () => {
    const { ctx, book } = setup(["Keep", "Gone"]);
    const gone = ctx.workbook.worksheets.getItem("Gone");
    ctx.workbook.names.add("N", gone.getRange("A1:B2"));
    gone.getRange("A1:B2").values = [
      ["h1", "h2"],
      [1, 2],
    ];
    gone.tables.add(gone.getRange("A1:B2"), true);
    await ctx.sync();
    gone.delete();
    await ctx.sync();
    expect(book.tables).toHaveLength(0);
    const n = ctx.workbook.names.getItem("N");
    n.load("type,value");
    await ctx.sync();
    expect([n.type, n.value]).toEqual(["Error", "#REF!"]);
    ctx.workbook.worksheets.getItem("Keep").delete();
    await rejects(ctx.sync(), "InvalidOperation");
  });

  it("names: valid, unique, and follow their sheet when it is renamed", async () => {
    const { ctx, book } = setup(["S"]);
    const s = ctx.workbook.worksheets.getItem("S");
    ctx.workbook.names.add("SVC_X", s.getRange("B2"));
    await ctx.sync();
    ctx.workbook.names.add("svc_x", s.getRange("B3"));
    await rejects(ctx.sync(), "ItemAlreadyExists");
    ctx.workbook.names.add("A1", s.getRange("B3"));
    await rejects(ctx.sync(), "InvalidArgument");
    s.name = "考核参数";
    const n = ctx.workbook.names.getItem("SVC_X");
    n.load("formula");
    await ctx.sync();
    expect(n.formula).toBe("='考核参数'!$B$2");
    expect(book.names).toHaveLength(1);
  });

  it("tables: headers become unique text, no overlap, no merged cells, totals row", async () => {
    const { ctx, book } = setup();
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("A1:C2").values = [
      [2026, "", 2026],
      [1, 2, 3],
    ];
    const t = s.tables.add(s.getRange("A1:C2"), true);
    t.name = "SVC_T";
    t.showTotals = true;
    await ctx.sync();
    const sh = book.sheets[0]!;
    expect([1, 2, 3].map((c) => cellAt(sh, 1, c)?.value)).toEqual(["2026", "Column2", "20262"]);
    expect(cellAt(sh, 3, 1)).toEqual({ value: "Total" });
    expect(cellAt(sh, 3, 3)?.formula).toMatch(/^=SUBTOTAL\(109,SVC_T\[/);
    s.tables.add(s.getRange("B2:D4"), true);
    await rejects(ctx.sync(), "InvalidOperation");
    s.getRange("F1:G1").merge(false);
    s.tables.add(s.getRange("F1:G3"), true);
    await rejects(ctx.sync(), "InvalidOperation");
  });

  it("refuses a formula that references a table before the table exists, like Excel", async () => {
    const { ctx } = setup();
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("E1").formulas = [["=COUNTA(SVC_T[h1])"]];
    await rejects(ctx.sync(), "InvalidArgument");
    s.getRange("A1:B2").values = [
      ["h1", "h2"],
      [1, 2],
    ];
    s.tables.add(s.getRange("A1:B2"), true).name = "SVC_T";
    s.getRange("E1").formulas = [['=COUNTA(svc_t[h1])&"[x]"']];
    await ctx.sync();
  });

  it("merging keeps only the top-left value", async () => {
    const { ctx, book } = setup();
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    r.values = [["keep", "lost"]];
    r.merge(false);
    await ctx.sync();
    expect(cellAt(book.sheets[0]!, 1, 2)).toBeUndefined();
    expect(book.sheets[0]!.merges.map((m) => m)).toEqual([parseRange("A1:B1")]);
  });

  it("a protected sheet refuses writes to locked cells but not to unlocked ones", async () => {
    const { ctx } = setup();
    const s = ctx.workbook.worksheets.getItem("Sheet1");
    s.getRange("B2").format.protection.locked = false;
    s.protection.protect();
    await ctx.sync();
    s.getRange("B2").values = [[1]];
    await ctx.sync();
    s.getRange("A1").values = [[1]];
    await rejects(ctx.sync(), "AccessDenied");
  });

  it("a new conditional format goes to the top of the priority list", async () => {
    const { ctx, book } = setup();
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5");
    r.conditionalFormats.add("Custom").custom.rule.formula = "=A1>1";
    r.conditionalFormats.add("CellValue").cellValue.rule = {
      operator: "GreaterThan",
      formula1: "=2",
    } as Excel.ConditionalCellValueRule;
    await ctx.sync();
    expect(book.sheets[0]!.conditionalFormats.map((c) => c.type)).toEqual(["CellValue", "Custom"]);
  });
});
