/**
 * Reading a record table as a clerk keeps it (a selected range, an .xlsx sheet, a .csv): a header
 * row in Chinese or English, then one record per row. One field description (FieldSpec) and one
 * cell reader (readField) serve every record book, and one table reader (readRecordTable): nothing
 * is dropped silently and nothing is guessed: a cell that cannot be read is reported with its row
 * (as the user sees it), its column header and the reason, and read as blank; a row missing a
 * required field is reported and left out (call/letter log, conduct log; RULES.md#call-and-letter-log
 * and after). A record book of money and stock (spare-parts ledger, 三包件, 二次索赔) reads with
 * readStrict / readTyped, the same reader whose first problem stops the import.
 * Texts stay exactly as typed (trimmed);
 * identifiers are read as the user sees them (cellText), never as rounded numbers.
 */
import { text, type Text } from "../i18n/text";
import { ok, problem, type Problem, type Result } from "../problem";
import { isBlank } from "../values/blank";
import { describeValue } from "../values/describe";
import { normalizeText } from "../values/text";
import { toNumber } from "../values/toNumber";
import { parseDateTime } from "../dates/parseDateTime";
import {
  cellText,
  errorCellMessage,
  excelErrorOf,
  idPrecisionLost,
  MAX_CELL_CHARS,
  precisionLostMessage,
  tooLongMessage,
} from "../values/cellText";

/** How a column is read. */
export type FieldKind =
  | { readonly type: "text" }
  /** An identifier (order number, 工号): text exactly as shown. */
  | { readonly type: "id" }
  | { readonly type: "dateTime" }
  /** A day: the date part of what was typed (serial, time dropped). */
  | { readonly type: "date" }
  /** 是/否, yes/no, √/×, 有/无, 已收回/未收回. */
  | { readonly type: "yesNo" }
  | { readonly type: "number"; readonly min?: number; readonly max?: number; readonly whole?: boolean }
  /**
   * One of a few values; `options` maps each code to its words (the labels and aliases, any case):
   * its Chinese label first, its English label second (the error messages list them so).
   */
  | { readonly type: "choice"; readonly options: Readonly<Record<string, readonly string[]>> };

export interface FieldSpec<Id extends string = string> {
  readonly id: Id;
  readonly label: Text;
  /** Header texts accepted for this column (compared case- and width-insensitively); the label's two are always accepted. */
  readonly headers?: readonly string[];
  readonly kind: FieldKind;
  readonly required?: boolean;
}

export type RecordValue = string | number | boolean | null;

/** One row that was read: its row number as the user sees it and its fields (null = blank). */
export interface RecordRow {
  readonly row: number;
  readonly values: Readonly<Record<string, RecordValue>>;
}

export interface RecordTableRead {
  readonly rows: readonly RecordRow[];
  /** Non-empty rows below the header. */
  readonly rowsRead: number;
  readonly problems: readonly Problem[];
  /** True when nothing can be read (no header naming any required column); a problem says why. */
  readonly fatal: boolean;
}

const YES = new Set(["是", "y", "yes", "true", "1", "√", "✓", "有", "已收回"]);
const NO = new Set(["否", "n", "no", "false", "0", "×", "无", "未收回"]);

function headerKey(h: string): string {
  return normalizeText(h)
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

function choiceKey(s: string): string {
  return normalizeText(s).toLowerCase().replace(/\s+/g, "");
}

/** The words of a choice field, for messages in `language`: each code's label in it (zh first, en second). */
function choiceWords(options: Readonly<Record<string, readonly string[]>>, language: "zh" | "en"): string {
  return Object.values(options)
    .map((words) => (language === "zh" ? words[0] : (words[1] ?? words[0])))
    .join(" / ");
}

/** Reads one cell of a field: its value, or why it cannot be read. */
export function readField(spec: FieldSpec, value: unknown): { value: RecordValue; reason?: Text } {
  const error = excelErrorOf(value);
  if (error !== null) return { value: null, reason: errorCellMessage(spec.label, error) };
  if (isBlank(value)) return { value: null };
  const kind = spec.kind;
  switch (kind.type) {
    case "text":
    case "id": {
      const s = cellText(value);
      if (s.length > MAX_CELL_CHARS) return { value: null, reason: tooLongMessage(spec.label, s.length) };
      if (kind.type === "id" && idPrecisionLost(value))
        return { value: s, reason: precisionLostMessage(spec.label, s) };
      return { value: s === "" ? null : s };
    }
    case "dateTime": {
      const r = parseDateTime(value, spec.label);
      return r.ok ? { value: r.value } : { value: null, reason: r.problem.message };
    }
    case "date": {
      const r = parseDateTime(value, spec.label);
      if (!r.ok) return { value: null, reason: r.problem.message };
      return { value: r.value === null ? null : Math.floor(r.value) };
    }
    case "yesNo": {
      const s = normalizeText(cellText(value)).toLowerCase();
      if (YES.has(s)) return { value: true };
      if (NO.has(s)) return { value: false };
      return {
        value: null,
        reason: text(
          `${spec.label.zh}应为“是”或“否”（是“${cellText(value)}”）`,
          `${spec.label.en} must be yes or no (it is “${cellText(value)}”)`,
        ),
      };
    }
    case "number": {
      const r = toNumber(value, spec.label);
      if (!r.ok) return { value: null, reason: r.problem.message };
      const n = r.value;
      if (n === null) return { value: null };
      const low = kind.min ?? -Infinity;
      const high = kind.max ?? Infinity;
      if (n < low || n > high || (kind.whole && !Number.isInteger(n))) {
        const range = `${kind.min ?? "…"}–${kind.max ?? "…"}`;
        return {
          value: null,
          reason: text(
            `${spec.label.zh}应为 ${range} 的${kind.whole ? "整数" : "数"}（现为 ${n}）`,
            `${spec.label.en} must be a ${kind.whole ? "whole number" : "number"} in ${range} (got ${n})`,
          ),
        };
      }
      return { value: n };
    }
    case "choice": {
      if (typeof value === "string") {
        const k = choiceKey(value);
        for (const [code, words] of Object.entries(kind.options))
          if (words.some((w) => choiceKey(w) === k)) return { value: code };
      }
      const d = describeValue(value);
      return {
        value: null,
        reason: text(
          `${spec.label.zh}应为 ${choiceWords(kind.options, "zh")} 之一，而不是${d.zh}`,
          `${spec.label.en} must be one of ${choiceWords(kind.options, "en")}, not ${d.en}`,
        ),
      };
    }
  }
}

/**
 * Reads `values` (header row first, as `firstRow` on the user's sheet) against `fields`. Unknown
 * columns are ignored; a field's column is the first whose header matches it.
 */
export function readRecordTable(
  values: readonly (readonly unknown[])[],
  fields: readonly FieldSpec[],
  options: { readonly firstRow?: number; readonly what: Text },
): RecordTableRead {
  const firstRow = options.firstRow ?? 1;
  const problems: Problem[] = [];
  const headerIndex = values.findIndex((r) => r.some((v) => !isBlank(v)));
  const header = headerIndex < 0 ? [] : values[headerIndex]!;
  const columnOf = new Map<string, number>();
  header.forEach((h, i) => {
    if (typeof h !== "string") return;
    const key = headerKey(h);
    const field = fields.find(
      (f) => !columnOf.has(f.id) && [f.label.zh, f.label.en, ...(f.headers ?? [])].some((x) => headerKey(x) === key),
    );
    if (field) columnOf.set(field.id, i);
  });
  const missing = fields.filter((f) => f.required && !columnOf.has(f.id));
  if (headerIndex < 0 || missing.length > 0) {
    const names = missing.map((f) => f.label);
    problems.push(
      problem(
        "na",
        headerIndex < 0
          ? text(`${options.what.zh}是空的`, `${options.what.en} is empty`)
          : text(
              `${options.what.zh}的标题行缺少列：${names.map((n) => n.zh).join("、")}`,
              `the header row of ${options.what.en} lacks the column(s): ${names.map((n) => n.en).join(", ")}`,
            ),
        {
          row: headerIndex < 0 ? firstRow : firstRow + headerIndex,
          ...(missing[0] ? { reason: { code: "missingColumn", params: { field: missing[0].id } } } : {}),
        },
      ),
    );
    return { rows: [], rowsRead: 0, problems, fatal: true };
  }
  const rows: RecordRow[] = [];
  let rowsRead = 0;
  for (let i = headerIndex + 1; i < values.length; i++) {
    const raw = values[i]!;
    if (![...columnOf.values()].some((c) => !isBlank(raw[c]))) continue;
    rowsRead++;
    const row = firstRow + i;
    const record: Record<string, RecordValue> = {};
    let usable = true;
    for (const f of fields) {
      const c = columnOf.get(f.id);
      const cell = c === undefined ? null : raw[c];
      const read = readField(f, cell);
      const where = { row, column: headerText(header[c!], f), reason: { code: "badCell", params: { field: f.id } } };
      if (read.reason) problems.push(problem("value", read.reason, where));
      record[f.id] = read.value;
      if (f.required && read.value === null) {
        usable = false;
        if (!read.reason) {
          const blank = { ...where, reason: { code: "badCell", params: { field: f.id, blank: "required" } } };
          problems.push(
            problem("na", text(`${f.label.zh}为空，此行未收录`, `${f.label.en} is blank; the row is left out`), blank),
          );
        } else problems.push(problem("na", text("此行未收录", "the row is left out"), where));
      }
    }
    if (usable) rows.push({ row, values: record });
  }
  return { rows, rowsRead, problems, fatal: false };
}

function headerText(h: unknown, f: FieldSpec): string {
  return typeof h === "string" && h.trim() !== "" ? h.trim() : f.label.zh;
}

/**
 * Reads a record book of money or stock (rows header first, header = row 1) with readRecordTable,
 * stopping at its first problem: the import is refused, naming the row and column.
 */
export function readStrict(
  rows: readonly (readonly unknown[])[],
  fields: readonly FieldSpec[],
  what: Text,
): Result<readonly RecordRow[]> {
  const read = readRecordTable(rows, fields, { what });
  const first = read.problems[0];
  if (!first) return ok(read.rows);
  // A blank required cell refuses the import: no row is "left out", the cell must be filled.
  const blank =
    first.reason?.params?.blank === "required" ? fields.find((f) => f.id === first.reason?.params?.field) : undefined;
  const message = blank ? text(`${blank.label.zh}不能为空`, `${blank.label.en} must not be blank`) : first.message;
  return { ok: false, problem: { ...first, kind: blank ? "value" : first.kind, message } };
}

/**
 * The records of a table as objects of type `T` whose keys are the fields' ids: text fields ""
 * when blank, other fields null when blank. For record types whose fields are exactly `T`'s keys.
 */
export function readTyped<T>(
  rows: readonly (readonly unknown[])[],
  fields: readonly FieldSpec<Extract<keyof T, string>>[],
  what: Text,
): Result<readonly T[]> {
  const r = readStrict(rows, fields, what);
  if (!r.ok) return r;
  return ok(
    r.value.map(({ values: x }) => {
      const out: Record<string, RecordValue> = {};
      for (const f of fields) {
        const v = x[f.id];
        out[f.id] = f.kind.type === "text" || f.kind.type === "id" ? (typeof v === "string" ? v : "") : v;
      }
      return out as T;
    }),
  );
}

/** Codes compare as Excel's `=` compares text: trimmed, case-insensitive. */
export function codeKey(code: string): string {
  return code.trim().toLowerCase();
}

/** Rounds away binary noise before a comparison with zero (quantities and money). */
export function clean(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
