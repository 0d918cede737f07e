import { DEFAULT_SETTINGS } from "../settings";
import { aggregateMonth } from "./aggregate";
import { blankOrder, type WorkOrder } from "./parseOrders";
import { serialOf } from "./sample";
import { partReplaced, serviceReportComplete, type ServiceReportFacts } from "./serviceReport";

const DONE = serialOf(2026, 10, 6, 12, 0);
const signedNoParts: ServiceReportFacts = {
  completedAt: DONE,
  signatureObtained: true,
  partName: null,
  partQuantity: null,
  partReason: null,
  oldPartReturned: false,
};
const replaced: ServiceReportFacts = {
  ...signedNoParts,
  partName: "水泵",
  partQuantity: 1,
  partReason: "漏水",
  oldPartReturned: true,
};

describe("serviceReportComplete (表单记录准确率, 3.3.2 / 3.4.2 E–d)", () => {
  it("is not due before completion", () => {
    expect(serviceReportComplete({ ...replaced, completedAt: null })).toBeNull();
  });

  it("needs the customer's signature", () => {
    expect(serviceReportComplete(signedNoParts)).toBe(true);
    expect(serviceReportComplete({ ...signedNoParts, signatureObtained: false })).toBe(false);
    expect(serviceReportComplete({ ...replaced, signatureObtained: false })).toBe(false);
  });

  it("a replacement names the part, a quantity above 0 and the reason, and the old part comes back", () => {
    expect(serviceReportComplete(replaced)).toBe(true);
    expect(serviceReportComplete({ ...replaced, partName: null })).toBe(false);
    expect(serviceReportComplete({ ...replaced, partQuantity: null })).toBe(false);
    expect(serviceReportComplete({ ...replaced, partQuantity: 0 })).toBe(false);
    expect(serviceReportComplete({ ...replaced, partReason: null })).toBe(false);
    expect(serviceReportComplete({ ...replaced, oldPartReturned: false })).toBe(false);
    // An old part marked returned with nothing named is a replacement with its record missing.
    expect(partReplaced({ ...signedNoParts, oldPartReturned: true })).toBe(true);
    expect(serviceReportComplete({ ...signedNoParts, oldPartReturned: true })).toBe(false);
  });
});

describe("表单记录准确率 in the monthly KPIs", () => {
  const base: WorkOrder = {
    ...blankOrder(2, null, serialOf(2026, 10, 5, 8, 0)),
    technician: "张三",
    category: "other",
  };
  const options = { month: { year: 2026, month: 10 }, asOf: serialOf(2026, 11, 1), settings: DEFAULT_SETTINGS };

  it("is accurate reports ÷ completed orders; open orders are left out; none completed is no data", () => {
    const orders: WorkOrder[] = [
      { ...base, ...replaced, row: 2 },
      { ...base, ...signedNoParts, row: 3 },
      { ...base, ...replaced, oldPartReturned: false, row: 4 },
      { ...base, completedAt: DONE, row: 5 },
      { ...base, row: 6, signatureObtained: true },
      { ...base, row: 7, technician: "李四" },
    ];
    const r = aggregateMonth(orders, options);
    if (!r.ok) throw new Error(r.problem.message.en);
    expect(r.value.department.counts.accurateReports).toBe(2);
    expect(r.value.department.values.recordAccuracyRate).toBe(2 / 4);
    const li = r.value.technicians.find((t) => t.technician === "李四")!;
    expect(li.values.recordAccuracyRate).toBeNull();
  });
});
