/**
 * Issue 12 point 8 in a real engine: a KPI workbook (register + 月度KPI) written by the .xlsx
 * writer and read back by the .xlsx reader exactly as `appraisal --in … --kpi-from` reads it, then
 * appraisal forms whose KPI indicators are lookup formulas into that KPI sheet; everything in one
 * workbook, recalculated in headless LibreOffice, every formula cell compared with the engine
 * (the KPI sheet's and the forms' — the looked-up scores, weighted scores, grades and ranks).
 * People include one not on the KPI table (blank: not assessed), a name with a COUNTIFS/MATCH
 * wildcard ("Tom*", next to "Tom"), and a name in other case.
 */
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { HEAD_TEMPLATE, STAFF_TEMPLATE, type Person } from "../../src/core/appraisal";
import {
  parseOrders,
  proposeMapping,
  sampleWorkOrders,
  serialOf,
  type ParsedOrders,
  type WorkOrder,
} from "../../src/core/workorders";
import { appraisalPlan, kpiTables, kpiValues, kpiTableFor, type KpiValues } from "../../src/sheets/appraisal";
import { kpiWorkbookPlan } from "../../src/sheets/workorders";
import { isFormulaCell, type SheetPlan, type WorkbookPlan } from "../../src/sheets/plan";
import { openXlsx, xlsxBytes } from "../../src/xlsx";
import { verifyPlanInLibreOffice } from "../support/libreoffice";

const OCT = { year: 2026, month: 10 };
const NOV1 = serialOf(2026, 11, 1);

function orders(): ParsedOrders {
  const s = sampleWorkOrders({ seed: 314, count: 500, month: OCT, mistakes: 0.02, technicians: 6 });
  const parsed = parseOrders(s.rows, proposeMapping(s.headers).mapping, { firstRow: 2, headers: s.headers });
  const first = parsed.orders[0];
  const extra: WorkOrder[] = ["Tom", "Tom*"].flatMap((technician, k) =>
    [0, 1, 2].map((i) => ({
      ...first,
      row: 1000 + k * 10 + i,
      orderId: `X${k}${i}`,
      technician,
      reportedAt: serialOf(2026, 10, 10 + i, 9, 0),
      dispatchedAt: null,
      repliedAt: null,
      arrivedAt: serialOf(2026, 10, 10 + i, 15, 0),
      completedAt: serialOf(2026, 10, 11 + i, 9, 0),
      satisfaction: k === 0 ? 10 : 6,
      returnVisit: i < 2 - k,
      signatureObtained: true,
    })),
  );
  const all = [...parsed.orders, ...extra];
  return { ...parsed, orders: all, rowsUsed: all.length, rowsRead: parsed.rowsRead + extra.length };
}

async function kpiWorkbook(): Promise<{ plan: WorkbookPlan; source: KpiValues; technicians: string[] }> {
  const wb = kpiWorkbookPlan({
    parsed: orders(),
    month: OCT,
    asOf: NOV1,
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    includeSettings: true,
  });
  if (!wb.ok) throw new Error(wb.problem.message.en);
  // Read back as the command line reads an --in workbook: markers, then the table's rectangle.
  const book = openXlsx((await xlsxBytes(wb.value.plan)).bytes);
  const { tables, problems } = kpiTables(book.findPlans());
  expect(problems).toEqual([]);
  const table = kpiTableFor(tables, OCT);
  if (!table.ok || table.value === null) throw new Error("no KPI table for 2026-10");
  const source = kpiValues(table.value, book.readRange(table.value.sheetName, table.value.address));
  const technicians = wb.value.report.current.technicians.map((t) => t.technician ?? "未指派");
  return { plan: wb.value.plan, source, technicians };
}

function form(
  source: KpiValues,
  people: Person[],
  template = STAFF_TEMPLATE,
  scale: "five" | "hundred" = "five",
): SheetPlan {
  const r = appraisalPlan({
    template,
    period: OCT,
    people,
    scale,
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    kpiSource: source,
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  return r.value;
}

describe("appraisal forms filled from the KPI table, in LibreOffice", () => {
  test("every looked-up KPI score, weighted score, grade and rank equals the engine (five- and hundred-point, staff and head)", async () => {
    const { plan, source, technicians } = await kpiWorkbook();
    const people: Person[] = [
      ...technicians
        .filter((t) => t !== "Tom" && t !== "Tom*")
        .map((name, i) => ({ name, department: i % 2 ? "一部" : "二部" })),
      { name: "TOM*", department: "一部" },
      { name: "Tom", department: "二部" },
      { name: "赵敏", department: "二部" }, // no orders this month: not on the KPI table
    ];
    const staff = form(source, people);
    const hundred = form(source, people, STAFF_TEMPLATE, "hundred");
    const head = form(source, [{ name: "部门经理", department: "售后部" }], HEAD_TEMPLATE, "hundred");
    // Not vacuous: lookups were written, most with a number, the outsider's blank.
    const formulas = staff.cells.flatMap((b) => b.rows.flat()).filter(isFormulaCell);
    const lookups = formulas.filter((c) => c.f.includes("MATCH("));
    expect(lookups.length).toBe(people.length * 5);
    expect(lookups.filter((c) => typeof c.expect === "number").length).toBeGreaterThan(people.length * 3);
    const s = await verifyPlanInLibreOffice({ sheets: [...plan.sheets, staff, hundred, head] });
    console.log(s.describe(30));
    expect(s.problems).toEqual([]);
  });
});
