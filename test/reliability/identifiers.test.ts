/**
 * Identifiers are text, always (issue 15): order numbers of 11–18 digits and 18-digit ID-card
 * numbers, from CSV and from .xlsx number cells, reach the register and the bonus table exactly
 * as the user has them — never rounded, never in E-notation, never taken for repeats.
 */
import { strToU8 } from "fflate";
import { readBonusTable } from "../../src/core/bonus";
import { readPeople } from "../../src/core/appraisal";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { parseOrders } from "../../src/core/workorders";
import { proposeFor, readOrders, sourceTable } from "../../src/sheets/workorders";
import { readTableData } from "../../src/xlsx";
import { buildXlsx, row } from "../support/xlsxParts";

const ORDER_IDS_11 = Array.from({ length: 20 }, (_, i) => String(20261005001 + i));
const ORDER_IDS_18 = Array.from({ length: 20 }, (_, i) => `2026100500012345${String(i).padStart(2, "0")}`);
const ID_CARDS = [
  "110101199003071234",
  "110101199003071235",
  "110101199003071236",
  "11010119900307123X",
  "440301198512250011",
  "440301198512250012",
];

async function ordersFrom(bytes: Uint8Array) {
  const range = await readTableData(bytes);
  const table = sourceTable(range);
  if (!table.ok) throw new Error(table.problem.message.en);
  const parsed = readOrders(table.value, proposeFor(table.value).mapping);
  if (!parsed.ok) throw new Error(parsed.problem.message.en);
  return parsed.value;
}

function csvOrders(ids: readonly string[]): Uint8Array {
  return strToU8(
    [
      "工单号,报修时间,服务人员",
      ...ids.map((id, i) => `${id},2026-10-${String(1 + i).padStart(2, "0")} 08:30,张三`),
    ].join("\n"),
  );
}

describe("order numbers", () => {
  it.each([
    ["11 digits", ORDER_IDS_11],
    ["18 digits", ORDER_IDS_18],
  ])("a CSV of 20 orders with %s keeps all 20, each ID as written", async (_, ids) => {
    const parsed = await ordersFrom(csvOrders(ids));
    expect(parsed.problems).toEqual([]);
    expect(parsed.orders.map((o) => o.orderId)).toEqual(ids);
  });

  it("an .xlsx with 11-digit order numbers in number cells keeps all 20", async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: "工单",
          body:
            row(1, ["工单号", "报修时间"]) +
            ORDER_IDS_11.map((id, i) => row(i + 2, [Number(id), 46296 + i + 0.354166666666667])).join(""),
        },
      ],
    });
    const parsed = await ordersFrom(bytes);
    expect(parsed.rowsUsed).toBe(20);
    expect(parsed.orders.map((o) => o.orderId)).toEqual(ORDER_IDS_11);
  });

  it("an .xlsx written by another program with 18-digit order numbers in number cells keeps every digit", async () => {
    const cells = ORDER_IDS_18.map(
      (id, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${id}</v></c><c r="B${i + 2}"><v>${46296 + i}</v></c></row>`,
    ).join("");
    const bytes = buildXlsx({ sheets: [{ name: "工单", body: row(1, ["工单号", "报修时间"]) + cells }] });
    const parsed = await ordersFrom(bytes);
    expect(parsed.orders.map((o) => o.orderId)).toEqual(ORDER_IDS_18);
  });

  it("numbers an Excel cell really holds are shown in plain digits; 16+ digit numbers that Excel rounded are reported, not merged", () => {
    const rows = [
      [20261005001, 46300],
      [202610050001234, 46300],
      [2.02610050001234e17, 46300],
      [2.02610050001234e17, 46301],
    ];
    const parsed = parseOrders(rows, { orderId: 0, reportedAt: 1 }, { firstRow: 2, headers: ["工单号", "报修时间"] });
    expect(parsed.orders.map((o) => o.orderId)).toEqual(["20261005001", "202610050001234", null, null]);
    expect(parsed.rowsUsed).toBe(4);
    expect(parsed.problems.map((p) => [p.row, p.effect])).toEqual([
      [4, "treatedAsBlank"],
      [5, "treatedAsBlank"],
    ]);
    expect(parsed.problems[0]!.message.en).toMatch(/"202610050001234000" is stored as a number with more than the 15/);
  });
});

describe("ID-card numbers in people tables", () => {
  const bonusCsv = strToU8(
    [
      "工号,姓名,岗位标准绩效,考核奖金比例,Q1,黄牌,红牌",
      ...ID_CARDS.map((id, i) => `${id},${["张三", "张三", "李四", "王五", "赵六", "钱七"][i]},60000,30%,A,0,0`),
    ].join("\r\n"),
  );

  it("a bonus table of 6 people keyed by 18-digit ID-card numbers keeps all 6", async () => {
    const range = await readTableData(bonusCsv);
    const read = readBonusTable(range.values, { year: 2026, firstRow: range.firstRow, settings: DEFAULT_SETTINGS });
    expect(read.problems).toEqual([]);
    expect(read.people.map((p) => p.id)).toEqual(ID_CARDS);
  });

  it("appraisal people keep their ID-card numbers as written", async () => {
    const range = await readTableData(strToU8(["工号,姓名", ...ID_CARDS.map((id, i) => `${id},P${i}`)].join("\n")));
    const read = readPeople(range.values, range.firstRow);
    expect(read.problems).toEqual([]);
    expect(read.people.map((p) => p.id)).toEqual(ID_CARDS);
  });
});
