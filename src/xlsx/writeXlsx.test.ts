/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- exceljs objects, not Office.js proxies */
import ExcelJS from "exceljs";
import { expectRichSampleLayout } from "../../test/support/xlsx";
import { unzipSync, strFromU8 } from "fflate";
import {
  APPRAISAL_SHEET,
  INJECTION_TEXTS,
  QUOTED_SHEET,
  SETTINGS_SHEET,
  registerPlan,
  richSamplePlan,
  serial,
} from "../../test/fixtures/plans";
import { loadXlsx } from "../../test/support/xlsx";
import { finalCells, PlanError, prepareWorkbookPlan } from "../sheets/formula/prepare";
import { formatCell } from "../sheets/formula/a1";
import { isFormulaCell, type ChartType, type PlanCell, type SheetPlan, type WorkbookPlan } from "../sheets/plan";
import { findPlansInWorkbook, readNamesFromWorkbook } from "../../test/support/exceljs/read";
import { writeXlsx, xlsxBytes } from "./writeXlsx";
import { sheetContent } from "./package/sheetContent";

function sheet(over: Partial<SheetPlan> = {}): SheetPlan {
  return { name: "S", marker: { kind: "kpi", version: 1, meta: { n: 1 } }, markerCell: "Z1", cells: [], ...over };
}

async function parts(plan: WorkbookPlan | readonly WorkbookPlan[]): Promise<Record<string, string>> {
  const files = unzipSync((await xlsxBytes(plan)).bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

async function roundTrip(plan: WorkbookPlan | readonly WorkbookPlan[]): Promise<ExcelJS.Workbook> {
  return loadXlsx((await xlsxBytes(plan)).bytes);
}

describe("writeXlsx (new files)", () => {
  it("writes every plan string as text, whatever it starts with", async () => {
    const texts = [...INJECTION_TEXTS, "\tTAB", "\rCR", "a\r\nb", " lead", "_x0041_", "\u0001ctl"];
    const wb = await roundTrip({ sheets: [sheet({ cells: [{ at: "A1", rows: texts.map((t) => [t]) }] })] });
    const ws = wb.worksheets[0]!;
    texts.forEach((t, i) => {
      const cell = ws.getCell(i + 1, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // exceljs does not decode OOXML's _xHHHH_ escapes (Excel and LibreOffice do): see the XML below.
      if (!t.includes("_x0041_") && !t.includes("\u0001")) expect(cell.value).toBe(t);
    });
    const xml = (await parts({ sheets: [sheet({ cells: [{ at: "A1", rows: texts.map((t) => [t]) }] })] }))[
      "xl/worksheets/sheet1.xml"
    ]!;
    expect(xml).not.toMatch(/<f>/); // no formula anywhere
    expect(xml).toContain("<t>_x005F_x0041_</t>"); // a literal escape sequence is protected
    expect(xml).toContain("<t>_x0001_ctl</t>"); // XML cannot hold U+0001: written as Excel writes it
    expect(xml).toContain('<t xml:space="preserve">&#13;CR</t>'); // a CR survives XML parsing
  });

  it("writes formulas with the expectation as cached value, and a fill as one shared formula", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        sheet({
          cells: [
            {
              at: "A1",
              rows: [
                [1, { f: "=A1*2", expect: 2 }, { f: "=NA()", expect: { error: "#N/A" } }, { f: '=""', expect: "" }],
              ],
            },
          ],
          fills: [
            {
              range: "B2:C3",
              formula: "=$A$1+A2",
              expect: [
                [1, 2],
                [3, 4],
              ],
            },
            { range: "E2:E3", formula: "=SUM(T[x])+E1", expect: [[5], [6]] },
          ],
        }),
      ],
    };
    const xml = (await parts(plan))["xl/worksheets/sheet1.xml"]!;
    expect(xml).toContain('<c r="B1"><f>A1*2</f><v>2</v></c>');
    expect(xml).toContain('<c r="C1" t="e"><f>NA()</f><v>#N/A</v></c>');
    expect(xml).toContain('<c r="D1" t="str"><f>&quot;&quot;</f><v></v></c>');
    expect(xml).toContain('<c r="B2"><f t="shared" ref="B2:C3" si="0">$A$1+A2</f><v>1</v></c>');
    expect(xml).toContain('<c r="C3"><f t="shared" si="0"/><v>4</v></c>');
    // structured references are never shared (Excel does not share them either)
    expect(xml).toContain('<c r="E3"><f>SUM(T[x])+E2</f><v>6</v></c>');
    const ws = (await roundTrip(plan)).worksheets[0]!;
    // exceljs translates the shared formula itself: an independent check of the shift
    expect(["B2", "C2", "B3", "C3"].map((a) => ws.getCell(a).formula)).toEqual([
      "$A$1+A2",
      "$A$1+B2",
      "$A$1+A3",
      "$A$1+B3",
    ]);
  });

  it("writes the same cells as finalCells (the content both writers must leave)", async () => {
    const plan = richSamplePlan();
    const prepared = prepareWorkbookPlan(plan, { sheetNames: [], definedNames: [], tableNames: [] });
    const wb = await roundTrip(plan);
    for (const s of prepared.sheets) {
      const ws = wb.getWorksheet(s.actualName)!;
      const want = finalCells(s);
      const got = new Map<string, unknown>();
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) return;
          if (cell.type === ExcelJS.ValueType.Formula) got.set(cell.address, `=${cell.formula}`);
          else if (cell.value !== null) got.set(cell.address, cell.value);
        }),
      );
      const expected = new Map<string, unknown>();
      for (const [key, cell] of want) {
        const a = formatCell(Math.floor(key / 16_384), (key % 16_384) + 1);
        expected.set(
          a,
          isFormulaCell(cell as PlanCell) ? (cell as { f: string }).f : (cell as { value: unknown }).value,
        );
      }
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected));
    }
  });

  it("asks for rows in order only (the content is a sweep, not a map)", () => {
    const prepared = prepareWorkbookPlan(
      { sheets: [sheet({ cells: [{ at: "A1", rows: [[1], [2]] }] })] },
      {
        sheetNames: [],
        definedNames: [],
        tableNames: [],
      },
    );
    const content = sheetContent(prepared.sheets[0]!);
    content.row(2);
    expect(() => content.row(1)).toThrow(RangeError);
  });

  it("decides names as if the plans were added one after another, and refuses a taken plan name before writing", async () => {
    const one = (): WorkbookPlan => ({
      sheets: [
        sheet({
          cells: [
            { at: "A1", rows: [["h"], [1]] },
            { at: "C1", rows: [[{ f: "=SUM(SVC_T[h])" }]] },
          ],
          tables: [{ name: "SVC_T", range: "A1:A2" }],
        }),
      ],
    });
    const wb = await roundTrip([one(), one()]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["S", "S (2)"]);
    expect(wb.worksheets[1]!.getCell("C1").formula).toBe("SUM(SVC_T_2[h])");
    const named = () => ({ sheets: [sheet({ names: [{ name: "SVC_X", range: "A1" }] })] });
    const written: Uint8Array[] = [];
    await expect(writeXlsx([named(), named()], { write: (c) => void written.push(c) })).rejects.toThrow(PlanError);
    expect(written).toEqual([]);
  });

  it("writes names with quoted sheet names, their comments, print titles and areas; finds plans by marker after a rename", async () => {
    const files = await parts(richSamplePlan());
    const book = files["xl/workbook.xml"]!.replace(/&apos;/g, "'");
    expect(book).toContain(`<definedName name="SVC_Weights">'${SETTINGS_SHEET}'!$E$4:$G$4</definedName>`);
    expect(book).toContain(`<definedName name="SVC_Quoted">'2026'!$B$2:$B$3</definedName>`);
    expect(book).toContain('<definedName name="SVC_AppraisalScores" comment="加权得分">');
    expect(book).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="1">'考核表 2026-Q3'!\$1:\$3<\/definedName>/,
    );
    expect(book).toMatch(
      /<definedName name="_xlnm.Print_Area" localSheetId="1">'考核表 2026-Q3'!\$A\$1:\$P\$30<\/definedName>/,
    );
    expect(book).toContain('activeTab="1"');
    const { zipSync, strToU8 } = await import("fflate");
    const renamed = Object.fromEntries(
      Object.entries(unzipSync((await xlsxBytes(richSamplePlan())).bytes)).map(([k, v]) => [
        k,
        k === "xl/workbook.xml" ? strToU8(strFromU8(v).split(APPRAISAL_SHEET).join("renamed by the user")) : v,
      ]),
    );
    const again = await loadXlsx(zipSync(renamed));
    expect(findPlansInWorkbook(again).map((p) => [p.sheetName, p.marker.kind])).toEqual([
      [SETTINGS_SHEET, "settings"],
      ["renamed by the user", "appraisal"],
      [QUOTED_SHEET, "problems"],
    ]);
    expect(readNamesFromWorkbook(again, ["SVC_Weights", "SVC_Bounds", "missing"])).toEqual({
      SVC_Weights: [[0.6, 0.2, 0.2]],
      SVC_Bounds: [[4.5], [4], [3], [0]],
      missing: undefined,
    });
  });

  it("renders formats, merges, columns, rows, freeze, validation, conditional formats, tables, print, tab colour and protection", async () => {
    const plan = richSamplePlan();
    const back = await roundTrip(plan);
    expectRichSampleLayout(back);
    const ws = back.getWorksheet(APPRAISAL_SHEET)!;
    expect(back.getWorksheet(SETTINGS_SHEET)!.getCell("E4").protection).toMatchObject({ locked: false });
    const files = await parts(plan);
    const sheetXml = files["xl/worksheets/sheet2.xml"]!.replace(/&quot;/g, '"');
    expect(sheetXml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="17"/);
    expect(sheetXml).toContain(
      '<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="部门" error="请从列表中选择" sqref="C4:C13"><formula1>"维修,接待,备件"</formula1>',
    );
    expect(sheetXml).toContain("<formula1>SVC_Grades</formula1>");
    expect(sheetXml).toContain(`<formula1>${serial(2026, 1, 1)}</formula1>`); // date validation: the serial itself
    const rules = [...sheetXml.matchAll(/<cfRule type="(\w+)" dxfId="\d+" priority="(\d+)"( stopIfTrue="1")?/g)].map(
      (m) => [m[1], m[2], Boolean(m[3])],
    );
    expect(rules).toEqual([
      ["expression", "1", true],
      ["cellIs", "2", false],
      ["cellIs", "3", false],
    ]);
    expect(files["xl/worksheets/sheet1.xml"]).toContain('<sheetProtection sheet="1"');
    expect(files["xl/tables/table1.xml"]).toMatch(/name="SVC_Appraisal"/);
    expect(files["xl/tables/table1.xml"]).toMatch(/ref="A3:P14"/); // header + 10 rows + totals row
    expect(ws.getCell("A14").value).toBe("Total");
  });

  it("writes every chart as a chart part anchored by a drawing, with each series' name, values and categories", async () => {
    const files = await parts(richSamplePlan());
    expect(files["xl/worksheets/sheet2.xml"]).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(files["xl/worksheets/_rels/sheet2.xml.rels"]).toContain('Target="../drawings/drawing1.xml"');
    expect(files["xl/drawings/_rels/drawing1.xml.rels"]).toContain('Target="../charts/chart2.xml"');
    const drawing = files["xl/drawings/drawing1.xml"]!;
    expect(drawing).toContain("<xdr:from><xdr:col>17</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>"); // R3
    expect(drawing).toContain("<xdr:to><xdr:col>24</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row>"); // below/right of X18
    const combo = files["xl/charts/chart2.xml"]!.replace(/&apos;/g, "'");
    expect(combo).toContain('<c:barChart><c:barDir val="col"/>');
    expect(combo).toContain("<c:lineChart>");
    expect(combo).toContain("<c:tx><c:v>目标线</c:v></c:tx>");
    expect(combo).toContain(`<c:f>'${APPRAISAL_SHEET}'!$F$`);
    expect(combo).toContain('<c:max val="10"/><c:min val="0"/>');
    expect(files["[Content_Types].xml"]).toContain('PartName="/xl/charts/chart1.xml"');
  });

  it("writes each chart type", async () => {
    const types: ChartType[] = ["column", "bar", "line", "pie", "radar", "columnLine"];
    const files = await parts({
      sheets: [
        sheet({
          cells: [
            {
              at: "A1",
              rows: [
                ["k", "v"],
                ["a", 1],
                ["b", 2],
              ],
            },
          ],
          charts: types.map((type) => ({
            type,
            title: type,
            series: [{ name: "v", values: "B2:B3", categories: "A2:A3", asLine: type === "columnLine" }],
            from: "D1",
            to: "H10",
          })),
        }),
      ],
    });
    const root = (i: number) => files[`xl/charts/chart${i + 1}.xml`]!.match(/<c:plotArea><c:layout\/><c:(\w+)/)![1];
    expect(types.map((_, i) => root(i))).toEqual([
      "barChart",
      "barChart",
      "lineChart",
      "pieChart",
      "radarChart",
      "barChart",
    ]);
    expect(files["xl/charts/chart2.xml"]).toContain('<c:barDir val="bar"/>');
    expect(files["xl/charts/chart4.xml"]).not.toContain("<c:valAx>"); // a pie has no axes
  });

  it("streams: a 20,000-row register goes out in many chunks, each written before the next is made", async () => {
    const chunks: number[] = [];
    await writeXlsx(registerPlan(20_000), { write: (c) => void chunks.push(c.length) });
    expect(chunks.length).toBeGreaterThan(20);
    expect(Math.max(...chunks)).toBeLessThan(1 << 20);
  });
});
