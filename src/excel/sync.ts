/**
 * A sync that does not answer within a limit is reported, never awaited forever: Excel on the
 * web can leave a request without an answer (office-js #1012, #1314: syncs of large payloads
 * failing with internal errors or never completing), and a pane waiting on it would spin for
 * ever. The limit is generous (a 4 MB write batch on a slow connection) and per sync.
 */
import { text, type Text } from "../core/i18n/text";
import { problem, ProblemError } from "../core/problem";

export const DEFAULT_SYNC_LIMIT_MS = 90_000;

/** A sync that did not answer in time: what was being done, in both languages. */
export class SyncTimeoutError extends ProblemError {
  constructor(
    text: Text,
    readonly limitMs: number,
  ) {
    super(problem("value", text));
    this.name = "SyncTimeoutError";
  }

  /** The same as `problem.message` (kept for existing callers). */
  get text(): Text {
    return this.problem.message;
  }
}

/**
 * Waits for `pending` (a `context.sync()`), at most `limitMs`. Rejects with SyncTimeoutError
 * naming `what` when Excel has not answered by then. The timer is cleared either way.
 */
export async function syncWithin<T>(pending: Promise<T>, limitMs: number, what: Text): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const s = Math.round(limitMs / 1000);
      reject(
        new SyncTimeoutError(
          text(
            `Excel 在 ${s} 秒内没有响应（${what.zh}）。请稍后重试；如果单元格正在编辑，请先按 Enter 或 Esc 结束编辑。`,
            `Excel did not answer within ${s} s (${what.en}). Try again later; if a cell is being edited, press Enter or Esc first.`,
          ),
          limitMs,
        ),
      );
    }, limitMs);
  });
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
