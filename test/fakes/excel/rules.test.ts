/**
 * The fake's rules beyond the formula grammar: validation and conditional-format operands,
 * response size, cell-edit mode, hung syncs, calculation suspension. One test per README row.
 */
/* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read -- the lint rules do not follow loads across the awaited syncs of one test */
import { createFakeExcel, cellAt, FakeOfficeError, type FakeExcel } from ".";

function setup(): { fake: FakeExcel; ctx: Excel.RequestContext; sheet: Excel.Worksheet } {
  const fake = createFakeExcel({ formulaValue: () => 42 });
  const ctx = fake.context as Excel.RequestContext;
  return { fake, ctx, sheet: ctx.workbook.worksheets.getItem("Sheet1") };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    return `${(e as FakeOfficeError).code}: ${(e as Error).message}`;
  }
  return "ok";
}

describe("data validation operands, as Excel checks them", () => {
  const rule = async (r: Excel.DataValidationRule) => {
    const { ctx, sheet } = setup();
    sheet.getRange("A1:A9").dataValidation.rule = r;
    return code(ctx.sync());
  };
  it("a date bound must be a date Excel has (1900-01-01 … 9999-12-31)", async () => {
    expect(await rule({ date: { operator: "GreaterThanOrEqualTo", formula1: "1899-12-31" } })).toMatch(
      /InvalidArgument: .*outside Excel's dates/,
    );
    expect(await rule({ date: { operator: "LessThanOrEqualTo", formula1: "10000-01-01" } })).toMatch(/not an ISO/);
    expect(await rule({ date: { operator: "GreaterThan", formula1: "2026-02-30" } })).toMatch(/not a calendar date/);
    expect(await rule({ date: { operator: "Between", formula1: "1900-01-01", formula2: "9999-12-31" } })).toBe("ok");
    expect(await rule({ date: { operator: "GreaterThan", formula1: "=TODAY()" } })).toBe("ok");
  });
  it("whole numbers are whole; the maximum is not below the minimum; formulas parse", async () => {
    expect(await rule({ wholeNumber: { operator: "Between", formula1: 0.5, formula2: 3 } })).toMatch(/whole numbers/);
    expect(await rule({ decimal: { operator: "Between", formula1: 5, formula2: 1 } })).toMatch(/Maximum must be/);
    expect(await rule({ decimal: { operator: "GreaterThan", formula1: "=_xlfn.STDEV.S(B1:B3)" } })).toMatch(/_xlfn/);
    expect(await rule({ decimal: { operator: "Between", formula1: -9.99e307, formula2: 9.99e307 } })).toBe("ok");
    expect(await rule({ list: { inCellDropDown: true, source: "=NoSuchSheet!A1:A3" } })).toMatch(/does not exist/);
  });
});

describe("conditional formats", () => {
  it("formula operands go through the grammar", async () => {
    const { ctx, sheet } = setup();
    const cf = sheet.getRange("A1:A9").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = "=IF(A1>0;1;0)";
    expect(await code(ctx.sync())).toMatch(/separator is ","/);
    const cv = sheet.getRange("A1:A9").conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
    cv.cellValue.rule = { operator: "GreaterThan", formula1: "=NOPE(1)" } as Excel.ConditionalCellValueRule;
    expect(await code(ctx.sync())).toMatch(/unknown function NOPE/);
  });
});

describe("payload limits (Excel on the web: 5 MB each way)", () => {
  it("refuses a response over the limit: reads must be sized", async () => {
    const { fake, ctx, sheet } = setup();
    for (let r = 1; r <= 2000; r++) fake.state.sheets[0]!.cells.set(r * 16384, { value: "长".repeat(100) });
    fake.setResponseLimit(100_000);
    const range = sheet.getRange("A1:A2000");
    range.load("values");
    expect(await code(ctx.sync())).toMatch(/^ResponsePayloadSizeLimitExceeded/);
    const half = sheet.getRange("A1:A150");
    half.load("values");
    expect(await code(ctx.sync())).toBe("ok");
  });
  it("a get of more than five million cells fails", async () => {
    const { ctx, sheet } = setup();
    sheet.getRange("A1:E1048576").load("values");
    expect(await code(ctx.sync())).toMatch(/^RangeExceedsLimit/);
  });
});

describe("cell-edit mode and hung hosts", () => {
  it("a batch fails while the user edits a cell, unless the run asked to wait (delayForCellEdit)", async () => {
    const { fake } = setup();
    fake.setCellEditMode(true);
    const plain = fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
    });
    expect(await code(plain)).toMatch(/^InvalidOperationInCellEditMode/);
    let done = false;
    const waiting = fake
      .run({ delayForCellEdit: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[2]];
        await ctx.sync();
      })
      .then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    fake.setCellEditMode(false);
    await waiting;
    expect(cellAt(fake.state.sheets[0]!, 1, 1)).toEqual({ value: 2 });
  });
  it("a hung sync answers only when released", async () => {
    const { fake, ctx } = setup();
    fake.hangOnSync(1);
    let settled = false;
    const p = ctx.sync().finally(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    fake.releaseHung();
    expect(await code(p)).toMatch(/^RequestAborted/);
  });
});

describe("calculation suspension", () => {
  it("a value read after a write under suspended calculation is stale until calculate()", async () => {
    const { fake, ctx, sheet } = setup();
    ctx.application.suspendApiCalculationUntilNextSync();
    sheet.getRange("A1").formulas = [["=1+1"]];
    await ctx.sync();
    const r = sheet.getRange("A1");
    r.load("values");
    await ctx.sync();
    expect(r.values).toEqual([[0]]);
    ctx.application.calculate("Full");
    r.load("values");
    await ctx.sync();
    expect(r.values).toEqual([[42]]);
    expect(fake.state.calculations).toEqual(["Full"]);
  });
  it("suspension lasts one sync: a later write is calculated", async () => {
    const { ctx, sheet } = setup();
    ctx.application.suspendApiCalculationUntilNextSync();
    await ctx.sync();
    sheet.getRange("B1").formulas = [["=2+2"]];
    const r = sheet.getRange("B1");
    r.load("values");
    await ctx.sync();
    expect(r.values).toEqual([[42]]);
  });
});

describe("computed values, value types and custom functions (for the self-check)", () => {
  it("formula cells report what the test says they computed, errors as Excel's error values", async () => {
    const fake = createFakeExcel({ customFunctions: ["SVC.GRADE"] });
    const ctx = fake.context as Excel.RequestContext;
    const sheet = ctx.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:C1").formulas = [["=1+1", "=NA()", "=SVC.GRADE(4.95)"]];
    await ctx.sync();
    const read = sheet.getRange("A1:D1");
    read.load(["values", "valueTypes"]);
    // Without values the fake refuses to invent any.
    expect(await code(ctx.sync())).toMatch(/FakeLimitation: The fake does not calculate/);
    fake.setFormulaValues((_s, _r, c) => [2, { error: "#N/A" }, "B"][c - 1]!);
    const again = sheet.getRange("A1:D1");
    again.load(["values", "valueTypes"]);
    await ctx.sync();
    expect(again.values).toEqual([[2, "#N/A", "B", ""]]);
    expect(again.valueTypes).toEqual([["Integer", "Error", "String", "Empty"]]);
  });

  it("a custom-function call shows #BUSY! until the function has answered", async () => {
    const fake = createFakeExcel({
      customFunctions: ["SVC.GRADE"],
      customFunctionBusySyncs: 2,
      formulaValue: () => "B",
    });
    const ctx = fake.context as Excel.RequestContext;
    const cell = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
    cell.formulas = [["=SVC.GRADE(4.95)"]];
    await ctx.sync();
    const seen: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      cell.load("values");
      await ctx.sync();
      seen.push(cell.values[0]![0]);
    }
    expect(seen).toEqual(["#BUSY!", "B", "B"]);
  });

  it("unregistered custom functions: refused by default, or #NAME? as in Excel", async () => {
    const refused = createFakeExcel();
    const c1 = refused.context as Excel.RequestContext;
    c1.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=SVC.GRADE(4.95)"]];
    expect(await code(c1.sync())).toMatch(/unknown function SVC.GRADE/);
    const excel = createFakeExcel({ unknownFunctions: "nameError", formulaValue: () => 1 });
    const c2 = excel.context as Excel.RequestContext;
    const r = c2.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    r.formulas = [["=SVC.GRADE(4.95)", "=ROUND(1.2,0)"]];
    r.load(["values", "valueTypes"]);
    await c2.sync();
    expect(r.values).toEqual([["#NAME?", 1]]);
    expect(r.valueTypes).toEqual([["Error", "Integer"]]);
  });

  it("a formula using a name the workbook does not define is refused (Excel: #NAME?)", async () => {
    const { ctx, sheet } = setup();
    sheet.getRange("A1").formulas = [["=SVC_KPI_Target_OnTime*2"]];
    expect(await code(ctx.sync())).toMatch(/uses the name SVC_KPI_Target_OnTime, which the workbook does not define/);
    ctx.workbook.names.add("SVC_KPI_Target_OnTime", sheet.getRange("B1"));
    sheet.getRange("A1").formulas = [["=SVC_KPI_Target_OnTime*2"]];
    expect(await code(ctx.sync())).toBe("ok");
  });
});

describe("workbook structure protection", () => {
  it("a protected workbook refuses new, deleted, renamed and hidden sheets", async () => {
    const { fake, ctx } = setup();
    fake.state.addSheet("Data");
    ctx.workbook.protection.protect();
    await ctx.sync();
    const p = ctx.workbook.protection;
    p.load("protected");
    await ctx.sync();
    expect(p.protected).toBe(true);
    ctx.workbook.worksheets.add("New");
    expect(await code(ctx.sync())).toMatch(/AccessDenied: .*structure is protected.*add the sheet "New"/);
    ctx.workbook.worksheets.getItem("Data").delete();
    expect(await code(ctx.sync())).toMatch(/AccessDenied/);
    ctx.workbook.worksheets.getItem("Data").name = "Other";
    expect(await code(ctx.sync())).toMatch(/AccessDenied/);
    ctx.workbook.worksheets.getItem("Data").visibility = "Hidden";
    expect(await code(ctx.sync())).toMatch(/AccessDenied/);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Data"]);
    ctx.workbook.protection.unprotect();
    ctx.workbook.worksheets.add("New");
    expect(await code(ctx.sync())).toBe("ok");
  });
});

describe("filters", () => {
  it("rows a filter hides are not in the visible view; the AutoFilter says it filters", async () => {
    const { fake, ctx, sheet } = setup();
    fake.filter("Sheet1", "A1:C20", [3, 4, 9]);
    const view = sheet.getRange("A1:C10").getVisibleView();
    view.load("rowCount");
    sheet.autoFilter.load(["enabled", "isDataFiltered"]);
    await ctx.sync();
    expect(view.rowCount).toBe(7);
    expect(sheet.autoFilter.isDataFiltered).toBe(true);
    sheet.autoFilter.remove();
    sheet.autoFilter.load(["enabled", "isDataFiltered"]);
    const all = sheet.getRange("A1:C10").getVisibleView();
    all.load("rowCount");
    await ctx.sync();
    expect([sheet.autoFilter.enabled, all.rowCount]).toEqual([false, 10]);
  });
});
