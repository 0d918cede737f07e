/** A small, fixed sample ledger for the demo and the tests: a bus maker's service-station parts. */
import type { PartItem, PartMove } from "./engine";

export const SAMPLE_ITEMS: readonly PartItem[] = [
  { code: "0012", name: "空调压缩机皮带", spec: "8PK1380", unit: "条", opening: 6 },
  { code: "BK-201", name: "前制动片", spec: "WVA 29087", unit: "套", opening: 10 },
  { code: "FL-3", name: "机油滤清器", spec: "JX0818", unit: "个", opening: 24 },
  { code: "LT*5", name: "后尾灯总成", spec: "LED 24V", unit: "只", opening: 2 },
  { code: "=CMD", name: "门泵电磁阀", spec: "24V DC", unit: "个", opening: 3 },
  { code: "GL-9", name: "玻璃胶", spec: "310ml", unit: "支", opening: 12.5 },
];

/** Serial of 2026-11-02 and the following days. */
const D = 46328;

export const SAMPLE_MOVES: readonly PartMove[] = [
  move(D, "receipt", "JS-2611-01", "BK-201", 6, "李库管", "", null, "接收单一式二份"),
  move(D + 1, "issue", "LL-0101", "0012", 2, "张三", "WO-2611-0007", null, ""),
  move(D + 2, "writeOff", "FW-0101", "0012", 1, "张三", "WO-2611-0007", true, ""),
  move(D + 2, "return", "TK-0101", "0012", 1, "张三", "WO-2611-0007", null, "未用完退库"),
  move(D + 3, "issue", "LL-0102", "LT*5", 3, "王五", "WO-2611-0011", null, ""),
  move(D + 4, "writeOff", "FW-0102", "LT*5", 2, "王五", "WO-2611-0011", false, "旧件未带回"),
  move(D + 5, "issue", "LL-0103", "=CMD", 1, "赵六", "WO-2611-0015", null, "=SUM(A1)"),
  move(D + 6, "issue", "LL-0104", "XX-404", 1, "赵六", "WO-2611-0016", null, "编码写错"),
  move(D + 7, "issue", "LL-0105", "GL-9", 2.5, "张三", "WO-2611-0018", null, ""),
  move(D + 8, "receipt", "JS-2611-02", "FL-3", 12, "李库管", "", null, ""),
  move(D + 9, "writeOff", "FW-0105", "GL-9", 2.5, "张三", "WO-2611-0018", true, ""),
];

/** Counted quantities of the sample stock-take, in catalogue order (null = not counted yet). */
export const SAMPLE_COUNTS: readonly (number | null)[] = [5, 16, 35, 0, null, 10];

function move(
  date: number,
  kind: PartMove["kind"],
  docNo: string,
  code: string,
  qty: number,
  handler: string,
  orderId: string,
  oldPartReturned: boolean | null,
  note: string,
): PartMove {
  return { date, kind, docNo, code, qty, handler, orderId, oldPartReturned, note };
}
