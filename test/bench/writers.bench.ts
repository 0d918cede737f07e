/**
 * Writer figures for `npm run bench` (scripts/bench.mjs runs every exported bench* function):
 * round trips and largest request of the Office.js writer (measured by the fake Excel), and
 * the .xlsx writer's time (Node zlib and fflate) and file size, for a 2,000-person appraisal form and a 100,000-row
 * register; with LibreOffice installed, also the register's full recalculation time.
 */
import { createFakeExcel } from "../fakes/excel";
import { appraisalPlan, registerPlan } from "../fixtures/plans";
import { writePlans } from "../../src/excel/write";
import { xlsxBytes } from "../../src/xlsx/writeXlsx";
import { zlibDeflate } from "../../src/xlsx/node";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { findSoffice, recalculateXlsx } from "../support/libreoffice";

async function office(plan: WorkbookPlan, prefix: string, out: Record<string, number>): Promise<void> {
  const fake = createFakeExcel();
  const t = performance.now();
  const report = await writePlans(fake.context as Excel.RequestContext, plan);
  out[`${prefix} office.js syncs`] = fake.syncCount;
  out[`${prefix} office.js largest request (bytes, measured)`] = fake.largestRequestBytes;
  out[`${prefix} office.js largest request (bytes, writer's estimate)`] = report.largestRequestBytes;
  out[`${prefix} office.js write into fake (ms)`] = Math.round(performance.now() - t);
}

async function xlsx(plan: WorkbookPlan, prefix: string, out: Record<string, number>): Promise<Uint8Array> {
  const t = performance.now();
  const { bytes } = await xlsxBytes(plan, { deflate: zlibDeflate });
  out[`${prefix} xlsx write, Node zlib (ms)`] = Math.round(performance.now() - t);
  out[`${prefix} xlsx file (bytes)`] = bytes.length;
  const js = performance.now();
  await xlsxBytes(plan);
  out[`${prefix} xlsx write, fflate (JavaScript, as in the browser) (ms)`] = Math.round(performance.now() - js);
  return bytes;
}

export async function benchWriters(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const people = appraisalPlan(2_000);
  await office(people, "2,000-person form:", out);
  await xlsx(people, "2,000-person form:", out);
  const register = registerPlan(100_000, { withExpect: false });
  await office(register, "100,000-row register:", out);
  const bytes = await xlsx(register, "100,000-row register:", out);
  if (findSoffice()) {
    const { elapsedMs } = await recalculateXlsx(bytes, { timeoutMs: 900_000 });
    out["100,000-row register: LibreOffice load + full recalc + save (ms)"] = elapsedMs;
  }
  return out;
}
