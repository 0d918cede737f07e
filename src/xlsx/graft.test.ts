import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { richSamplePlan } from "../../test/fixtures/plans";
import type { SheetPlan, WorkbookPlan } from "../sheets/plan";
import { graftBytes, graftPlans } from "./graft";
import { openZip } from "./package/open";
import { openXlsx } from "./readXlsx";

function sheet(over: Partial<SheetPlan> = {}): SheetPlan {
  return { name: "S", marker: { kind: "kpi", version: 1, meta: { n: 1 } }, markerCell: "Z1", cells: [], ...over };
}

/** A small workbook of another program's shape, written part by part (so each test can vary one part). */
function userWorkbook(over: Record<string, string> = {}): Uint8Array {
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
    "docProps/app.xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant><vt:variant><vt:lpstr>Named Ranges</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>考核表 2026-Q3</vt:lpstr><vt:lpstr>SVC_Foo</vt:lpstr></vt:vector></TitlesOfParts></Properties>',
    "xl/workbook.xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><fileVersion appName="xl" lastEdited="7"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="考核表 2026-Q3" sheetId="3" r:id="rId7"/></sheets><definedNames><definedName name="SVC_Foo">\'考核表 2026-Q3\'!$A$1</definedName></definedNames><calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>',
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    "xl/styles.xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="170" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>',
    "xl/worksheets/sheet1.xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="1"><v>0.25</v></c></row></sheetData></worksheet>',
    "xl/media/image1.png": "\u0089PNG not really",
    ...over,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

function entries(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

const plan: WorkbookPlan = {
  sheets: [
    sheet({
      name: "考核表 2026-Q3",
      cells: [{ at: "A1", rows: [["x", { f: "=SVC_Mine", expect: 1 }]] }],
      names: [{ name: "SVC_Mine", range: "A1" }],
      formats: [{ range: "A1:B1", style: { bold: true, numberFormat: "0.000" } }],
    }),
  ],
};

describe("graftPlans (sheets added to the user's package)", () => {
  it("copies every part it does not have to change byte for byte, the stored bytes included", async () => {
    const original = userWorkbook();
    const { bytes } = await graftBytes(original, plan);
    const before = openZip(original);
    const after = openZip(bytes);
    const changed = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "docProps/app.xml",
    ];
    for (const e of before.entries) {
      if (changed.includes(e.name)) continue;
      expect(after.has(e.name)).toBe(true);
      expect(Buffer.from(after.raw(e.name))).toEqual(Buffer.from(before.raw(e.name)));
    }
  });

  it("names the new sheet against the existing ones, keeps the user's SVC_ name and appends styles after theirs", async () => {
    const { bytes, report, sheetNames, extension } = await graftBytes(userWorkbook(), plan);
    expect(report.sheets).toEqual([{ planned: "考核表 2026-Q3", actual: "考核表 2026-Q3 (2)", kind: "kpi" }]);
    expect(sheetNames).toEqual(["考核表 2026-Q3", "考核表 2026-Q3 (2)"]);
    expect(extension).toBe(".xlsx");
    const p = entries(bytes);
    const wb = p["xl/workbook.xml"]!;
    expect(wb).toContain(
      '<sheet name="考核表 2026-Q3" sheetId="3" r:id="rId7"/><sheet name="考核表 2026-Q3 (2)" sheetId="4" r:id="rId2"/>',
    );
    expect(wb).toContain(`<definedName name="SVC_Foo">'考核表 2026-Q3'!$A$1</definedName>`);
    expect(wb).toContain(`<definedName name="SVC_Mine">'考核表 2026-Q3 (2)'!$A$1</definedName>`);
    expect(wb).toContain('mc:Ignorable="x15"');
    expect(wb).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/><extLst>');
    const styles = p["xl/styles.xml"]!;
    expect(styles).toContain('<numFmt numFmtId="170" formatCode="0.0%"/><numFmt numFmtId="171" formatCode="0.000"/>');
    expect(styles).toMatch(
      /<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/><xf numFmtId="170"/,
    );
    const sheetXml = Object.entries(p).find(
      ([k]) => k.startsWith("xl/worksheets/sheet") && k !== "xl/worksheets/sheet1.xml",
    )![1];
    expect(sheetXml).toContain('<c r="A1" s="2" t="inlineStr">');
    const app = p["docProps/app.xml"]!;
    expect(app).toContain("<vt:i4>2</vt:i4>");
    expect(app).toContain(
      '<vt:vector size="3" baseType="lpstr"><vt:lpstr>考核表 2026-Q3</vt:lpstr><vt:lpstr>考核表 2026-Q3 (2)</vt:lpstr><vt:lpstr>SVC_Foo</vt:lpstr>',
    );
    const book = openXlsx(bytes);
    expect(book.findPlans().map((f) => f.sheetName)).toEqual(["考核表 2026-Q3 (2)"]);
    expect(book.readNames(["SVC_Foo", "SVC_Mine"])).toEqual({ SVC_Foo: [[0.25]], SVC_Mine: [["x"]] });
  });

  it("writes the rich sample (every plan feature, charts and tables) into a workbook, readable back", async () => {
    const { bytes, sheetNames } = await graftBytes(userWorkbook(), richSamplePlan());
    expect(sheetNames.length).toBe(1 + richSamplePlan().sheets.length);
    const p = entries(bytes);
    expect(Object.keys(p).filter((k) => k.startsWith("xl/charts/")).length).toBeGreaterThan(0);
    expect(openXlsx(bytes).findPlans().length).toBe(richSamplePlan().sheets.length);
    expect(p["[Content_Types].xml"]).toContain('<Override PartName="/xl/charts/chart1.xml"');
  });

  it("writes a new sheet's dates in a 1904-date-system workbook's own system", async () => {
    const original = userWorkbook({
      "xl/workbook.xml": entries(userWorkbook())["xl/workbook.xml"]!.replace(
        "<workbookPr ",
        '<workbookPr date1904="1" ',
      ),
    });
    const dated: WorkbookPlan = {
      sheets: [
        sheet({
          cells: [{ at: "A1", rows: [[46000, { f: "=A1+1", expect: 46001 }, 46000]] }],
          formats: [{ range: "A1:B1", style: { numberFormat: "yyyy-mm-dd" } }],
          validations: [
            {
              range: "C1",
              rule: { type: "date", min: 46000, max: 46100 },
              error: { title: "t", message: "m" },
            },
          ],
        }),
      ],
    };
    const p = entries((await graftBytes(original, dated)).bytes);
    const xml = Object.entries(p).find(
      ([k]) => k.startsWith("xl/worksheets/sheet") && k !== "xl/worksheets/sheet1.xml",
    )![1];
    expect(xml).toMatch(/<c r="A1" s="\d+"><v>44538<\/v><\/c>/);
    expect(xml).toMatch(/<f>A1\+1<\/f><v>44539<\/v>/);
    expect(xml).toMatch(/<c r="C1"><v>46000<\/v><\/c>/); // not date-formatted: a number stays the number
    expect(xml).toContain("<formula1>44538</formula1><formula2>44638</formula2>");
    // Read back by the reader, the dates are the 1900-system serials the engine meant.
    const back = openXlsx((await graftBytes(original, dated)).bytes).readRange("S", "A1:B1");
    expect(back.values).toEqual([[46000, 46001]]);
  });

  it("refuses, before writing a byte, a workbook it cannot extend safely: each with its reason in both languages", async () => {
    const withPart = (name: string, body: string) => userWorkbook({ [name]: body });
    const damaged = userWorkbook();
    // Flip one byte of a stored part's data: its CRC no longer matches.
    const pkg = openZip(damaged);
    const raw = pkg.raw("xl/media/image1.png");
    const at = raw.byteOffset + 2;
    const broken = new Uint8Array(damaged);
    broken[at] = broken[at]! ^ 0xff;
    const cases: [Uint8Array, RegExp][] = [
      [withPart("_xmlsignatures/sig1.xml", "<Signature/>"), /digitally signed/],
      [withPart("xl/revisions/revisionHeaders.xml", "<headers/>"), /shared workbook/],
      [
        userWorkbook({
          "xl/workbook.xml": entries(userWorkbook())["xl/workbook.xml"]!.replace(
            "<bookViews>",
            '<workbookProtection lockStructure="1"/><bookViews>',
          ),
        }),
        /structure is protected/,
      ],
      [broken, /fails its checksum/],
      [
        new Uint8Array([
          0xd0,
          0xcf,
          0x11,
          0xe0,
          0xa1,
          0xb1,
          0x1a,
          0xe1,
          ...new TextEncoder().encode("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"),
        ]),
        /password-protected/,
      ],
      [
        userWorkbook({
          "xl/workbook.xml": entries(userWorkbook())["xl/workbook.xml"]!.replace("<sheets>", "<sheets><!DOCTYPE"),
        }),
        /damaged/,
      ],
    ];
    for (const [bytes, message] of cases) {
      const written: Uint8Array[] = [];
      await expect(graftPlans(bytes, plan, { write: (c) => void written.push(c) })).rejects.toMatchObject({
        message: expect.stringMatching(message),
        text: { zh: expect.any(String), en: expect.stringMatching(message) },
      });
      expect(written).toEqual([]);
    }
  });
});
