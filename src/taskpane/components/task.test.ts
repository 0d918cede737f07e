import { problem, ProblemError } from "../../core/problem";
import { text } from "../../core/i18n/text";
import { HostProblemError, problemFromError } from "../host/errors";
import { PlanWriteError } from "../../excel/write";
import { RangeReadError } from "../../excel/read";
import { SyncTimeoutError } from "../../excel/sync";
import { PlanError } from "../../sheets/formula/prepare";
import { TableReadError } from "../../xlsx/read";
import {
  IDLE,
  hiddenRowsNote,
  messageFromError,
  messageFromProblem,
  rowsWritten,
  taskReducer,
  writeWarnings,
  type TaskState,
} from "./task";

const label = text("正在生成…", "Generating…");

function started(): TaskState {
  return taskReducer(IDLE, { type: "start", label });
}

describe("task reducer", () => {
  test("start → running with an indeterminate progress", () => {
    const s = started();
    expect(s.running).toBe(true);
    expect(s.progress).toEqual({ label });
  });

  test("a second start while running is ignored", () => {
    const s = started();
    expect(taskReducer(s, { type: "start", label: text("二", "two") })).toBe(s);
  });

  test("progress is clamped and keeps the label unless a new one is given", () => {
    let s = taskReducer(started(), { type: "progress", done: 3, total: 10 });
    expect(s.progress).toEqual({ label, done: 3, total: 10 });
    s = taskReducer(s, { type: "progress", done: 12, total: 10, label: text("写入", "Writing") });
    expect(s.progress).toEqual({ label: text("写入", "Writing"), done: 10, total: 10 });
    s = taskReducer(s, { type: "progress", done: -1, total: 0 });
    expect(s.progress).toMatchObject({ done: 0, total: 1 });
  });

  test("rows read or written are kept beside the steps, clamped like them", () => {
    let s = taskReducer(started(), {
      type: "progress",
      done: 2,
      total: 5,
      rows: { kind: "written", done: 40_000, total: 100_000 },
    });
    expect(s.progress).toEqual({ label, done: 2, total: 5, rows: { kind: "written", done: 40_000, total: 100_000 } });
    s = taskReducer(s, {
      type: "progress",
      done: 3,
      total: 5,
      rows: { kind: "written", done: 120_000, total: 100_000 },
    });
    expect(s.progress?.rows).toEqual({ kind: "written", done: 100_000, total: 100_000 });
    expect(rowsWritten({})).toBeUndefined();
    expect(rowsWritten({ rowsWritten: 0, rowsTotal: 0 })).toBeUndefined();
    expect(rowsWritten({ rowsWritten: 7, rowsTotal: 9 })).toEqual({
      kind: "written",
      done: 7,
      total: 9,
    });
  });

  test("progress after the run ended is ignored", () => {
    const done = taskReducer(started(), { type: "finish", messages: [] });
    expect(taskReducer(done, { type: "progress", done: 1, total: 2 })).toBe(done);
  });

  test("finish shows the job's messages and stops", () => {
    const s = taskReducer(started(), { type: "finish", messages: [{ intent: "success", body: text("好", "ok") }] });
    expect(s.running).toBe(false);
    expect(s.progress).toBeNull();
    expect(s.messages).toEqual([{ id: 1, intent: "success", body: text("好", "ok") }]);
  });

  test("a new run clears the previous run's messages", () => {
    let s = taskReducer(started(), { type: "fail", error: new Error("boom") });
    expect(s.messages).toHaveLength(1);
    s = taskReducer(s, { type: "start", label });
    expect(s.messages).toEqual([]);
  });

  test("message ids stay unique across runs, and dismiss removes one", () => {
    let s = taskReducer(IDLE, {
      type: "show",
      messages: [
        { intent: "info", body: text("一", "one") },
        { intent: "info", body: text("二", "two") },
      ],
    });
    s = taskReducer(s, { type: "start", label });
    s = taskReducer(s, { type: "finish", messages: [{ intent: "success", body: text("三", "three") }] });
    expect(s.messages.map((m) => m.id)).toEqual([3]);
    s = taskReducer(s, { type: "show", messages: [{ intent: "warning", body: text("四", "four") }] });
    s = taskReducer(s, { type: "dismiss", id: 3 });
    expect(s.messages.map((m) => [m.id, m.body.en])).toEqual([[4, "four"]]);
    expect(taskReducer(s, { type: "clear" }).messages).toEqual([]);
  });

  test("fail turns any error into a readable error message", () => {
    const s = taskReducer(started(), {
      type: "fail",
      error: new HostProblemError(problem("na", text("请选择区域", "Select a range"))),
    });
    expect(s.messages).toEqual([{ id: 1, intent: "error", body: text("请选择区域", "Select a range") }]);
  });
});

describe("problemFromError / messageFromError", () => {
  test("a Problem with row and column says where", () => {
    const m = messageFromError(
      new ProblemError(problem("value", text("不是日期", "not a date"), { row: 17, column: "报修时间" })),
    );
    expect(m.body).toEqual({ zh: "第 17 行“报修时间”列：不是日期", en: "Row 17, column “报修时间”: not a date" });
  });

  test("a Problem with a column but no row names the column", () => {
    const m = messageFromProblem(
      problem("value", text("名称不存在", "the name is missing"), { column: "SVC_Grades5" }),
    );
    expect(m.body).toEqual({ zh: "“SVC_Grades5”列：名称不存在", en: "Column “SVC_Grades5”: the name is missing" });
  });

  test("every error of ours carries its Problem: the writers', the readers', the hosts'", () => {
    const t = text("写入失败，已撤销", "Write failed; rolled back");
    for (const err of [
      new PlanWriteError(t, new Error("cause")),
      new PlanError(t),
      new TableReadError(t),
      new RangeReadError(t),
      new SyncTimeoutError(t, 1000),
      new HostProblemError(problem("value", t)),
    ]) {
      expect(err).toBeInstanceOf(ProblemError);
      expect(problemFromError(err).message).toEqual(t);
    }
  });

  test("an object that only looks like one is not trusted as a message", () => {
    expect(problemFromError({ message: text("甲", "A") }).message.en).toMatch(/^Something unexpected went wrong/);
  });

  test("an Office.js error names Excel's message and code and says what to do", () => {
    const officeError = Object.assign(new Error("The workbook is protected."), {
      name: "RichApi.Error",
      code: "AccessDenied",
      debugInfo: {},
    });
    const p = problemFromError(officeError);
    expect(p.message.en).toBe(
      "Excel reported an error: The workbook is protected. (AccessDenied). Make sure no cell is being edited and the workbook is not protected, then try again.",
    );
    expect(p.message.zh).toContain("AccessDenied");
  });

  test("anything else is 'unexpected' with its message, never an empty box", () => {
    expect(problemFromError(new TypeError("x is undefined")).message.en).toMatch(
      /^Something unexpected went wrong: x is undefined\. Try again/,
    );
    expect(problemFromError("plain string").message.en).toContain("plain string");
    expect(problemFromError(undefined).message.en).toContain("undefined");
  });
});

describe("writeWarnings: what a pane adds after a write", () => {
  test("a sheet renamed because the workbook had one of that name is said, in both languages", () => {
    const notes = writeWarnings({
      sheets: [
        { planned: "考核参数", actual: "考核参数 (2)" },
        { planned: "考核表 2026-Q1", actual: "考核表 2026-Q1" },
      ],
    });
    expect(notes).toEqual([
      {
        intent: "info",
        body: text(
          "工作簿中已有名为“考核参数”的工作表（未改动），新工作表命名为“考核参数 (2)”。",
          'The workbook already has a sheet named "考核参数" (left as it is); the new one is "考核参数 (2)".',
        ),
      },
    ]);
  });

  test("layout parts Excel refused: one warning listing them; nothing to say: nothing", () => {
    const w = writeWarnings({ warnings: [text("冻结窗格", "frozen panes")] });
    expect(w).toHaveLength(1);
    expect(w[0]!.intent).toBe("warning");
    expect(w[0]!.body.en).toContain("· frozen panes");
    expect(writeWarnings({ sheets: [{ planned: "A", actual: "A" }] })).toEqual([]);
  });
});

describe("hiddenRowsNote: a filtered source is read whole, and the user is told", () => {
  test("rows a filter hides: a warning naming the sheet and the count; none hidden: nothing", () => {
    const [note] = hiddenRowsNote({ sheetName: "工单导出", hiddenRows: 12 });
    expect(note!.intent).toBe("warning");
    expect(note!.body.zh).toContain("“工单导出”的筛选隐藏了所选区域中的 12 行，这些行也已读入");
    expect(note!.body.en).toContain('A filter on "工单导出" hides 12 rows of the selection; they were read as well');
    expect(hiddenRowsNote({ sheetName: "S", hiddenRows: 1 })[0]!.body.en).toContain("hides 1 row of");
    expect(hiddenRowsNote({ sheetName: "S" })).toEqual([]);
    expect(hiddenRowsNote({ sheetName: "S", hiddenRows: 0 })).toEqual([]);
  });
});
