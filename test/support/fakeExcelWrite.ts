/**
 * Writing a plan into the in-memory fake of Excel (test/fakes/excel), the two ways the e2e tests
 * check the Office.js writer:
 * - `writeWithoutCaps`: how many round trips a write takes, with the payload caps lifted so that
 *   only the writer's own batching decides (the round trips must not grow with the data);
 * - `failEachSyncInTurn`: a write whose n-th sync fails, for every n, must leave the workbook as
 *   it was (rolled back) or complete (the failed sync's steps were applied again).
 * Several test files ran these loops as copies of each other; one copy here keeps the rule
 * ("a failed generation leaves the workbook as it was") checked the same way everywhere.
 */
import { PlanWriteError, writePlans } from "../../src/excel/write";
import type { WorkbookPlan } from "../../src/sheets/plan";
import { createFakeExcel, type FailureMode, type FakeExcel } from "../fakes/excel";

/** A new workbook holding only an empty Sheet1, as Excel opens a blank book. */
const blankWorkbook = (): FakeExcel => createFakeExcel({ sheets: ["Sheet1"] });

/**
 * The workbook as JSON, without object ids: a sheet or chart made anew gets a new id, so two
 * workbooks with the same content would otherwise differ.
 */
const workbookState = (fake: FakeExcel): string =>
  JSON.stringify(fake.state.snapshot()).replace(/"id":"[a-z]+\d+"/g, "");

/** Writes `plan` into a blank workbook with the payload caps lifted; `syncs` counts the write's round trips. */
export async function writeWithoutCaps(plan: WorkbookPlan): Promise<{ fake: FakeExcel; syncs: number }> {
  const fake = blankWorkbook();
  fake.setPayloadLimit(Number.MAX_SAFE_INTEGER);
  const start = fake.syncCount;
  await writePlans(fake.context as Excel.RequestContext, plan, { maxRequestBytes: Number.MAX_SAFE_INTEGER });
  return { fake, syncs: fake.syncCount - start };
}

export interface SyncFailureOutcomes {
  /** Syncs the write takes when nothing fails: each one was failed in turn. */
  readonly syncs: number;
  /** Cases run: syncs × modes. */
  readonly cases: number;
  /** Writes that threw PlanWriteError and left the workbook exactly as before. */
  readonly rolledBack: number;
  /** Writes that did not throw (a cosmetic sync failed and was applied again): the workbook is complete. */
  readonly completed: number;
}

export interface SyncFailureOptions {
  /**
   * Makes the workbook the plan is written into, anew for each case; it must make the same
   * workbook every time. Default: a blank workbook.
   */
  readonly workbook?: () => FakeExcel | Promise<FakeExcel>;
  /**
   * Where in its operations the failing sync stops: "middle" (a partial batch, the hardest case)
   * unless the caller asks for more.
   */
  readonly modes?: readonly FailureMode[];
}

/**
 * Writes `plan` once to count its syncs and see the complete workbook, then once for each sync
 * (and each mode) with that sync failing. Each case must end complete, or throw PlanWriteError
 * with no leftover sheets and the workbook exactly as before. Returns the counts, for the
 * caller's own expectations (e.g. that most failures were rolled back, not merely completed).
 */
export async function failEachSyncInTurn(
  plan: WorkbookPlan,
  options: SyncFailureOptions = {},
): Promise<SyncFailureOutcomes> {
  const { workbook = blankWorkbook, modes = ["middle"] } = options;
  const probe = await workbook();
  const start = probe.syncCount;
  await writePlans(probe.context as Excel.RequestContext, plan);
  const syncs = probe.syncCount - start;
  const complete = workbookState(probe);
  let cases = 0;
  let rolledBack = 0;
  let completed = 0;
  for (let n = 1; n <= syncs; n++) {
    for (const mode of modes) {
      const fake = await workbook();
      const before = workbookState(fake);
      fake.failOnSync(fake.syncCount + n, mode);
      cases += 1;
      let failure: unknown;
      try {
        await writePlans(fake.context as Excel.RequestContext, plan);
      } catch (e) {
        failure = e;
      }
      if (failure === undefined) {
        completed += 1;
        expect(workbookState(fake)).toBe(complete);
      } else {
        rolledBack += 1;
        expect(failure).toBeInstanceOf(PlanWriteError);
        expect((failure as PlanWriteError).leftovers).toEqual([]);
        expect(workbookState(fake)).toBe(before);
      }
    }
  }
  return { syncs, cases, rolledBack, completed };
}
