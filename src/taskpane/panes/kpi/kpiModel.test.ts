import { DEFAULT_SETTINGS } from "../../../core/settings";
import {
  ORDER_FIELDS,
  monthlyKpiReport,
  parseOrders,
  proposeMapping,
  serialOf,
  blankOrder,
  type WorkOrder,
} from "../../../core/workorders";
import { pick } from "../../../core/i18n/text";
import {
  ambiguousChoice,
  ambiguousQuestion,
  columnOptions,
  defaultAsOfText,
  defaultMonth,
  mappingRows,
  monthChoices,
  previewLines,
  readAsOf,
  setFieldColumn,
  undecidedColumns,
  unusedColumns,
} from "./kpiModel";

const HEADERS = ["单号", "工程师", "客户投诉情况", "报修日期", "备注"];

describe("KPI pane model", () => {
  const proposal = proposeMapping(HEADERS);

  it("shows each field's column and how sure the match is", () => {
    const rows = mappingRows(proposal, proposal.mapping);
    const by = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(by.orderId).toMatchObject({ column: 0, status: "exact" });
    expect(by.complaint).toMatchObject({ column: 2, status: "guess" });
    expect(by.customer).toMatchObject({ column: null, status: "none" });
    expect(rows).toHaveLength(ORDER_FIELDS.length);
    // A column the user picked themselves counts as confirmed.
    const moved = setFieldColumn(proposal.mapping, "serviceCaused", 2, HEADERS);
    expect(mappingRows(proposal, moved.mapping).find((r) => r.field === "serviceCaused")).toMatchObject({
      column: 2,
      status: "exact",
    });
  });

  it("keeps the mapping one-to-one: taking a column from another field unassigns it, and says so", () => {
    const r = setFieldColumn(proposal.mapping, "serviceCaused", 2, HEADERS);
    expect(r.mapping.complaint).toBeUndefined();
    expect(r.mapping.serviceCaused).toBe(2);
    expect(r.note?.zh).toBe("“客户投诉情况”列原来对应“客户投诉”，已改为不使用。");
    const none = setFieldColumn(r.mapping, "serviceCaused", null, HEADERS);
    expect(none.mapping.serviceCaused).toBeUndefined();
    expect(none.note).toBeNull();
  });

  it("offers every source column with its letter, and lists the unused ones", () => {
    expect(columnOptions(HEADERS, 2, "zh-CN").map((o) => o.label)).toEqual([
      "（不使用）",
      "B · 单号",
      "C · 工程师",
      "D · 客户投诉情况",
      "E · 报修日期",
      "F · 备注",
    ]);
    expect(unusedColumns(HEADERS, proposal.mapping)).toEqual(["备注"]);
  });

  it("offers the months with data, newest first, and defaults as-of to the month's end or now", () => {
    const orders = parseOrders(
      [
        ["W1", "张三", null, "2026-09-03 10:00", null],
        ["W2", "张三", null, "2026-10-03 10:00", null],
        ["W3", "李四", null, "2026-10-13 10:00", null],
      ],
      proposal.mapping,
      { firstRow: 2, headers: HEADERS },
    ).orders;
    expect(monthChoices(orders).map((m) => [m.key, m.orders])).toEqual([
      ["2026-10", 2],
      ["2026-09", 1],
    ]);
    const choices = monthChoices(orders);
    expect(defaultMonth(choices, new Date(2026, 10, 2))?.key).toBe("2026-10");
    expect(defaultMonth(choices, new Date(2026, 9, 20))?.key).toBe("2026-09");
    expect(defaultMonth(choices, new Date(2026, 8, 20))?.key).toBe("2026-10");
    expect(defaultAsOfText({ year: 2026, month: 10 }, new Date(2026, 10, 27, 9, 0))).toBe("2026-11-01 00:00");
    expect(defaultAsOfText({ year: 2026, month: 10 }, new Date(2026, 9, 20, 9, 15))).toBe("2026-10-20 09:15");
    expect(readAsOf("2026/11/1 0:00")).toBe(serialOf(2026, 11, 1));
    expect(readAsOf("soon")).toBeNull();
  });

  it("previews the engine's numbers as text, department last, blanks as —", () => {
    const base: WorkOrder = {
      ...blankOrder(2, null, serialOf(2026, 10, 5, 8, 0)),
      category: "other",
      repliedAt: serialOf(2026, 10, 5, 9, 0),
    };
    const r = monthlyKpiReport([base, { ...base, technician: "王五", satisfaction: 9 }], {
      month: { year: 2026, month: 10 },
      asOf: serialOf(2026, 11, 1),
      settings: DEFAULT_SETTINGS,
    });
    if (!r.ok) throw new Error();
    const lines = previewLines(r.value, "zh-CN");
    expect(lines.map((l) => l.name)).toEqual(["王五", "未指派", "全部门"]);
    // Orders, response, completion on time, quality, satisfaction (9 → 4.50 without a target), complaints, composite, grade.
    expect(lines[0].cells).toEqual(["1", "—", "—", "—", "9.0", "0.0%", "4.50", "B"]);
    expect(lines[1].cells[2]).toBe("—");
    expect(lines[2].department).toBe(true);
  });

  it("asks about a column that could be the radius or the mileage, and waits until it is decided", () => {
    const headers = ["工单号", "报修时间", "公里数", "故障类别"];
    const proposal = proposeMapping(headers);
    expect(proposal.mapping.distanceKm).toBeUndefined();
    expect(undecidedColumns(proposal, proposal.mapping, new Set()).map((a) => a.header)).toEqual(["公里数"]);
    expect(ambiguousChoice(proposal.ambiguous[0], proposal.mapping, new Set())).toBe("");
    expect(pick(ambiguousQuestion(proposal.ambiguous[0], 1), "zh-CN")).toBe(
      "“公里数”（C 列）是：服务半径(km)、运行里程(km)？",
    );
    // The user says it is the radius …
    const chosen = setFieldColumn(proposal.mapping, "distanceKm", 2, headers).mapping;
    expect(undecidedColumns(proposal, chosen, new Set())).toEqual([]);
    expect(ambiguousChoice(proposal.ambiguous[0], chosen, new Set())).toBe("distanceKm");
    // … or neither.
    expect(undecidedColumns(proposal, proposal.mapping, new Set([2]))).toEqual([]);
    expect(unusedColumns(headers, proposal.mapping, proposal.ambiguous)).toEqual([]);
  });
});
