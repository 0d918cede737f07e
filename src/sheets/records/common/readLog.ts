/**
 * A log of the workbook (来电来函, 违规与黄红牌) read back by its marker, never by sheet name, for
 * another generator to build on: the register proves written contact from the call log, the
 * bonus sheet counts cards from the conduct log (issue 12 points 5 and 6). The clerk may have
 * logged past the generated blank rows (an Excel table grows as one types below it), so the read
 * goes on past the marker's last row by up to EXTRA_ROWS; blank rows are skipped.
 */
import { text } from "../../../core/i18n/text";
import { problem, type Problem } from "../../../core/problem";
import { columnLetter } from "../../common/address";
import type { FoundPlan } from "../../plan";
import type { RangesReader } from "../../reader";
import { recordMarkerOf, type CallLogMeta, type ConductLogMeta } from "../marker";

export const EXTRA_ROWS = 2000;

interface LogKinds {
  readonly callLog: CallLogMeta;
  readonly conductLog: ConductLogMeta;
}

export interface LogRead<M, E> {
  readonly sheetName: string;
  /** null when the log's marker cannot be read (the problems say why). */
  readonly meta: M | null;
  readonly entries: readonly E[];
  readonly problems: readonly Problem[];
}

/** How one kind of log is read. */
export interface LogReading<K extends keyof LogKinds, E> {
  readonly kind: K;
  /** Its table's columns, from A. */
  readonly columns: number;
  /** The rows from the header row down, as the core reader reads them. */
  readonly read: (
    values: readonly (readonly unknown[])[],
    headerRow: number,
  ) => { readonly entries: readonly E[]; readonly problems: readonly Problem[] };
  /** "the workbook has n logs; … from <sheet>": which one is used when there are several. */
  readonly several: (n: number, sheetName: string) => ReturnType<typeof text>;
}

/** The first log of `reading.kind` among `plans`, read; null when the workbook has none. */
export async function readLog<K extends keyof LogKinds, E>(
  plans: readonly FoundPlan[],
  readRanges: RangesReader,
  reading: LogReading<K, E>,
): Promise<LogRead<LogKinds[K], E> | null> {
  const found = plans.filter((p) => p.marker.kind === reading.kind);
  const first = found[0];
  if (first === undefined) return null;
  const sheetName = first.sheetName;
  const marker = recordMarkerOf(first, reading.kind);
  if (!marker.ok) return { sheetName, meta: null, entries: [], problems: [marker.problem] };
  const meta = marker.value.meta as LogKinds[K];
  const address = `A${meta.headerRow}:${columnLetter(reading.columns)}${meta.lastRow + EXTRA_ROWS}`;
  const [range] = await readRanges([{ sheetName, address }]);
  const read = reading.read(range!.values, meta.headerRow);
  const problems = read.problems.map((p) => ({
    ...p,
    message: text(`“${sheetName}”：${p.message.zh}`, `"${sheetName}": ${p.message.en}`),
  }));
  if (found.length > 1) problems.push(problem("value", reading.several(found.length, sheetName)));
  return { sheetName, meta, entries: read.entries, problems };
}
