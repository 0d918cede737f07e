import { resolve } from "node:path";
import { findPlansInWorkbook } from "../../../test/support/exceljs/read";
import { expectSuccess, useCliFolder } from "../../../test/support/cli";
import type { CallLogJson } from "./call-log";

const cli = useCliFolder({
  prefix: "svc-call-log-cli-",
  files: { "calls.csv": resolve(__dirname, "../../../test/fixtures/records/calls.csv") },
  now: new Date(2026, 9, 8, 12, 0),
});

describe("service-appraisal call-log", () => {
  test("CSV → 考核参数 + 来电来函 in time order, the counts and the JSON; bad cells named by row and column", async () => {
    const r = await cli.run([
      "call-log",
      "--in",
      "calls.csv",
      "--out",
      "log.xlsx",
      "--json",
      "log.json",
      "--as-of",
      "2026-10-07 12:00",
    ]);
    expectSuccess(r);
    const j = cli.readJson<CallLogJson>("log.json");
    expect(j.counts).toEqual({
      entries: 5,
      pending: 1,
      notArchived: 1,
      closed: 3,
      written: { onTime: 1, late: 1, pending: 0, missed: 1 },
    });
    // Time order: the fax of 10-04 first; the leading zeros of the order number kept.
    expect(j.entries.map((e) => [e.sourceRow, e.orderId, e.writtenCheck])).toEqual([
      [5, "WO-4", "late"],
      [2, "0020261005", "onTime"],
      [3, "WO-2", null],
      [4, "WO-3", "missed"],
      [7, "WO-6", null],
    ]);
    expect(j.entries[1]!.hoursToAnswer).toBeCloseTo(9.5, 9);
    expect(j.problems.map((p) => [p.row, p.column])).toEqual([
      [6, "来电来函时间"],
      [7, "方式"],
    ]);
    expect(r.out.join("\n")).toContain("底盘发动机故障 12 小时内书面联系：按时 1，超时 1，待联系 0，未联系 1");
    expect(r.out.join("\n")).toContain("第 6 行");

    const wb = await cli.readWorkbook("log.xlsx");
    expect(findPlansInWorkbook(wb).map((p) => [p.sheetName, p.marker.kind])).toEqual([
      ["考核参数", "settings"],
      ["来电来函", "callLog"],
    ]);
    const ws = wb.getWorksheet("来电来函")!;
    expect(ws.getCell("F7").value).toBe("0020261005");
    // User text stays text.
    expect(ws.getCell("I10").value).toBe('=HYPERLINK("http://x")');
  });

  test("without --in: an empty log with the blank rows asked for, in English", async () => {
    const r = await cli.run(["call-log", "--out", "empty.xlsx", "--blank-rows", "5"], { lang: "en-US" });
    expect(r.code).toBe(0);
    expect(r.out.join("\n")).toContain("0 call(s)/letter(s)");
    const wb = await cli.readWorkbook("empty.xlsx");
    expect(wb.getWorksheet("Calls and letters")!.getCell("A5").value).toBe("No.");
  });

  test("refusals: a table without a time column, a bad --blank-rows, an existing --out", async () => {
    const bad = await cli.run(["call-log", "--in", "calls.csv", "--out", "x.xlsx", "--blank-rows", "many"]);
    expect(bad.code).toBe(2);
    expect(bad.err.join("\n")).toContain("--blank-rows 应为 0 到 1000 的整数");
    cli.write("people.csv", "姓名,内容\n张三,咨询\n");
    const noTime = await cli.run(["call-log", "--in", "people.csv", "--out", "y.xlsx"]);
    expect(noTime.code).toBe(1);
    expect(noTime.err.join("\n")).toContain("标题行缺少列：来电来函时间");
    expect(cli.exists("y.xlsx")).toBe(false);
    await cli.run(["call-log", "--out", "x.xlsx"]);
    const again = await cli.run(["call-log", "--out", "x.xlsx"]);
    expect(again.code).not.toBe(0);
    expect(cli.exists("x.xlsx")).toBe(true);
  });
});
