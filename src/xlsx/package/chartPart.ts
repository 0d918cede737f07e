/**
 * Charts as DrawingML: one chart part (xl/charts/chartN.xml, `c:chartSpace`, ECMA-376 Part 1
 * §21.2) per ChartSpec, and one drawing part per sheet (xl/drawings/drawingN.xml, `xdr:wsDr`,
 * §20.5) anchoring each chart between two cells. Every series names its values, categories and
 * name explicitly (no guessing from a range, unlike `charts.add` in Office.js), so the file means
 * the same chart the Office.js writer draws. Element order follows the schema's sequences; a test
 * validates the parts against dml-chart.xsd / dml-spreadsheetDrawing.xsd.
 */
import { parseRange, sheetRangeRef } from "../../sheets/formula/a1";
import type { ChartSeries, ChartSpec } from "../../sheets/plan";
import { attr, escapeXml, NS, numberText, XML_DECLARATION } from "./xml";

const CAT_AXIS = 111111;
const VAL_AXIS = 222222;

function richText(s: string): string {
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>${escapeXml(s)}</a:t></a:r></a:p></c:rich>`;
}

/** Series colours (Office's default palette), given explicitly so every viewer draws the same chart. */
export const SERIES_COLOURS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E"];

function colourOf(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length]!;
}

function solid(rgb: string): string {
  return `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
}

function lineProps(rgb: string): string {
  return `<c:spPr><a:ln w="28575" cap="rnd">${solid(rgb)}<a:round/></a:ln></c:spPr>`;
}

function markerXml(rgb: string): string {
  return `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${solid(rgb)}<a:ln>${solid(rgb)}</a:ln></c:spPr></c:marker>`;
}

function seriesXml(sheetName: string, s: ChartSeries, i: number, kind: "bar" | "line" | "pie" | "radar"): string {
  const ref = (a1: string) => escapeXml(sheetRangeRef(sheetName, parseRange(a1), true));
  const rgb = colourOf(i);
  let look: string;
  if (kind === "bar") look = `<c:spPr>${solid(rgb)}</c:spPr><c:invertIfNegative val="0"/>`;
  else if (kind === "pie") {
    // One colour per slice: a pie's points are its categories.
    const cats = parseRange(s.categories);
    const points = Math.max(cats.bottom - cats.top + 1, cats.right - cats.left + 1);
    look = '<c:spPr><a:ln w="12700"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr>';
    for (let p = 0; p < points; p++)
      look += `<c:dPt><c:idx val="${p}"/><c:bubble3D val="0"/><c:spPr>${solid(colourOf(p))}</c:spPr></c:dPt>`;
  } else look = lineProps(rgb) + markerXml(rgb);
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
    look +
    `<c:cat><c:strRef><c:f>${ref(s.categories)}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${ref(s.values)}</c:f></c:numRef></c:val>` +
    (kind === "line" ? '<c:smooth val="0"/>' : "") +
    "</c:ser>"
  );
}

function axesXml(spec: ChartSpec, horizontalBars: boolean): string {
  const y = spec.yAxis;
  const scaling =
    '<c:scaling><c:orientation val="minMax"/>' +
    (y?.max !== undefined ? `<c:max val="${numberText(y.max)}"/>` : "") +
    (y?.min !== undefined ? `<c:min val="${numberText(y.min)}"/>` : "") +
    "</c:scaling>";
  const numFmt =
    y?.numberFormat !== undefined ? `<c:numFmt${attr("formatCode", y.numberFormat)} sourceLinked="0"/>` : "";
  return (
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontalBars ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS}"/>${scaling}<c:delete val="0"/><c:axPos val="${horizontalBars ? "b" : "l"}"/>` +
    `<c:majorGridlines/>${numFmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

const AXIS_IDS = `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/>`;

function barChart(sheet: string, series: readonly ChartSeries[], dir: "col" | "bar", firstIndex: number): string {
  return (
    `<c:barChart><c:barDir val="${dir}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    series.map((s, i) => seriesXml(sheet, s, firstIndex + i, "bar")).join("") +
    `<c:gapWidth val="150"/>${AXIS_IDS}</c:barChart>`
  );
}

function lineChart(sheet: string, series: readonly ChartSeries[], firstIndex: number): string {
  return (
    '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
    series.map((s, i) => seriesXml(sheet, s, firstIndex + i, "line")).join("") +
    `<c:marker val="1"/>${AXIS_IDS}</c:lineChart>`
  );
}

/** The chart part of one ChartSpec on sheet `sheetName` (the sheet's actual name). */
export function chartXml(sheetName: string, spec: ChartSpec): string {
  let plot: string;
  let axes = true;
  switch (spec.type) {
    case "column":
      plot = barChart(sheetName, spec.series, "col", 0);
      break;
    case "bar":
      plot = barChart(sheetName, spec.series, "bar", 0);
      break;
    case "line":
      plot = lineChart(sheetName, spec.series, 0);
      break;
    case "columnLine": {
      // Column series first, then the line series on the same axes (e.g. KPI against its target).
      const columns = spec.series.filter((s) => !s.asLine);
      const lines = spec.series.filter((s) => s.asLine);
      plot = barChart(sheetName, columns, "col", 0) + (lines.length ? lineChart(sheetName, lines, columns.length) : "");
      break;
    }
    case "pie":
      axes = false;
      plot =
        '<c:pieChart><c:varyColors val="1"/>' +
        spec.series.map((s, i) => seriesXml(sheetName, s, i, "pie")).join("") +
        '<c:firstSliceAng val="0"/></c:pieChart>';
      break;
    case "radar":
      plot =
        '<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>' +
        spec.series.map((s, i) => seriesXml(sheetName, s, i, "radar")).join("") +
        `${AXIS_IDS}</c:radarChart>`;
      break;
  }
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.r}">` +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx>${richText(spec.title)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${axes ? axesXml(spec, spec.type === "bar") : ""}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart></c:chartSpace>"
  );
}

export interface AnchoredChart {
  readonly spec: ChartSpec;
  /** Relationship id, in the drawing's relationships, of the chart part. */
  readonly relId: string;
}

/** The drawing part of a sheet: each chart anchored from the top-left of `from` to the bottom-right of `to`. */
export function drawingXml(charts: readonly AnchoredChart[]): string {
  const anchors = charts.map(({ spec, relId }, i) => {
    const from = parseRange(spec.from);
    const to = parseRange(spec.to);
    const marker = (tag: string, col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      '<xdr:twoCellAnchor editAs="oneCell">' +
      marker("from", from.left - 1, from.top - 1) +
      // The bottom-right corner of cell `to` is the top-left corner of the next row and column.
      marker("to", to.right, to.bottom) +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}"${attr("name", `Chart ${i + 1}`)}${attr("descr", spec.title)}/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${relId}"/></a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
    );
  });
  return (
    `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.r}">` +
    anchors.join("") +
    "</xdr:wsDr>"
  );
}
