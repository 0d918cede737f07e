/**
 * Office.js APIs this folder uses and the ExcelApi requirement set each needs. The manifest
 * declares EXCEL_API_REQUIREMENT (the highest of them), so the add-in never loads where a call
 * would fail. test/manifest/requirements.test.ts derives the highest set from the code's calls
 * (through the TypeScript checker and @types/office-js) and holds this and the manifest to it.
 */
export const EXCEL_API_USED: Readonly<Record<string, string>> = {
  "Workbook.worksheets / WorksheetCollection.add, getItem": "1.1",
  "Worksheet.getRange, delete, activate, tables, charts": "1.1",
  "Range.values, valueTypes, formulas, numberFormat, format.font/fill/borders/alignment/wrapText": "1.1",
  "Range.worksheet, address, rowIndex, columnIndex, rowCount, columnCount": "1.1",
  "Workbook.getSelectedRange, WorksheetCollection.getActiveWorksheet": "1.1",
  "Workbook.names, NamedItem.type/getRange/value (the 1904 date-system probe); Application.calculate": "1.1",
  "TableCollection.add, Table.name, Table.style": "1.1",
  "ChartCollection.add, Chart.setPosition, title, series.getItemAt, axes.valueAxis.minimum/maximum": "1.1",
  "Range.getVisibleView, RangeView.rowCount (rows a filter hides)": "1.3",
  "Range.merge, columnHidden, rowHidden, format.columnWidth/rowHeight, format.protection.locked": "1.2",
  "Worksheet.getUsedRange(valuesOnly)": "1.2",
  "WorksheetProtection.protect": "1.2",
  "Table.showTotals": "1.3",
  "NamedItemCollection.add, getItemOrNullObject; NamedItem.delete, getRangeOrNullObject; WorksheetCollection.getItemOrNullObject":
    "1.4",
  "Worksheet.calculate (the self-check's function cells)": "1.6",
  "Application.suspendApiCalculationUntilNextSync; Range.conditionalFormats (CellValue, Custom), priority, stopIfTrue":
    "1.6",
  "Worksheet.getRangeByIndexes, freezePanes, tabColor": "1.7",
  "Workbook.protection (WorkbookProtection.protected); NamedItem.formula (removing the self-check's names)": "1.7",
  "ChartSeries.setValues, setXAxisValues, chartType; ChartSeriesCollection.add": "1.7",
  "Range.dataValidation (rule, prompt, errorAlert, ignoreBlanks); ChartAxis.numberFormat": "1.8",
  "Range.copyFrom (RangeCopyType Formulas) — fills": "1.9",
  "Worksheet.pageLayout (orientation, paperSize, zoom, margins, centerHorizontally, setPrintTitleRows, setPrintArea, headersFooters), horizontalPageBreaks":
    "1.9",
  "RangeFormat.indentLevel": "1.9",
  "Worksheet.autoFilter (AutoFilter.isDataFiltered)": "1.9",
};

function versionValue(v: string): number {
  const [major, minor] = v.split(".").map(Number);
  return (major ?? 0) * 1000 + (minor ?? 0);
}

/** The highest ExcelApi requirement set used above. The manifest declares this. */
export const EXCEL_API_REQUIREMENT: string = Object.values(EXCEL_API_USED).reduce(
  (a, b) => (versionValue(b) > versionValue(a) ? b : a),
  "1.1",
);
