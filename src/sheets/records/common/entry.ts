/** What the record sheets (来电来函, 违规与黄红牌, 回访) share: dropdowns, date entry, coloured states. */
import type { Text } from "../../../core/i18n/text";
import { CONDITIONAL } from "../../common/styles";
import { literal } from "./recordTable";
import type { SheetBuilder } from "../../common/builder";
import type { MarkerEnvelope } from "../../plan";

export const RECORD_VALIDATION = {
  dateTime: {
    zh: "请输入日期或日期时间，例如 2026-10-05 08:30",
    en: "Enter a date or date-time, e.g. 2026-10-05 08:30",
  },
  list: (words: string): Text => ({ zh: `请从下拉列表中选择：${words}`, en: `Choose from the list: ${words}` }),
} as const;

/** Date (and time) entry in `range`, prompted and refused with the column's title. */
export function dateEntry<M extends MarkerEnvelope>(
  b: SheetBuilder<M>,
  t: (x: Text) => string,
  range: string,
  title: string,
): void {
  const message = t(RECORD_VALIDATION.dateTime);
  b.validate({
    range,
    rule: { type: "date" },
    allowBlank: true,
    prompt: { title, message },
    error: { title, message },
  });
}

/** A dropdown of `labels` in `range`, with an optional prompt. */
export function listEntry<M extends MarkerEnvelope>(
  b: SheetBuilder<M>,
  t: (x: Text) => string,
  range: string,
  title: string,
  labels: readonly Text[],
  prompt?: Text,
): void {
  const values = labels.map(t);
  b.validate({
    range,
    rule: { type: "list", values },
    allowBlank: true,
    ...(prompt ? { prompt: { title, message: t(prompt) } } : {}),
    error: { title, message: t(RECORD_VALIDATION.list(values.join(" / "))) },
  });
}

/** Colours `range` where its first cell (`cell`, relative) shows `word`. */
export function colourWord<M extends MarkerEnvelope>(
  b: SheetBuilder<M>,
  range: string,
  cell: string,
  word: string,
  style: (typeof CONDITIONAL)[keyof typeof CONDITIONAL],
): void {
  b.conditional({ range, rule: { type: "expression", formula: `=${cell}=${literal(word)}` }, style });
}
