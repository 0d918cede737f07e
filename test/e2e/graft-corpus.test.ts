/**
 * Issue 11's proof: sheets grafted into workbooks other programs made (test/support/corpus:
 * XlsxWriter, LibreOffice over python3-uno, exceljs — charts, images, a pivot table, comments,
 * hidden and very hidden sheets, a protected sheet, the user's own SVC_ names, an .xlsm with a
 * VBA project, CJK names, a 1904-date workbook). Every kind of generated sheet (the demo's plans)
 * is added to each, and then:
 * - every part of the original is in the result: byte for byte (the stored bytes themselves), or,
 *   for the parts a graft must change, a superset (every element with every attribute and text);
 * - the Open XML SDK validator finds no error the original did not already have;
 * - LibreOffice opens the result and recalculates our sheets to the engine's numbers;
 * - the original's sheets print the same text as before (pdftotext of the PDF pages).
 *
 * Kept cheap for CI (2 cores, the whole e2e suite inside 20 minutes): the demo's plans are every
 * kind of sheet with a register of ORDERS work orders instead of the demo's 900 (what is proved
 * here is the graft into each foreign package, which does not depend on the register's length; the
 * full-size demo is recalculated by demo-libreoffice.test.ts), so the validator and LibreOffice
 * read a small fraction of the cells. LibreOffice runs twice in all (one run converts every file),
 * and prints only the first PRINTED_PAGES pages of each file: the original's pages and the first
 * added ones, not every page of the new sheets.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { DOMParser, type Element } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { demoWorkbook } from "../../src/cli/commands/demo";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { graftBytes, openOriginal } from "../../src/xlsx/graft";
import { openZip } from "../../src/xlsx/package/open";
import { buildCorpus, type CorpusBook } from "../support/corpus";
import { compareWithPlan, requireSoffice, type Computed } from "../support/libreoffice";
import { isDateFormatCode } from "../../src/xlsx/package/numberFormat";
import { pdfPageTexts } from "../support/print";
import { validateMany } from "../support/validate";

const run = promisify(execFile);

interface Grafted {
  readonly book: CorpusBook;
  readonly bytes: Uint8Array;
  readonly existing: { sheetNames: string[]; definedNames: string[]; tableNames: string[] };
  readonly sheetNames: readonly string[];
}

let plans: WorkbookPlan[];
let grafted: Grafted[];
let work: string;

/** Work orders in the grafted register: enough for every technician's KPI row and both charts. */
const ORDERS = 60;
/** Pages printed of each file; every original in the corpus has fewer, so added pages show. */
const PRINTED_PAGES = 12;

const CHANGED = [
  "[content_types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "docprops/app.xml",
];

beforeAll(async () => {
  requireSoffice();
  work = await mkdtemp(join(tmpdir(), "svc-graft-corpus-"));
  plans = (await demoWorkbook("zh-CN", { orders: ORDERS })).plans;
  const books = await buildCorpus();
  grafted = [];
  for (const book of books) {
    const o = openOriginal(book.bytes);
    const existing = {
      sheetNames: o.sheets.map((s) => s.name),
      definedNames: o.definedNames.filter((n) => !n.name.startsWith("_xlnm.")).map((n) => n.name),
      tableNames: [...o.tableNames],
    };
    const r = await graftBytes(o, plans);
    grafted.push({ book, bytes: r.bytes, existing, sheetNames: r.sheetNames });
  }
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Every element of `original` (with its attributes and own text) has a counterpart in `result`. */
function missingElements(original: string, result: string): string[] {
  const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml").documentElement!;
  const describe = (e: Element): string => {
    const attrs = Array.from(e.attributes)
      .map((a) => `${a.name}=${a.value}`)
      .sort()
      .join(" ");
    return `${e.namespaceURI}|${e.localName}[${attrs}]`;
  };
  const ownText = (e: Element) =>
    Array.from(e.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.nodeValue)
      .join("")
      .trim();
  // Lists' counts and vector sizes grow with what was added; their items are compared instead.
  const VARIABLE = new Set(["count", "size", "fullCalcOnLoad"]);
  const counted = (e: Element) => e.localName === "i4";
  const pool = new Map<string, Element[]>();
  const walk = (e: Element, path: string, visit: (e: Element, path: string) => void) => {
    visit(e, path);
    for (let c = e.firstChild; c; c = c.nextSibling)
      if (c.nodeType === 1) walk(c as Element, `${path}/${(c as Element).localName}`, visit);
  };
  walk(parse(result), "", (e, path) => {
    const key = `${path}|${e.namespaceURI}|${e.localName}`;
    pool.set(key, [...(pool.get(key) ?? []), e]);
  });
  const missing: string[] = [];
  walk(parse(original), "", (e, path) => {
    const candidates = pool.get(`${path}|${e.namespaceURI}|${e.localName}`) ?? [];
    const i = candidates.findIndex(
      (c) =>
        Array.from(e.attributes).every(
          (a) => VARIABLE.has(a.localName ?? a.name) || c.getAttribute(a.name) === a.value,
        ) &&
        (counted(e) || ownText(c) === ownText(e)),
    );
    if (i < 0) missing.push(`${path} ${describe(e)} "${ownText(e)}"`);
    else candidates.splice(i, 1);
  });
  return missing;
}

/** A recalculated 1904 workbook's date-formatted number, in the 1900 system the engine uses. */
function dates1904(cell: ExcelJS.Cell | undefined, actual: Computed): Computed {
  return typeof actual === "number" && cell && isDateFormatCode(cell.numFmt ?? "") ? actual + 1462 : actual;
}

describe("sheets grafted into workbooks other programs made", () => {
  it("keeps every part of each original: byte for byte, or (the parts that must change) with every element it held", () => {
    const report: string[] = [];
    for (const g of grafted) {
      const before = openZip(g.book.bytes);
      const after = openZip(g.bytes);
      let same = 0;
      for (const e of before.entries) {
        expect({ book: g.book.name, part: e.name, present: after.has(e.name) }).toEqual({
          book: g.book.name,
          part: e.name,
          present: true,
        });
        if (CHANGED.includes(e.name.toLowerCase())) {
          const missing = missingElements(before.readText(e.name), after.readText(e.name));
          expect({ book: g.book.name, part: e.name, missing }).toEqual({
            book: g.book.name,
            part: e.name,
            missing: [],
          });
        } else {
          expect(Buffer.compare(Buffer.from(after.raw(e.name)), Buffer.from(before.raw(e.name)))).toBe(0);
          same++;
        }
      }
      report.push(
        `${g.book.name} (${g.book.maker}): ${before.entries.length} parts, ${same} copied byte for byte, ${after.entries.length - before.entries.length} added`,
      );
    }
    console.log(report.join("\n"));
    const macro = grafted.find((g) => g.book.name.endsWith(".xlsm"))!;
    expect(openZip(macro.bytes).readText("[Content_Types].xml")).toContain("macroEnabled.main+xml");
    expect(openZip(macro.bytes).has("xl/vbaProject.bin")).toBe(true);
  });

  it("the Open XML SDK validator finds no error the original did not already have", async () => {
    const results = await validateMany(grafted.flatMap((g) => [g.book.bytes, g.bytes]));
    const key = (p: { description: string; path: { partUri: string } }) => `${p.path.partUri}: ${p.description}`;
    const lines: string[] = [];
    for (const [i, g] of grafted.entries()) {
      const before = new Set(results[2 * i]!.map(key));
      const after = results[2 * i + 1]!.map(key);
      lines.push(`${g.book.name}: original ${before.size} error(s), result ${after.length}`);
      expect({ book: g.book.name, newErrors: after.filter((e) => !before.has(e)) }).toEqual({
        book: g.book.name,
        newErrors: [],
      });
    }
    console.log(lines.join("\n"));
  });

  it("LibreOffice recalculates the new sheets to the engine's numbers and prints the original sheets as before", async () => {
    // One soffice run recalculates every result; one prints every original and every result.
    const profile = join(work, "profile");
    await mkdir(join(profile, "user"), { recursive: true });
    await writeFile(
      join(profile, "user", "registrymodifications.xcu"),
      '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
    );
    const inDir = join(work, "in");
    await mkdir(inDir, { recursive: true });
    const names: string[] = [];
    for (const [i, g] of grafted.entries()) {
      const ext = g.book.name.slice(g.book.name.lastIndexOf("."));
      await writeFile(join(inDir, `before${i}${ext}`), g.book.bytes);
      await writeFile(join(inDir, `after${i}${ext}`), g.bytes);
      names.push(`before${i}${ext}`, `after${i}${ext}`);
    }
    const soffice = (format: string, outDir: string, files: string[]) =>
      run(
        requireSoffice(),
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          "--headless",
          "--norestore",
          "--nologo",
          "--nodefault",
          "--convert-to",
          format,
          "--outdir",
          outDir,
          ...files.map((f) => join(inDir, f)),
        ],
        { timeout: 600_000, maxBuffer: 1 << 24 },
      );
    await soffice(
      "xlsx:Calc MS Excel 2007 XML",
      join(work, "recalc"),
      names.filter((n) => n.startsWith("after")),
    );
    // The PDF export's page range (LibreOffice 7.4+ takes filter options as JSON on the command line).
    await soffice(
      `pdf:calc_pdf_Export:${JSON.stringify({ PageRange: { type: "string", value: `1-${PRINTED_PAGES}` } })}`,
      join(work, "pdf"),
      names,
    );

    const merged: WorkbookPlan = { sheets: plans.flatMap((p) => p.sheets) };
    const lines: string[] = [];
    for (const [i, g] of grafted.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(join(work, "recalc", `after${i}.xlsx`))) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name).slice(0, g.existing.sheetNames.length)).toEqual(g.existing.sheetNames);
      // A 1904 workbook computes dates in its own system: its date-formatted results are the
      // engine's 1900-system serials less 1462 days (the reader moves them back the same way).
      const date1904 = openOriginal(g.book.bytes).date1904;
      const summary = compareWithPlan(merged, wb, 0, g.existing, date1904 ? dates1904 : undefined);
      lines.push(`${g.book.name}: ${summary.describe(5)}`);
      expect({ book: g.book.name, problems: summary.problems.slice(0, 5) }).toEqual({
        book: g.book.name,
        problems: [],
      });
      expect(summary.cellsCompared).toBeGreaterThan(1000);

      const before = await pdfPageTexts(join(work, "pdf", `before${i}.pdf`));
      const after = await pdfPageTexts(join(work, "pdf", `after${i}.pdf`));
      // An original as long as the range would hide the added pages: raise PRINTED_PAGES.
      expect({ book: g.book.name, originalPages: before.length < PRINTED_PAGES }).toEqual({
        book: g.book.name,
        originalPages: true,
      });
      expect(after.length).toBeGreaterThan(before.length);
      expect({ book: g.book.name, pages: after.slice(0, before.length) }).toEqual({ book: g.book.name, pages: before });
      lines.push(
        `  printed: ${before.length} page(s) of the original unchanged, then ${after.length - before.length} of the added sheets`,
      );
    }
    console.log(lines.join("\n"));
  });
});
