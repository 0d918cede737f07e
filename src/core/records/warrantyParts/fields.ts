/** The columns of the 三包件登记表, as the sheet heads them and an import may head them. */
import { text } from "../../i18n/text";
import type { Result } from "../../problem";
import { readTyped, type FieldSpec } from "../table";
import type { WarrantyLine } from "./engine";

export type WarrantyField = keyof WarrantyLine;

export const WARRANTY_FIELDS: readonly FieldSpec<WarrantyField>[] = [
  { id: "reqNo", label: text("领料单号", "Requisition no."), kind: { type: "text" }, required: true },
  { id: "reqDate", label: text("申请日期", "Requested"), kind: { type: "date" } },
  { id: "orderId", label: text("工单号", "Work order"), kind: { type: "text" } },
  { id: "vin", label: text("车辆识别号", "VIN"), kind: { type: "text" } },
  { id: "saleDate", label: text("购车日期", "Purchase date"), kind: { type: "date" } },
  { id: "faultDate", label: text("故障日期", "Fault date"), kind: { type: "date" } },
  { id: "mileage", label: text("运行里程(km)", "Mileage (km)"), kind: { type: "number", min: 0 } },
  { id: "partCode", label: text("配件编码", "Part code"), kind: { type: "text" } },
  { id: "partName", label: text("配件名称", "Part name"), kind: { type: "text" } },
  { id: "qty", label: text("数量", "Qty"), kind: { type: "number", min: 0 } },
  { id: "opinion", label: text("处理意见", "Proposed handling"), kind: { type: "text" } },
  { id: "requester", label: text("申请人", "Requested by"), kind: { type: "text" } },
  { id: "approver", label: text("批准人", "Approved by"), kind: { type: "text" } },
  { id: "approvedDate", label: text("批准日期", "Approved"), kind: { type: "date" } },
  { id: "replacedDate", label: text("更换日期", "Replaced"), kind: { type: "date" } },
  { id: "reportNo", label: text("服务报告号", "Service report"), kind: { type: "text" } },
  { id: "customerSigned", label: text("用户签字", "Customer signed"), kind: { type: "yesNo" } },
  { id: "oldPartReturned", label: text("旧件收回", "Old part returned"), kind: { type: "yesNo" } },
  { id: "postage", label: text("邮运费(元)", "Postage & freight"), kind: { type: "number", min: 0 } },
  { id: "handlerSign", label: text("经手人签字", "Handler signed"), kind: { type: "text" } },
  { id: "leaderSign", label: text("领导签字", "Leader signed"), kind: { type: "text" } },
  { id: "writeOffDate", label: text("销帐日期", "Written off"), kind: { type: "date" } },
];

/** The lines of a 三包件 table whose first row is the header. */
export function readWarrantyLines(rows: readonly (readonly unknown[])[]): Result<readonly WarrantyLine[]> {
  return readTyped<WarrantyLine>(rows, WARRANTY_FIELDS, text("三包件登记表", "the warranty-parts table"));
}
