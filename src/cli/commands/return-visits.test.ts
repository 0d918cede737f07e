import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expectSuccess, useCliFolder } from "../../../test/support/cli";
import { findPlansInWorkbook } from "../../../test/support/exceljs/read";

const cli = useCliFolder({ prefix: "svc-visits-cli-", now: new Date(2026, 10, 25) });

/** October orders: 张三 five completed (one "0012"), 李四 one completed, one open, one in November, one without a number. */
const ORDERS = [
  "工单号,客户,服务人员,报修时间,完成时间,客户满意度",
  "WO-1,宇通客运,张三,2026-10-02 08:00,2026-10-03 10:00,9",
  "WO-2,金龙公交,张三,2026-10-05 08:00,2026-10-05 18:00,",
  '0012,=HYPERLINK("x"),张三,2026-10-06 08:00,2026-10-07 09:00,',
  "WO-4,市公交集团,张三,2026-10-08 08:00,2026-10-09 09:00,",
  "WO-5,顺达物流,张三,2026-10-10 08:00,2026-10-11 09:00,",
  "WO-6,绿源环卫,李四,2026-10-12 08:00,2026-10-13 09:00,",
  "WO-7,长运集团,李四,2026-10-14 08:00,,",
  "WO-8,城建工程,李四,2026-11-01 08:00,2026-11-02 09:00,",
  ",华夏旅游,李四,2026-10-15 08:00,2026-10-16 09:00,",
  "WO-10,新城校车,张三,2026-10-16 08:00,2026-10-17 09:00,15",
].join("\n");

describe("service-appraisal return-visits", () => {
  test("draws from the month's completed orders with the seed; every technician gets a visit; JSON and sheets", async () => {
    cli.write("orders.csv", ORDERS);
    const args = ["return-visits", "--orders", "orders.csv", "--month", "2026-10", "--seed", "42", "--share", "40%"];
    const r = await cli.run([...args, "--out", "v.xlsx", "--json", "v.json"]);
    expectSuccess(r);
    // The rating 15 is a data problem, named by row and column.
    expect(r.out.join("\n")).toContain("第 11 行");
    expect(r.out).toContain(
      "2026-10：7 张已完成工单，抽取 4 张回访（2 位服务人员各至少一张），抽样种子 42（用 --seed 42 可重现）",
    );
    expect(r.out).toContain("1 张已完成工单没有工单号，未参加抽样");
    const body = cli.readJson("v.json");
    expect(body).toMatchObject({ month: "2026-10", seed: 42, size: { share: 0.4 }, threshold: 8 });
    expect(
      body.technicians.map((t: { technician: string; completed: number; sampled: number }) => [
        t.technician,
        t.completed,
        t.sampled,
      ]),
    ).toEqual([
      ["张三", 6, 3],
      ["李四", 1, 1],
    ]);
    expect(body.sample.map((s: { orderId: string }) => s.orderId)).not.toContain("WO-7");
    expect(body.department).toMatchObject({
      completed: 7,
      sampled: 4,
      visited: 0,
      visitRate: 0,
      meanSatisfaction: null,
    });

    // Same seed, same sample (the file's rows reversed); the drawn IDs stay text.
    const [header, ...rows] = ORDERS.split("\n");
    cli.write("reversed.csv", [header, ...rows.reverse()].join("\n"));
    const again = await cli.run([
      "return-visits",
      "--orders",
      "reversed.csv",
      "--month",
      "2026-10",
      "--seed",
      "42",
      "--share",
      "0.4",
      "--out",
      "w.xlsx",
      "--json",
      "w.json",
    ]);
    expect(again.code).toBe(0);
    const body2 = cli.readJson("w.json");
    expect(body2.sample.map((s: { orderId: string }) => s.orderId)).toEqual(
      body.sample.map((s: { orderId: string }) => s.orderId),
    );

    const wb = await cli.readWorkbook("v.xlsx");
    expect(findPlansInWorkbook(wb).map((p) => p.marker.kind)).toEqual([
      "returnVisits",
      "returnVisitSummary",
      "returnFollowUps",
    ]);
    const ws = wb.getWorksheet("回访记录")!;
    expect(ws.getCell("D3").value).toBe(42);
    expect(ws.getCell("H3").value).toBe(8);
    const ids = [5, 6, 7, 8].map((row) => ws.getCell(`A${row}`));
    for (const c of ids) expect(c.type).toBe(ExcelJS.ValueType.String);
  });

  test("--demo in English, --count and --threshold", async () => {
    const r = await cli.run(
      ["return-visits", "--demo", "--count", "20", "--threshold", "7", "--out", "d.xlsx", "--json", "d.json"],
      { lang: "en-US" },
    );
    expectSuccess(r);
    const body = cli.readJson("d.json");
    expect(body.department.sampled).toBe(20);
    expect(body.threshold).toBe(7);
    expect(body.technicians).toHaveLength(7);
    expect(r.out.some((l) => /visited, visit rate \d+\.\d%, mean satisfaction/.test(l))).toBe(true);
  });

  test("bad options are refused in the user's language, before anything is written", async () => {
    cli.write("orders.csv", ORDERS);
    const base = ["return-visits", "--orders", "orders.csv", "--month", "2026-10", "--out", "x.xlsx"];
    for (const [extra, message] of [
      [["--seed=-3"], "--seed 应为 0 到 4294967295 的整数"],
      [["--share", "120%"], "--share 应为大于 0 且不超过 100% 的比例"],
      [["--share", "30%", "--count", "3"], "--share 与 --count 只能选一个"],
      [["--threshold", "11"], "--threshold 应为 1 到 10 的整数分"],
    ] as const) {
      const r = await cli.run([...base, ...extra]);
      expect(r.code).toBe(2);
      expect(r.err.join("\n")).toContain(message);
    }
    const none = await cli.run(["return-visits", "--orders", "orders.csv", "--month", "2026-09", "--out", "x.xlsx"], {
      lang: "en-US",
    });
    expect(none.code).toBe(1);
    expect(none.err.join("\n")).toContain("2026-09 has no completed orders with an order ID to visit");
    expect(() => readFileSync(cli.path("x.xlsx"))).toThrow();
  });
});
