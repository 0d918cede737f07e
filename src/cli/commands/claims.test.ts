import { expectSuccess, useCliFolder } from "../../../test/support/cli";

const cli = useCliFolder({ prefix: "svc-claims-cli-", now: new Date(2026, 11, 1) });

describe("service-appraisal claims", () => {
  test("--demo: totals recovered and outstanding per supplier, in the JSON too", async () => {
    const r = await cli.run(["claims", "--demo", "--out", "c.xlsx", "--json", "c.json"]);
    expectSuccess(r);
    expect(r.out[0]).toBe("7 笔索赔，4 个供应商：索赔 6735.70 元，已回款 3950.00，拒赔 640.00，未回收 2145.70");
    expect(r.out).toContain("  宇通空调：已回款 3600.00，未回收 460.50");
    const body = cli.readJson("c.json");
    expect(body.asOf).toBe(46357);
    expect(body.suppliers[1]).toMatchObject({ supplier: "ABC Brakes", claims: 2, outstanding: 1280 });
    expect(body.claims.map((c: { status: string }) => c.status)).toEqual([
      "settled",
      "partial",
      "awaiting",
      "refused",
      "notSubmitted",
      "over",
      "noAmount",
    ]);
  });

  test("reads a CSV; a negative amount is named by row and column", async () => {
    cli.write("a.csv", "Claim no.,Supplier,Amount claimed,Submitted\nC1,Acme,100,2026-11-01\n");
    const ok = await cli.run(
      ["claims", "--claims", "a.csv", "--as-of", "2026-11-11", "--out", "a.xlsx", "--json", "a.json"],
      { lang: "en-US" },
    );
    expect(ok.code).toBe(0);
    expect(cli.readJson("a.json").claims[0]).toMatchObject({
      status: "awaiting",
      ageDays: 10,
    });
    cli.write("b.csv", "索赔单号,供应商,索赔金额\nC1,Acme,-5\n");
    const bad = await cli.run(["claims", "--claims", "b.csv", "--out", "b.xlsx"]);
    expect(bad.code).toBe(1);
    expect(bad.err.join("\n")).toMatch(/第 2 行“索赔金额”列/);
  });
});
