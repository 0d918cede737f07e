/**
 * `service-appraisal demo --out FILE.xlsx`: a workbook with every sheet the add-in generates,
 * on bundled sample data — the settings, a year of quarterly appraisal forms, the work-order
 * register with its data problems and monthly KPI table, two months of 6S audits with their
 * summary, and the Q4 bonus sheet built from the forms. Each sheet is made the way a user makes
 * it: later sheets read the earlier ones back from the workbook (by marker), as the panes do.
 */
import { pick, text, type Locale } from "../../core/i18n/text";
import { DEFAULT_SETTINGS } from "../../core/settings";
import { buildSampleWorkbook } from "../../sheets/sample/sampleWorkbook";
import type { WorkbookPlan } from "../../sheets/plan";
import { openXlsx, xlsxBytes, type XlsxBook } from "../../xlsx";
import { xlsxBookReader } from "../../xlsx/reader";
import { flag, requireString } from "../args";
import type { Command } from "../command";
import { checkOut, resolvePath, writeWorkbook } from "../io";
import { DEMO } from "./specs";

/** The plans written so far as a file (the streaming writer), read back with the .xlsx reader. */
async function readBack(plans: readonly WorkbookPlan[]): Promise<{ bytes: Uint8Array; book: XlsxBook }> {
  const { bytes } = await xlsxBytes(plans);
  return { bytes, book: openXlsx(bytes) };
}

/** The demo's size: how many work orders the register holds (900 by default). */
export interface DemoOptions {
  readonly orders?: number;
}

/**
 * Builds the demo (sheets/sample: the same sample sheets the add-in's self-check writes into
 * Excel): the plans in the order they are added (a file holds them one after another) and that
 * file, as bytes and read back with the .xlsx reader. Later sheets read the earlier ones back
 * from the file written so far.
 */
export async function demoWorkbook(
  locale: Locale,
  options: DemoOptions = {},
): Promise<{ bytes: Uint8Array; book: XlsxBook; plans: WorkbookPlan[] }> {
  const plans: WorkbookPlan[] = [];
  await buildSampleWorkbook(
    {
      add: (plan) => void plans.push(plan),
      // The file written so far, read back through the reader port as the CLI reads any input.
      reader: async () => xlsxBookReader((await readBack(plans)).book),
    },
    {
      locale,
      settings: DEFAULT_SETTINGS,
      includeSettingsSheet: true,
      ...(options.orders !== undefined ? { orders: options.orders } : {}),
    },
  );
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
