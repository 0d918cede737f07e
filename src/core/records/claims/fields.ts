/** The columns of the 二次索赔登记表, as the sheet heads them and an import may head them. */
import { text } from "../../i18n/text";
import type { Result } from "../../problem";
import { readTyped, type FieldSpec } from "../table";
import type { Claim } from "./engine";

export type ClaimField = keyof Claim;

export const CLAIM_FIELDS: readonly FieldSpec<ClaimField>[] = [
  { id: "claimNo", label: text("索赔单号", "Claim no."), kind: "text", required: true },
  { id: "supplier", label: text("供应商", "Supplier"), kind: "text", required: true },
  { id: "orderId", label: text("工单号", "Work order"), kind: "text" },
  { id: "reqNo", label: text("三包件领料单号", "Warranty requisition"), kind: "text" },
  { id: "partName", label: text("配件名称", "Part name"), kind: "text" },
  { id: "fault", label: text("故障描述", "Fault"), kind: "text" },
  { id: "amount", label: text("索赔金额", "Amount claimed"), kind: "number", min: 0 },
  { id: "submitted", label: text("提交日期", "Submitted"), kind: "date" },
  { id: "recovered", label: text("回款金额", "Recovered"), kind: "number", min: 0 },
  { id: "recoveredDate", label: text("回款日期", "Paid on"), kind: "date" },
  { id: "refused", label: text("拒赔金额", "Refused"), kind: "number", min: 0 },
  { id: "note", label: text("备注", "Note"), kind: "text" },
];

/** The claims of a table whose first row is the header. */
export function readClaims(rows: readonly (readonly unknown[])[]): Result<readonly Claim[]> {
  return readTyped<Claim>(rows, CLAIM_FIELDS, text("二次索赔登记表", "the secondary-claims table"));
}
