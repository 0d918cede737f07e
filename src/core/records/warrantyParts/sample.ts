/** A fixed sample of 三包件 lines: one in each state, each check, inside and outside 三包. */
import type { WarrantyLine } from "./engine";

const D = 46328; // 2026-11-02
const base: WarrantyLine = {
  reqNo: "",
  reqDate: D,
  orderId: "",
  vin: "",
  saleDate: 45900,
  faultDate: D,
  mileage: 86000,
  partCode: "",
  partName: "",
  qty: 1,
  opinion: "更换",
  requester: "张三",
  approver: "",
  approvedDate: null,
  replacedDate: null,
  reportNo: "",
  customerSigned: null,
  oldPartReturned: null,
  postage: null,
  handlerSign: "",
  leaderSign: "",
  writeOffDate: null,
};

export const SAMPLE_WARRANTY_LINES: readonly WarrantyLine[] = [
  { ...base, reqNo: "LL-0101", orderId: "WO-2611-0007", vin: "LZYTBGCL5N1000123", partCode: "0012", partName: "空调压缩机皮带", approver: "刘经理", approvedDate: D, replacedDate: D + 1, reportNo: "FW-0101", customerSigned: true, oldPartReturned: true, writeOffDate: D + 2 },
  { ...base, reqNo: "LL-0102", orderId: "WO-2611-0011", vin: "LZYTBGCL5N1000456", partCode: "LT*5", partName: "后尾灯总成", approver: "刘经理", approvedDate: D + 1, replacedDate: D + 2, reportNo: "FW-0102", customerSigned: true, oldPartReturned: false, postage: 35, handlerSign: "王五", leaderSign: "刘经理", writeOffDate: D + 4 },
  { ...base, reqNo: "LL-0103", orderId: "WO-2611-0015", vin: "=VIN()", partCode: "=CMD", partName: "门泵电磁阀", approver: "刘经理", replacedDate: D + 3, reportNo: "", customerSigned: null, postage: 120.5, handlerSign: "赵六", writeOffDate: D + 5 },
  { ...base, reqNo: "LL-0104", orderId: "WO-2611-0016", vin: "LZYTBGCL5N1000789", saleDate: 45000, mileage: 152000, partName: "前制动片", approver: "刘经理", replacedDate: D + 6 },
  { ...base, reqNo: "LL-0105", orderId: "WO-2611-0018", vin: "LZYTBGCL5N1000999", partName: "玻璃胶", approver: "刘经理", approvedDate: D + 7 },
  { ...base, reqNo: "LL-0106", orderId: "WO-2611-0020", vin: "LZYTBGCL5N1001000", partName: "机油滤清器", mileage: null },
  { ...base, reqNo: "LL-0107", orderId: "WO-2611-0021", vin: "LZYTBGCL5N1001001", saleDate: 45596, faultDate: 46326, partName: "雨刮电机", approver: "刘经理", approvedDate: D, replacedDate: D + 1, reportNo: "FW-0107", customerSigned: false, oldPartReturned: true, writeOffDate: D + 3 },
];
