import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { findPlansInWorkbook } from "../../../test/support/exceljs/read";
import { main, type MainIO } from "../main";
import type { CallLogJson } from "./call-log";

const FIXTURE = resolve(__dirname, "../../../test/fixtures/records/calls.csv");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "svc-call-log-cli-"));
  copyFileSync(FIXTURE, join(dir, "calls.csv"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], lang = "zh-CN"): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: MainIO = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    cwd: dir,
    env: { LANG: lang },
    now: () => new Date(2026, 9, 8, 12, 0),
  };
  return { code: await main(args, io), out, err };
}

describe("service-appraisal call-log", () => {
  test("CSV → 考核参数 + 来电来函 in time order, the counts and the JSON; bad cells named by row and column", async () => {
    const r = await run([
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
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(join(dir, "log.json"), "utf8")) as CallLogJson;
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

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "log.xlsx"));
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
    const r = await run(["call-log", "--out", "empty.xlsx", "--blank-rows", "5"], "en-US");
    expect(r.code).toBe(0);
    expect(r.out.join("\n")).toContain("0 call(s)/letter(s)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "empty.xlsx"));
    expect(wb.getWorksheet("Calls and letters")!.getCell("A5").value).toBe("No.");
  });

  test("refusals: a table without a time column, a bad --blank-rows, an existing --out", async () => {
    const bad = await run(["call-log", "--in", "calls.csv", "--out", "x.xlsx", "--blank-rows", "many"]);
    expect(bad.code).toBe(2);
    expect(bad.err.join("\n")).toContain("--blank-rows 应为 0 到 1000 的整数");
    writeFileSync(join(dir, "people.csv"), "姓名,内容\n张三,咨询\n");
    const noTime = await run(["call-log", "--in", "people.csv", "--out", "y.xlsx"]);
    expect(noTime.code).toBe(1);
    expect(noTime.err.join("\n")).toContain("标题行缺少列：来电来函时间");
    expect(existsSync(join(dir, "y.xlsx"))).toBe(false);
    await run(["call-log", "--out", "x.xlsx"]);
    const again = await run(["call-log", "--out", "x.xlsx"]);
    expect(again.code).not.toBe(0);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(true);
  });
});
