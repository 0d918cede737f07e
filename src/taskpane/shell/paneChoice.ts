import type { KeyValueStore } from "../i18n/locale";

export const PANE_STORAGE_KEY = "service-appraisal.pane";

/** The pane to open first: the one last used if it is still registered, else the first. */
export function initialPane(store: KeyValueStore | null, paneIds: readonly string[]): string | null {
  let stored: string | null = null;
  try {
    stored = store?.getItem(PANE_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  if (stored !== null && paneIds.includes(stored)) return stored;
  return paneIds[0] ?? null;
}

export function storePane(store: KeyValueStore | null, id: string): void {
  try {
    store?.setItem(PANE_STORAGE_KEY, id);
  } catch {
    // storage refused: the choice simply is not remembered
  }
}
