import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { KPI_VALUE_KEYS, sampleWorkOrders } from "../../core/workorders";
import { kpiMarkerOf } from "../../sheets/workorders";
import { findPlansInWorkbook } from "../../../test/support/exceljs/read";
import { checkedMeta } from "../../../test/support/markers";
import type { KpiJson } from "./kpi";
import { expectSuccess, useCliFolder } from "../../../test/support/cli";

const NOV_27 = new Date(2026, 10, 27, 9, 30);
const cli = useCliFolder({ prefix: "svc-kpi-cli-", now: NOV_27 });

function csv(name: string, rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return cli.write(name, "\ufeff" + Papa.unparse(rows.map((r) => r.map((c) => (c === null ? "" : c)))));
}

const HEAD = [
  "工单号",
  "维修人员",
  "故障类别",
  "报修时间",
  "首次答复时间",
  "到达现场时间",
  "完成时间",
  "服务半径(km)",
  "一次修复",
  "客户满意度",
  "客户投诉",
  "服务责任",
];
const SMALL = [
  HEAD,
  ["W1", "张三", "车身", "2026-10-05 08:30", "", "2026-10-06 08:30", "2026-10-06 12:00", 100, "是", 9, "", ""],
  ["W2", "张三", "底盘", "2026/10/6 9:00", "2026/10/6 22:00", "", "", "", "", 7, "是", "是"],
  ["W3", "", "其他", "2026年10月7日 10:00", "2026-10-07 11:00", "", "2026-10-08 10:00", "", "N", 11, "", ""],
  ["W1", "李四", "其他", "2026-10-08 10:00", "", "", "", "", "", "", "", ""],
  ["W5", "李四", "车身", "明天", "", "", "", "", "", "", "", ""],
  ["W6", "李四", "车身", "2026-09-30 10:00", "", "2026-09-30 09:00", "", -3, "", "", "", ""],
];

describe("service-appraisal kpi", () => {
  test("writes the workbook and the JSON contract: keys, fractions, nulls, the user's row numbers", async () => {
    const r = await cli.run([
      "kpi",
      "--orders",
      csv("o.csv", SMALL),
      "--month",
      "2026-10",
      "--out",
      "k.xlsx",
      "--json",
      "k.json",
    ]);
    expectSuccess(r);
    const json = cli.readJson<KpiJson>("k.json");
    expect(Object.keys(json)).toEqual([
      "month",
      "asOf",
      "rowsRead",
      "rowsUsed",
      "department",
      "technicians",
      "problems",
    ]);
    expect(json.month).toBe("2026-10");
    expect(json.asOf).toBe("2026-11-01T00:00:00");
    expect([json.rowsRead, json.rowsUsed]).toEqual([6, 4]);
    expect(Object.keys(json.department)).toEqual([...KPI_VALUE_KEYS]);
    expect(json.technicians.map((t) => Object.keys(t))).toEqual(
      json.technicians.map(() => ["technician", ...KPI_VALUE_KEYS]),
    );
    expect(json.technicians.map((t) => [t.technician, t.orders])).toEqual([
      ["张三", 2],
      ["未指派", 1],
    ]);
    const d = json.department;
    // W1 on site exactly 24 h at exactly 100 km: met. W2 reply 13 h for 底盘: missed. W3 reply 1 h: met.
    expect([d.orders, d.slaMet, d.slaMissed, d.onTimeRate]).toEqual([3, 2, 1, 2 / 3]);
    expect([d.completed, d.completionRate, d.firstTimeFixRate]).toEqual([2, 2 / 3, 0.5]);
    expect([d.avgSatisfaction, d.csat, d.complaintRate, d.complaintHandlingRate]).toEqual([8, 0.5, 1 / 3, 0]);
    const zhang = json.technicians[0];
    expect(zhang.returnVisitRate).toBe(0);
    expect(json.technicians[1].avgResponseHours).toBeNull();
    for (const row of [d, ...json.technicians]) {
      for (const k of [
        "completionRate",
        "onTimeRate",
        "firstTimeFixRate",
        "returnVisitRate",
        "csat",
        "complaintRate",
        "complaintHandlingRate",
      ] as const) {
        const x = row[k];
        expect(x === null || (typeof x === "number" && x >= 0 && x <= 1)).toBe(true);
      }
    }
    expect(json.problems.map((p) => [p.row, p.column])).toEqual([
      [4, "客户满意度"],
      [5, "工单号"],
      [6, "报修时间"],
      [7, "到达现场时间"],
      [7, "服务半径(km)"],
    ]);
    expect(json.problems[1].message).toContain("与第 2 行重复");
    const wb = await cli.readWorkbook("k.xlsx");
    expect(findPlansInWorkbook(wb).map((p) => p.marker.kind)).toEqual(["settings", "register", "problems", "kpi"]);
    expect(r.out.join("\n")).toContain("读取 6 行，使用 4 行；5 个数据问题");
  });

  test("as-of defaults to the end of the month, or now when that is earlier; --as-of overrides", async () => {
    const file = csv("o.csv", [...SMALL, ["W7", "张三", "其他", "2026-10-06 08:00", "", "", "", "", "", "", "", ""]]);
    await cli.run(["kpi", "--orders", file, "--month", "2026-10", "--out", "a.xlsx", "--json", "a.json"], {
      now: new Date(2026, 9, 6, 12, 0),
    });
    expect(cli.readJson<KpiJson>("a.json").asOf).toBe("2026-10-06T12:00:00");
    await cli.run([
      "kpi",
      "--orders",
      file,
      "--month",
      "2026-10",
      "--as-of",
      "2026-10-06T09:00",
      "--out",
      "b.xlsx",
      "--json",
      "b.json",
    ]);
    const b = cli.readJson<KpiJson>("b.json");
    expect(b.asOf).toBe("2026-10-06T09:00:00");
    // W7 (其他, 24 h, no reply yet) is pending as of 10-06 09:00 and missed as of the month's end.
    expect([b.department.slaPending, b.department.slaMissed, b.department.orders]).toEqual([1, 1, 4]);
    await cli.run(["kpi", "--orders", file, "--month", "2026-10", "--out", "c.xlsx", "--json", "c.json"]);
    const c = cli.readJson<KpiJson>("c.json");
    expect([c.asOf, c.department.slaPending, c.department.slaMissed]).toEqual(["2026-11-01T00:00:00", 0, 2]);
  });

  test("never overwrites an existing --out or --json without --force, nor the input", async () => {
    const file = csv("o.csv", SMALL);
    cli.write("k.json", "{}");
    const r = await cli.run(["kpi", "--orders", file, "--month", "2026-10", "--out", "k.xlsx", "--json", "k.json"]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toContain("已存在");
    expect(cli.exists("k.xlsx")).toBe(false);
    expect(cli.readText("k.json")).toBe("{}");
    expect(
      (await cli.run(["kpi", "--orders", file, "--month", "2026-10", "--out", "k.xlsx", "--json", "k.json", "--force"]))
        .code,
    ).toBe(0);
    expect(cli.readText("k.json")).not.toBe("{}");
    const same = await cli.run([
      "kpi",
      "--orders",
      file,
      "--month",
      "2026-10",
      "--out",
      "k.xlsx",
      "--json",
      "o.csv",
      "--force",
    ]);
    expect(same.code).toBe(2);
  });

  test("bad arguments and unusable input give one line and a non-zero exit", async () => {
    const file = csv("o.csv", SMALL);
    const badMonth = await cli.run(["kpi", "--orders", file, "--month", "2026-Q4", "--out", "k.xlsx"], {
      lang: "en-US",
    });
    expect([badMonth.code, badMonth.err]).toEqual([
      2,
      ['service-appraisal kpi: --month: "2026-Q4" is a quarter, not a month: write it as 2026-10'],
    ]);
    expect((await cli.run(["kpi", "--month", "2026-10", "--out", "k.xlsx"])).code).toBe(2);
    expect((await cli.run(["kpi", "--orders", "missing.csv", "--month", "2026-10", "--out", "k.xlsx"])).code).toBe(1);
    expect(
      (await cli.run(["kpi", "--orders", file, "--sheet", "x", "--month", "2026-10", "--out", "k.xlsx"])).code,
    ).toBe(2);
    expect(
      (await cli.run(["kpi", "--orders", file, "--month", "2026-10", "--as-of", "soon", "--out", "k.xlsx"])).code,
    ).toBe(2);
    const noTime = await cli.run(
      [
        "kpi",
        "--orders",
        csv("n.csv", [
          ["工单号", "客户"],
          ["W1", "x"],
        ]),
        "--month",
        "2026-10",
        "--out",
        "k.xlsx",
      ],
      { lang: "en-US" },
    );
    expect(noTime.code).toBe(1);
    expect(noTime.err[0]).toMatch(/Reported at.*headers found: 工单号, 客户/);
  });

  test("reads an .xlsx export with --sheet, a title line above the headers, and English headers", async () => {
    const s = sampleWorkOrders({ seed: 3, count: 120, headers: "en" });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "nothing here";
    const ws = wb.addWorksheet("Export");
    ws.addRow(["Work orders exported 2026-11-01"]);
    ws.addRow([...s.headers]);
    for (const row of s.rows) ws.addRow([...row]);
    await wb.xlsx.writeFile(cli.path("in.xlsx"));
    const r = await cli.run(
      [
        "kpi",
        "--orders",
        "in.xlsx",
        "--sheet",
        "export",
        "--month",
        "2026-10",
        "--out",
        "k.xlsx",
        "--json",
        "k.json",
        "--freeze",
      ],
      { lang: "en-US" },
    );
    expect(r.err).toEqual([]);
    const json = cli.readJson<KpiJson>("k.json");
    expect(json.rowsRead).toBe(120);
    // Row numbers are the sheet's: header on row 2, data from row 3.
    expect(Math.min(...json.problems.map((p) => p.row))).toBeGreaterThanOrEqual(3);
    const out = await cli.readWorkbook("k.xlsx");
    const kpi = findPlansInWorkbook(out).find((p) => p.marker.kind === "kpi")!;
    expect(checkedMeta(kpiMarkerOf(kpi)).frozenAt).not.toBeNull();
  });

  test("a column that could be the radius or the mileage (公里数) is never guessed: a clear message, and flags to say what it is", async () => {
    const rows = [
      ["工单号", "故障类别", "报修时间", "到达现场时间", "公里数", "里程"],
      ["W1", "车身", "2026-10-05 08:30", "2026-10-06 20:30", 80, 85000],
    ];
    const args = ["kpi", "--orders", csv("o.csv", rows), "--month", "2026-10", "--out", "k.xlsx", "--json", "k.json"];
    const refused = await cli.run(args);
    expect(refused.code).toBe(2);
    expect(refused.err.join("\n")).toContain(
      '“公里数”列可能是服务半径(km)或运行里程(km)，不会自动猜测：请加 --distance-column "公里数"',
    );
    expect(cli.exists("k.xlsx")).toBe(false);
    const en = await cli.run(args, { lang: "en" });
    expect(en.err.join("\n")).toMatch(
      /column "公里数" could be Distance \(km\) or Vehicle mileage \(km\), and is never guessed/,
    );

    // Said to be the radius: 80 km ≤ 100, on site after 36 h > 24 h → missed. 里程 stays the mileage.
    const asRadius = await cli.run([...args, "--distance-column", "公里数"]);
    expectSuccess(asRadius);
    expect(asRadius.out.join("\n")).toContain("公里数 → 服务半径(km)");
    expect(asRadius.out.join("\n")).toContain("里程 → 运行里程(km)");
    const json = cli.readJson<KpiJson>("k.json");
    expect([json.department.slaMissed, json.department.slaUnknown]).toEqual([1, 0]);

    // Set aside: a body fault without a radius is unknown, not late.
    const ignored = await cli.run([...args, "--ignore-column", "E", "--force"]);
    expect(ignored.code).toBe(0);
    const json2 = cli.readJson<KpiJson>("k.json");
    expect([json2.department.slaMissed, json2.department.slaUnknown]).toEqual([0, 1]);
    const wrong = await cli.run([...args, "--mileage-column", "距离", "--force"]);
    expect(wrong.code).toBe(2);
    expect(wrong.err.join("\n")).toContain("--mileage-column：没有标题为“距离”的列");
  });

  test("服务报告 columns feed 表单记录准确率 in --json, and --parts writes the month's replacements for the ledger (issue 12)", async () => {
    const rows = [
      ["工单号", "维修人员", "报修时间", "完成时间", "用户签名", "零件名称", "更换数量", "更换原因", "旧件带回"],
      ["W1", "张三", "2026-10-05 08:30", "2026-10-06 12:00", "是", "水泵", "2个", "漏水", "是"],
      ["W2", "张三", "2026-10-06 09:00", "2026-10-07 12:00", "是", "=HYPERLINK(1)", 1, "异响", "否"],
      ["W3", "李四", "2026-10-07 10:00", "2026-10-08 10:00", "", "", "", "", ""],
      ["W4", "李四", "2026-10-08 10:00", "2026-10-08 18:00", "是", "", "", "", ""],
      ["W5", "李四", "2026-10-09 10:00", "", "", "", "", "", ""],
      ["W6", "李四", "2026-09-30 10:00", "2026-10-01 10:00", "是", "刹车片", 4, "磨损", "是"],
    ];
    const args = ["kpi", "--orders", csv("o.csv", rows), "--month", "2026-10", "--out", "k.xlsx", "--json", "k.json"];
    const r = await cli.run([...args, "--parts", "parts.csv"]);
    expectSuccess(r);
    const json = cli.readJson<KpiJson>("k.json");
    // Completed: W1 (complete), W2 (old part not back), W3 (unsigned), W4 (signed, nothing replaced).
    expect(json.department.recordAccuracyRate).toBe(2 / 4);
    expect(json.technicians.map((t) => [t.technician, t.recordAccuracyRate])).toEqual([
      ["李四", 1 / 2],
      ["张三", 1 / 2],
    ]);
    expect(r.out.join("\n")).toContain("2 条换件记录");
    const text = cli.readText("parts.csv");
    expect(text.startsWith("\ufeff")).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(parsed).toEqual([
      [
        "工单号",
        "完成时间",
        "服务人员",
        "客户",
        "产品型号/车辆编号",
        "三包",
        "运行里程(km)",
        "更换零件",
        "换件数量",
        "换件原因",
        "旧件返回",
        "客户签字",
        "报告完整",
        "来源行",
      ],
      ["W1", "2026-10-06 12:00", "张三", "", "", "否", "", "水泵", "2", "漏水", "是", "是", "是", "2"],
      ["W2", "2026-10-07 12:00", "张三", "", "", "否", "", "'=HYPERLINK(1)", "1", "异响", "否", "是", "否", "3"],
    ]);
  });

  test("a 服务报告 header that names the thing, not the fact (签字, 数量), is asked about, never guessed", async () => {
    const rows = [
      ["工单号", "报修时间", "完成时间", "签字", "数量"],
      ["W1", "2026-10-05 08:30", "2026-10-06 12:00", "是", 2],
    ];
    const args = ["kpi", "--orders", csv("o.csv", rows), "--month", "2026-10", "--out", "k.xlsx", "--json", "k.json"];
    const refused = await cli.run(args);
    expect(refused.code).toBe(2);
    expect(refused.err.join("\n")).toContain(
      '“签字”列可能是客户签字，不会自动猜测：请加 --signature-column "签字"（客户签字）或 --ignore-column "签字"（不使用）',
    );
    const stillOpen = await cli.run([...args, "--signature-column", "签字"]);
    expect(stillOpen.code).toBe(2);
    expect(stillOpen.err.join("\n")).toContain("--part-quantity-column");
    const ok = await cli.run([...args, "--signature-column", "签字", "--ignore-column", "数量"]);
    expect(ok.code).toBe(0);
    expect(ok.out.join("\n")).toContain("签字 → 客户签字");
    const json = cli.readJson<KpiJson>("k.json");
    expect(json.department.recordAccuracyRate).toBe(1);
  });
});

describe("kpi --call-log: written contact proven from the call log (issue 12 point 5)", () => {
  const CALLS = join(__dirname, "../../../test/fixtures/records/calls.csv");

  test("the register gets the log's first written answer and the 12-hour check for chassis-engine faults; the log is copied in", async () => {
    cli.write("calls.csv", readFileSync(CALLS));
    const log = await cli.run(["call-log", "--in", "calls.csv", "--out", "log.xlsx", "--as-of", "2026-10-07 12:00"]);
    expect(log.code).toBe(0);
    const orders = csv("orders.csv", [
      HEAD,
      ["0020261005", "张三", "底盘", "2026-10-05 08:30", "2026-10-05 09:00", "", "", "", "", "", "", ""],
      ["WO-4", "张三", "底盘", "2026-10-04 16:00", "2026-10-04 17:00", "", "", "", "", "", "", ""],
      ["WO-3", "李四", "底盘", "2026-10-06 14:00", "", "", "", "", "", "", "", ""],
      ["WO-2", "李四", "车身", "2026-10-05 09:10", "", "", "", "", "", "", "", ""],
    ]);
    const r = await cli.run([
      "kpi",
      "--orders",
      orders,
      "--month",
      "2026-10",
      "--as-of",
      "2026-10-07 12:00",
      "--call-log",
      "log.xlsx",
      "--out",
      "kpi.xlsx",
    ]);
    expectSuccess(r);
    expect(r.out.join("\n")).toContain("书面联系按“来电来函”核对（5 条来电来函）");
    const wb = await cli.readWorkbook("kpi.xlsx");
    expect(findPlansInWorkbook(wb).map((p) => p.marker.kind)).toEqual([
      "settings",
      "register",
      "problems",
      "kpi",
      "callLog",
    ]);
    const ws = wb.getWorksheet("工单登记表")!;
    const header = ws.getRow(4).values as unknown[];
    const atColumn = header.indexOf("书面联系时间（来电来函）");
    expect(atColumn).toBeGreaterThan(0);
    expect(header[atColumn + 1]).toBe("书面联系核对");
    // Rows 5–8: the orders in input order; the cached results are the engine's.
    const formula = (col: number): unknown => (ws.getCell(5, col).value as { formula?: string }).formula;
    expect(formula(atColumn)).toContain("SVC_CallLog[");
    expect(formula(atColumn + 1)).toContain("SVC_SLA_ChassisReplyHours");
    const result = (row: number, col: number): unknown =>
      (ws.getCell(row, col).value as { result?: unknown }).result ?? "";
    expect([5, 6, 7, 8].map((row) => result(row, atColumn + 1))).toEqual(["按时", "超时", "未联系", ""]);
    // 0020261005 was answered by 复函 (letter) — written — at 18:00 the same day; a phone answer does not count.
    expect(result(5, atColumn)).toBeInstanceOf(Date); // a serial in a date-time cell
    expect(result(8, atColumn)).toBe("");
  });

  test("refuses a --call-log file without a call log, naming it", async () => {
    const orders = csv("orders.csv", SMALL);
    await cli.run(["kpi", "--orders", orders, "--month", "2026-10", "--out", "plain.xlsx"]);
    const r = await cli.run([
      "kpi",
      "--orders",
      orders,
      "--month",
      "2026-10",
      "--call-log",
      "plain.xlsx",
      "--out",
      "k.xlsx",
    ]);
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toContain("没有来电来函记录表");
    expect(cli.exists("k.xlsx")).toBe(false);
  });
});
