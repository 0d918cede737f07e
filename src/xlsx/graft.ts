/**
 * Adding generated sheets to a workbook the user gives us (CLI `--in`, audit6s-summary, browser
 * mode after opening a file) at the package level: the new sheets are written into the user's
 * own package by the same part writers as new files (writePackage.ts: sheets streamed row by row,
 * tables, charts), and every other part of the original is copied as it was stored — the
 * compressed bytes themselves, never inflated and deflated again, so each copied part is
 * byte-for-byte the original (pivot tables and caches, images, charts, comments, VBA projects,
 * slicers, custom XML, theme, external links, other sheets).
 *
 * Only the parts that must change are rewritten, through a DOM that keeps everything they held
 * (package/graftParts.ts): the workbook part (new <sheet> entries, defined names merged, a full
 * recalculation on load), its relationships, [Content_Types].xml, the styles part (entries
 * appended; existing indexes unchanged) and docProps/app.xml (sheet titles). Every name is
 * decided against the original: sheet names (case-insensitive, "Name (2)"), defined names
 * (a user's own SVC_… names are kept and never repointed), table names and ids, part names and
 * relationship ids. The workbook part keeps its content type, so an .xlsm stays an .xlsm.
 *
 * In a 1904-date-system workbook the new sheets' date-formatted numbers (values, cached results,
 * date validation bounds) are written in that system; formulas are system-independent.
 *
 * What is refused, with one bilingual line and nothing written: everything package/open.ts
 * refuses (encrypted, .xls, .xlsb, .ods, Strict, broken zips), an entry whose bytes fail their
 * checksum, a protected workbook structure, a digitally signed or a shared workbook, a main part
 * that is no workbook (see package/original.ts). No DOM and no Node APIs: runs in a Web Worker.
 */
import { serializeXml } from "./package/dom";
import {
  addContentTypes,
  addRelationships,
  addSheetTitles,
  addToWorkbook,
  appendStyles,
  stylesSeed,
} from "./package/graftParts";
import { openOriginal, relativeTarget, type OriginalWorkbook } from "./package/original";
import { StyleRegistry } from "./package/styles";
import { IdAllocator, sheetDefinedNames, type PackageIds, type PartEntry } from "./package/workbookParts";
import { layoutSheets, sheetPartEntries, writeSheetParts } from "./package/writePackage";
import { CONTENT_TYPE, REL } from "./package/xml";
import { collectBytes, StreamingZip, type ByteSink } from "./package/zip";
import type { WorkbookPlan, WriteReport } from "../sheets/plan";
import { asList, mergeReports, prepareNewFile, type XlsxOptions } from "./writeXlsx";

export { openOriginal, type OriginalWorkbook } from "./package/original";

/** Days between the 1900 and the 1904 date systems' serial 0. */
const DATE1904_OFFSET = 1462;

export interface GraftResult {
  /** The sheets added (planned and actual names), in order. */
  readonly report: WriteReport;
  /** Every sheet of the result, the original's first. */
  readonly sheetNames: readonly string[];
  /** The extension the result needs: the original's kind (.xlsx, .xlsm, .xltx, .xltm). */
  readonly extension: OriginalWorkbook["extension"];
}

const consumed = new WeakSet<OriginalWorkbook>();

/** Seeds the part and id counters past everything the original uses. */
function seededIds(original: OriginalWorkbook): PackageIds {
  const pathFree = (pattern: (n: number) => string) => (n: number) =>
    !original.takenPaths.has(pattern(n).toLowerCase());
  const maxSheetId = original.sheets.reduce((m, s) => Math.max(m, Number.isInteger(s.sheetId) ? s.sheetId : 0), 0);
  return {
    sheets: new IdAllocator(maxSheetId + 1),
    sheetParts: new IdAllocator(
      1,
      pathFree((n) => `xl/worksheets/sheet${n}.xml`),
    ),
    tables: new IdAllocator(original.maxTableId + 1),
    tableParts: new IdAllocator(
      1,
      pathFree((n) => `xl/tables/table${n}.xml`),
    ),
    drawings: new IdAllocator(
      1,
      pathFree((n) => `xl/drawings/drawing${n}.xml`),
    ),
    charts: new IdAllocator(
      1,
      pathFree((n) => `xl/charts/chart${n}.xml`),
    ),
    workbookRels: new IdAllocator(1, (n) => !original.workbookRelIds.has(`rId${n}`)),
  };
}

/**
 * Writes the user's workbook `original` with the plans' sheets added to `sink`. Throws
 * PackageError (a workbook that cannot be extended safely) or PlanError (a plan that cannot be
 * written, e.g. a name it needs is taken) before the first byte reaches the sink.
 */
export async function graftPlans(
  original: Uint8Array | OriginalWorkbook,
  plans: WorkbookPlan | readonly WorkbookPlan[],
  sink: ByteSink,
  options: XlsxOptions = {},
): Promise<GraftResult> {
  const o = "pkg" in original ? original : openOriginal(original);
  // The original's DOM documents are changed in place: one graft per opened workbook.
  if (consumed.has(o)) throw new Error("an opened workbook can take one graft; open it again");
  consumed.add(o);
  const file = prepareNewFile(asList(plans), {
    sheetNames: o.sheets.map((s) => s.name),
    // Sheet-local names too: ours are workbook-wide and must not be shadowed on any sheet.
    definedNames: o.definedNames.filter((n) => !n.name.startsWith("_xlnm.")).map((n) => n.name),
    tableNames: o.tableNames,
  });
  const ids = seededIds(o);
  const layouts = layoutSheets(file.sheets, ids);

  // Styles: appended to the original's part, or a part of our own when it has none.
  const styles = new StyleRegistry(o.styles ? stylesSeed(o.styles.doc) : undefined);
  const newStyles = o.styles ? null : { path: freePath(o, "xl/styles.xml"), relId: `rId${ids.workbookRels.take()}` };

  // The parts that change, decided before anything is written.
  const first = o.sheets.length;
  addToWorkbook(
    o.workbook,
    layouts.map((s) => ({ name: s.prepared.actualName, sheetId: s.sheetId, relId: s.relId })),
    layouts.flatMap((s, i) => sheetDefinedNames(s.prepared, first + i)),
  );
  addRelationships(o.workbookRels, [
    ...layouts.map((s) => ({ id: s.relId, type: REL.worksheet, target: relativeTarget(o.workbookPart, s.path) })),
    ...(newStyles
      ? [{ id: newStyles.relId, type: REL.styles, target: relativeTarget(o.workbookPart, newStyles.path) }]
      : []),
  ]);
  const parts: PartEntry[] = [
    ...sheetPartEntries(layouts),
    ...(newStyles ? [{ path: newStyles.path, contentType: CONTENT_TYPE.styles }] : []),
  ];
  addContentTypes(o.contentTypes, parts);
  const appChanged = o.app
    ? addSheetTitles(
        o.app.doc,
        o.sheets.map((s) => s.name),
        layouts.map((s) => s.prepared.actualName),
      )
    : false;

  const replaced = new Map<string, string>([
    ["[Content_Types].xml".toLowerCase(), serializeXml(o.contentTypes)],
    [o.workbookPart.toLowerCase(), serializeXml(o.workbook)],
    [o.workbookRelsPart.toLowerCase(), serializeXml(o.workbookRels)],
  ]);
  if (o.app && appChanged) replaced.set(o.app.part.toLowerCase(), serializeXml(o.app.doc));
  const stylesPart = o.styles?.part.toLowerCase();

  const zip = new StreamingZip(sink, options);
  for (const e of o.pkg.entries) {
    const lower = e.name.toLowerCase();
    const changed = replaced.get(lower);
    if (changed !== undefined) await zip.part(e.name, changed);
    else if (lower !== stylesPart)
      await zip.copy(e.name, o.pkg.raw(e.name), {
        method: e.method,
        crc: e.crc,
        size: e.declaredSize,
        dosTime: e.dosTime,
      });
  }
  await writeSheetParts(zip, layouts, {
    styles,
    activeSheet: -1,
    ...(o.date1904 ? { dateOffset: DATE1904_OFFSET } : {}),
    ...(options.onRows ? { onRows: options.onRows } : {}),
  });
  if (o.styles) {
    appendStyles(o.styles.doc, styles);
    await zip.part(o.styles.part, serializeXml(o.styles.doc));
  } else await zip.part(newStyles!.path, styles.stylesXml());
  await zip.end();

  return {
    report: mergeReports(file.reports),
    sheetNames: [...o.sheets.map((s) => s.name), ...layouts.map((s) => s.prepared.actualName)],
    extension: o.extension,
  };
}

/** `path`, or path with a number before the extension, whichever the package does not hold. */
function freePath(o: OriginalWorkbook, path: string): string {
  if (!o.takenPaths.has(path.toLowerCase())) return path;
  for (let n = 2; ; n++) {
    const candidate = path.replace(/\.xml$/, `${n}.xml`);
    if (!o.takenPaths.has(candidate.toLowerCase())) return candidate;
  }
}

/** The grafted workbook in memory (tests, the browser adapter). */
export async function graftBytes(
  original: Uint8Array | OriginalWorkbook,
  plans: WorkbookPlan | readonly WorkbookPlan[],
  options: XlsxOptions = {},
): Promise<GraftResult & { bytes: Uint8Array }> {
  const { result, bytes } = await collectBytes((sink) => graftPlans(original, plans, sink, options));
  return { ...result, bytes };
}
