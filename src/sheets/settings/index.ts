export { settingsPlan, SETTINGS_SHEET_NAME, SETTINGS_MARKER_VERSION } from "./settingsPlan";
export { settingsFromNames, type NamedValues, type SettingsReadBack } from "./settingsFromNames";
