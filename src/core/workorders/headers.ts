/**
 * Finding the register's fields among the headers of a table exported from another system
 * (RULES.md#work-order-register): Chinese or English, common variants, any case or width, units in brackets.
 * The result is a *proposal* with a confidence per column; the user confirms or corrects it
 * in the pane, and {@link checkMapping} says what is still wrong with their choice.
 */
import { text, type Text } from "../i18n/text";
import { fail, ok, type Result } from "../problem";
import { isBlank } from "../values/blank";
import { normalizeText } from "../values/text";
import { AMBIGUOUS_HEADERS, ORDER_FIELDS, fieldDef, type OrderField } from "./fields";

/** Field → 0-based column index in the rows being read. A field left out is not mapped. */
export type ColumnMapping = Readonly<Partial<Record<OrderField, number>>>;

export type MatchHow = "exact" | "alias" | "keyword";

export interface ColumnMatch {
  readonly field: OrderField;
  /** 0-based column index within the range. */
  readonly column: number;
  /** The header as the user wrote it. */
  readonly header: string;
  /** 1 = the register's own header, 0.9 = a known variant, 0.6 = a keyword inside the header. */
  readonly confidence: number;
  readonly how: MatchHow;
}

export interface MappingProposal {
  readonly mapping: ColumnMapping;
  /** One entry per mapped field, in register field order. */
  readonly matches: readonly ColumnMatch[];
  /** Fields no header matched, in register field order. */
  readonly unmatchedFields: readonly OrderField[];
  /** 0-based indexes of non-blank headers that matched no field (shown so nothing is hidden). */
  readonly unmatchedColumns: readonly number[];
  /**
   * Columns whose header could mean more than one field ("公里数": the service radius or the
   * vehicle's mileage). They are left unmapped — never guessed — until the user says which.
   */
  readonly ambiguous: readonly AmbiguousColumn[];
}

/** A column the user must name: its header and the fields it could be. */
export interface AmbiguousColumn {
  readonly column: number;
  readonly header: string;
  readonly fields: readonly OrderField[];
}

const CONFIDENCE: Readonly<Record<MatchHow, number>> = { exact: 1, alias: 0.9, keyword: 0.6 };

/**
 * A header reduced to what identifies it: normalised width and spaces, lower case, a unit in
 * brackets removed ("服务半径(km)" → "服务半径"), spaces and punctuation removed.
 *
 * @example
 * headerKey(" 服务半径（KM） ") // → "服务半径"
 * headerKey("First-Time Fix") // → "firsttimefix"
 */
export function headerKey(header: string): string {
  const s = normalizeText(header).toLowerCase();
  const withoutBrackets = s.replace(/[(（[【][^)）\]】]*[)）\]】]/g, "");
  const base = withoutBrackets.trim() === "" ? s : withoutBrackets;
  return base.replace(/[\s\-_:：/\\.,，、*#'"’‘“”?？!！()（）[\]【】]/g, "");
}

interface Candidate {
  readonly field: OrderField;
  readonly column: number;
  readonly how: MatchHow;
  /** Tie-break among keyword matches: the longer keyword found is the better match. */
  readonly strength: number;
}

const EXACT = new Map<string, OrderField>();
const ALIAS = new Map<string, OrderField>();
for (const f of ORDER_FIELDS) {
  EXACT.set(headerKey(f.label.zh), f.id);
  EXACT.set(headerKey(f.label.en), f.id);
}
for (const f of ORDER_FIELDS) {
  for (const a of f.aliases) {
    const k = headerKey(a);
    if (!EXACT.has(k) && !ALIAS.has(k)) ALIAS.set(k, f.id);
  }
}
const KEYWORDS: readonly { field: OrderField; key: string }[] = ORDER_FIELDS.flatMap((f) =>
  f.keywords.map((k) => ({ field: f.id, key: headerKey(k) })),
);
const AMBIGUOUS = new Map<string, readonly OrderField[]>();
for (const a of AMBIGUOUS_HEADERS) for (const h of a.headers) AMBIGUOUS.set(headerKey(h), a.fields);

/**
 * The fields a header could equally be: a unit-only header ("公里数"), or keywords of two fields
 * that are easily confused ("里程距离"). null when the header is not ambiguous.
 */
export function ambiguousFields(header: unknown): readonly OrderField[] | null {
  const key = headerKey(headerText(header));
  if (key === "") return null;
  const listed = AMBIGUOUS.get(key);
  if (listed) return listed;
  if (EXACT.has(key) || ALIAS.has(key)) return null;
  const found = new Set(candidatesFor(headerText(header), 0).map((c) => c.field));
  for (const a of AMBIGUOUS_HEADERS) {
    const both = a.fields.filter((f) => found.has(f));
    if (both.length > 1) return both;
  }
  return null;
}

function candidatesFor(header: string, column: number): Candidate[] {
  const key = headerKey(header);
  if (key === "" || AMBIGUOUS.has(key)) return [];
  const exact = EXACT.get(key);
  if (exact) return [{ field: exact, column, how: "exact", strength: key.length }];
  const alias = ALIAS.get(key);
  if (alias) return [{ field: alias, column, how: "alias", strength: key.length }];
  const out: Candidate[] = [];
  for (const { field, key: k } of KEYWORDS) {
    if (k.length >= 2 && key.includes(k)) out.push({ field, column, how: "keyword", strength: k.length });
  }
  return out;
}

function headerText(value: unknown): string {
  if (isBlank(value)) return "";
  return typeof value === "string" ? value : String(value);
}

/**
 * Proposes which column holds which field. Each column serves at most one field and each
 * field takes at most one column: the best matches are assigned first (exact header, then a
 * known variant, then a keyword; a longer keyword before a shorter one; leftmost column on a
 * tie). Blank headers are ignored.
 *
 * @example
 * proposeMapping(["单号", "工程师", "报修日期", "满意度"]).mapping
 *   // → { orderId: 0, technician: 1, reportedAt: 2, satisfaction: 3 }
 */
export function proposeMapping(headers: readonly unknown[]): MappingProposal {
  const texts = headers.map(headerText);
  const ambiguous: AmbiguousColumn[] = [];
  texts.forEach((h, column) => {
    const fields = ambiguousFields(h);
    if (fields) ambiguous.push({ column, header: h, fields });
  });
  const unsure = new Set(ambiguous.map((a) => a.column));
  const all: Candidate[] = texts.flatMap((h, i) => (unsure.has(i) ? [] : candidatesFor(h, i)));
  all.sort((a, b) => CONFIDENCE[b.how] - CONFIDENCE[a.how] || b.strength - a.strength || a.column - b.column);
  const usedColumns = new Set<number>();
  const mapping: Partial<Record<OrderField, number>> = {};
  const byField = new Map<OrderField, ColumnMatch>();
  for (const c of all) {
    if (usedColumns.has(c.column) || byField.has(c.field)) continue;
    usedColumns.add(c.column);
    mapping[c.field] = c.column;
    byField.set(c.field, {
      field: c.field,
      column: c.column,
      header: texts[c.column],
      confidence: CONFIDENCE[c.how],
      how: c.how,
    });
  }
  const matches = ORDER_FIELDS.map((f) => byField.get(f.id)).filter((m): m is ColumnMatch => m !== undefined);
  return {
    mapping,
    matches,
    unmatchedFields: ORDER_FIELDS.filter((f) => !byField.has(f.id)).map((f) => f.id),
    unmatchedColumns: texts
      .map((h, i) => (h.trim() !== "" && !usedColumns.has(i) && !unsure.has(i) ? i : -1))
      .filter((i) => i >= 0),
    ambiguous,
  };
}

/**
 * The row (0-based, among the first `scan` rows) that looks most like the header row: the one
 * whose cells match the most fields, preferring a row that has 报修时间. Exports often put a
 * title or a date line above the headers. Returns 0 when nothing matches anywhere.
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[], scan = 10): number {
  let best = 0;
  let bestScore = -1;
  for (let r = 0; r < Math.min(scan, rows.length); r++) {
    const p = proposeMapping(rows[r]);
    const score = p.matches.reduce((s, m) => s + m.confidence, 0) + (p.mapping.reportedAt !== undefined ? 2 : 0);
    if (score > bestScore + 1e-9) {
      best = r;
      bestScore = score;
    }
  }
  return bestScore > 0 ? best : 0;
}

/**
 * What is wrong with a mapping the user confirmed: 报修时间 must be mapped (without it no
 * order can be placed in a month), a column may serve only one field, and every index must be
 * a column of the range. The message names the fields and headers involved.
 */
export function checkMapping(mapping: ColumnMapping, headers: readonly unknown[]): Result<ColumnMapping> {
  const name = (i: number): string => headerText(headers[i]) || `#${i + 1}`;
  const seen = new Map<number, OrderField>();
  for (const f of ORDER_FIELDS) {
    const col = mapping[f.id];
    if (col === undefined) continue;
    if (!Number.isInteger(col) || col < 0 || col >= headers.length) {
      return fail(
        "value",
        text(
          `“${f.label.zh}”指向的列不存在（第 ${col + 1} 列）`,
          `"${f.label.en}" points at a column that does not exist (column ${col + 1})`,
        ),
      );
    }
    const other = seen.get(col);
    if (other) {
      const o = fieldDef(other).label;
      return fail(
        "value",
        text(
          `“${name(col)}”列不能同时作为“${o.zh}”和“${f.label.zh}”`,
          `column "${name(col)}" cannot be both "${o.en}" and "${f.label.en}"`,
        ),
      );
    }
    seen.set(col, f.id);
  }
  for (const f of ORDER_FIELDS) {
    if (f.required && mapping[f.id] === undefined) {
      return fail("na", requiredMissing(f.label));
    }
  }
  return ok(mapping);
}

function requiredMissing(label: Text): Text {
  return text(
    `请指定“${label.zh}”所在的列：没有它，工单无法归入月份`,
    `choose the column that holds "${label.en}" (${label.zh}): without it no order can be placed in a month`,
  );
}
