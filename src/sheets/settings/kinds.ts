/** What kind of number each value is: its number format and what may be typed (validation). */
import { FORMATS } from "../common/styles";
import type { ValidationRule } from "../plan";

export type Kind =
  "rate" | "hours" | "km" | "weight" | "count" | "rating" | "money" | "score" | "grade" | "comparison" | "switch";

export const NUMBER_FORMAT: Readonly<Record<Kind, string>> = {
  rate: FORMATS.percent1,
  hours: "0.##",
  km: "0.##",
  weight: "0.##",
  count: FORMATS.integer,
  rating: "0.##",
  money: "0.00",
  score: "0.##",
  grade: FORMATS.text,
  comparison: FORMATS.text,
  switch: "0",
};

/** What the comparison cells may hold (the formulas read ≥ > ≤ < and >= <=). */
export const COMPARISON_CHOICES: readonly string[] = ["≥", ">", "≤", "<"];

/** The validation rule of a kind; a grade code is free text. */
export function ruleFor(kind: Kind): ValidationRule | undefined {
  switch (kind) {
    case "rate":
      return { type: "decimal", min: 0, max: 1 };
    case "hours":
    case "km":
    case "weight":
    case "money":
    case "score":
      return { type: "decimal", min: 0 };
    case "count":
      return { type: "whole", min: 0 };
    case "switch":
      return { type: "whole", min: 0, max: 1 };
    case "comparison":
      return { type: "list", values: COMPARISON_CHOICES };
    case "rating":
      return { type: "decimal", min: 1, max: 10 };
    case "grade":
      return undefined;
  }
}
