/**
 * A small, honest test double of the `CustomFunctions` global that Excel's runtime provides:
 * `CustomFunctions.Error` (with `code` and `message`), `CustomFunctions.ErrorCode` (the real
 * enum values, e.g. "#VALUE!"), and `associate` recording registrations. Install it before
 * calling the functions; errors it creates are inspectable with `isCfError`/`errorOf`.
 */

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type FakeErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const OUTPUT_CODES = new Set<string>(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"]);

export class FakeCustomFunctionsError {
  readonly code: FakeErrorCode;
  readonly message?: string;
  constructor(code: FakeErrorCode, message?: string) {
    if (!Object.values(ErrorCode).includes(code)) throw new TypeError(`unknown error code ${String(code)}`);
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

export interface FakeCustomFunctions {
  readonly Error: typeof FakeCustomFunctionsError;
  readonly ErrorCode: typeof ErrorCode;
  readonly associated: Map<string, (...args: unknown[]) => unknown>;
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
}

/** A fresh fake, not installed anywhere (for a `vm` context). */
export function createCustomFunctionsGlobal(): FakeCustomFunctions {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: FakeCustomFunctionsError,
    ErrorCode,
    associated,
    associate(id, fn) {
      if (associated.has(id)) throw new Error(`duplicate associate for ${id}`);
      associated.set(id, fn);
    },
  };
}

/** Installs a fresh fake as `globalThis.CustomFunctions`; returns it and a function that restores the previous global. */
export function installCustomFunctionsGlobal(): { fake: FakeCustomFunctions; uninstall: () => void } {
  const g = globalThis as { CustomFunctions?: unknown };
  const previous = g.CustomFunctions;
  const fake = createCustomFunctionsGlobal();
  g.CustomFunctions = fake;
  return {
    fake,
    uninstall: () => {
      if (previous === undefined) delete g.CustomFunctions;
      else g.CustomFunctions = previous;
    },
  };
}

/** Installs `globalThis.Office` with a display language (or removes it with `null`). */
export function setOfficeDisplayLanguage(lang: string | null): () => void {
  const g = globalThis as { Office?: unknown };
  const previous = g.Office;
  if (lang === null) delete g.Office;
  else g.Office = { context: { displayLanguage: lang } };
  return () => {
    if (previous === undefined) delete g.Office;
    else g.Office = previous;
  };
}

/** True for an error object made by the fake (or any object shaped like a CustomFunctions.Error). */
export function isCfError(v: unknown): v is { code: string; message?: string } {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as { code?: unknown }).code === "string" &&
    String((v as { code: string }).code).startsWith("#")
  );
}

/** `{ code, message }` of an error cell, or throws if the cell is not an error (a failing test). */
export function errorOf(v: unknown): { code: string; message: string } {
  if (!isCfError(v)) throw new Error(`expected an error cell, got ${JSON.stringify(v)}`);
  return { code: v.code, message: v.message ?? "" };
}

/** Whether a code may be returned by a custom function (Excel rejects #NAME? and #REF! as outputs). */
export function isOutputErrorCode(code: string): boolean {
  return OUTPUT_CODES.has(code);
}
