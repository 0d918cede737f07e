/** The 违规与黄红牌 section's form, as data, checked into the options of `conductLogPlan`. */
import type { Problem } from "../../../../core/problem";
import { readCards, sampleCards, type CardEntry } from "../../../../core/records/conductLog";
import { DEFAULT_CARD_BLANK_ROWS, MAX_CARD_BLANK_ROWS } from "../../../../sheets/records/conductLog";
import { CD } from "./conductLogStrings";
import type { LogErrors, LogForm, LogSource } from "./recordForm";

export type ConductLogSource = LogSource;
export type ConductLogForm = LogForm;
export type ConductLogErrors = LogErrors;

export const INITIAL_CONDUCT_LOG_FORM: ConductLogForm = {
  source: "blank",
  blankRows: String(DEFAULT_CARD_BLANK_ROWS),
  selection: null,
};

/** The seeded example: a year of cards for four people. */
export function exampleCards(year: number): CardEntry[] {
  return sampleCards(2026, 24, year, ["张伟", "李芳", "王强", "赵敏"]);
}

export interface ConductLogChoice {
  readonly cards: readonly CardEntry[];
  readonly blankRows: number;
  readonly problems: readonly Problem[];
}

export function checkConductLogForm(
  form: ConductLogForm,
  year: number,
): { value: ConductLogChoice | null; errors: ConductLogErrors } {
  const errors: ConductLogErrors = {};
  const n = Number(form.blankRows.trim());
  if (form.blankRows.trim() === "" || !Number.isInteger(n) || n < 0 || n > MAX_CARD_BLANK_ROWS)
    errors.blankRows = CD.badBlankRows;
  let cards: readonly CardEntry[] = [];
  let problems: readonly Problem[] = [];
  if (form.source === "selection") {
    if (!form.selection) errors.source = CD.noSelection;
    else {
      const read = readCards(form.selection.rows, form.selection.firstRow);
      if (read.fatal) errors.source = read.problems[0]?.message ?? CD.unreadable;
      cards = read.cards;
      problems = read.problems;
    }
  }
  if (Object.keys(errors).length > 0) return { value: null, errors };
  if (form.source === "sample") cards = exampleCards(year);
  return { value: { cards, blankRows: n, problems }, errors };
}
