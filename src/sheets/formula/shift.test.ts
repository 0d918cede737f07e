import fc from "fast-check";
import { numberToColumn } from "./a1";
import { formulaReferences, makeShifter, renameSheetInFormula, renameTableInFormula, shiftFormula } from "./shift";
import { tokenizeFormula } from "./tokens";

describe("shiftFormula", () => {
  it.each([
    ["=A1+$B$1+B$2+$C3", 2, 1, "=B3+$B$1+C$2+$C5"],
    ["=SUM(A1:B2)", 1, 0, "=SUM(A2:B3)"],
    ["=SUM($A$1:A1)", 4, 0, "=SUM($A$1:A5)"],
    ["=A:A", 10, 1, "=B:B"],
    ["=$A:B", 10, 1, "=$A:C"],
    ["=1:1", 3, 4, "=4:4"],
    ["=SUM($2:3)", 3, 4, "=SUM($2:6)"],
    ['="A1"&A1', 1, 0, '="A1"&A2'],
    ['="say ""B2"" now"&B2', 1, 1, '="say ""B2"" now"&C3'],
    ["='My Sheet'!A1+'O''Brien'!$B2", 1, 1, "='My Sheet'!B2+'O''Brien'!$B3"],
    ["=考核参数!B2*2", 1, 0, "=考核参数!B3*2"],
    ["=LOG10(A1)", 1, 0, "=LOG10(A2)"],
    ["=SVC_Grades5+A1", 1, 0, "=SVC_Grades5+A2"],
    ["=SUM(Table1[Col])+A1", 1, 0, "=SUM(Table1[Col])+A2"],
    ["=Table1[[#This Row],[A1]]*B1", 1, 0, "=Table1[[#This Row],[A1]]*B2"],
    ["=[@Score]*A1", 1, 0, "=[@Score]*A2"],
    ["=_xlfn.STDEV.S(A1:A9)", 1, 0, "=_xlfn.STDEV.S(A2:A10)"],
    ["=IF(A1>1E5,TRUE,FALSE)", 1, 0, "=IF(A2>1E5,TRUE,FALSE)"],
    ["=IFERROR(A1,#N/A)", 1, 0, "=IFERROR(A2,#N/A)"],
    ["={1,2;3,4}", 1, 1, "={1,2;3,4}"],
    ["=a1+b$2", 1, 1, "=b2+c$2"],
    ["=R1C1+RC", 1, 1, "=R1C1+RC"],
    ["=XFD1+A1", 0, 1, "=#REF!+B1"],
    ["=A1", -1, 0, "=#REF!"],
    ["=Sheet2!A1:B2", -1, 0, "=Sheet2!#REF!"],
  ])("%s shifted by (%i, %i) → %s", (f, dr, dc, out) => {
    expect(shiftFormula(f, dr, dc)).toBe(out);
    expect(makeShifter(f)(dr, dc)).toBe(out);
  });

  it("finds references but not names or functions", () => {
    expect(formulaReferences("=LOG10(A1)+SVC_Grades5+Table1[Col]+'x y'!$B$2:C3+A:A").map((r) => r.text)).toEqual([
      "A1",
      "'x y'!$B$2:C3",
      "A:A",
    ]);
  });

  it("points references at a renamed sheet, and only those", () => {
    expect(
      renameSheetInFormula(
        "=工单登记表!A1+'工单登记表'!$B$2:C3+SUM(工单登记表!A:A)+'Other'!A1+\"工单登记表!A1\"",
        "工单登记表",
        "工单登记表 (2)",
      ),
    ).toBe("='工单登记表 (2)'!A1+'工单登记表 (2)'!$B$2:C3+SUM('工单登记表 (2)'!A:A)+'Other'!A1+\"工单登记表!A1\"");
    expect(renameSheetInFormula("='O''Brien'!A1+o'brien!B1", "O'Brien", "KPI")).toBe("=KPI!A1+o'brien!B1");
  });

  it("renames a table only in structured references", () => {
    expect(renameTableInFormula("=SUM(SVC_T[Col])+SVC_T+svc_t[x]", "SVC_T", "SVC_T_2")).toBe(
      "=SUM(SVC_T_2[Col])+SVC_T+SVC_T_2[x]",
    );
  });
});

// ----- properties

const col = fc.integer({ min: 1, max: 200 }).map(numberToColumn);
const row = fc.integer({ min: 1, max: 500 });
const cellRef = fc
  .tuple(fc.boolean(), col, fc.boolean(), row)
  .map(([a, c, b, r]) => `${a ? "$" : ""}${c}${b ? "$" : ""}${r}`);
const rangeRef = fc.oneof(
  cellRef,
  fc.tuple(cellRef, cellRef).map(([a, b]) => `${a}:${b}`),
);
const sheetName = fc.constantFrom("Sheet1", "'My Sheet'", "'O''Brien'", "考核参数", "'2026'");
const qualified = fc.tuple(fc.option(sheetName, { nil: undefined }), rangeRef).map(([s, r]) => (s ? `${s}!${r}` : r));
const stringLit = fc.string({ maxLength: 12 }).map((s) => `"${s.replace(/"/g, '""')}"`);
const name = fc.constantFrom("SVC_Grades5", "LOG10", "Table1[Col]", "[@Score]", "TRUE", "SVC_Target", "A1B2");
const func = fc.constantFrom("SUM", "IF", "INDEX", "LOG10", "_xlfn.STDEV.S", "COUNTIFS");
const atom = fc.oneof(qualified, qualified, stringLit, name, fc.integer({ min: 0, max: 999 }).map(String));
const formula = fc
  .tuple(
    func,
    fc.array(atom, { minLength: 1, maxLength: 6 }),
    fc.array(fc.constantFrom("+", "-", "*", "&", ",", " "), { minLength: 6, maxLength: 6 }),
  )
  .map(([f, atoms, ops]) => `=${f}(${atoms.map((a, i) => (i ? ops[i]! : "") + a).join("")})`);

describe("shiftFormula properties", () => {
  it("shifting by (a, b) then (−a, −b) is the identity while references stay in the grid", () => {
    fc.assert(
      fc.property(formula, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 300 }), (f, a, b) => {
        const there = shiftFormula(f, a, b);
        return shiftFormula(there, -a, -b) === f;
      }),
      { numRuns: 500 },
    );
  });

  it("never changes string literals, names, functions or structured references", () => {
    const kept = (s: string) =>
      tokenizeFormula(s)
        .filter((t) => t.type === "string" || t.type === "name" || t.type === "function" || t.type === "bracket")
        .map((t) => t.text);
    fc.assert(
      fc.property(formula, fc.integer({ min: -3, max: 5000 }), fc.integer({ min: -3, max: 300 }), (f, a, b) => {
        return JSON.stringify(kept(shiftFormula(f, a, b))) === JSON.stringify(kept(f));
      }),
      { numRuns: 500 },
    );
  });

  it("tokens always join back to the input", () => {
    fc.assert(
      fc.property(
        fc.oneof(formula, fc.string()),
        (f) =>
          tokenizeFormula(f)
            .map((t) => t.text)
            .join("") === f,
      ),
    );
  });

  it("moves every relative reference by exactly the offset", () => {
    fc.assert(
      fc.property(cellRef, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (ref, a, b) => {
        const [before] = formulaReferences(`=${ref}`);
        const [after] = formulaReferences(shiftFormula(`=${ref}`, a, b));
        if (before!.target.kind !== "cell" || after!.target.kind !== "cell") return false;
        const p = before!.target.start;
        const q = after!.target.start;
        return (
          q.row === (p.rowAbsolute ? p.row : p.row + a) && q.column === (p.columnAbsolute ? p.column : p.column + b)
        );
      }),
    );
  });
});
