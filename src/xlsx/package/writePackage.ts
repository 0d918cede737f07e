/**
 * Writes prepared sheets as a new .xlsx package, streaming: each worksheet part is produced row
 * by row (sheetPart.ts) and deflated into the zip as it goes (zip.ts), so memory holds one row
 * of output, the styles met so far and the plan — not the file. Tables, drawings and charts
 * follow their sheet; the styles part and the workbook part come last, when every style and
 * name is known.
 *
 * Why our own parts rather than exceljs's streaming WorkbookWriter: it cannot write charts, it
 * cannot add sheets to an existing package (issue 11 needs both), it has no shared formulas and
 * writes every string into one shared-strings table kept until the end. The generators here take
 * a style registry and id allocators as arguments, so a later step can seed them from a user's
 * workbook and graft the same parts into it.
 */
import type { PreparedSheet } from "../../sheets/formula/prepare";
import { parseRange } from "../../sheets/formula/a1";
import { chartXml, drawingXml, type AnchoredChart } from "./chartPart";
import { sheetContent } from "./sheetContent";
import { worksheetXml } from "./sheetPart";
import { StyleRegistry } from "./styles";
import { tableXml } from "./tablePart";
import {
  appXml,
  contentTypesXml,
  newPackageIds,
  rootRelsXml,
  sheetDefinedNames,
  workbookXml,
  type DefinedNameEntry,
  type PackageIds,
  type PartEntry,
  type SheetEntry,
} from "./workbookParts";
import { CONTENT_TYPE, REL, relationshipsXml } from "./xml";
import { StreamingZip, type ByteSink, type ZipOptions } from "./zip";

export interface PackageOptions extends ZipOptions {
  /** Index (into `sheets`) of the sheet to show first. */
  readonly activeSheet?: number;
  /**
   * Rows of cell content written so far, of all the sheets' rows: after each chunk of a sheet's
   * rows and at each sheet's end (the browser pane's "rows written").
   */
  readonly onRows?: (p: { readonly rowsWritten: number; readonly rowsTotal: number }) => void;
}

interface SheetLayout {
  readonly prepared: PreparedSheet;
  readonly path: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly tables: readonly { readonly id: number; readonly path: string; readonly relId: string }[];
  readonly drawing?: {
    readonly path: string;
    readonly relId: string;
    readonly charts: readonly { readonly path: string; readonly chart: AnchoredChart }[];
  };
}

/** Decides every part name and relationship id before a byte is written. */
function layout(sheets: readonly PreparedSheet[], ids: PackageIds): SheetLayout[] {
  return sheets.map((prepared) => {
    const n = ids.sheets.take();
    let rel = 1;
    const tables = (prepared.plan.tables ?? []).map(() => {
      const id = ids.tables.take();
      return { id, path: `xl/tables/table${id}.xml`, relId: `rId${rel++}` };
    });
    const specs = (prepared.plan.charts ?? []).filter((c) => c.series.length > 0);
    let drawing: SheetLayout["drawing"];
    if (specs.length) {
      const d = ids.drawings.take();
      drawing = {
        path: `xl/drawings/drawing${d}.xml`,
        relId: `rId${rel++}`,
        charts: specs.map((spec, i) => ({
          path: `xl/charts/chart${ids.charts.take()}.xml`,
          chart: { spec, relId: `rId${i + 1}` },
        })),
      };
    }
    return {
      prepared,
      path: `xl/worksheets/sheet${n}.xml`,
      sheetId: n,
      relId: `rId${ids.workbookRels.take()}`,
      tables,
      ...(drawing ? { drawing } : {}),
    };
  });
}

/** "xl/tables/table1.xml" seen from "xl/worksheets/" → "../tables/table1.xml". */
function fromXlFolder(path: string): string {
  return `../${path.slice("xl/".length)}`;
}

/** Writes a new package holding `sheets` (already prepared: unique names decided) to `sink`. */
export async function writePackage(
  sheets: readonly PreparedSheet[],
  sink: ByteSink,
  options: PackageOptions = {},
): Promise<void> {
  const ids = newPackageIds();
  const sheetLayouts = layout(sheets, ids);
  const stylesRelId = `rId${ids.workbookRels.take()}`;
  const styles = new StyleRegistry();
  const zip = new StreamingZip(sink, options);

  const parts: PartEntry[] = [
    { path: "xl/workbook.xml", contentType: CONTENT_TYPE.workbook },
    { path: "xl/styles.xml", contentType: CONTENT_TYPE.styles },
    { path: "docProps/app.xml", contentType: CONTENT_TYPE.extendedProperties },
  ];
  for (const s of sheetLayouts) {
    parts.push({ path: s.path, contentType: CONTENT_TYPE.worksheet });
    for (const t of s.tables) parts.push({ path: t.path, contentType: CONTENT_TYPE.table });
    if (s.drawing) {
      parts.push({ path: s.drawing.path, contentType: CONTENT_TYPE.drawing });
      for (const c of s.drawing.charts) parts.push({ path: c.path, contentType: CONTENT_TYPE.chart });
    }
  }
  await zip.part("[Content_Types].xml", contentTypesXml(parts));
  await zip.part("_rels/.rels", rootRelsXml());

  const active = options.activeSheet ?? 0;
  // Every sheet's content index (blocks, fills, extent; no rows) up front: the rows total comes from their extents.
  const contents = sheetLayouts.map((s) => sheetContent(s.prepared));
  const rowsTotal = contents.reduce((n, c) => n + c.extent.rows, 0);
  let rowsBefore = 0;
  for (const [index, s] of sheetLayouts.entries()) {
    const content = contents[index]!;
    const onRows = options.onRows;
    const before = rowsBefore;
    zip.beginPart(s.path);
    for (const chunk of worksheetXml(s.prepared, content, {
      styles,
      tableRelIds: s.tables.map((t) => t.relId),
      ...(s.drawing ? { drawingRelId: s.drawing.relId } : {}),
      selected: index === active,
      ...(onRows ? { onRows: (row: number) => onRows({ rowsWritten: before + row, rowsTotal }) } : {}),
    })) {
      await zip.push(chunk);
    }
    await zip.endPart();
    rowsBefore += content.extent.rows;

    const rels: { id: string; type: string; target: string }[] = [];
    for (const [ti, t] of s.tables.entries()) {
      const spec = s.prepared.plan.tables![ti]!;
      const info = content.tables[ti]!;
      await zip.part(
        t.path,
        tableXml({
          id: t.id,
          name: s.prepared.tableNames[ti]!,
          spec,
          rect: parseRange(spec.range),
          headers: info.headers,
        }),
      );
      rels.push({ id: t.relId, type: REL.table, target: fromXlFolder(t.path) });
    }
    if (s.drawing) {
      const d = s.drawing;
      await zip.part(d.path, drawingXml(d.charts.map((c) => c.chart)));
      const dir = d.path.replace(/[^/]+$/, "");
      await zip.part(
        `${dir}_rels/${d.path.slice(dir.length)}.rels`,
        relationshipsXml(d.charts.map((c) => ({ id: c.chart.relId, type: REL.chart, target: fromXlFolder(c.path) }))),
      );
      for (const c of d.charts) await zip.part(c.path, chartXml(s.prepared.actualName, c.chart.spec));
      rels.push({ id: d.relId, type: REL.drawing, target: fromXlFolder(d.path) });
    }
    if (rels.length)
      await zip.part(`xl/worksheets/_rels/${s.path.slice("xl/worksheets/".length)}.rels`, relationshipsXml(rels));
  }

  const names: DefinedNameEntry[] = sheetLayouts.flatMap((s, i) => sheetDefinedNames(s.prepared, i));
  const entries: SheetEntry[] = sheetLayouts.map((s) => ({
    name: s.prepared.actualName,
    sheetId: s.sheetId,
    relId: s.relId,
  }));
  await zip.part("xl/styles.xml", styles.stylesXml());
  await zip.part("xl/workbook.xml", workbookXml({ sheets: entries, names, activeTab: active }));
  await zip.part(
    "xl/_rels/workbook.xml.rels",
    relationshipsXml([
      ...sheetLayouts.map((s) => ({ id: s.relId, type: REL.worksheet, target: s.path.slice("xl/".length) })),
      { id: stylesRelId, type: REL.styles, target: "styles.xml" },
    ]),
  );
  await zip.part("docProps/app.xml", appXml(entries.map((e) => e.name)));
  await zip.end();
}
