/** The columns of the 二次索赔登记表, as the sheet heads them and an import may head them. */
import { text } from "../../i18n/text";
import type { Result } from "../../problem";
import { readTyped, type FieldSpec } from "../table";
import type { Claim } from "./engine";

export type ClaimField = keyof Claim;

export const CLAIM_FIELDS: readonly FieldSpec<ClaimField>[] = [
  { id: "claimNo", label: text("索赔单号", "Claim no."), kind: { type: "text" }, required: true },
  { id: "supplier", label: text("供应商", "Supplier"), kind: { type: "text" }, required: true },
  { id: "orderId", label: text("工单号", "Work order"), kind: { type: "text" } },
  { id: "reqNo", label: text("三包件领料单号", "Warranty requisition"), kind: { type: "text" } },
  { id: "partName", label: text("配件名称", "Part name"), kind: { type: "text" } },
  { id: "fault", label: text("故障描述", "Fault"), kind: { type: "text" } },
  { id: "amount", label: text("索赔金额", "Amount claimed"), kind: { type: "number", min: 0 } },
  { id: "submitted", label: text("提交日期", "Submitted"), kind: { type: "date" } },
  { id: "recovered", label: text("回款金额", "Recovered"), kind: { type: "number", min: 0 } },
  { id: "recoveredDate", label: text("回款日期", "Paid on"), kind: { type: "date" } },
  { id: "refused", label: text("拒赔金额", "Refused"), kind: { type: "number", min: 0 } },
  { id: "note", label: text("备注", "Note"), kind: { type: "text" } },
];

/** The claims of a table whose first row is the header. */
export function readClaims(rows: readonly (readonly unknown[])[]): Result<readonly Claim[]> {
  return readTyped<Claim>(rows, CLAIM_FIELDS, text("二次索赔登记表", "the secondary-claims table"));
}
