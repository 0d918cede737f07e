/**
 * The columns of the spare-parts ledger's two input tables, as the sheets head them and as an
 * imported CSV/sheet may head them (Chinese or English). The sheets and the importer share
 * these words, so a ledger exported to CSV reads back.
 */
import { text } from "../../i18n/text";
import type { Result } from "../../problem";
import { ok } from "../../problem";
import { readStrict, type FieldSpec } from "../table";
import { checkItems, MOVE_KINDS, MOVE_KIND_LABELS, type MoveKind, type PartItem, type PartMove } from "./engine";

export type ItemField = "code" | "name" | "spec" | "unit" | "opening" | "counted";
export type MoveField = "date" | "kind" | "docNo" | "code" | "qty" | "handler" | "orderId" | "oldPart" | "note";

export const ITEM_FIELDS: readonly FieldSpec<ItemField>[] = [
  { id: "code", label: text("物料编码", "Item code"), kind: { type: "text" }, required: true },
  { id: "name", label: text("名称", "Name"), kind: { type: "text" }, required: true },
  { id: "spec", label: text("规格型号", "Spec / model"), kind: { type: "text" } },
  { id: "unit", label: text("单位", "Unit"), kind: { type: "text" } },
  { id: "opening", label: text("期初数量", "Opening qty"), kind: { type: "number", min: 0 } },
  // Only read on import: the stock-take sheet's counted quantity.
  { id: "counted", label: text("实盘数量", "Counted qty"), kind: { type: "number", min: 0 } },
];

export const MOVE_FIELDS: readonly FieldSpec<MoveField>[] = [
  { id: "date", label: text("日期", "Date"), kind: { type: "date" }, required: true },
  {
    id: "kind",
    label: text("单据类型", "Movement"),
    kind: {
      type: "choice",
      options: Object.fromEntries(MOVE_KINDS.map((k) => [k, [MOVE_KIND_LABELS[k].zh, MOVE_KIND_LABELS[k].en]])),
    },
    required: true,
  },
  { id: "docNo", label: text("单据号", "Document no."), kind: { type: "text" } },
  { id: "code", label: text("物料编码", "Item code"), kind: { type: "text" }, required: true },
  { id: "qty", label: text("数量", "Qty"), kind: { type: "number", min: 0 }, required: true },
  { id: "handler", label: text("经手人", "Handled by"), kind: { type: "text" } },
  { id: "orderId", label: text("工单号", "Work order"), kind: { type: "text" } },
  { id: "oldPart", label: text("旧件收回", "Old part returned"), kind: { type: "yesNo" } },
  { id: "note", label: text("备注", "Note"), kind: { type: "text" } },
];

const s = (v: unknown): string => (typeof v === "string" ? v : "");

/** The catalogue (and counted quantities, when the table has them) from rows whose first is the header. */
export function readItems(
  rows: readonly (readonly unknown[])[],
): Result<{ items: readonly PartItem[]; counts: readonly (number | null)[] }> {
  const r = readStrict(rows, ITEM_FIELDS, text("备件目录", "the item catalogue"));
  if (!r.ok) return r;
  const items = r.value.map(({ values: x }): PartItem => ({
    code: s(x.code),
    name: s(x.name),
    spec: s(x.spec),
    unit: s(x.unit),
    opening: typeof x.opening === "number" ? x.opening : 0,
  }));
  const checked = checkItems(
    items,
    r.value.map((x) => x.row),
  );
  if (!checked.ok) return checked;
  return ok({ items, counts: r.value.map(({ values: x }) => (typeof x.counted === "number" ? x.counted : null)) });
}

/** The movements, in the order given, from rows whose first is the header. */
export function readMoves(rows: readonly (readonly unknown[])[]): Result<readonly PartMove[]> {
  const r = readStrict(rows, MOVE_FIELDS, text("出入库流水", "the movements"));
  if (!r.ok) return r;
  return ok(
    r.value.map(({ values: x }): PartMove => ({
      date: typeof x.date === "number" ? x.date : null,
      kind: x.kind as MoveKind,
      docNo: s(x.docNo),
      code: s(x.code),
      qty: x.qty as number,
      handler: s(x.handler),
      orderId: s(x.orderId),
      oldPartReturned: typeof x.oldPart === "boolean" ? x.oldPart : null,
      note: s(x.note),
    })),
  );
}
