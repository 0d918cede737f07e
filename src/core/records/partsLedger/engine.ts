/**
 * 备用件台账 (spare-parts ledger, RULES.md#spare-parts-ledger, policy 3.7): the catalogue of
 * items (规格/型号 clear, 3.7.1), the movements in time order — 入库 against a 接收单 (3.7.2–3.7.3),
 * 领用 against a 领料单 (3.7.4, 3.6.1), 退库 of an unused part, 销帐 against a 服务报告 with the
 * old part returned (3.7.4, 3.6.2) — the running balance per item, and the 盘点 comparison of
 * counted with book quantity (帐物一致, 3.7.1).
 *
 * The book quantity is what the store holds: opening + receipts + returns − issues. A 销帐
 * does not move stock (the part left the store when it was issued); it closes the issue, so
 * 待销帐 = issues − returns − write-offs is what technicians hold without a service report.
 * These are the values every formula of the generated sheets must compute.
 */
import { text, type Text } from "../../i18n/text";
import { fail, ok, type Result } from "../../problem";
import { clean, codeKey } from "../table";

export type MoveKind = "receipt" | "issue" | "return" | "writeOff";
export const MOVE_KINDS: readonly MoveKind[] = ["receipt", "issue", "return", "writeOff"];
export const MOVE_KIND_LABELS: Readonly<Record<MoveKind, Text>> = {
  receipt: text("入库", "Receipt"),
  issue: text("领用", "Issue"),
  return: text("退库", "Return"),
  writeOff: text("销帐", "Write-off"),
};

export interface PartItem {
  readonly code: string;
  readonly name: string;
  /** 规格/型号. */
  readonly spec: string;
  readonly unit: string;
  readonly opening: number;
}

export interface PartMove {
  readonly date: number | null;
  readonly kind: MoveKind;
  /** 接收单号 / 领料单号 / 服务报告号. */
  readonly docNo: string;
  readonly code: string;
  readonly qty: number;
  readonly handler: string;
  readonly orderId: string;
  /** 旧件收回 (policy 3.6.2, 3.7.4): needed for a write-off. */
  readonly oldPartReturned: boolean | null;
  readonly note: string;
}

export type MoveFlag = "unknownItem" | "noOldPart" | "shortStock";
export const MOVE_FLAG_LABELS: Readonly<Record<MoveFlag, Text>> = {
  unknownItem: text("编码不在目录", "Code not in catalogue"),
  noOldPart: text("缺旧件", "Old part missing"),
  shortStock: text("库存不足", "Stock below zero"),
};

export interface MoveLine {
  /** Signed change of the store's stock (0 for a write-off). */
  readonly delta: number;
  /** The item's book quantity after this move. */
  readonly balance: number;
  readonly flag: MoveFlag | null;
}

export interface ItemTotals {
  readonly received: number;
  readonly issued: number;
  readonly returned: number;
  readonly writtenOff: number;
  /** Opening + received + returned − issued. */
  readonly book: number;
  /** Issued − returned − written off: parts out with technicians, not yet written off. */
  readonly outstanding: number;
}

export interface Ledger {
  readonly lines: readonly MoveLine[];
  readonly totals: readonly ItemTotals[];
}

/** Checks the catalogue: codes present and unique (as Excel compares text: case-insensitive). */
export function checkItems(items: readonly PartItem[], rows?: readonly number[]): Result<readonly PartItem[]> {
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const key = codeKey(items[i]!.code);
    const first = seen.get(key);
    if (first !== undefined) {
      const row = rows?.[i] ?? i + 1;
      return fail(
        "value",
        text(
          `物料编码“${items[i]!.code}”重复（与第 ${rows?.[first] ?? first + 1} 行相同；编码不区分大小写）`,
          `item code “${items[i]!.code}” appears twice (same as row ${rows?.[first] ?? first + 1}; codes ignore case)`,
        ),
        { row, column: "物料编码", reason: { code: "duplicateCode", params: { code: items[i]!.code } } },
      );
    }
    seen.set(key, i);
  }
  return ok(items);
}

/** The sign a move kind gives its quantity in the store's stock. */
export function moveSign(kind: MoveKind): number {
  return kind === "receipt" || kind === "return" ? 1 : kind === "issue" ? -1 : 0;
}

/** Posts the moves in order: each line's change, running balance and flag; each item's totals. */
export function postLedger(items: readonly PartItem[], moves: readonly PartMove[]): Ledger {
  const index = new Map(items.map((it, i) => [codeKey(it.code), i]));
  const balance = new Map<string, number>();
  const lines = moves.map((m): MoveLine => {
    const key = codeKey(m.code);
    const item = index.get(key);
    const delta = moveSign(m.kind) * m.qty;
    const before = balance.get(key) ?? (item === undefined ? 0 : items[item]!.opening);
    const after = before + delta;
    balance.set(key, after);
    const flag: MoveFlag | null =
      item === undefined
        ? "unknownItem"
        : m.kind === "writeOff" && m.oldPartReturned !== true
          ? "noOldPart"
          : clean(after) < 0
            ? "shortStock"
            : null;
    return { delta, balance: after, flag };
  });
  const totals = items.map((it): ItemTotals => {
    const key = codeKey(it.code);
    const sum = (kind: MoveKind) =>
      moves.filter((m) => m.kind === kind && codeKey(m.code) === key).reduce((s, m) => s + m.qty, 0);
    const received = sum("receipt");
    const issued = sum("issue");
    const returned = sum("return");
    const writtenOff = sum("writeOff");
    return {
      received,
      issued,
      returned,
      writtenOff,
      book: it.opening + received + returned - issued,
      outstanding: issued - returned - writtenOff,
    };
  });
  return { lines, totals };
}

export type StockTakeResult = "match" | "surplus" | "shortage" | "notCounted";
export const STOCK_TAKE_LABELS: Readonly<Record<StockTakeResult, Text>> = {
  match: text("帐物一致", "Matches"),
  surplus: text("盘盈", "Surplus"),
  shortage: text("盘亏", "Shortage"),
  notCounted: text("未盘", "Not counted"),
};

export interface StockTakeLine {
  readonly book: number;
  readonly counted: number | null;
  /** Counted − book, or null when not counted. */
  readonly difference: number | null;
  readonly result: StockTakeResult;
}

/** 盘点: counted against book, per item (counts in catalogue order; null = not counted yet). */
export function stockTake(totals: readonly ItemTotals[], counts: readonly (number | null)[]): StockTakeLine[] {
  return totals.map((t, i) => {
    const counted = counts[i] ?? null;
    if (counted === null) return { book: t.book, counted, difference: null, result: "notCounted" };
    const difference = counted - t.book;
    const d = clean(difference);
    return { book: t.book, counted, difference, result: d === 0 ? "match" : d > 0 ? "surplus" : "shortage" };
  });
}

export interface StockTakeSummary {
  readonly counted: number;
  readonly match: number;
  readonly surplus: number;
  readonly shortage: number;
}

export function summarizeStockTake(lines: readonly StockTakeLine[]): StockTakeSummary {
  const n = (r: StockTakeResult) => lines.filter((l) => l.result === r).length;
  return { counted: lines.length - n("notCounted"), match: n("match"), surplus: n("surplus"), shortage: n("shortage") };
}
