/**
 * Writes prepared sheets as a new .xlsx package, streaming: each worksheet part is produced row
 * by row (sheetPart.ts) and deflated into the zip as it goes (zip.ts), so memory holds one row
 * of output, the styles met so far and the plan — not the file. Tables, drawings and charts
 * follow their sheet; the styles part and the workbook part come last, when every style and
 * name is known.
 *
 * Why our own parts rather than exceljs's streaming WorkbookWriter: it cannot write charts, it
 * cannot add sheets to an existing package (issue 11 needs both), it has no shared formulas and
 * writes every string into one shared-strings table kept until the end. The sheet parts are
 * laid out and written by `layoutSheets` and `writeSheetParts`, which take a style registry and
 * id allocators as arguments: graft.ts seeds them from a user's workbook and writes the same
 * parts into it.
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

/** Where a prepared sheet's parts go: part names and relationship ids, decided before writing. */
export interface SheetLayout {
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

/** Decides every part name and relationship id of the sheets' parts before a byte is written. */
export function layoutSheets(sheets: readonly PreparedSheet[], ids: PackageIds): SheetLayout[] {
  return sheets.map((prepared) => {
    const sheetId = ids.sheets.take();
    const n = ids.sheetParts.take();
    let rel = 1;
    const tables = (prepared.plan.tables ?? []).map(() => {
      const id = ids.tables.take();
      return { id, path: `xl/tables/table${ids.tableParts.take()}.xml`, relId: `rId${rel++}` };
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
      sheetId,
      relId: `rId${ids.workbookRels.take()}`,
      tables,
      ...(drawing ? { drawing } : {}),
    };
  });
}

/** The content types of the sheets' parts (worksheets, tables, drawings, charts). */
export function sheetPartEntries(layouts: readonly SheetLayout[]): PartEntry[] {
  const parts: PartEntry[] = [];
  for (const s of layouts) {
    parts.push({ path: s.path, contentType: CONTENT_TYPE.worksheet });
    for (const t of s.tables) parts.push({ path: t.path, contentType: CONTENT_TYPE.table });
    if (s.drawing) {
      parts.push({ path: s.drawing.path, contentType: CONTENT_TYPE.drawing });
      for (const c of s.drawing.charts) parts.push({ path: c.path, contentType: CONTENT_TYPE.chart });
    }
  }
  return parts;
}

/** "xl/tables/table1.xml" seen from "xl/worksheets/" → "../tables/table1.xml". */
function fromXlFolder(path: string): string {
  return `../${path.slice("xl/".length)}`;
}

export interface SheetPartsOptions {
  readonly styles: StyleRegistry;
  /** Index (into the layouts) of the sheet whose tab is selected; -1 for none. */
  readonly activeSheet: number;
  /** Days to subtract from date-formatted numbers: 1462 for a 1904-date-system workbook. */
  readonly dateOffset?: number;
  /** Rows written so far of the layouts' rows (PackageOptions.onRows). */
  readonly onRows?: PackageOptions["onRows"];
}

/** Writes each sheet's worksheet part (streamed row by row), its tables, drawing and charts. */
export async function writeSheetParts(
  zip: StreamingZip,
  layouts: readonly SheetLayout[],
  o: SheetPartsOptions,
): Promise<void> {
  // Every sheet's content index (blocks, fills, extent; no rows) up front: the rows total comes from their extents.
  const contents = layouts.map((s) => sheetContent(s.prepared));
  const rowsTotal = contents.reduce((n, c) => n + c.extent.rows, 0);
  const onRows = o.onRows;
  let rowsBefore = 0;
  for (const [index, s] of layouts.entries()) {
    const content = contents[index]!;
    const before = rowsBefore;
    zip.beginPart(s.path);
    for (const chunk of worksheetXml(s.prepared, content, {
      styles: o.styles,
      tableRelIds: s.tables.map((t) => t.relId),
      ...(s.drawing ? { drawingRelId: s.drawing.relId } : {}),
      selected: index === o.activeSheet,
      ...(o.dateOffset ? { dateOffset: o.dateOffset } : {}),
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
}

/** Writes a new package holding `sheets` (already prepared: unique names decided) to `sink`. */
export async function writePackage(
  sheets: readonly PreparedSheet[],
  sink: ByteSink,
  options: PackageOptions = {},
): Promise<void> {
  const ids = newPackageIds();
  const sheetLayouts = layoutSheets(sheets, ids);
  const stylesRelId = `rId${ids.workbookRels.take()}`;
  const styles = new StyleRegistry();
  const zip = new StreamingZip(sink, options);

  const parts: PartEntry[] = [
    { path: "xl/workbook.xml", contentType: CONTENT_TYPE.workbook },
    { path: "xl/styles.xml", contentType: CONTENT_TYPE.styles },
    { path: "docProps/app.xml", contentType: CONTENT_TYPE.extendedProperties },
    ...sheetPartEntries(sheetLayouts),
  ];
  await zip.part("[Content_Types].xml", contentTypesXml(parts));
  await zip.part("_rels/.rels", rootRelsXml());

  const active = options.activeSheet ?? 0;
  await writeSheetParts(zip, sheetLayouts, {
    styles,
    activeSheet: active,
    ...(options.onRows ? { onRows: options.onRows } : {}),
  });

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
