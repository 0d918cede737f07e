import { useCallback, useMemo, useReducer, useRef } from "react";
import type { Text } from "../../core/i18n/text";
import { IDLE, rowsWritten, taskReducer, type PaneMessageInput, type TaskState } from "./task";

/** What a job gets: report progress (e.g. pass `progress` straight to host.write). */
export interface JobContext {
  /** Steps done of all steps; a host's write progress also carries the rows written, shown as such. */
  progress(p: { done: number; total: number; rowsWritten?: number; rowsTotal?: number }, label?: Text): void;
  /** Rows of a range read so far (pass straight to host.readSelection). */
  rowsRead(p: { rowsRead: number; rowsTotal: number }): void;
}

export type JobResult = PaneMessageInput | readonly PaneMessageInput[] | void;

export interface Task extends TaskState {
  /**
   * Runs `job` unless one is already running (then returns false at once). While it runs,
   * `running` is true and `progress` shows `label`; when it ends, the messages it returned
   * (or the error it threw, in plain words) appear. Never rejects.
   */
  run(label: Text, job: (ctx: JobContext) => Promise<JobResult>): Promise<boolean>;
  show(...messages: PaneMessageInput[]): void;
  dismiss(id: number): void;
  clear(): void;
}

/** One pane's job state: `const task = useTask()`, then <GenerateButton task={task}> and <TaskStatus task={task}>. */
export function useTask(): Task {
  const [state, dispatch] = useReducer(taskReducer, IDLE);
  // The reducer ignores a second "start", but the job itself must not start twice either:
  // a ref sees the running flag synchronously, even before React re-renders.
  const running = useRef(false);

  const run = useCallback(async (label: Text, job: (ctx: JobContext) => Promise<JobResult>) => {
    if (running.current) return false;
    running.current = true;
    dispatch({ type: "start", label });
    const ctx: JobContext = {
      progress: (p, l) => {
        const rows = rowsWritten(p);
        dispatch({ type: "progress", done: p.done, total: p.total, label: l, ...(rows ? { rows } : {}) });
      },
      rowsRead: (p) =>
        dispatch({
          type: "progress",
          done: p.rowsRead,
          total: p.rowsTotal,
          rows: { kind: "read", done: p.rowsRead, total: p.rowsTotal },
        }),
    };
    try {
      const result = await job(ctx);
      const messages = result === undefined ? [] : Array.isArray(result) ? result : [result as PaneMessageInput];
      dispatch({ type: "finish", messages });
    } catch (error) {
      dispatch({ type: "fail", error });
    } finally {
      running.current = false;
    }
    return true;
  }, []);

  const show = useCallback((...messages: PaneMessageInput[]) => dispatch({ type: "show", messages }), []);
  const dismiss = useCallback((id: number) => dispatch({ type: "dismiss", id }), []);
  const clear = useCallback(() => dispatch({ type: "clear" }), []);

  return useMemo(() => ({ ...state, run, show, dismiss, clear }), [state, run, show, dismiss, clear]);
}
