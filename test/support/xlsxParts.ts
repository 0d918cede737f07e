/**
 * Builds .xlsx packages part by part, for tests that need exactly the XML another program (or
 * an attacker) would write: hidden first sheets, the 1904 date system, long digit strings in
 * `<v>`, a bad shared-string index, a stray cell in row 1,048,576. Nothing here is used by the
 * product; the bytes are a plain zip of the given parts (fflate's zipSync).
 */
import { zipSync, strToU8, type Zippable } from "fflate";

export interface TestSheet {
  readonly name: string;
  readonly state?: "hidden" | "veryHidden";
  /** The <sheetData> rows (and anything after, e.g. <mergeCells>), as XML. */
  readonly body: string;
}

export interface TestBook {
  readonly sheets: readonly TestSheet[];
  readonly sharedStrings?: readonly string[];
  readonly date1904?: boolean;
  /** <definedName> elements, as XML. */
  readonly definedNames?: string;
  /** cellXfs numFmtIds, style index = position (0 = General). */
  readonly cellXfs?: readonly number[];
  /** Extra or replaced parts (path → content). */
  readonly parts?: Readonly<Record<string, string | Uint8Array>>;
  /** Compression level (0 = stored). */
  readonly level?: 0 | 1 | 6 | 9;
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

export function buildXlsx(book: TestBook): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, content: string | Uint8Array): void => {
    files[path] = typeof content === "string" ? strToU8(content) : content;
  };
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetEls = book.sheets
    .map(
      (s, i) =>
        `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} ${rns}>${book.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<sheets>${sheetEls}</sheets>${book.definedNames ? `<definedNames>${book.definedNames}</definedNames>` : ""}</workbook>`,
  );
  const n = book.sheets.length;
  const rels = book.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  book.sheets.forEach((s, i) =>
    put(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns} ${rns}>${s.body.includes("<sheetData") ? s.body : `<sheetData>${s.body}</sheetData>`}</worksheet>`,
    ),
  );
  const ss = book.sharedStrings ?? [];
  put(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${ss.length}" uniqueCount="${ss.length}">${ss.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`,
  );
  const xfs = book.cellXfs ?? [0];
  put(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${ns}><cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}"/>`).join("")}</cellXfs></styleSheet>`,
  );
  for (const [path, content] of Object.entries(book.parts ?? {})) put(path, content);
  const zippable: Zippable = {};
  for (const [k, v] of Object.entries(files)) zippable[k] = [v, { level: book.level ?? 6 }];
  return zipSync(zippable);
}

/** A row of inline-string or number cells: `row(2, ["W1", 46300.5, null])`. */
export function row(r: number, cells: readonly (string | number | null)[], attrs = ""): string {
  const col = (i: number): string => {
    let s = "";
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const cs = cells
    .map((v, i) => {
      if (v === null) return "";
      const ref = `${col(i)}${r}`;
      return typeof v === "number"
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    })
    .join("");
  return `<row r="${r}"${attrs}>${cs}</row>`;
}
