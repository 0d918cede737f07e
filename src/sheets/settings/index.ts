export { settingsPlan, SETTINGS_SHEET_NAME } from "./settingsPlan";
export { settingsMarkerOf, SETTINGS_MARKER_VERSION, type SettingsMarker, type SettingsMeta } from "./marker";
export {
  settingsFromNames,
  settingsHaveNames,
  LATER_NAMES,
  WARRANTY_NAMES,
  type NamedValues,
  type SettingsReadBack,
} from "./settingsFromNames";
export {
  decideWorkbookSettings,
  readWorkbookSettings,
  settingsForGeneration,
  unreadableSettingsError,
  usableSettings,
  SETTINGS_UNREADABLE,
  type GenerationSettings,
  type WorkbookSettings,
} from "./readSettings";
