/**
 * The fake's formula grammar (./formula.ts): each rule of its README table, on the fake's own
 * implementation. A formula Excel would refuse, or show as #NAME?, must fail here.
 */
import { FormulaError, checkFormula, shiftFormula, tokens, type FormulaWorld } from "./formula";
import { createFakeExcel, cellAt, FakeOfficeError } from ".";

const world: FormulaWorld = {
  tableHeaders: (name) =>
    name.toLowerCase() === "orders"
      ? ["报修时间", "First-time fix", "Total $Amount", "Col#1", "It's", "[x]", "Response (h)", "Plain"]
      : undefined,
  sheetExists: (name) => ["Sheet1", "My sheet", "考核参数", "It's", "2026"].includes(name),
  customFunctions: new Set(["SVC.WEIGHTED"]),
  oldestExcel: "2010",
};

const ok = (f: string, inTable?: string) => expect(() => checkFormula(f, world, inTable)).not.toThrow();
const bad = (f: string, why: RegExp, inTable?: string) => {
  expect(() => checkFormula(f, world, inTable)).toThrow(FormulaError);
  expect(() => checkFormula(f, world, inTable)).toThrow(why);
};

describe("grammar", () => {
  it.each([
    '=1+2*3^2-4/5&"x"',
    '=IF(A1>=0,"yes","no")',
    "=SUM(A1:B3,$C$1,D:D,2:3)",
    "=IF(A1,,B1)",
    "=-A1%",
    "={1,2;3,4}",
    "=Sheet1!A1+'My sheet'!$B$2+'考核参数'!C3+'It''s'!A1+'2026'!A1",
    "=SVC_Grades5_Bounds*2",
    "=ROUND(ROUND(A1,9),0)",
    "=SVC.WEIGHTED(A1:C1,A2:C2)",
    "=AGGREGATE(16,6,A1:A9/(B1:B9>0),0.5)",
    "=STDEV.S(A1:A9)",
  ])("accepts %s", (f) => ok(f));

  it("refuses ';' between arguments (en-US formulas take ',')", () => bad("=IF(A1>0;1;2)", /separator is ","/));
  it("refuses unbalanced parentheses and dangling operators", () => {
    bad("=SUM(A1", /missing "\)"/);
    bad("=1+", /ends where a value is expected/);
    bad("=SUM(A1))", /unexpected/);
  });
  it("refuses unterminated strings and bad error literals", () => {
    bad('="abc', /unterminated string/);
    bad("=#OOPS!", /unknown error literal/);
  });
});

describe("functions", () => {
  it("refuses _xlfn. (the file format's prefix) through the API", () =>
    bad("=_xlfn.AGGREGATE(16,6,A1:A9,0.5)", /_xlfn\. prefix belongs to the file format/));
  it("refuses an unknown function (Excel would show #NAME?)", () => bad("=NOSUCHFUNCTION(1)", /unknown function/));
  it("refuses a function newer than the oldest Excel to support", () => {
    bad("=XLOOKUP(1,A1:A3,B1:B3)", /arrived in Excel 2021/);
    bad("=IFS(A1>0,1,TRUE,2)", /arrived in Excel 2019/);
    expect(() => checkFormula("=IFS(A1>0,1,TRUE,2)", { ...world, oldestExcel: "365" })).not.toThrow();
  });
  it("checks argument counts", () => {
    bad("=ROUND(A1)", /ROUND takes 2–2 arguments, got 1/);
    bad("=IF(1,2,3,4)", /IF takes 1–3 arguments, got 4/);
  });
});

describe("sheet names", () => {
  it("refuses a sheet that does not exist and an unquoted name that needs quotes", () => {
    bad("=Nowhere!A1", /sheet that does not exist: Nowhere/);
    bad("='Nowhere else'!A1", /does not exist: Nowhere else/);
    bad("=2026!A1", /must be quoted/);
  });
  it("refuses a quoted name not followed by !", () => bad("='My sheet'", /followed by "!"/));
});

describe("structured references", () => {
  it("accepts every documented form", () => {
    ok("=COUNTA(Orders[报修时间])");
    ok("=SUM(Orders[Plain])");
    ok("=SUM(Orders[Response (h)])"); // a space and parentheses are not special
    ok("=SUM(Orders[[First-time fix]])");
    ok("=SUM(Orders[[Total $Amount]])");
    ok("=SUM(Orders[[Col'#1]])");
    ok("=SUM(Orders[[It''s]])");
    ok("=SUM(Orders[['[x']]])");
    ok("=SUM(Orders[[#Data],[Plain]])");
    ok("=SUM(Orders[[Plain]:[Response (h)]])");
    ok("=Orders[#Headers]");
    ok("=[@Plain]*2", "Orders");
    ok("=[@[First-time fix]]", "Orders");
  });
  it("requires the extra brackets for a header with special characters", () =>
    bad("=SUM(Orders[First-time fix])", /Excel requires Orders\[\[First-time fix\]\]/));
  it("requires ' before [ ] # ' inside a specifier", () => {
    bad("=SUM(Orders[[Col#1]])", /must be escaped/);
    bad("=SUM(Orders[[It's]])", /no column "Its"/); // the lone ' escaped the "s"
  });
  it("refuses a missing table or column", () => {
    bad("=SUM(Nope[Plain])", /table that does not exist: Nope/);
    bad("=SUM(Orders[Missing])", /no column "Missing"/);
    bad("=[@Plain]", /only valid inside a table/);
  });
});

describe("shifting (the fake's own, for copyFrom)", () => {
  it.each([
    ["=A1+$B$1+C$1+$D1", 2, 1, "=B3+$B$1+D$1+$D3"],
    ["=SUM(A:A,1:1)", 1, 1, "=SUM(B:B,2:2)"],
    ['="A1"&Orders[Plain]&LOG10(A1)', 1, 0, '="A1"&Orders[Plain]&LOG10(A2)'],
    ["='My sheet'!A1", 1, 0, "='My sheet'!A2"],
  ])("%s moved by (%i, %i) is %s", (f, dr, dc, want) => expect(shiftFormula(f, dr, dc)).toBe(want));
  it("refuses a move off the grid (#REF!)", () => expect(() => shiftFormula("=A1", -1, 0)).toThrow(/leaves the grid/));
  it("tokens keep the text", () =>
    expect(
      tokens("=SUM( A1 ,2)")
        .map((t) => t.text)
        .join(""),
    ).toBe("SUM( A1 ,2)"));
});

describe("through the object model", () => {
  it("Range.formulas refuses what the grammar refuses, naming the location", async () => {
    const fake = createFakeExcel();
    const ctx = fake.context as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=_xlfn.STDEV.S(B1:B3)"]];
    await expect(ctx.sync()).rejects.toThrow(FakeOfficeError);
    expect(cellAt(fake.state.sheets[0]!, 1, 1)).toBeUndefined();
  });
  it("custom functions registered with the fake are accepted", async () => {
    const fake = createFakeExcel({ customFunctions: ["SVC.GRADE"] });
    const ctx = fake.context as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=SVC.GRADE(4.5)"]];
    await ctx.sync();
    expect(cellAt(fake.state.sheets[0]!, 1, 1)).toEqual({ formula: "=SVC.GRADE(4.5)" });
  });
});
