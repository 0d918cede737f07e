/**
 * 6S audits and their summary, recalculated by headless LibreOffice: every computed cell of the
 * audit sheets and of the 6S汇总 sheet is compared with the TypeScript engine. The audits are
 * random (seeded): scales 0–5/0–4/0–10/pass-fail, scores, N/A and blanks, critical items, custom
 * and settings weights, findings and names that look like formulas, due dates and statuses.
 * The summary is built exactly as the CLI builds it: the audit workbook is written, its audit
 * sheets found by marker and read back, and the summary added to that workbook.
 *
 *   npx jest -c jest.e2e.config.js test/e2e/audit6s-libreoffice.test.ts
 */
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { summarizeAudits } from "../../src/core/audit6s/engine";
import { settingsPlan } from "../../src/sheets/settings";
import { audit6sPlan, audit6sSummaryPlan, readAudits, type Audit6sOptions } from "../../src/sheets/audit6s";
import type { SheetPlan, WorkbookPlan } from "../../src/sheets/plan";
import { addPlansToWorkbook, workbookToBuffer } from "../support/exceljs/write";
import { findPlansInWorkbook } from "../support/exceljs/read";
import { workbookReader } from "../support/exceljs/reader";
import { compareWithPlan, computedValue, recalculateXlsx } from "../support/libreoffice";
import { day, randomAudit } from "../fixtures/audit6s/randomAudits";

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  audit6s: { ...DEFAULT_SETTINGS.audit6s, sWeights: [1, 2, 1, 1, 1, 3] },
};

function build(o: Audit6sOptions): SheetPlan {
  const r = audit6sPlan(o);
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value.plan;
}

/** The audits of an .xlsx workbook, read as the command line reads them (the reader port's batch read). */
function reader(wb: ExcelJS.Workbook) {
  return workbookReader(wb).readRanges;
}

/** Writes settings + audits, reads the audits back by marker, adds the summary; returns the combined plan as written. */
async function auditWorkbook(
  audits: readonly Audit6sOptions[],
  month: number,
  asOf: number,
  locale: "zh-CN" | "en-US",
) {
  const settings = settingsPlan(SETTINGS, locale);
  const plans = audits.map(build);
  const wb = new ExcelJS.Workbook();
  const report = addPlansToWorkbook(wb, { sheets: [settings, ...plans] });
  const written = plans.map((p, i) => ({ ...p, name: report.sheets[i + 1].actual }));
  const found = findPlansInWorkbook(wb);
  const { audits: readings, problems } = await readAudits(found, reader(wb), SETTINGS);
  const summary = audit6sSummaryPlan({ audits: readings, month, asOf, locale, settings: SETTINGS });
  if (!summary.ok) throw new Error(summary.problem.message.en);
  addPlansToWorkbook(wb, { sheets: [summary.value.plan] });
  const plan: WorkbookPlan = { sheets: [settings, ...written, summary.value.plan] };
  return { wb, plan, summary: summary.value.summary, readProblems: problems, readings };
}

describe("6S audits and summary in LibreOffice", () => {
  test("every computed cell of random audits and their summary matches the engine", async () => {
    const audits = [
      randomAudit({
        seed: 11,
        date: day(2026, 10, 14),
        scale: "0-5",
        areaCount: 2,
        locale: "zh-CN",
        settings: SETTINGS,
      }),
      randomAudit({
        seed: 12,
        date: day(2026, 11, 3),
        scale: "passFail",
        areaCount: 3,
        locale: "zh-CN",
        settings: SETTINGS,
      }),
      randomAudit({
        seed: 13,
        date: day(2026, 11, 20),
        scale: "0-10",
        areaCount: 2,
        locale: "zh-CN",
        settings: SETTINGS,
      }),
      randomAudit({
        seed: 14,
        date: day(2026, 11, 20),
        scale: "0-4",
        areaCount: 3,
        locale: "zh-CN",
        settings: SETTINGS,
      }),
      randomAudit({
        seed: 15,
        date: day(2026, 12, 2),
        scale: "0-5",
        areaCount: 1,
        locale: "zh-CN",
        settings: SETTINGS,
      }),
    ];
    const { wb, plan, summary, readProblems } = await auditWorkbook(audits, 202611, day(2026, 11, 25), "zh-CN");
    expect(readProblems).toEqual([]);
    // The data really exercises the rules being compared.
    expect(summary.matrix.length).toBeGreaterThan(1);
    expect(summary.open.some((o) => o.overdueDays !== null)).toBe(true);
    expect(summary.lowest).toHaveLength(10);
    expect(summary.months).toEqual([202610, 202611, 202612]);

    const { workbook, elapsedMs } = await recalculateXlsx(await workbookToBuffer(wb));
    const result = compareWithPlan(plan, workbook, elapsedMs);
    console.log(result.describe(40));
    expect(result.problems).toEqual([]);
    expect(result.cellsCompared).toBe(result.formulaCells);
    expect(result.cellsCompared).toBeGreaterThan(2000);
  });

  test("more random audits (seed from AUDIT6S_SEED, else 100): every computed cell matches", async () => {
    const seed = Number(process.env.AUDIT6S_SEED ?? 100);
    const dates = [
      day(2026, 9, 28),
      day(2026, 10, 30),
      day(2026, 11, 1),
      day(2026, 11, 15),
      day(2026, 11, 30),
      day(2026, 12, 1),
    ];
    const audits = dates.map((date, i) => randomAudit({ seed: seed + i, date, locale: "zh-CN", settings: SETTINGS }));
    const { wb, plan, summary, readProblems } = await auditWorkbook(audits, 202611, day(2026, 11, 20), "zh-CN");
    expect(readProblems).toEqual([]);
    expect(summary.matrix.length).toBeGreaterThan(0);
    const { workbook, elapsedMs } = await recalculateXlsx(await workbookToBuffer(wb));
    const result = compareWithPlan(plan, workbook, elapsedMs);
    console.log(`seed ${seed}: ${result.describe(40)}`);
    expect(result.problems).toEqual([]);
    expect(result.cellsCompared).toBe(result.formulaCells);
  });

  test("English sheets, all-N/A and fully blank areas, critical zeros; the summary follows edits made on the audit sheet", async () => {
    const base = randomAudit({
      seed: 21,
      date: day(2026, 11, 5),
      scale: "0-5",
      areaCount: 3,
      locale: "en-US",
      settings: SETTINGS,
    });
    const n = base.checklist.length;
    const allNa: Audit6sOptions = {
      ...base,
      entries: [base.entries![0], base.checklist.map(() => ({ score: "na" as const })), base.checklist.map(() => ({}))],
    };
    const critical: Audit6sOptions = {
      ...randomAudit({
        seed: 22,
        date: day(2026, 11, 18),
        scale: "passFail",
        areaCount: 2,
        locale: "en-US",
        settings: SETTINGS,
      }),
      checklist: base.checklist.map((it, i) => ({ ...it, critical: i % 3 === 0 })),
      entries: [
        base.checklist.map((_, i) => ({ score: i % 3 === 0 ? ("fail" as const) : ("pass" as const) })),
        base.checklist.map(() => ({ score: "pass" as const })),
      ],
    };
    expect(n).toBeGreaterThan(3);
    const {
      wb,
      plan,
      readings,
      summary: before,
    } = await auditWorkbook([allNa, critical], 202611, day(2026, 11, 30), "en-US");
    const first = await recalculateXlsx(await workbookToBuffer(wb));
    const check = compareWithPlan(plan, first.workbook, first.elapsedMs);
    console.log(check.describe(40));
    expect(check.problems).toEqual([]);

    // Edit the first audit's first area on the sheet: an item of an S that counts drops to 0, with
    // its action written and marked done; another low item gets an owner and an overdue date.
    const sheet = readings[0].sheetName;
    const { meta: area, record } = readings[0].areas[0];
    const k = record.items.findIndex((it) => it.score !== 0 && it.s !== 2 && record.result.s[it.s].criticalZeros === 0);
    expect(k).toBeGreaterThanOrEqual(0);
    const ws = wb.getWorksheet(sheet)!;
    ws.getCell(area.itemsFirst + k, 4).value = 0;
    ws.getCell(area.itemsFirst + k, 6).value = "Tidy up";
    ws.getCell(area.itemsFirst + k, 9).value = "Done";
    const other = record.items.findIndex((it, i) => i !== k && it.needsAction);
    if (other >= 0) {
      ws.getCell(area.itemsFirst + other, 7).value = "Zhao";
      ws.getCell(area.itemsFirst + other, 8).value = day(2026, 11, 1);
      ws.getCell(area.itemsFirst + other, 9).value = "In progress";
    }
    const edited = await recalculateXlsx(await workbookToBuffer(wb));
    // The engine, reading the edited cells, says what the unchanged summary formulas must now show.
    const found = findPlansInWorkbook(wb);
    const again = await readAudits(found, reader(wb), SETTINGS);
    const records = again.audits.flatMap((a) => a.areas.map((x) => x.record));
    const now = summarizeAudits(records, { month: 202611, asOf: day(2026, 11, 30), rating: SETTINGS.audit6s.rating });
    if (!now.ok) throw new Error(now.problem.message.en);
    const summarySheet = plan.sheets[plan.sheets.length - 1];
    const sws = edited.workbook.getWorksheet(summarySheet.name)!;
    const matrixRow = 7; // first area of the matrix
    const shown = [2, 3, 4, 5, 6, 7, 8].map((c) => computedValue(sws.getCell(matrixRow, c)));
    const expected = [...now.value.matrix[0].s, now.value.matrix[0].total].map((v) => v ?? "");
    shown.forEach((v, i) => {
      if (typeof expected[i] === "number") expect(v as number).toBeCloseTo(expected[i] as number, 9);
      else expect(v === "" || v === null).toBe(true);
    });
    expect(now.value.matrix[0].total).not.toBe(before.matrix[0].total);
    // The open-action list shows the engine's open actions, overdue days included.
    const openHeader = [...Array(sws.rowCount).keys()]
      .map((r) => r + 1)
      .find((r) => computedValue(sws.getCell(r, 13)) === "Days overdue")!;
    now.value.open.forEach((o, i) => {
      const row = openHeader + 1 + i;
      expect(computedValue(sws.getCell(row, 1))).toBe(records[o.record].area);
      const days = computedValue(sws.getCell(row, 13));
      if (o.overdueDays === null) expect(days === "" || days === null).toBe(true);
      else expect(days).toBeCloseTo(o.overdueDays, 9);
    });
    expect(computedValue(sws.getCell(openHeader + 1 + now.value.open.length, 1)) ?? "").toBe("");
  });
});

describe("the CLI's files in LibreOffice", () => {
  test("audit6s twice (--in) then audit6s-summary: every formula LibreOffice computes equals the engine's value stored in the file", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { readFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { main } = await import("../../src/cli/main");
    const { matchesExpected } = await import("../support/libreoffice");
    const dir = mkdtempSync(join(tmpdir(), "svc-6s-cli-lo-"));
    try {
      const io = {
        stdout: () => undefined,
        stderr: (l: string) => errors.push(l),
        cwd: dir,
        env: { LANG: "zh-CN" },
        now: () => new Date(2026, 10, 28),
      };
      const errors: string[] = [];
      expect(
        await main(
          [
            "audit6s",
            "--areas",
            "维修车间,备件库,>5",
            "--date",
            "2026-10-20",
            "--critical",
            "16",
            "--demo",
            "--out",
            "a.xlsx",
          ],
          io,
        ),
      ).toBe(0);
      expect(
        await main(
          [
            "audit6s",
            "--in",
            "a.xlsx",
            "--areas",
            "维修车间,接待区",
            "--date",
            "2026-11-06",
            "--scale",
            "0-10",
            "--weights",
            "safety",
            "--demo",
            "--out",
            "b.xlsx",
          ],
          io,
        ),
      ).toBe(0);
      expect(
        await main(
          [
            "audit6s",
            "--in",
            "b.xlsx",
            "--areas",
            "备件库",
            "--date",
            "2026-11-21",
            "--scale",
            "pass/fail",
            "--demo",
            "--out",
            "c.xlsx",
          ],
          io,
        ),
      ).toBe(0);
      expect(
        await main(
          ["audit6s-summary", "--in", "c.xlsx", "--month", "2026-11", "--as-of", "2026-11-28", "--out", "s.xlsx"],
          io,
        ),
      ).toBe(0);
      expect(errors).toEqual([]);

      const bytes = new Uint8Array(await readFile(join(dir, "s.xlsx")));
      const written = new ExcelJS.Workbook();
      await written.xlsx.load(bytes as unknown as ArrayBuffer);
      const { workbook } = await recalculateXlsx(bytes);
      let compared = 0;
      const problems: string[] = [];
      for (const ws of written.worksheets) {
        const lo = workbook.getWorksheet(ws.name)!;
        ws.eachRow((row, r) =>
          row.eachCell((cell, c) => {
            if (cell.type !== ExcelJS.ValueType.Formula) return;
            const cached = (cell as unknown as { result: unknown }).result;
            // exceljs hands date-formatted cached numbers back as Dates: the serial is what was stored.
            const expected =
              cached === undefined
                ? null
                : cached instanceof Date
                  ? (cached.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000
                  : typeof cached === "object" && cached !== null
                    ? { error: (cached as { error: string }).error as "#N/A" }
                    : (cached as string | number | boolean);
            const actual = computedValue(lo.getCell(r, c));
            compared += 1;
            if (!matchesExpected(expected, actual))
              problems.push(
                `${ws.name}!${cell.address}: ${cell.formula} → ${JSON.stringify(actual)} (engine ${JSON.stringify(expected)})`,
              );
          }),
        );
      }
      console.log(`CLI files: ${compared} formula cells compared, ${problems.length} mismatches`);
      expect(problems).toEqual([]);
      expect(compared).toBeGreaterThan(1500);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
