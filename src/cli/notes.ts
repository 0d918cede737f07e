/** What a command prints about problems it worked around. */
import { pick, text } from "../core/i18n/text";
import { describeProblem, type Problem } from "../core/problem";
import type { CommandContext } from "./command";

/** Prints problems as notes ("注意：第 12 行“评分”列：…" / "note: row 12, column “Score”: …"). */
export function printNotes(ctx: CommandContext, problems: readonly Problem[], lead = text("注意：", "note: ")): void {
  for (const p of problems) {
    const line = describeProblem(p);
    ctx.out(pick(text(`${lead.zh}${line.zh}`, `${lead.en}${line.en}`), ctx.locale));
  }
}
