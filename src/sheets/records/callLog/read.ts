/**
 * The workbook's call log, read back by its marker: the calls, for the work-order register to
 * prove written contact for chassis-engine faults from it (issue 12 point 5, 办法 3.2.3).
 */
import { text } from "../../../core/i18n/text";
import type { Problem } from "../../../core/problem";
import { readCalls, type CallEntry } from "../../../core/records/callLog";
import type { FoundPlan } from "../../plan";
import type { RangesReader } from "../../reader";
import type { CallLogMeta } from "../marker";
import { readLog } from "../common/readLog";
import { CALL_COLUMNS } from "./strings";

export interface CallLogRead {
  readonly sheetName: string;
  /** null when the log's marker cannot be read (the problem says why; the register then has no written-contact columns). */
  readonly meta: CallLogMeta | null;
  readonly calls: readonly CallEntry[];
  readonly problems: readonly Problem[];
}

/** The first call log among `plans`, read; null when the workbook has none. */
export async function readCallLog(plans: readonly FoundPlan[], readRanges: RangesReader): Promise<CallLogRead | null> {
  const log = await readLog(plans, readRanges, {
    kind: "callLog",
    columns: CALL_COLUMNS.length,
    read: (values, headerRow) => {
      const r = readCalls(values, headerRow);
      return { entries: r.calls, problems: r.problems };
    },
    several: (n, sheetName) =>
      text(
        `工作簿中有 ${n} 张来电来函记录表，书面联系按“${sheetName}”核对`,
        `the workbook has ${n} call logs; written contact is checked against "${sheetName}"`,
      ),
  });
  return log === null ? null : { sheetName: log.sheetName, meta: log.meta, calls: log.entries, problems: log.problems };
}
