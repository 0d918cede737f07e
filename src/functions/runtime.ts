/**
 * The only place the custom functions touch their host. It needs nothing but the
 * `CustomFunctions` global, read lazily (never at module load), and reads `Office` only
 * behind a `typeof` guard — so the bundle loads in Excel's JavaScript-only runtime, in the
 * shared runtime, and in a plain Node `vm` that defines `CustomFunctions` alone.
 */
import { pick, resolveLocale, text, type Locale, type Text } from "../core/i18n/text";
import type { Problem, ProblemKind } from "../core/problem";

/** A result cell: a value, or an Excel error in that cell only. */
export type Cell<T> = T | CustomFunctions.Error;
export type Grid<T> = Cell<T>[][];

/**
 * The user's language: zh-CN when Office's display language is any Chinese, else en-US.
 * Outside Office (no `Office` global, or not initialised yet) → en-US.
 */
export function currentLocale(): Locale {
  try {
    if (
      typeof Office !== "undefined" &&
      Office !== null &&
      typeof Office.context === "object" &&
      Office.context !== null
    ) {
      return resolveLocale(Office.context.displayLanguage);
    }
  } catch {
    // Office.js present but not ready: fall through.
  }
  return "en-US";
}

/** Longest message Excel shows in a cell's error indicator (kept well-formed when cut). */
export const MAX_MESSAGE_LENGTH = 255;

/**
 * Cuts a message to {@link MAX_MESSAGE_LENGTH} UTF-16 units, ending with "…", never
 * splitting a surrogate pair.
 */
export function clipMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  let cut = MAX_MESSAGE_LENGTH - 1;
  const code = message.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return message.slice(0, cut) + "…";
}

function errorCode(kind: ProblemKind): CustomFunctions.ErrorCode {
  switch (kind) {
    case "num":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "na":
      return CustomFunctions.ErrorCode.notAvailable;
    default:
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

/**
 * A problem as an Excel error: kind value → #VALUE!, num → #NUM!, na → #N/A, with the message
 * in the user's language. (Excel currently shows custom messages for #VALUE! and #N/A only;
 * #NUM! carries the message too, for hosts that show it.)
 */
export function toError(kind: ProblemKind, message: Text, locale: Locale): CustomFunctions.Error {
  return new CustomFunctions.Error(errorCode(kind), clipMessage(pick(message, locale)));
}

export function problemError(p: Problem, locale: Locale): CustomFunctions.Error {
  return toError(p.kind, p.message, locale);
}

/** Prefixes a problem's message with where it happened: "weights: …". */
export function within(where: Text, p: Problem): Problem {
  return { ...p, message: text(`${where.zh}：${p.message.zh}`, `${where.en}: ${p.message.en}`) };
}

const ERROR_CODES = new Set([
  "#VALUE!",
  "#N/A",
  "#NUM!",
  "#DIV/0!",
  "#NULL!",
  "#NAME?",
  "#REF!",
  "#BUSY!",
  "#CALC!",
  "#SPILL!",
  "#GETTING_DATA",
  "#FIELD!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#TIMEOUT!",
]);
/** Errors a custom function may return as they are; others come back as #VALUE! with a message. */
const PASSABLE = new Set(["#VALUE!", "#N/A", "#NUM!", "#DIV/0!", "#NULL!"]);
const ERROR_TYPES: Readonly<Record<string, string>> = {
  div0: "#DIV/0!",
  na: "#N/A",
  name: "#NAME?",
  null: "#NULL!",
  num: "#NUM!",
  ref: "#REF!",
  value: "#VALUE!",
  busy: "#BUSY!",
  calc: "#CALC!",
  spill: "#SPILL!",
  gettingdata: "#GETTING_DATA",
  field: "#FIELD!",
  connect: "#CONNECT!",
  blocked: "#BLOCKED!",
};

/**
 * An input cell that is not a plain value: an Excel error (a `CustomFunctions.Error`, an
 * object with an error `code`, or an `Excel.ErrorCellValue`) comes back as an error for the
 * result cells it feeds, naming the error; any other object (entity, image…) is #VALUE!.
 * Plain values (number, string, boolean, null/undefined) → `null`.
 */
export function inputError(value: unknown, locale: Locale): CustomFunctions.Error | null {
  if (value === null || typeof value !== "object") return null;
  const v = value as { code?: unknown; type?: unknown; errorType?: unknown };
  let code: string | null = null;
  if (typeof v.code === "string" && ERROR_CODES.has(v.code)) code = v.code;
  else if (v.type === "Error" && typeof v.errorType === "string")
    code = ERROR_TYPES[v.errorType.toLowerCase()] ?? "#VALUE!";
  if (code === null) {
    return toError(
      "value",
      text("输入中有无法识别的值（对象）", "the input holds a value that is not a number, text or logical (an object)"),
      locale,
    );
  }
  const message = text(`输入单元格含错误值 ${code}`, `an input cell holds the error ${code}`);
  if (PASSABLE.has(code)) {
    return new CustomFunctions.Error(code as CustomFunctions.ErrorCode, clipMessage(pick(message, locale)));
  }
  return toError("value", message, locale);
}
