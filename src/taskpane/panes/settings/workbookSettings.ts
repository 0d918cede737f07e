import type { WorkbookSettings } from "../../../sheets/settings";

/**
 * What the settings pane shows: the workbook's settings as decided in sheets/settings
 * (readSettings.ts: marker or names, the same decision the command line makes), or that they
 * are still being read, or that reading failed.
 */
export type WorkbookSettingsState =
  WorkbookSettings | { readonly status: "loading" } | { readonly status: "failed"; readonly error: unknown };
