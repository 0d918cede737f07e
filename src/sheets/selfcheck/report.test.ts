import { text } from "../../core/i18n/text";
import {
  buildReport,
  computedAt,
  formatWhen,
  reportHeadline,
  reportRows,
  reportText,
  type SelfCheckRun,
} from "./report";
import type { SelfCheckPlan } from "./selfCheckPlan";

const CHECK: SelfCheckPlan = {
  plan: { sheets: [] },
  sheets: [
    {
      name: "自检 考核表 2026-Q1",
      kind: "appraisal",
      readAddress: "B2:C3",
      cells: [
        { address: "B2", formula: "=SUM(A2)", expect: 4.25 },
        { address: "C2", formula: '=IF(B2>=4,"B","C")', expect: "B" },
        { address: "B3", formula: "=NA()", expect: { error: "#N/A" } },
        // Without an expectation: it must only not be an error.
        { address: "C3", formula: "=A3" },
      ],
    },
    {
      name: "自检 考核表 2026-Q2",
      kind: "appraisal",
      readAddress: "B2",
      cells: [{ address: "B2", formula: "=1", expect: 1 }],
    },
    { name: "自检 数据问题", kind: "problems", readAddress: null, cells: [] },
  ],
  functions: [
    { formula: "=SVC.GRADE(4.95)", expect: "B" },
    { formula: "=SVC.WEIGHTED({1},{1,2})", expect: { error: "#VALUE!" } },
  ],
  functionsSheet: "自检 函数",
  settingsGenerated: true,
};

function run(overrides: Partial<SelfCheckRun> = {}): SelfCheckRun {
  return {
    written: ["自检 考核表 2026-Q1", "自检 考核表 2026-Q2", "自检 数据问题"],
    sheets: [
      {
        sheetName: "自检 考核表 2026-Q1",
        firstRow: 2,
        firstColumn: 2,
        values: [
          [4.2500000000001, "B"],
          ["#N/A", "x"],
        ],
        valueTypes: [
          ["Double", "String"],
          ["Error", "String"],
        ],
      },
      { sheetName: "自检 考核表 2026-Q2", firstRow: 2, firstColumn: 2, values: [[1]], valueTypes: [["Integer"]] },
      undefined,
    ],
    functions: { status: "read", values: ["B", { error: "#VALUE!" }] },
    removed: { sheets: 4, names: 5, failed: [] },
    earlierLeftovers: [],
    cancelled: false,
    ...overrides,
  };
}

const ABOUT = { when: new Date(2026, 11, 3, 9, 7), excel: "Excel Win32 16.0.18000", addinVersion: "0.1.0" };

describe("the self-check report", () => {
  test("all equal: per kind, cells compared; ok", () => {
    const r = buildReport(CHECK, run(), ABOUT);
    expect(r.mismatches).toEqual([]);
    expect(r.kinds.map((k) => [k.kind, k.sheets, k.formulaCells, k.compared, k.mismatches])).toEqual([
      ["appraisal", 2, 5, 5, 0],
      ["problems", 1, 0, 0, 0],
    ]);
    expect(r.ok).toBe(true);
    expect(r.when).toBe("2026-12-03 09:07");
    expect(reportHeadline(r, "zh-CN")).toBe("结果：全部一致");
  });

  test("an error is not its text, text is not an error, a formula without expectation must not be an error", () => {
    const bad = run({
      sheets: [
        {
          sheetName: "自检 考核表 2026-Q1",
          firstRow: 2,
          firstColumn: 2,
          values: [
            [4.26, "#N/A"],
            ["#N/A", "#REF!"],
          ],
          valueTypes: [
            ["Double", "Error"],
            ["String", "Error"],
          ],
        },
        run().sheets[1],
        undefined,
      ],
    });
    const r = buildReport(CHECK, bad, ABOUT);
    expect(r.mismatches.map((m) => [m.address, m.excel, m.ours])).toEqual([
      ["B2", 4.26, 4.25],
      ["C2", { error: "#N/A" }, "B"],
      ["B3", "#N/A", { error: "#N/A" }],
      ["C3", { error: "#REF!" }, undefined],
    ]);
    expect(r.ok).toBe(false);
    const lines = reportText(r, "en-US").split("\n");
    expect(lines).toContain("Sheet\tCell\tFormula\tExcel's value\tOur value");
    expect(lines).toContain("自检 考核表 2026-Q1\tB2\t=SUM(A2)\t4.26\t4.25");
    expect(lines).toContain('自检 考核表 2026-Q1\tB3\t=NA()\t"#N/A"\t#N/A');
    expect(lines).toContain("自检 考核表 2026-Q1\tC3\t=A3\t#REF!\t(must not be an error)");
    expect(reportHeadline(r, "en-US")).toBe("Result: 4 mismatch(es)");
  });

  test("the custom functions: compared, or not registered (#NAME?), or unavailable — said, not counted", () => {
    const wrong = buildReport(
      CHECK,
      run({ functions: { status: "read", values: ["C", { error: "#VALUE!" }] } }),
      ABOUT,
    );
    expect(wrong.functions).toMatchObject({ status: "checked", results: [{ ok: false }, { ok: true }] });
    expect(wrong.ok).toBe(false);
    expect(reportText(wrong, "en-US")).toContain('=SVC.GRADE(4.95)\t"C"\t"B"\tMISMATCH');
    const unknown = buildReport(
      CHECK,
      run({ functions: { status: "read", values: [{ error: "#NAME?" }, { error: "#NAME?" }] } }),
      ABOUT,
    );
    expect(unknown.functions.status).toBe("notRegistered");
    expect(unknown.ok).toBe(true);
    const none = buildReport(
      CHECK,
      run({ functions: { status: "unavailable", reason: text("浏览器模式", "browser mode") } }),
      ABOUT,
    );
    expect(reportRows(none, "en-US")).toContainEqual(["browser mode"]);
  });

  test("cancelled, failed, or something left behind: never ok, and the text says so", () => {
    expect(buildReport(CHECK, run({ cancelled: true }), ABOUT).ok).toBe(false);
    const failed = buildReport(CHECK, run({ failure: text("工作簿受保护", "the workbook is protected") }), ABOUT);
    expect(reportHeadline(failed, "en-US")).toBe("Not finished: the workbook is protected");
    const left = buildReport(CHECK, run({ removed: { sheets: 2, names: 3, failed: ["自检 函数"] } }), ABOUT);
    expect(left.ok).toBe(false);
    expect(reportText(left, "zh-CN")).toContain("以下临时工作表未能删除，请手动删除：自检 函数");
  });

  test("the rows start with what a maintainer needs first", () => {
    const rows = reportRows(buildReport(CHECK, run(), ABOUT), "zh-CN");
    expect(rows.slice(0, 6)).toEqual([
      ["售后考核助手 自检报告"],
      ["时间", "2026-12-03 09:07"],
      ["Excel", "Excel Win32 16.0.18000"],
      ["加载项版本", "0.1.0"],
      ["考核参数：临时生成（默认值）"],
      ["结果：全部一致"],
    ]);
    expect(rows).toContainEqual(["考核表", 2, 5, 5, 0]);
  });

  test("an error cell is read as an error only when Excel says its type is Error", () => {
    const read = {
      sheetName: "S",
      firstRow: 1,
      firstColumn: 1,
      values: [["#N/A", "#N/A"]],
      valueTypes: [["Error", "String"]],
    };
    expect([computedAt(read, 1, 1), computedAt(read, 1, 2), computedAt(read, 2, 1)]).toEqual([
      { error: "#N/A" },
      "#N/A",
      null,
    ]);
    expect(formatWhen(new Date(2027, 0, 9, 8, 3))).toBe("2027-01-09 08:03");
  });
});
