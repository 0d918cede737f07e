/**
 * How Excel turns what is written through `range.values` / `range.formulas` into cell content,
 * the way typing into a cell does: "=…" becomes a formula, "+…"/"-…"/"@…" too unless they are
 * numbers, a leading apostrophe makes the rest text (quote prefix), numeric-looking text becomes
 * a number, TRUE/FALSE booleans, ISO dates serial numbers, "#N/A" an error. In a cell formatted
 * as text ("@") the entry is kept literally. This is what makes injection bugs visible in tests.
 */
import type { CellState } from "./state";
import { fail } from "./errors";

export type Entry = { kind: "unchanged" } | { kind: "clear" } | { kind: "set"; cell: CellState };

const ERRORS = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"]);

function numeric(s: string): number | undefined {
  const t = s.trim();
  const pct = t.endsWith("%");
  const body = (pct ? t.slice(0, -1) : t).replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return undefined;
  const n = Number(body);
  return Number.isFinite(n) ? (pct ? n / 100 : n) : undefined;
}

function isoDateSerial(s: string): number | undefined {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(s.trim());
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(ms)) return undefined;
  return (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export function parseEntry(input: unknown, textFormatted: boolean): Entry {
  if (input === null || input === undefined) return { kind: "unchanged" };
  if (input === "") return { kind: "clear" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail("InvalidArgument", `Invalid number ${input}`);
    return { kind: "set", cell: { value: input } };
  }
  if (typeof input === "boolean") return { kind: "set", cell: { value: input } };
  if (typeof input !== "string") fail("InvalidArgument", `Unsupported cell value ${JSON.stringify(input)}`);
  const s = input;
  if (textFormatted) return { kind: "set", cell: { value: s } };
  if (s.startsWith("'")) {
    const rest = s.slice(1);
    return rest === ""
      ? { kind: "set", cell: { value: "", quotePrefix: true } }
      : { kind: "set", cell: { value: rest, quotePrefix: true } };
  }
  if (s.startsWith("=") && s.length > 1) return { kind: "set", cell: { formula: s } };
  const n = numeric(s);
  if (n !== undefined) return { kind: "set", cell: { value: n } };
  if ((s.startsWith("+") || s.startsWith("-")) && s.length > 1) return { kind: "set", cell: { formula: `=${s}` } };
  if (s.startsWith("@") && s.length > 1) return { kind: "set", cell: { formula: `=${s.slice(1)}` } };
  if (/^(true|false)$/i.test(s)) return { kind: "set", cell: { value: s.toLowerCase() === "true" } };
  const d = isoDateSerial(s);
  if (d !== undefined) return { kind: "set", cell: { value: d } };
  if (ERRORS.has(s.toUpperCase())) return { kind: "set", cell: { error: s.toUpperCase() } };
  return { kind: "set", cell: { value: s } };
}
