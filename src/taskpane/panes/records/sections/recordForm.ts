/**
 * What every record section asks (RULES.md#records): the service station whose book it is
 * (policy 3.7.6: a station's parts are kept in a book of their own), how many blank rows to
 * leave for typing, and whether to fill in the sample records. Pure, so it is tested in Node.
 */
import { text, type Locale, type Text } from "../../../../core/i18n/text";
import type { WorkbookPlan } from "../../../../sheets/plan";
import type { WorkbookReader } from "../../../../sheets/reader";
import type { Generation } from "../../generateSheets";

export interface RecordForm {
  readonly station: string;
  readonly blankRows: string;
  readonly sample: boolean;
}

export interface RecordOptions {
  readonly station: string;
  readonly blankRows: number;
  readonly sample: boolean;
  readonly locale: Locale;
  /** Today as a whole-day serial (the claims' as-of date). */
  readonly today: number;
}

export interface RecordFormErrors {
  readonly station?: Text;
  readonly blankRows?: Text;
}

export const MAX_BLANK_ROWS = 5000;
/** Longest station name: the sheet names ("出入库流水-<station>") must stay within Excel's 31 characters. */
export const MAX_STATION = 20;

export function initialRecordForm(blankRows: number): RecordForm {
  return { station: "", blankRows: String(blankRows), sample: false };
}

export function validateRecordForm(
  form: RecordForm,
  locale: Locale,
  today: number,
): { options: RecordOptions | null; errors: RecordFormErrors } {
  const errors: { station?: Text; blankRows?: Text } = {};
  const station = form.station.trim();
  if (station.length > MAX_STATION)
    errors.station = text(
      `服务站名称最多 ${MAX_STATION} 个字（工作表名称不能超过 31 个字符）`,
      `A station name has at most ${MAX_STATION} characters (sheet names are limited to 31)`,
    );
  const n = Number(form.blankRows.trim());
  if (form.blankRows.trim() === "" || !Number.isInteger(n) || n < 0 || n > MAX_BLANK_ROWS)
    errors.blankRows = text(
      `空白行数应为 0 到 ${MAX_BLANK_ROWS} 之间的整数`,
      `Blank rows must be a whole number from 0 to ${MAX_BLANK_ROWS}`,
    );
  if (errors.station || errors.blankRows) return { options: null, errors };
  return { options: { station, blankRows: n, sample: form.sample, locale, today }, errors };
}

/** The words a record section shows. */
export interface RecordSectionStrings {
  readonly title: Text;
  readonly intro: Text;
  readonly station: Text;
  readonly stationHint: Text;
  readonly blankRows: Text;
  readonly sample: Text;
  readonly generate: Text;
  readonly generating: Text;
}

/** A record section: its id (DOM and tests), words, default blank rows and its generation. */
export interface RecordSectionSpec<T> {
  readonly id: string;
  readonly strings: RecordSectionStrings;
  readonly defaultBlankRows: number;
  /** `workbook`: what the generation may read of the workbook first (e.g. whether 考核参数 has a name). */
  readonly generation: (options: RecordOptions, workbook: Pick<WorkbookReader, "readNames">) => Generation<T>;
}

/** The success message: which sheets were written. */
export function writtenMessage(sheets: readonly string[]): Text {
  return text(`已生成：${sheets.join("、")}`, `Generated: ${sheets.join(", ")}`);
}

/** A record book needs no 考核参数 sheet: the plan as built. */
export function recordPlan<T extends { readonly plan: WorkbookPlan }>(value: T): WorkbookPlan {
  return value.plan;
}

// ── The logs' form (LogSection in RecordSection.tsx) ──

export type LogSource = "blank" | "selection" | "sample";

/** A log section's form: where the entries come from, the blank rows, and (the call log) an as-of moment. */
export interface LogForm {
  readonly source: LogSource;
  readonly blankRows: string;
  /** The selected range as read (header row first). */
  readonly selection: {
    readonly address: string;
    readonly firstRow: number;
    readonly rows: readonly (readonly unknown[])[];
  } | null;
  /** Only a log with an as-of moment (the call log) has it. */
  readonly asOf?: string;
}

export type LogErrors = Partial<Record<"asOf" | "blankRows" | "source", Text>>;
