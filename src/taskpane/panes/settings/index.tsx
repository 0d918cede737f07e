import { SettingsRegular } from "@fluentui/react-icons";
import { lazy } from "react";
import { STRINGS } from "../../i18n/strings";
import type { PaneDefinition } from "../types";

export const settingsPane: PaneDefinition = {
  id: "settings",
  title: STRINGS.settingsTab,
  icon: <SettingsRegular />,
  // Loaded when the tab is first opened: the sheet generator stays out of the first paint.
  component: lazy(() => import("./SettingsPane").then((m) => ({ default: m.SettingsPane }))),
};
