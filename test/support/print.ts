/**
 * Printing for tests and README pictures: an .xlsx printed to PDF by headless LibreOffice (fresh
 * profile, formulas recalculated on load), and PDF pages rendered to PNG with pdftoppm
 * (Debian: libreoffice-calc, poppler-utils).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { requireSoffice } from "./libreoffice";

const run = promisify(execFile);

const RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`;

/** Prints every visible sheet of the workbook to `<outDir>/<name>.pdf`; returns its path. */
export async function printXlsxToPdf(bytes: Uint8Array, outDir: string, name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "svc-print-"));
  try {
    await mkdir(join(dir, "profile", "user"), { recursive: true });
    await writeFile(join(dir, "profile", "user", "registrymodifications.xcu"), RECALC_XCU);
    await mkdir(outDir, { recursive: true });
    const file = join(dir, `${name}.xlsx`);
    await writeFile(file, bytes);
    await run(
      requireSoffice(),
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        file,
      ],
      { timeout: 240_000 },
    );
    const pdf = join(outDir, `${name}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice produced no ${pdf}`);
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of each PDF page (pdftotext -layout), to find the page a sheet landed on. */
export async function pdfPageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 32 * 1024 * 1024 });
  const pages = stdout.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

/** Renders one page (1-based) to `<outDir>/<name>.png`; returns its path. */
export async function pdfPageToPng(pdf: string, page: number, outDir: string, name: string, dpi = 80): Promise<string> {
  await mkdir(outDir, { recursive: true });
  await run("pdftoppm", [
    "-png",
    "-r",
    String(dpi),
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdf,
    join(outDir, name),
  ]);
  return join(outDir, `${name}.png`);
}
