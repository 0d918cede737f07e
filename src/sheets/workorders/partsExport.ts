/**
 * The replaced parts of a month's orders, laid out for the spare-parts ledger (备用件台账, issue 12
 * point 1): 3.6.2 and 3.7.4 write a part off "根据服务报告和旧件" — against the signed service
 * report and the returned old part — so each row is one order's replacement with the facts the
 * write-off needs. The columns, in this order, are register columns (the same headers, the same
 * yes/no words), so a ledger can read either this export or the register table itself:
 *
 * 工单号 · 完成时间 · 服务人员 · 客户 · 产品型号/车辆编号 · 三包 · 运行里程(km) · 更换零件 · 换件数量 ·
 * 换件原因 · 旧件返回 · 客户签字 · 报告完整 · 来源行
 *
 * Rows: the month's orders (by 报修时间, as the KPI table counts them) on which anything was
 * replaced (serviceReport.ts `partReplaced`), in register order — incomplete records included,
 * with 报告完整 否, so the ledger sees what cannot be written off yet.
 */
import { formatSerial } from "../../core/dates/serial";
import type { Locale } from "../../core/i18n/text";
import { monthBounds, partReplaced, serviceReportComplete, type Month, type WorkOrder } from "../../core/workorders";
import { vocabulary, type RegisterColumn } from "./vocabulary";

/** The export's columns, in order (register columns: their headers head the export). */
export const PARTS_EXPORT_COLUMNS: readonly RegisterColumn[] = [
  "orderId",
  "completedAt",
  "technician",
  "customer",
  "product",
  "warranty",
  "mileageKm",
  "partName",
  "partQuantity",
  "partReason",
  "oldPartReturned",
  "signatureObtained",
  "reportComplete",
  "sourceRow",
];

export type PartsCell = string | number | null;

export interface PartsExport {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly PartsCell[])[];
}

/**
 * The replacements of `month`'s orders in the layout above; dates as "2026-10-05 08:30" text
 * (a CSV has no serials), yes/no in the register's words of `locale`.
 *
 * @example
 * partsExport(orders, { year: 2026, month: 10 }, "zh-CN").rows[0]
 *   // → ["WO2026000003", "2026-10-06 14:20", "张三", "宇通客运", "ZK6105-1234", "是", 85000, "水泵", 1, "漏水", "是", "是", "是", 4]
 */
export function partsExport(orders: readonly WorkOrder[], month: Month, locale: Locale): PartsExport {
  const words = vocabulary(locale);
  const { start, end } = monthBounds(month);
  const yn = (x: boolean): string => (x ? words.yes : words.no);
  const rows: PartsCell[][] = [];
  for (const o of orders) {
    if (!(o.reportedAt >= start && o.reportedAt < end) || !partReplaced(o)) continue;
    const complete = serviceReportComplete(o);
    const cell: Readonly<Partial<Record<RegisterColumn, PartsCell>>> = {
      orderId: o.orderId,
      completedAt: o.completedAt === null ? null : formatSerial(o.completedAt),
      technician: o.technician ?? words.unassigned,
      customer: o.customer,
      product: o.product,
      warranty: yn(o.warranty),
      mileageKm: o.mileageKm,
      partName: o.partName,
      partQuantity: o.partQuantity,
      partReason: o.partReason,
      oldPartReturned: yn(o.oldPartReturned),
      signatureObtained: yn(o.signatureObtained),
      reportComplete: complete === null ? null : yn(complete),
      sourceRow: o.row,
    };
    rows.push(PARTS_EXPORT_COLUMNS.map((c) => cell[c] ?? null));
  }
  return { headers: PARTS_EXPORT_COLUMNS.map((c) => words.header[c]), rows };
}
