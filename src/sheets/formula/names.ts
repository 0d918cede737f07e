/**
 * Naming rules both writers share: sheet names (31 characters, no []:*?/\, unique ignoring
 * case, "Name (2)" when taken), defined names, table names and the plan marker names
 * `SVC_PLAN_<kind>_<n>`.
 */
import { isCellAddress } from "./a1";

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN_SHEET_CHARS = /[\\/?*:[\]]/g;

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let t = s.slice(0, max);
  const last = t.charCodeAt(t.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) t = t.slice(0, -1);
  return t;
}

/**
 * Makes a string acceptable as a sheet name: forbidden characters become "_", control
 * characters are dropped, leading/trailing apostrophes and spaces are removed, at most 31
 * characters; an empty result becomes "Sheet".
 */
export function sanitizeSheetName(name: string): string {
  let s = name.replace(FORBIDDEN_SHEET_CHARS, "_").replace(/[\u0000-\u001f\u007f]/g, "");
  s = s.replace(/^['\s]+|['\s]+$/g, "");
  s = cut(s, MAX_SHEET_NAME_LENGTH).replace(/['\s]+$/g, "");
  return s === "" ? "Sheet" : s;
}

/** Excel refuses "History" as a sheet name (reserved for change tracking). */
const RESERVED_SHEET_NAMES = new Set(["history"]);

export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME_LENGTH &&
    !/[\\/?*:[\]]/.test(name) &&
    !/^'|'$/.test(name) &&
    !RESERVED_SHEET_NAMES.has(name.toLowerCase())
  );
}

/**
 * The sheet name to use for `wanted` given the names already in the workbook (compared
 * ignoring case, as Excel does): `wanted` itself when free, else "wanted (2)", "wanted (3)"…,
 * the base shortened so the whole name stays within 31 characters.
 */
export function uniqueSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set<string>();
  for (const e of existing) taken.add(e.toLowerCase());
  const base = sanitizeSheetName(wanted);
  const free = (n: string) => !taken.has(n.toLowerCase()) && !RESERVED_SHEET_NAMES.has(n.toLowerCase());
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const head = cut(base, MAX_SHEET_NAME_LENGTH - suffix.length).replace(/\s+$/, "");
    const candidate = head + suffix;
    if (free(candidate)) return candidate;
  }
}

/**
 * Defined-name rules (Excel): starts with a letter, "_" or "\"; then letters, digits, "_", ".",
 * "\" or "?"; at most 255 characters; not a cell reference (A1 or R1C1 style); not TRUE/FALSE.
 * Non-ASCII letters (Chinese names) are allowed.
 */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\\u00A0-\uFFFF][A-Za-z0-9_.\\?\u00A0-\uFFFF]*$/.test(name)) return false;
  if (isCellAddress(name)) return false;
  if (/^(R|C|R\d+|C\d+|R\d*C\d*)$/i.test(name)) return false;
  if (/^(TRUE|FALSE)$/i.test(name)) return false;
  return true;
}

/** Table names follow the defined-name rules, share their namespace, and may not contain "." or "?"… kept simple: letters, digits, "_". */
export function sanitizeTableName(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_\u00A0-\uFFFF]/g, "_");
  if (!/^[A-Za-z_\u00A0-\uFFFF]/.test(s)) s = `T_${s}`;
  s = s.slice(0, 250);
  return isValidDefinedName(s) ? s : `T_${s}`;
}

/** `wanted` when free (ignoring case) in `existing`, else `wanted_2`, `wanted_3`… */
export function uniqueName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set<string>();
  for (const e of existing) taken.add(e.toLowerCase());
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}_${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export const MARKER_NAME_PREFIX = "SVC_PLAN_";

/** The first free `SVC_PLAN_<kind>_<n>` (n ≥ 1) among `existing` names. */
export function markerName(kind: string, existing: Iterable<string>): string {
  const taken = new Set<string>();
  for (const e of existing) taken.add(e.toLowerCase());
  for (let n = 1; ; n++) {
    const candidate = `${MARKER_NAME_PREFIX}${kind}_${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export function isMarkerName(name: string): boolean {
  return /^SVC_PLAN_[A-Za-z0-9]+_\d+$/i.test(name);
}
