/**
 * A sample department for the demo workbook and tests: people with 工号 and 部门, and scores
 * that look like a real appraisal (each person has a level, indicators scatter around it, a few
 * indicators are not assessed). Deterministic: the same seed gives the same people and scores.
 */
import { draw, sampleNames } from "../sample/random";
import type { Person } from "./people";
import { formColumns, type AppraisalTemplate } from "./template";

export interface SampleAppraisal {
  readonly people: readonly Person[];
  /** One row per person, one entry per indicator column; null = not assessed. */
  readonly scores: readonly (readonly (number | null)[])[];
}

const DEPARTMENTS = ["售后服务一部", "售后服务二部", "配件服务部"];

/** The department's people (the same for every seed's quarter, so forms of a year match up). */
export function samplePeople(count: number, seed = 1): Person[] {
  const d = draw(seed);
  return sampleNames(d, count).map((name, i) => ({
    name,
    id: `S${String(101 + i).padStart(4, "0")}`,
    department: DEPARTMENTS[i % DEPARTMENTS.length],
  }));
}

/**
 * Scores for `people` on `template`: five-point in half points, or hundred-point in whole
 * points. `round` varies the scores (e.g. one round per quarter) while people keep their level.
 *
 * @example
 * sampleScores(STAFF_TEMPLATE, samplePeople(12), "five", 3) // → 12 rows × 20 scores
 */
export function sampleScores(
  template: AppraisalTemplate,
  people: readonly Person[],
  scale: "five" | "hundred",
  round = 1,
): (number | null)[][] {
  const columns = formColumns(template).length;
  const levels = draw(7);
  const d = draw(1000 + round);
  return people.map(() => {
    // A person's level: most between 3.5 and 4.8 on five points, one in six struggling.
    const level = levels.chance(1 / 6) ? 2.2 + levels.rnd() * 1.2 : 3.5 + levels.rnd() * 1.3;
    return Array.from({ length: columns }, () => {
      if (d.chance(0.06)) return null;
      const five = Math.min(5, Math.max(0, level + (d.rnd() - 0.5) * 1.6 + (round % 3) * 0.1));
      return scale === "five" ? Math.round(five * 2) / 2 : Math.round(five * 20);
    });
  });
}

export function sampleAppraisal(
  template: AppraisalTemplate,
  count: number,
  scale: "five" | "hundred",
  round = 1,
): SampleAppraisal {
  const people = samplePeople(count);
  return { people, scores: sampleScores(template, people, scale, round) };
}
