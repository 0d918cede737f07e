import type { Text } from "../../core/i18n/text";
import { describeProblem, type Problem } from "../../core/problem";
import { problemFromError } from "../host/errors";
import { STRINGS } from "../i18n/strings";

/**
 * The state of a pane's long-running job ("Generate"): whether it runs, its progress, and the
 * messages to show afterwards. A pure reducer, so the rules are tested without a DOM:
 * one job at a time, a new run clears the previous run's messages, a failure always ends the
 * run with an error message that says what went wrong and what to do.
 */

export type MessageIntent = "info" | "success" | "warning" | "error";

/** A message for the message bar area; texts are bilingual and picked at render time. */
export interface PaneMessageInput {
  readonly intent: MessageIntent;
  /** Bold lead-in; defaults by intent ("未能完成" / "Could not finish" for errors). */
  readonly title?: Text;
  readonly body: Text;
}

export interface PaneMessage extends PaneMessageInput {
  readonly id: number;
}

/** Rows of data read or written so far, of all of them (large ranges are read and written in chunks). */
export interface RowsProgress {
  readonly kind: "read" | "written";
  readonly done: number;
  readonly total: number;
}

export interface TaskProgress {
  readonly label: Text;
  /** Both absent: indeterminate. */
  readonly done?: number;
  readonly total?: number;
  readonly rows?: RowsProgress;
}

export interface TaskState {
  readonly running: boolean;
  readonly progress: TaskProgress | null;
  readonly messages: readonly PaneMessage[];
  readonly nextId: number;
}

export const IDLE: TaskState = { running: false, progress: null, messages: [], nextId: 1 };

export type TaskAction =
  | { readonly type: "start"; readonly label: Text }
  | {
      readonly type: "progress";
      readonly done: number;
      readonly total: number;
      readonly label?: Text;
      readonly rows?: RowsProgress;
    }
  | { readonly type: "finish"; readonly messages: readonly PaneMessageInput[] }
  | { readonly type: "fail"; readonly error: unknown }
  | { readonly type: "show"; readonly messages: readonly PaneMessageInput[] }
  | { readonly type: "dismiss"; readonly id: number }
  | { readonly type: "clear" };

export const DEFAULT_TITLES: Readonly<Record<MessageIntent, Text>> = {
  error: STRINGS.errorTitle,
  success: STRINGS.successTitle,
  warning: STRINGS.warningTitle,
  info: STRINGS.infoTitle,
};

/** A Problem as an error message: where it is (row/column) in front of what is wrong. */
export function messageFromProblem(p: Problem): PaneMessageInput {
  return { intent: "error", body: describeProblem(p, { capitalized: true }) };
}

/** Whatever a job threw, as an error message (see problemFromError). */
export function messageFromError(err: unknown): PaneMessageInput {
  return messageFromProblem(problemFromError(err));
}

function append(state: TaskState, inputs: readonly PaneMessageInput[]): Pick<TaskState, "messages" | "nextId"> {
  const added = inputs.map((m, i) => ({ ...m, id: state.nextId + i }));
  return { messages: [...state.messages, ...added], nextId: state.nextId + inputs.length };
}

/**
 * The rows a host reported with its progress (WriteProgress.rowsWritten/rowsTotal), or nothing
 * when it did not count them (e.g. a plan without cell rows).
 */
export function rowsWritten(p: {
  readonly rowsWritten?: number;
  readonly rowsTotal?: number;
}): RowsProgress | undefined {
  if (p.rowsWritten === undefined || p.rowsTotal === undefined || p.rowsTotal <= 0) return undefined;
  return { kind: "written", done: p.rowsWritten, total: p.rowsTotal };
}

function clampProgress(done: number, total: number): { done: number; total: number } {
  const t = Number.isFinite(total) && total > 0 ? total : 1;
  const d = Number.isFinite(done) ? Math.min(Math.max(done, 0), t) : 0;
  return { done: d, total: t };
}

export function taskReducer(state: TaskState, action: TaskAction): TaskState {
  switch (action.type) {
    case "start":
      if (state.running) return state;
      return { ...state, running: true, progress: { label: action.label }, messages: [] };
    case "progress":
      if (!state.running || !state.progress) return state;
      return {
        ...state,
        progress: {
          label: action.label ?? state.progress.label,
          ...clampProgress(action.done, action.total),
          ...(action.rows
            ? { rows: { kind: action.rows.kind, ...clampProgress(action.rows.done, action.rows.total) } }
            : {}),
        },
      };
    case "finish":
      if (!state.running) return state;
      return { ...state, running: false, progress: null, ...append(state, action.messages) };
    case "fail":
      if (!state.running) return state;
      return { ...state, running: false, progress: null, ...append(state, [messageFromError(action.error)]) };
    case "show":
      return { ...state, ...append(state, action.messages) };
    case "dismiss":
      return { ...state, messages: state.messages.filter((m) => m.id !== action.id) };
    case "clear":
      return { ...state, messages: [] };
  }
}

/**
 * What a pane says about a write beyond its success message: sheets that got another name
 * because the workbook already had one with the planned name (the existing sheet is left as it
 * is: "考核参数" → "考核参数 (2)"), and the layout parts Excel refused after the data was
 * written (print setup, freeze panes, tab colour, charts: WriteReport.warnings), as one warning.
 */
export function writeWarnings(report: {
  readonly warnings?: readonly Text[];
  readonly sheets?: readonly { readonly planned: string; readonly actual: string }[];
}): PaneMessageInput[] {
  const out: PaneMessageInput[] = [];
  const renamed = (report.sheets ?? []).filter((s) => s.planned !== s.actual);
  if (renamed.length > 0)
    out.push({
      intent: "info",
      body: {
        zh: renamed
          .map((s) => `工作簿中已有名为“${s.planned}”的工作表（未改动），新工作表命名为“${s.actual}”。`)
          .join("\n"),
        en: renamed
          .map(
            (s) =>
              `The workbook already has a sheet named "${s.planned}" (left as it is); the new one is "${s.actual}".`,
          )
          .join("\n"),
      },
    });
  const w = report.warnings ?? [];
  if (w.length > 0)
    out.push({
      intent: "warning",
      body: {
        zh: ["数据已完整写入，但以下格式设置未能完成：", ...w.map((x) => `· ${x.zh}`)].join("\n"),
        en: ["The data is complete, but these layout parts could not be applied:", ...w.map((x) => `· ${x.en}`)].join(
          "\n",
        ),
      },
    });
  return out;
}

/**
 * A range read from a sheet whose filter hides some of its rows: every row was read (a filter
 * does not limit what the add-in reads), which the user must know, since they do not see those
 * rows. Nothing when no row was hidden.
 */
export function hiddenRowsNote(range: {
  readonly sheetName: string;
  readonly hiddenRows?: number;
}): PaneMessageInput[] {
  const n = range.hiddenRows ?? 0;
  if (n <= 0) return [];
  return [
    {
      intent: "warning",
      body: {
        zh: `“${range.sheetName}”的筛选隐藏了所选区域中的 ${n} 行，这些行也已读入（筛选不限制读取的内容）。如只想使用看得见的行，请把它们复制到新工作表后再读取。`,
        en: `A filter on "${range.sheetName}" hides ${n} row${n === 1 ? "" : "s"} of the selection; they were read as well (a filter does not limit what is read). To use only the rows you see, copy them to a new sheet and read that.`,
      },
    },
  ];
}
