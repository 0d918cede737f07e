/**
 * The people of a bonus sheet, read from a workbook the same way by the pane and by the command
 * line: the appraisal forms found by their markers (`readForms`, over the reader port), or a
 * table of people (`peopleFromTable`). The pattern is `readAudits(found, read)` in
 * sheets/audit6s/read.ts: the decisions live here, hosts only pass what they read with.
 */
import type { Problem } from "../../core/problem";
import type { Settings } from "../../core/settings";
import {
  peopleFromForms,
  quarterOfPeriod,
  readBonusTable,
  UNUSABLE_PEOPLE,
  type BonusPeopleRead,
  type FormGrades,
} from "../../core/bonus";
import type { FoundPlan, RangeData } from "../plan";
import type { RangesReader } from "../reader";
import { appraisalForms, formGrades } from "./forms";

/** The appraisal forms of a workbook as read, before a year's people are taken from them. */
export interface FormsReading {
  /** Every form found, in workbook order; forms of other periods than `year`'s quarters have no rows. */
  readonly forms: readonly FormGrades[];
  /** Forms whose marker could not be read (skipped). */
  readonly problems: readonly Problem[];
}

/**
 * Reads the appraisal forms of `year` among the plans found in a workbook: one `read` for every
 * form of that year (a rectangle with every person each) — in Excel one Excel.run whose syncs
 * grow neither with the forms nor with the people. Forms of other periods are only named
 * (`peopleFromReading` reports them). Null when the workbook has no appraisal form at all.
 */
export async function readForms(
  found: readonly FoundPlan[],
  read: RangesReader,
  year: number,
): Promise<FormsReading | null> {
  const located = appraisalForms(found);
  if (located.forms.length === 0) return null;
  const ofYear = located.forms.filter((f) => quarterOfPeriod(f.period, year) !== null);
  const ranges = await read(ofYear.map((f) => ({ sheetName: f.sheetName, address: f.address })));
  const forms: FormGrades[] = located.forms.map((f) => {
    const i = ofYear.indexOf(f);
    return i < 0 ? { sheetName: f.sheetName, period: f.period, rows: [] } : formGrades(f, ranges[i]!);
  });
  return { forms, problems: located.problems };
}

/** The people for `year` from the forms read, with the problems of reading them first. */
export function peopleFromReading(reading: FormsReading, year: number, settings: Settings): BonusPeopleRead {
  const read = peopleFromForms(reading.forms, year, settings);
  return { ...read, problems: [...reading.problems, ...read.problems] };
}

/** The people for `year` from a table of people (a selection, a sheet, a .csv). */
export function peopleFromTable(range: RangeData, year: number, settings: Settings): BonusPeopleRead {
  return readBonusTable(range.values, { year, firstRow: range.firstRow, settings });
}

/**
 * Why a read cannot be used at all, when it cannot (`fatal`): the problem core marked with the
 * reason code UNUSABLE_PEOPLE — found by its code, never by its place in the list.
 */
export function unusableReason(read: BonusPeopleRead): Problem | null {
  if (!read.fatal) return null;
  return read.problems.find((p) => p.reason?.code === UNUSABLE_PEOPLE) ?? null;
}
