import fc from "fast-check";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  columnToNumber,
  formatCell,
  formatRange,
  numberToColumn,
  parseCell,
  parseRange,
  parseSheetRangeRef,
  quoteSheetName,
  rectIntersection,
  sheetRangeRef,
} from "./a1";

describe("column letters", () => {
  it.each([
    ["A", 1],
    ["Z", 26],
    ["AA", 27],
    ["AZ", 52],
    ["BA", 53],
    ["ZZ", 702],
    ["AAA", 703],
    ["XFD", 16384],
  ])("%s ↔ %i", (letters, n) => {
    expect(columnToNumber(letters)).toBe(n);
    expect(columnToNumber(letters.toLowerCase())).toBe(n);
    expect(numberToColumn(n)).toBe(letters);
  });

  it("rejects what is not a column", () => {
    for (const bad of ["", "A1", "XFE", "AAAA", "Ä", "1"]) expect(() => columnToNumber(bad)).toThrow();
    for (const bad of [0, -1, 16385, 1.5, NaN]) expect(() => numberToColumn(bad)).toThrow();
  });

  it("round-trips every column (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_COLUMNS }), (n) => columnToNumber(numberToColumn(n)) === n));
  });
});

describe("cells and ranges", () => {
  it("parses $ parts", () => {
    expect(parseCell("$B$3")).toEqual({ row: 3, column: 2, rowAbsolute: true, columnAbsolute: true });
    expect(parseCell("b$3")).toEqual({ row: 3, column: 2, rowAbsolute: true, columnAbsolute: false });
    expect(() => parseCell("B0")).toThrow();
    expect(() => parseCell(`A${MAX_ROWS + 1}`)).toThrow();
  });

  it("normalises ranges and formats them back", () => {
    expect(parseRange("F20:B3")).toEqual({ top: 3, left: 2, bottom: 20, right: 6 });
    expect(formatRange(parseRange("$B$3:$F$20"))).toBe("B3:F20");
    expect(formatRange(parseRange("B3:B3"))).toBe("B3");
    expect(formatRange(parseRange("B3:F20"), true)).toBe("$B$3:$F$20");
    expect(parseRange("A:C")).toEqual({ top: 1, bottom: MAX_ROWS, left: 1, right: 3 });
    expect(parseRange("$1:$4")).toEqual({ top: 1, bottom: 4, left: 1, right: MAX_COLUMNS });
    expect(() => parseRange("A1:B2:C3")).toThrow();
    expect(() => parseRange("Sheet!A1")).toThrow();
  });

  it("formats and parses any cell (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ROWS }),
        fc.integer({ min: 1, max: MAX_COLUMNS }),
        fc.boolean(),
        (r, c, abs) => {
          const p = parseCell(formatCell(r, c, abs));
          return p.row === r && p.column === c && p.rowAbsolute === abs && p.columnAbsolute === abs;
        },
      ),
    );
  });

  it("intersects rectangles", () => {
    expect(rectIntersection(parseRange("A1:C3"), parseRange("B2:D4"))).toEqual(parseRange("B2:C3"));
    expect(rectIntersection(parseRange("A1:A2"), parseRange("B1:B2"))).toBeUndefined();
  });
});

describe("sheet-qualified references", () => {
  it("quotes only when needed", () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("考核参数")).toBe("'考核参数'");
    expect(quoteSheetName("O'Brien 2026")).toBe("'O''Brien 2026'");
    expect(quoteSheetName("2026")).toBe("'2026'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("R1C1")).toBe("'R1C1'");
    expect(quoteSheetName("TRUE")).toBe("'TRUE'");
  });

  it("round-trips any sheet name (property)", () => {
    const name = fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[\\/?*:[\]]/.test(s) && !/^'|'$/.test(s));
    fc.assert(
      fc.property(name, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 200 }), (s, r, c) => {
        const rect = { top: r, left: c, bottom: r + 3, right: c + 2 };
        const back = parseSheetRangeRef(`=${sheetRangeRef(s, rect)}`);
        return back.sheetName === s && formatRange(back.rect) === formatRange(rect);
      }),
    );
  });

  it("refuses constants and formulas", () => {
    expect(() => parseSheetRangeRef("=0.9")).toThrow();
    expect(() => parseSheetRangeRef("=SUM(A1)")).toThrow();
  });
});
