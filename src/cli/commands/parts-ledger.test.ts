import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expectSuccess, useCliFolder } from "../../../test/support/cli";
import { findPlansInWorkbook } from "../../../test/support/exceljs/read";

const cli = useCliFolder({ prefix: "svc-parts-cli-", now: new Date(2026, 10, 25) });

describe("service-appraisal parts-ledger", () => {
  test("--demo writes the station's three sheets and the JSON figures", async () => {
    const r = await cli.run(["parts-ledger", "--station", "北京站", "--demo", "--out", "b.xlsx", "--json", "b.json"]);
    expectSuccess(r);
    expect(r.out[0]).toBe("6 个物料，11 条出入库记录，3 条需检查；盘点 5 项：3 项帐物一致，盘盈 1，盘亏 1");
    const body = cli.readJson("b.json");
    expect(body.items.find((i: { code: string }) => i.code === "FL-3")).toMatchObject({
      book: 36,
      counted: 35,
      difference: -1,
      result: "shortage",
    });
    expect(body.flagged.map((f: { flag: string }) => f.flag)).toEqual(["shortStock", "noOldPart", "unknownItem"]);
    const wb = await cli.readWorkbook("b.xlsx");
    expect(findPlansInWorkbook(wb).map((p) => p.marker.kind)).toEqual(["partsLedger", "partsMoves", "stockTake"]);
    const ws = wb.getWorksheet("备用件台账-北京站")!;
    expect(ws.getCell("A5").value).toBe("0012");
    expect(ws.getCell("A5").type).toBe(ExcelJS.ValueType.String);
  });

  test("reads the catalogue and the movements from CSV files (English headers too)", async () => {
    cli.write("items.csv", "Item code,Name,Opening qty\n0007,Belt,4\nB2,Pad,1\n");
    cli.write("moves.csv", "日期,单据类型,物料编码,数量\n2026-11-02,领用,0007,3\n2026-11-03,入库,B2,2\n");
    const r = await cli.run(
      ["parts-ledger", "--items", "items.csv", "--moves", "moves.csv", "--out", "c.xlsx", "--json", "c.json"],
      { lang: "en-US" },
    );
    expectSuccess(r);
    const body = cli.readJson("c.json");
    expect(body.items.map((i: { code: string; book: number }) => [i.code, i.book])).toEqual([
      ["0007", 1],
      ["B2", 3],
    ]);
  });

  test("a cell it cannot read is named by file, row and column, and nothing is written", async () => {
    cli.write("items.csv", "物料编码,名称\nA,皮带\n");
    cli.write("moves.csv", "日期,单据类型,物料编码,数量\n2026-11-02,领用,A,1\n2026-11-31,领用,A,1\n");
    const r = await cli.run(["parts-ledger", "--items", "items.csv", "--moves", "moves.csv", "--out", "d.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toMatch(/moves\.csv：第 3 行“日期”列/);
    expect(() => readFileSync(cli.path("d.xlsx"))).toThrow();
  });

  test("without --items or --demo it says what is missing", async () => {
    const r = await cli.run(["parts-ledger", "--out", "e.xlsx"], { lang: "en-US" });
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toContain("--items FILE is needed");
  });
});
