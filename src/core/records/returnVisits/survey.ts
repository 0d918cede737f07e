/** From a drawn sample to the survey's lines and the summary's technicians. */
import { NO_ANSWERS, type SurveyLine } from "./engine";
import type { ReturnVisitSample } from "./sampling";

/** One blank survey line per drawn order, in the sample's order. */
export function surveyLines(sample: ReturnVisitSample): SurveyLine[] {
  return sample.picked.map((o) => ({
    orderId: o.orderId ?? "",
    customer: o.customer ?? "",
    technician: o.technician,
    completedOn: o.completedAt === null ? null : Math.floor(o.completedAt),
    answers: NO_ANSWERS,
  }));
}

/** The summary's technicians with their completed orders (the 回访率 denominators). */
export function completedByTechnician(
  sample: ReturnVisitSample,
): { readonly technician: string | null; readonly completed: number }[] {
  return sample.strata.map((s) => ({ technician: s.technician, completed: s.completed }));
}
