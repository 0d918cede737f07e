/**
 * The graft corpus: workbooks made by other programs, built by the test setup from the
 * project's own files (an icon as the image; the macro project is the example vbaProject.bin
 * Debian's python3-xlsxwriter ships) — nothing downloaded, nothing binary committed.
 *
 * - XlsxWriter (xlsxwriter_corpus.py): chart, image, comments, hidden and very hidden sheets, a
 *   protected sheet, CJK names, the user's own SVC_ names; an .xlsm with a VBA project; a
 *   1904-date-system workbook.
 * - LibreOffice over python3-uno (libreoffice_corpus.py): a pivot table, a chart, an image and a
 *   comment, saved by LibreOffice as .xlsx.
 * - exceljs: an image, a note, a table, data validation and defined names.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { requireSoffice } from "../libreoffice";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..", "..");
const ICON = join(ROOT, "assets", "icon-64.png");
/** Debian's python3-xlsxwriter example macro project (a real VBA project, 15,872 bytes). */
export const VBA_PROJECT = "/usr/share/doc/python3-xlsxwriter/examples/vbaProject.bin";
const PYTHON = "/usr/bin/python3";

export interface CorpusBook {
  readonly name: string;
  readonly maker: string;
  readonly bytes: Uint8Array;
}

async function xlsxWriterBooks(dir: string): Promise<CorpusBook[]> {
  await run(PYTHON, [join(__dirname, "xlsxwriter_corpus.py"), dir, ICON, VBA_PROJECT], { timeout: 60_000 });
  return Promise.all(
    ["xw-features.xlsx", "xw-macro.xlsm", "xw-1904.xlsx"].map(async (name) => ({
      name,
      maker: "XlsxWriter",
      bytes: new Uint8Array(await readFile(join(dir, name))),
    })),
  );
}

async function libreOfficeBook(dir: string): Promise<CorpusBook> {
  const profile = join(dir, "lo-profile");
  await mkdir(profile, { recursive: true });
  const pipe = `svccorpus${process.pid}`;
  const soffice = spawn(
    requireSoffice(),
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--nodefault",
      `--accept=pipe,name=${pipe};urp;`,
    ],
    { stdio: "ignore" },
  );
  const out = join(dir, "lo-pivot.xlsx");
  try {
    await run(PYTHON, [join(__dirname, "libreoffice_corpus.py"), pipe, out, ICON], { timeout: 120_000 });
  } catch (e) {
    // Once seen on a loaded machine: the script ended with nothing on stderr. Say how it ended.
    const { code, signal, stderr } = e as { code?: unknown; signal?: unknown; stderr?: string };
    throw new Error(`libreoffice_corpus.py failed (exit ${String(code)}, signal ${String(signal)}): ${stderr ?? ""}`);
  } finally {
    soffice.kill();
  }
  return { name: "lo-pivot.xlsx", maker: "LibreOffice (python3-uno)", bytes: new Uint8Array(await readFile(out)) };
}

async function exceljsBook(): Promise<CorpusBook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("客户 Customers");
  ws.addRow(["客户", "电话", "等级"]);
  ws.addRow(["甲公司", "010-1234", "A"]);
  ws.addRow(["乙公司", "021-5678", "B"]);
  ws.getCell("A2").note = "重点客户";
  ws.addTable({
    name: "Clients",
    ref: "A5",
    headerRow: true,
    columns: [{ name: "名称" }, { name: "数量" }],
    rows: [
      ["x", 1],
      ["y", 2],
    ],
  });
  ws.getCell("C2").dataValidation = { type: "list", allowBlank: true, formulae: ['"A,B,C"'] };
  wb.definedNames.add("'客户 Customers'!$A$2:$A$3", "SVC_Clients");
  const image = wb.addImage({ buffer: (await readFile(ICON)) as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(image, "E2:F5");
  return { name: "exceljs.xlsx", maker: "exceljs", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

/** Builds every corpus workbook (about 15 s: one LibreOffice start, two Python runs). */
export async function buildCorpus(): Promise<CorpusBook[]> {
  if (!existsSync(VBA_PROJECT)) throw new Error(`${VBA_PROJECT} is missing: apt-get install python3-xlsxwriter`);
  const dir = await mkdtemp(join(tmpdir(), "svc-corpus-"));
  try {
    return [...(await xlsxWriterBooks(dir)), await libreOfficeBook(dir), await exceljsBook()];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
