/**
 * Every chart is printed: on every kind of sheet with charts, each chart's cells lie inside one
 * area of its print range, so the printed pages (Excel's and LibreOffice's) carry the charts
 * that the sheet shows. A chart outside the print area is silently missing from paper.
 */
import { DEFAULT_SETTINGS } from "../../core/settings";
import { parseRange, type Rect } from "../formula/a1";
import { printAreas } from "../formula/writeDecisions";
import { buildSampleWorkbook } from "./sampleWorkbook";
import { planWorkbook } from "./planWorkbook";

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;

describe.each(["zh-CN", "en-US"] as const)("printed charts (%s)", (locale) => {
  test("every chart of every sample sheet lies inside one print area", async () => {
    const plans = await buildSampleWorkbook(planWorkbook(), {
      locale,
      settings: DEFAULT_SETTINGS,
      includeSettingsSheet: true,
    });
    const sheets = plans.flatMap((p) => p.sheets);
    const charted = sheets.filter((s) => (s.charts ?? []).length > 0);
    // The appraisal forms, the KPI table, the 6S audits and their summary draw charts.
    expect(new Set(charted.map((s) => s.marker.kind))).toEqual(
      new Set(["appraisal", "kpi", "audit6s", "audit6sSummary"]),
    );
    for (const sheet of charted) {
      const areas = printAreas(sheet.print ?? { orientation: "portrait", paper: "A4", fitToWidth: false }).map(
        parseRange,
      );
      expect(areas.length).toBeGreaterThan(0);
      for (const chart of sheet.charts ?? []) {
        const cells = parseRange(`${chart.from}:${chart.to}`);
        const where = `${sheet.name}: chart "${chart.title}" at ${chart.from}:${chart.to}`;
        expect({ where, printed: areas.some((a) => inside(cells, a)) }).toEqual({ where, printed: true });
      }
    }
  }, 60_000);
});
