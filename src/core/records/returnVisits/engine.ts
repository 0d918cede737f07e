/**
 * The return-visit survey (回访记录 / 满意度调查表) as the sheets compute it: per row whether the
 * customer was visited and whether the case needs a follow-up, the follow-ups numbered in survey
 * order, and per technician the visits done, 回访率 and the mean ratings. The sheets' formulas
 * must give exactly these values (the LibreOffice comparison holds them to it).
 *
 * Policy: 二、5 "对于满意度较低或问题仍未解决的客户，需要及时跟进并采取相应措施" — a follow-up for a
 * low score or an unresolved problem. "Low" is a score below the threshold; its default is the
 * CSAT threshold of 考核参数 (RULES.md#monthly-kpis: a rating ≥ 8 counts as satisfied **(default)**), so a
 * customer the KPI table counts as not satisfied is the one called back.
 * Ratings are the policy's 1–10 scale (三、4 "客户满意度…评分范围为1-10分").
 */
import { text, type Text } from "../../i18n/text";
import { technicianKey } from "../../workorders/aggregate";

export type Attitude = "good" | "fair" | "poor";
export const ATTITUDES: readonly Attitude[] = ["good", "fair", "poor"];
export const ATTITUDE_LABELS: Readonly<Record<Attitude, Text>> = {
  good: text("满意", "Satisfied"),
  fair: text("一般", "Fair"),
  poor: text("不满意", "Dissatisfied"),
};

/** One line of the survey: the order (from the register) and the answers (typed by the visitor). */
export interface SurveyLine {
  readonly orderId: string;
  readonly customer: string;
  /** Blank = 未指派; the sheet writes the word. */
  readonly technician: string | null;
  /** Whole-day serial of 完成时间. */
  readonly completedOn: number | null;
  readonly answers: SurveyAnswers;
}

export interface SurveyAnswers {
  readonly contact: string;
  readonly visitDate: number | null;
  readonly visitor: string;
  /** 1–10. */
  readonly satisfaction: number | null;
  /** 1–10. */
  readonly quality: number | null;
  readonly attitude: Attitude | null;
  /** 问题已解决: null = not asked. */
  readonly resolved: boolean | null;
  readonly comments: string;
}

export const NO_ANSWERS: SurveyAnswers = {
  contact: "",
  visitDate: null,
  visitor: "",
  satisfaction: null,
  quality: null,
  attitude: null,
  resolved: null,
  comments: "",
};

export type FollowUpReason = "lowScore" | "unresolved" | "both";
export const FOLLOW_UP_LABELS: Readonly<Record<FollowUpReason, Text>> = {
  lowScore: text("低分", "Low score"),
  unresolved: text("未解决", "Unresolved"),
  both: text("低分且未解决", "Low score, unresolved"),
};

export interface SurveyRow {
  readonly visited: boolean;
  readonly followUp: FollowUpReason | null;
  /** 1, 2, … in survey order for rows that need a follow-up; null otherwise. */
  readonly followUpNo: number | null;
}

export interface TechnicianFigures {
  readonly technician: string | null;
  /** Completed orders of the month (the 回访率 denominator). */
  readonly completed: number;
  readonly sampled: number;
  readonly visited: number;
  /** visited ÷ completed; null when nothing was completed. */
  readonly visitRate: number | null;
  /** Mean of the satisfaction ratings given; null when none. */
  readonly meanSatisfaction: number | null;
  readonly meanQuality: number | null;
  readonly lowScores: number;
  readonly unresolved: number;
  readonly followUps: number;
}

export interface SurveyFigures {
  readonly rows: readonly SurveyRow[];
  readonly technicians: readonly TechnicianFigures[];
  readonly total: TechnicianFigures;
  /** The survey rows needing a follow-up, in survey order (indexes into the lines). */
  readonly followUps: readonly number[];
}

/** The follow-up reason of one line, or null. */
export function followUpOf(a: SurveyAnswers, threshold: number): FollowUpReason | null {
  const low = a.satisfaction !== null && a.satisfaction < threshold;
  const unresolved = a.resolved === false;
  return low && unresolved ? "both" : low ? "lowScore" : unresolved ? "unresolved" : null;
}

/**
 * The survey's figures. `completed` gives each technician's completed orders (keyed by
 * technicianKey); the summary lists them in the order given, technicians the survey has but
 * `completed` lacks are left out of the per-technician rows but counted in the total.
 */
export function surveyFigures(
  lines: readonly SurveyLine[],
  completed: readonly { readonly technician: string | null; readonly completed: number }[],
  threshold: number,
): SurveyFigures {
  let next = 1;
  const followUps: number[] = [];
  const rows = lines.map((l, i): SurveyRow => {
    const followUp = followUpOf(l.answers, threshold);
    if (followUp !== null) followUps.push(i);
    return { visited: l.answers.visitDate !== null, followUp, followUpNo: followUp === null ? null : next++ };
  });
  const figuresOf = (technician: string | null, done: number, which: (l: SurveyLine) => boolean): TechnicianFigures => {
    let sampled = 0;
    let visited = 0;
    let sat = 0;
    let satN = 0;
    let qual = 0;
    let qualN = 0;
    let lowScores = 0;
    let unresolved = 0;
    let follow = 0;
    lines.forEach((l, i) => {
      if (!which(l)) return;
      const a = l.answers;
      sampled++;
      if (rows[i]!.visited) visited++;
      if (a.satisfaction !== null) {
        sat += a.satisfaction;
        satN++;
        if (a.satisfaction < threshold) lowScores++;
      }
      if (a.quality !== null) {
        qual += a.quality;
        qualN++;
      }
      if (a.resolved === false) unresolved++;
      if (rows[i]!.followUp !== null) follow++;
    });
    return {
      technician,
      completed: done,
      sampled,
      visited,
      visitRate: done === 0 ? null : visited / done,
      meanSatisfaction: satN === 0 ? null : sat / satN,
      meanQuality: qualN === 0 ? null : qual / qualN,
      lowScores,
      unresolved,
      followUps: follow,
    };
  };
  const technicians = completed.map((c) =>
    figuresOf(c.technician, c.completed, (l) => technicianKey(l.technician) === technicianKey(c.technician)),
  );
  const total = figuresOf(
    null,
    completed.reduce((a, c) => a + c.completed, 0),
    () => true,
  );
  return { rows, technicians, total, followUps };
}
