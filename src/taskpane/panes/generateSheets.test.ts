import { text } from "../../core/i18n/text";
import { fail, ok, ProblemError, type Result } from "../../core/problem";
import { SETTING_NAMES } from "../../core/settings";
import type { FoundPlan, Scalar, SheetPlan, WorkbookPlan, WriteReport } from "../../sheets/plan";
import { EMPTY_WORKBOOK } from "../../sheets/reader";
import { SETTINGS_UNREADABLE } from "../../sheets/settings";
import type { WorkbookHost } from "../host/types";
import { generateSheets, withSettingsSheet, type Generation } from "./generateSheets";

const ADDED = text("已创建考核参数", "Settings created");

/**
 * A host over nothing (or over the given markers and name values): records what it is asked to
 * write; `report` may change what the write reports (a renamed sheet, layout warnings).
 */
function host(
  plans: FoundPlan[] = [],
  options: { names?: Record<string, Scalar[][]>; report?: (r: WriteReport) => WriteReport } = {},
): WorkbookHost & { written: WorkbookPlan[] } {
  const written: WorkbookPlan[] = [];
  return {
    ...EMPTY_WORKBOOK,
    kind: "browser",
    findPlans: async () => plans,
    readPlansAndNames: async (names) => ({
      plans,
      names: Object.fromEntries(names.map((n) => [n, options.names?.[n]])),
    }),
    written,
    write: async (plan): Promise<WriteReport> => {
      written.push(plan);
      const report: WriteReport = {
        sheets: plan.sheets.map((s) => ({ planned: s.name, actual: s.name, kind: s.marker.kind })),
        syncs: 0,
        largestRequestBytes: 0,
      };
      return options.report ? options.report(report) : report;
    },
    readSelection: () => Promise.reject(new Error("no selection")),
    subscribe: () => () => undefined,
  };
}

const SHEET: SheetPlan = {
  name: "考核表",
  marker: { kind: "appraisal", version: 1, meta: {} },
  markerCell: "Z1",
  cells: [],
};

function generation(result: Result<SheetPlan>): Generation<SheetPlan> {
  return {
    build: () => result,
    plan: (sheet, workbook) => withSettingsSheet(workbook, sheet),
    messages: (sheet, report, settingsNotes) => [
      { intent: "success", body: text(`已生成 ${report.sheets.at(-1)?.actual}`, `made ${sheet.name}`) },
      ...settingsNotes,
    ],
    settingsAdded: ADDED,
  };
}

describe("generateSheets: settings → plan → write → messages", () => {
  test("a refused plan keeps the problem's row and column, and nothing is written", async () => {
    const h = host();
    const messages = await generateSheets(
      h,
      "en-US",
      generation(fail("value", text("分数不是数字", "the score is not a number"), { row: 12, column: "评分" })),
    );
    expect(messages).toEqual([
      {
        intent: "error",
        body: text("第 12 行“评分”列：分数不是数字", "Row 12, column “评分”: the score is not a number"),
      },
    ]);
    expect(h.written).toEqual([]);
  });

  test("first use: the 考核参数 sheet is written first and the generated sheet is activated", async () => {
    const h = host();
    const messages = await generateSheets(h, "zh-CN", generation(ok(SHEET)));
    expect(h.written).toHaveLength(1);
    expect(h.written[0].sheets.map((s) => s.name)).toEqual(["考核参数", "考核表"]);
    expect(h.written[0].activate).toBe(1);
    expect(messages.map((m) => m.intent)).toEqual(["success", "info"]);
    expect(messages[1].body).toEqual(ADDED);
  });

  test("a workbook that has its settings sheet: only the generated sheet, no settings note", async () => {
    const h = host([{ sheetName: "考核参数", marker: { kind: "settings", version: 1, meta: {} } }]);
    const messages = await generateSheets(h, "zh-CN", generation(ok(SHEET)));
    expect(h.written[0]).toEqual({ sheets: [SHEET], activate: 0 });
    expect(messages.map((m) => m.intent)).toEqual(["success"]);
  });

  test("the writer's own notes reach the user after the pane's: a sheet renamed, layout parts refused", async () => {
    const h = host([{ sheetName: "考核参数", marker: { kind: "settings", version: 1, meta: {} } }], {
      report: (r) => ({
        ...r,
        sheets: r.sheets.map((s) => ({ ...s, actual: `${s.planned} (2)` })),
        warnings: [text("冻结窗格", "frozen panes")],
      }),
    });
    const messages = await generateSheets(h, "en-US", generation(ok(SHEET)));
    expect(messages.map((m) => m.intent)).toEqual(["success", "info", "warning"]);
    expect(messages[1].body.en).toBe(
      'The workbook already has a sheet named "考核表" (left as it is); the new one is "考核表 (2)".',
    );
    expect(messages[2].body.en).toContain("· frozen panes");
  });

  test("a 考核参数 with a value that cannot be read: refused before building or writing", async () => {
    const settingsSheet: FoundPlan = { sheetName: "考核参数", marker: { kind: "settings", version: 1, meta: {} } };
    const h = host([settingsSheet], { names: { [SETTING_NAMES.slaRadiusKm]: [["一百公里"]] } });
    let built = false;
    const refused = await generateSheets(h, "zh-CN", {
      ...generation(ok(SHEET)),
      build: () => {
        built = true;
        return ok(SHEET);
      },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).problem.reason?.code).toBe(SETTINGS_UNREADABLE);
    expect(built).toBe(false);
    expect(h.written).toEqual([]);
  });
});
