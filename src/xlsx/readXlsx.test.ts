/**
 * The .xlsx input reader against the files users and attackers actually produce. Every case
 * here was seen to go wrong with the exceljs loader (issue 15): a hidden first sheet read
 * instead of the visible one, 1904-system dates four years early, long IDs rounded, a damaged
 * part shown as a JavaScript message, a stray cell in row 1,048,576 costing a million rows.
 */
import ExcelJS from "exceljs";
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readTableData, TableReadError } from "./read";
import { worksheetToRangeData } from "../../test/support/exceljs/read";
import { openXlsx } from "./readXlsx";
import { DEFAULT_LIMITS, openZip, PackageError } from "./package/open";
import { xlsxBytes } from "./writeXlsx";
import { buildXlsx, row } from "../../test/support/xlsxParts";
import { registerPlan, richSamplePlan } from "../../test/fixtures/plans";

async function refusal(bytes: Uint8Array, options: { kind?: "xlsx" | "csv" } = {}): Promise<TableReadError> {
  try {
    await readTableData(bytes, options);
  } catch (e) {
    expect(e).toBeInstanceOf(TableReadError);
    const err = e as TableReadError;
    // One line, in both languages, no JavaScript in it.
    for (const m of [err.text.zh, err.text.en]) {
      expect(m).not.toMatch(/\n|TypeError|undefined|Cannot read prop|at .*\.js/);
      expect(m.length).toBeGreaterThan(5);
    }
    return err;
  }
  throw new Error("expected a refusal");
}

describe("which sheet, which values", () => {
  it("reads the first visible sheet when the first sheet is hidden, and says so", async () => {
    const bytes = buildXlsx({
      sheets: [
        { name: "旧数据", state: "hidden", body: row(1, ["工单号"]) + row(2, ["OLD"]) },
        { name: "工单", body: row(1, ["工单号"]) + row(2, ["W1"]) + row(3, ["W2"]) },
      ],
    });
    const data = await readTableData(bytes);
    expect(data.sheetName).toBe("工单");
    expect(data.values).toEqual([["工单号"], ["W1"], ["W2"]]);
    expect(data.notes.map((n) => n.en).join()).toMatch(/hidden sheet "旧数据" not read/);
  });

  it("moves date-formatted numbers of a 1904-date-system workbook to the 1900 system, and only those", async () => {
    // 2026-10-05 08:30 is 46300.354166… in the 1900 system and 1462 days less in the 1904 system.
    const s1900 = 46300.354166666664;
    const bytes = buildXlsx({
      date1904: true,
      cellXfs: [0, 22],
      sheets: [
        {
          name: "工单",
          body: `<row r="1"><c r="A1"><v>${s1900 - 1462}</v></c><c r="B1" s="1"><v>${s1900 - 1462}</v></c><c r="C1"><v>120</v></c></row>`,
        },
      ],
    });
    const data = await readTableData(bytes);
    expect(data.values[0]![0]).toBeCloseTo(s1900 - 1462, 9);
    expect(data.values[0]![1]).toBeCloseTo(s1900, 9);
    expect(data.values[0]![2]).toBe(120);
  });

  it("reads the date system from the workbook's own <workbookPr>, not from Excel's x15:workbookPr extension", async () => {
    const files = unzipSync(
      buildXlsx({
        date1904: true,
        cellXfs: [0, 22],
        sheets: [{ name: "S", body: '<row r="1"><c r="A1" s="1"><v>44838</v></c></row>' }],
      }),
    );
    // Every file Excel 2013+ saves ends its workbook part with this extension.
    files["xl/workbook.xml"] = strToU8(
      strFromU8(files["xl/workbook.xml"]!).replace(
        "</workbook>",
        '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>',
      ),
    );
    expect(openXlsx(zipSync(files)).date1904).toBe(true);
    expect((await readTableData(zipSync(files))).values).toEqual([[44838 + 1462]]);
  });

  it("keeps digit strings longer than a number holds as the text they are, and 1e999 as text", async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "S",
          body:
            `<row r="1"><c r="A1"><v>202610050001234567</v></c><c r="B1"><v>20261005001</v></c>` +
            `<c r="C1"><v>1e999</v></c><c r="D1"><v>110101199003071234</v></c></row>`,
        },
      ],
    });
    const data = await readTableData(bytes);
    expect(data.values[0]).toEqual(["202610050001234567", 20261005001, "1e999", "110101199003071234"]);
  });

  it("gives formula cells their saved result, error cells their error, and notes formulas saved without one", async () => {
    const bytes = buildXlsx({
      sharedStrings: ["a"],
      sheets: [
        {
          name: "S",
          body:
            `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c>` +
            `<c r="C1"><f>A1*3</f></c><c r="D1" t="str"><f>"x"</f><v>x</v></c><c r="E1" t="s"><v>0</v></c>` +
            `<c r="F1" t="b"><v>1</v></c></row>`,
        },
      ],
    });
    const data = await readTableData(bytes);
    expect(data.values[0]).toEqual([2, "#DIV/0!", null, "x", "a", true]);
    expect(data.notes.map((n) => n.en).join()).toMatch(/1 formulas saved without a result \(first: C1\)/);
  });

  it("reads each cell of a merged area as its top-left value and notes hidden rows", async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "S",
          body:
            `<sheetData>${row(1, ["服务人员", "工单号"])}${row(2, ["张三", "W1"])}${row(3, [null, "W2"], ' hidden="1"')}</sheetData>` +
            `<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>`,
        },
      ],
    });
    const data = await readTableData(bytes);
    expect(data.values).toEqual([
      ["服务人员", "工单号"],
      ["张三", "W1"],
      ["张三", "W2"],
    ]);
    const notes = data.notes.map((n) => n.en).join("\n");
    expect(notes).toMatch(/merged cells/);
    expect(notes).toMatch(/1 hidden rows/);
  });

  it("reads a stray cell in row 1,048,576 without a million row objects", async () => {
    const bytes = buildXlsx({
      sheets: [{ name: "S", body: row(1, ["工单号", "报修时间"]) + row(2, ["W1", 46300]) + row(1_048_576, ["x"]) }],
    });
    const data = await readTableData(bytes);
    expect(data.values).toHaveLength(1_048_576);
    // The empty rows are one shared array, not a million.
    expect(data.values[100]).toBe(data.values[500_000]);
    expect(data.values[1_048_575]).toEqual(["x", null]);
  });

  it("finds the plans by reading each marked sheet only down to its marker, not the whole sheet", async () => {
    // The register's rows below the marker are made unreadable: finding the plans never gets
    // there (a 100,000-row register is not parsed on the browser page to find its marker);
    // reading the sheet itself still refuses the damage.
    const { bytes } = await xlsxBytes(registerPlan(3000));
    const parts = unzipSync(bytes);
    const name = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))!;
    const xml = strFromU8(parts[name]!);
    const cut = xml.indexOf('<row r="2000"');
    expect(cut).toBeGreaterThan(0);
    parts[name] = strToU8(
      `${xml.slice(0, cut)}<row r="2000"><c r="A2000" t="s"><v>99999</v></c></row>${xml.slice(cut)}`,
    );
    const book = openXlsx(zipSync(parts));
    const sheet = book.sheets[0]!.name;
    expect(book.findPlans().map((p) => [p.sheetName, p.marker.kind])).toEqual([[sheet, "register"]]);
    expect(() => book.readUsedRange(sheet)).toThrow(/shared string 99999/);
  });

  it("reads what exceljs reads from the workbooks our writer produces", async () => {
    for (const plan of [richSamplePlan(), registerPlan(50)]) {
      const { bytes } = await xlsxBytes(plan);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const book = openXlsx(bytes);
      expect(book.sheets.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
      for (const ws of wb.worksheets) {
        const theirs = worksheetToRangeData(wb, ws);
        const ours = book.readUsedRange(ws.name);
        expect({ sheet: ws.name, address: ours.address }).toEqual({ sheet: ws.name, address: theirs.address });
        const norm = (v: unknown) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v);
        expect(ours.values.map((r) => r.map(norm))).toEqual(theirs.values.map((r) => r.map(norm)));
      }
    }
  });
});

describe("text exactly as written", () => {
  it("decodes OOXML's _xHHHH_ escapes, and the .xlsx writer escapes CR, control characters and a literal _x…_", async () => {
    const bytes = buildXlsx({
      sharedStrings: ["a_x000D_b", "lit_x005F_x000D_eral"],
      sheets: [{ name: "S", body: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' }],
    });
    expect((await readTableData(bytes)).values[0]).toEqual(["a\rb", "lit_x000D_eral"]);
    const texts = ["\r=1", "a_x000D_b", "x\u0001y", "tab\tand\nline"];
    const { bytes: written } = await xlsxBytes({
      sheets: [
        {
          name: "S",
          marker: { kind: "problems", version: 1, meta: {} },
          markerCell: "Z1",
          cells: [{ at: "A1", rows: [texts] }],
        },
      ],
    } as never);
    expect(openXlsx(written).readRange("S", "A1:D1").values[0]).toEqual(texts);
  });
});

describe("broken and hostile files: one clear line each", () => {
  it("refuses a bad shared-string index as a damaged file", async () => {
    const bytes = buildXlsx({
      sharedStrings: ["a"],
      sheets: [{ name: "S", body: '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' }],
    });
    const err = await refusal(bytes);
    expect(err.text.en).toMatch(/damaged .*shared string 7, but the file has only 1/);
  });

  it("refuses empty, text, encrypted, .xls, .xlsb, .ods, Word and truncated files, each with its reason", async () => {
    expect((await refusal(new Uint8Array(0), { kind: "xlsx" })).text.en).toMatch(/empty/);
    expect((await refusal(strToU8("工单号,报修时间\nW1,2026-10-05\n"), { kind: "xlsx" })).text.en).toMatch(
      /text .*CSV renamed/,
    );
    const cfb = (stream: string): Uint8Array => {
      const b = new Uint8Array(2048);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      b.set(new Uint8Array(Buffer.from(stream, "utf16le")), 1024);
      return b;
    };
    expect((await refusal(cfb("EncryptedPackage"))).text.en).toMatch(/password-protected/);
    expect((await refusal(cfb("Workbook"))).text.en).toMatch(/old \.xls/);
    const xlsb = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "_rels/.rels": strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
      ),
      "xl/workbook.bin": new Uint8Array([1, 2, 3]),
    });
    expect((await refusal(xlsb)).text.en).toMatch(/\.xlsb/);
    const ods = zipSync({
      mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
      "content.xml": strToU8("<x/>"),
    });
    expect((await refusal(ods)).text.en).toMatch(/\.ods/);
    const docx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w/>") });
    expect((await refusal(docx)).text.en).toMatch(/Word or PowerPoint/);
    const good = buildXlsx({ sheets: [{ name: "S", body: row(1, ["a"]) }] });
    expect((await refusal(good.subarray(0, good.length - 30))).text.en).toMatch(/damaged or incomplete/);
    const strict = buildXlsx({
      sheets: [{ name: "S", body: row(1, ["a"]) }],
      parts: {
        "xl/workbook.xml":
          '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>',
      },
    });
    expect((await refusal(strict)).text.en).toMatch(/Strict Open XML/);
  });

  it("refuses an XML part with a DOCTYPE (entity expansion) and a part that is not XML", async () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
    const bytes = buildXlsx({ sheets: [{ name: "S", body: "" }], parts: { "xl/worksheets/sheet1.xml": lol } });
    expect((await refusal(bytes)).text.en).toMatch(/damaged .*DOCTYPE/);
    const junk = buildXlsx({
      sheets: [{ name: "S", body: "" }],
      parts: { "xl/worksheets/sheet1.xml": "<worksheet><row" },
    });
    expect((await refusal(junk)).text.en).toMatch(/damaged .*not valid XML/);
  });

  it("refuses a zip bomb while inflating, before its part is held in memory", async () => {
    // 40 MB of spaces (valid XML) compress about 1,000:1 — past the 400:1 ratio allowed above 32 MB.
    const big = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    const bomb = buildXlsx({
      sheets: [{ name: "S", body: "" }],
      parts: { "xl/worksheets/sheet1.xml": big },
      level: 1,
    });
    expect(bomb.length).toBeLessThan(200_000);
    expect((await refusal(bomb)).text.en).toMatch(/zip bomb/);
  });

  it("enforces the per-entry, total and entry-count limits as it inflates", () => {
    const part = deflateSync(new Uint8Array(3 * 1024 * 1024));
    expect(part.length).toBeLessThan(10_000);
    const bytes = zipSync({ a: new Uint8Array(3 * 1024 * 1024), b: new Uint8Array(3 * 1024 * 1024) });
    const small = { ...DEFAULT_LIMITS, maxEntryBytes: 2 * 1024 * 1024 };
    expect(() => openZip(bytes, small).read("a")).toThrow(PackageError);
    const total = openZip(bytes, { ...DEFAULT_LIMITS, maxTotalBytes: 4 * 1024 * 1024 });
    total.read("a");
    expect(() => total.read("b")).toThrow(/inflated total/);
    expect(() => openZip(bytes, { ...DEFAULT_LIMITS, maxEntries: 1 })).toThrow(/2 parts, more than the limit of 1/);
    // A declared size is never trusted: a part that claims 10 bytes still stops at the limit.
    expect(openZip(bytes).entries.map((e) => e.name)).toEqual(["a", "b"]);
  });
});
