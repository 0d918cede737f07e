/**
 * The printed 6S sheets, as LibreOffice prints them: the audit sheet must come out as exactly one
 * A4 page per area (page breaks and fit-to-width together), in Chinese and in English, and the
 * pictures for the README are rendered from the PDF (`pdftoppm -png -r 80`):
 * docs/screenshots/audit6s-print.png (the first area's page) and audit6s-summary-print.png.
 *
 * Needs LibreOffice (soffice) and poppler-utils (pdfinfo, pdftoppm).
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { DEFAULT_CHECKLIST, type ScaleId } from "../../src/core/audit6s/engine";
import { audit6sPlan, audit6sSummaryPlan, demoEntries, readAudits } from "../../src/sheets/audit6s";
import { settingsPlan } from "../../src/sheets/settings";
import type { SheetPlan } from "../../src/sheets/plan";
import { addPlansToWorkbook, workbookToBuffer } from "../support/exceljs/write";
import { findPlansInWorkbook } from "../support/exceljs/read";
import { workbookReader } from "../support/exceljs/reader";
import { requireSoffice } from "../support/libreoffice";
import { day } from "../fixtures/audit6s/randomAudits";

const run = promisify(execFile);
const ROOT = join(__dirname, "..", "..");
const DOCS = join(ROOT, "docs", "screenshots");
const OUT = join(ROOT, "test-output", "audit6s-print");

/** Prints the workbook's visible sheets to PDF with LibreOffice; returns the PDF path. */
async function printToPdf(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "svc-6s-print-"));
  try {
    await mkdir(join(dir, "profile", "user"), { recursive: true });
    await writeFile(
      join(dir, "profile", "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
    );
    const file = join(dir, `${name}.xlsx`);
    await writeFile(file, await workbookToBuffer(wb));
    await run(
      requireSoffice(),
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        OUT,
        file,
      ],
      { timeout: 240_000 },
    );
    const pdf = join(OUT, `${name}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice produced no ${pdf}`);
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of each page of a PDF (LibreOffice prints every sheet, so tests pick their pages by text). */
async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 32 * 1024 * 1024 });
  const pages = stdout.split("\f");
  if (pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

/** Renders one page (1-based) to PNG at 80 dpi. */
async function toPng(pdf: string, page: number, name: string): Promise<string> {
  await run("pdftoppm", [
    "-png",
    "-r",
    "80",
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdf,
    join(OUT, name),
  ]);
  return join(OUT, `${name}.png`);
}

/** Pages of an audit sheet: each must hold exactly one area — its header and its signature lines. */
function auditPages(texts: readonly string[], title: string, areaLabel: string, signLabel: string): string[] {
  const pages = texts.filter((t) => t.includes(title));
  for (const p of pages) {
    expect(p.split(areaLabel).length - 1).toBe(1);
    expect(p.split(signLabel).length - 1).toBe(1);
  }
  return pages;
}

function audit(areas: string[], date: number, locale: "zh-CN" | "en-US", scale: ScaleId = "0-5"): SheetPlan {
  const checklist = DEFAULT_CHECKLIST.map((it, i) => (i === 15 || i === 19 ? { ...it, critical: true } : it));
  const r = audit6sPlan({
    areas,
    date,
    inspector: locale === "zh-CN" ? "王建国" : "Wang Jianguo",
    unit: locale === "zh-CN" ? "售后服务部 一站" : "After-sales, station 1",
    scale,
    checklist,
    weights: "settings",
    locale,
    settings: DEFAULT_SETTINGS,
    entries: demoEntries(checklist, areas.length, scale, date, locale),
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

/** A workbook with the settings sheet (the names the formulas use) and the given sheets. */
function workbook(locale: "zh-CN" | "en-US", sheets: SheetPlan[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addPlansToWorkbook(wb, { sheets: [settingsPlan(DEFAULT_SETTINGS, locale), ...sheets], activate: 1 });
  return wb;
}

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  mkdirSync(DOCS, { recursive: true });
});

describe("printed 6S sheets (LibreOffice → PDF → PNG)", () => {
  test("the audit sheet prints one A4 page per area (Chinese); the first page goes to the README", async () => {
    const wb = workbook("zh-CN", [audit(["维修车间", "备件库", "接待区"], day(2026, 11, 20), "zh-CN")]);
    const pdf = await printToPdf(wb, "audit6s-zh");
    const texts = await pageTexts(pdf);
    const pages = auditPages(texts, "售后服务现场 6S 检查表", "检查区域", "被检查部门负责人（签字）");
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => /检查区域\s+(\S+)/.exec(p)![1])).toEqual(["维修车间", "备件库", "接待区"]);
    const first = texts.indexOf(pages[0]) + 1;
    copyFileSync(await toPng(pdf, first, "audit6s-zh-p1"), join(DOCS, "audit6s-print.png"));
    copyFileSync(await toPng(pdf, first + 1, "audit6s-zh-p2"), join(DOCS, "audit6s-print-2.png"));
  });

  test("English, pass/fail and a long checklist still print one page per area", async () => {
    const long = [
      ...DEFAULT_CHECKLIST,
      ...DEFAULT_CHECKLIST.map((it) => ({
        ...it,
        text: "Additional check: items on site are orderly, labelled and have an owner",
      })),
    ];
    const r = audit6sPlan({
      areas: ["Workshop", "Parts store"],
      date: day(2026, 11, 20),
      scale: "passFail",
      checklist: long,
      weights: "settings",
      locale: "en-US",
      settings: DEFAULT_SETTINGS,
    });
    if (!r.ok) throw new Error(r.problem.message.en);
    const pdf = await printToPdf(
      workbook("en-US", [r.value.plan, audit(["Reception"], day(2026, 11, 21), "en-US", "passFail")]),
      "audit6s-en",
    );
    const texts = await pageTexts(pdf);
    const pages = auditPages(texts, "After-sales service 6S audit", "Area ", "Head of audited unit (signature)");
    expect(pages).toHaveLength(3);
    await toPng(pdf, texts.indexOf(pages[0]) + 1, "audit6s-en-p1");
  });

  test("the summary prints; its picture goes to the README", async () => {
    const wb = workbook("zh-CN", [
      audit(["维修车间", "备件库"], day(2026, 10, 16), "zh-CN"),
      audit(["维修车间", "备件库", "接待区"], day(2026, 11, 6), "zh-CN"),
      audit(["维修车间", "服务车"], day(2026, 11, 20), "zh-CN", "0-10"),
    ]);
    const found = findPlansInWorkbook(wb);
    const { audits, problems } = await readAudits(found, workbookReader(wb).readRanges, DEFAULT_SETTINGS);
    expect(problems).toEqual([]);
    const summary = audit6sSummaryPlan({
      audits,
      month: 202611,
      asOf: day(2026, 11, 30),
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
    });
    if (!summary.ok) throw new Error(summary.problem.message.en);
    addPlansToWorkbook(wb, { sheets: [summary.value.plan] });
    const pdf = await printToPdf(wb, "audit6s-summary");
    const texts = await pageTexts(pdf);
    const page = texts.findIndex((t) => t.includes("6S 检查汇总 — 2026-11")) + 1;
    expect(page).toBeGreaterThan(0);
    // The report on its page, the open actions from the top of the next; the source rows are not printed.
    expect(texts[page]).toContain("未完成的整改");
    expect(texts.some((t) => t.includes("数据来源"))).toBe(false);
    copyFileSync(await toPng(pdf, page, "audit6s-summary-p1"), join(DOCS, "audit6s-summary-print.png"));
  });
});
