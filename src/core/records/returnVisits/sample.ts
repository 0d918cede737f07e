/**
 * Answers for the demo and the tests: a survey part-way through the month's visits — most
 * customers reached and rated (mostly 8–10, a few low), some problems not resolved, a few not
 * reached yet, and comments that look like formulas ("=SUM(A1)", "+86 …") which must stay text.
 * Same seed, same answers.
 */
import { draw } from "../../sample/random";
import { sampleOrders } from "../../workorders/sample";
import { ATTITUDES, NO_ANSWERS, type SurveyAnswers, type SurveyLine } from "./engine";
import { DEFAULT_RETURN_VISIT_SHARE, drawReturnVisits, type ReturnVisitSample, type SampleSize } from "./sampling";
import { surveyLines } from "./survey";

const VISITORS = ["回访专员周敏", "客服刘洁"];
const COMMENTS = ["", "", "", "师傅很专业", "等配件时间太长", "=SUM(A1)", "+86 希望提前电话联系", "空调仍有异响"];
const PHONES = ["138", "139", "186", "0371-"];

/** `lines` with sample answers (visited ~85%, of those ~15% low scores, ~10% unresolved). */
export function withSampleAnswers(lines: readonly SurveyLine[], seed: number): SurveyLine[] {
  const { rnd, pick, chance } = draw((seed ^ 0x2545f491) >>> 0);
  return lines.map((l) => {
    const contact = `${pick(PHONES)}${String(Math.floor(rnd() * 1e8)).padStart(8, "0")}`;
    if (!chance(0.85)) return { ...l, answers: { ...NO_ANSWERS, contact } };
    const low = chance(0.15);
    const satisfaction = low ? 3 + Math.floor(rnd() * 5) : 8 + Math.floor(rnd() * 3);
    const answers: SurveyAnswers = {
      contact,
      visitDate: (l.completedOn ?? 0) + 2 + Math.floor(rnd() * 6),
      visitor: pick(VISITORS),
      satisfaction,
      quality: chance(0.1) ? null : Math.max(1, Math.min(10, satisfaction + Math.floor(rnd() * 3) - 1)),
      attitude: low ? pick(ATTITUDES.slice(1)) : "good",
      resolved: chance(0.1) ? false : chance(0.05) ? null : true,
      comments: pick(COMMENTS),
    };
    return { ...l, answers };
  });
}

/** The demo's month, seed and sample: October 2026's bundled sample orders, 30% drawn with seed 20261. */
export const SAMPLE_RETURN_VISITS = { month: { year: 2026, month: 10 }, seed: 20261, orders: 400 } as const;

/**
 * The demo survey: the bundled sample orders (sampleOrders) of {@link SAMPLE_RETURN_VISITS},
 * drawn with its seed (or `seed`) and size, answered by {@link withSampleAnswers}.
 */
export function sampleReturnVisits(
  seed: number = SAMPLE_RETURN_VISITS.seed,
  size: SampleSize = { share: DEFAULT_RETURN_VISIT_SHARE },
): {
  readonly sample: ReturnVisitSample;
  readonly lines: readonly SurveyLine[];
} {
  const { month, orders } = SAMPLE_RETURN_VISITS;
  const r = drawReturnVisits(sampleOrders({ seed: 7, count: orders, month, technicians: 6 }), {
    month,
    seed,
    size,
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return { sample: r.value, lines: withSampleAnswers(surveyLines(r.value), seed) };
}
