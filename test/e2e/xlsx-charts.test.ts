/**
 * Charts in .xlsx files (issue 11): every chart type of ChartSpec, written by the streaming writer
 * as DrawingML chart parts, printed by LibreOffice — the printed page shows the charts (pixels of
 * the series colours where the charts are anchored, none without charts) — and every part of the
 * file, charts and drawings included, valid against the Office Open XML schemas (Microsoft's Open
 * XML SDK validator, @ooxml-tools/validate; see validateXlsx below for why not xmllint).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { richSamplePlan } from "../fixtures/plans";
import { demoWorkbook } from "../../src/cli/commands/demo";
import type { ChartType, SheetPlan } from "../../src/sheets/plan";
import { SERIES_COLOURS } from "../../src/xlsx/package/chartPart";
import { xlsxBytes } from "../../src/xlsx/writeXlsx";
import { pdfPageToPng, printXlsxToPdf } from "../support/print";
import { validateMany, validateXlsx } from "../support/validate";

const ROOT = join(__dirname, "..", "..");
const OUT = join(ROOT, "test-output", "xlsx-charts");
const TYPES: ChartType[] = ["column", "bar", "line", "pie", "radar", "columnLine"];

/** One A4 landscape page: a small table and one chart of each type in a 3 × 2 grid. */
function chartsSheet(withCharts: boolean): SheetPlan {
  return {
    name: "图表",
    marker: { kind: "kpi", version: 1, meta: {} },
    markerCell: "Z1",
    cells: [
      {
        at: "A1",
        rows: [
          ["等级", "人数", "目标"],
          ["A", 3, 4],
          ["B", 5, 4],
          ["C", { f: "=B3-1", expect: 4 }, 4],
          ["D", 1, 4],
        ],
      },
    ],
    charts: withCharts
      ? TYPES.map((type, i) => ({
          type,
          title: `图 ${type}`,
          series: [
            { name: "人数", values: "B2:B5", categories: "A2:A5" },
            ...(type === "pie" ? [] : [{ name: "目标", values: "C2:C5", categories: "A2:A5", asLine: true }]),
          ],
          from: `${"EIM"[i % 3]}${1 + Math.floor(i / 3) * 16}`,
          to: `${"GKO"[i % 3]}${15 + Math.floor(i / 3) * 16}`,
          ...(type === "columnLine" ? { yAxis: { min: 0, max: 10, numberFormat: "0" } } : {}),
        }))
      : [],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, fitToHeight: 1, printArea: "A1:O31" },
  };
}

/** Pixels of a PNG whose colour is within `tolerance` of `hex`. */
function pixelsOf(png: PNG, hex: string, tolerance = 24): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (
      Math.abs(png.data[i]! - r!) <= tolerance &&
      Math.abs(png.data[i + 1]! - g!) <= tolerance &&
      Math.abs(png.data[i + 2]! - b!) <= tolerance
    )
      n += 1;
  }
  return n;
}

async function printed(withCharts: boolean, name: string): Promise<PNG> {
  const { bytes } = await xlsxBytes({ sheets: [chartsSheet(withCharts)] });
  const pdf = await printXlsxToPdf(bytes, OUT, name);
  return PNG.sync.read(readFileSync(await pdfPageToPng(pdf, 1, OUT, name, 60)));
}

describe(".xlsx charts", () => {
  it("LibreOffice prints every chart type: the page has the series colours only when the charts are there", async () => {
    const withCharts = await printed(true, "charts");
    const without = await printed(false, "no-charts");
    const [blue, orange] = [SERIES_COLOURS[0]!, SERIES_COLOURS[1]!];
    expect(pixelsOf(without, blue)).toBe(0);
    expect(pixelsOf(without, orange)).toBe(0);
    // Six charts: bars, slices, lines and markers in both series colours.
    expect(pixelsOf(withCharts, blue)).toBeGreaterThan(2_000);
    expect(pixelsOf(withCharts, orange)).toBeGreaterThan(2_000);
    // Every cell of the chart grid (3 columns × 2 rows of the page's right part) holds colour.
    const { width, height } = withCharts;
    for (let gx = 0; gx < 3; gx++) {
      for (let gy = 0; gy < 2; gy++) {
        const region = new PNG({ width: Math.floor(width / 5), height: Math.floor(height / 3) });
        PNG.bitblt(
          withCharts,
          region,
          Math.floor(width * (0.27 + gx * 0.22)),
          Math.floor(height * (0.08 + gy * 0.4)),
          region.width,
          region.height,
          0,
          0,
        );
        expect({
          chart: TYPES[gy * 3 + gx],
          coloured: pixelsOf(region, blue) + pixelsOf(region, orange) > 150,
        }).toEqual({
          chart: TYPES[gy * 3 + gx],
          coloured: true,
        });
      }
    }
  });

  // One validator process for the four packages (its WebAssembly start-up is 7 s; each demo
  // workbook takes about 15 s): a minute on the 2-core machine alone, several under load.
  it("every part is valid against the Office Open XML schemas: charts of each type, the rich sample, the demo workbook", async () => {
    const packages = [
      (await xlsxBytes({ sheets: [chartsSheet(true)] })).bytes,
      (await xlsxBytes(richSamplePlan())).bytes,
      (await demoWorkbook("zh-CN")).bytes,
      (await demoWorkbook("en-US")).bytes,
    ];
    expect(await validateMany(packages)).toEqual([[], [], [], []]);
  }, 900_000);

  it("the validator is not vacuous: a chart part out of schema order, or a bad value, is reported", async () => {
    const files = unzipSync((await xlsxBytes({ sheets: [chartsSheet(true)] })).bytes);
    const chart = strFromU8(files["xl/charts/chart1.xml"]!);
    files["xl/charts/chart1.xml"] = strToU8(
      chart.replace('<c:roundedCorners val="0"/><c:chart>', '<c:chart><c:roundedCorners val="0"/>'),
    );
    files["xl/charts/chart3.xml"] = strToU8(
      strFromU8(files["xl/charts/chart3.xml"]!).replace('<c:axPos val="b"/>', '<c:axPos val="bottom"/>'),
    );
    const problems = await validateXlsx(zipSync(files));
    expect(problems.map((p) => p.path.partUri).sort()).toEqual(["/xl/charts/chart1.xml", "/xl/charts/chart3.xml"]);
  });
});
