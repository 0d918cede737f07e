/**
 * The KPI workbook recalculated by a real engine: register + 数据问题 + 月度KPI (+ 考核参数)
 * written with the .xlsx writer, recalculated in headless LibreOffice, and EVERY formula cell
 * compared with the TypeScript engine's value (`expect`), on a few thousand messy orders, in
 * both languages, plus hand-made boundary cases (exactly 24 h, exactly 100 km, a deadline equal
 * to as-of, names with COUNTIFS wildcards, an empty previous month).
 */
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import {
  blankOrder,
  parseOrders,
  proposeMapping,
  sampleWorkOrders,
  serialOf,
  type ParsedOrders,
  type WorkOrder,
} from "../../src/core/workorders";
import { kpiWorkbookPlan } from "../../src/sheets/workorders";
import type { Locale } from "../../src/core/i18n/text";
import { isFormulaCell, type SheetPlan, type WorkbookPlan } from "../../src/sheets/plan";
import { verifyPlanInLibreOffice } from "../support/libreoffice";

const OCT = { year: 2026, month: 10 };
const NOV1 = serialOf(2026, 11, 1);

function parsedSample(seed: number, count: number): ParsedOrders {
  const s = sampleWorkOrders({ seed, count, month: OCT, mistakes: 0.04 });
  return parseOrders(s.rows, proposeMapping(s.headers).mapping, { firstRow: 2, headers: s.headers });
}

function plan(parsed: ParsedOrders, locale: Locale, asOf = NOV1, settings: Settings = DEFAULT_SETTINGS): WorkbookPlan {
  const wb = kpiWorkbookPlan({
    parsed,
    month: OCT,
    asOf,
    locale,
    settings,
    includeSettings: true,
    source: { name: "sample.csv" },
  });
  if (!wb.ok) throw new Error(wb.problem.message.en);
  return wb.value.plan;
}

async function verify(parsed: ParsedOrders, locale: Locale, asOf = NOV1, settings: Settings = DEFAULT_SETTINGS) {
  const summary = await verifyPlanInLibreOffice(plan(parsed, locale, asOf, settings));
  console.log(`${locale}: ${summary.describe(30)}`);
  return summary;
}

describe("KPI workbook in LibreOffice", () => {
  test("3,000 messy orders (zh-CN): every register and KPI formula equals the engine", async () => {
    const parsed = parsedSample(20261, 3000);
    expect(parsed.problems.length).toBeGreaterThan(50);
    const s = await verify(parsed, "zh-CN");
    expect(s.problems).toEqual([]);
    expect(s.cellsCompared).toBeGreaterThan(3000 * 5);
  });

  test("en-US: English headers in the structured references and English words", async () => {
    const s = await verify(parsedSample(7, 600), "en-US", serialOf(2026, 10, 20, 12, 0));
    expect(s.problems).toEqual([]);
  });

  test("the comparison is not vacuous: one wrong expectation on the KPI sheet is reported", async () => {
    const good = plan(parsedSample(11, 300), "zh-CN");
    const kpi = good.sheets[good.sheets.length - 1];
    // Corrupt the department's order count (the first "COUNTIFS" cell of the department row).
    let corrupted = false;
    const cells = kpi.cells.map((block) => ({
      ...block,
      rows: block.rows.map((row) =>
        row.map((c) => {
          if (
            !corrupted &&
            isFormulaCell(c) &&
            typeof c.expect === "number" &&
            c.f.startsWith("=COUNTIFS(") &&
            block.rows.length === 1
          ) {
            corrupted = true;
            return { ...c, expect: c.expect + 1 };
          }
          return c;
        }),
      ),
    }));
    const bad: SheetPlan = { ...kpi, cells };
    const s = await verifyPlanInLibreOffice({ sheets: [...good.sheets.slice(0, -1), bad] });
    expect(corrupted).toBe(true);
    expect(s.mismatches).toHaveLength(1);
  });

  test("boundary cases and awkward technician names", async () => {
    const r = serialOf(2026, 10, 5, 8, 30);
    const H = 1 / 24;
    // Every field blank; each order sets its row, technician, category and times.
    const base = blankOrder(0, null, r);
    const orders = [
      {
        ...base,
        row: 2,
        technician: "A*B",
        category: "body" as const,
        distanceKm: 100,
        reportedAt: r,
        arrivedAt: r + 24 * H,
        satisfaction: 8,
      },
      {
        ...base,
        row: 3,
        technician: "AxB",
        category: "body" as const,
        distanceKm: 100.5,
        reportedAt: r,
        repliedAt: r + 12 * H + 1 / 1440,
      },
      { ...base, row: 4, technician: "~x?", category: "other" as const, reportedAt: serialOf(2026, 10, 31, 0, 0) }, // deadline = as-of → pending
      {
        ...base,
        row: 5,
        technician: "=SUM(1)",
        category: "chassisEngine" as const,
        reportedAt: serialOf(2026, 10, 30, 23, 0),
      }, // deadline passed → missed
      {
        ...base,
        row: 6,
        technician: null,
        category: null,
        reportedAt: r,
        completedAt: r + 1,
        firstTimeFix: true,
        complaint: true,
        serviceCaused: true,
      },
      {
        ...base,
        row: 7,
        technician: "tom",
        category: "body" as const,
        reportedAt: r,
        supplierNeeded: true,
        repliedAt: r + H,
        quality: 10,
        satisfaction: 10,
      },
      { ...base, row: 8, technician: "Tom", category: "body" as const, reportedAt: r },
    ];
    const parsed: ParsedOrders = { orders, problems: [], rowsRead: orders.length, rowsUsed: orders.length };
    const s = await verify(parsed, "zh-CN", serialOf(2026, 11, 1));
    expect(s.problems).toEqual([]);
  });

  test("issue 14 boundaries: exactly 3% against < 3%, a phone reply to a chassis fault, completion exactly at the limit, rating targets", async () => {
    const r = serialOf(2026, 10, 5, 8, 30);
    const H = 1 / 24;
    const base = { ...blankOrder(0, null, r), category: "other" as WorkOrder["category"] };
    let row = 2;
    // 100 orders of 王芳, 3 of them service-caused complaints: exactly 3%.
    const orders: WorkOrder[] = Array.from({ length: 100 }, (_, i) => ({
      ...base,
      row: row++,
      technician: "王芳",
      complaint: i < 3,
      serviceCaused: i < 3,
      arrivedAt: r + (i % 5 === 0 ? 30 : 20) * H,
      quality: 6 + (i % 5),
      satisfaction: 5 + (i % 6),
    }));
    orders.push(
      // Chassis fault answered by phone within 12 h: not written contact → missed as of Nov 1.
      {
        ...base,
        row: row++,
        technician: "李强",
        category: "chassisEngine",
        repliedAt: r + 2 * H,
        contactMethod: "phone",
      },
      // … and in writing: met.
      {
        ...base,
        row: row++,
        technician: "李强",
        category: "chassisEngine",
        repliedAt: r + 2 * H,
        contactMethod: "written",
      },
      // Completed exactly 48 h after dispatch: met; a minute later: missed.
      { ...base, row: row++, technician: "李强", dispatchedAt: r + H, completedAt: r + 49 * H },
      { ...base, row: row++, technician: "李强", dispatchedAt: r + H, completedAt: r + 49 * H + 1 / 1440 },
      // Open: the limit passed before as-of (missed) or not yet (pending).
      { ...base, row: row++, technician: "李强", dispatchedAt: r + H },
      {
        ...base,
        row: row++,
        technician: "李强",
        reportedAt: serialOf(2026, 10, 31, 8, 0),
        dispatchedAt: serialOf(2026, 10, 31, 9, 0),
      },
      { ...base, row: row++, technician: "李强", mileageKm: 85000 },
    );
    const parsed: ParsedOrders = { orders, problems: [], rowsRead: orders.length, rowsUsed: orders.length };
    expect((await verify(parsed, "zh-CN")).problems).toEqual([]);
    // The same month with a target on the ratings, "≤" and ">" comparisons, and the old weights: still exact.
    const k = DEFAULT_SETTINGS.kpi;
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      sla: { ...DEFAULT_SETTINGS.sla, chassisWrittenOnly: false },
      kpi: {
        ...k,
        targets: { ...k.targets, quality: 8, satisfaction: 9, responseTime: 20 },
        comparisons: { ...k.comparisons, complaintRate: "<=", quality: ">", responseTime: "<" },
        weights: { ...k.weights, onTime: 0.3, csat: 0.3, complaintRate: 0.2 },
      },
    };
    expect((await verify(parsed, "en-US", NOV1, settings)).problems).toEqual([]);
  });

  test("issue 12 服务报告: 报告完整 and 表单记录准确率 on every combination of signature, part, quantity, reason and old part", async () => {
    const r = serialOf(2026, 10, 5, 8, 30);
    const base: WorkOrder = {
      ...blankOrder(0, null, r),
      technician: "王芳",
      category: "other",
      completedAt: r + 1,
    };
    const orders: WorkOrder[] = [];
    // 2^5 combinations × quantities 0 / 0.5 / 2, for two technicians; one open order each (not counted).
    for (let bits = 0; bits < 32; bits++)
      for (const qty of [0, 0.5, 2])
        orders.push({
          ...base,
          row: orders.length + 2,
          technician: bits % 2 === 0 ? "王芳" : "Tom*",
          signatureObtained: (bits & 1) !== 0,
          partName: (bits & 2) !== 0 ? "水泵" : null,
          partQuantity: (bits & 4) !== 0 ? qty : null,
          partReason: (bits & 8) !== 0 ? "漏水" : null,
          oldPartReturned: (bits & 16) !== 0,
        });
    orders.push({ ...base, row: orders.length + 2, completedAt: null, signatureObtained: true });
    const parsed: ParsedOrders = { orders, problems: [], rowsRead: orders.length, rowsUsed: orders.length };
    expect((await verify(parsed, "zh-CN")).problems).toEqual([]);
    expect((await verify(parsed, "en-US")).problems).toEqual([]);
  });
});
