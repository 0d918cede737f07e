/**
 * The changes a graft makes to the parts of a user's workbook that must change, each on the
 * part's DOM (dom.ts) so that everything the part held stays: new <sheet> entries and defined
 * names in the workbook part, relationships, content-type overrides, style entries appended
 * after the existing ones (existing indexes unchanged), and sheet titles in the app properties.
 * Element order follows the schemas' sequences (ECMA-376 Part 1: CT_Workbook §18.2.27,
 * CT_Stylesheet §18.8.39; OPC Part 2 for relationships and content types).
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import type { StyleRegistry, StylesSeed } from "./styles";
import type { DefinedNameEntry, PartEntry, SheetEntry } from "./workbookParts";
import { childElement, childElements, createElement, insertInOrder, recount, setNamespacedAttribute } from "./dom";
import { CONTENT_TYPE, escapeXml, NS } from "./xml";

/** CT_Workbook's children after <definedNames>, in order. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Adds the new sheets at the end of <sheets>, their defined names into <definedNames> (each
 * before the first existing name that sorts after it, so a sorted list stays sorted and the
 * existing order is kept), and asks for a full recalculation on load, as new files do (the
 * cached results of our formulas are the engine's forecast).
 */
export function addToWorkbook(doc: Document, sheets: readonly SheetEntry[], names: readonly DefinedNameEntry[]): void {
  const root = doc.documentElement!;
  const sheetsEl = childElement(root, NS.main, "sheets")!;
  for (const s of sheets) {
    const el = createElement(sheetsEl, NS.main, "sheet");
    el.setAttribute("name", s.name);
    el.setAttribute("sheetId", String(s.sheetId));
    setNamespacedAttribute(el, NS.r, "r", "id", s.relId);
    sheetsEl.appendChild(el);
  }
  if (names.length) {
    const list =
      childElement(root, NS.main, "definedNames") ??
      insertInOrder(root, createElement(root, NS.main, "definedNames"), AFTER_DEFINED_NAMES);
    for (const n of names) {
      const el = createElement(list, NS.main, "definedName");
      el.setAttribute("name", n.name);
      if (n.comment !== undefined) el.setAttribute("comment", n.comment);
      if (n.localSheetId !== undefined) el.setAttribute("localSheetId", String(n.localSheetId));
      el.appendChild(doc.createTextNode(n.ref));
      const next = childElements(list).find(
        (e) => e.localName === "definedName" && compareNames(e.getAttribute("name") ?? "", n.name) > 0,
      );
      list.insertBefore(el, next ?? null);
    }
  }
  const calc =
    childElement(root, NS.main, "calcPr") ??
    insertInOrder(root, createElement(root, NS.main, "calcPr"), AFTER_DEFINED_NAMES.slice(1));
  calc.setAttribute("fullCalcOnLoad", "1");
}

/** Appends relationships to a relationships part. */
export function addRelationships(
  doc: Document,
  rels: readonly { readonly id: string; readonly type: string; readonly target: string }[],
): void {
  const root = doc.documentElement!;
  for (const r of rels) {
    const el = createElement(root, NS.relationships, "Relationship");
    el.setAttribute("Id", r.id);
    el.setAttribute("Type", r.type);
    el.setAttribute("Target", r.target);
    root.appendChild(el);
  }
}

/** Adds an Override per new part, and the `rels` default when the package had none. */
export function addContentTypes(doc: Document, parts: readonly PartEntry[]): void {
  const root = doc.documentElement!;
  const hasRelsDefault = childElements(root).some(
    (e) => e.localName === "Default" && (e.getAttribute("Extension") ?? "").toLowerCase() === "rels",
  );
  if (!hasRelsDefault) {
    const d = createElement(root, NS.contentTypes, "Default");
    d.setAttribute("Extension", "rels");
    d.setAttribute("ContentType", CONTENT_TYPE.rels);
    root.insertBefore(d, root.firstChild);
  }
  for (const p of parts) {
    const el = createElement(root, NS.contentTypes, "Override");
    el.setAttribute("PartName", `/${p.path}`);
    el.setAttribute("ContentType", p.contentType);
    root.appendChild(el);
  }
}

// ── styles ──────────────────────────────────────────────────────────────────────────────────

/** CT_Stylesheet's children, in order. */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** The defaults a list needs before our entries can point at index 0 (and fills 0–1), as a new file has them. */
const LIST_DEFAULTS: Readonly<Record<string, readonly string[]>> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

const ITEM: Readonly<Record<string, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
  dxfs: "dxf",
};

/** Parses `<font>…</font>…` fragments (written by styles.ts without a namespace) as SpreadsheetML elements. */
function fragments(xml: string): Element[] {
  const doc = new DOMParser().parseFromString(`<x xmlns="${NS.main}">${xml}</x>`, "text/xml");
  return childElements(doc.documentElement!);
}

function items(list: Element | null, name: string): number {
  return list ? childElements(list).filter((e) => e.namespaceURI === NS.main && e.localName === name).length : 0;
}

/** The styles part's list `name`, created in schema order when missing. */
function list(root: Element, name: string): Element {
  return (
    childElement(root, NS.main, name) ??
    insertInOrder(root, createElement(root, NS.main, name), STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1))
  );
}

function append(doc: Document, target: Element, xml: readonly string[]): void {
  if (xml.length === 0) return;
  for (const el of fragments(xml.join(""))) target.appendChild(doc.importNode(el, true));
}

/**
 * What the styles part already holds, as the seed of a StyleRegistry that numbers its entries
 * after these. Lists that lack the defaults new entries rely on (font 0, fills 0–1, border 0,
 * the Normal cell-style xf) get them first; nothing existing is renumbered.
 */
export function stylesSeed(doc: Document): StylesSeed {
  const root = doc.documentElement!;
  for (const [name, defaults] of Object.entries(LIST_DEFAULTS)) {
    const have = items(childElement(root, NS.main, name), ITEM[name]!);
    if (have < defaults.length) {
      const el = list(root, name);
      append(doc, el, defaults.slice(have));
      recount(el, NS.main, ITEM[name]!);
    }
  }
  const numFmts = new Map<string, number>();
  let maxId = 163;
  for (const n of childElements(childElement(root, NS.main, "numFmts") ?? root).filter(
    (e) => e.localName === "numFmt",
  )) {
    const id = Number(n.getAttribute("numFmtId"));
    const code = n.getAttribute("formatCode");
    if (!Number.isInteger(id)) continue;
    maxId = Math.max(maxId, id);
    if (code !== null && !numFmts.has(code)) numFmts.set(code, id);
  }
  return {
    fonts: items(childElement(root, NS.main, "fonts"), "font"),
    fills: items(childElement(root, NS.main, "fills"), "fill"),
    borders: items(childElement(root, NS.main, "borders"), "border"),
    cellXfs: items(childElement(root, NS.main, "cellXfs"), "xf"),
    dxfs: items(childElement(root, NS.main, "dxfs"), "dxf"),
    nextNumFmtId: maxId + 1,
    numFmts,
  };
}

/** Appends the registry's new entries after the existing ones and updates the lists' counts. */
export function appendStyles(doc: Document, registry: StyleRegistry): void {
  const root = doc.documentElement!;
  const add = registry.additions();
  const lists: [string, readonly string[]][] = [
    ["numFmts", add.numFmts.map((n) => `<numFmt numFmtId="${n.id}" formatCode="${escapeXml(n.code, true)}"/>`)],
    ["fonts", add.fonts],
    ["fills", add.fills],
    ["borders", add.borders],
    ["cellXfs", add.cellXfs],
    ["dxfs", add.dxfs],
  ];
  for (const [name, xml] of lists) {
    if (xml.length === 0) continue;
    const el = list(root, name);
    append(doc, el, xml);
    el.setAttribute("count", String(items(el, ITEM[name]!)));
  }
}

// ── app properties ──────────────────────────────────────────────────────────────────────────

const EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
const VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

/**
 * Adds the new sheet names to docProps/app.xml's list of worksheet titles (HeadingPairs gives
 * each group's count; TitlesOfParts lists the titles group by group). The worksheet group is the
 * one whose titles are the workbook's sheet names; when none is found the part is left as it
 * was (Excel rewrites it on save; nothing reads it to open the file). Returns whether it changed.
 */
export function addSheetTitles(doc: Document, existingSheets: readonly string[], added: readonly string[]): boolean {
  const root = doc.documentElement!;
  const pairs = childElement(childElement(root, EP, "HeadingPairs") ?? root, VT, "vector");
  const titles = childElement(childElement(root, EP, "TitlesOfParts") ?? root, VT, "vector");
  if (!pairs || !titles || added.length === 0) return false;
  const variants = childElements(pairs).filter((e) => e.localName === "variant");
  const titleEls = childElements(titles).filter((e) => e.localName === "lpstr");
  const sheetNames = new Set(existingSheets);
  let offset = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const countEl = childElements(variants[i + 1]!).find((e) => e.localName === "i4");
    const count = Number(countEl?.textContent ?? NaN);
    if (!countEl || !Number.isInteger(count) || count < 0) return false;
    const group = titleEls.slice(offset, offset + count);
    if (count > 0 && group.length === count && group.every((t) => sheetNames.has(t.textContent ?? ""))) {
      const after = group[group.length - 1]!;
      let at = after.nextSibling;
      for (const name of added) {
        const el = createElement(titles, VT, "lpstr");
        el.appendChild(doc.createTextNode(name));
        titles.insertBefore(el, at);
        at = el.nextSibling;
      }
      countEl.textContent = String(count + added.length);
      if (titles.hasAttribute("size")) titles.setAttribute("size", String(titleEls.length + added.length));
      return true;
    }
    offset += count;
  }
  return false;
}
