import { SettingsRegular } from "@fluentui/react-icons";
import { STRINGS } from "../../i18n/strings";
import type { PaneDefinition } from "../types";
import { SettingsPane } from "./SettingsPane";

export const settingsPane: PaneDefinition = {
  id: "settings",
  title: STRINGS.settingsTab,
  icon: <SettingsRegular />,
  component: SettingsPane,
};
