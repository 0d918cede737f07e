import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { csvToRangeData, decodeCsvBytes, readTableData, TableReadError } from "./read";
import { readTableFile } from "./readFile";
import { isLazyRows } from "../sheets/formula/lazyRows";
import { workbookToBuffer } from "../../test/support/exceljs/write";

const dir = mkdtempSync(join(tmpdir(), "svc-read-"));

async function xlsxWith(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return workbookToBuffer(wb);
}

describe("readTableFile (.xlsx)", () => {
  it("reads the first sheet's used range with dates as serial numbers, whatever the time zone", async () => {
    const bytes = await xlsxWith((wb) => {
      wb.addWorksheet("Other");
      const ws = wb.worksheets[0]!;
      ws.getCell("B2").value = "工单号";
      ws.getCell("C2").value = "报修时间";
      ws.getCell("B3").value = "WO-1";
      ws.getCell("C3").value = 46300.354166666664; // 2026-10-05 08:30
      ws.getCell("C3").numFmt = "yyyy-mm-dd hh:mm";
      ws.getCell("B4").value = "007";
      ws.getCell("C4").value = { formula: "C3+1", result: 46301.354166666664 };
      ws.getCell("C4").numFmt = "yyyy-mm-dd hh:mm";
      ws.getCell("D4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    });
    const file = join(dir, "orders.xlsx");
    writeFileSync(file, bytes);
    const data = await readTableFile(file);
    expect(data).toMatchObject({ sheetName: "Other", address: "B2:D4", firstRow: 2, firstColumn: 2 });
    expect(data.values[0]).toEqual(["工单号", "报修时间", null]);
    expect(data.values[1]![0]).toBe("WO-1");
    expect(data.values[1]![1]).toBeCloseTo(46300.354166666664, 9);
    expect(data.values[2]).toEqual(["007", expect.any(Number), "#DIV/0!"]);
    expect(data.values[2]![1] as number).toBeCloseTo(46301.354166666664, 9);
  });

  it("reads a named sheet and says which sheets exist when it is missing", async () => {
    const bytes = await xlsxWith((wb) => {
      wb.addWorksheet("A").getCell("A1").value = 1;
      wb.addWorksheet("工单").getCell("A1").value = 2;
    });
    expect((await readTableData(bytes, { sheet: "工单" })).values).toEqual([[2]]);
    await expect(readTableData(bytes, { sheet: "nope" })).rejects.toThrow(/A, 工单/);
  });

  it("refuses old .xls files and missing files with a clear message", async () => {
    await expect(readTableData(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toBeInstanceOf(TableReadError);
    await expect(readTableFile(join(dir, "missing.xlsx"))).rejects.toThrow(/Cannot open/);
  });
});

describe("CSV", () => {
  it("decodes UTF-8 with and without BOM, UTF-16 and GBK", () => {
    const text = "工单号,客户\nWO-1,张三\n";
    const utf8 = new TextEncoder().encode(text);
    expect(decodeCsvBytes(utf8)).toBe(text);
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    expect(decodeCsvBytes(le)).toBe(text);
    // "工单号" in GBK
    const gbk = new Uint8Array([0xb9, 0xa4, 0xb5, 0xa5, 0xba, 0xc5, 0x2c, 0x31]);
    expect(decodeCsvBytes(gbk)).toBe("工单号,1");
  });

  it("keeps every cell as the text in the file (CSV has no types), row numbers as in the file", () => {
    const d = csvToRangeData('工单号,金额,备注\r\n007,12.5,"a, b"\r\n\r\nWO-2,"1,200",=1+1\r\n\r\n\r\n', "orders");
    expect(d).toMatchObject({ sheetName: "orders", address: "A1:C4", firstRow: 1 });
    expect(d.values).toEqual([
      ["工单号", "金额", "备注"],
      ["007", "12.5", "a, b"],
      [null, null, null],
      ["WO-2", "1,200", "=1+1"],
    ]);
  });

  it("makes a row's cells when the row is read (a large export never holds all its cells at once)", () => {
    let csv = "工单号,报修时间,备注\n";
    for (let i = 0; i < 1000; i++) csv += `WO20261005${String(i).padStart(6, "0")},2026-10-05 08:30,"x, ""${i}"""\n`;
    const d = csvToRangeData(csv);
    expect(isLazyRows(d.values)).toBe(true);
    expect(d.values).toHaveLength(1001);
    expect(d.address).toBe("A1:C1001");
    expect(d.values[1000]).toEqual(["WO20261005000999", "2026-10-05 08:30", 'x, "999"']);
    // A quote error is still found when the file is read, not when the row is.
    expect(() => csvToRangeData(`${csv}W,"open\nW2,b,c\n`)).toThrow(TableReadError);
  });

  it("pads ragged rows and reads files by path", async () => {
    const file = join(dir, "ragged.csv");
    writeFileSync(file, "\ufeffa,b,c\n1\n2,3\n");
    const d = await readTableFile(file);
    expect(d.sheetName).toBe("ragged");
    expect(d.values).toEqual([
      ["a", "b", "c"],
      ["1", null, null],
      ["2", "3", null],
    ]);
  });

  it("takes the separator from the header line, not from data cells full of | or ; (a fuzz counterexample)", () => {
    const d = csvToRangeData("工单号,报修时间,备注\nW1,2026-10-05,a|b|c|d\nW2,2026-10-06,||;;|\n");
    expect(d.values.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(d.values[2]).toEqual(["W2", "2026-10-06", "||;;|"]);
    expect(csvToRangeData("a\tb\n1\t2,3\n").values).toEqual([
      ["a", "b"],
      ["1", "2,3"],
    ]);
  });

  it("reads mixed CRLF, LF and lone-CR line endings as records, keeping line breaks inside quotes", () => {
    const d = csvToRangeData('a,b\r\n1,x\n2,y\r3,"p\r\nq"\r\n4,z');
    expect(d.values).toEqual([
      ["a", "b"],
      ["1", "x"],
      ["2", "y"],
      ["3", "p\r\nq"],
      ["4", "z"],
    ]);
  });

  it("reads a CRLF-only file (as Excel writes it) in place, keeping CR, LF and CRLF inside quotes", () => {
    const d = csvToRangeData('a,b\r\n"p\r\nq","r\rs"\r\n\r\n"t\nu",v\r\nw,x\r\n');
    expect(d.values).toEqual([
      ["a", "b"],
      ["p\r\nq", "r\rs"],
      [null, null],
      ["t\nu", "v"],
      ["w", "x"],
    ]);
    expect(d.address).toBe("A1:B5");
  });

  it("reports unmatched quotes", () => {
    expect(() => csvToRangeData('a,b\n"oops,1\n')).toThrow(TableReadError);
  });
});
