/** The settings sheet's marker: only its kind matters (the values are read through the workbook names). */
import { text } from "../../core/i18n/text";
import type { Result } from "../../core/problem";
import { checkMarker, type MarkerSpec } from "../formula/marker";
import type { FoundPlan, MarkerOf } from "../plan";

export const SETTINGS_MARKER_VERSION = 1;

/** No layout facts: every value has its workbook name (SETTING_NAMES). */
export type SettingsMeta = Readonly<Record<string, never>>;

export type SettingsMarker = MarkerOf<"settings", SettingsMeta>;

const SPEC: MarkerSpec<"settings", SettingsMeta> = {
  kind: "settings",
  version: SETTINGS_MARKER_VERSION,
  label: text("考核参数", "Settings"),
  // Nothing in meta is read, so any meta will do.
  isMeta: (meta): meta is SettingsMeta => typeof meta === "object",
};

/** The settings marker of a sheet found in a workbook, checked; or why it cannot be read. */
export function settingsMarkerOf(found: FoundPlan): Result<SettingsMarker> {
  return checkMarker(found, SPEC);
}
