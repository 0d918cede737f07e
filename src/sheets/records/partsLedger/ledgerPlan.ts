/**
 * The spare-parts book of one service station (RULES.md#spare-parts-ledger, policy 3.7; 3.7.6:
 * parts sent to a station are kept in a book of their own): three sheets written as one unit —
 * 备用件台账 (the catalogue with each item's receipts, issues, returns, write-offs, book quantity
 * and quantity to write off), 出入库流水 (the movements in time order with the item's running
 * balance and a check column) and 盘点表 (counted against book, 帐物一致 / 盘盈 / 盘亏).
 *
 * Codes are matched with `--(range=cell)` inside SUMPRODUCT, never with SUMIFS/COUNTIF/MATCH
 * criteria: a code such as "LT*5" or "=CMD" must not become a wildcard or a comparison, and
 * "0012" must not equal "12" (criteria read numeric text as numbers).
 */
import { pick, type Locale, type Text } from "../../../core/i18n/text";
import { fail, ok, type Result } from "../../../core/problem";
import {
  MOVE_FLAG_LABELS,
  MOVE_KINDS,
  MOVE_KIND_LABELS,
  STOCK_TAKE_LABELS,
  ITEM_FIELDS,
  MOVE_FIELDS,
  checkItems,
  postLedger,
  stockTake,
  summarizeStockTake,
  type Ledger,
  type PartItem,
  type PartMove,
  type StockTakeLine,
} from "../../../core/records/partsLedger";
import type { FieldSpec } from "../../../core/records/table";
import { a1, rangeA1 } from "../../common/address";
import { CONDITIONAL, FORMATS, PALETTE, STYLES } from "../../common/styles";
import type { WorkbookPlan } from "../../plan";
import {
  finishRecordSheet,
  orBlank,
  otherSheetColumn,
  recordBuilder,
  recordSheetName,
  recordTitle,
  type RecordBook,
} from "../common/recordSheet";
import { literal, matches, recordLayout, writeRecordTable, type RecordLayout } from "../common/recordTable";
import { COMPUTED_HEADERS as H, SHEET_NAMES, TEXT } from "./strings";

export interface PartsLedgerOptions {
  /** The service station whose book this is ("" = the department's own store). */
  readonly station: string;
  readonly items: readonly PartItem[];
  readonly moves: readonly PartMove[];
  /** Counted quantities for the stock take, in catalogue order (missing/null = not counted). */
  readonly counts?: readonly (number | null)[];
  readonly locale: Locale;
  /** Blank rows under the catalogue and under the movements, to type into. */
  readonly blankItemRows?: number;
  readonly blankMoveRows?: number;
}

export interface PartsLedgerBook {
  readonly plan: WorkbookPlan;
  readonly ledger: Ledger;
  readonly stockTake: readonly StockTakeLine[];
}

type ItemTotal = "received" | "issued" | "returned" | "writtenOff" | "book" | "outstanding";
type ItemId = "code" | "name" | "spec" | "unit" | "opening" | ItemTotal;
const ITEM_ORDER: readonly ItemId[] = [
  "code",
  "name",
  "spec",
  "unit",
  "opening",
  "received",
  "issued",
  "returned",
  "writtenOff",
  "book",
  "outstanding",
];
type MoveId =
  | "date"
  | "kind"
  | "docNo"
  | "code"
  | "qty"
  | "handler"
  | "orderId"
  | "oldPart"
  | "note"
  | "itemName"
  | "delta"
  | "balance"
  | "check";
const MOVE_ORDER: readonly MoveId[] = [
  "date",
  "kind",
  "docNo",
  "code",
  "itemName",
  "qty",
  "delta",
  "balance",
  "handler",
  "orderId",
  "oldPart",
  "check",
  "note",
];
type TakeId = "code" | "name" | "spec" | "unit" | "book" | "counted" | "difference" | "result" | "reason";
const TAKE_ORDER: readonly TakeId[] = [
  "code",
  "name",
  "spec",
  "unit",
  "book",
  "counted",
  "difference",
  "result",
  "reason",
];

export const PARTS_TABLES = { items: "SVC_PartsItems", moves: "SVC_PartsMoves", stockTake: "SVC_StockTake" };
const HEADER_ROW = 4;

/** The three sheets of one station's spare-parts book, or why they cannot be made. */
export function partsLedgerPlan(options: PartsLedgerOptions): Result<PartsLedgerBook> {
  const { items, moves, locale } = options;
  // A blank book (no items yet, rows to type into) is fine; a book with nowhere to type is not.
  if (items.length === 0 && (options.blankItemRows ?? 20) === 0) return fail("na", TEXT.noItems);
  const checked = checkItems(items);
  if (!checked.ok) return checked;
  const t = (x: Text) => pick(x, locale);
  const ledger = postLedger(items, moves);
  const take = stockTake(ledger.totals, options.counts ?? []);
  const station = options.station.trim();
  const names = {
    ledger: recordSheetName(t(SHEET_NAMES.ledger), station),
    moves: recordSheetName(t(SHEET_NAMES.moves), station),
    stockTake: recordSheetName(t(SHEET_NAMES.stockTake), station),
  };
  const itemLayout = recordLayout(ITEM_ORDER, HEADER_ROW, items.length + (options.blankItemRows ?? 20));
  const moveLayout = recordLayout(MOVE_ORDER, HEADER_ROW, moves.length + (options.blankMoveRows ?? 200));
  const takeLayout = recordLayout(TAKE_ORDER, HEADER_ROW + 2, itemLayout.rows);
  const ctx: Ctx = { t, locale, station, names, items, moves, ledger, take, itemLayout, moveLayout, takeLayout };
  const sheets = [ledgerSheet(ctx), movesSheet(ctx), stockTakeSheet(ctx)];
  return ok({ plan: { sheets, activate: 0 }, ledger, stockTake: take });
}

interface Ctx extends RecordBook {
  readonly names: { readonly ledger: string; readonly moves: string; readonly stockTake: string };
  readonly items: readonly PartItem[];
  readonly moves: readonly PartMove[];
  readonly ledger: Ledger;
  readonly take: readonly StockTakeLine[];
  readonly itemLayout: RecordLayout<ItemId>;
  readonly moveLayout: RecordLayout<MoveId>;
  readonly takeLayout: RecordLayout<TakeId>;
}

function label<Id extends string>(fields: readonly FieldSpec<string>[], id: Id, t: (x: Text) => string): string {
  const f = fields.find((x) => x.id === id);
  return f ? t(f.label) : id;
}

function ledgerSheet(ctx: Ctx) {
  const { t, items, ledger, itemLayout: L, moveLayout: M, names } = ctx;
  const b = recordBuilder(ctx, "partsLedger", names.ledger, L, PARTS_TABLES.items, ITEM_ORDER.length);
  recordTitle(b, ctx, TEXT.ledgerTitle, TEXT.ledgerNote, ITEM_ORDER.length);
  const kindWord = (k: PartMove["kind"]) => literal(t(MOVE_KIND_LABELS[k]));
  const sumOf = (k: PartMove["kind"]) =>
    `=IF(${L.at("code")}="","",SUMPRODUCT(${matches(otherSheetColumn(names.moves, M, "code"), L.at("code"))},${matches(otherSheetColumn(names.moves, M, "kind"), kindWord(k))},${otherSheetColumn(names.moves, M, "qty")}))`;
  const n = items.length;
  const total = (key: ItemTotal) => (i: number) => orBlank(i, n, (j) => ledger.totals[j]![key]);
  writeRecordTable(b, {
    layout: L,
    order: ITEM_ORDER,
    tableName: PARTS_TABLES.items,
    t,
    records: n,
    values: (i) => {
      const it = items[i]!;
      return { code: it.code, name: it.name, spec: it.spec, unit: it.unit, opening: it.opening };
    },
    inputs: [
      { id: "code", header: label(ITEM_FIELDS, "code", t), width: 12, kind: "text" },
      { id: "name", header: label(ITEM_FIELDS, "name", t), width: 18, kind: "text" },
      { id: "spec", header: label(ITEM_FIELDS, "spec", t), width: 14, kind: "text" },
      { id: "unit", header: label(ITEM_FIELDS, "unit", t), width: 6, kind: "text" },
      { id: "opening", header: label(ITEM_FIELDS, "opening", t), width: 9, kind: "number" },
    ],
    computed: [
      {
        id: "received",
        header: t(H.received),
        width: 8,
        formula: sumOf("receipt"),
        expect: total("received"),
        numberFormat: "0.##",
      },
      {
        id: "issued",
        header: t(H.issued),
        width: 8,
        formula: sumOf("issue"),
        expect: total("issued"),
        numberFormat: "0.##",
      },
      {
        id: "returned",
        header: t(H.returned),
        width: 8,
        formula: sumOf("return"),
        expect: total("returned"),
        numberFormat: "0.##",
      },
      {
        id: "writtenOff",
        header: t(H.writtenOff),
        width: 8,
        formula: sumOf("writeOff"),
        expect: total("writtenOff"),
        numberFormat: "0.##",
      },
      {
        id: "book",
        header: t(H.book),
        width: 9,
        formula: `=IF(${L.at("code")}="","",N(${L.at("opening")})+${L.at("received")}+${L.at("returned")}-${L.at("issued")})`,
        expect: total("book"),
        numberFormat: "0.##",
      },
      {
        id: "outstanding",
        header: t(H.outstanding),
        width: 9,
        formula: `=IF(${L.at("code")}="","",${L.at("issued")}-${L.at("returned")}-${L.at("writtenOff")})`,
        expect: total("outstanding"),
        numberFormat: "0.##",
      },
    ],
  });
  const book = rangeA1(L.firstRow, L.column.book, L.lastRow, L.column.book);
  b.conditional({
    range: book,
    rule: { type: "expression", formula: `=AND(${L.at("book")}<>"",${L.at("book")}<0)` },
    style: CONDITIONAL.bad,
  });
  const out = rangeA1(L.firstRow, L.column.outstanding, L.lastRow, L.column.outstanding);
  b.conditional({
    range: out,
    rule: { type: "expression", formula: `=AND(${L.at("outstanding")}<>"",${L.at("outstanding")}>0)` },
    style: CONDITIONAL.neutral,
  });
  return finishRecordSheet(b, ctx, L.headerRow, TEXT.ledgerTitle, ITEM_ORDER.length);
}

function movesSheet(ctx: Ctx) {
  const { t, moves, ledger, itemLayout: I, moveLayout: L, names } = ctx;
  const b = recordBuilder(ctx, "partsMoves", names.moves, L, PARTS_TABLES.moves, MOVE_ORDER.length);
  recordTitle(b, ctx, TEXT.movesTitle, TEXT.movesNote, MOVE_ORDER.length);
  const yes = t({ zh: "是", en: "Yes" });
  const no = t({ zh: "否", en: "No" });
  const word = (k: PartMove["kind"]) => literal(t(MOVE_KIND_LABELS[k]));
  const code = L.at("code");
  const known = `SUMPRODUCT(${matches(otherSheetColumn(names.ledger, I, "code"), code)})`;
  const n = moves.length;
  const nameOf = (m: PartMove) => {
    const it = ctx.items.find((x) => x.code.trim().toLowerCase() === m.code.trim().toLowerCase());
    return it ? it.name : "";
  };
  writeRecordTable(b, {
    layout: L,
    order: MOVE_ORDER,
    tableName: PARTS_TABLES.moves,
    t,
    records: n,
    values: (i) => {
      const m = moves[i]!;
      return {
        date: m.date,
        kind: t(MOVE_KIND_LABELS[m.kind]),
        docNo: m.docNo,
        code: m.code,
        qty: m.qty,
        handler: m.handler,
        orderId: m.orderId,
        oldPart: m.oldPartReturned === null ? null : m.oldPartReturned ? yes : no,
        note: m.note,
      };
    },
    inputs: [
      { id: "date", header: label(MOVE_FIELDS, "date", t), width: 11, kind: "date" },
      {
        id: "kind",
        header: label(MOVE_FIELDS, "kind", t),
        width: 9,
        kind: "list",
        list: MOVE_KINDS.map((k) => t(MOVE_KIND_LABELS[k])),
      },
      { id: "docNo", header: label(MOVE_FIELDS, "docNo", t), width: 12, kind: "text" },
      { id: "code", header: label(MOVE_FIELDS, "code", t), width: 11, kind: "text" },
      { id: "qty", header: label(MOVE_FIELDS, "qty", t), width: 7, kind: "number" },
      { id: "handler", header: label(MOVE_FIELDS, "handler", t), width: 9, kind: "text" },
      { id: "orderId", header: label(MOVE_FIELDS, "orderId", t), width: 14, kind: "text" },
      { id: "oldPart", header: label(MOVE_FIELDS, "oldPart", t), width: 9, kind: "list", list: [yes, no] },
      { id: "note", header: label(MOVE_FIELDS, "note", t), width: 16, kind: "text" },
    ],
    computed: [
      {
        id: "itemName",
        header: t(H.itemName),
        width: 16,
        // The catalogue row of the code (codes are unique), its name as text ("" for an empty name).
        formula: `=IF(${code}="","",IF(${known}=0,"",INDEX(${otherSheetColumn(names.ledger, I, "name")},SUMPRODUCT(${matches(otherSheetColumn(names.ledger, I, "code"), code)},ROW(${otherSheetColumn(names.ledger, I, "code")}))-${I.firstRow}+1)&""))`,
        expect: (i) => orBlank(i, n, (j) => nameOf(moves[j]!)),
      },
      {
        id: "delta",
        header: t(H.delta),
        width: 8,
        formula: `=IF(OR(${code}="",${L.at("qty")}=""),0,IF(OR(${L.at("kind")}=${word("receipt")},${L.at("kind")}=${word("return")}),${L.at("qty")},IF(${L.at("kind")}=${word("issue")},-${L.at("qty")},0)))`,
        expect: (i) => (i < n ? ledger.lines[i]!.delta : 0),
        // Blank rows compute 0: shown empty so the table reads as a ledger.
        numberFormat: "+0.##;-0.##;;@",
      },
      {
        id: "balance",
        header: t(H.balance),
        width: 8,
        formula: `=IF(${code}="","",SUMPRODUCT(${matches(otherSheetColumn(names.ledger, I, "code"), code)},${otherSheetColumn(names.ledger, I, "opening")})+SUMPRODUCT(${matches(L.upTo("code"), code)},${L.upTo("delta")}))`,
        expect: (i) => orBlank(i, n, (j) => ledger.lines[j]!.balance),
        numberFormat: "0.##",
      },
      {
        id: "check",
        header: t(H.check),
        width: 12,
        formula:
          `=IF(${code}="","",IF(${known}=0,${literal(t(MOVE_FLAG_LABELS.unknownItem))},` +
          `IF(AND(${L.at("kind")}=${word("writeOff")},${L.at("oldPart")}<>${literal(yes)}),${literal(t(MOVE_FLAG_LABELS.noOldPart))},` +
          `IF(ROUND(${L.at("balance")},6)<0,${literal(t(MOVE_FLAG_LABELS.shortStock))},""))))`,
        expect: (i) =>
          orBlank(i, n, (j) => {
            const f = ledger.lines[j]!.flag;
            return f === null ? "" : t(MOVE_FLAG_LABELS[f]);
          }),
      },
    ],
  });
  const check = rangeA1(L.firstRow, L.column.check, L.lastRow, L.column.check);
  b.conditional({
    range: check,
    rule: { type: "expression", formula: `=${L.at("check")}<>""` },
    style: CONDITIONAL.bad,
  });
  return finishRecordSheet(b, ctx, L.headerRow, TEXT.movesTitle, MOVE_ORDER.length);
}

function stockTakeSheet(ctx: Ctx) {
  const { t, items, take, itemLayout: I, takeLayout: L, names } = ctx;
  const b = recordBuilder(ctx, "stockTake", names.stockTake, L, PARTS_TABLES.stockTake, TAKE_ORDER.length);
  recordTitle(b, ctx, TEXT.stockTakeTitle, TEXT.stockTakeNote, TAKE_ORDER.length);
  // Row 3: who counted, who supervised, when (signatures on the printed sheet); row 4: the counts.
  b.setRow(3, 1, [t(TEXT.counter), null, null, t(TEXT.supervisor), null, null, t(TEXT.date)]);
  b.format(rangeA1(3, 2, 3, 3), { fill: PALETTE.inputFill, locked: false });
  b.format(rangeA1(3, 5, 3, 6), { fill: PALETTE.inputFill, locked: false });
  b.format(a1(3, 8), { fill: PALETTE.inputFill, locked: false, numberFormat: FORMATS.date });
  const summary = summarizeStockTake(take);
  const result = (r: StockTakeLine["result"]) => literal(t(STOCK_TAKE_LABELS[r]));
  const results = rangeA1(L.firstRow, L.column.result, L.lastRow, L.column.result, true);
  const counts: [Text, string, number][] = [
    [
      TEXT.counted,
      `=COUNT(${rangeA1(L.firstRow, L.column.counted, L.lastRow, L.column.counted, true)})`,
      summary.counted,
    ],
    [STOCK_TAKE_LABELS.match, `=COUNTIF(${results},${result("match")})`, summary.match],
    [STOCK_TAKE_LABELS.surplus, `=COUNTIF(${results},${result("surplus")})`, summary.surplus],
    [STOCK_TAKE_LABELS.shortage, `=COUNTIF(${results},${result("shortage")})`, summary.shortage],
  ];
  counts.forEach(([word, f, v], k) => {
    b.set(4, 1 + k * 2, t(word), { bold: true, horizontal: "right" });
    b.set(4, 2 + k * 2, { f, expect: v }, { ...STYLES.computed, horizontal: "center" });
  });
  const n = items.length;
  const code = L.at("code");
  writeRecordTable(b, {
    layout: L,
    order: TAKE_ORDER,
    tableName: PARTS_TABLES.stockTake,
    t,
    records: n,
    values: (i) => {
      const it = items[i]!;
      return { code: it.code, name: it.name, spec: it.spec, unit: it.unit, counted: take[i]!.counted };
    },
    inputs: [
      { id: "code", header: label(ITEM_FIELDS, "code", t), width: 12, kind: "text" },
      { id: "name", header: label(ITEM_FIELDS, "name", t), width: 18, kind: "text" },
      { id: "spec", header: label(ITEM_FIELDS, "spec", t), width: 14, kind: "text" },
      { id: "unit", header: label(ITEM_FIELDS, "unit", t), width: 6, kind: "text" },
      { id: "counted", header: label(ITEM_FIELDS, "counted", t), width: 9, kind: "number" },
      { id: "reason", header: t(H.reason), width: 18, kind: "text" },
    ],
    computed: [
      {
        id: "book",
        header: t(H.bookQty),
        width: 9,
        formula: `=IF(${code}="","",SUMPRODUCT(${matches(otherSheetColumn(names.ledger, I, "code"), code)},${otherSheetColumn(names.ledger, I, "book")}))`,
        expect: (i) => orBlank(i, n, (j) => take[j]!.book),
        numberFormat: "0.##",
      },
      {
        id: "difference",
        header: t(H.difference),
        width: 8,
        formula: `=IF(OR(${code}="",${L.at("counted")}=""),"",${L.at("counted")}-${L.at("book")})`,
        expect: (i) => orBlank(i, n, (j) => take[j]!.difference ?? ""),
        numberFormat: "+0.##;-0.##;0",
      },
      {
        id: "result",
        header: t(H.result),
        width: 9,
        formula:
          `=IF(${code}="","",IF(${L.at("counted")}="",${result("notCounted")},IF(ROUND(${L.at("difference")},6)=0,${result("match")},` +
          `IF(${L.at("difference")}>0,${result("surplus")},${result("shortage")}))))`,
        expect: (i) => orBlank(i, n, (j) => t(STOCK_TAKE_LABELS[take[j]!.result])),
      },
    ],
  });
  const res = rangeA1(L.firstRow, L.column.result, L.lastRow, L.column.result);
  const at = L.at("result");
  b.conditional({
    range: res,
    rule: { type: "expression", formula: `=${at}=${result("match")}` },
    style: CONDITIONAL.good,
  });
  b.conditional({
    range: res,
    rule: { type: "expression", formula: `=OR(${at}=${result("surplus")},${at}=${result("shortage")})` },
    style: CONDITIONAL.bad,
  });
  return finishRecordSheet(b, ctx, L.headerRow, TEXT.stockTakeTitle, TAKE_ORDER.length);
}
