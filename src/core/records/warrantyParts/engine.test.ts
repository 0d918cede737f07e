import { expectOk, expectProblem } from "../../../../test/support/result";
import {
  DEFAULT_WARRANTY_TERMS,
  SAMPLE_WARRANTY_LINES,
  addMonths,
  assessWarranty,
  readWarrantyLines,
  summarizeWarranty,
  type WarrantyLine,
} from ".";

const line = (over: Partial<WarrantyLine>): WarrantyLine => ({ ...SAMPLE_WARRANTY_LINES[4]!, ...over });

describe("三包件 engine", () => {
  it("adds months as Excel's EDATE does: month ends clamp, leap days too", () => {
    expect(addMonths(45322, 1)).toBe(45351); // 2024-01-31 → 2024-02-29
    expect(addMonths(45351, 12)).toBe(45716); // 2024-02-29 → 2025-02-28
    expect(addMonths(45596, 24)).toBe(46326); // 2024-10-31 → 2026-10-31
  });

  it("coverage: within up to the EDATE day and the km limit inclusive, outside past either, incomplete without data", () => {
    const terms = { months: 24, km: 100000 };
    const r = assessWarranty(
      [
        line({ saleDate: 45596, faultDate: 46326, mileage: 100000 }),
        line({ saleDate: 45596, faultDate: 46327, mileage: 10 }),
        line({ saleDate: 45596, faultDate: 46000, mileage: 100000.5 }),
        line({ saleDate: null }),
      ],
      terms,
    );
    expect(r.map((x) => x.coverage)).toEqual(["within", "outside", "outside", "incomplete"]);
  });

  it("states follow the steps filled in; the write-off checks come in the policy's order", () => {
    const base = line({ approver: "", replacedDate: null, writeOffDate: null });
    const states = assessWarranty(
      [
        base,
        { ...base, approver: "刘" },
        { ...base, approver: "刘", replacedDate: 1 },
        { ...base, approver: "刘", replacedDate: 1, writeOffDate: 2 },
      ],
      DEFAULT_WARRANTY_TERMS,
    ).map((x) => x.status);
    expect(states).toEqual(["awaitingApproval", "awaitingReplacement", "awaitingWriteOff", "writtenOff"]);
    const wo = {
      ...base,
      approver: "刘",
      replacedDate: 1,
      writeOffDate: 2,
      reportNo: "F",
      customerSigned: true,
      oldPartReturned: true,
    };
    const checks = assessWarranty(
      [
        { ...wo, reportNo: "" },
        { ...wo, customerSigned: null },
        { ...wo, postage: 10, leaderSign: "", handlerSign: "王" },
        { ...wo, oldPartReturned: false },
        { ...wo, mileage: 200000 },
        { ...wo, postage: 10, handlerSign: "王", leaderSign: "刘" },
        { ...base, postage: 0.0000001 },
      ],
      DEFAULT_WARRANTY_TERMS,
    ).map((x) => x.check);
    expect(checks).toEqual(["noReport", "notSigned", "postageSignatures", "oldPartMissing", "outside", null, null]);
  });

  it("summarizes states, lines outside warranty and the postage written off", () => {
    const results = assessWarranty(SAMPLE_WARRANTY_LINES, DEFAULT_WARRANTY_TERMS);
    expect(summarizeWarranty(SAMPLE_WARRANTY_LINES, results)).toEqual({
      byStatus: { awaitingApproval: 1, awaitingReplacement: 1, awaitingWriteOff: 1, writtenOff: 4 },
      outside: 1,
      postageWrittenOff: 155.5,
    });
  });

  it("reads a table: VINs and numbers as text, 是/否, and names the bad cell", () => {
    const r = readWarrantyLines([
      ["领料单号", "车辆识别号", "用户签字", "运行里程(km)"],
      [1001, "LZY123", "是", "86,000"],
    ]);
    expectOk(r);
    expect(r.value[0]).toMatchObject({
      reqNo: "1001",
      vin: "LZY123",
      customerSigned: true,
      mileage: 86000,
      approver: "",
    });
    const bad = readWarrantyLines([
      ["Requisition no.", "Customer signed"],
      ["R1", "maybe"],
    ]);
    expectProblem(bad, "badCell");
    expect(bad.problem).toMatchObject({ row: 2, column: "Customer signed" });
    // A blank required cell refuses the import (the shared reader would leave the row out).
    const blank = readWarrantyLines([
      ["领料单号", "运行里程(km)"],
      ["R1", 5],
      [null, 5],
    ]);
    expectProblem(blank, "badCell");
    expect(blank.problem).toMatchObject({ row: 3, column: "领料单号", message: { zh: "领料单号不能为空" } });
  });
});
