/**
 * 违规与黄红牌记录 — the conduct log (issue 12 point 6; RULES.md#conduct-log).
 *
 * The appraisal rules (售后服务考核管理制度 第八条): two yellow cards or one red card in a year
 * cancel the year-end appraisal (the bonus sheet's forfeiture, thresholds
 * SVC_Bonus_Forfeit_YellowCards / _RedCards). The policy says nothing of how a card is issued; a
 * clerk keeps each card with its date, the person, the rule broken, who issued and who approved
 * it. A card counts once approved and not revoked on appeal; the bonus sheet counts the counted
 * cards of each person in the bonus year up to the end of its quarter.
 */
import { text, type Text } from "../../i18n/text";
import type { Problem } from "../../problem";
import { serialToDateTime } from "../../dates/serial";
import { readRecordTable, type FieldSpec, type RecordRow } from "../table";

export type CardColour = "yellow" | "red";
export type CardStatus = "valid" | "revoked";

export const CARD_LABELS: Readonly<Record<CardColour, Text>> = {
  yellow: text("黄牌", "Yellow"),
  red: text("红牌", "Red"),
};

export const CARD_STATUS_LABELS: Readonly<Record<CardStatus, Text>> = {
  valid: text("有效", "Valid"),
  revoked: text("已撤销", "Revoked"),
};

export const COUNTED_LABELS = { yes: text("是", "Yes"), no: text("否", "No") } as const;

/** One card as logged. null = blank. */
export interface CardEntry {
  /** The day of the violation (serial). */
  readonly date: number;
  readonly person: string;
  readonly id: string | null;
  readonly department: string | null;
  readonly card: CardColour;
  /** 违反条款: the rule broken (e.g. "3.3.4 向用户收取费用"). */
  readonly rule: string | null;
  readonly facts: string | null;
  readonly issuedBy: string | null;
  readonly approvedBy: string | null;
  readonly approvedOn: number | null;
  /** Blank is valid: a card stands until revoked. */
  readonly status: CardStatus | null;
  readonly sourceRow?: number;
}

const both = (t: Text, ...more: string[]): string[] => [t.zh, t.en, ...more];

export const CARD_FIELDS: readonly FieldSpec[] = [
  {
    id: "date",
    label: text("日期", "Date"),
    headers: ["违规日期", "发生日期", "时间", "date of violation"],
    kind: { type: "dateTime" },
    required: true,
  },
  {
    id: "person",
    label: text("姓名", "Name"),
    headers: ["人员", "员工", "责任人", "person", "employee"],
    kind: { type: "text" },
    required: true,
  },
  { id: "id", label: text("工号", "ID"), headers: ["员工编号", "employee id", "staff id"], kind: { type: "id" } },
  { id: "department", label: text("部门", "Department"), headers: ["所属部门", "dept"], kind: { type: "text" } },
  {
    id: "card",
    label: text("牌别", "Card"),
    headers: ["黄牌/红牌", "类别", "处分", "card type", "colour"],
    kind: {
      type: "choice",
      options: {
        yellow: both(CARD_LABELS.yellow, "黄", "黄卡", "yellow card"),
        red: both(CARD_LABELS.red, "红", "红卡", "red card"),
      },
    },
    required: true,
  },
  {
    id: "rule",
    label: text("违反条款", "Rule broken"),
    headers: ["违规条款", "条款", "违规内容", "rule", "clause"],
    kind: { type: "text" },
  },
  { id: "facts", label: text("事实经过", "Facts"), headers: ["经过", "说明", "description"], kind: { type: "text" } },
  { id: "issuedBy", label: text("开具人", "Issued by"), headers: ["提出人", "issuer"], kind: { type: "text" } },
  {
    id: "approvedBy",
    label: text("审批人", "Approved by"),
    headers: ["批准人", "审核人", "approver"],
    kind: { type: "text" },
  },
  {
    id: "approvedOn",
    label: text("审批日期", "Approved on"),
    headers: ["批准日期", "approval date"],
    kind: { type: "dateTime" },
  },
  {
    id: "status",
    label: text("状态", "Status"),
    headers: ["是否有效", "state"],
    kind: {
      type: "choice",
      options: {
        valid: both(CARD_STATUS_LABELS.valid, "生效"),
        revoked: both(CARD_STATUS_LABELS.revoked, "撤销", "申诉撤销", "withdrawn"),
      },
    },
  },
];

export interface CardsRead {
  readonly cards: readonly CardEntry[];
  readonly rowsRead: number;
  readonly problems: readonly Problem[];
  readonly fatal: boolean;
}

/** Reads a conduct log table (header row first); rows without date, name or card are reported and left out. */
export function readCards(values: readonly (readonly unknown[])[], firstRow = 1): CardsRead {
  const read = readRecordTable(values, CARD_FIELDS, { firstRow, what: text("违规与黄红牌记录", "the conduct log") });
  return { cards: read.rows.map(cardOf), rowsRead: read.rowsRead, problems: read.problems, fatal: read.fatal };
}

function cardOf(r: RecordRow): CardEntry {
  const v = r.values;
  const s = (k: string): string | null => (typeof v[k] === "string" ? (v[k] as string) : null);
  const n = (k: string): number | null => (typeof v[k] === "number" ? (v[k] as number) : null);
  return {
    date: n("date")!,
    person: s("person")!,
    id: s("id"),
    department: s("department"),
    card: s("card") as CardColour,
    rule: s("rule"),
    facts: s("facts"),
    issuedBy: s("issuedBy"),
    approvedBy: s("approvedBy"),
    approvedOn: n("approvedOn"),
    status: s("status") as CardStatus | null,
    sourceRow: r.row,
  };
}

/** A card counts once approved (审批人 filled) and not revoked. */
export function cardCounts(c: CardEntry): boolean {
  return c.approvedBy !== null && c.status !== "revoked";
}

/** "2026-Q3": the quarter of a date, as the sheet's 季度 column writes it. */
export function quarterOf(serial: number): string {
  const dt = serialToDateTime(Math.floor(serial));
  if (!dt.ok) return "";
  return `${dt.value.year}-Q${Math.floor((dt.value.month + 2) / 3)}`;
}

/** Same person as a sheet's COUNTIFS compares text: ignoring case. */
function samePerson(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The counted cards of one colour of `person` dated in [from, to). */
export function countCards(
  cards: readonly CardEntry[],
  person: string,
  card: CardColour,
  from: number,
  to: number,
): number {
  return cards.filter(
    (c) => c.card === card && cardCounts(c) && samePerson(c.person, person) && c.date >= from && c.date < to,
  ).length;
}

export interface ConductLogLine {
  readonly card: CardEntry;
  readonly quarter: string;
  readonly counted: boolean;
}

export interface ConductLogResult {
  /** In date order (ties keep their input order). */
  readonly lines: readonly ConductLogLine[];
  readonly counts: {
    readonly yellow: number;
    readonly red: number;
    readonly awaitingApproval: number;
    readonly revoked: number;
  };
}

export function computeConductLog(cards: readonly CardEntry[]): ConductLogResult {
  const lines = cards
    .map((c, i) => ({ c, i }))
    .sort((x, y) => x.c.date - y.c.date || x.i - y.i)
    .map(({ c }) => ({ card: c, quarter: quarterOf(c.date), counted: cardCounts(c) }));
  const n = (p: (l: ConductLogLine) => boolean): number => lines.filter(p).length;
  return {
    lines,
    counts: {
      yellow: n((l) => l.counted && l.card.card === "yellow"),
      red: n((l) => l.counted && l.card.card === "red"),
      awaitingApproval: n((l) => l.card.approvedBy === null && l.card.status !== "revoked"),
      revoked: n((l) => l.card.status === "revoked"),
    },
  };
}
