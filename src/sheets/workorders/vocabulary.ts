/**
 * The words the register sheet holds and its formulas compare against, per locale: column
 * headers (also the names in structured references such as `SVC_WorkOrders[报修时间]`), the
 * yes/no words, the fault categories and the SLA states. The register, the KPI formulas and
 * the engine's expected values all come from this one table, so they cannot drift apart.
 */
import { pick, text, type Locale, type Text } from "../../core/i18n/text";
import { ORDER_FIELDS, UNASSIGNED, type OrderField } from "../../core/workorders";
import { CONTACT_METHOD_WORDS, type ContactMethod, type FaultCategory } from "../../core/sla";
import type { SlaState } from "../../core/sla";

/** Calculated columns of the register (formulas), after the RULES.md#work-order-register input columns. */
export type CalculatedColumn =
  | "slaHours"
  | "deadline"
  | "slaEventAt"
  | "slaState"
  | "responseHours"
  | "completionDeadline"
  | "completionState"
  | "reportComplete";
export type RegisterColumn = OrderField | CalculatedColumn | "sourceRow";

export const CALCULATED_LABELS: Readonly<Record<CalculatedColumn | "sourceRow", Text>> = {
  slaHours: text("时限(h)", "SLA limit (h)"),
  deadline: text("截止时间", "Deadline"),
  slaEventAt: text("时限事件时间", "SLA event at"),
  slaState: text("SLA状态", "SLA state"),
  responseHours: text("响应时长(h)", "Response (h)"),
  completionDeadline: text("完工期限", "Completion due"),
  completionState: text("维修及时", "Completed on time"),
  reportComplete: text("报告完整", "Report complete"),
  sourceRow: text("来源行", "Source row"),
};

/** Register columns in sheet order: the 19 fields of RULES.md#work-order-register, the calculated ones, the source row. */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  ...ORDER_FIELDS.map((f) => f.id),
  "slaHours",
  "deadline",
  "slaEventAt",
  "slaState",
  "responseHours",
  "completionDeadline",
  "completionState",
  "reportComplete",
  "sourceRow",
];

export const YES_NO: Readonly<Record<"yes" | "no", Text>> = { yes: text("是", "yes"), no: text("否", "no") };

/** Category words in the register (the dropdown and the formulas use these). */
export const CATEGORY_WORDS: Readonly<Record<FaultCategory, Text>> = {
  body: text("车身", "body"),
  chassisEngine: text("底盘发动机", "chassis-engine"),
  other: text("其他", "other"),
};

/** The register's SLA states (the words: 达标 / 超时 / 未到期 / 数据不全). */
export const STATE_WORDS: Readonly<Record<SlaState, Text>> = {
  met: text("达标", "met"),
  missed: text("超时", "missed"),
  pending: text("未到期", "pending"),
  unknown: text("数据不全", "no data"),
};

export interface Vocabulary {
  readonly locale: Locale;
  readonly header: Readonly<Record<RegisterColumn, string>>;
  readonly yes: string;
  readonly no: string;
  readonly category: Readonly<Record<FaultCategory, string>>;
  readonly state: Readonly<Record<SlaState, string>>;
  /** 答复方式 words: 书面 / 电话. */
  readonly contactMethod: Readonly<Record<ContactMethod, string>>;
  readonly unassigned: string;
}

export function vocabulary(locale: Locale): Vocabulary {
  const t = (x: Text) => pick(x, locale);
  const header = {} as Record<RegisterColumn, string>;
  for (const f of ORDER_FIELDS) header[f.id] = t(f.label);
  for (const [k, v] of Object.entries(CALCULATED_LABELS)) header[k as CalculatedColumn | "sourceRow"] = t(v);
  return {
    locale,
    header,
    yes: t(YES_NO.yes),
    no: t(YES_NO.no),
    category: {
      body: t(CATEGORY_WORDS.body),
      chassisEngine: t(CATEGORY_WORDS.chassisEngine),
      other: t(CATEGORY_WORDS.other),
    },
    state: {
      met: t(STATE_WORDS.met),
      missed: t(STATE_WORDS.missed),
      pending: t(STATE_WORDS.pending),
      unknown: t(STATE_WORDS.unknown),
    },
    contactMethod: { written: t(CONTACT_METHOD_WORDS.written), phone: t(CONTACT_METHOD_WORDS.phone) },
    unassigned: t(UNASSIGNED),
  };
}

/** A formula string literal: "车身" with inner quotes doubled. */
export function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
