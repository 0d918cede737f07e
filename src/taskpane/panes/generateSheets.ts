/**
 * The one way a pane generates sheets: the workbook's settings (or the 考核参数 sheet to create
 * on first use) → the plan → the write → the messages, the writer's layout warnings last. A plan the generator refuses becomes an
 * error message that keeps the problem's row and column (messageFromProblem); a failed write
 * rejects with the host's ProblemError, which the task runner shows the same way.
 */
import type { Locale, Text } from "../../core/i18n/text";
import type { Result } from "../../core/problem";
import type { SheetPlan, WorkbookPlan, WriteReport } from "../../sheets/plan";
import { settingsForGeneration, type GenerationSettings } from "../../sheets/settings";
import { messageFromProblem, writeWarnings, type PaneMessageInput } from "../components/task";
import type { WorkbookHost, WriteProgress } from "../host/types";
import { settingsMessages } from "./settings/settingsForGeneration";

interface GenerationSteps<T> {
  /** Builds the plan from the workbook's settings and the generated sheets found with them. */
  build(workbook: GenerationSettings): Result<T> | Promise<Result<T>>;
  /**
   * What to tell the user after the write. `settingsNotes` (the 考核参数 sheet was created with
   * it) are for the pane to place among its own messages. A 考核参数 with a value that cannot be
   * read never gets here: `settingsForGeneration` refuses it before anything is written.
   */
  messages(value: T, written: WriteReport, settingsNotes: readonly PaneMessageInput[]): PaneMessageInput[];
  /** What to say when the 考核参数 sheet is created with this generation, in the pane's words. */
  readonly settingsAdded: Text;
}

/**
 * A generation either hands the host its plan (`plan`), or writes by itself (`write`: browser
 * mode's KPI pane builds and writes its sheets in a Web Worker, so the plan never reaches the page).
 */
export type Generation<T> = GenerationSteps<T> &
  (
    | {
        /** The sheets to write; usually `withSettingsSheet(workbook, value.plan)`. */
        plan(value: T, workbook: GenerationSettings): WorkbookPlan;
      }
    | {
        /** Writes the sheets; a refusal is a Problem (shown as plan refusals are). */
        write(
          value: T,
          workbook: GenerationSettings,
          progress?: (p: WriteProgress) => void,
        ): Promise<Result<WriteReport>>;
      }
  );

export async function generateSheets<T>(
  host: WorkbookHost,
  locale: Locale,
  generation: Generation<T>,
  progress?: (p: WriteProgress) => void,
): Promise<PaneMessageInput[]> {
  const workbook = await settingsForGeneration(host, locale);
  const built = await generation.build(workbook);
  if (!built.ok) return [messageFromProblem(built.problem)];
  let written: WriteReport;
  if ("write" in generation) {
    const r = await generation.write(built.value, workbook, progress);
    if (!r.ok) return [messageFromProblem(r.problem)];
    written = r.value;
  } else written = await host.write(generation.plan(built.value, workbook), progress);
  return [
    ...generation.messages(built.value, written, settingsMessages(workbook, generation.settingsAdded)),
    // Layout parts the host refused after the data was written, last (the sheets are complete).
    ...writeWarnings(written),
  ];
}

/** The settings sheet to create (if any) first, then `sheet`, which is the one activated. */
export function withSettingsSheet(workbook: GenerationSettings, sheet: SheetPlan): WorkbookPlan {
  return { sheets: [...workbook.add, sheet], activate: workbook.add.length };
}
