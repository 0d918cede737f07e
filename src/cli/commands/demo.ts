/**
 * `service-appraisal demo --out FILE.xlsx`: a workbook with every sheet the add-in generates,
 * on bundled sample data — the settings, a year of quarterly appraisal forms, the work-order
 * register with its data problems and monthly KPI table, two months of 6S audits with their
 * summary, and the Q4 bonus sheet built from the forms. Each sheet is made the way a user makes
 * it: later sheets read the earlier ones back from the workbook (by marker), as the panes do.
 */
import ExcelJS from "exceljs";
import { pick, text, type Locale } from "../../core/i18n/text";
import { DEFAULT_SETTINGS } from "../../core/settings";
import { STAFF_TEMPLATE, samplePeople, sampleScores } from "../../core/appraisal";
import { DEFAULT_CHECKLIST } from "../../core/audit6s/checklist";
import type { BonusPerson } from "../../core/bonus";
import { sampleWorkOrders, serialOf } from "../../core/workorders";
import { draw } from "../../core/sample/random";
import { appraisalPlan } from "../../sheets/appraisal";
import { audit6sPlan, audit6sSummaryPlan, demoEntries, readAudits } from "../../sheets/audit6s";
import { bonusPlan, peopleFromReading, readForms } from "../../sheets/bonus";
import { kpiWorkbookPlan, proposeFor, readOrders, sourceTable } from "../../sheets/workorders";
import { settingsPlan } from "../../sheets/settings";
import type { SheetPlan, WorkbookPlan } from "../../sheets/plan";
import { xlsxBytes } from "../../xlsx";
import { workbookReader } from "../../xlsx/reader";
import { flag, requireString } from "../args";
import type { Command } from "../command";
import { checkOut, resolvePath, writeWorkbook } from "../io";
import { DEMO } from "./specs";

const YEAR = 2026;
const PEOPLE = 12;

/** Fails the demo loudly: sample data that a generator refuses is our bug, not the user's. */
function must<T>(r: { ok: true; value: T } | { ok: false; problem: { message: { en: string } } }, what: string): T {
  if (!r.ok) throw new Error(`demo ${what}: ${r.problem.message.en}`);
  return r.value;
}

/** The plans written so far as a file (the streaming writer), read back as a user's tool would. */
async function readBack(plans: readonly WorkbookPlan[]): Promise<{ bytes: Uint8Array; workbook: ExcelJS.Workbook }> {
  const { bytes } = await xlsxBytes(plans);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, workbook };
}

/**
 * Builds the demo: the plans in the order they are added (a file holds them one after another)
 * and that file, as bytes and read back with exceljs.
 */
export async function demoWorkbook(
  locale: Locale,
): Promise<{ bytes: Uint8Array; workbook: ExcelJS.Workbook; plans: WorkbookPlan[] }> {
  const settings = DEFAULT_SETTINGS;
  const plans: WorkbookPlan[] = [];
  const add = (plan: WorkbookPlan): void => void plans.push(plan);

  // 1. The scheme, and a year of quarterly forms for the same department.
  const people = samplePeople(PEOPLE);
  const forms: SheetPlan[] = [1, 2, 3, 4].map((quarter) =>
    must(
      appraisalPlan({
        template: STAFF_TEMPLATE,
        period: { year: YEAR, quarter: quarter as 1 | 2 | 3 | 4 },
        people,
        scale: "five",
        locale,
        settings,
        scores: sampleScores(STAFF_TEMPLATE, people, "five", quarter),
      }),
      `appraisal Q${quarter}`,
    ),
  );
  add({ sheets: [settingsPlan(settings, locale), ...forms] });

  // 2. Work orders as another system exports them (messy on purpose), imported for October.
  const orders = sampleWorkOrders({ seed: 7, count: 900, month: { year: YEAR, month: 10 } });
  const table = must(
    sourceTable({
      sheetName: "orders.csv",
      address: "A1",
      firstRow: 1,
      firstColumn: 1,
      values: [orders.headers, ...orders.rows],
    }),
    "work orders",
  );
  const parsed = must(readOrders(table, proposeFor(table).mapping), "work orders");
  const kpi = must(
    kpiWorkbookPlan({
      parsed,
      month: { year: YEAR, month: 10 },
      asOf: serialOf(YEAR, 11, 1),
      locale,
      settings,
      source: { name: "orders.csv", address: "A1" },
      includeSettings: false,
    }),
    "KPI",
  );
  add(kpi.plan);

  // 3. Two months of 6S audits, then November's summary read back from them.
  const areas = locale === "zh-CN" ? ["维修车间", "备件库", "接待区"] : ["Workshop", "Parts store", "Reception"];
  for (const month of [10, 11]) {
    const date = serialOf(YEAR, month, 20);
    // October's areas take the sample pattern one area along, so the trend moves.
    const shift = month === 10 ? 1 : 0;
    const audit = must(
      audit6sPlan({
        areas,
        date,
        inspector: locale === "zh-CN" ? "王主管" : "Supervisor Wang",
        unit: locale === "zh-CN" ? "售后服务部" : "After-sales service",
        scale: "0-5",
        checklist: DEFAULT_CHECKLIST,
        weights: "settings",
        locale,
        settings,
        entries: demoEntries(DEFAULT_CHECKLIST, areas.length + shift, "0-5", date, locale).slice(shift),
      }),
      `6S ${month}`,
    );
    add({ sheets: [audit.plan] });
  }
  let reader = workbookReader((await readBack(plans)).workbook);
  const { audits } = await readAudits(await reader.findPlans(), reader.readRanges, settings);
  add({
    sheets: [
      must(
        audit6sSummaryPlan({ audits, month: YEAR * 100 + 11, asOf: serialOf(YEAR, 11, 30), locale, settings }),
        "6S summary",
      ).plan,
    ],
  });

  // 4. The Q4 bonus from the four forms, with the pay and cards finance fills in.
  reader = workbookReader((await readBack(plans)).workbook);
  const reading = await readForms(await reader.findPlans(), reader.readRanges, YEAR);
  if (!reading) throw new Error("demo bonus: the appraisal forms were not found");
  const read = peopleFromReading(reading, YEAR, settings);
  const d = draw(11);
  const withPay: BonusPerson[] = read.people.map((p, i) => ({
    ...p,
    standardPay: 60000 + Math.round(d.rnd() * 8) * 5000,
    bonusRatio: [0.3, 0.4, 0.5][i % 3],
    yellowCards: i === 4 ? 2 : i % 5 === 0 ? 1 : 0,
    redCards: i === 7 ? 1 : 0,
  }));
  const bonus = must(
    bonusPlan({
      year: YEAR,
      quarter: 4,
      people: withPay,
      locale,
      settings,
      source: text(`考核表 ${YEAR}-Q1 至 Q4`, `appraisal forms ${YEAR}-Q1 to Q4`),
    }),
    "bonus",
  );
  add({ sheets: [bonus.plan] });
  return { ...(await readBack(plans)), plans };
}

export const demoCommand: Command = {
  ...DEMO,
  async run(ctx) {
    const out = resolvePath(ctx, requireString(ctx, "out"));
    checkOut(out, { force: flag(ctx, "force") });
    const { plans } = await demoWorkbook(ctx.locale);
    const names = await writeWorkbook(null, plans, out);
    ctx.out(pick(text(`已写入 ${out}：${names.join("、")}`, `wrote ${out}: ${names.join(", ")}`), ctx.locale));
  },
};
