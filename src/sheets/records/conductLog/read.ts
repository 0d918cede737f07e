/** The workbook's conduct log, read back by its marker: the cards, for the bonus sheet to count from (issue 12 point 6). */
import { text } from "../../../core/i18n/text";
import type { Problem } from "../../../core/problem";
import { readCards, type CardEntry } from "../../../core/records/conductLog";
import type { FoundPlan } from "../../plan";
import type { RangesReader } from "../../reader";
import { readLog } from "../common/readLog";
import { cardLogRef, type CardLogRef } from "./conductLogPlan";
import { CONDUCT_COLUMNS } from "./strings";

export { EXTRA_ROWS } from "../common/readLog";

export interface ConductLogRead {
  readonly sheetName: string;
  /** null when the log's marker cannot be read (the problem says why; typed card numbers stay). */
  readonly ref: CardLogRef | null;
  readonly cards: readonly CardEntry[];
  readonly problems: readonly Problem[];
}

/** The first conduct log among `plans`, read; null when the workbook has none (typed card numbers stay). */
export async function readConductLog(
  plans: readonly FoundPlan[],
  readRanges: RangesReader,
): Promise<ConductLogRead | null> {
  const log = await readLog(plans, readRanges, {
    kind: "conductLog",
    columns: CONDUCT_COLUMNS.length,
    read: (values, headerRow) => {
      const r = readCards(values, headerRow);
      return { entries: r.cards, problems: r.problems };
    },
    several: (n, sheetName) =>
      text(
        `工作簿中有 ${n} 张违规与黄红牌记录表，黄红牌按“${sheetName}”统计`,
        `the workbook has ${n} conduct logs; cards are counted from "${sheetName}"`,
      ),
  });
  if (log === null) return null;
  const ref = log.meta === null ? null : cardLogRef(log.meta);
  return { sheetName: log.sheetName, ref, cards: log.entries, problems: log.problems };
}
