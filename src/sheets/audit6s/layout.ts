/**
 * Layout facts of the 6S检查表 sheet shared by its generator, its reader and the 6S汇总
 * generator: column letters, the dropdown words and the header cells (the marker meta is in marker.ts).
 */
import { text, pick, type Locale, type Text } from "../../core/i18n/text";
import { FAIL_WORDS, NA_WORDS, PASS_WORDS, DONE_WORDS, type ScaleId } from "../../core/audit6s/engine";

/** Columns of an area block. J–N are hidden helpers the formulas use; O holds the marker. */
export const COL = {
  no: 1, // A 序号
  s: 2, // B 6S
  item: 3, // C 检查项目
  score: 4, // D 评分
  finding: 5, // E 问题描述
  action: 6, // F 整改措施
  owner: 7, // G 责任人
  due: 8, // H 整改期限
  status: 9, // I 状态
  value: 10, // J 分值: the score as a number, "" when not scored
  max: 11, // K 满分 of a scored item, else 0
  criticalZero: 12, // L 1 when a critical item scored 0
  needs: 13, // M 1 when scored below the scale's middle
  critical: 14, // N 1 for a critical item
  marker: 15, // O
} as const;

export const LAST_VISIBLE = COL.status;

/** The S table under each area's items reuses the same columns. */
export const S_COL = {
  name: COL.s, // B
  bar: COL.item, // C 图示
  percent: COL.score, // D 得分率
  score: COL.finding, // E 得分
  max: COL.action, // F 满分
  weight: COL.owner, // G 权重
  applicable: COL.due, // H 已评项
  criticalZeros: COL.status, // I 关键项 0 分
  weighted: COL.value, // J hidden: percent × weight
  used: COL.max, // K hidden: weight when the S has a percent
} as const;

export type ScoreEntry = number | "na" | "pass" | "fail" | null;
export type StatusId = "open" | "inProgress" | "done";

const STATUS: Readonly<Record<StatusId, Text>> = {
  open: text("未整改", "Open"),
  inProgress: text("整改中", "In progress"),
  done: text(DONE_WORDS[0], DONE_WORDS[1]),
};
export const STATUS_IDS: readonly StatusId[] = ["open", "inProgress", "done"];

export function statusWord(id: StatusId, locale: Locale): string {
  return pick(STATUS[id], locale);
}

const NA = text(NA_WORDS[0], NA_WORDS[1]);
const PASS = text(PASS_WORDS[0], PASS_WORDS[1]);
const FAIL = text(FAIL_WORDS[0], FAIL_WORDS[1]);

/** The score dropdown of a scale: the points (or 合格/不合格) and 不适用. */
export function scoreChoices(scale: ScaleId, max: number, locale: Locale): string[] {
  const na = pick(NA, locale);
  if (scale === "passFail") return [pick(PASS, locale), pick(FAIL, locale), na];
  return [...Array.from({ length: max + 1 }, (_, i) => String(i)), na];
}

/** What a score entry is written as in the sheet (a number stays a number). */
export function scoreCell(entry: ScoreEntry, locale: Locale): string | number | null {
  if (entry === null || typeof entry === "number") return entry;
  return pick(entry === "na" ? NA : entry === "pass" ? PASS : FAIL, locale);
}

/** Cells of an area's header block, relative to its top row. */
export const HEADER = {
  areaName: { row: 0, col: COL.item },
  date: { row: 0, col: COL.action },
  inspector: { row: 0, col: COL.due },
  unit: { row: 1, col: COL.item },
  scored: { row: 1, col: COL.action },
  needs: { row: 1, col: COL.due },
} as const;
