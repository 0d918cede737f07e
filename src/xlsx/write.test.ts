/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- exceljs objects, not Office.js proxies */
import ExcelJS from "exceljs";
import { expectRichSampleLayout } from "../../test/support/xlsx";
import {
  INJECTION_TEXTS,
  richSamplePlan,
  serial,
  APPRAISAL_SHEET,
  SETTINGS_SHEET,
  QUOTED_SHEET,
} from "../../test/fixtures/plans";
import { PlanError } from "../sheets/formula/prepare";
import type { SheetPlan, WorkbookPlan } from "../sheets/plan";
import { findPlansInWorkbook, readNamesFromWorkbook } from "./read";
import { addPlansToWorkbook, workbookToBuffer, xlsxOmits } from "./write";

/** A workbook the user opened, with the plan's sheets added by this (exceljs) writer. */
function plansToWorkbook(plan: WorkbookPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addPlansToWorkbook(wb, plan);
  return wb;
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await workbookToBuffer(wb)) as unknown as ArrayBuffer);
  return back;
}

function sheet(over: Partial<SheetPlan> = {}): SheetPlan {
  return { name: "S", marker: { kind: "kpi", version: 1, meta: { n: 1 } }, markerCell: "Z1", cells: [], ...over };
}

/** The raw XML of one part of the file (to check what exceljs wrote, not what it reads back). */
async function part(wb: ExcelJS.Workbook, path: string): Promise<string> {
  const bytes = await workbookToBuffer(wb);
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  return zip.file(path)!.async("string");
}

describe("addPlansToWorkbook (sheets added to an opened workbook)", () => {
  it("writes every plan string as text, whatever it starts with", async () => {
    const wb = await roundTrip(
      plansToWorkbook({ sheets: [sheet({ cells: [{ at: "A1", rows: INJECTION_TEXTS.map((t) => [t]) }] })] }),
    );
    const ws = wb.worksheets[0]!;
    INJECTION_TEXTS.forEach((t, i) => {
      const cell = ws.getCell(i + 1, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(t);
    });
  });

  it("writes formulas with the expectation as cached result, fills one shifted formula per cell", async () => {
    const wb = await roundTrip(
      plansToWorkbook({
        sheets: [
          sheet({
            cells: [{ at: "A1", rows: [[1, { f: "=A1*2", expect: 2 }, { f: "=NA()", expect: { error: "#N/A" } }]] }],
            fills: [
              {
                range: "B2:C3",
                formula: "=$A$1+A2",
                expect: [
                  [1, 2],
                  [3, 4],
                ],
              },
            ],
          }),
        ],
      }),
    );
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("B1").formula).toBe("A1*2");
    expect((ws.getCell("B1") as unknown as { result: unknown }).result).toBe(2);
    expect(ws.getCell("C1").value).toEqual({ formula: "NA()", result: { error: "#N/A" } });
    expect(["B2", "C2", "B3", "C3"].map((a) => ws.getCell(a).formula)).toEqual([
      "$A$1+A2",
      "$A$1+B2",
      "$A$1+A3",
      "$A$1+B3",
    ]);
  });

  it("adds sheets to an existing workbook without touching the existing ones", async () => {
    const wb = new ExcelJS.Workbook();
    const mine = wb.addWorksheet("考核参数");
    mine.getCell("A1").value = "user data";
    mine.getCell("B2").value = { formula: "1+1", result: 2 };
    const before = JSON.stringify(mine.model);
    const report = addPlansToWorkbook(wb, { sheets: [sheet({ name: "考核参数" }), sheet({ name: "考核参数" })] });
    expect(report).toEqual({
      sheets: [
        { planned: "考核参数", actual: "考核参数 (2)", kind: "kpi" },
        { planned: "考核参数", actual: "考核参数 (3)", kind: "kpi" },
      ],
      syncs: 0,
      largestRequestBytes: 0,
    });
    expect(JSON.stringify(mine.model)).toBe(before);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["考核参数", "考核参数 (2)", "考核参数 (3)"]);
  });

  it("refuses a plan name the workbook already has, changing nothing", () => {
    const wb = plansToWorkbook({ sheets: [sheet({ names: [{ name: "SVC_X", range: "A1" }] })] });
    const sheetsBefore = wb.worksheets.length;
    expect(() => addPlansToWorkbook(wb, { sheets: [sheet({ names: [{ name: "svc_x", range: "B1" }] })] })).toThrow(
      PlanError,
    );
    expect(wb.worksheets.length).toBe(sheetsBefore);
  });

  it("writes names with correctly quoted sheet names and finds plans by marker after a rename", async () => {
    const wb = plansToWorkbook(richSamplePlan());
    const xml = (await part(wb, "xl/workbook.xml")).replace(/&apos;/g, "'");
    expect(xml).toContain(`<definedName name="SVC_Weights">'${SETTINGS_SHEET}'!$E$4:$G$4</definedName>`);
    expect(xml).toContain(`<definedName name="SVC_Quoted">'2026'!$B$2:$B$3</definedName>`);
    expect(xml).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="1">'考核表 2026-Q3'!\$1:\$3<\/definedName>/,
    );
    // Rename the sheet the way Excel does: the sheet entry and every reference to it change.
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(await workbookToBuffer(wb));
    const book = (await zip.file("xl/workbook.xml")!.async("string"))
      .split(APPRAISAL_SHEET)
      .join("renamed by the user");
    zip.file("xl/workbook.xml", book);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await zip.generateAsync({ type: "uint8array" })) as unknown as ArrayBuffer);
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
    const wb = plansToWorkbook(richSamplePlan());
    const back = await roundTrip(wb);
    expectRichSampleLayout(back);
    const ws = back.getWorksheet(APPRAISAL_SHEET)!;
    const settings = back.getWorksheet(SETTINGS_SHEET)!;
    expect(settings.getCell("E4").protection).toMatchObject({ locked: false });
    const sheetXml = (await part(wb, "xl/worksheets/sheet2.xml")).replace(/&quot;/g, '"');
    expect(sheetXml).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="17"/);
    expect(sheetXml).toContain(
      '<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="部门" error="请从列表中选择" sqref="C4:C13"><formula1>"维修,接待,备件"</formula1>',
    );
    expect(sheetXml).toContain("<formula1>SVC_Grades</formula1>");
    expect(sheetXml).toContain(`<formula1>${serial(2026, 1, 1)}</formula1>`); // date validation: the serial itself
    // conditional formats in priority order
    const priorities = [...sheetXml.matchAll(/<cfRule type="(\w+)" dxfId="\d+" priority="(\d+)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(priorities).toEqual(
      expect.arrayContaining([
        ["expression", "1"],
        ["cellIs", "2"],
        ["cellIs", "3"],
      ]),
    );
    const settingsXml = await part(wb, "xl/worksheets/sheet1.xml");
    expect(settingsXml).toContain('<sheetProtection sheet="1"');
    const tableXml = await part(wb, "xl/tables/table1.xml");
    expect(tableXml).toMatch(/name="SVC_Appraisal"/);
    expect(tableXml).toMatch(/ref="A3:P14"/); // header + 10 rows + totals row
    expect(ws.getCell("A14").value).toBe("Total");
  });

  it("says that charts are left out of sheets added to a workbook, and kept in new files", () => {
    expect(xlsxOmits("charts", "added")).toBe(true);
    expect(xlsxOmits("charts", "new")).toBe(false);
    expect(xlsxOmits("conditionalFormat.stopIfTrue")).toBe(false);
    expect(xlsxOmits("formats.wholeColumns")).toBe(true);
  });

  it("makes table names unique and rewrites structured references", async () => {
    const plan = (): WorkbookPlan => ({
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
    const wb = plansToWorkbook(plan());
    addPlansToWorkbook(wb, plan());
    const back = await roundTrip(wb);
    expect(back.worksheets[1]!.getCell("C1").formula).toBe("SUM(SVC_T_2[h])");
  });
});
