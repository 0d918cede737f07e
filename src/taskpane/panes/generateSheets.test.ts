import { text } from "../../core/i18n/text";
import { fail, ok, type Result } from "../../core/problem";
import type { FoundPlan, SheetPlan, WorkbookPlan, WriteReport } from "../../sheets/plan";
import { EMPTY_WORKBOOK } from "../../sheets/reader";
import type { WorkbookHost } from "../host/types";
import { generateSheets, withSettingsSheet, type Generation } from "./generateSheets";

const ADDED = text("已创建考核参数", "Settings created");

/** A host over nothing: records what it is asked to write. */
function host(plans: FoundPlan[] = []): WorkbookHost & { written: WorkbookPlan[] } {
  const written: WorkbookPlan[] = [];
  return {
    ...EMPTY_WORKBOOK,
    kind: "browser",
    findPlans: async () => plans,
    readPlansAndNames: async (names) => ({ plans, names: await EMPTY_WORKBOOK.readNames(names) }),
    written,
    write: async (plan): Promise<WriteReport> => {
      written.push(plan);
      return {
        sheets: plan.sheets.map((s) => ({ planned: s.name, actual: s.name, kind: s.marker.kind })),
        syncs: 0,
        largestRequestBytes: 0,
      };
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
});
