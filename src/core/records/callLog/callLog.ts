/**
 * 来电来函处理记录 — the call/letter log (售后服务管理办法 3.5; RULES.md#call-and-letter-log).
 *
 * 3.5.1 the log is kept in the order calls and letters came in; 3.5.2 each gets a clear answer,
 * recorded; 3.5.4 the answers (复电、复函) are archived. 3.2.3: for a 底盘发动机 fault reported
 * to the company, the service group contacts the user **in writing** within 12 hours
 * (SVC_SLA_ChassisReplyHours) and archives the result. So the log proves written contact: a
 * written answer (书面), with its time and where it is archived, for the order.
 *
 * This module is the engine: it reads a log as a clerk keeps it, puts it in time order and
 * computes what the sheet's formulas compute (status, hours to answer, the order's first
 * archived written answer since the call, the written-contact check), so every formula cell
 * carries its expected value.
 */
import { text, type Text } from "../../i18n/text";
import type { Problem } from "../../problem";
import type { FaultCategory } from "../../sla/category";
import { readRecordTable, type FieldSpec, type RecordRow } from "../table";

export type CallChannel = "phone" | "letter" | "fax" | "email";
export type AnswerChannel = "phone" | "written";

/** One call or letter as logged. null = blank. */
export interface CallEntry {
  /** When it came in (Excel serial). */
  readonly at: number;
  readonly channel: CallChannel | null;
  /** 来电单位/用户. */
  readonly caller: string | null;
  /** 联系人及电话. */
  readonly contact: string | null;
  /** 工单号, text as the user sees it. */
  readonly orderId: string | null;
  /** 车号/车型. */
  readonly vehicle: string | null;
  readonly category: FaultCategory | null;
  /** 内容摘要. */
  readonly summary: string | null;
  /** 受理人. */
  readonly takenBy: string | null;
  /** 答复内容. */
  readonly answer: string | null;
  readonly answeredBy: AnswerChannel | null;
  readonly answeredAt: number | null;
  /** 存档位置 (file, binder, folder) of the answer. */
  readonly archive: string | null;
  /** The row it was read from, if it came from a table. */
  readonly sourceRow?: number;
}

export type CallStatus = "pending" | "notArchived" | "closed";
/** The 3.2.3 check of a chassis-engine call: written contact in time, late, not yet due, or missed. */
export type WrittenCheck = "onTime" | "late" | "pending" | "missed";

export const CALL_STATUS_LABELS: Readonly<Record<CallStatus, Text>> = {
  pending: text("待答复", "Awaiting answer"),
  notArchived: text("未存档", "Not archived"),
  closed: text("已办结", "Closed"),
};

export const WRITTEN_CHECK_LABELS: Readonly<Record<WrittenCheck, Text>> = {
  onTime: text("按时", "On time"),
  late: text("超时", "Late"),
  pending: text("待联系", "Due"),
  missed: text("未联系", "Missed"),
};

export const CALL_CHANNEL_LABELS: Readonly<Record<CallChannel, Text>> = {
  phone: text("来电", "Call"),
  letter: text("来函", "Letter"),
  fax: text("传真", "Fax"),
  email: text("邮件", "E-mail"),
};

export const ANSWER_CHANNEL_LABELS: Readonly<Record<AnswerChannel, Text>> = {
  phone: text("复电", "Phone"),
  written: text("书面", "Written"),
};

const CATEGORY_WORDS: Readonly<Record<FaultCategory, readonly string[]>> = {
  body: ["车身", "body", "车身类", "车体"],
  chassisEngine: [
    "底盘发动机",
    "chassis-engine",
    "底盘",
    "发动机",
    "底盘/发动机",
    "chassis",
    "engine",
    "chassis/engine",
  ],
  other: ["其他", "other", "其它"],
};

const words = <K extends string>(labels: Readonly<Record<K, Text>>, extra: Readonly<Record<K, readonly string[]>>) =>
  Object.fromEntries(
    (Object.keys(labels) as K[]).map((k) => [k, [labels[k].zh, labels[k].en, ...extra[k]]]),
  ) as unknown as Record<K, readonly string[]>;

/** The columns of a call log table, in sheet order (the input columns of the generated sheet). */
export const CALL_FIELDS: readonly FieldSpec[] = [
  {
    id: "at",
    label: text("来电来函时间", "Received at"),
    headers: ["时间", "来电时间", "来函时间", "日期", "received", "date", "time"],
    kind: { type: "dateTime" },
    required: true,
  },
  {
    id: "channel",
    label: text("方式", "Channel"),
    headers: ["来电/来函", "类型", "type", "via"],
    kind: {
      type: "choice",
      options: words(CALL_CHANNEL_LABELS, {
        phone: ["电话", "phone", "call"],
        letter: ["信函", "函件", "letter"],
        fax: ["fax"],
        email: ["电子邮件", "email", "mail"],
      }),
    },
  },
  {
    id: "caller",
    label: text("单位/用户", "Customer"),
    headers: ["来电单位", "用户", "客户", "单位", "caller", "client"],
    kind: { type: "text" },
  },
  {
    id: "contact",
    label: text("联系人及电话", "Contact"),
    headers: ["联系人", "电话", "联系方式", "phone", "contact person"],
    kind: { type: "text" },
  },
  {
    id: "orderId",
    label: text("工单号", "Order no."),
    headers: ["工单编号", "order", "order id", "work order"],
    kind: { type: "id" },
  },
  {
    id: "vehicle",
    label: text("车号/车型", "Vehicle"),
    headers: ["车号", "车型", "车牌号", "vehicle no."],
    kind: { type: "text" },
  },
  {
    id: "category",
    label: text("故障类别", "Fault category"),
    headers: ["类别", "故障类型", "category"],
    kind: { type: "choice", options: CATEGORY_WORDS },
  },
  {
    id: "summary",
    label: text("内容摘要", "Summary"),
    headers: ["内容", "来电内容", "事由", "content", "subject"],
    kind: { type: "text" },
  },
  {
    id: "takenBy",
    label: text("受理人", "Taken by"),
    headers: ["记录人", "接听人", "handler"],
    kind: { type: "text" },
  },
  {
    id: "answer",
    label: text("答复内容", "Answer"),
    headers: ["答复", "处理结果", "reply", "response"],
    kind: { type: "text" },
  },
  {
    id: "answeredBy",
    label: text("答复方式", "Answered by"),
    headers: ["答复形式", "reply by", "answer channel"],
    kind: {
      type: "choice",
      options: words(ANSWER_CHANNEL_LABELS, {
        phone: ["电话", "电话答复", "phone", "call"],
        written: ["复函", "函件", "书面答复", "传真", "邮件", "letter", "fax", "email", "written"],
      }),
    },
  },
  {
    id: "answeredAt",
    label: text("答复时间", "Answered at"),
    headers: ["复电复函时间", "回复时间", "replied at", "answered"],
    kind: { type: "dateTime" },
  },
  {
    id: "archive",
    label: text("存档位置", "Archived at"),
    headers: ["存档", "归档位置", "档案号", "archive", "filed at"],
    kind: { type: "text" },
  },
];

export interface CallsRead {
  readonly calls: readonly CallEntry[];
  readonly rowsRead: number;
  readonly problems: readonly Problem[];
  readonly fatal: boolean;
}

const what = text("来电来函记录", "the call/letter log");

/** Reads a call log table (header row first); rows without a time are reported and left out. */
export function readCalls(values: readonly (readonly unknown[])[], firstRow = 1): CallsRead {
  const read = readRecordTable(values, CALL_FIELDS, { firstRow, what });
  return { calls: read.rows.map(callOf), rowsRead: read.rowsRead, problems: read.problems, fatal: read.fatal };
}

function callOf(r: RecordRow): CallEntry {
  const v = r.values;
  const s = (k: string): string | null => (typeof v[k] === "string" ? (v[k] as string) : null);
  const n = (k: string): number | null => (typeof v[k] === "number" ? (v[k] as number) : null);
  return {
    at: n("at")!,
    channel: s("channel") as CallChannel | null,
    caller: s("caller"),
    contact: s("contact"),
    orderId: s("orderId"),
    vehicle: s("vehicle"),
    category: s("category") as FaultCategory | null,
    summary: s("summary"),
    takenBy: s("takenBy"),
    answer: s("answer"),
    answeredBy: s("answeredBy") as AnswerChannel | null,
    answeredAt: n("answeredAt"),
    archive: s("archive"),
    sourceRow: r.row,
  };
}

/**
 * Half a millisecond: "answered at or after the call" forgives the digits a time loses on its
 * way through a sheet, the same on the sheet and here.
 */
export const HALF_MS_DAYS = 0.5 / 86_400_000;

export interface CallLogLine {
  readonly call: CallEntry;
  readonly status: CallStatus;
  /** (答复时间 − 来电时间) × 24, or null when unanswered. */
  readonly hoursToAnswer: number | null;
  /** The order's first archived written answer at or after this call (this row's own when it has no order), or null. */
  readonly firstWrittenAnswer: number | null;
  /** Chassis-engine calls only (null otherwise). */
  readonly writtenCheck: WrittenCheck | null;
}

export interface CallLogCounts {
  readonly entries: number;
  readonly pending: number;
  readonly notArchived: number;
  readonly closed: number;
  readonly written: Readonly<Record<WrittenCheck, number>>;
}

export interface CallLogResult {
  /** In time order (ties keep their input order). */
  readonly lines: readonly CallLogLine[];
  readonly counts: CallLogCounts;
}

export interface CallLogOptions {
  /** The moment the written-contact check is taken at (serial). */
  readonly asOf: number;
  /** SVC_SLA_ChassisReplyHours. */
  readonly chassisReplyHours: number;
}

/** Same order number as a sheet compares text: ignoring case. */
function sameOrder(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function provesWrittenContact(c: CallEntry, since: number): c is CallEntry & { answeredAt: number } {
  return (
    c.answeredBy === "written" && c.archive !== null && c.answeredAt !== null && c.answeredAt >= since - HALF_MS_DAYS
  );
}

/**
 * The first archived written answer to `orderId` at or after `since`, over the whole log: what
 * proves written contact for an order (the register's check, issue 14 point 9). null = none.
 */
export function writtenContactAt(calls: readonly CallEntry[], orderId: string, since: number): number | null {
  let first: number | null = null;
  for (const c of calls)
    if (c.orderId !== null && sameOrder(c.orderId, orderId) && provesWrittenContact(c, since))
      if (first === null || c.answeredAt < first) first = c.answeredAt;
  return first;
}

/**
 * 3.2.3's check of a chassis-engine fault reported at `since`: the first written contact
 * (`first`, or null) within `limitDays` is on time, after it late; with none yet, pending until
 * the limit has passed at `asOf`, then missed. The call log's rows and the register's
 * written-contact column both use it.
 */
export function writtenContactCheck(
  first: number | null,
  since: number,
  asOf: number,
  limitDays: number,
): WrittenCheck {
  if (first !== null) return first - since <= limitDays ? "onTime" : "late";
  return asOf - since <= limitDays ? "pending" : "missed";
}

/** Puts the log in time order and computes every line's status and check, and the counts. */
export function computeCallLog(calls: readonly CallEntry[], options: CallLogOptions): CallLogResult {
  const sorted = calls
    .map((c, i) => ({ c, i }))
    .sort((x, y) => x.c.at - y.c.at || x.i - y.i)
    .map((x) => x.c);
  const limit = options.chassisReplyHours / 24;
  const lines = sorted.map((call): CallLogLine => {
    const status: CallStatus = call.answeredAt === null ? "pending" : call.archive === null ? "notArchived" : "closed";
    const firstWrittenAnswer =
      call.orderId === null
        ? provesWrittenContact(call, call.at)
          ? call.answeredAt
          : null
        : writtenContactAt(sorted, call.orderId, call.at);
    const writtenCheck =
      call.category === "chassisEngine" ? writtenContactCheck(firstWrittenAnswer, call.at, options.asOf, limit) : null;
    return {
      call,
      status,
      hoursToAnswer: call.answeredAt === null ? null : (call.answeredAt - call.at) * 24,
      firstWrittenAnswer,
      writtenCheck,
    };
  });
  const count = (p: (l: CallLogLine) => boolean): number => lines.filter(p).length;
  return {
    lines,
    counts: {
      entries: lines.length,
      pending: count((l) => l.status === "pending"),
      notArchived: count((l) => l.status === "notArchived"),
      closed: count((l) => l.status === "closed"),
      written: {
        onTime: count((l) => l.writtenCheck === "onTime"),
        late: count((l) => l.writtenCheck === "late"),
        pending: count((l) => l.writtenCheck === "pending"),
        missed: count((l) => l.writtenCheck === "missed"),
      },
    },
  };
}
