import { join, resolve } from "node:path";
import { findPlansInWorkbook } from "../../../test/support/exceljs/read";
import { expectSuccess, useCliFolder } from "../../../test/support/cli";
import type { ConductLogJson } from "./conduct-log";
import type { BonusJson } from "./bonus";

const FIXTURES = resolve(__dirname, "../../../test/fixtures/records");

const cli = useCliFolder({
  prefix: "svc-conduct-log-cli-",
  files: { "cards.csv": join(FIXTURES, "cards.csv"), "bonus-people.csv": join(FIXTURES, "bonus-people.csv") },
  now: new Date(2027, 0, 5),
});

describe("service-appraisal conduct-log", () => {
  test("CSV → 考核参数 + 违规与黄红牌; JSON counts per person and quarter; bad rows named", async () => {
    const r = await cli.run(["conduct-log", "--in", "cards.csv", "--out", "log.xlsx", "--json", "log.json"]);
    expectSuccess(r);
    const j = cli.readJson<ConductLogJson>("log.json");
    expect(j.counts).toEqual({ yellow: 2, red: 1, awaitingApproval: 1, revoked: 1 });
    expect(j.perPerson).toEqual([
      { name: "张伟", quarters: { "2026-Q1": { yellow: 1, red: 0 }, "2026-Q2": { yellow: 1, red: 0 } } },
      { name: "李芳", quarters: { "2026-Q3": { yellow: 0, red: 1 } } },
    ]);
    expect(j.problems.map((p) => [p.row, p.column])).toEqual([
      [7, "姓名"],
      [8, "牌别"],
      [8, "牌别"],
    ]);
    const wb = await cli.readWorkbook("log.xlsx");
    expect(findPlansInWorkbook(wb).map((p) => p.marker.kind)).toEqual(["settings", "conductLog"]);
    // 工号 keeps its leading zeros.
    expect(wb.getWorksheet("违规与黄红牌")!.getCell("D6").value).toBe("0012");
  });

  test("bonus with a workbook holding the log: cards counted from the log, not the typed numbers", async () => {
    expect((await cli.run(["conduct-log", "--in", "cards.csv", "--out", "log.xlsx"])).code).toBe(0);
    // The people table goes into the workbook with the log: a sheet the bonus command reads.
    const wb = await cli.readWorkbook("log.xlsx");
    const people = cli
      .readText("bonus-people.csv")
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const ws = wb.addWorksheet("名单");
    people.forEach((row) => ws.addRow(row.map((v, i) => (i > 0 && /^\d+$/.test(v) ? Number(v) : v))));
    wb.worksheets.forEach((w) => (w.state = w.name === "名单" ? "visible" : w.state));
    await wb.xlsx.writeFile(cli.path("book.xlsx"));
    const r = await cli.run([
      "bonus",
      "--input",
      "book.xlsx",
      "--sheet",
      "名单",
      "--year",
      "2026",
      "--quarter",
      "4",
      "--out",
      "b.xlsx",
      "--json",
      "b.json",
    ]);
    expectSuccess(r);
    expect(r.out.join("\n")).toContain("黄红牌按“违规与黄红牌”统计（5 张）");
    const j = cli.readJson<BonusJson>("b.json");
    const reasons = Object.fromEntries(j.people.map((p) => [p.name, p.yearEnd?.reasons.map((x) => x.rule)]));
    // 李芳's red card forfeits; 王强's typed 5/5 are replaced by the log's 0 (his card was revoked).
    expect(reasons).toEqual({ 张伟: ["yellowCards"], 李芳: ["redCards"], 王强: [] });
    const out = await cli.readWorkbook("b.xlsx");
    expect(findPlansInWorkbook(out).map((p) => p.marker.kind)).toEqual(["settings", "conductLog", "bonus"]);
  });
});
