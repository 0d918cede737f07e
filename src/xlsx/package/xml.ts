/**
 * XML text for OOXML parts. Everything a user or a plan can put into a part goes through these:
 * `&`, `<`, `>`, quotes are escaped; characters XML 1.0 cannot hold at all (most C0 controls,
 * lone surrogates, U+FFFE/U+FFFF) are written the way Excel writes them, as `_xHHHH_`; a literal
 * `_xHHHH_` in the text is protected as `_x005F_xHHHH_` so that Excel does not decode it; a
 * carriage return is written `&#13;` so that XML parsers do not turn it into a line feed.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

const NEEDS_WORK = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

/**
 * Escapes text for element content or an attribute value (quotes included, so one function
 * serves both). Tabs and line feeds stay as they are; in attributes they are encoded too.
 */
export function escapeXml(s: string, attribute = false): string {
  if (!NEEDS_WORK.test(s) && !(attribute && /[\t\n]/.test(s))) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = s.charCodeAt(i);
    const esc = ESCAPES[ch];
    if (esc !== undefined) out += esc;
    else if (ch === "\r") out += "&#13;";
    else if (attribute && ch === "\t") out += "&#9;";
    else if (attribute && ch === "\n") out += "&#10;";
    else if (ch === "_" && /^_x[0-9A-Fa-f]{4}_/.test(s.slice(i, i + 7))) out += "_x005F_";
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1]!;
        i += 1;
      } else out += `_x${hex4(code)}_`;
    } else if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
      (code >= 0xd800 && code <= 0xdfff) ||
      code === 0xfffe ||
      code === 0xffff
    )
      out += `_x${hex4(code)}_`;
    else out += ch;
  }
  return out;
}

/** An attribute ` name="value"` (escaped), or "" when the value is undefined. */
export function attr(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined) return "";
  const v = typeof value === "boolean" ? (value ? "1" : "0") : typeof value === "number" ? numberText(value) : value;
  return ` ${name}="${escapeXml(v, true)}"`;
}

/** A number as XML text: the shortest round-trip form JavaScript gives (finite numbers only). */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return Object.is(n, -0) ? "0" : String(n);
}

/** `<t>` content that keeps leading/trailing spaces and line breaks. */
export function textElement(tag: string, s: string): string {
  const preserve = /^[\s]|[\s]$|\n|\t/.test(s) ? ' xml:space="preserve"' : "";
  return `<${tag}${preserve}>${escapeXml(s)}</${tag}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  relationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawingMain: "http://schemas.openxmlformats.org/drawingml/2006/main",
  spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  theme: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;

export const CONTENT_TYPE = {
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  xml: "application/xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  coreProperties: "application/vnd.openxmlformats-package.core-properties+xml",
  extendedProperties: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

/** A relationships part (`_rels/….rels`). */
export function relationshipsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${NS.relationships}">` +
    rels.map((r) => `<Relationship${attr("Id", r.id)}${attr("Type", r.type)}${attr("Target", r.target)}/>`).join("") +
    "</Relationships>"
  );
}
