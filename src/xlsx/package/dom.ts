/**
 * The XML parts of a user's workbook that a graft must change (workbook, relationships, content
 * types, styles, app properties), as DOM documents: @xmldom/xmldom parses them and writes them
 * back with every element, attribute, namespace declaration and prefix they held (unknown
 * elements, mc:Ignorable, extLst included) — our additions are the only difference. Parts are
 * small (a styles part of a few MB at most), so a DOM is fine here; sheets never go through it.
 *
 * A DOCTYPE is refused before parsing: Office never writes one, and it is the door to entity
 * expansion.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { text } from "../../core/i18n/text";
import { PackageError } from "./open";

function damaged(part: string, detail: string): PackageError {
  return new PackageError(
    "corrupt",
    text(
      `.xlsx 文件已损坏（“${part}”不是有效的 XML：${detail}）：请在 Excel 中打开并重新保存`,
      `the .xlsx file is damaged ("${part}" is not valid XML: ${detail}): open it in Excel and save it again`,
    ),
  );
}

/** Parses a part's text; a DOCTYPE or malformed XML is a PackageError naming the part. */
export function parseXmlPart(part: string, xml: string): Document {
  if (/<!DOCTYPE/i.test(xml)) throw damaged(part, "DOCTYPE");
  let failure: string | null = null;
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") failure ??= String(message).split("\n")[0]!.slice(0, 80);
    },
  }).parseFromString(xml, "text/xml");
  if (failure !== null || !doc.documentElement) throw damaged(part, failure ?? "no root element");
  return doc;
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

/** The element children of a node. */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

/** The first child element with this local name in this namespace, or null. */
export function childElement(node: Node, ns: string, localName: string): Element | null {
  return childElements(node).find((e) => e.namespaceURI === ns && e.localName === localName) ?? null;
}

/** Every descendant element with this local name in this namespace, in document order. */
export function descendants(node: Node, ns: string, localName: string): Element[] {
  return Array.from((node as Element | Document).getElementsByTagNameNS(ns, localName));
}

/**
 * A new element in namespace `ns`, written with the prefix `context` uses for it (none when it
 * is the default namespace there), so additions look like the part's own elements.
 */
export function createElement(context: Element, ns: string, localName: string): Element {
  const doc = context.ownerDocument!;
  const prefix = context.namespaceURI === ns ? context.prefix : context.lookupPrefix(ns);
  return doc.createElementNS(ns, prefix ? `${prefix}:${localName}` : localName);
}

/**
 * Sets an attribute in namespace `ns` (e.g. r:id) with the prefix the part declares for it; when
 * the part declares none, `fallbackPrefix` is declared on the root element.
 */
export function setNamespacedAttribute(
  el: Element,
  ns: string,
  fallbackPrefix: string,
  localName: string,
  value: string,
): void {
  let prefix = el.lookupPrefix(ns);
  if (!prefix) {
    const root = el.ownerDocument!.documentElement!;
    prefix = fallbackPrefix;
    root.setAttributeNS("http://www.w3.org/2000/xmlns/", `xmlns:${prefix}`, ns);
  }
  el.setAttributeNS(ns, `${prefix}:${localName}`, value);
}

/**
 * Inserts `child` into `parent` before the first existing child element whose local name is in
 * `before` (the elements a schema sequence puts after it), or at the end.
 */
export function insertInOrder(parent: Element, child: Element, before: readonly string[]): Element {
  const next = childElements(parent).find((e) => before.includes(e.localName ?? ""));
  parent.insertBefore(child, next ?? null);
  return child;
}

/** Sets a list element's `count` attribute to its number of child elements, when it has one. */
export function recount(list: Element, ns: string, itemName: string): void {
  if (!list.hasAttribute("count")) return;
  list.setAttribute(
    "count",
    String(childElements(list).filter((e) => e.namespaceURI === ns && e.localName === itemName).length),
  );
}
