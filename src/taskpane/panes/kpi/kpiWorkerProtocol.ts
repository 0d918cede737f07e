/**
 * What the KPI pane and its Web Worker (browser mode) say to each other, and the worker's side of
 * it as a plain function over a KpiSession, so it is tested without a Worker. Requests carry an
 * id; the worker answers each with one result (or a Problem), after any number of progress
 * messages. Everything crossing is structured-clonable data: the file's bytes go in, the
 * finished .xlsx bytes come out (transferred, not copied).
 */
import { ProblemError, problem, type Problem, type Result } from "../../../core/problem";
import type { Settings } from "../../../core/settings";
import type { ColumnMapping, KpiReport, Month } from "../../../core/workorders";
import type { WorkbookPlan } from "../../../sheets/plan";
import type { MadeFile } from "../../host/BrowserHost";
import type { KpiChecked, KpiPlanOptions, KpiSession, KpiSource } from "./kpiSession";

/** Rows read or written so far (the pane's progress counts). */
export interface RowsCount {
  readonly kind: "read" | "written";
  readonly done: number;
  readonly total: number;
}

export type KpiRequest =
  | { readonly op: "open"; readonly name: string; readonly bytes: Uint8Array }
  | { readonly op: "check"; readonly mapping: ColumnMapping }
  | { readonly op: "preview"; readonly month: Month; readonly asOf: number; readonly settings: Settings }
  | {
      readonly op: "generate";
      readonly options: KpiPlanOptions;
      /** The browser workbook's bytes to add the sheets to; null: a new file. */
      readonly base: Uint8Array | null;
    };

/** What each request answers with. */
export interface KpiAnswers {
  open: KpiSource;
  check: Result<KpiChecked>;
  preview: KpiReport | null;
  generate: Result<MadeFile & { readonly problems: number }>;
}

export type KpiMessage =
  | { readonly id: number; readonly progress: RowsCount }
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly problem: Problem };

/** How the worker makes files: a new one, or the plan's sheets added to the workbook's bytes. */
export interface KpiFileMaker {
  newFile(plan: WorkbookPlan, onRows: (p: RowsWritten) => void): Promise<MadeFile>;
  addTo(base: Uint8Array, plan: WorkbookPlan, onRows: (p: RowsWritten) => void): Promise<MadeFile>;
}

/** The streaming writer's count (PackageOptions.onRows). */
type RowsWritten = { readonly rowsWritten: number; readonly rowsTotal: number };

/** Whatever was thrown, as a Problem the pane can show (a ProblemError keeps its own). */
/** At most this many rows-written messages per generation (plus the last). */
const PROGRESS_STEPS = 200;

export function problemOf(err: unknown): Problem {
  if (err instanceof ProblemError) return err.problem;
  const reason = err instanceof Error ? err.message || err.name : String(err);
  return problem("value", {
    zh: `后台处理出错：${reason}`,
    en: `The background work failed: ${reason}`,
  });
}

/**
 * The worker's side: answers one request (after its progress messages) through `post`; the
 * finished file's buffer is handed over with it (`transfer`), so the download is not copied.
 */
export async function answerKpiRequest(
  session: KpiSession,
  files: KpiFileMaker,
  id: number,
  request: KpiRequest,
  post: (message: KpiMessage, transfer?: ArrayBuffer[]) => void,
): Promise<void> {
  try {
    switch (request.op) {
      case "open": {
        const source = await session.open({ name: request.name, bytes: request.bytes });
        post({ id, progress: { kind: "read", done: source.rows, total: source.rows } });
        post({ id, ok: true, value: source });
        return;
      }
      case "check":
        post({ id, ok: true, value: session.check(request.mapping) });
        return;
      case "preview":
        post({ id, ok: true, value: session.preview(request.month, request.asOf, request.settings) });
        return;
      case "generate": {
        const planned = session.plan(request.options);
        if (!planned.ok) {
          post({ id, ok: true, value: planned });
          return;
        }
        const { plan, problems } = planned.value;
        // The writer reports every few rows (each chunk of XML); the page re-renders for each
        // message, so only every half percent of the rows (and the last) is passed on.
        let posted = 0;
        const onRows = (p: RowsWritten) => {
          const step = Math.max(1, Math.ceil(p.rowsTotal / PROGRESS_STEPS));
          if (p.rowsWritten < p.rowsTotal && p.rowsWritten - posted < step) return;
          posted = p.rowsWritten;
          post({ id, progress: { kind: "written", done: p.rowsWritten, total: p.rowsTotal } });
        };
        const file = request.base ? await files.addTo(request.base, plan, onRows) : await files.newFile(plan, onRows);
        const value: KpiAnswers["generate"] = { ok: true, value: { ...file, problems } };
        post({ id, ok: true, value }, [file.bytes.buffer as ArrayBuffer]);
        return;
      }
    }
  } catch (err) {
    post({ id, ok: false, problem: problemOf(err) });
  }
}
