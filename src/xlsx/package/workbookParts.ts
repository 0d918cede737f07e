/**
 * The workbook-level parts of a package: xl/workbook.xml (sheets, defined names, calculation
 * properties), its relationships, [Content_Types].xml, the root relationships and
 * docProps/app.xml — each from a list of entries that a later graft could append to an
 * existing workbook's own.
 */
import { formatRange, parseRange, quoteSheetName, sheetRangeRef } from "../../sheets/formula/a1";
import type { PreparedSheet } from "../../sheets/formula/prepare";
import { printAreas, printTitleRows, printTitleRowsRef } from "../../sheets/formula/writeDecisions";
import { attr, CONTENT_TYPE, escapeXml, NS, REL, relationshipsXml, XML_DECLARATION } from "./xml";

/**
 * Hands out numbers from a seed: relationship ids, part numbers, table ids, sheet ids. `isFree`
 * (for adding to an existing package) skips numbers already used there.
 */
export class IdAllocator {
  private next: number;
  constructor(
    first = 1,
    private readonly isFree: (n: number) => boolean = () => true,
  ) {
    this.next = first;
  }
  take(): number {
    while (!this.isFree(this.next)) this.next++;
    return this.next++;
  }
}

/** The counters a package writer draws from; seed them from an existing workbook to add to it. */
export interface PackageIds {
  /** The workbook's sheetId attribute. */
  readonly sheets: IdAllocator;
  /** sheetN.xml part numbers. */
  readonly sheetParts: IdAllocator;
  /** Table ids (unique in the workbook). */
  readonly tables: IdAllocator;
  /** tableN.xml part numbers. */
  readonly tableParts: IdAllocator;
  readonly drawings: IdAllocator;
  readonly charts: IdAllocator;
  /** Relationship ids in xl/_rels/workbook.xml.rels. */
  readonly workbookRels: IdAllocator;
}

export function newPackageIds(): PackageIds {
  return {
    sheets: new IdAllocator(),
    sheetParts: new IdAllocator(),
    tables: new IdAllocator(),
    tableParts: new IdAllocator(),
    drawings: new IdAllocator(),
    charts: new IdAllocator(),
    workbookRels: new IdAllocator(),
  };
}

export interface DefinedNameEntry {
  readonly name: string;
  /** The reference, without "=". */
  readonly ref: string;
  /** Index of the sheet the name is local to (built-in print names). */
  readonly localSheetId?: number;
  readonly comment?: string;
}

/** The names a prepared sheet adds: the plan's, its marker, and its print titles and area. */
export function sheetDefinedNames(sheet: PreparedSheet, sheetIndex: number): DefinedNameEntry[] {
  const plan = sheet.plan;
  const out: DefinedNameEntry[] = (plan.names ?? []).map((n) => ({
    name: n.name,
    ref: sheetRangeRef(sheet.actualName, parseRange(n.range), true),
    ...(n.comment !== undefined ? { comment: n.comment } : {}),
  }));
  out.push({ name: sheet.markerName, ref: sheetRangeRef(sheet.actualName, parseRange(plan.markerCell), true) });
  const p = plan.print;
  if (p) {
    const titles = printTitleRows(p);
    if (titles) {
      out.push({
        name: "_xlnm.Print_Titles",
        ref: `${quoteSheetName(sheet.actualName)}!${printTitleRowsRef(titles)}`,
        localSheetId: sheetIndex,
      });
    }
    const areas = printAreas(p);
    if (areas.length > 0) {
      out.push({
        name: "_xlnm.Print_Area",
        // Several areas are one name, its references joined by commas (ECMA-376 Part 1, 18.2.5).
        ref: areas.map((a) => sheetRangeRef(sheet.actualName, parseRange(a), true)).join(","),
        localSheetId: sheetIndex,
      });
    }
  }
  return out;
}

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
}

export function workbookXml(o: {
  readonly sheets: readonly SheetEntry[];
  readonly names: readonly DefinedNameEntry[];
  readonly activeTab: number;
}): string {
  // Excel wants defined names sorted (it repairs the file otherwise); built-in names sort as written.
  const names = [...o.names].sort((a, b) =>
    a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0,
  );
  return (
    `${XML_DECLARATION}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}">` +
    '<workbookPr defaultThemeVersion="124226"/>' +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000"${o.activeTab ? ` activeTab="${o.activeTab}"` : ""}/></bookViews>` +
    `<sheets>${o.sheets.map((s) => `<sheet${attr("name", s.name)} sheetId="${s.sheetId}" r:id="${s.relId}"/>`).join("")}</sheets>` +
    (names.length
      ? `<definedNames>${names
          .map(
            (n) =>
              `<definedName${attr("name", n.name)}${attr("comment", n.comment)}${attr("localSheetId", n.localSheetId)}>${escapeXml(n.ref)}</definedName>`,
          )
          .join("")}</definedNames>`
      : "") +
    // Every formula is recalculated when the file is opened: the cached values are only the engine's forecast.
    '<calcPr calcId="191029" fullCalcOnLoad="1"/>' +
    "</workbook>"
  );
}

export interface PartEntry {
  /** Part name without the leading "/", e.g. "xl/worksheets/sheet1.xml". */
  readonly path: string;
  readonly contentType: string;
}

export function contentTypesXml(parts: readonly PartEntry[]): string {
  return (
    `${XML_DECLARATION}<Types xmlns="${NS.contentTypes}">` +
    `<Default Extension="rels" ContentType="${CONTENT_TYPE.rels}"/><Default Extension="xml" ContentType="${CONTENT_TYPE.xml}"/>` +
    parts.map((p) => `<Override PartName="/${escapeXml(p.path, true)}" ContentType="${p.contentType}"/>`).join("") +
    "</Types>"
  );
}

export function rootRelsXml(): string {
  return relationshipsXml([
    { id: "rId1", type: REL.officeDocument, target: "xl/workbook.xml" },
    { id: "rId2", type: REL.extendedProperties, target: "docProps/app.xml" },
  ]);
}

export function appXml(sheetNames: readonly string[]): string {
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    "<Application>Service Appraisal</Application>" +
    `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${sheetNames.map((n) => `<vt:lpstr>${escapeXml(n)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts>` +
    "</Properties>"
  );
}

/** A range of the plan's sheet as an absolute reference on its actual sheet (charts, names). */
export function absoluteRange(sheetName: string, a1: string): string {
  return `${quoteSheetName(sheetName)}!${formatRange(parseRange(a1), true)}`;
}
