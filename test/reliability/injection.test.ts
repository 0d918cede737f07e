/**
 * Formula injection (issue 15, point 3): a corpus of payloads — `=`, `+`, `-`, `@`, tab and CR
 * prefixes, HYPERLINK, a DDE-style `=cmd|' /C calc'!A0`, the full-width ＝ — put into every
 * place user text reaches a sheet (people's names, IDs and departments; work orders' IDs,
 * customers, technicians, products and headers; 6S areas, inspector, unit, checklist items and
 * findings; bonus names, IDs, departments and grades; the source sheet's name), through both
 * writers (the Office.js writer on the fake Excel, which turns typed "=…" into formulas as
 * Excel does; and the .xlsx writer the command line uses) and through the CSV reader. None may
 * become a formula, and each must read back exactly.
 */
import { strFromU8 } from "fflate";
import { parsePeriod, TEMPLATES, type Person } from "../../src/core/appraisal";
import { DEFAULT_CHECKLIST } from "../../src/core/audit6s/engine";
import { readBonusTable } from "../../src/core/bonus";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { parseOrders } from "../../src/core/workorders";
import { writePlans } from "../../src/excel/write";
import { appraisalPlan } from "../../src/sheets/appraisal";
import { audit6sPlan } from "../../src/sheets/audit6s";
import { bonusPlan } from "../../src/sheets/bonus";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { settingsPlan } from "../../src/sheets/settings";
import { kpiWorkbookPlan } from "../../src/sheets/workorders";
import { csvToRangeData, openXlsx } from "../../src/xlsx";
import { openZip } from "../../src/xlsx/package/open";
import { writeWorkbook } from "../../src/cli/io";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cellAt, createFakeExcel } from "../fakes/excel";

/** Each payload carries INJ<n>, so a formula that swallowed one can be found by that token. */
export const PAYLOADS: readonly string[] = [
  "=INJ1+1",
  "+INJ2+1",
  "-INJ3+1",
  "@INJ4",
  "\t=INJ5+1",
  "\r=INJ6+1",
  '=HYPERLINK("http://evil.example/INJ7","点击领奖")',
  "=cmd|' /C calc'!INJ8",
  "＝INJ9+1",
  "=INJ10",
  "-INJ11",
  '=1+1+0*LEN("INJ12")',
];

const p = (i: number): string => PAYLOADS[i % PAYLOADS.length]!;

/** Plans whose every user-text slot holds a payload. */
function plans(): { name: string; plan: WorkbookPlan }[] {
  const out: { name: string; plan: WorkbookPlan }[] = [];
  const people: Person[] = PAYLOADS.map((_, i) => ({
    name: p(i),
    id: p(i + 1),
    department: p(i + 2),
    position: p(i + 3),
  }));
  const period = parsePeriod("2026-Q3");
  if (!period.ok) throw new Error("period");
  const form = appraisalPlan({
    template: TEMPLATES.staff,
    period: period.value,
    people,
    scale: "five",
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
  });
  if (!form.ok) throw new Error(form.problem.message.en);
  out.push({ name: "appraisal", plan: { sheets: [form.value] } });

  const audit = audit6sPlan({
    areas: PAYLOADS.slice(0, 4),
    date: 46346,
    inspector: p(4),
    unit: p(5),
    scale: "0-5",
    checklist: [...DEFAULT_CHECKLIST.slice(0, 3), ...PAYLOADS.map((t, i) => ({ s: (i % 6) as 0, text: t }))],
    weights: "settings",
    locale: "en-US",
    settings: DEFAULT_SETTINGS,
    entries: [[{ score: 1, finding: p(6), action: p(7), owner: p(8), status: "open" }]],
  });
  if (!audit.ok) throw new Error(audit.problem.message.en);
  out.push({ name: "audit6s", plan: { sheets: [audit.value.plan] } });

  // Work orders: payloads in the ID, customer, technician and product columns, and as a header.
  const headers = ["工单号", "客户", "服务人员", "产品型号", "报修时间", "客户满意度", `${p(7)} 满意度`];
  const rows = PAYLOADS.map((_, i) => [p(i), p(i + 1), p(i + 2), p(i + 3), 46300 + i / 10, i % 2 ? p(i) : 9, p(i + 4)]);
  const parsed = parseOrders(
    rows,
    { orderId: 0, customer: 1, technician: 2, product: 3, reportedAt: 4, satisfaction: 6 },
    { firstRow: 2, headers },
  );
  const kpi = kpiWorkbookPlan({
    parsed,
    month: { year: 2026, month: 10 },
    asOf: 46327,
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    source: { name: p(9), address: "A1:G13" },
    includeSettings: true,
  });
  if (!kpi.ok) throw new Error(kpi.problem.message.en);
  out.push({ name: "kpi", plan: kpi.value.plan });

  const bonusRows = [
    ["姓名", "工号", "部门", "岗位标准绩效", "考核奖金比例", "Q1", "黄牌", "红牌"],
    ...PAYLOADS.map((_, i) => [p(i), p(i + 1), p(i + 2), 60000, "30%", i % 3 ? "A" : p(i), 0, 0]),
  ];
  const read = readBonusTable(bonusRows, { year: 2026, settings: DEFAULT_SETTINGS });
  const bonus = bonusPlan({
    year: 2026,
    quarter: 1,
    people: read.people,
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    source: { zh: p(10), en: p(10) },
    inputProblems: read.problems,
  });
  if (!bonus.ok) throw new Error(bonus.problem.message.en);
  out.push({ name: "bonus", plan: { sheets: [bonus.value.plan] } });
  return out;
}

const TOKEN = /INJ\d+/;

describe.each(plans().map((x) => [x.name, x.plan] as const))("%s: every payload stays text", (_name, plan) => {
  it("in the .xlsx written by the command line's writer (writeWorkbook → the streaming writer): no formula holds a payload, each payload reads back exactly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "svc-inject-"));
    try {
      const out = join(dir, "out.xlsx");
      await writeWorkbook(null, plan, out);
      const bytes = new Uint8Array(readFileSync(out));
      const zip = openZip(bytes);
      let formulas = 0;
      for (const e of zip.entries.filter((x) => /^xl\/worksheets\/.*\.xml$/.test(x.name))) {
        const xml = strFromU8(zip.read(e.name));
        for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) {
          formulas++;
          expect(m[1]).not.toMatch(TOKEN);
        }
      }
      const book = openXlsx(bytes);
      const texts = new Set<string>();
      for (const s of book.sheets)
        for (const r of book.readUsedRange(s.name).values) for (const v of r) if (typeof v === "string") texts.add(v);
      const exact = PAYLOADS.filter((x) => texts.has(x));
      // Every payload that the plan put in a cell of its own is there verbatim (some only appear inside longer texts).
      const planned = new Set(
        plan.sheets
          .flatMap((s) => s.cells.flatMap((b) => b.rows.flat()))
          .filter((v): v is string => typeof v === "string"),
      );
      expect(exact).toEqual(PAYLOADS.filter((x) => planned.has(x)));
      expect(exact.length).toBeGreaterThan(0);
      expect(formulas).toBeGreaterThanOrEqual(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("in Excel through the Office.js writer (the fake parses entries as typing does)", async () => {
    const fake = createFakeExcel();
    // As a pane writes into a workbook without 考核参数: the settings sheet first, whose names
    // the formulas use (Excel would show #NAME? without them, and the writer refuses).
    const withSettings = plan.sheets.some((s) => s.marker.kind === "settings")
      ? plan
      : { ...plan, sheets: [settingsPlan(DEFAULT_SETTINGS, "zh-CN"), ...plan.sheets] };
    const report = await writePlans(fake.context as Excel.RequestContext, withSettings);
    const texts = new Set<string>();
    for (const { actual } of report.sheets) {
      const s = fake.state.findSheet(actual)!;
      for (const k of s.cells.keys()) {
        const c = cellAt(s, Math.floor(k / 16384), (k % 16384) + 1)!;
        if (c.formula !== undefined) expect(c.formula).not.toMatch(TOKEN);
        if (typeof c.value === "string") texts.add(c.value);
      }
    }
    const planned = new Set(
      plan.sheets
        .flatMap((s) => s.cells.flatMap((b) => b.rows.flat()))
        .filter((v): v is string => typeof v === "string"),
    );
    expect(PAYLOADS.filter((x) => texts.has(x))).toEqual(PAYLOADS.filter((x) => planned.has(x)));
  });
});

describe("the CSV reader", () => {
  it("reads every payload back exactly, quoted or not", () => {
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = ["a,b", ...PAYLOADS.map((x, i) => `${i},${/[",\r\n]/.test(x) || i % 2 ? quote(x) : x}`)].join("\r\n");
    const values = csvToRangeData(csv)
      .values.slice(1)
      .map((r) => r[1]);
    expect(values).toEqual([...PAYLOADS]);
  });
});
