import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { sampleOrders } from "../../../src/core/workorders";
import { kpiWorkbookPlan } from "../../../src/sheets/workorders";
import { openXlsx, xlsxBytes } from "../../../src/xlsx";
import { readKpiSource } from "../../../src/sheets/appraisal";

async function host() {
  const orders = sampleOrders({ seed: 3, count: 200, month: { year: 2026, month: 10 } });
  const wb = kpiWorkbookPlan({
    parsed: { orders, problems: [], rowsRead: orders.length, rowsUsed: orders.length },
    month: { year: 2026, month: 10 },
    asOf: 46327,
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    includeSettings: false,
  });
  if (!wb.ok) throw new Error(wb.problem.message.en);
  const book = openXlsx((await xlsxBytes(wb.value.plan)).bytes);
  const calls: string[] = [];
  return {
    calls,
    port: {
      findPlans: async () => {
        calls.push("findPlans");
        return book.findPlans();
      },
      readRange: async (sheetName: string, address: string) => {
        calls.push(`readRange ${sheetName}!${address}`);
        return book.readRange(sheetName, address);
      },
    },
  };
}

describe("readKpiSource: the KPI table a form is filled from, as the pane and --kpi-from read it (issue 12 point 8)", () => {
  it("reads the form's month's KPI table in one findPlans and one readRange, and says where the formulas point", async () => {
    const h = await host();
    const fill = await readKpiSource(h.port, { year: 2026, month: 10 }, "");
    expect(fill.intent).toBe("info");
    expect(fill.message.zh).toContain("取自“月度KPI 2026-10”");
    expect(fill.source?.byName.size).toBeGreaterThan(3);
    expect(h.calls).toEqual(["findPlans", expect.stringMatching(/^readRange 月度KPI 2026-10!A9:[A-Z]+\d+$/)]);
  });

  it("says so when the KPI indicators stay for typing: a quarter, a month without a table, an unknown table", async () => {
    const h = await host();
    const quarter = await readKpiSource(h.port, { year: 2026, quarter: 4 }, "");
    expect(quarter).toEqual({
      intent: "warning",
      message: expect.objectContaining({ en: expect.stringContaining("KPI tables are monthly") }),
    });
    const november = await readKpiSource(h.port, { year: 2026, month: 11 }, "");
    expect(november.source).toBeUndefined();
    expect(november.message.zh).toContain("没有 2026-11 的月度 KPI 表");
    const unknown = await readKpiSource(h.port, { year: 2026, month: 10 }, "KPI 表");
    expect(unknown.intent).toBe("warning");
    expect(unknown.message.en).toMatch(/no monthly KPI table is named or dated "KPI 表".*stay for typing/);
    // The quarter's form can take a month's table when one is named.
    const named = await readKpiSource(h.port, { year: 2026, quarter: 4 }, "2026-10");
    expect(named.source?.table.sheetName).toBe("月度KPI 2026-10");
  });
});
