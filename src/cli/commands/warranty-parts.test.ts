import { expectSuccess, useCliFolder } from "../../../test/support/cli";
import { findPlansInWorkbook } from "../../../test/support/exceljs/read";

const cli = useCliFolder({ prefix: "svc-warranty-cli-", now: new Date(2026, 10, 25) });

describe("service-appraisal warranty-parts", () => {
  test("--demo: counts per state, the checks by row, and the JSON", async () => {
    const r = await cli.run(["warranty-parts", "--station", "郑州站", "--demo", "--out", "w.xlsx", "--json", "w.json"]);
    expectSuccess(r);
    expect(r.out[0]).toBe("7 个三包件：待审批 1，待更换 1，待销帐 1，已销帐 4；超出三包 1；已销帐邮运费 155.50 元");
    expect(r.out).toContain("  第 9 行 LL-0103：缺服务报告");
    const body = cli.readJson("w.json");
    expect(body.lines[6]).toMatchObject({
      row: 13,
      reqNo: "LL-0107",
      coverage: "within",
      status: "writtenOff",
      check: "notSigned",
    });
    const wb = await cli.readWorkbook("w.xlsx");
    // The terms are 考核参数's, read by name: the workbook carries that sheet.
    expect(findPlansInWorkbook(wb).map((p) => [p.sheetName, p.marker.kind])).toEqual([
      ["考核参数", "settings"],
      ["三包件登记表-郑州站", "warrantyParts"],
    ]);
    const ws = wb.getWorksheet("三包件登记表-郑州站")!;
    expect(ws.getCell("C3").value).toMatchObject({ formula: "SVC_Warranty_Months", result: 24 });
    expect(ws.getCell("F3").value).toMatchObject({ formula: "SVC_Warranty_Km", result: 100000 });
  });

  test("--months and --km override 考核参数 with values in the sheet (no settings sheet needed)", async () => {
    const r = await cli.run(["warranty-parts", "--demo", "--months", "12", "--km", "50000", "--out", "o.xlsx"]);
    expect(r.code).toBe(0);
    const wb = await cli.readWorkbook("o.xlsx");
    expect(findPlansInWorkbook(wb).map((p) => p.marker.kind)).toEqual(["warrantyParts"]);
    const ws = wb.worksheets[0]!;
    expect([ws.getCell("C3").value, ws.getCell("F3").value]).toEqual([12, 50000]);
  });

  test("--months/--km change the terms; a bad mileage cell is named by row and column", async () => {
    cli.write("l.csv", "领料单号,购车日期,故障日期,运行里程(km)\nR1,2025-01-10,2026-01-09,5000\n");
    const ok = await cli.run(
      ["warranty-parts", "--lines", "l.csv", "--months", "12", "--out", "a.xlsx", "--json", "a.json"],
      { lang: "en-US" },
    );
    expect(ok.code).toBe(0);
    expect(cli.readJson("a.json").lines[0].coverage).toBe("within");
    cli.write("b.csv", "领料单号,运行里程(km)\nR1,5000\nR2,五千\n");
    const bad = await cli.run(["warranty-parts", "--lines", "b.csv", "--out", "b.xlsx"]);
    expect(bad.code).toBe(1);
    expect(bad.err.join("\n")).toMatch(/第 3 行“运行里程\(km\)”列/);
    const months = await cli.run(["warranty-parts", "--demo", "--months", "1.5", "--out", "c.xlsx"], { lang: "en-US" });
    expect(months.code).toBe(2);
    expect(months.err.join("\n")).toContain("--months must be a whole number");
  });
});
