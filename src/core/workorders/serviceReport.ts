/**
 * 表单记录准确率 (record accuracy, 售后服务考核管理制度 第四条(1)): the policy names the indicator
 * and leaves it undefined. What it measures is read from the bus maker's procedure, which says
 * what a correct 服务报告 holds:
 * - 3.3.2 "服务结束后,应请用户签字(盖章)认可" — the customer signs the report after the service;
 * - 3.4.2 E.b "详细填写服务报告(服务报告填写准确…)最后由用户签名(盖章),如有换件或赔偿,必须写清原因、
 *   零件名称和数量" — a replacement names the part, its quantity and the reason;
 * - 3.4.2 d "换下的旧件须妥善包装及时带回", 3.6.2 the report and the old part write the part off
 *   together — the old part comes back.
 * So **(default)** a completed order's report is accurate when it is signed and, if anything was
 * replaced (a part name, quantity or reason written, or an old part returned), the part name, a
 * quantity above 0 and the reason are all written and the old part is marked returned.
 * 表单记录准确率 = accurate reports ÷ completed orders of the month (no completed order: no data).
 * The register's 报告完整 column computes the same per order, and the KPI sheet counts it.
 */
import type { WorkOrder } from "./parseOrders";

export type ServiceReportFacts = Pick<
  WorkOrder,
  "completedAt" | "signatureObtained" | "partName" | "partQuantity" | "partReason" | "oldPartReturned"
>;

/** Anything on the report says a part was replaced. */
export function partReplaced(o: ServiceReportFacts): boolean {
  return o.partName !== null || o.partQuantity !== null || o.partReason !== null || o.oldPartReturned;
}

/**
 * Whether a completed order's 服务报告 is accurate (see above); null for an order not completed
 * (its report is not due yet).
 *
 * @example
 * serviceReportComplete({ completedAt: 46300, signatureObtained: true, partName: "水泵", partQuantity: 1,
 *   partReason: "漏水", oldPartReturned: true }) // → true
 * serviceReportComplete({ …the same, oldPartReturned: false }) // → false
 */
export function serviceReportComplete(o: ServiceReportFacts): boolean | null {
  if (o.completedAt === null) return null;
  if (!o.signatureObtained) return false;
  if (!partReplaced(o)) return true;
  return (
    o.partName !== null && o.partQuantity !== null && o.partQuantity > 0 && o.partReason !== null && o.oldPartReturned
  );
}
