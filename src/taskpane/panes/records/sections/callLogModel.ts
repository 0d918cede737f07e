/**
 * The 来电来函 section's form, as data: what the clerk chose and typed, checked into the options
 * of `callLogPlan`. Pure, so it is tested in Node.
 */
import type { Problem } from "../../../../core/problem";
import { parseDateTime } from "../../../../core/dates/parseDateTime";
import { formatSerial } from "../../../../core/dates/serial";
import { dateToSerial } from "../../../../core/dates/serial";
import { readCalls, sampleCalls, type CallEntry } from "../../../../core/records/callLog";
import { DEFAULT_BLANK_ROWS, MAX_BLANK_ROWS } from "../../../../sheets/records/callLog";
import { CL } from "./callLogStrings";
import type { LogErrors, LogForm, LogSource } from "./recordForm";

export type CallLogSource = LogSource;

/** The call log's form: a log form with its as-of moment. */
export type CallLogForm = LogForm & { readonly asOf: string };

export type CallLogErrors = LogErrors;

export interface CallLogChoice {
  readonly calls: readonly CallEntry[];
  readonly asOf: number;
  readonly blankRows: number;
  readonly problems: readonly Problem[];
}

/** The form as first shown: an empty log as of now (to the minute). */
export function initialCallLogForm(now: Date): CallLogForm {
  const serial = dateToSerial(now, "local");
  const asOf = serial.ok ? formatSerial(Math.floor(serial.value * 1440) / 1440) : "";
  return { source: "blank", asOf, blankRows: String(DEFAULT_BLANK_ROWS), selection: null };
}

/** The seeded example month: the month before `asOf`'s, so the checks show every state. */
export function exampleCalls(asOf: number): CallEntry[] {
  const d = new Date(Math.round((asOf - 25569) * 86_400_000));
  const month = d.getUTCMonth() === 0 ? 12 : d.getUTCMonth();
  const year = d.getUTCMonth() === 0 ? d.getUTCFullYear() - 1 : d.getUTCFullYear();
  return sampleCalls(2026, 40, year, month);
}

/** Checks the form: the options of the plan, or the errors per field. */
export function checkCallLogForm(form: CallLogForm): { value: CallLogChoice | null; errors: CallLogErrors } {
  const errors: CallLogErrors = {};
  const asOf = parseDateTime(form.asOf);
  if (!asOf.ok || asOf.value === null) errors.asOf = CL.badAsOf;
  const n = Number(form.blankRows.trim());
  if (form.blankRows.trim() === "" || !Number.isInteger(n) || n < 0 || n > MAX_BLANK_ROWS)
    errors.blankRows = CL.badBlankRows;
  let calls: readonly CallEntry[] = [];
  let problems: readonly Problem[] = [];
  if (form.source === "selection") {
    if (!form.selection) errors.source = CL.noSelection;
    else {
      const read = readCalls(form.selection.rows, form.selection.firstRow);
      if (read.fatal) errors.source = read.problems[0]?.message ?? CL.unreadable;
      calls = read.calls;
      problems = read.problems;
    }
  }
  if (Object.keys(errors).length > 0 || !asOf.ok || asOf.value === null) return { value: null, errors };
  if (form.source === "sample") calls = exampleCalls(asOf.value);
  return { value: { calls, asOf: asOf.value, blankRows: n, problems }, errors };
}
