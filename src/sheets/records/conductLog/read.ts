/**
 * The workbook's conduct log, read back by its marker (never by sheet name): the cards, for the
 * bonus sheet to count from (issue 12 point 6). The clerk may have logged past the generated
 * blank rows (an Excel table grows as one types below it), so the read goes on past the
 * marker's last row by up to EXTRA_ROWS; blank rows are skipped.
 */
import { text } from "../../../core/i18n/text";
import { problem, type Problem } from "../../../core/problem";
import { readCards, type CardEntry } from "../../../core/records/conductLog";
import type { FoundPlan } from "../../plan";
import type { RangesReader } from "../../reader";
import { columnLetter } from "../../common/address";
import { cardLogRef, type CardLogRef } from "./conductLogPlan";
import { conductLogMarkerOf } from "./marker";
import { CONDUCT_COLUMNS } from "./strings";

export const EXTRA_ROWS = 2000;

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
  const found = plans.filter((p) => p.marker.kind === "conductLog");
  if (found.length === 0) return null;
  const marker = conductLogMarkerOf(found[0]!);
  if (!marker.ok) return { sheetName: found[0]!.sheetName, ref: null, cards: [], problems: [marker.problem] };
  const meta = marker.value.meta;
  const address = `A${meta.headerRow}:${columnLetter(CONDUCT_COLUMNS.length)}${meta.lastRow + EXTRA_ROWS}`;
  const [range] = await readRanges([{ sheetName: found[0]!.sheetName, address }]);
  const read = readCards(range!.values, meta.headerRow);
  const problems = read.problems.map((p) => ({
    ...p,
    message: text(`“${found[0]!.sheetName}”：${p.message.zh}`, `"${found[0]!.sheetName}": ${p.message.en}`),
  }));
  if (found.length > 1)
    problems.push(
      problem(
        "value",
        text(
          `工作簿中有 ${found.length} 张违规与黄红牌记录表，黄红牌按“${found[0]!.sheetName}”统计`,
          `the workbook has ${found.length} conduct logs; cards are counted from "${found[0]!.sheetName}"`,
        ),
      ),
    );
  return { sheetName: found[0]!.sheetName, ref: cardLogRef(meta), cards: read.cards, problems };
}
