import { DEFAULT_SETTINGS, SETTING_NAMES } from "../../core/settings";
import {
  monthlyKpiReport,
  parseOrders,
  proposeMapping,
  sampleWorkOrders,
  serialOf,
  type ParsedOrders,
  serviceReportComplete,
  blankOrder,
  type WorkOrder,
} from "../../core/workorders";
import { isFormulaCell, type PlanCell, type RangeData, type SheetPlan } from "../plan";
import { parseRange } from "../formula/a1";
import { printAreas } from "../formula/writeDecisions";
import {
  escapeCriterion,
  kpiPlan,
  kpiWorkbookPlan,
  problemsPlan,
  readOrders,
  registerPlan,
  sourceTable,
} from "./index";

const OCT = { year: 2026, month: 10 };
const NOV1 = serialOf(2026, 11, 1);

function sample(count = 400, seed = 5): ParsedOrders {
  const s = sampleWorkOrders({ seed, count, month: OCT });
  return parseOrders(s.rows, proposeMapping(s.headers).mapping, { firstRow: 2, headers: s.headers });
}

function order(o: Partial<WorkOrder>): WorkOrder {
  return {
    ...blankOrder(2, "W1", serialOf(2026, 10, 5, 8, 30)),
    technician: "张三",
    category: "other",
    ...o,
  };
}

function formulasOf(plan: SheetPlan): string[] {
  return [
    ...(plan.fills ?? []).map((f) => f.formula),
    ...plan.cells
      .flatMap((b) => b.rows.flat())
      .filter(isFormulaCell)
      .map((c) => c.f),
  ];
}

function cellAt(plan: SheetPlan, address: string): PlanCell | undefined {
  const toCol = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = toCol(m[1]);
  const row = Number(m[2]);
  for (const block of plan.cells) {
    const b = /^([A-Z]+)(\d+)$/.exec(block.at)!;
    const line = block.rows[row - Number(b[2])];
    const i = col - toCol(b[1]);
    if (line && i >= 0 && i < line.length && line[i] !== null) return line[i];
  }
  return undefined;
}

const SPEC_5_1 = new Set([
  "SUM",
  "SUMPRODUCT",
  "COUNTIFS",
  "AVERAGEIFS",
  "IF",
  "AND",
  "OR",
  "INDEX",
  "MIN",
  "ROUND",
  "DATE",
  "YEAR",
  "MONTH",
  "ISNUMBER",
  "NOT",
  "SUBSTITUTE",
  "_XLFN.AGGREGATE",
]);

function functionsUsed(formulas: readonly string[]): Set<string> {
  return new Set(
    formulas.flatMap((f) =>
      [...f.replace(/"(?:[^"]|"")*"/g, "").matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\(/g)].map((m) => m[1].toUpperCase()),
    ),
  );
}

describe("registerPlan", () => {
  const parsed = sample();
  const r = registerPlan({
    orders: parsed.orders,
    locale: "zh-CN",
    settings: DEFAULT_SETTINGS,
    asOf: NOV1,
    source: { name: "orders.csv", address: "A1:S401" },
    problems: parsed.problems.length,
  });
  if (!r.ok) throw new Error(r.problem.message.en);
  const plan = r.value;
  const meta = plan.marker.meta;

  it("is one Excel table with the RULES.md#work-order-register columns, then the calculated ones", () => {
    expect(plan.marker.kind).toBe("register");
    expect(plan.tables).toEqual([
      { name: "SVC_WorkOrders", range: `A4:AJ${4 + parsed.orders.length}`, style: "TableStyleLight9" },
    ]);
    expect(meta.headers.reportedAt).toBe("报修时间");
    expect(meta.columns).toMatchObject({
      orderId: "A",
      technician: "C",
      reportedAt: "F",
      dispatchedAt: "G",
      contactMethod: "I",
      distanceKm: "L",
      mileageKm: "M",
      signatureObtained: "W",
      partName: "X",
      partQuantity: "Y",
      partReason: "Z",
      oldPartReturned: "AA",
      slaHours: "AB",
      slaState: "AE",
      responseHours: "AF",
      completionDeadline: "AG",
      completionState: "AH",
      reportComplete: "AI",
      sourceRow: "AJ",
    });
    expect(cellAt(plan, "AB4")).toBe("时限(h)");
    expect(cellAt(plan, "M4")).toBe("运行里程(km)");
    expect(cellAt(plan, "W4")).toBe("客户签字");
    expect(cellAt(plan, "AI4")).toBe("报告完整");
    expect(cellAt(plan, "AJ5")).toBe(parsed.orders[0].row);
  });

  it("calculates with eight O(1) fills that use the settings names, never literal limits, and no per-row COUNTIFS", () => {
    expect(plan.fills).toHaveLength(8);
    for (const f of plan.fills!) {
      expect(f.range).toMatch(new RegExp(`^(AB|AC|AD|AE|AF|AG|AH|AI)5:[A-Z]+${meta.lastRow}$`));
      expect(f.formula).not.toMatch(/COUNTIF|SUMPRODUCT|SVC_WorkOrders\[|:\$?[A-Z]+\$?\d/);
    }
    const hours = plan.fills!.find((f) => f.range.startsWith("AB"))!.formula;
    for (const name of [
      SETTING_NAMES.slaBodyOnSiteHours,
      SETTING_NAMES.slaBodyReplyHours,
      SETTING_NAMES.slaChassisReplyHours,
      SETTING_NAMES.slaOtherReplyHours,
      SETTING_NAMES.slaRadiusKm,
    ]) {
      expect(hours).toContain(name);
    }
    expect(hours).not.toMatch(/[^A-Z0-9_.E]\b(12|24|100)\b/);
    expect(functionsUsed(formulasOf(plan)).size).toBeGreaterThan(0);
    for (const fn of functionsUsed(formulasOf(plan))) expect(SPEC_5_1).toContain(fn);
  });

  it("carries the 服务报告 (issue 12): signature and old part as dropdowns, 报告完整 per completed order as the engine says", () => {
    const complete = plan.fills!.find((f) => f.range.startsWith("AI"))!;
    expect(complete.formula).toBe(
      '=IF(K5="","",IF(AND(W5="是",OR(AND(X5="",Y5="",Z5="",AA5<>"是"),AND(X5<>"",ISNUMBER(Y5),Y5>0,Z5<>"",AA5="是"))),"是","否"))',
    );
    parsed.orders.forEach((o, i) =>
      expect(complete.expect![i][0]).toBe(o.completedAt === null ? "" : serviceReportComplete(o) ? "是" : "否"),
    );
    expect(new Set(complete.expect!.map((e) => e[0]))).toEqual(new Set(["是", "否", ""]));
    const quantity = plan.validations!.find((v) => v.range.startsWith("Y"))!;
    expect(quantity.rule).toEqual({ type: "decimal", min: 0 });
  });

  it("expects the engine's SLA state and response hours per row", () => {
    const state = plan.fills!.find((f) => f.range.startsWith("AE"))!;
    expect(new Set(state.expect!.map((e) => e[0]))).toEqual(new Set(["达标", "超时", "未到期", "数据不全"]));
    const completion = plan.fills!.find((f) => f.range.startsWith("AH"))!;
    expect(new Set(completion.expect!.map((e) => e[0]))).toEqual(new Set(["达标", "超时", "未到期", "数据不全"]));
    expect(completion.formula).toContain(SETTING_NAMES.kpiCompletionLimitHours);
    const resp = plan.fills!.find((f) => f.range.startsWith("AF"))!;
    parsed.orders.forEach((o, i) =>
      expect(resp.expect![i][0]).toBe(o.arrivedAt === null ? "" : (o.arrivedAt - o.reportedAt) * 24),
    );
  });

  it("offers dropdowns for yes/no and the category, and validates dates, distance and ratings", () => {
    const rules = plan.validations!.map((v) => [v.range.replace(/\d+/g, ""), v.rule.type]);
    expect(rules).toEqual(
      expect.arrayContaining([
        ["E:E", "list"],
        ["F:F", "date"],
        ["G:G", "date"],
        ["I:I", "list"],
        ["L:L", "decimal"],
        ["M:M", "decimal"],
        ["N:N", "list"],
        ["Q:Q", "decimal"],
        ["V:V", "list"],
        ["W:W", "list"],
        ["Y:Y", "decimal"],
        ["AA:AA", "list"],
      ]),
    );
    const yesNo = plan.validations!.find((v) => v.range.startsWith("N"))!;
    expect(yesNo.rule).toEqual({ type: "list", values: ["是", "否"] });
    const method = plan.validations!.find((v) => v.range.startsWith("I"))!;
    expect(method.rule).toEqual({ type: "list", values: ["书面", "电话"] });
  });

  it("writes user text as text and the cleaned values (是/否, category words, 未指派)", () => {
    const p = registerPlan({
      orders: [order({ customer: '=HYPERLINK("x")', technician: null, category: "chassisEngine", warranty: true })],
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      asOf: NOV1,
    });
    if (!p.ok) throw new Error();
    expect(cellAt(p.value, "B5")).toBe('=HYPERLINK("x")');
    expect(cellAt(p.value, "C5")).toBe("未指派");
    expect(cellAt(p.value, "E5")).toBe("底盘发动机");
    expect(cellAt(p.value, "O5")).toBe("是");
    expect(cellAt(p.value, "N5")).toBe("否");
  });

  it("refuses an empty register", () => {
    const p = registerPlan({ orders: [], locale: "zh-CN", settings: DEFAULT_SETTINGS, asOf: NOV1 });
    expect(p.ok).toBe(false);
  });
});

describe("kpiPlan", () => {
  const parsed = sample(600, 9);
  const report = monthlyKpiReport(parsed.orders, { month: OCT, asOf: NOV1, settings: DEFAULT_SETTINGS });
  if (!report.ok) throw new Error(report.problem.message.en);
  const plan = kpiPlan({ report: report.value, locale: "zh-CN", settings: DEFAULT_SETTINGS });
  const meta = plan.marker.meta;
  const n = report.value.current.technicians.length;

  it("has one row per technician and the department row", () => {
    expect(plan.marker.kind).toBe("kpi");
    expect(plan.name).toBe("月度KPI 2026-10");
    expect(meta).toMatchObject({
      month: "2026-10",
      firstRow: 9,
      departmentRow: 9 + n,
      registerTable: "SVC_WorkOrders",
      frozenAt: null,
    });
    expect(meta.technicians).toHaveLength(n);
    expect(cellAt(plan, `A${9 + n}`)).toBe("全部门");
    expect(cellAt(plan, "A5")).toBe("服务人员");
  });

  it("uses only RULES.md#portable-formulas functions, structured references to the register and the settings names", () => {
    const formulas = formulasOf(plan);
    for (const fn of functionsUsed(formulas)) expect(SPEC_5_1).toContain(fn);
    const all = formulas.join("\n");
    for (const name of [
      SETTING_NAMES.kpiTargetResponseTime,
      SETTING_NAMES.kpiCompareResponseTime,
      SETTING_NAMES.kpiWeightResponseTime,
      SETTING_NAMES.kpiTargetCompletionOnTime,
      SETTING_NAMES.kpiTargetQuality,
      SETTING_NAMES.kpiTargetSatisfaction,
      SETTING_NAMES.kpiCompareComplaintRate,
      SETTING_NAMES.kpiTargetOnTime,
      SETTING_NAMES.kpiTargetCsat,
      SETTING_NAMES.kpiTargetFirstTimeFix,
      SETTING_NAMES.kpiTargetComplaintRate,
      SETTING_NAMES.kpiWeightOnTime,
      SETTING_NAMES.kpiCsatThreshold,
      SETTING_NAMES.kpiFullScore,
      SETTING_NAMES.grades5Codes,
    ]) {
      expect(all).toContain(name);
    }
    expect(all).toContain("SVC_WorkOrders[报修时间]");
    expect(all).not.toMatch(/0\.9\b|0\.85\b|0\.03\b/);
  });

  it("carries the engine's value on every formula cell", () => {
    const fills = plan.fills ?? [];
    expect(fills.every((f) => f.expect !== undefined)).toBe(true);
    const cells = plan.cells.flatMap((b) => b.rows.flat()).filter(isFormulaCell);
    expect(cells.every((c) => c.expect !== undefined)).toBe(true);
    const dept = report.value.current.department.values;
    const deptOrders = cellAt(plan, `B${9 + n}`);
    expect(isFormulaCell(deptOrders) && deptOrders.expect).toBe(dept.orders);
    const composite = cellAt(plan, `AC${9 + n}`);
    expect(isFormulaCell(composite) && composite.expect).toBe(dept.compositeScore);
  });

  it("never divides by zero: every rate formula tests its denominator first", () => {
    for (const f of formulasOf(plan)) {
      if (/\/[A-Z]+\$?\d+\)?$/.test(f) && !f.startsWith("=IF(")) throw new Error(`unguarded division: ${f}`);
    }
  });

  it("flags misses in red against the targets and their comparisons, and colours grades", () => {
    const ranges = plan.conditionalFormats!.map((c) => c.range.replace(/\d+/g, ""));
    for (const col of ["E:E", "G:G", "L:L", "M:M", "O:O", "P:P", "Q:Q", "R:R", "AD:AD"]) expect(ranges).toContain(col);
    const complaint = plan.conditionalFormats!.find((c) => c.range.startsWith("R"))!;
    // "< 3%" strictly: the comparison cell R$7 decides, so exactly 3% is red.
    expect(complaint.rule).toEqual({
      type: "expression",
      formula:
        '=AND(ISNUMBER(R9),R$6<>"",NOT(IF(OR(R$7="<",R$7="<=",R$7="≤"),IF(R$7="<",R9<R$6-1E-9,R9<=R$6+1E-9),IF(R$7=">",R9>R$6+1E-9,R9>=R$6-1E-9))))',
    });
    expect(cellAt(plan, "R7")).toEqual({ f: `=${SETTING_NAMES.kpiCompareComplaintRate}`, expect: "<" });
  });

  it("shows each KPI's weight over its score: the policy's four at 25%, the others at 0", () => {
    const weights = ["U", "V", "W", "X", "Y", "Z", "AA", "AB"].map((c) => cellAt(plan, `${c}8`));
    expect(weights.map((w) => isFormulaCell(w) && w.expect)).toEqual([0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0]);
    expect(cellAt(plan, "U5")).toBe("响应时间得分");
    const total = cellAt(plan, "AC8");
    expect(isFormulaCell(total) && total.expect).toBe(1);
  });

  it("counts complete service reports for 表单记录准确率 (issue 12), per technician and for the department", () => {
    expect(cellAt(plan, "T5")).toBe("表单记录准确率");
    const dept = report.value.current.department;
    const rate = cellAt(plan, `T${9 + n}`);
    expect(isFormulaCell(rate) && rate.f).toMatch(/^=IF\(C\d+=0,"",[A-Z]+\d+\/C\d+\)$/);
    expect(isFormulaCell(rate) && rate.expect).toBe(dept.values.recordAccuracyRate);
    expect(dept.values.recordAccuracyRate).toBeGreaterThan(0);
    expect(dept.values.recordAccuracyRate).toBeLessThan(1);
    expect(formulasOf(plan).join("\n")).toContain('SVC_WorkOrders[报告完整],"是"');
  });

  it("charts on-time rate and CSAT per technician against the target line", () => {
    expect(plan.charts).toHaveLength(2);
    for (const c of plan.charts!) {
      expect(c.type).toBe("columnLine");
      expect(c.series.map((s) => s.asLine ?? false)).toEqual([false, true]);
    }
  });

  it("prints its charts: the print area covers every chart's cells (in both languages)", () => {
    for (const p of [plan, kpiPlan({ report: report.value, locale: "en-US", settings: DEFAULT_SETTINGS })]) {
      const area = parseRange(printAreas(p.print!)[0]!);
      for (const c of p.charts!) {
        const from = parseRange(c.from);
        const to = parseRange(c.to);
        expect([
          from.top >= area.top,
          from.left >= area.left,
          to.bottom <= area.bottom,
          to.right <= area.right,
        ]).toEqual([true, true, true, true]);
      }
      // and no further than the charts: the page ends under them
      expect(area.bottom).toBe(Math.max(...p.charts!.map((c) => parseRange(c.to).bottom)));
      // the chart section (its title, its data, the charts) starts a page of its own
      const [breakBefore] = p.print!.pageBreaksBefore!;
      expect(cellAt(p, `A${breakBefore}`)).toBe(p === plan ? "图表数据" : "Chart data");
      expect(p.print!.pageBreaksBefore).toEqual([breakBefore]);
    }
  });

  it("freezes as values with a time stamp: no formula reads the register any more", () => {
    const frozen = kpiPlan({
      report: report.value,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      frozenAt: serialOf(2026, 11, 27, 13, 5),
    });
    expect(formulasOf(frozen)).toEqual([]);
    expect(String(cellAt(frozen, "A2"))).toContain("2026-11-27 13:05");
    expect(cellAt(frozen, `B${9 + n}`)).toBe(report.value.current.department.values.orders);
    expect(frozen.marker.meta.frozenAt).toBe(serialOf(2026, 11, 27, 13, 5));
  });

  it("an empty month still has the department row, all rates blank, and no charts", () => {
    const empty = monthlyKpiReport(parsed.orders, {
      month: { year: 2025, month: 1 },
      asOf: serialOf(2025, 2, 1),
      settings: DEFAULT_SETTINGS,
    });
    if (!empty.ok) throw new Error();
    const p = kpiPlan({ report: empty.value, locale: "en-US", settings: DEFAULT_SETTINGS });
    expect(cellAt(p, "A9")).toBe("Department");
    const rate = cellAt(p, "D9");
    expect(isFormulaCell(rate) && rate.expect).toBe("");
    expect(p.charts).toEqual([]);
    expect(p.print!.pageBreaksBefore).toBeUndefined();
  });

  it("escapes COUNTIFS wildcards in technician names", () => {
    expect(escapeCriterion("A*B?~")).toBe("A~*B~?~~");
  });
});

describe("problemsPlan", () => {
  it("lists each problem with the user's row, column, value, reason and action", () => {
    const parsed = sample(300, 3);
    const p = problemsPlan({
      problems: parsed.problems,
      rowsRead: parsed.rowsRead,
      rowsUsed: parsed.rowsUsed,
      locale: "zh-CN",
    });
    expect(p.marker.kind).toBe("problems");
    const first = parsed.problems[0];
    expect([cellAt(p, "A5"), cellAt(p, "B5"), cellAt(p, "C5")]).toEqual([1, first.row, first.column]);
    expect(["该行未计入", "按空白处理"]).toContain(cellAt(p, "F5"));
    expect(p.tables![0].range).toBe(`A4:F${4 + parsed.problems.length}`);
  });

  it("says so when there is nothing to report", () => {
    const p = problemsPlan({ problems: [], rowsRead: 3, rowsUsed: 3, locale: "en-US" });
    expect(String(cellAt(p, "E5"))).toContain("No problems");
  });
});

describe("import and workbook", () => {
  const s = sampleWorkOrders({ seed: 4, count: 50, month: OCT, headers: "en" });
  const range: RangeData = {
    sheetName: "Export",
    address: "B3:T55",
    firstRow: 3,
    firstColumn: 2,
    values: [["Work order export", ...s.headers.slice(1).map(() => null)], [...s.headers], ...s.rows],
  };

  it("finds the header below a title line and keeps the user's row numbers", () => {
    const t = sourceTable(range);
    if (!t.ok) throw new Error(t.problem.message.en);
    expect(t.value.headerRow).toBe(4);
    expect(t.value.firstDataRow).toBe(5);
    const parsed = readOrders(t.value, proposeMapping(t.value.headers).mapping);
    if (!parsed.ok) throw new Error(parsed.problem.message.en);
    expect(parsed.value.orders[0].row).toBeGreaterThanOrEqual(5);
  });

  it("refuses an empty range and a mapping without 报修时间", () => {
    expect(sourceTable({ ...range, values: [[null, " "]] }).ok).toBe(false);
    const t = sourceTable(range);
    if (!t.ok) throw new Error();
    expect(readOrders(t.value, { orderId: 0 }).ok).toBe(false);
  });

  it("assembles settings + register + problems + KPI as one plan, activating the KPI sheet", () => {
    const parsed = sample(100, 2);
    const wb = kpiWorkbookPlan({
      parsed,
      month: OCT,
      asOf: NOV1,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      includeSettings: true,
    });
    if (!wb.ok) throw new Error(wb.problem.message.en);
    expect(wb.value.plan.sheets.map((x) => x.marker.kind)).toEqual(["settings", "register", "problems", "kpi"]);
    expect(wb.value.plan.activate).toBe(3);
    const without = kpiWorkbookPlan({
      parsed,
      month: OCT,
      asOf: NOV1,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      includeSettings: false,
    });
    expect(without.ok && without.value.plan.sheets.map((x) => x.marker.kind)).toEqual(["register", "problems", "kpi"]);
  });

  it("refuses when no row could be used", () => {
    const wb = kpiWorkbookPlan({
      parsed: { orders: [], problems: [], rowsRead: 4, rowsUsed: 0 },
      month: OCT,
      asOf: NOV1,
      locale: "zh-CN",
      settings: DEFAULT_SETTINGS,
      includeSettings: false,
    });
    expect(!wb.ok && wb.problem.message.en).toMatch(/no usable orders/);
  });
});
