import { checkFormula, type FormulaWorld } from "../../../test/fakes/excel/formula";
import { escapeColumnSpecifier, tableColumnRef } from "./structuredRef";

/** Every character Excel's syntax rules call special, plus a space, in both languages' headers. */
const SPECIALS = [
  "\t",
  "\n",
  "\r",
  ",",
  ":",
  ".",
  "[",
  "]",
  "#",
  "'",
  '"',
  "{",
  "}",
  "$",
  "^",
  "&",
  "*",
  "+",
  "=",
  "-",
  ">",
  "<",
  "/",
];
const HEADERS = [
  "报修时间",
  "First-time fix",
  "Response (h)",
  "一次修复率",
  ...SPECIALS.flatMap((c) => [`A${c}B`, `${c}首`, `尾${c}`, `${c}`]),
  "'#[]'",
  "Total $Amount #1 [net]",
];

describe("tableColumnRef", () => {
  it.each([
    ["报修时间", "T[报修时间]"],
    ["Response (h)", "T[Response (h)]"],
    ["First-time fix", "T[[First-time fix]]"],
    ["#Items", "T[['#Items]]"],
    ["It's", "T[[It''s]]"],
    ["[x]", "T[['[x']]]"],
  ])("%j → %s", (header, want) => expect(tableColumnRef("T", header)).toBe(want));

  it("escapes exactly [ ] # '", () => expect(escapeColumnSpecifier("a'b[c]d#e")).toBe("a''b'[c']d'#e"));

  // The fake Excel's grammar is an independent implementation of the same syntax rules.
  const world: FormulaWorld = {
    tableHeaders: (t) => (t === "SVC_WorkOrders" ? HEADERS : undefined),
    sheetExists: () => true,
    customFunctions: new Set(),
    oldestExcel: "2010",
  };
  it.each(HEADERS.map((h) => [JSON.stringify(h), h]))("a header %s gives a reference Excel accepts", (_, header) => {
    expect(() => checkFormula(`=COUNTA(${tableColumnRef("SVC_WorkOrders", header)})`, world)).not.toThrow();
  });
});
