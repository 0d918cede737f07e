/**
 * Reading a record table (备件目录, 出入库流水, 三包件, 二次索赔 …) from the rows of a CSV or a
 * sheet: the header row names the columns (in Chinese or English, any order, extra columns
 * ignored), every following non-blank row becomes one record. The first cell that cannot be
 * read stops the import with a problem naming its row (as the user sees it, header = row 1) and
 * its column header — a record book is money and stock, so nothing is guessed or skipped.
 * Identifiers are read as the text the user sees (cellText: 00123 stays "00123" when it was
 * text; a number is written in plain digits).
 */
import { text, type Text } from "../i18n/text";
import { fail, ok, type Result } from "../problem";
import { parseDateTime } from "../dates";
import { isBlank } from "../values/blank";
import { cellText } from "../values/cellText";
import { normalizeText } from "../values/text";

export type FieldKind = "text" | "number" | "date" | "yesNo" | "choice";

export interface FieldSpec<Id extends string = string> {
  readonly id: Id;
  readonly label: Text;
  readonly kind: FieldKind;
  readonly required?: boolean;
  /** For "number": the smallest value allowed. */
  readonly min?: number;
  /** For "choice": the values and the words (zh or en) that mean them. */
  readonly choices?: readonly { readonly value: string; readonly label: Text }[];
}

export type FieldValue = string | number | boolean | null;

export interface ReadRecords<Id extends string> {
  readonly records: readonly Readonly<Record<Id, FieldValue>>[];
  /** The source row (header = 1) of each record. */
  readonly rows: readonly number[];
}

const YES = new Set(["是", "y", "yes", "true", "1", "√", "✓", "有", "已收回"]);
const NO = new Set(["否", "n", "no", "false", "0", "×", "无", "未收回"]);

function same(a: string, b: string): boolean {
  return normalizeText(a).toLowerCase() === normalizeText(b).toLowerCase();
}

/** Reads the rows (the first is the header) of a table named `what` into records of `fields`. */
export function readRecords<Id extends string>(
  rows: readonly (readonly unknown[])[],
  fields: readonly FieldSpec<Id>[],
  what: Text,
): Result<ReadRecords<Id>> {
  if (rows.length === 0) return fail("na", text(`${what.zh}是空的`, `${what.en} is empty`));
  const header = rows[0]!.map((h) => cellText(h));
  const columnOf = new Map<Id, number>();
  for (const f of fields) {
    const i = header.findIndex((h) => h !== "" && (same(h, f.label.zh) || same(h, f.label.en)));
    if (i >= 0) columnOf.set(f.id, i);
    else if (f.required)
      return fail(
        "value",
        text(
          `${what.zh}缺少“${f.label.zh}”列（第 1 行是标题行）`,
          `${what.en} has no “${f.label.en}” column (row 1 is the header row)`,
        ),
        { row: 1, reason: { code: "missingColumn", params: { field: f.id } } },
      );
  }
  const records: Record<Id, FieldValue>[] = [];
  const sourceRows: number[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((v) => isBlank(v))) continue;
    const record = {} as Record<Id, FieldValue>;
    for (const f of fields) {
      const c = columnOf.get(f.id);
      const raw = c === undefined ? null : row[c];
      const read = readField(raw, f);
      if (!read.ok)
        return fail("value", read.problem.message, {
          row: r + 1,
          column: c === undefined ? pickLabel(f) : header[c]!,
          reason: { code: "badCell", params: { field: f.id } },
        });
      record[f.id] = read.value;
    }
    records.push(record);
    sourceRows.push(r + 1);
  }
  return ok({ records, rows: sourceRows });
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
  const r = readRecords(rows, fields, what);
  if (!r.ok) return r;
  return ok(
    r.value.records.map((x) => {
      const out: Record<string, FieldValue> = {};
      for (const f of fields) {
        const v = x[f.id];
        out[f.id] = f.kind === "text" ? (typeof v === "string" ? v : "") : v;
      }
      return out as T;
    }),
  );
}

function pickLabel(f: FieldSpec): string {
  return f.label.zh;
}

/** One cell of a field: its value, null when blank (and not required), or why it cannot be read. */
export function readField(raw: unknown, f: FieldSpec): Result<FieldValue> {
  if (isBlank(raw)) {
    if (f.required) return fail("value", text(`${f.label.zh}不能为空`, `${f.label.en} must not be blank`));
    return ok(null);
  }
  switch (f.kind) {
    case "text":
      return ok(cellText(raw));
    case "number": {
      const n = typeof raw === "number" ? raw : Number(normalizeText(String(raw)).replace(/,/g, ""));
      if (typeof raw === "boolean" || !Number.isFinite(n))
        return fail(
          "value",
          text(`${f.label.zh}“${cellText(raw)}”不是数字`, `${f.label.en} “${cellText(raw)}” is not a number`),
        );
      if (f.min !== undefined && n < f.min)
        return fail(
          "num",
          text(`${f.label.zh}不能小于 ${f.min}（是 ${n}）`, `${f.label.en} must be at least ${f.min} (it is ${n})`),
        );
      return ok(n);
    }
    case "date": {
      const d = parseDateTime(raw, f.label);
      if (!d.ok) return d;
      return ok(d.value === null ? null : Math.floor(d.value));
    }
    case "yesNo": {
      const s = normalizeText(cellText(raw)).toLowerCase();
      if (YES.has(s)) return ok(true);
      if (NO.has(s)) return ok(false);
      return fail(
        "value",
        text(
          `${f.label.zh}应为“是”或“否”（是“${cellText(raw)}”）`,
          `${f.label.en} must be yes or no (it is “${cellText(raw)}”)`,
        ),
      );
    }
    case "choice": {
      const s = cellText(raw);
      const hit = (f.choices ?? []).find((c) => same(s, c.value) || same(s, c.label.zh) || same(s, c.label.en));
      if (hit) return ok(hit.value);
      const words = (f.choices ?? []).map((c) => c.label);
      return fail(
        "value",
        text(
          `${f.label.zh}“${s}”不是可选值（${words.map((w) => w.zh).join("、")}）`,
          `${f.label.en} “${s}” is not one of ${words.map((w) => w.en).join(", ")}`,
        ),
      );
    }
  }
}

/** Codes compare as Excel's `=` compares text: trimmed, case-insensitive. */
export function codeKey(code: string): string {
  return code.trim().toLowerCase();
}

/** Rounds away binary noise before a comparison with zero (quantities and money). */
export function clean(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
