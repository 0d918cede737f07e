/**
 * Every kind of sheet the add-in generates, built from bundled sample data the way a user builds
 * them: the settings and a year of quarterly appraisal forms, the work-order register with its
 * data problems and monthly KPI table, two months of 6S audits and the summary read back from
 * them, and the Q4 bonus sheet read back from the forms. Later sheets read the earlier ones back
 * through the reader port (sheets/reader.ts) with the functions the panes and the command line
 * call: `readAudits` and `readForms` + `peopleFromReading`.
 *
 * Two callers: the command line's `demo` (src/cli/commands/demo.ts: an .xlsx file, read back
 * with xlsx/reader.ts `workbookReader`) and the add-in's self-check (../selfcheck: temporary
 * sheets in the open Excel workbook, built over `planWorkbook`, which reads the engine's own
 * values back from the plans).
 */
import { text, type Locale } from "../../core/i18n/text";
import type { Settings } from "../../core/settings";
import { STAFF_TEMPLATE, samplePeople, sampleScores } from "../../core/appraisal";
import { DEFAULT_CHECKLIST } from "../../core/audit6s/checklist";
import type { BonusPerson } from "../../core/bonus";
import { sampleWorkOrders, serialOf } from "../../core/workorders";
import { draw } from "../../core/sample/random";
import { appraisalPlan } from "../appraisal";
import { audit6sPlan, audit6sSummaryPlan, demoEntries, readAudits } from "../audit6s";
import { bonusPlan, peopleFromReading, readForms } from "../bonus";
import { kpiWorkbookPlan, proposeFor, readOrders, sourceTable } from "../workorders";
import { settingsPlan } from "../settings";
import type { SheetPlan, WorkbookPlan } from "../plan";
import type { WorkbookReader } from "../reader";
import { sampleRecordPlans } from "./sampleRecords";

export const SAMPLE_YEAR = 2026;
const PEOPLE = 12;

/** Where the sample sheets go, and how earlier ones are read back. */
export interface SampleWorkbook {
  /** Adds the sheets of one generation (what one pane writes at once). */
  add(plan: WorkbookPlan): void | Promise<void>;
  /**
   * The sheets added so far, through the reader port (formula cells read as their computed
   * values), as a pane reads its workbook or a command its file.
   */
  reader(): WorkbookReader | Promise<WorkbookReader>;
}

export interface SampleOptions {
  readonly locale: Locale;
  /** The scheme every sheet computes with. */
  readonly settings: Settings;
  /**
   * Write the 考核参数 sheet first (its names are what the formulas reference). False when the
   * workbook already has one: the sample sheets then compute with the workbook's own settings.
   */
  readonly includeSettingsSheet: boolean;
  /** Work orders in the register (900 when absent; the graft corpus test grafts a smaller one). */
  readonly orders?: number;
  /** Also the record books (sampleRecords.ts), last: the self-check builds them; the demo does not. */
  readonly records?: boolean;
  /** Whether 考核参数 has the 三包 terms' names (default true; false: an older sheet, the values are written). */
  readonly warrantyNames?: boolean;
}

/** Fails loudly: sample data that a generator refuses is our bug, not the user's. */
function must<T>(r: { ok: true; value: T } | { ok: false; problem: { message: { en: string } } }, what: string): T {
  if (!r.ok) throw new Error(`sample ${what}: ${r.problem.message.en}`);
  return r.value;
}

/** Builds every sample sheet into `workbook`; returns the plans in the order they were added. */
export async function buildSampleWorkbook(workbook: SampleWorkbook, options: SampleOptions): Promise<WorkbookPlan[]> {
  const { locale, settings } = options;
  const plans: WorkbookPlan[] = [];
  const add = async (plan: WorkbookPlan): Promise<void> => {
    await workbook.add(plan);
    plans.push(plan);
  };

  // 1. The scheme, and a year of quarterly forms for the same department.
  const people = samplePeople(PEOPLE);
  const forms: SheetPlan[] = [1, 2, 3, 4].map((quarter) =>
    must(
      appraisalPlan({
        template: STAFF_TEMPLATE,
        period: { year: SAMPLE_YEAR, quarter: quarter as 1 | 2 | 3 | 4 },
        people,
        scale: "five",
        locale,
        settings,
        scores: sampleScores(STAFF_TEMPLATE, people, "five", quarter),
      }),
      `appraisal Q${quarter}`,
    ),
  );
  await add({ sheets: [...(options.includeSettingsSheet ? [settingsPlan(settings, locale)] : []), ...forms] });

  // 2. Work orders as another system exports them (messy on purpose), imported for October.
  const orders = sampleWorkOrders({ seed: 7, count: options.orders ?? 900, month: { year: SAMPLE_YEAR, month: 10 } });
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
      month: { year: SAMPLE_YEAR, month: 10 },
      asOf: serialOf(SAMPLE_YEAR, 11, 1),
      locale,
      settings,
      source: { name: "orders.csv", address: "A1" },
      includeSettings: false,
    }),
    "KPI",
  );
  await add(kpi.plan);

  // 3. Two months of 6S audits, then November's summary read back from them.
  const areas = locale === "zh-CN" ? ["维修车间", "备件库", "接待区"] : ["Workshop", "Parts store", "Reception"];
  for (const month of [10, 11]) {
    const date = serialOf(SAMPLE_YEAR, month, 20);
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
    await add({ sheets: [audit.plan] });
  }
  let reader = await workbook.reader();
  const { audits } = await readAudits(await reader.findPlans(), reader.readRanges, settings);
  await add({
    sheets: [
      must(
        audit6sSummaryPlan({
          audits,
          month: SAMPLE_YEAR * 100 + 11,
          asOf: serialOf(SAMPLE_YEAR, 11, 30),
          locale,
          settings,
        }),
        "6S summary",
      ).plan,
    ],
  });

  // 4. The Q4 bonus from the four forms, with the pay and cards finance fills in.
  reader = await workbook.reader();
  const reading = await readForms(await reader.findPlans(), reader.readRanges, SAMPLE_YEAR);
  if (!reading) throw new Error("sample bonus: the appraisal forms were not found");
  const read = peopleFromReading(reading, SAMPLE_YEAR, settings);
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
      year: SAMPLE_YEAR,
      quarter: 4,
      people: withPay,
      locale,
      settings,
      source: text(`考核表 ${SAMPLE_YEAR}-Q1 至 Q4`, `appraisal forms ${SAMPLE_YEAR}-Q1 to Q4`),
    }),
    "bonus",
  );
  await add({ sheets: [bonus.plan] });

  // 5. The record books, each as its section of the Records pane writes it.
  if (options.records) for (const plan of sampleRecordPlans(SAMPLE_YEAR, options, must)) await add(plan);
  return plans;
}
