import fc from "fast-check";
import { ORDER_FIELDS, type OrderField } from "./fields";
import { ambiguousFields, checkMapping, findHeaderRow, headerKey, proposeMapping } from "./headers";
import { expectProblem } from "../../../test/support/result";

describe("headerKey", () => {
  it("ignores width, case, spaces, punctuation and a unit in brackets", () => {
    expect(headerKey(" 服务半径（KM） ")).toBe("服务半径");
    expect(headerKey("服务半径(km)")).toBe("服务半径");
    expect(headerKey("First-Time Fix")).toBe("firsttimefix");
    expect(headerKey("ＯＲＤＥＲ　ＩＤ")).toBe("orderid");
    expect(headerKey("产品型号 / 车辆编号")).toBe("产品型号车辆编号");
    // A header that is only a bracket keeps its content.
    expect(headerKey("(km)")).toBe("km");
  });
});

describe("proposeMapping", () => {
  it("matches the register's own headers with full confidence", () => {
    const p = proposeMapping(ORDER_FIELDS.map((f) => f.label.zh));
    expect(p.unmatchedFields).toEqual([]);
    expect(p.matches.every((m) => m.confidence === 1 && m.how === "exact")).toBe(true);
    ORDER_FIELDS.forEach((f, i) => expect(p.mapping[f.id]).toBe(i));
  });

  it("matches English headers", () => {
    const p = proposeMapping(ORDER_FIELDS.map((f) => f.label.en));
    expect(p.unmatchedFields).toEqual([]);
    ORDER_FIELDS.forEach((f, i) => expect(p.mapping[f.id]).toBe(i));
  });

  it("recognises the common variants: 维修人员/工程师/服务工程师 are the technician", () => {
    for (const h of ["维修人员", "工程师", "服务工程师", "Service Engineer", "技师"]) {
      const p = proposeMapping(["单号", h, "报修日期"]);
      expect(p.mapping).toEqual({ orderId: 0, technician: 1, reportedAt: 2 });
      expect(p.matches.find((m) => m.field === "technician")).toMatchObject({
        confidence: 0.9,
        how: "alias",
        header: h,
      });
    }
  });

  it("里程 is the vehicle's mileage, not the service radius; only distance headers are the radius (issue 14)", () => {
    for (const h of ["里程", "运行里程", "行驶里程", "里程数(km)", "Mileage", "odometer"]) {
      const p = proposeMapping(["报修时间", h]);
      expect(p.mapping).toEqual({ reportedAt: 0, mileageKm: 1 });
      expect(p.ambiguous).toEqual([]);
    }
    for (const h of ["服务半径", "服务半径(km)", "距离", "服务距离（公里）", "Distance", "service radius"]) {
      expect(proposeMapping(["报修时间", h]).mapping).toEqual({ reportedAt: 0, distanceKm: 1 });
    }
  });

  it("never guesses a header that could be either: it is listed for the user to confirm, and left unmapped", () => {
    for (const h of ["公里数", "公里", "KM", "km（公里）", "千米", "里程距离"]) {
      const p = proposeMapping(["报修时间", h, "满意度"]);
      expect(p.mapping).toEqual({ reportedAt: 0, satisfaction: 2 });
      expect(p.ambiguous).toEqual([{ column: 1, header: h, fields: ["distanceKm", "mileageKm"] }]);
      expect(p.unmatchedColumns).toEqual([]);
    }
    expect(ambiguousFields("服务半径")).toBeNull();
  });

  it("proposes keyword matches with low confidence and lists what it could not place", () => {
    const p = proposeMapping(["客户投诉情况", "备注", "", "报修时间"]);
    expect(p.mapping).toEqual({ complaint: 0, reportedAt: 3 });
    expect(p.matches.find((m) => m.field === "complaint")).toMatchObject({ confidence: 0.6, how: "keyword" });
    expect(p.unmatchedColumns).toEqual([1]);
    expect(p.unmatchedFields).toContain("technician");
  });

  it("never gives one column two fields, nor one field two columns; the better header wins", () => {
    // "投诉已处理" is complaintHandled exactly; "投诉" is complaint; "客户投诉" wins complaint over a keyword.
    const p = proposeMapping(["投诉", "投诉已处理", "客户投诉", "报修时间", "报修日期"]);
    expect(p.mapping.complaint).toBe(2);
    expect(p.mapping.complaintHandled).toBe(1);
    expect(p.mapping.reportedAt).toBe(3);
    const cols = Object.values(p.mapping);
    expect(new Set(cols).size).toBe(cols.length);
  });

  it("property: any order of columns and any known header spelling maps each field to its column", () => {
    const fieldArb = fc.shuffledSubarray([...ORDER_FIELDS], { minLength: 1 });
    const decorate = fc.constantFrom<(s: string) => string>(
      (s) => s,
      (s) => s.toUpperCase(),
      (s) => ` ${s} `,
      (s) => s.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
      (s) => `${s}（单位）`,
      (s) => s.replace(/ /g, "_"),
    );
    fc.assert(
      fc.property(
        fieldArb,
        fc.array(fc.nat(), { minLength: ORDER_FIELDS.length, maxLength: ORDER_FIELDS.length }),
        fc.array(decorate, { minLength: ORDER_FIELDS.length, maxLength: ORDER_FIELDS.length }),
        (fields, choices, decorations) => {
          const headers = fields.map((f, i) => {
            const names = [f.label.zh, f.label.en, ...f.aliases];
            return decorations[i](names[choices[i] % names.length]);
          });
          const p = proposeMapping(headers);
          return fields.every((f, i) => p.mapping[f.id] === i);
        },
      ),
    );
  });

  it("property: whatever the headers, the mapping is one-to-one and within the row", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.constantFrom(...ORDER_FIELDS.flatMap((f) => f.keywords)), fc.constant(null)),
          { maxLength: 30 },
        ),
        (headers) => {
          const p = proposeMapping(headers);
          const cols = Object.values(p.mapping) as number[];
          return (
            new Set(cols).size === cols.length &&
            cols.every((c) => c >= 0 && c < headers.length) &&
            p.matches.length === cols.length
          );
        },
      ),
    );
  });
});

describe("findHeaderRow", () => {
  it("skips a title line above the headers", () => {
    const rows = [
      ["售后服务工单登记表", null, null],
      ["导出时间：2026-11-01", null, null],
      ["工单号", "服务人员", "报修时间"],
      ["W1", "张三", "2026-10-05 08:30"],
    ];
    expect(findHeaderRow(rows)).toBe(2);
  });

  it("returns 0 when nothing looks like a header", () => {
    expect(
      findHeaderRow([
        ["a", "b"],
        [1, 2],
      ]),
    ).toBe(0);
  });
});

describe("checkMapping", () => {
  const headers = ["工单号", "服务人员", "报修时间"];

  it("accepts a one-to-one mapping with 报修时间", () => {
    expect(checkMapping({ orderId: 0, technician: 1, reportedAt: 2 }, headers).ok).toBe(true);
  });

  it("requires 报修时间, naming it", () => {
    const r = checkMapping({ orderId: 0 }, headers);
    expectProblem(r);
    expect(r.problem.message.zh).toContain("报修时间");
  });

  it("refuses a column used for two fields, naming the column and both fields", () => {
    const r = checkMapping(
      { technician: 1, customer: 1, reportedAt: 2 } as Partial<Record<OrderField, number>>,
      headers,
    );
    expect(!r.ok && r.problem.message.en).toBe('column "服务人员" cannot be both "Customer" and "Technician"');
  });

  it("refuses a column outside the range", () => {
    const r = checkMapping({ reportedAt: 5 }, headers);
    expect(!r.ok && r.problem.message.en).toMatch(/does not exist/);
  });
});

describe("服务报告 headers (issue 12 point 4)", () => {
  it("maps the usual Chinese and English headers of the service report", () => {
    const p = proposeMapping(["报修时间", "用户签名", "零件名称", "更换数量", "更换原因", "旧件已带回"]);
    expect(p.mapping).toEqual({
      reportedAt: 0,
      signatureObtained: 1,
      partName: 2,
      partQuantity: 3,
      partReason: 4,
      oldPartReturned: 5,
    });
    expect(p.ambiguous).toEqual([]);
    const en = proposeMapping([
      "Reported at",
      "Customer signature",
      "Part name",
      "Part qty",
      "Replacement reason",
      "Old part returned",
    ]);
    expect(en.mapping).toMatchObject({
      signatureObtained: 1,
      partName: 2,
      partQuantity: 3,
      partReason: 4,
      oldPartReturned: 5,
    });
  });

  it("asks about a header that names the thing but not the fact: 签字, 数量, 原因, 零件, 旧件 are never guessed", () => {
    const headers = ["报修时间", "签字", "数量", "原因", "零件", "旧件", "Reason"];
    const p = proposeMapping(headers);
    expect(p.mapping).toEqual({ reportedAt: 0 });
    expect(p.ambiguous.map((a) => [a.header, a.fields])).toEqual([
      ["签字", ["signatureObtained"]],
      ["数量", ["partQuantity"]],
      ["原因", ["partReason"]],
      ["零件", ["partName", "partQuantity"]],
      ["旧件", ["oldPartReturned", "partName"]],
      ["Reason", ["partReason"]],
    ]);
    expect(ambiguousFields("故障原因")).toEqual(["partReason"]);
    // A manager's approval is not the customer's signature, and is not taken for it.
    expect(proposeMapping(["报修时间", "领导审批"]).mapping.signatureObtained).toBeUndefined();
  });
});
