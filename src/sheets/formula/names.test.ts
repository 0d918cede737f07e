import fc from "fast-check";
import {
  isMarkerName,
  isValidDefinedName,
  isValidSheetName,
  markerName,
  sanitizeSheetName,
  uniqueName,
  uniqueSheetName,
} from "./names";

describe("sheet names", () => {
  it("keeps a free name and numbers a taken one, ignoring case", () => {
    expect(uniqueSheetName("6S检查表", ["Sheet1"])).toBe("6S检查表");
    expect(uniqueSheetName("6S检查表", ["6s检查表"])).toBe("6S检查表 (2)");
    expect(uniqueSheetName("KPI", ["KPI", "kpi (2)", "KPI (3)"])).toBe("KPI (4)");
  });

  it("stays within 31 characters and never splits a surrogate pair", () => {
    const long = "售后服务工单登记表售后服务工单登记表售后服务工单登记表售后服务工单";
    const a = uniqueSheetName(long, []);
    expect(a.length).toBe(31);
    const b = uniqueSheetName(long, [a]);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(b.endsWith(" (2)")).toBe(true);
    expect(uniqueSheetName("😀".repeat(20), []).length).toBe(30);
  });

  it("replaces forbidden characters and trims apostrophes", () => {
    expect(sanitizeSheetName("a/b\\c?d*e:f[g]h")).toBe("a_b_c_d_e_f_g_h");
    expect(sanitizeSheetName("'quoted'")).toBe("quoted");
    expect(sanitizeSheetName("   ")).toBe("Sheet");
    expect(uniqueSheetName("History", [])).toBe("History (2)");
  });

  it("always returns a valid name that is not taken (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.string({ maxLength: 35 }), { maxLength: 8 }),
        (wanted, existing) => {
          const n = uniqueSheetName(wanted, existing);
          return isValidSheetName(n) && !existing.some((e) => e.toLowerCase() === n.toLowerCase());
        },
      ),
    );
  });
});

describe("defined names", () => {
  it("follows Excel's rules", () => {
    for (const ok of ["SVC_Grades", "SVC_Grades5", "_x", "考核参数", "a.b", "A1B"])
      expect(isValidDefinedName(ok)).toBe(true);
    for (const bad of ["", "1x", "A1", "xfd100", "R", "C", "R1C1", "RC", "TRUE", "a b", "a-b"])
      expect(isValidDefinedName(bad)).toBe(false);
  });

  it("numbers marker names and unique names", () => {
    expect(markerName("kpi", [])).toBe("SVC_PLAN_kpi_1");
    expect(markerName("kpi", ["svc_plan_kpi_1", "SVC_PLAN_kpi_2"])).toBe("SVC_PLAN_kpi_3");
    expect(isMarkerName("SVC_PLAN_audit6sSummary_12")).toBe(true);
    expect(isMarkerName("SVC_Grades")).toBe(false);
    expect(uniqueName("SVC_T", ["svc_t"])).toBe("SVC_T_2");
  });
});
