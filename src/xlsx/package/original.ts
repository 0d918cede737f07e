/**
 * A user's workbook, read for adding sheets to it (graft.ts): what its package holds and what a
 * graft must not collide with (sheet names, defined names, table names and ids, part names,
 * relationship ids), the parts a graft changes as DOM documents, and every reason the package
 * must not be changed at all.
 *
 * Before anything is written every entry is inflated once and checked against the CRC-32 and
 * size its central directory declares, so an entry that is damaged is refused here rather than
 * copied into the result; the copies themselves are the stored bytes, never inflated again.
 */
import { ZipPassThrough } from "fflate";
import type { Document, Element } from "@xmldom/xmldom";
import { text } from "../../core/i18n/text";
import { childElement, childElements, descendants, parseXmlPart } from "./dom";
import {
  DEFAULT_LIMITS,
  openXlsxPackage,
  PackageError,
  type OpenPackage,
  type PackageEntry,
  type PackageLimits,
} from "./open";
import { NS, REL } from "./xml";

/** Main-part content types of the workbooks a graft accepts, and the file extension each one needs. */
export const WORKBOOK_KINDS: Readonly<Record<string, ".xlsx" | ".xlsm" | ".xltx" | ".xltm">> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": ".xlsx",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": ".xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": ".xltx",
  "application/vnd.ms-excel.template.macroEnabled.main+xml": ".xltm",
};

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface OriginalSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly state: SheetState;
}

export interface OriginalName {
  readonly name: string;
  readonly localSheetId?: number;
}

/** A workbook package opened for a graft. */
export interface OriginalWorkbook {
  readonly pkg: OpenPackage;
  readonly workbookPart: string;
  /** The workbook part's content type (kept: an .xlsm stays an .xlsm). */
  readonly workbookContentType: string;
  /** The extension a file of this workbook must have (.xlsx, .xlsm, .xltx, .xltm). */
  readonly extension: ".xlsx" | ".xlsm" | ".xltx" | ".xltm";
  readonly contentTypes: Document;
  readonly workbook: Document;
  readonly workbookRelsPart: string;
  readonly workbookRels: Document;
  /** The styles part and its document; null when the workbook has none. */
  readonly styles: { readonly part: string; readonly doc: Document } | null;
  /** docProps/app.xml (or wherever the root relationships put it); null when absent. */
  readonly app: { readonly part: string; readonly doc: Document } | null;
  /** Every sheet (worksheets, chart sheets…), in workbook order. */
  readonly sheets: readonly OriginalSheet[];
  readonly definedNames: readonly OriginalName[];
  readonly tableNames: readonly string[];
  /** The largest table id in use (0 without tables). */
  readonly maxTableId: number;
  readonly date1904: boolean;
  /** Lower-cased names of every entry (OPC part names compare case-insensitively). */
  readonly takenPaths: ReadonlySet<string>;
  /** Relationship ids of the workbook part's relationships. */
  readonly workbookRelIds: ReadonlySet<string>;
}

function refuse(code: "corrupt" | "protected" | "signed" | "shared" | "notSpreadsheet", zh: string, en: string) {
  return new PackageError(code, text(zh, en));
}

function corrupt(detail: string): PackageError {
  return refuse(
    "corrupt",
    `.xlsx 文件已损坏或不完整（${detail}）：请在 Excel 中重新保存`,
    `the .xlsx file is damaged or incomplete (${detail}): save it again in Excel`,
  );
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** A target for `toPath` relative to the folder of `fromPart` ("xl/workbook.xml", "xl/worksheets/sheet9.xml" → "worksheets/sheet9.xml"). */
export function relativeTarget(fromPart: string, toPath: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPath.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Inflates every entry once and compares it with the CRC-32 and size the archive declares. */
function checkEntries(pkg: OpenPackage): void {
  const seen = new Set<string>();
  for (const e of pkg.entries) {
    const lower = e.name.toLowerCase();
    if (seen.has(lower)) throw corrupt(`two entries named ${e.name}`);
    seen.add(lower);
    if (e.declaredSize > 0xfffffffe || e.compressedSize > 0xfffffffe) throw corrupt(`${e.name} is larger than 4 GB`);
    const probe = new ZipPassThrough(e.name);
    probe.ondata = () => undefined;
    pkg.stream(e.name, (chunk) => probe.push(chunk, false));
    probe.push(new Uint8Array(0), true);
    if (probe.size !== e.declaredSize || probe.crc >>> 0 !== e.crc >>> 0) throw corrupt(`${e.name} fails its checksum`);
  }
}

function entryNamed(pkg: OpenPackage, path: string): PackageEntry | undefined {
  const lower = path.toLowerCase();
  return pkg.entries.find((e) => e.name.toLowerCase() === lower);
}

function readDoc(pkg: OpenPackage, path: string): Document {
  const entry = entryNamed(pkg, path);
  if (!entry) throw corrupt(`missing ${path}`);
  return parseXmlPart(entry.name, pkg.readText(entry.name));
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function relationshipsOf(doc: Document): Relationship[] {
  return descendants(doc, NS.relationships, "Relationship").map((r) => ({
    id: r.getAttribute("Id") ?? "",
    type: r.getAttribute("Type") ?? "",
    target: r.getAttribute("Target") ?? "",
    external: r.getAttribute("TargetMode") === "External",
  }));
}

function isTrue(v: string | null): boolean {
  return v === "1" || v === "true";
}

/**
 * Opens a workbook for a graft. Throws PackageError (bilingual, one line) for everything
 * open.ts refuses and for packages that must not be changed: damaged entries, a workbook whose
 * structure is protected, a digitally signed or shared (change-tracked) workbook, a main part
 * that is no workbook a graft knows.
 */
export function openOriginal(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): OriginalWorkbook {
  const { pkg, workbookPart } = openXlsxPackage(bytes, limits);
  checkEntries(pkg);
  if (pkg.entries.some((e) => e.name.toLowerCase().startsWith("_xmlsignatures/")))
    throw refuse(
      "signed",
      "工作簿有数字签名：添加工作表会使签名失效，未做任何修改。请先在 Excel 中删除签名，或另存一份副本再试",
      "the workbook is digitally signed: adding sheets would invalidate the signature, so nothing was changed; remove the signature in Excel (or save a copy without it) and try again",
    );
  if (pkg.entries.some((e) => e.name.toLowerCase().startsWith("xl/revisions/")))
    throw refuse(
      "shared",
      "这是共享工作簿（含修订记录）：添加工作表会破坏修订记录，未做任何修改。请在 Excel 中取消共享后再试",
      "this is a shared workbook (it keeps a revision log): adding sheets would break the log, so nothing was changed; stop sharing it in Excel and try again",
    );

  const contentTypes = readDoc(pkg, "[Content_Types].xml");
  const override = descendants(contentTypes, NS.contentTypes, "Override").find(
    (o) => (o.getAttribute("PartName") ?? "").replace(/^\//, "").toLowerCase() === workbookPart.toLowerCase(),
  );
  const workbookContentType = override?.getAttribute("ContentType") ?? "";
  const extension = WORKBOOK_KINDS[workbookContentType];
  if (!extension)
    throw refuse(
      "notSpreadsheet",
      `工作簿主部件的类型“${workbookContentType || "（无）"}”无法添加工作表：请另存为 .xlsx 再试`,
      `sheets cannot be added to a workbook whose main part is of type "${workbookContentType || "(none)"}": save it as .xlsx and try again`,
    );

  const workbook = readDoc(pkg, workbookPart);
  const root = workbook.documentElement!;
  if (root.namespaceURI !== NS.main || root.localName !== "workbook")
    throw corrupt(`${workbookPart} holds no workbook`);
  const protection = childElement(root, NS.main, "workbookProtection");
  if (protection && isTrue(protection.getAttribute("lockStructure")))
    throw refuse(
      "protected",
      "工作簿结构受保护（不能添加工作表）：请在 Excel 中“审阅 → 保护工作簿”取消保护后再试，未做任何修改",
      "the workbook's structure is protected (no sheets can be added): unprotect it in Excel (Review → Protect Workbook) and try again; nothing was changed",
    );
  const date1904 = isTrue(childElement(root, NS.main, "workbookPr")?.getAttribute("date1904") ?? null);
  const sheetsEl = childElement(root, NS.main, "sheets");
  if (!sheetsEl) throw corrupt(`${workbookPart} lists no sheets`);
  const sheets: OriginalSheet[] = childElements(sheetsEl)
    .filter((e) => e.localName === "sheet")
    .map((e) => {
      const state = e.getAttribute("state");
      return {
        name: e.getAttribute("name") ?? "",
        sheetId: Number(e.getAttribute("sheetId") ?? 0),
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
      };
    });
  const definedNames: OriginalName[] = descendants(root, NS.main, "definedName").map((e) => {
    const local = e.getAttribute("localSheetId");
    return {
      name: e.getAttribute("name") ?? "",
      ...(local !== null && local !== "" ? { localSheetId: Number(local) } : {}),
    };
  });

  const workbookRelsPart = relsPathOf(workbookPart);
  const workbookRels = readDoc(pkg, workbookRelsPart);
  const rels = relationshipsOf(workbookRels);
  const stylesRel = rels.find((r) => !r.external && r.type === REL.styles);
  const stylesPath = stylesRel ? entryNamed(pkg, resolveTarget(workbookPart, stylesRel.target))?.name : undefined;
  const styles = stylesPath ? { part: stylesPath, doc: readDoc(pkg, stylesPath) } : null;

  let app: OriginalWorkbook["app"] = null;
  if (entryNamed(pkg, "_rels/.rels")) {
    const appRel = relationshipsOf(readDoc(pkg, "_rels/.rels")).find(
      (r) => !r.external && r.type === REL.extendedProperties,
    );
    const appPath = appRel ? entryNamed(pkg, resolveTarget("", appRel.target))?.name : undefined;
    if (appPath) app = { part: appPath, doc: readDoc(pkg, appPath) };
  }

  // Tables: every table part a worksheet points at (names are unique across the workbook).
  const tableNames: string[] = [];
  let maxTableId = 0;
  for (const r of rels) {
    if (r.external || r.type !== REL.worksheet) continue;
    const sheetPart = resolveTarget(workbookPart, r.target);
    const sheetRels = entryNamed(pkg, relsPathOf(sheetPart));
    if (!sheetRels) continue;
    for (const t of relationshipsOf(readDoc(pkg, sheetRels.name))) {
      if (t.external || t.type !== REL.table) continue;
      const tablePath = entryNamed(pkg, resolveTarget(sheetPart, t.target))?.name;
      if (!tablePath) continue;
      const table = readDoc(pkg, tablePath).documentElement as Element;
      for (const n of [table.getAttribute("name"), table.getAttribute("displayName")])
        if (n && !tableNames.some((x) => x.toLowerCase() === n.toLowerCase())) tableNames.push(n);
      maxTableId = Math.max(maxTableId, Number(table.getAttribute("id") ?? 0) || 0);
    }
  }

  return {
    pkg,
    workbookPart,
    workbookContentType,
    extension,
    contentTypes,
    workbook,
    workbookRelsPart: entryNamed(pkg, workbookRelsPart)!.name,
    workbookRels,
    styles,
    app,
    sheets,
    definedNames,
    tableNames,
    maxTableId,
    date1904,
    takenPaths: new Set(pkg.entries.map((e) => e.name.toLowerCase())),
    workbookRelIds: new Set(rels.map((r) => r.id)),
  };
}
