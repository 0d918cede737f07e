/** What a command prints about problems it worked around and what its readers noticed. */
import { pick, text, type Text } from "../core/i18n/text";
import { describeProblem, type Problem } from "../core/problem";
import type { CommandContext } from "./command";

/** Prints problems as notes ("注意：第 12 行“评分”列：…" / "note: row 12, column “Score”: …"). */
export function printNotes(ctx: CommandContext, problems: readonly Problem[], lead = text("注意：", "note: ")): void {
  printTextNotes(
    ctx,
    problems.map((p) => describeProblem(p)),
    lead,
  );
}

/** Prints a reader's notes (a hidden first sheet passed over, merged cells, the CSV's encoding) as notes. */
export function printTextNotes(ctx: CommandContext, notes: readonly Text[], lead = text("注意：", "note: ")): void {
  for (const line of notes) ctx.out(pick(text(`${lead.zh}${line.zh}`, `${lead.en}${line.en}`), ctx.locale));
}
