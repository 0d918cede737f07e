import { LOCALES, resolveLocale, type Locale } from "../../core/i18n/text";

/** localStorage key of the user's language choice (the header switch). */
export const LOCALE_STORAGE_KEY = "service-appraisal.locale";

/** The subset of `Storage` we use; injectable for tests. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function isLocale(value: string | null): value is Locale {
  return value !== null && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language to start in: the user's stored choice if there is a valid one, otherwise the
 * host's language (Office display language, or the browser's) resolved to zh-CN / en-US.
 * Storage that throws (blocked cookies, some Office webviews) counts as "no choice".
 */
export function initialLocale(store: KeyValueStore | null, hostLanguage: string | null | undefined): Locale {
  let stored: string | null = null;
  try {
    stored = store?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  return isLocale(stored) ? stored : resolveLocale(hostLanguage);
}

/** Remembers the choice; returns false when storage refused it (the switch still works). */
export function storeLocale(store: KeyValueStore | null, locale: Locale): boolean {
  try {
    if (!store) return false;
    store.setItem(LOCALE_STORAGE_KEY, locale);
    return true;
  } catch {
    return false;
  }
}

/** `window.localStorage`, or null where reading it throws or it does not exist. */
export function browserStore(): KeyValueStore | null {
  try {
    return typeof window !== "undefined" && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}
