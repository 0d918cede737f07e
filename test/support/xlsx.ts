/** Test helpers: a plan written by the .xlsx writer and read back with exceljs (as a user's tool would). */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { APPRAISAL_SHEET } from "../fixtures/plans";
import { xlsxBytes } from "../../src/xlsx/writeXlsx";

/** Bytes of a .xlsx file loaded with exceljs. */
export async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The plans written as a new file by the streaming writer, then loaded with exceljs. */
export async function planWorkbook(plans: WorkbookPlan | readonly WorkbookPlan[]): Promise<ExcelJS.Workbook> {
  return loadXlsx((await xlsxBytes(plans)).bytes);
}

/**
 * Renames a sheet inside a file the way Excel does: the sheet entry and every defined name that
 * refers to it change (the sheet's marker cell does not), in xl/workbook.xml only.
 */
export function renameSheetInFile(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const files = unzipSync(bytes);
  const book = strFromU8(files["xl/workbook.xml"]!);
  files["xl/workbook.xml"] = strToU8(book.split(from).join(to));
  return zipSync(files);
}

/**
 * What both .xlsx writers must show of the rich sample plan's appraisal sheet when read back:
 * formats, merges, columns, rows, frozen panes, print setup, header and tab colour.
 */
export function expectRichSampleLayout(back: ExcelJS.Workbook): void {
  const ws = back.getWorksheet(APPRAISAL_SHEET)!;
  expect(ws.getCell("A3").font?.bold).toBe(true);
  expect(ws.getCell("A3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
  expect(ws.getCell("D4").numFmt).toBe("0.00");
  expect(ws.getCell("K4").numFmt).toBe("yyyy-mm-dd");
  expect(ws.getCell("A4").border?.left?.style).toBe("medium"); // outline after grid
  expect(ws.getCell("B4").border?.left?.style).toBe("thin");
  expect(ws.getCell("B1").isMerged).toBe(true);
  expect(ws.getColumn("Q").hidden).toBe(true);
  expect(ws.getColumn("Z").hidden).toBe(true); // marker column
  expect(ws.getColumn("A").width).toBe(10);
  expect(ws.getRow(1).height).toBe(28);
  expect(ws.getRow(16).hidden).toBe(true);
  expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3 });
  expect(ws.pageSetup).toMatchObject({
    orientation: "landscape",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: "1:3",
    horizontalCentered: true,
  });
  expect(ws.headerFooter.oddHeader).toBe("&C售后服务人员考核表 &P / &N");
  expect(ws.properties.tabColor).toEqual({ argb: "FF1F4E79" });
}
