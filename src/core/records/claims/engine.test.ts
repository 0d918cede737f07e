import { expectOk, expectProblem } from "../../../../test/support/result";
import { SAMPLE_CLAIMS, SAMPLE_CLAIMS_AS_OF, assessClaim, cents, readClaims, supplierTotals, type Claim } from ".";

const claim = (over: Partial<Claim>): Claim => ({ ...SAMPLE_CLAIMS[0]!, recovered: null, refused: null, ...over });

describe("二次索赔 engine", () => {
  it("states: missing amount, over-recovered, not submitted, awaiting, partly paid, settled, refused", () => {
    const states = [
      claim({ amount: null }),
      claim({ amount: 100, recovered: 100.01 }),
      claim({ amount: 100, submitted: null }),
      claim({ amount: 100 }),
      claim({ amount: 100, recovered: 40 }),
      claim({ amount: 100, recovered: 60, refused: 40 }),
      claim({ amount: 100, refused: 100 }),
    ].map((c) => assessClaim(c, 46400).status);
    expect(states).toEqual(["noAmount", "over", "notSubmitted", "awaiting", "partial", "settled", "refused"]);
  });

  it("binary noise is no outstanding amount (0.1 + 0.2 recovered of 0.3)", () => {
    const r = assessClaim(claim({ amount: 0.3, recovered: 0.1, refused: 0.2 }), 46400);
    expect(r.status).toBe("settled");
    expect(r.ageDays).toBeNull();
    expect(cents(-0.005)).toBe(-0.01);
  });

  it("ages an outstanding submitted claim in days to the as-of date", () => {
    expect(assessClaim(claim({ amount: 10, submitted: 46300 }), 46357).ageDays).toBe(57);
  });

  it("totals per supplier in order of first appearance, suppliers compared ignoring case", () => {
    const results = SAMPLE_CLAIMS.map((c) => assessClaim(c, SAMPLE_CLAIMS_AS_OF));
    const totals = supplierTotals(SAMPLE_CLAIMS, results);
    expect(totals.map((t) => [t.supplier, t.claims, t.recovered, t.outstanding])).toEqual([
      ["宇通空调", 3, 3600, 460.5],
      ["ABC Brakes", 2, 0, 1280],
      ["灯具*厂", 1, 0, 455.2],
      ["=门泵厂", 1, 350, -50],
    ]);
    expect(totals[0]!.rate).toBeCloseTo(3600 / 4060.5, 12);
  });

  it("reads claims with Chinese or English headers and names a bad cell", () => {
    const r = readClaims([
      ["Claim no.", "供应商", "索赔金额", "提交日期"],
      ["C1", "Acme", "1,200.50", "2026/11/3"],
    ]);
    expectOk(r);
    expect(r.value[0]).toMatchObject({ claimNo: "C1", supplier: "Acme", amount: 1200.5, note: "" });
    const bad = readClaims([
      ["索赔单号", "供应商", "提交日期"],
      ["C1", "Acme", "下周"],
    ]);
    expectProblem(bad, "badCell");
    expect(bad.problem).toMatchObject({ row: 2, column: "提交日期" });
    expectProblem(readClaims([["索赔单号"], ["C1"]]), "missingColumn");
  });
});
